//! Text normalisation and segmentation with honest offsets.
//!
//! Normalisation turns odd spaces into plain ones one-for-one and drops
//! invisible characters, so that every later offset points into the text a
//! reader sees; [`normalise_with_map`] leads offsets back to the raw input,
//! and [`normalise_verbatim`] says which stretches it copied unchanged.
//! Segmentation splits a clean text into paragraphs, sentences and tokens,
//! all as byte ranges into that text, aware of news abbreviations
//! ("Maj. Gen.", "U.S.", "Sept."), initials and quotations that run over
//! several sentences. [`quote_mark`] lets later stages read curly, straight,
//! low and angled quote marks alike while the text keeps what was written.
//!
//! This crate must not know about outlets, boilerplate or any annotation: it
//! only says where things begin and end. It must never panic on any input.
//!
//! ```
//! use parallax_text::{normalise, segment};
//!
//! let text = normalise("Maj.\u{a0}Gen. Ilya Varko landed. \"We came. We saw,\" he said.");
//! let seg = segment(&text);
//! let sentences: Vec<&str> = seg.sentences.iter().map(|s| &text[s.range.clone()]).collect();
//! assert_eq!(sentences, ["Maj. Gen. Ilya Varko landed.", "\"We came. We saw,\" he said."]);
//! ```

mod chars;
mod lexicon;
mod normalise;
mod quotes;
mod segment;
mod token;

pub use lexicon::{abbreviation, AbbreviationKind};
pub use normalise::{normalise, normalise_verbatim, normalise_with_map, OffsetMap, Verbatim};
pub use quotes::{is_apostrophe, quotations, quote_mark, Quotation, QuoteMark, QuoteSide};
pub use segment::{segment, Segmentation, Sentence, Token, TokenKind};
