//! A learned judge of reporting cues.
//!
//! The hand-written rules of [`super::find_quotes`] read the common shapes
//! of reported speech around known reporting verbs. Attribution in news is
//! much wider than that ("criticism of", "called for", "believes", "was
//! first reported by"), and whether a word is a cue depends on its
//! neighbours ("called him" against "called for"). This model scores a word
//! as the head of a cue from its context: a logistic regression over sparse
//! features (the word, its neighbours, their shapes, whether the rules read a
//! cue there). The weights are a data file (`data/cue_model.tsv`), written by
//! [`CueTrainer`] from annotated articles and compiled in.
//!
//! Only words that head cues in the training data are candidates, so most
//! words of a text cost one hash lookup.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::words::Word;

const MODEL: &str = include_str!("../../../../data/cue_model.tsv");

/// FNV-1a over the parts of a feature joined by `|`, the form in which the
/// model file writes it.
fn hash_parts(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            h = (h ^ u64::from(b'|')).wrapping_mul(0x0000_0100_0000_01b3);
        }
        for &b in p.as_bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}

#[derive(Default)]
struct IdentityHasher(u64);

impl std::hash::Hasher for IdentityHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// Keys are already FNV hashes.
type HashedMap = HashMap<u64, f32, std::hash::BuildHasherDefault<IdentityHasher>>;

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
    let l = w.lower.as_ref();
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
    if super::words::is_determiner(w) {
        return "det";
    }
    if super::words::is_auxiliary(w) {
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

fn reading_features(r: &ReadingView<'_>, emit: &mut dyn FnMut(&[&str])) {
    let len = length_bucket(r.words);
    let q = match r.quoted_tenths {
        0 => "0",
        1..=4 => "low",
        5..=8 => "mid",
        _ => "high",
    };
    emit(&["rc", r.cue]);
    emit(&["rdir", r.direction]);
    emit(&["rm", r.mention]);
    emit(&["rinh", if r.inherits { "1" } else { "0" }]);
    emit(&["rlen", len]);
    emit(&["rfirst", r.first]);
    emit(&["rq", q]);
    emit(&["rsig", r.signal]);
    emit(&["rcdir", r.cue, r.direction]);
    emit(&["rcm", r.cue, r.mention]);
    emit(&["rcfirst", r.cue, r.first]);
    emit(&["rdirlen", r.direction, len]);
    let nest = match (r.nested, r.holds) {
        (false, false) => "-",
        (true, false) => "in",
        (false, true) => "holds",
        (true, true) => "both",
    };
    emit(&["rnest", nest]);
    emit(&["rcnest", r.cue, nest]);
    emit(&["rdirnest", r.direction, nest]);
}

fn low<'a>(x: Option<&'a Word<'_>>) -> &'a str {
    x.map_or("<edge>", |x| x.lower.as_ref())
}

/// Emit the features of word `v` as lists of parts. `rule` says whether the
/// hand-written rules read a cue at `v`.
fn features(ws: &[Word<'_>], v: usize, rule: bool, emit: &mut dyn FnMut(&[&str])) {
    let Some(w) = ws.get(v) else {
        return;
    };
    let lw = w.lower.as_ref();
    let at = |i: Option<usize>| i.and_then(|i| ws.get(i));
    let p1 = at(v.checked_sub(1));
    let p2 = at(v.checked_sub(2));
    let n1 = ws.get(v + 1);
    let n2 = ws.get(v + 2);
    let (sp1, sn1, sp2, sn2) = (shape(p1), shape(n1), shape(p2), shape(n2));
    emit(&["bias"]);
    emit(&["w", lw]);
    emit(&["p1", low(p1)]);
    emit(&["n1", low(n1)]);
    emit(&["p1w", low(p1), lw]);
    emit(&["wn1", lw, low(n1)]);
    emit(&["wn1n2", lw, low(n1), low(n2)]);
    emit(&["sp1", sp1]);
    emit(&["sn1", sn1]);
    emit(&["sp1sn1", sp1, sn1]);
    emit(&["wsp1", lw, sp1]);
    emit(&["wsn1", lw, sn1]);
    emit(&["wsn1sn2", lw, sn1, sn2]);
    emit(&["wsp2sp1", lw, sp2, sp1]);
    let suffix = lw.char_indices().rev().nth(2).map_or(lw, |(i, _)| &lw[i..]);
    emit(&["suf", suffix]);
    emit(&["rule", if rule { "1" } else { "0" }]);
    emit(&["wrule", lw, if rule { "1" } else { "0" }]);
    let first = ws[..v].iter().all(|x| !x.is_word());
    emit(&["first", if first { "1" } else { "0" }]);
    let quoted = ws.iter().any(|x| x.quoted);
    emit(&["sentq", if quoted { "1" } else { "0" }]);
    // Where the nearest quoted stretch lies: reports sit next to quotations.
    let q_before = ws[..v]
        .iter()
        .rev()
        .take(8)
        .any(|x| x.quoted || x.is_quote());
    let q_after = ws[v + 1..].iter().take(8).any(|x| x.quoted || x.is_quote());
    emit(&[
        "qnear",
        if q_before { "b" } else { "-" },
        if q_after { "a" } else { "-" },
    ]);
    if let Some(verb) = crate::lexicon::lexicon().verb(w.s) {
        emit(&["lex", verb.signal.as_str()]);
    }
    let subject =
        ws[..v].iter().rev().take(6).any(|x| {
            x.capitalised() || ["he", "she", "they", "we", "i"].contains(&x.lower.as_ref())
        });
    emit(&["subj6", if subject { "1" } else { "0" }]);
}

/// Threshold names in the model file.
const NEW_THRESHOLD: &str = "new";
const RULE_THRESHOLD: &str = "rule";
const GATE: &str = "gate";

/// The weights of the cue judge, with the thresholds its users apply.
#[derive(Debug, Clone)]
pub struct CueModel {
    weights: HashedMap,
    /// A word the rules did not read counts as a cue at this score or above.
    pub new_threshold: f32,
    /// A cue the rules read is dropped below this score.
    pub rule_threshold: f32,
    /// A candidate whose context alone scores below this is not read at
    /// all: reading it costs more than scoring it, and it would not pass.
    pub gate: f32,
}

impl CueModel {
    /// Parse a model file: `threshold<TAB>name<TAB>value` lines and
    /// `feature<TAB>weight` lines; `#` starts a comment.
    pub fn parse(data: &str) -> CueModel {
        let mut model = CueModel {
            weights: HashedMap::default(),
            new_threshold: f32::INFINITY,
            rule_threshold: f32::NEG_INFINITY,
            gate: f32::NEG_INFINITY,
        };
        for line in data.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            match cols.as_slice() {
                ["threshold", name, value] => {
                    if let Ok(v) = value.parse::<f32>() {
                        match *name {
                            NEW_THRESHOLD => model.new_threshold = v,
                            RULE_THRESHOLD => model.rule_threshold = v,
                            GATE => model.gate = v,
                            _ => {}
                        }
                    }
                }
                [feature, weight] => {
                    if let Ok(w) = weight.parse::<f32>() {
                        let parts: Vec<&str> = feature.split('|').collect();
                        model.weights.insert(hash_parts(&parts), w);
                    }
                }
                _ => {}
            }
        }
        model
    }

    /// Whether `w` heads cues often enough to be judged at all.
    pub fn is_candidate(&self, w: &Word<'_>) -> bool {
        !w.quoted && w.is_word() && self.weights.contains_key(&hash_parts(&["w", &w.lower]))
    }

    /// The score of features written as the model file writes them.
    pub fn score_features(&self, features: &[String]) -> f32 {
        features
            .iter()
            .map(|f| {
                let parts: Vec<&str> = f.split('|').collect();
                self.weights
                    .get(&hash_parts(&parts))
                    .copied()
                    .unwrap_or(0.0)
            })
            .sum()
    }

    /// Whether the context of candidate `v` scores high enough to be read.
    pub(crate) fn passes_gate(&self, ws: &[Word<'_>], v: usize) -> bool {
        if self.gate == f32::NEG_INFINITY {
            return true;
        }
        let mut sum = 0.0;
        features(ws, v, false, &mut |parts: &[&str]| {
            sum += self.weights.get(&hash_parts(parts)).copied().unwrap_or(0.0);
        });
        sum >= self.gate
    }

    /// The score (log-odds) that the reading `r` around word `v` reports
    /// what an annotator would mark.
    pub(crate) fn score(&self, ws: &[Word<'_>], v: usize, rule: bool, r: &ReadingView<'_>) -> f32 {
        let mut sum = 0.0;
        let mut add = |parts: &[&str]| {
            sum += self.weights.get(&hash_parts(parts)).copied().unwrap_or(0.0);
        };
        features(ws, v, rule, &mut add);
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
    text: &str,
    seg: &parallax_text::Segmentation,
    is_candidate: &dyn Fn(&str) -> bool,
) -> Vec<CueExample> {
    let mut out = Vec::new();
    super::for_each_candidate_reading(text, seg, is_candidate, &mut |ws, v, rule, r, view| {
        let mut fs = Vec::new();
        let mut push = |parts: &[&str]| fs.push(parts.join("|"));
        features(ws, v, rule, &mut push);
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

    /// Train and write the model file, keeping the given thresholds.
    /// `vocabulary` lists the candidate words; each keeps its `w|` feature
    /// so that it stays a candidate.
    pub fn train(
        &self,
        fit: &FitSettings,
        vocabulary: &[String],
        new_threshold: f32,
        rule_threshold: f32,
        gate: f32,
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
             # Written by `parallax train cues`; see crates/parallax-extract/src/quotes/cue_model.rs.\n",
        );
        out.push_str(&format!("threshold\t{NEW_THRESHOLD}\t{new_threshold}\n"));
        out.push_str(&format!("threshold\t{RULE_THRESHOLD}\t{rule_threshold}\n"));
        out.push_str(&format!("threshold\t{GATE}\t{gate}\n"));
        for (name, weight) in lines {
            if name.contains('\t') || name.contains('\n') {
                continue;
            }
            out.push_str(&format!("{name}\t{weight:.3}\n"));
        }
        out
    }
}
