//! Answers and the allegations they answer, across a corpus.
//!
//! Within a document the acts annotator has already linked each answer it
//! could (`Statement::answers`); those links are kept. An answer left
//! without one is matched against the allegations of the other documents:
//! the party the allegation charges must be one the answer defends or
//! speaks for, the two must share act words (naming the accuser adds to
//! the score), and, where both dates are known, they must lie within
//! [`WINDOW_DAYS`] of each other. An answer that matches nothing keeps the
//! allegation as it names it (`answers_unseen`); an allegation no answer
//! reaches is listed as `unanswered`.

use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDate;
use parallax_model::matching::{act_terms, names_as_words, shared_terms};
use parallax_model::{Act, Document, Link, Statement, StoryStatementRef};

/// How far apart in days an answer and the allegation it answers may be
/// published.
pub const WINDOW_DAYS: i64 = 45;

/// The least score of a link across documents.
pub const CROSS_DOCUMENT_SCORE: f64 = 0.6;

fn terms(s: &Statement) -> Vec<String> {
    act_terms(s.act_text.as_deref().unwrap_or(""))
}

fn is_answer(s: &Statement) -> bool {
    match s.act {
        Act::Denial | Act::CounterAccusation => true,
        Act::Demand => s.cameo == "101",
        _ => false,
    }
}

fn date(d: &Document) -> Option<NaiveDate> {
    d.published
        .as_deref()
        .and_then(|p| NaiveDate::parse_from_str(p, "%Y-%m-%d").ok())
}

fn folded(name: &str) -> String {
    name.to_lowercase()
        .replace('’', "'")
        .replace("'s", "")
        .split_whitespace()
        .filter(|w| *w != "the")
        .collect::<Vec<_>>()
        .join(" ")
}

/// Score an answer in one document against an allegation in another.
fn score(answer: &Statement, allegation: &Statement) -> (f64, Vec<String>) {
    let mut score = 0.0;
    let mut evidence = Vec::new();
    // Whom the answer stands up for: its own side, and for a denial the
    // party it says did nothing (a counter-accusation's accused is the
    // third party it blames instead).
    let defended: BTreeSet<&String> = if answer.act == Act::CounterAccusation {
        answer.parties.actor.iter().collect()
    } else {
        answer
            .parties
            .accused
            .iter()
            .chain(answer.parties.actor.iter())
            .collect()
    };
    // One's own side's allegation is no charge to answer.
    // "government" is every state body's key: too wide to make one side.
    if answer
        .parties
        .actor
        .iter()
        .filter(|k| k.as_str() != "government")
        .any(|k| allegation.parties.actor.contains(k))
    {
        return (0.0, evidence);
    }
    match allegation
        .parties
        .accused
        .iter()
        .find(|k| defended.contains(k))
    {
        Some(k) => {
            score += 0.45;
            evidence.push(format!("the accused answers: {k}"));
        }
        None => return (0.0, evidence),
    }
    let (a, b) = (terms(answer), terms(allegation));
    let (shared, share) = shared_terms(&a, &b);
    if !shared.is_empty() {
        score += 0.35 * share;
        let shared: Vec<&str> = shared.iter().map(|s| s.as_str()).collect();
        evidence.push(format!("shared act terms: {}", shared.join(", ")));
    }
    let names = allegation
        .actor
        .as_deref()
        .is_some_and(|accuser| names_as_words(&folded(&answer.text), &folded(accuser)));
    if names {
        score += 0.3;
        evidence.push(format!(
            "names the accuser: {}",
            allegation.actor.as_deref().unwrap_or_default()
        ));
    }
    (score.min(1.0), evidence)
}

/// Every link of a corpus, in document order: the documents' own links,
/// links across documents for the answers left without one, the answers
/// whose allegation is not in the corpus, and the allegations nobody
/// answers.
pub fn answer_links(docs: &[Document]) -> Vec<Link> {
    let mut links = AnswerLinks::default();
    for d in docs {
        links.add(d);
    }
    links.finish()
}

