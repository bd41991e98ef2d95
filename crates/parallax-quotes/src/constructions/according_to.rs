//! "according to X": the source after "according to", the report before it
//! or, when the frame opens the sentence, after it.

use parallax_analysis::lexicon::{lexicon, Mode, Signal};

use super::Reading;
use crate::clause::{clause_before, clause_to_end};
use crate::speaker::{mention_right, Mention, MentionKind};
use crate::words::Word;

/// Whether "according to" starts at word `v`.
pub(crate) fn is_according_to(ws: &[Word<'_>], v: usize) -> bool {
    ws.get(v).is_some_and(|w| w.is("according")) && ws.get(v + 1).is_some_and(|n| n.is("to"))
}

/// The source of "according to" at word `v`: a speaker mention, or the
/// words up to the next comma ("According to conservative talk radio host
/// Rush Limbaugh, …").
fn source(text: &str, ws: &[Word<'_>], v: usize) -> Option<(Mention, usize)> {
    mention_right(ws, v + 2, text)
        .map(|(m, after)| author_of_document(text, ws, m.clone(), after).unwrap_or((m, after)))
        .or_else(|| {
            let end = ws[v + 2..]
                .iter()
                .position(|x| x.is_comma() || x.ends_sentence())
                .map(|i| v + 2 + i)?;
            let words = ws
                .get(v + 2..end)
                .filter(|s| !s.is_empty() && s.len() <= 10)?;
            let range = words.first()?.r.start..words.last()?.r.end;
            let name = text.get(range.clone())?.to_string();
            Some((
                Mention {
                    range,
                    kind: MentionKind::Organisation(name),
                },
                end,
            ))
        })
}

/// "according to a statement released by the veterans' group", "a letter
/// from the mayor": a document whose author is named after it speaks for
/// that author.
fn author_of_document(
    text: &str,
    ws: &[Word<'_>],
    m: Mention,
    after: usize,
) -> Option<(Mention, usize)> {
    let written = text.get(m.range.clone())?;
    let mut last = written.split_whitespace().rev();
    let head = last.next()?;
    let mut i = after;
    // "released", "issued", "signed": one participle before the agent,
    // which the mention may have taken in.
    let head = if head.ends_with("ed") && lexicon().document(head).is_none() {
        last.next()?
    } else {
        if ws
            .get(i)
            .is_some_and(|w| w.s.ends_with("ed") && !w.capitalised())
        {
            i += 1;
        }
        head
    };
    lexicon().document(head)?;
    if !ws.get(i).is_some_and(|w| w.is("by") || w.is("from")) {
        return None;
    }
    let (agent, end) = mention_right(ws, i + 1, text)?;
    lexicon()
        .document(text.get(agent.range.clone())?.split_whitespace().last()?)
        .is_none()
        .then_some((agent, end))
}

/// "…, according to X." and "According to X, …".
pub(crate) fn according_to(text: &str, ws: &[Word<'_>], v: usize) -> Option<Reading> {
    let w = ws.get(v)?;
    let (m, after) = source(text, ws, v)?;
    let cue = w.r.start..ws.get(v + 1)?.r.end;
    let content = if v == 0 || ws[..v].iter().all(|x| x.is_comma()) {
        // "According to a new survey of fishermen, most boats …": the
        // source runs to the comma that closes the frame.
        let from = ws[after..]
            .iter()
            .take(12)
            .position(|x| x.is_comma() && !x.quoted)
            .map_or(after, |i| after + i + 1);
        clause_to_end(text, ws, from)?
    } else {
        clause_before(text, ws, v)?
    };
    Some(Reading {
        mention: Some(m),
        appositive: None,
        content: vec![content],
        cue,
        signal: Signal::Neutral,
        mode: Mode::Speech,
        inherits: false,
        learned: false,
        margin: None,
    })
}

#[cfg(test)]
mod tests {
    use crate::constructions::tests::readings;

    #[test]
    fn according_to_before_or_after_the_report() {
        insta::assert_snapshot!(readings(
            "The pier will open in May, according to the harbour board.\n\
             According to harbour master Ilse Varn, the gates were shut on purpose.\n\
             According to a new survey of fishermen, most boats stayed in port.\n\
             The levy is unfair, according to a statement released by the Velm Fishermen's Union."
        ));
    }
}
