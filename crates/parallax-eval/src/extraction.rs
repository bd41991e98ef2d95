//! Scoring of main-text extraction against the public article extraction
//! benchmark (pages plus hand-checked gold article bodies).
//!
//! The metric follows the benchmark's own definition so that figures are
//! comparable with published ones: texts are split into `\w+` tokens (case
//! kept), every run of four consecutive tokens is a shingle, and each page
//! contributes true positives, false positives and false negatives over the
//! shingle multisets. Precision and recall are averaged over pages (each page
//! weighs the same), and F1 is taken from those two means.

use serde::Deserialize;
use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Number of consecutive tokens in one shingle.
const SHINGLE_LEN: usize = 4;

/// One page of the benchmark: its markup and the gold article body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BenchmarkPage {
    /// The sha256 under which the benchmark stores the page.
    pub id: String,
    pub url: String,
    pub html: String,
    /// The gold article body.
    pub gold: String,
}

/// Averaged scores over a set of pages.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ExtractionScores {
    /// Number of pages scored.
    pub pages: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Share of pages whose prediction equals the gold once whitespace is
    /// normalised.
    pub accuracy: f64,
}

/// Shingle counts of one page.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PageCounts {
    pub true_positives: usize,
    pub false_positives: usize,
    pub false_negatives: usize,
}

impl PageCounts {
    /// Precision of this page, or `None` when nothing was predicted.
    pub fn precision(&self) -> Option<f64> {
        let predicted = self.true_positives + self.false_positives;
        (predicted > 0).then(|| self.true_positives as f64 / predicted as f64)
    }

    /// Recall of this page, or `None` when the gold is empty.
    pub fn recall(&self) -> Option<f64> {
        let gold = self.true_positives + self.false_negatives;
        (gold > 0).then(|| self.true_positives as f64 / gold as f64)
    }

