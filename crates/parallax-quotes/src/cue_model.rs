//! A learned judge of reporting cues.
//!
//! The hand-written rules of [`crate::find_quotes`] read the common shapes
//! of reported speech around known reporting verbs. Attribution in news is
//! much wider than that ("criticism of", "called for", "believes", "was
//! first reported by"), and whether a word is a cue depends on its
//! neighbours ("called him" against "called for"). This model scores each
//! reading of a cue: the rules' own readings, and a general reading (the
//! clause after the cue, or before it) around candidate words. It is a
//! logistic regression over sparse features: the word, its neighbours and
//! their shapes, whether the rules read a cue there, and the reading's
//! direction, length, speaker kind and nesting. The weights are a data file
//! (`data/cue_model.tsv`), written by [`CueTrainer`] from annotated articles
//! and compiled in.
//!
//! Only words that head cues in the training data are candidates, so most
//! words of a text cost one lookup. The model must not read files or know
//! outlets; what it learned from a corpus is feature weights, never text.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::confidence::Calibration;
use crate::words::Word;

const MODEL: &str = include_str!("../../../data/cue_model.tsv");

/// One part of a feature ("wn1", "said", "that") with its hash, made once
/// so that a word shared by many features is hashed once.
#[derive(Clone, Copy)]
pub(crate) struct Part<'a> {
    s: &'a str,
    h: u64,
}

/// FNV-1a, usable in constants.
const fn fnv(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < bytes.len() {
        h = (h ^ bytes[i] as u64).wrapping_mul(0x0000_0100_0000_01b3);
        i += 1;
    }
    h
}

