//! Evaluation of Parallax components against public benchmarks.
//!
//! `extraction` scores main-text extraction on the article extraction
//! benchmark with the benchmark's own shingle metric, so that figures can be
//! compared with published ones.
//!
//! `attribution` scores quotation attribution (quote spans, speakers, cues)
//! against gold attribution relations in brat standoff.
//!
//! `predict` runs Parallax's annotators on a benchmark's raw texts and puts
//! their findings in the benchmark's terms, and lists the differences.
//!
//! `train` fits the cue model of `parallax-quotes` to annotated articles
//! and writes its data file.
//!
//! This crate must not ship any benchmark data (pages and gold texts are read
//! from `../shared` at run time; a trained model holds weights of features,
//! never texts).

pub mod acts;
pub mod attribution;
pub mod extraction;
pub mod labels;
pub mod predict;
pub mod stories;
pub mod train;
