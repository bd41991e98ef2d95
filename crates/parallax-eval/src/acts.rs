//! Scoring of statements against the hand-labelled acts sample
//! (data/eval/acts_labels.tsv; the method is in BENCHMARKS.md).
//!
//! A label names an attributed statement by its document id and the input
//! span of its words, and gives its act (or `none` where the record is no
//! attributed statement), its actor and target, and, for an answer, the id
//! of the labelled allegation it answers (`external` when that allegation
//! is not among the labels). Each label is paired with the statement whose
//! input span overlaps it most (at least half of the shorter span), one
//! statement per label; labels drawn from pieces of one attribution share
//! its statement when the statement contains them. The statements are
//! scored as they are.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use parallax_model::{Act, Document};

use crate::labels::{same_speaker, LabelsError};

/// One labelled statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActLabel {
    pub line: usize,
    pub id: String,
    pub doc_id: String,
    pub outlet: String,
    pub bias: String,
    pub input_start: usize,
    pub input_end: usize,
    /// The act, or `None` for a record that is no attributed statement.
    pub act: Option<Act>,
    pub actor: Option<String>,
    pub target: Option<String>,
    /// The id of the labelled allegation this one answers.
    pub answers: Option<String>,
}

const COLUMNS: [&str; 11] = [
    "id",
    "doc_id",
    "outlet",
    "bias",
    "input_start",
    "input_end",
    "act",
    "actor",
    "target",
    "answers",
    "note",
];

fn dash(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty() && s != "-").then(|| s.to_string())
}

