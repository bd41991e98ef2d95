//! Quotations (direct, partial, indirect) and the speakers they hang on.
//!
//! The finder works sentence by sentence. Quote marks are paired per
//! paragraph (by `parallax-text`), which gives the *quoted stretches*;
//! reporting cues ("said", "told", "denied", "according to", "adding that")
//! are looked for outside them. Each cue yields its speaker mention (left of
//! the cue, or right of it when inverted: "…, said Igor Klimov") and the
//! words it reports: a quoted stretch (direct), a clause (indirect), or a
//! clause holding a quoted fragment (indirect, plus the fragment as
//! partial). Quoted stretches with no cue keep the previous speaker when they
//! continue a quotation; short ones that nobody says are scare quotes and are
//! left out. Speakers are resolved from the document's own mentions only
//! (see [`speaker`]).

mod assemble;
mod clause;
pub mod confidence;
mod constructions;
pub mod cue_model;
mod entity_link;
mod fallback;
mod judge;
mod proposition;
pub mod speaker;
mod words;
mod zones;

use std::ops::Range;

use confidence::Origin;
use parallax_analysis::lexicon::Signal;
use parallax_analysis::Analysed;
use parallax_model::{Mode, QuoteKind, SourceType};

pub use assemble::find_quotes_with;

/// A resolved speaker and the words the attribution hangs on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeakerFinding {
    pub name: String,
    pub role: Option<String>,
    /// The body the speaker speaks for, where the role names it before
    /// the function ("Meridian Health" of "Meridian Health senior
    /// manager").
    pub affiliation: Option<String>,
    /// A person, a body, several people, a document, or not known.
    pub source_type: SourceType,
    /// Byte range of the mention ("he", "the MoD deputy head", "Antonov").
    pub mention: Range<usize>,
}

/// One quotation: byte ranges into the clean text.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteFinding {
    /// The attribution this finding belongs to, numbered from 0 in the
    /// order attributions first appear in the text. The pieces of an
    /// interrupted quotation and a quotation continuing the previous
    /// speaker share their attribution's number.
    pub attribution: usize,
    pub kind: QuoteKind,
    /// The quoted words without their marks, or the reported clause.
    pub range: Range<usize>,
    /// Quoted fragments inside a reported clause ("… called the reports
    /// “anti-Russian smears”"): part of this attribution, not quotations of
    /// their own.
    pub partials: Vec<Range<usize>>,
    pub cue: Option<Range<usize>>,
    /// What the cue signals (denial, allegation…), when there is a cue.
    pub signal: Option<Signal>,
    /// What is reported: speech, writing, thought or evidence.
    pub mode: Mode,
    /// How sure the finder is that this is an attribution, in [0, 1]; the
    /// same for every piece of one attribution.
    pub confidence: f32,
    /// What the confidence was computed from.
    pub origin: Origin,
    pub speaker: Option<SpeakerFinding>,
}

/// Find every quotation of a document and attribute it; `entities` are the
/// document's entities (from `parallax-entities`), whose names and types
/// the speakers take.
pub fn find_quotes(
    doc: &Analysed<'_>,
    entities: &[parallax_entities::EntityFinding],
) -> Vec<QuoteFinding> {
    find_quotes_with(doc, cue_model::cue_model(), entities)
}