    /// F1 of this page alone (0 when either side is empty).
    pub fn f1(&self) -> f64 {
        match (self.precision(), self.recall()) {
            (Some(p), Some(r)) if p + r > 0.0 => 2.0 * p * r / (p + r),
            _ => 0.0,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot parse ground truth {path}: {source}")]
    Json {
        path: PathBuf,
        #[source]
        source: serde_json::Error,
    },
    #[error("{path} is not valid UTF-8")]
    NotUtf8 { path: PathBuf },
    #[error("ground truth {path} lists no pages")]
    Empty { path: PathBuf },
}

#[derive(Deserialize)]
struct GroundTruthEntry {
    #[serde(rename = "articleBody")]
    article_body: String,
    #[serde(default)]
    url: String,
}

/// Load every page of the benchmark stored in `dir`: `ground-truth.json`
/// (sha256 → `{articleBody, url}`) and `html/<sha256>.html.gz`. Pages come
/// back sorted by id so that runs are reproducible.
pub fn load_benchmark(dir: &Path) -> Result<Vec<BenchmarkPage>, EvalError> {
    let truth_path = dir.join("ground-truth.json");
    let raw = std::fs::read(&truth_path).map_err(|source| EvalError::Io {
        path: truth_path.clone(),
        source,
    })?;
    let truth: HashMap<String, GroundTruthEntry> =
        serde_json::from_slice(&raw).map_err(|source| EvalError::Json {
            path: truth_path.clone(),
            source,
        })?;
    if truth.is_empty() {
        return Err(EvalError::Empty { path: truth_path });
    }
    let mut ids: Vec<&String> = truth.keys().collect();
    ids.sort();
    let mut pages = Vec::with_capacity(ids.len());
    for id in ids {
        let Some(entry) = truth.get(id) else { continue };
        let html_path = dir.join("html").join(format!("{id}.html.gz"));
        let html = read_gzip_text(&html_path)?;
        pages.push(BenchmarkPage {
            id: id.clone(),
            url: entry.url.clone(),
            html,
            gold: entry.article_body.clone(),
        });
    }
    Ok(pages)
}

fn read_gzip_text(path: &Path) -> Result<String, EvalError> {
    let file = std::fs::File::open(path).map_err(|source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let mut bytes = Vec::new();
    flate2::read::GzDecoder::new(file)
        .read_to_end(&mut bytes)
        .map_err(|source| EvalError::Io {
            path: path.to_path_buf(),
            source,
        })?;
    String::from_utf8(bytes).map_err(|_| EvalError::NotUtf8 {
        path: path.to_path_buf(),
    })
}

/// A `\w` character: a letter or number in Unicode's sense, or `_`.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The `\w+` tokens of a text, case kept.
pub fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match (is_word_char(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.extend(text.get(s..i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.extend(text.get(s..));
    }
    out
}

/// The multiset of 4-token shingles of a text. A text with fewer than four
/// tokens (but at least one) forms a single shingle of all its tokens, so
/// that very short bodies still count.
pub fn shingles(text: &str) -> HashMap<Vec<&str>, usize> {
    let toks = tokens(text);
    let mut counts: HashMap<Vec<&str>, usize> = HashMap::new();
    if toks.is_empty() {
        return counts;
    }
    if toks.len() < SHINGLE_LEN {
        counts.insert(toks, 1);
        return counts;
    }
    for window in toks.windows(SHINGLE_LEN) {
        *counts.entry(window.to_vec()).or_insert(0) += 1;
    }
    counts
}

/// Shingle counts of one prediction against its gold.
pub fn page_counts(gold: &str, predicted: &str) -> PageCounts {
    let gold_shingles = shingles(gold);
    let predicted_shingles = shingles(predicted);
    let mut counts = PageCounts::default();
    for (shingle, &n_pred) in &predicted_shingles {
        let n_gold = gold_shingles.get(shingle).copied().unwrap_or(0);
        counts.true_positives += n_pred.min(n_gold);
        counts.false_positives += n_pred.saturating_sub(n_gold);
    }
    for (shingle, &n_gold) in &gold_shingles {
        let n_pred = predicted_shingles.get(shingle).copied().unwrap_or(0);
        counts.false_negatives += n_gold.saturating_sub(n_pred);
    }
    counts
}

/// Collapse every run of whitespace to one space and trim the ends.
pub fn normalize_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Score predictions against gold bodies, pairing them by position. Extra
/// items on either side are ignored; missing predictions count as empty.
pub fn score_texts(golds: &[&str], predictions: &[String]) -> ExtractionScores {
    let mut precisions = Vec::new();
    let mut recalls = Vec::new();
    let mut exact = 0usize;
    for (i, gold) in golds.iter().enumerate() {
        let predicted = predictions.get(i).map(String::as_str).unwrap_or("");
        let counts = page_counts(gold, predicted);
        precisions.extend(counts.precision());
        recalls.extend(counts.recall());
        if normalize_whitespace(gold) == normalize_whitespace(predicted) {
            exact += 1;
        }
    }
    let precision = mean(&precisions);
    let recall = mean(&recalls);
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    let pages = golds.len();
    let accuracy = if pages == 0 {
        0.0
    } else {
        exact as f64 / pages as f64
    };
    ExtractionScores {
        pages,
        precision,
        recall,
        f1,
        accuracy,
    }
}

/// Score one prediction per benchmark page (same order as `pages`).
pub fn score(pages: &[BenchmarkPage], predictions: &[String]) -> ExtractionScores {
    let golds: Vec<&str> = pages.iter().map(|p| p.gold.as_str()).collect();
    score_texts(&golds, predictions)
}

fn mean(values: &[f64]) -> f64 {
    if values.is_empty() {
        0.0
    } else {
        values.iter().sum::<f64>() / values.len() as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn tokens_keep_case_and_unicode_letters() {
        assert_eq!(
            tokens("Crème brûlée, São-Paulo's 42!"),
            vec!["Crème", "brûlée", "São", "Paulo", "s", "42"]
        );
    }

    #[test]
    fn shingles_are_overlapping_windows_counted_as_multiset() {
        let s = shingles("a b c d a b c d");
        assert_eq!(s.len(), 4);
        assert_eq!(s.get(&vec!["a", "b", "c", "d"]), Some(&2));
        assert_eq!(s.get(&vec!["b", "c", "d", "a"]), Some(&1));
    }

    #[test]
    fn short_texts_form_one_shingle() {
        let s = shingles("only two");
        assert_eq!(s.len(), 1);
        assert_eq!(s.get(&vec!["only", "two"]), Some(&1));
        assert!(shingles("  ,,, ").is_empty());
    }

    #[test]
    fn identical_texts_score_perfectly() {
        let c = page_counts("the cat sat on the mat", "the  cat sat on\nthe mat");
        assert_eq!(
            c,
            PageCounts {
                true_positives: 3,
                false_positives: 0,
                false_negatives: 0
            }
        );
        assert_eq!(c.f1(), 1.0);
    }

    #[test]
    fn extra_and_missing_text_split_into_fp_and_fn() {
        // gold shingles: [a b c d], [b c d e]; predicted: [a b c d], [b c d x]
        let c = page_counts("a b c d e", "a b c d x");
        assert_eq!(c.true_positives, 1);
        assert_eq!(c.false_positives, 1);
        assert_eq!(c.false_negatives, 1);
        assert!(close(c.precision().unwrap_or(0.0), 0.5));
        assert!(close(c.recall().unwrap_or(0.0), 0.5));
    }

    #[test]
    fn repeated_shingles_count_as_a_multiset() {
        // The gold holds the shingle twice, the prediction once.
        let c = page_counts("w x y z w x y z", "w x y z");
        assert_eq!(c.true_positives, 1);
        assert_eq!(c.false_positives, 0);
        assert_eq!(c.false_negatives, 4);
    }

    #[test]
    fn empty_prediction_is_left_out_of_precision_but_not_recall() {
        let scores = score_texts(
            &["one two three four five", "alpha beta gamma delta"],
            &[String::new(), "alpha beta gamma delta".to_string()],
        );
        assert_eq!(scores.pages, 2);
        // Precision only averages the page that predicted something.
        assert!(close(scores.precision, 1.0));
        // Recall averages both: 0 and 1.
        assert!(close(scores.recall, 0.5));
        assert!(close(scores.f1, 2.0 * 0.5 / 1.5));
        assert!(close(scores.accuracy, 0.5));
    }

    #[test]
    fn empty_gold_is_left_out_of_recall() {
        let scores = score_texts(
            &["", "p q r s"],
            &["noise here".to_string(), "p q r s".to_string()],
        );
        assert!(close(scores.recall, 1.0));
        assert!(close(scores.precision, 0.5));
    }

    #[test]
    fn accuracy_ignores_whitespace_differences_only() {
        let scores = score_texts(
            &["First para.\n\nSecond para.", "Same words"],
            &[
                "First para. Second para.".to_string(),
                "same words".to_string(),
            ],
        );
        assert!(close(scores.accuracy, 0.5));
    }

    #[test]
    fn missing_benchmark_reports_the_path() {
        let err = load_benchmark(Path::new("/nonexistent/bench")).err();
        let msg = err.map(|e| e.to_string()).unwrap_or_default();
        assert!(
            msg.contains("/nonexistent/bench/ground-truth.json"),
            "{msg}"
        );
    }
}
