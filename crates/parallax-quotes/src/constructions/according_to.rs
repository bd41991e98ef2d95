//! "according to X": the source after "according to", the report before it
//! or, when the frame opens the sentence, after it.

use parallax_analysis::lexicon::{Mode, Signal};

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
    mention_right(ws, v + 2, text).or_else(|| {
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

/// "…, according to X." and "According to X, …".
pub(crate) fn according_to(text: &str, ws: &[Word<'_>], v: usize) -> Option<Reading> {
    let w = ws.get(v)?;
    let (m, after) = source(text, ws, v)?;
    let cue = w.r.start..ws.get(v + 1)?.r.end;
    let content = if v == 0 || ws[..v].iter().all(|x| x.is_comma()) {
        clause_to_end(text, ws, after)?
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
             According to a new survey of fishermen, most boats stayed in port."
        ));
    }
}
