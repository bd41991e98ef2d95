//! The analysed document that every annotator reads.
//!
//! A document is segmented and its words are looked up once, here:
//! paragraphs, sentences and tokens (from `parallax-text`), each token's
//! folded form (lower case, curly apostrophes read as straight ones), and
//! the lexicon facts several annotators ask about (reporting verbs, speaker
//! nouns, pronouns, number words), and the tokens as numbers and dates read
//! them ([`num_tokens`]), and the document's language ([`language`]). Annotators take an [`Analysed`]
//! document and never tokenise the text again, as the stages of a
//! tokenizer pipeline share one encoding.
//!
//! This crate also holds what the annotator crates share: the word tables
//! and their loaders ([`WordMap`], [`lookup`], [`data_lines`]), and the
//! shared word lists of `data/`, compiled in.
//!
//! It must not annotate: finding quotations, entities, counts or dates is
//! each annotator's own work, and it must never look at another document.

mod analysed;
mod hash;
pub mod language;
pub mod lexicon;
pub mod num_tokens;
pub mod numbers;

pub use analysed::Analysed;
pub use hash::{data_lines, fold, key, lookup, word_list, FastMap, FastSet, Fnv, WordMap};
pub use language::Language;
