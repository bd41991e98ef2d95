//! Reading news corpora: files, directories, JSON Lines, WARC, standard input.
//!
//! [`Reader`] walks the inputs it is given and yields, in a fixed order, one
//! [`Event`] per document found or per piece of input that could not be
//! read. Reading is cheap and sequential; [`decode`] then turns a found
//! document into plain text (extracting the main text of HTML pages) and is
//! meant to run in parallel.
//!
//! This crate must not clean, annotate or infer anything about the text: it
//! reports what the input says (its fields, its page metadata) and where
//! each document came from. A damaged input never stops the rest: it becomes
//! a [`Problem`] naming the file, the line or record, and the reason.

mod decode;
mod fields;
mod files;
mod jsonl;
mod problem;
mod sniff;
mod warc;

pub use decode::decode;
pub use fields::{FieldError, FieldMap, UnseenFields};
pub use files::{Reader, ReaderOptions};
pub use problem::{Event, NotAPage, Problem, ProblemKind};

/// Documents larger than this (in bytes) are skipped unless configured.
pub const DEFAULT_MAX_DOCUMENT_BYTES: usize = 8 * 1024 * 1024;
