//! Cleaning: from an article's raw text to the text every offset points into.
//!
//! Per document, [`Cleaner::clean`] normalises the text, takes out page
//! furniture (related links, social embeds, navigation, captions, picture
//! credits, footers, legal notices) by the rules in `data/boilerplate.tsv`, finds the headline
//! and the dateline, and infers the outlet and publication date with their
//! evidence (signatures in `data/outlets.tsv`). Across a corpus,
//! [`CorpusCleaner`] removes lines that recur in several documents of one
//! outlet, recognises an outlet by the furniture or the social handle it
//! shares with its other documents, and dates datelines that lack a year. [`Draft::finish`] then fixes the text.
//!
//! Nothing is dropped silently: every piece taken out is listed with a reason
//! code and the detail that triggered it. This crate must not name an outlet
//! in code (signatures are data), look at more than one document except
//! through [`CorpusCleaner`], or annotate the text.

mod corpus;
mod dates;
mod draft;
mod outlets;
mod rules;

pub use corpus::{CorpusCleaner, CorpusConfig};
pub use dates::parse_date;
pub use draft::{CleanArticle, Cleaner, Draft};

/// A data file that does not compile: a bug in the shipped data, reported
/// with the file and line.
#[derive(Debug, thiserror::Error)]
pub enum CleanError {
    #[error("{file}:{line}: {reason}")]
    Data {
        file: &'static str,
        line: usize,
        reason: String,
    },
}