impl<'a> Part<'a> {
    const fn new(s: &'a str) -> Part<'a> {
        Part {
            s,
            h: fnv(s.as_bytes()),
        }
    }
}

/// The key of a feature: its parts' hashes mixed in order. The model file
/// writes the parts joined by `|`.
fn combine(parts: &[Part<'_>]) -> u64 {
    let mut h: u64 = 0x9e37_79b9_7f4a_7c15;
    for p in parts {
        h = (h.rotate_left(23) ^ p.h).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    h
}

fn key_of_name(name: &str) -> u64 {
    let parts: Vec<Part<'_>> = name.split('|').map(Part::new).collect();
    combine(&parts)
}

/// Constant parts: template names and fixed values cost nothing to hash.
macro_rules! lit {
    ($s:expr) => {
        const { Part::new($s) }
    };
}

fn flag(b: bool) -> Part<'static> {
    if b {
        lit!("1")
    } else {
        lit!("0")
    }
}

/// Feature weights in one flat open-addressing table: a slot is a 32-bit
/// fingerprint and a weight (8 bytes), so the whole model stays small
/// enough for the processor's cache, where every word of a text looks
/// features up.
#[derive(Debug, Clone, Default)]
struct WeightTable {
    slots: Vec<(u32, f32)>,
    len: usize,
}

impl WeightTable {
    /// The slot index comes from the key's high bits, the fingerprint from
    /// its low bits (never 0, which marks an empty slot).
    fn split(key: u64) -> (usize, u32) {
        let fingerprint = (key as u32).max(1);
        ((key >> 32) as usize, fingerprint)
    }

    /// A table holding `entries`, at most half full; a later entry with
    /// the same key replaces an earlier one.
    fn build(entries: &[(u64, f32)]) -> WeightTable {
        let size = (entries.len() * 2).next_power_of_two().max(16);
        let mut table = WeightTable {
            slots: vec![(0, 0.0); size],
            len: 0,
        };
        let mask = size - 1;
        for &(key, weight) in entries {
            let (hi, fp) = Self::split(key);
            let mut i = hi & mask;
            loop {
                match table.slots[i] {
                    (0, _) => {
                        table.slots[i] = (fp, weight);
                        table.len += 1;
                        break;
                    }
                    (f, _) if f == fp => {
                        table.slots[i].1 = weight;
                        break;
                    }
                    _ => i = (i + 1) & mask,
                }
            }
        }
        table
    }

    fn get(&self, key: u64) -> f32 {
        if self.slots.is_empty() {
            return 0.0;
        }
        let (hi, fp) = Self::split(key);
        let mask = self.slots.len() - 1;
        let mut i = hi & mask;
        loop {
            match self.slots[i] {
                (0, _) => return 0.0,
                (f, w) if f == fp => return w,
                _ => i = (i + 1) & mask,
            }
        }
    }

    fn contains(&self, key: u64) -> bool {
        if self.slots.is_empty() {
            return false;
        }
        let (hi, fp) = Self::split(key);
        let mask = self.slots.len() - 1;
        let mut i = hi & mask;
        loop {
            match self.slots[i] {
                (0, _) => return false,
                (f, _) if f == fp => return true,
                _ => i = (i + 1) & mask,
            }
        }
    }
}

/// Words that never head a cue on their own: the head of "called for" is
/// "called", of "his critique of" is "critique", of "according to" is
/// "according".
pub fn is_cue_function_word(lower: &str) -> bool {
    const FUNCTION: &[&str] = &[
        "a", "an", "the", "to", "of", "for", "on", "about", "in", "at", "by", "with", "from",
        "against", "over", "as", "that", "out", "up", "off", "into", "upon", "his", "her", "their",
        "its", "our", "my", "your", "has", "have", "had", "is", "are", "was", "were", "be", "been",
        "being", "will", "would", "can", "could", "should", "may", "might", "must", "do", "does",
        "did", "not", "also", "'s", "’s", "s", "it", "this", "these", "those", "he", "she", "they",
        "we", "i", "you", "him", "them", "and", "or", "but", "so", "just", "even", "still",
        "already", "never", "who", "which", "what",
    ];
    FUNCTION.contains(&lower)
}

/// Adverbs that stand before the verb of a cue ("repeatedly said",
/// "publicly criticised", "later added"): the verb heads the cue.
pub fn is_cue_adverb_word(lower: &str) -> bool {
    let ly = lower.len() >= 6
        && lower.ends_with("ly")
        && !lower.ends_with("ply")
        && !["family", "assembly", "anomaly", "monopoly"].contains(&lower);
    ly || [
        "later", "then", "again", "first", "once", "further", "often", "soon",
    ]
    .contains(&lower)
}

/// How a neighbouring word looks, in a few classes the cue decision turns on.
pub(crate) fn shape(w: Option<&Word<'_>>) -> &'static str {
    let Some(w) = w else {
        return "edge";
    };
    if w.quoted {
        return "quoted";
    }
    if w.is_quote() {
        return "quote";
    }
    if w.is_comma() {
        return "comma";
    }
    if w.is_colon() {
        return "colon";
    }
    if w.ends_sentence() {
        return "stop";
    }
    let l = w.lower;
    if l == "that" {
        return "that";
    }
    if l == "to" {
        return "to";
    }
    if ["he", "she", "they", "we", "i", "it", "you"].contains(&l) {
        return "subj";
    }
    if [
        "his", "her", "their", "its", "our", "my", "your", "'s", "’s",
    ]
    .contains(&l)
    {
        return "poss";
    }
    if ["him", "them", "me", "us"].contains(&l) {
        return "obj";
    }
    if crate::words::is_determiner(w) {
        return "det";
    }
    if crate::words::is_auxiliary(w) {
        return "aux";
    }
    if is_cue_function_word(l) {
        return "func";
    }
    if w.kind == parallax_text::TokenKind::Number {
        return "num";
    }
    if w.capitalised() {
        return "cap";
    }
    if w.is_word() {
        return "low";
    }
    "sym"
}

/// What the reading built around a cue looks like, in the terms the model
/// scores: which way the reported words lie, who speaks, how long it is.
pub(crate) struct ReadingView<'a> {
    /// The cue's words in lower case ("called for", "according to").
    pub cue: &'a str,
    /// "after", "before" or "around" the cue.
    pub direction: &'static str,
    /// The kind of speaker mention, or "none".
    pub mention: &'static str,
    pub inherits: bool,
    /// Words in the reported clause.
    pub words: usize,
    /// The shape of the clause's first word.
    pub first: &'static str,
    /// Share of the clause's words inside quote marks, in tenths.
    pub quoted_tenths: usize,
    pub signal: &'static str,
    /// The cue stands inside what another reading of the sentence reports.
    pub nested: bool,
    /// What this reading reports holds another reading's cue.
    pub holds: bool,
    /// The sentence has quoted words.
    pub sentence_quoted: bool,
}

fn length_bucket(n: usize) -> &'static str {
    match n {
        0..=1 => "1",
        2 => "2",
        3..=5 => "3-5",
        6..=10 => "6-10",
        11..=20 => "11-20",
        21..=40 => "21-40",
        _ => "41+",
    }
}

fn reading_features(r: &ReadingView<'_>, emit: &mut dyn FnMut(&[Part<'_>])) {
    let len = Part::new(length_bucket(r.words));
    let q = Part::new(match r.quoted_tenths {
        0 => "0",
        1..=4 => "low",
        5..=8 => "mid",
        _ => "high",
    });
    let cue = Part::new(r.cue);
    let dir = Part::new(r.direction);
    let mention = Part::new(r.mention);
    let first = Part::new(r.first);
    emit(&[lit!("rc"), cue]);
    emit(&[lit!("rdir"), dir]);
    emit(&[lit!("rm"), mention]);
    emit(&[lit!("rinh"), flag(r.inherits)]);
    emit(&[lit!("rlen"), len]);
    emit(&[lit!("rfirst"), first]);
    emit(&[lit!("rq"), q]);
    emit(&[lit!("rsig"), Part::new(r.signal)]);
    emit(&[lit!("rcdir"), cue, dir]);
    emit(&[lit!("rcm"), cue, mention]);
    emit(&[lit!("rdirlen"), dir, len]);
    let nest = Part::new(match (r.nested, r.holds) {
        (false, false) => "-",
        (true, false) => "in",
        (false, true) => "holds",
        (true, true) => "both",
    });
    emit(&[lit!("rnest"), nest]);
    emit(&[lit!("rcnest"), cue, nest]);
    emit(&[lit!("rdirnest"), dir, nest]);
}

