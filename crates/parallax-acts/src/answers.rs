//! Within one document, the allegation each answer answers: a denial, a
//! demand for evidence or a counter-accusation, matched to an allegation
//! by the party it charges, the act it names and the accuser it names.

use parallax_model::matching::{act_terms, names_as_words, shared_terms};
use parallax_model::Act;

use crate::parties::same_side;
use crate::{AnswerFinding, StatementFinding};

/// The least score that makes a link.
pub(crate) const LINK_SCORE: f32 = 0.45;

/// Whether an answer's words name the allegation's maker ("denied the
/// Turkish Foreign Ministry's accusation").
fn names_accuser(answer: &StatementFinding, allegation: &StatementFinding, text: &str) -> bool {
    let Some(accuser) = allegation.actor.as_deref() else {
        return false;
    };
    let words = crate::parties::fold_name(text.get(answer.range.clone()).unwrap_or_default());
    names_as_words(&words, &crate::parties::fold_name(accuser))
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
    let (common, share) = shared_terms(&a, &b);
    if share > 0.0 {
        score += 0.35 * share as f32;
        let common: Vec<&str> = common.iter().map(|s| s.as_str()).collect();
        evidence.push(format!("shared act terms: {}", common.join(", ")));
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
