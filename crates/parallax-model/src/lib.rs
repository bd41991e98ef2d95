//! The records Parallax reads and writes, and nothing else.
//!
//! Every stage of the pipeline speaks in these types: ingest produces
//! [`SourceDocument`]s, cleaning and annotation fill a [`Document`], linking
//! produces [`Story`] records. The serialised field names are the public
//! output contract (`docs/output-contract.md`); fields may be added but never
//! renamed. The JSON Schema that describes the serialised form lives in
//! `schema/` at the repository root and is exposed as [`DOCUMENT_SCHEMA`] and
//! [`STORY_SCHEMA`].
//!
//! This crate must not do I/O or hold analysis logic: it is the vocabulary
//! the other crates share.

mod actor;
mod document;
pub mod matching;
mod offsets;
mod outline;
mod source;
mod story;

pub use actor::{Actor, ActorDescriptor, ActorInOutlet};
pub use document::{
    Act, ActCue, Answer, Count, CountShare, DateMention, Descriptor, Document, Entity, Fingerprint,
    Hedge, InputSpan, Language, Mention, Mode, Outlet, Partial, Quote, QuoteKind, Removed,
    SourceType, Span, Speaker, Statement, StatementEvidence, StatementParties, TextSpan,
};
pub use offsets::{CharOffsets, InputOffsets};
pub use outline::{DocumentOutline, OutlineCount, OutlineStatement};
pub use source::{Body, Discarded, Origin, PageFacts, RawArticle, SourceDocument};
pub use story::{
    ActorDescription, Comparison, Difference, Echo, EchoQuote, Fact, FactReport, GroupedBy, Link,
    NearDuplicate, OutletPhrase, OutletValues, OutletView, QuotedSpeaker, SpanRef, Story,
    StoryLink, StoryStatementRef, Wording,
};

/// JSON Schema (draft 2020-12) of one line of `documents.jsonl`.
pub const DOCUMENT_SCHEMA: &str = include_str!("../../../schema/document.schema.json");
/// JSON Schema (draft 2020-12) of one line of `links.jsonl`.
pub const LINK_SCHEMA: &str = include_str!("../../../schema/link.schema.json");
/// JSON Schema (draft 2020-12) of one line of `stories.jsonl`.
pub const STORY_SCHEMA: &str = include_str!("../../../schema/story.schema.json");
