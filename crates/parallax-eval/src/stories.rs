//! Story grouping against gold clusters (ECB+'s event clusters, or any
//! `doc_id<TAB>cluster` file): pairwise precision, recall and F1 over all
//! pairs of documents (as in Miranda et al. 2018) and B-cubed precision,
//! recall and F1.
//!
//! The gold label is never shown to the grouping: documents are fed to a
//! [`parallax_link::StoryIndex`] in a fixed random order, and only the
//! resulting assignment is compared with the gold.

use std::collections::HashMap;
use std::fmt;
use std::path::Path;

use parallax_link::{StoryIndex, StorySettings};
use parallax_model::Document;

use crate::labels::LabelsError;

/// One gold row: a document, its cluster, and its topic where the file
/// has one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldCluster {
    pub doc_id: String,
    pub cluster: String,
    pub topic: Option<String>,
}

/// Read a gold file: a header naming `doc_id` and a cluster column
/// (`event_cluster`, `cluster` or `story`), optionally `topic`.
pub fn load_gold(path: &Path) -> Result<Vec<GoldCluster>, LabelsError> {
    let text = std::fs::read_to_string(path).map_err(|source| LabelsError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let bad = |line: usize, message: String| LabelsError::Malformed {
        path: path.to_path_buf(),
        line,
        message,
    };
    let mut lines = text.lines().enumerate();
    let header: Vec<&str> = lines
        .next()
        .map(|(_, h)| h.split('\t').collect())
        .unwrap_or_default();
    let col = |names: &[&str]| header.iter().position(|h| names.contains(h));
    let id = col(&["doc_id", "id"]).ok_or_else(|| bad(1, "no doc_id column".into()))?;
    let cluster = col(&["event_cluster", "cluster", "story"])
        .ok_or_else(|| bad(1, "no event_cluster, cluster or story column".into()))?;
    let topic = col(&["topic"]);
    let mut out = Vec::new();
    for (n, line) in lines {
        if line.trim().is_empty() {
            continue;
        }
        let c: Vec<&str> = line.split('\t').collect();
        let get = |i: usize| {
            c.get(i)
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
        };
        let (Some(d), Some(k)) = (get(id), get(cluster)) else {
            return Err(bad(n + 1, "a row without a doc_id or a cluster".into()));
        };
        out.push(GoldCluster {
            doc_id: d,
            cluster: k,
            topic: topic.and_then(get),
        });
    }
    Ok(out)
}

/// The scores of one grouping.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StoryScores {
    pub documents: usize,
    pub gold_clusters: usize,
    pub predicted_clusters: usize,
    pub pairwise_precision: f64,
    pub pairwise_recall: f64,
    pub pairwise_f1: f64,
    pub bcubed_precision: f64,
    pub bcubed_recall: f64,
    pub bcubed_f1: f64,
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

fn pairs(n: usize) -> u64 {
    (n as u64) * (n as u64).saturating_sub(1) / 2
}

/// Score `predicted` (document → predicted cluster) against `gold`
/// (document → gold cluster), over the documents both hold.
pub fn score(predicted: &HashMap<String, usize>, gold: &HashMap<String, String>) -> StoryScores {
    let docs: Vec<&String> = {
        let mut d: Vec<&String> = predicted.keys().filter(|k| gold.contains_key(*k)).collect();
        d.sort();
        d
    };
    let mut by_pred: HashMap<usize, usize> = HashMap::new();
    let mut by_gold: HashMap<&str, usize> = HashMap::new();
    let mut by_both: HashMap<(usize, &str), usize> = HashMap::new();
    for d in &docs {
        let p = predicted[*d];
        let g = gold[*d].as_str();
        *by_pred.entry(p).or_default() += 1;
        *by_gold.entry(g).or_default() += 1;
        *by_both.entry((p, g)).or_default() += 1;
    }
    let tp: u64 = by_both.values().map(|&n| pairs(n)).sum();
    let pp: u64 = by_pred.values().map(|&n| pairs(n)).sum();
    let gp: u64 = by_gold.values().map(|&n| pairs(n)).sum();
    let ratio = |a: u64, b: u64| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    let (pw_p, pw_r) = (ratio(tp, pp), ratio(tp, gp));
    let n = docs.len().max(1) as f64;
    let mut bp = 0.0;
    let mut br = 0.0;
    for d in &docs {
        let p = predicted[*d];
        let g = gold[*d].as_str();
        let both = by_both[&(p, g)] as f64;
        bp += both / by_pred[&p] as f64;
        br += both / by_gold[g] as f64;
    }
    let (bp, br) = (bp / n, br / n);
    StoryScores {
        documents: docs.len(),
        gold_clusters: by_gold.len(),
        predicted_clusters: by_pred.len(),
        pairwise_precision: pw_p,
        pairwise_recall: pw_r,
        pairwise_f1: f1(pw_p, pw_r),
        bcubed_precision: bp,
        bcubed_recall: br,
        bcubed_f1: f1(bp, br),
    }
}

/// A fixed random order of `n` items: Fisher–Yates with xorshift64*.
pub fn shuffled(n: usize, seed: u64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    let mut x = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    for i in (1..n).rev() {
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        let r = x.wrapping_mul(0x2545_f491_4f6c_dd1d);
        let j = (r % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
    order
}

/// Group `docs` (fed in the order `order` gives) and score against
/// `gold`.
pub fn group_and_score(
    docs: &[Document],
    order: &[usize],
    gold: &HashMap<String, String>,
    settings: StorySettings,
) -> (StoryScores, StoryIndex) {
    let mut index = StoryIndex::new(settings);
    for &i in order {
        index.add(&docs[i]);
    }
    // Stories by their id after every merge.
    let mut ids: HashMap<String, usize> = HashMap::new();
    let mut predicted = HashMap::new();
    for (doc, story) in index.assignments() {
        let n = ids.len();
        let k = *ids.entry(story).or_insert(n);
        predicted.insert(doc, k);
    }
    (score(&predicted, gold), index)
}

impl fmt::Display for StoryScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} documents, {} gold clusters, {} predicted",
            self.documents, self.gold_clusters, self.predicted_clusters
        )?;
        writeln!(
            f,
            "pairwise  precision {:.3}  recall {:.3}  F1 {:.3}",
            self.pairwise_precision, self.pairwise_recall, self.pairwise_f1
        )?;
        write!(
            f,
            "B-cubed   precision {:.3}  recall {:.3}  F1 {:.3}",
            self.bcubed_precision, self.bcubed_recall, self.bcubed_f1
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn maps(pred: &[(&str, usize)], gold: &[(&str, &str)]) -> StoryScores {
        let p = pred.iter().map(|(d, c)| (d.to_string(), *c)).collect();
        let g = gold
            .iter()
            .map(|(d, c)| (d.to_string(), c.to_string()))
            .collect();
        score(&p, &g)
    }

    #[test]
    fn a_perfect_grouping_scores_one_and_singletons_lose_recall() {
        let gold = [("a", "x"), ("b", "x"), ("c", "y"), ("d", "y")];
        let s = maps(&[("a", 0), ("b", 0), ("c", 1), ("d", 1)], &gold);
        assert_eq!((s.pairwise_f1, s.bcubed_f1), (1.0, 1.0));
        let s = maps(&[("a", 0), ("b", 1), ("c", 2), ("d", 3)], &gold);
        assert_eq!(s.pairwise_recall, 0.0);
        assert_eq!(s.bcubed_precision, 1.0);
        assert!((s.bcubed_recall - 0.5).abs() < 1e-9);
    }

    #[test]
    fn one_big_cluster_loses_precision() {
        let gold = [("a", "x"), ("b", "x"), ("c", "y"), ("d", "y")];
        let s = maps(&[("a", 0), ("b", 0), ("c", 0), ("d", 0)], &gold);
        // 2 right pairs of 6.
        assert!((s.pairwise_precision - 2.0 / 6.0).abs() < 1e-9);
        assert_eq!(s.pairwise_recall, 1.0);
        assert!((s.bcubed_precision - 0.5).abs() < 1e-9);
    }

    #[test]
    fn the_order_is_a_fixed_permutation() {
        let a = shuffled(50, 7);
        assert_eq!(a, shuffled(50, 7));
        assert_ne!(a, shuffled(50, 8));
        let mut s = a.clone();
        s.sort_unstable();
        assert_eq!(s, (0..50).collect::<Vec<_>>());
        assert_ne!(a, (0..50).collect::<Vec<_>>());
    }
}