/// [`answer_links`] one document at a time: each added document leaves
/// only its allegations and answers behind (not its other statements nor
/// its text), so a corpus of any size passes through in small memory.
#[derive(Debug, Default)]
pub struct AnswerLinks {
    /// Each document's id and date, in the order added.
    docs: Vec<(String, Option<NaiveDate>)>,
    /// Allegations and answers: (document, index in its statements, the
    /// statement), in document order.
    statements: Vec<(usize, usize, Statement)>,
}

impl AnswerLinks {
    pub fn add(&mut self, doc: &Document) {
        let di = self.docs.len();
        self.docs.push((doc.id.clone(), date(doc)));
        for (si, s) in doc.statements.iter().enumerate() {
            if s.act == Act::Allegation || is_answer(s) {
                // Matching reads the act, parties and words, not the
                // evidence the act was chosen by.
                let mut kept = s.clone();
                kept.evidence.cues = Vec::new();
                kept.evidence.negations = Vec::new();
                kept.evidence.hedges = Vec::new();
                kept.act_span = None;
                self.statements.push((di, si, kept));
            }
        }
    }

    pub fn finish(self) -> Vec<Link> {
        let docs = &self.docs;
        let at = |d: usize, s: usize| StoryStatementRef {
            doc: docs[d].0.clone(),
            statement: s,
        };
        // Allegations by the party they charge: positions in `statements`.
        let mut by_party: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, (_, _, s)) in self.statements.iter().enumerate() {
            if s.act == Act::Allegation {
                for k in &s.parties.accused {
                    by_party.entry(k.as_str()).or_default().push(i);
                }
            }
        }
        let mut links = Vec::new();
        let mut answered: BTreeSet<(usize, usize)> = BTreeSet::new();
        for &(di, si, ref s) in &self.statements {
            if !is_answer(s) {
                continue;
            }
            if let Some(a) = &s.answers {
                answered.insert((di, a.statement));
                links.push(Link {
                    from: at(di, si),
                    to: Some(at(di, a.statement)),
                    relation: "answers".into(),
                    score: Some(a.score),
                    evidence: a.evidence.clone(),
                    reported: None,
                });
                continue;
            }
            let keys: BTreeSet<&str> = s
                .parties
                .accused
                .iter()
                .chain(s.parties.actor.iter())
                .map(String::as_str)
                .collect();
            let mut best: Option<(f64, usize, usize, Vec<String>)> = None;
            let candidates: BTreeSet<usize> = keys
                .iter()
                .filter_map(|k| by_party.get(k))
                .flatten()
                .copied()
                .filter(|&i| self.statements[i].0 != di)
                .collect();
            for i in candidates {
                let (dj, sj, ref allegation) = self.statements[i];
                let in_window = match (docs[di].1, docs[dj].1) {
                    (Some(x), Some(y)) => (x - y).num_days().abs() <= WINDOW_DAYS,
                    _ => true,
                };
                if !in_window {
                    continue;
                }
                let (sc, ev) = score(s, allegation);
                // The party alone, or with a name, joins too much across
                // documents: the act must match as well.
                let same_act = ev.iter().any(|e| e.starts_with("shared act terms"));
                if same_act && sc >= CROSS_DOCUMENT_SCORE && best.as_ref().is_none_or(|b| sc > b.0)
                {
                    best = Some((sc, dj, sj, ev));
                }
            }
            match best {
                Some((sc, dj, sj, evidence)) => {
                    answered.insert((dj, sj));
                    links.push(Link {
                        from: at(di, si),
                        to: Some(at(dj, sj)),
                        relation: "answers".into(),
                        score: Some((sc * 1000.0).round() / 1000.0),
                        evidence,
                        reported: None,
                    });
                }
                None => {
                    if let Some(r) = &s.answers_reported {
                        links.push(Link {
                            from: at(di, si),
                            to: None,
                            relation: "answers_unseen".into(),
                            score: None,
                            evidence: Vec::new(),
                            reported: Some(r.text.clone()),
                        });
                    }
                }
            }
        }
        for &(di, si, ref s) in &self.statements {
            if s.act == Act::Allegation && !answered.contains(&(di, si)) {
                links.push(Link {
                    from: at(di, si),
                    to: None,
                    relation: "unanswered".into(),
                    score: None,
                    evidence: Vec::new(),
                    reported: None,
                });
            }
        }
        links
    }
}
