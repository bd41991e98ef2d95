//! Annotators: what one cleaned document says, tied to spans of its text.
//!
//! Each annotator is a pure function of one document's clean text, its
//! segmentation and its publication date. Annotators run in parallel across
//! documents and never look at another document; cross-document work
//! (stories, echoes, entity resolution across outlets) belongs to
//! `parallax-link`. Lexicons are data files in `data/`, compiled in.
//!
//! All offsets inside this crate are byte offsets into the clean text; the
//! pipeline converts them to character offsets when it builds the records.
//!
//! This crate must not read files, know outlets by name, or change the text.

pub mod counts;
pub mod dates;
pub mod entities;
pub mod lexicon;
pub mod quotes;