fn low<'a>(x: Option<&'a Word<'_>>) -> &'a str {
    x.map_or("<edge>", |x| x.lower)
}

/// Emit the features of word `v` as lists of parts. `rule` says whether the
/// hand-written rules read a cue at `v`.
fn features(
    ws: &[Word<'_>],
    v: usize,
    rule: bool,
    sentence_quoted: bool,
    emit: &mut dyn FnMut(&[Part<'_>]),
) {
    let Some(w) = ws.get(v) else {
        return;
    };
    let lw = w.lower;
    let at = |i: Option<usize>| i.and_then(|i| ws.get(i));
    let p1 = at(v.checked_sub(1));
    let n1 = ws.get(v + 1);
    let n2 = ws.get(v + 2);
    let pw = Part::new(lw);
    let (pp1, pn1) = (Part::new(low(p1)), Part::new(low(n1)));
    let (sp1, sn1, sn2) = (
        Part::new(shape(p1)),
        Part::new(shape(n1)),
        Part::new(shape(n2)),
    );
    emit(&[lit!("bias")]);
    emit(&[lit!("w"), pw]);
    emit(&[lit!("p1"), pp1]);
    emit(&[lit!("n1"), pn1]);
    emit(&[lit!("p1w"), pp1, pw]);
    emit(&[lit!("wn1"), pw, pn1]);
    emit(&[lit!("sp1"), sp1]);
    emit(&[lit!("sn1"), sn1]);
    emit(&[lit!("sp1sn1"), sp1, sn1]);
    emit(&[lit!("wsp1"), pw, sp1]);
    emit(&[lit!("wsn1"), pw, sn1]);
    emit(&[lit!("wsn1sn2"), pw, sn1, sn2]);
    let suffix = lw.char_indices().rev().nth(2).map_or(lw, |(i, _)| &lw[i..]);
    emit(&[lit!("suf"), Part::new(suffix)]);
    emit(&[lit!("rule"), flag(rule)]);
    emit(&[lit!("wrule"), pw, flag(rule)]);
    let first = ws[..v].iter().all(|x| !x.is_word());
    emit(&[lit!("first"), flag(first)]);
    emit(&[lit!("sentq"), flag(sentence_quoted)]);
    // Where the nearest quoted stretch lies: reports sit next to quotations.
    let q_before = ws[..v]
        .iter()
        .rev()
        .take(8)
        .any(|x| x.quoted || x.is_quote());
    let q_after = ws[v + 1..].iter().take(8).any(|x| x.quoted || x.is_quote());
    emit(&[
        lit!("qnear"),
        if q_before { lit!("b") } else { lit!("-") },
        if q_after { lit!("a") } else { lit!("-") },
    ]);
    if let Some(verb) = w.verb {
        emit(&[lit!("lex"), Part::new(verb.signal.as_str())]);
    }
    let subject = ws[..v]
        .iter()
        .rev()
        .take(6)
        .any(|x| x.capitalised() || ["he", "she", "they", "we", "i"].contains(&x.lower));
    emit(&[lit!("subj6"), flag(subject)]);
}

/// Threshold names in the model file.
const NEW_THRESHOLD: &str = "new";
const RULE_THRESHOLD: &str = "rule";
const NESTED_THRESHOLD: &str = "nested";

/// The scores at which the finder keeps a reading.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Thresholds {
    /// A word the rules did not read counts as a cue at this score or above.
    pub new: f32,
    /// A cue the rules read is dropped below this score.
    pub rule: f32,
    /// A cue the rules read that stands inside what another kept reading
    /// reports needs this much above `rule` to stay.
    pub nested: f32,
}

impl Default for Thresholds {
    /// No learned cue, every rule cue.
    fn default() -> Self {
        Thresholds {
            new: f32::INFINITY,
            rule: f32::NEG_INFINITY,
            nested: f32::NEG_INFINITY,
        }
    }
}

/// The weights of the cue judge, with the thresholds its users apply.
#[derive(Debug, Clone)]
pub struct CueModel {
    weights: WeightTable,
    pub thresholds: Thresholds,
    /// How an attribution's origin and margin turn into its confidence.
    pub calibration: Calibration,
}

impl CueModel {
    /// Parse a model file: `threshold<TAB>name<TAB>value` lines,
    /// `calibration<TAB>origin<TAB>slope<TAB>intercept` lines and
    /// `feature<TAB>weight` lines; `#` starts a comment.
    pub fn parse(data: &str) -> CueModel {
        let mut model = CueModel {
            weights: WeightTable::default(),
            thresholds: Thresholds::default(),
            calibration: Calibration::default(),
        };
        let mut entries = Vec::new();
        for line in data.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            match cols.as_slice() {
                ["threshold", name, value] => {
                    if let Ok(v) = value.parse::<f32>() {
                        match *name {
                            NEW_THRESHOLD => model.thresholds.new = v,
                            RULE_THRESHOLD => model.thresholds.rule = v,
                            NESTED_THRESHOLD => model.thresholds.nested = v,
                            _ => {}
                        }
                    }
                }
                ["calibration", rest @ ..] => {
                    model.calibration.read_line(rest);
                }
                [feature, weight] => {
                    if let Ok(w) = weight.parse::<f32>() {
                        entries.push((key_of_name(feature), w));
                    }
                }
                _ => {}
            }
        }
        model.weights = WeightTable::build(&entries);
        model
    }

    /// Whether `w` heads cues often enough to be judged at all.
    pub fn is_candidate(&self, w: &Word<'_>) -> bool {
        !w.quoted
            && w.is_word()
            && self
                .weights
                .contains(combine(&[lit!("w"), Part::new(w.lower)]))
    }

    /// The score of features written as the model file writes them.
    pub fn score_features(&self, features: &[String]) -> f32 {
        features
            .iter()
            .map(|f| self.weights.get(key_of_name(f)))
            .sum()
    }

    /// The score (log-odds) that the reading `r` around word `v` reports
    /// what an annotator would mark.
    pub(crate) fn score(&self, ws: &[Word<'_>], v: usize, rule: bool, r: &ReadingView<'_>) -> f32 {
        let mut sum = 0.0;
        let mut add = |parts: &[Part<'_>]| {
            sum += self.weights.get(combine(parts));
        };
        features(ws, v, rule, r.sentence_quoted, &mut add);
        reading_features(r, &mut add);
        sum
    }
}

/// The compiled-in cue model.
pub fn cue_model() -> &'static CueModel {
    static MODEL_CELL: OnceLock<CueModel> = OnceLock::new();
    MODEL_CELL.get_or_init(|| CueModel::parse(MODEL))
}

/// One reading to learn from: the byte ranges of what it reports, and its
/// features.
#[derive(Debug, Clone)]
pub struct CueExample {
    /// The candidate word, in lower case.
    pub word: String,
    /// Whether the rules read this cue (otherwise the general reading did).
    pub rule: bool,
    pub cue: std::ops::Range<usize>,
    pub content: Vec<std::ops::Range<usize>>,
    pub features: Vec<String>,
}

/// Every reading the finder would judge in `text`: those the rules read and
/// those around words that `is_candidate` accepts, with their features.
pub fn cue_examples(
    doc: &parallax_analysis::Analysed<'_>,
    is_candidate: &dyn Fn(&str) -> bool,
) -> Vec<CueExample> {
    let mut out = Vec::new();
    crate::judge::for_each_candidate_reading(doc, is_candidate, &mut |ws, v, rule, r, view| {
        let mut fs = Vec::new();
        let mut push = |parts: &[Part<'_>]| {
            let names: Vec<&str> = parts.iter().map(|p| p.s).collect();
            fs.push(names.join("|"));
        };
        features(ws, v, rule, view.sentence_quoted, &mut push);
        reading_features(view, &mut push);
        out.push(CueExample {
            word: ws[v].lower.to_string(),
            rule,
            cue: r.cue.clone(),
            content: r.content.clone(),
            features: fs,
        });
    });
    out
}

/// How [`CueTrainer::train`] fits the weights.
#[derive(Debug, Clone)]
pub struct FitSettings {
    pub epochs: usize,
    /// AdaGrad's base step.
    pub rate: f32,
    /// L2 penalty per step.
    pub l2: f32,
    /// Features seen fewer times are left out: their weights would only
    /// remember the training articles.
    pub min_seen: u32,
}

impl Default for FitSettings {
    fn default() -> Self {
        FitSettings {
            epochs: 3,
            rate: 0.05,
            l2: 1e-3,
            min_seen: 5,
        }
    }
}

/// Logistic regression by stochastic gradient descent with AdaGrad steps
/// and a small L2 penalty, over named features.
#[derive(Default)]
pub struct CueTrainer {
    names: Vec<String>,
    index: HashMap<String, usize>,
    examples: Vec<(Vec<usize>, bool)>,
}

impl CueTrainer {
    pub fn add(&mut self, features: &[String], positive: bool) {
        let ids = features
            .iter()
            .map(|f| {
                if let Some(&i) = self.index.get(f) {
                    i
                } else {
                    self.names.push(f.clone());
                    self.index.insert(f.clone(), self.names.len() - 1);
                    self.names.len() - 1
                }
            })
            .collect();
        self.examples.push((ids, positive));
    }

    pub fn len(&self) -> usize {
        self.examples.len()
    }

    pub fn is_empty(&self) -> bool {
        self.examples.is_empty()
    }

    /// Train and write the model file, keeping the given thresholds and
    /// calibration. `vocabulary` lists the candidate words; each keeps its
    /// `w|` feature so that it stays a candidate.
    pub fn train(
        &self,
        fit: &FitSettings,
        vocabulary: &[String],
        thresholds: Thresholds,
        calibration: &Calibration,
    ) -> String {
        let n = self.names.len();
        let min_seen = fit.min_seen;
        let mut seen = vec![0u32; n];
        for (ids, _) in &self.examples {
            for &i in ids {
                seen[i] += 1;
            }
        }
        let mut w = vec![0f32; n];
        let mut g2 = vec![1e-6f32; n];
        let (rate, l2) = (fit.rate, fit.l2);
        let mut order: Vec<usize> = (0..self.examples.len()).collect();
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..fit.epochs {
            // Fisher–Yates with a fixed LCG: the same data gives the same model.
            for i in (1..order.len()).rev() {
                seed = seed
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                let j = (seed >> 33) as usize % (i + 1);
                order.swap(i, j);
            }
            for &e in &order {
                let (ids, y) = &self.examples[e];
                let z: f32 = ids
                    .iter()
                    .filter(|&&i| seen[i] >= min_seen)
                    .map(|&i| w[i])
                    .sum();
                let p = 1.0 / (1.0 + (-z).exp());
                let grad = p - if *y { 1.0 } else { 0.0 };
                for &i in ids.iter().filter(|&&i| seen[i] >= min_seen) {
                    let g = grad + l2 * w[i];
                    g2[i] += g * g;
                    w[i] -= rate * g / g2[i].sqrt();
                }
            }
        }
        let keep: std::collections::HashSet<String> =
            vocabulary.iter().map(|v| format!("w|{v}")).collect();
        let mut lines: Vec<(String, f32)> = self
            .names
            .iter()
            .zip(&w)
            .filter(|(name, weight)| weight.abs() >= 0.01 || keep.contains(*name))
            .map(|(name, weight)| (name.clone(), *weight))
            .collect();
        lines.sort_by(|a, b| a.0.cmp(&b.0));
        let mut out = String::new();
        out.push_str(
            "# Cue model: feature<TAB>weight (log-odds that a word heads a reporting cue).\n\
             # Written by `parallax train cues`; see crates/parallax-quotes/src/cue_model.rs.\n",
        );
        let Thresholds { new, rule, nested } = thresholds;
        out.push_str(&format!("threshold\t{NEW_THRESHOLD}\t{new}\n"));
        out.push_str(&format!("threshold\t{RULE_THRESHOLD}\t{rule}\n"));
        out.push_str(&format!("threshold\t{NESTED_THRESHOLD}\t{nested}\n"));
        out.push_str(&calibration.lines());
        for (name, weight) in lines {
            if name.contains('\t') || name.contains('\n') {
                continue;
            }
            out.push_str(&format!("{name}\t{weight:.3}\n"));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_feature_name_and_its_parts_give_the_same_key() {
        let parts = [lit!("wn1"), Part::new("said"), Part::new("that")];
        assert_eq!(combine(&parts), key_of_name("wn1|said|that"));
        assert_ne!(combine(&parts), key_of_name("wn1|that|said"));
    }

    #[test]
    fn the_model_file_gives_thresholds_weights_and_candidates() {
        let model = CueModel::parse(
            "# a comment\nthreshold\tnew\t0.25\nthreshold\trule\t-1.5\nthreshold\tnested\t2\nw|vowed\t1.5\nbias\t-0.5\nbroken line without a weight\nw|x\tnot-a-number\n",
        );
        assert_eq!(model.thresholds.new, 0.25);
        assert_eq!(model.thresholds.rule, -1.5);
        assert_eq!(model.thresholds.nested, 2.0);
        assert_eq!(model.weights.get(key_of_name("w|vowed")), 1.5);
        assert_eq!(model.weights.get(key_of_name("bias")), -0.5);
        assert_eq!(model.weights.get(key_of_name("w|x")), 0.0);
        assert!(!model.weights.contains(key_of_name("w|x")));
        assert!(!model.weights.contains(key_of_name("w|unknown")));
    }

    #[test]
    fn an_empty_model_reads_with_the_rules_only() {
        let model = CueModel::parse("");
        assert_eq!(model.thresholds.new, f32::INFINITY);
        assert_eq!(model.thresholds.rule, f32::NEG_INFINITY);
        assert_eq!(model.thresholds.nested, f32::NEG_INFINITY);
    }

    #[test]
    fn the_trainer_learns_which_feature_marks_a_cue() {
        let mut trainer = CueTrainer::default();
        let ex = |w: &str| vec!["bias".to_string(), format!("w|{w}")];
        for _ in 0..50 {
            trainer.add(&ex("vowed"), true);
            trainer.add(&ex("table"), false);
        }
        let thresholds = Thresholds {
            new: 0.5,
            rule: -2.0,
            nested: 1.0,
        };
        let text = trainer.train(
            &FitSettings::default(),
            &["vowed".into()],
            thresholds,
            &Calibration::default(),
        );
        let model = CueModel::parse(&text);
        assert_eq!(model.thresholds, thresholds);
        let vowed = model.score_features(&ex("vowed"));
        let table = model.score_features(&ex("table"));
        assert!(vowed > 0.5 && table < 0.0, "vowed {vowed} table {table}");
    }

    #[test]
    fn every_line_of_the_shipped_model_parses() {
        for (i, line) in MODEL.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let ok = match cols.as_slice() {
                ["threshold", "new" | "rule" | "nested", v] => v.parse::<f32>().is_ok(),
                ["calibration", rest @ ..] => Calibration::default().read_line(rest),
                [feature, weight] => !feature.is_empty() && weight.parse::<f32>().is_ok(),
                _ => false,
            };
            assert!(ok, "data/cue_model.tsv:{}: {line:?}", i + 1);
        }
    }

    #[test]
    fn the_compiled_model_has_candidates_and_finite_thresholds() {
        let model = cue_model();
        assert!(model.thresholds.new.is_finite() && model.thresholds.rule.is_finite());
        assert!(model.weights.contains(key_of_name("w|said")));
    }
}
