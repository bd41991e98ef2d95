//! Within one document, the allegation each answer answers: a denial, a
//! demand for evidence or a counter-accusation, matched to an allegation
//! by the party it charges, the act it names and the accuser it names.

use parallax_model::Act;

use crate::parties::same_side;
use crate::{AnswerFinding, StatementFinding};

/// The least score that makes a link.
pub(crate) const LINK_SCORE: f32 = 0.45;

/// The stems an act is matched by: its content words' first six letters.
pub(crate) fn act_terms(act_text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in act_text.split_whitespace() {
        let w = w.to_lowercase();
        if w.len() < 4
            || matches!(
                w.as_str(),
                "with" | "from" | "into" | "over" | "have" | "been"
            )
        {
            continue;
        }
        let stem: String = w.chars().take(6).collect();
        let stem = stem.trim_end_matches('s').to_string();
        if !out.contains(&stem) {
            out.push(stem);
        }
    }
    out
}

/// How much two acts' terms share: the overlap coefficient.
pub(crate) fn term_overlap(a: &[String], b: &[String]) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let shared = a.iter().filter(|t| b.contains(t)).count();
    shared as f32 / a.len().min(b.len()) as f32
}

/// Whether an answer's words name the allegation's maker ("denied the
/// Turkish Foreign Ministry's accusation").
fn names_accuser(answer: &StatementFinding, allegation: &StatementFinding, text: &str) -> bool {
    let Some(accuser) = allegation.actor.as_deref() else {
        return false;
    };
    let words = crate::parties::fold_name(text.get(answer.range.clone()).unwrap_or_default());
    let name = crate::parties::fold_name(accuser);
    // A name of two words or more, as whole words: "It" or "US" is in
    // any text.
    name.split_whitespace().count() >= 2
        && words.match_indices(&name).any(|(i, _)| {
            let before = words[..i].chars().next_back();
            let after = words[i + name.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
}

/// Score an answer against an allegation, with the evidence.
pub(crate) fn score(
    answer: &StatementFinding,
    allegation: &StatementFinding,
    text: &str,
) -> (f32, Vec<String>) {
    let mut score = 0.0;
    let mut evidence = Vec::new();
    // A counter-accusation stands up for its own side; its accused is the
    // third party it blames.
    let answering: Vec<String> = if answer.act == Act::CounterAccusation {
        answer.actor_parties.clone()
    } else {
        answer
            .accused_parties
            .iter()
            .chain(answer.actor_parties.iter())
            .cloned()
            .collect()
    };
    if let Some(k) = allegation
        .accused_parties
        .iter()
        .find(|k| answering.contains(k))
    {
        score += 0.45;
        evidence.push(format!("the accused answers: {k}"));
    }
    let a = answer
        .act_text
        .as_ref()
        .map(|(t, _)| act_terms(t))
        .unwrap_or_default();
    let b = allegation
        .act_text
        .as_ref()
        .map(|(t, _)| act_terms(t))
        .unwrap_or_default();
    let shared = term_overlap(&a, &b);
    if shared > 0.0 {
        score += 0.35 * shared;
        let common: Vec<&String> = a.iter().filter(|t| b.contains(t)).collect();
        evidence.push(format!(
            "shared act terms: {}",
            common
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    if names_accuser(answer, allegation, text) {
        score += 0.3;
        evidence.push(format!(
            "names the accuser: {}",
            allegation.actor.as_deref().unwrap_or_default()
        ));
    }
    (score, evidence)
}

/// Whether a statement can answer an allegation: a denial, a
/// counter-accusation, or a demand for information or evidence.
pub(crate) fn is_answer(s: &StatementFinding) -> bool {
    match s.act {
        Act::Denial | Act::CounterAccusation => true,
        Act::Demand => s.cameo == "101",
        _ => false,
    }
}

/// Link every answer of a document to the best-scoring allegation of the
/// same document not made by its own actor.
pub(crate) fn link(statements: &mut [StatementFinding], text: &str) {
    let mut found: Vec<(usize, AnswerFinding)> = Vec::new();
    for (i, answer) in statements.iter().enumerate() {
        if !is_answer(answer) {
            continue;
        }
        let best = statements
            .iter()
            .enumerate()
            .filter(|(j, s)| *j != i && s.act == Act::Allegation)
            .filter(|(_, s)| !same_side(&s.actor_parties, &answer.actor_parties))
            .map(|(j, s)| {
                let (sc, ev) = score(answer, s, text);
                (j, sc, ev)
            })
            .filter(|(_, sc, _)| *sc >= LINK_SCORE)
            .max_by(|a, b| a.1.total_cmp(&b.1));
        if let Some((j, sc, evidence)) = best {
            found.push((
                i,
                AnswerFinding {
                    statement: j,
                    score: (sc.min(1.0) * 1000.0).round() / 1000.0,
                    evidence,
                },
            ));
        }
    }
    for (i, a) in found {
        if let Some(s) = statements.get_mut(i) {
            s.answers = Some(a);
        }
    }
}