/// Read the labels file.
pub fn load_act_labels(path: &Path) -> Result<Vec<ActLabel>, LabelsError> {
    let text = std::fs::read_to_string(path).map_err(|source| LabelsError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    parse_act_labels(&text).map_err(|(line, message)| LabelsError::Malformed {
        path: path.to_path_buf(),
        line,
        message,
    })
}

/// Parse the labels (a header line, then one tab-separated row a label).
pub fn parse_act_labels(text: &str) -> Result<Vec<ActLabel>, (usize, String)> {
    let mut lines = text.lines().enumerate();
    let header = lines.next().map(|(_, l)| l).unwrap_or_default();
    if header.split('\t').collect::<Vec<_>>() != COLUMNS {
        return Err((1, format!("the header must be {}", COLUMNS.join(" "))));
    }
    let mut out = Vec::new();
    for (n, line) in lines {
        if line.trim().is_empty() {
            continue;
        }
        let c: Vec<&str> = line.split('\t').collect();
        if c.len() != COLUMNS.len() {
            return Err((
                n + 1,
                format!("{} columns, expected {}", c.len(), COLUMNS.len()),
            ));
        }
        let num = |s: &str, what: &str| {
            s.trim()
                .parse::<usize>()
                .map_err(|_| (n + 1, format!("{what} `{s}` is not a number")))
        };
        let act = match c[6].trim() {
            "none" => None,
            a => Some(
                Act::ALL
                    .into_iter()
                    .find(|x| x.as_str() == a)
                    .ok_or_else(|| (n + 1, format!("unknown act `{a}`")))?,
            ),
        };
        let (input_start, input_end) = (num(c[4], "input_start")?, num(c[5], "input_end")?);
        if input_end < input_start {
            return Err((n + 1, "input_end before input_start".to_string()));
        }
        out.push(ActLabel {
            line: n + 1,
            id: c[0].trim().to_string(),
            doc_id: c[1].trim().to_string(),
            outlet: c[2].trim().to_string(),
            bias: c[3].trim().to_string(),
            input_start,
            input_end,
            act,
            actor: dash(c[7]),
            target: dash(c[8]),
            answers: dash(c[9]),
        });
    }
    Ok(out)
}

/// The scores of one run.
#[derive(Debug, Clone, Default)]
pub struct ActsReport {
    pub labels: usize,
    pub documents: usize,
    pub outlets: usize,
    /// Labels with an act (not `none`).
    pub statements: usize,
    /// Of those, labels no statement pairs with.
    pub unpaired: usize,
    pub act_right: usize,
    pub act_judged: usize,
    /// (label act or "none", predicted act or "(no statement)") → count.
    pub confusion: BTreeMap<(String, String), usize>,
    pub actor_right: usize,
    pub actor_judged: usize,
    pub gold_links: usize,
    pub predicted_links: usize,
    pub links_right: usize,
    /// Every label with what its statement says, for `--show`.
    pub judged: Vec<JudgedAct>,
}

/// One label and its statement.
#[derive(Debug, Clone, Default)]
pub struct JudgedAct {
    pub id: String,
    pub label_act: String,
    pub label_actor: Option<String>,
    pub act: Option<String>,
    pub rule: Option<String>,
    pub actor: Option<String>,
    pub text: Option<String>,
    pub confidence: Option<f64>,
    pub act_right: bool,
    pub actor_right: bool,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

impl ActsReport {
    pub fn act_accuracy(&self) -> f64 {
        ratio(self.act_right, self.act_judged)
    }

    pub fn actor_accuracy(&self) -> f64 {
        ratio(self.actor_right, self.actor_judged)
    }

    /// Of the paired statements given `act`, the share labelled so (a
    /// `none` label counts against).
    pub fn precision(&self, act: Act) -> (f64, usize, usize) {
        let mut right = 0;
        let mut all = 0;
        for ((gold, pred), n) in &self.confusion {
            if pred == act.as_str() {
                all += n;
                if gold == act.as_str() {
                    right += n;
                }
            }
        }
        (ratio(right, all), right, all)
    }

    pub fn link_precision(&self) -> f64 {
        ratio(self.links_right, self.predicted_links)
    }

    pub fn link_recall(&self) -> f64 {
        ratio(self.links_right, self.gold_links)
    }
}

fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

/// Pair each label with the statement that overlaps it most, one to one,
/// and score.
pub fn score_acts(labels: &[ActLabel], docs: &[Document]) -> ActsReport {
    let by_id: HashMap<&str, &Document> = docs.iter().map(|d| (d.id.as_str(), d)).collect();
    let mut pairs = Vec::new();
    for (li, l) in labels.iter().enumerate() {
        let Some(doc) = by_id.get(l.doc_id.as_str()) else {
            continue;
        };
        for (si, s) in doc.statements.iter().enumerate() {
            let (Some(a), Some(b)) = (s.input.input_start, s.input.input_end) else {
                continue;
            };
            let o = overlap((l.input_start, l.input_end), (a, b));
            let shorter = (l.input_end - l.input_start).min(b.saturating_sub(a));
            if o > 0 && 2 * o >= shorter {
                pairs.push((o, li, si));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut paired: Vec<Option<usize>> = vec![None; labels.len()];
    let mut used: BTreeSet<(usize, usize)> = BTreeSet::new();
    for (_, li, si) in pairs {
        let doc_key = labels[li].doc_id.as_str();
        let d = docs
            .iter()
            .position(|d| d.id == doc_key)
            .unwrap_or(usize::MAX);
        // A statement holds every piece of its attribution: labels drawn
        // per piece may share it when it contains them.
        let s = &docs[d.min(docs.len() - 1)].statements[si];
        let contains = s
            .input
            .input_start
            .is_some_and(|a| a <= labels[li].input_start)
            && s.input.input_end.is_some_and(|b| labels[li].input_end <= b);
        if paired[li].is_some() || used.contains(&(d, si)) && !contains {
            continue;
        }
        paired[li] = Some(si);
        used.insert((d, si));
    }
    let mut r = ActsReport {
        labels: labels.len(),
        documents: labels
            .iter()
            .map(|l| &l.doc_id)
            .collect::<BTreeSet<_>>()
            .len(),
        outlets: labels
            .iter()
            .map(|l| &l.outlet)
            .collect::<BTreeSet<_>>()
            .len(),
        ..Default::default()
    };
    let mut label_at: HashMap<(&str, usize), &ActLabel> = HashMap::new();
    for (l, p) in labels.iter().zip(&paired) {
        if let Some(si) = p {
            label_at.insert((l.doc_id.as_str(), *si), l);
        }
    }
    for (l, p) in labels.iter().zip(&paired) {
        let gold = l.act.map_or("none", Act::as_str).to_string();
        let statement = p.and_then(|si| {
            by_id
                .get(l.doc_id.as_str())
                .and_then(|d| d.statements.get(si))
        });
        let pred = statement.map_or("(no statement)".to_string(), |s| s.act.as_str().to_string());
        *r.confusion.entry((gold, pred)).or_default() += 1;
        let mut judged = JudgedAct {
            id: l.id.clone(),
            label_act: l.act.map_or("none", Act::as_str).to_string(),
            label_actor: l.actor.clone(),
            act: statement.map(|s| s.act.as_str().to_string()),
            rule: statement.map(|s| s.evidence.rule.clone()),
            actor: statement.and_then(|s| s.actor.clone()),
            text: statement.map(|s| s.text.clone()),
            confidence: statement.map(|s| s.confidence),
            ..Default::default()
        };
        let Some(act) = l.act else {
            r.judged.push(judged);
            continue;
        };
        r.statements += 1;
        let Some(s) = statement else {
            r.unpaired += 1;
            r.judged.push(judged);
            continue;
        };
        r.act_judged += 1;
        r.act_right += usize::from(s.act == act);
        judged.act_right = s.act == act;
        if let Some(gold_actor) = &l.actor {
            r.actor_judged += 1;
            let right = s
                .actor
                .as_deref()
                .is_some_and(|a| same_speaker(a, gold_actor));
            r.actor_right += usize::from(right);
            judged.actor_right = right;
        }
        r.judged.push(judged);
        // A predicted link between two labelled statements.
        if let Some(ans) = &s.answers {
            if let Some(to) = label_at.get(&(l.doc_id.as_str(), ans.statement)) {
                r.predicted_links += 1;
                let right = l.answers.as_deref() == Some(to.id.as_str());
                r.links_right += usize::from(right);
            }
        }
    }
    r.gold_links = labels
        .iter()
        .filter(|l| {
            l.answers
                .as_deref()
                .is_some_and(|a| a != "external" && labels.iter().any(|m| m.id == a))
        })
        .count();
    r
}

impl std::fmt::Display for ActsReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "{} labels ({} statements) from {} articles of {} outlets; {} statements with no statement paired",
            self.labels, self.statements, self.documents, self.outlets, self.unpaired
        )?;
        writeln!(
            f,
            "act accuracy     {:.3}  ({} of {})",
            self.act_accuracy(),
            self.act_right,
            self.act_judged
        )?;
        for act in [
            Act::Allegation,
            Act::Denial,
            Act::Demand,
            Act::CounterAccusation,
            Act::Criticism,
            Act::Claim,
        ] {
            let (p, right, all) = self.precision(act);
            writeln!(
                f,
                "  precision {:<18} {p:.3}  ({right} of {all})",
                act.as_str()
            )?;
        }
        writeln!(
            f,
            "actor accuracy   {:.3}  ({} of {})",
            self.actor_accuracy(),
            self.actor_right,
            self.actor_judged
        )?;
        writeln!(
            f,
            "links            precision {:.3} ({} of {} predicted), recall {:.3} ({} of {} labelled)",
            self.link_precision(),
            self.links_right,
            self.predicted_links,
            self.link_recall(),
            self.links_right,
            self.gold_links
        )?;
        // By the construction that decided the act: how often it is right,
        // against the confidence it gives.
        let mut by_rule: BTreeMap<&str, (usize, usize, f64)> = BTreeMap::new();
        for j in &self.judged {
            if j.label_act == "none" {
                continue;
            }
            if let (Some(rule), Some(c)) = (j.rule.as_deref(), j.confidence) {
                let e = by_rule.entry(rule).or_default();
                e.0 += 1;
                e.1 += usize::from(j.act_right);
                e.2 += c;
            }
        }
        writeln!(
            f,
            "by rule            statements  right  share  mean confidence"
        )?;
        let mut ece = 0.0;
        let mut n_all = 0usize;
        for (rule, (n, right, conf)) in &by_rule {
            let share = ratio(*right, *n);
            let mean = conf / *n as f64;
            ece += (*n as f64) * (share - mean).abs();
            n_all += n;
            writeln!(f, "  {rule:<22} {n:>6} {right:>6}  {share:.3}  {mean:.3}")?;
        }
        writeln!(
            f,
            "confidence against act accuracy, by rule: expected calibration error {:.3}",
            if n_all == 0 { 0.0 } else { ece / n_all as f64 }
        )?;
        writeln!(f, "confusion (label → statement)")?;
        let preds: BTreeSet<&String> = self.confusion.keys().map(|(_, p)| p).collect();
        let golds: BTreeSet<&String> = self.confusion.keys().map(|(g, _)| g).collect();
        write!(f, "  {:<19}", "label \\ statement")?;
        for p in &preds {
            write!(f, " {:>9}", abbreviate(p))?;
        }
        writeln!(f)?;
        for g in golds {
            write!(f, "  {g:<19}")?;
            for p in &preds {
                let n = self
                    .confusion
                    .get(&(g.clone(), (*p).clone()))
                    .copied()
                    .unwrap_or(0);
                write!(f, " {n:>9}")?;
            }
            writeln!(f)?;
        }
        Ok(())
    }
}

/// Up to `n` statement labels whose act or actor the statements get
/// wrong, as lines.
pub fn show_wrong(report: &ActsReport, n: usize) -> Vec<String> {
    report
        .judged
        .iter()
        .filter(|j| j.label_act != "none" && !(j.act_right && j.actor_right))
        .take(n)
        .map(|j| {
            let text: String = j.text.as_deref().unwrap_or("").chars().take(160).collect();
            format!(
                "{} label={} got={} [{}] actor: label={:?} got={:?}\n    {text}",
                j.id,
                j.label_act,
                j.act.as_deref().unwrap_or("(no statement)"),
                j.rule.as_deref().unwrap_or("-"),
                j.label_actor,
                j.actor
            )
        })
        .collect()
}

fn abbreviate(s: &str) -> String {
    match s {
        "counter_accusation" => "counter".to_string(),
        "(no statement)" => "(none)".to_string(),
        other => other.chars().take(9).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_parse_and_bad_rows_name_their_line() {
        let head = COLUMNS.join("\t");
        let ok = format!("{head}\ns001\td1\tOut\tleft\t10\t40\tdenial\tIvo Rein\t-\ts002\t\n");
        let l = parse_act_labels(&ok).unwrap();
        assert_eq!(l.len(), 1);
        assert_eq!(l[0].act, Some(Act::Denial));
        assert_eq!(l[0].answers.as_deref(), Some("s002"));
        assert_eq!(l[0].target, None);
        let bad = format!("{head}\ns001\td1\tOut\tleft\t10\t40\tpraise\t-\t-\t-\t\n");
        let err = parse_act_labels(&bad).unwrap_err();
        assert_eq!(err.0, 2);
        assert!(err.1.contains("praise"));
    }
}
