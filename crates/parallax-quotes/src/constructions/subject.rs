//! The commonest construction: a subject before the verb. What it reports
//! stands after the verb ("X said (that) …", "X said: “…”", "X told
//! reporters the strikes had stopped") or before the subject ("“…,” X
//! said.", "…, X said on Tuesday.").

use std::ops::Range;

use super::{CueSite, Read, Reading};
use crate::clause::{clause_before, clause_to_end, skip_adjuncts, starts_with_cue, word_count};
use crate::speaker::{mention_left, MentionKind};
use crate::words::Word;

/// Verbs whose -s form is also a plural noun ("reports", "claims", "states").
pub(crate) const NOUN_HOMOGRAPHS: &[&str] = &[
    "state", "report", "claim", "call", "charge", "demand", "note", "quote", "answer", "comment",
    "promise", "fear", "hope", "estimate", "reply", "suspect", "record", "attack", "blame",
    "support", "back", "order", "question", "plan", "show", "name", "offer", "post", "address",
    "read", "doubt", "worry", "echo", "email", "tweet", "praise", "defend", "respond", "stress",
    "warn", "vow", "pledge", "find", "reveal", "want",
];

/// A subject mention before the verb, inside the stretch that holds it:
/// "Konashenkov said", "the ministry on Thursday denied", "Mara Lind, 61,
/// told". Its report lies after the verb or before the subject.
pub(crate) fn subject_before(s: &CueSite<'_, '_>) -> Read {
    let window = s.window().clone();
    let (text, ws) = (s.text, s.ws);
    let Some(m) = mention_left(ws, window.end, text).filter(|m| {
        ws.get(window.start)
            .is_some_and(|w| w.r.start <= m.range.start)
    }) else {
        return Read::NotThis;
    };
    let Some(content) = reported_words(s, window.start) else {
        return Read::Nothing;
    };
    // "Reports said", "the claims": a surname-like word before an -s form
    // that is also a plural noun is the noun's modifier.
    let homograph = s.w.s.ends_with('s') && NOUN_HOMOGRAPHS.contains(&s.verb.lemma);
    if homograph && matches!(m.kind, MentionKind::Surname(_)) {
        return Read::Nothing;
    }
    Read::Reads(Reading {
        appositive: window.appositive,
        ..Reading::of_verb(s, Some(m), content)
    })
}

/// A quotation ends right before the subject: "“…,” Clinton said on
/// Thursday during a speech …". A title in quote marks ("Fox News
/// Sunday", "The Steve Harvey Morning Show") is no quotation: at least four
/// quoted words, not all capitalised.
fn quotation_before(ws: &[Word<'_>], start: usize) -> bool {
    if start == 0
        || !ws
            .get(start - 1)
            .is_some_and(|x| x.is_quote() || x.is_comma() && start >= 2 && ws[start - 2].is_quote())
    {
        return false;
    }
    let quoted: Vec<&Word<'_>> = ws[..start]
        .iter()
        .rev()
        .skip_while(|x| !x.quoted)
        .take_while(|x| x.quoted)
        .filter(|x| x.is_word())
        .collect();
    let title = quoted.iter().all(|w| w.capitalised() || w.lower.len() <= 3);
    quoted.len() >= 4 && !title
}

/// "…, O'Neill said, “Not going to go into that.”": a quotation right
/// after the verb and its comma is what it reports, whatever stands
/// before the subject.
fn quotation_after(ws: &[Word<'_>], after: usize) -> bool {
    ws.get(after).is_some_and(|x| x.is_comma())
        && ws.get(after + 1).is_some_and(|x| x.is_quote())
        && ws.get(after + 2).is_some_and(|x| x.quoted)
}

/// What a subject-verb cue reports, the stretch of the subject starting
/// at `start`:
/// - "said that …" or "said: …": the clause after;
/// - "…, X said." with nothing after the verb but adjuncts, or right after
///   a quotation: the clause before (and, when a clause of three words or
///   more follows the next comma, the whole sentence around the cue: "In
///   the past 24 hours, he said, Russian jets …");
/// - "said “…”" or "said, “…”": the quotation after;
/// - "said the strikes had stopped": the clause after;
/// - otherwise the clause before, if any;
/// - "Cruz continued:" closing its sentence: an empty report, which the
///   quotation of the next sentence fills.
fn reported_words(s: &CueSite<'_, '_>, start: usize) -> Option<Range<usize>> {
    let (text, ws, v) = (s.text, s.ws, s.v);
    let after = skip_adjuncts(ws, v + 1, s.verb.lemma);
    let that_or_colon = ws.get(after).is_some_and(|x| x.is("that") || x.is_colon());
    let next_comma = ws[v + 1..]
        .iter()
        .position(|x| x.is_comma() && !x.quoted)
        .map(|i| v + 1 + i);
    let tail_is_short = next_comma.map_or(ws.len(), |e| e) <= after + 1
        || ws
            .get(after)
            .is_none_or(|x| x.ends_sentence() || x.is_comma());
    let before = (start > 0)
        .then(|| clause_before(text, ws, start))
        .flatten();
    let quote_after = ws.get(after).is_some_and(|x| x.is_quote())
        || ws.get(after).is_some_and(|x| x.is_comma())
            && ws.get(after + 1).is_some_and(|x| x.is_quote());
    // "Clyburn said, the voters will …", "As Clyburn noted, those voters
    // …": a comma after the verb and a clause of three words or more, with
    // no report before the subject (nothing, or only a subordinator).
    let only_opener = before
        .as_ref()
        .is_none_or(|_| start == 1 && ws.first().is_some_and(|f| f.is("as") || f.is("like")));
    // Not after a form that is also a noun ("For networks that own their
    // old shows, …", "Of the three states, …").
    let noun_form = !s.w.s.ends_with("ed") && NOUN_HOMOGRAPHS.contains(&s.verb.lemma);
    let clause_after_comma = !noun_form
        && after == v + 1
        && ws.get(after).is_some_and(|x| x.is_comma() && !x.quoted)
        && !ws.get(after + 1).is_some_and(|x| x.is_quote())
        && only_opener
        && clause_to_end(text, ws, after + 1).is_some_and(|c| word_count(text, &c) >= 3);
    let content = if that_or_colon || quotation_after(ws, after) {
        clause_to_end(text, ws, after)
    } else if clause_after_comma {
        clause_to_end(text, ws, after + 1)
    } else if let (Some(b), true) = (before.clone(), tail_is_short || quotation_before(ws, start)) {
        let after_comma = next_comma.and_then(|e| clause_to_end(text, ws, e + 1));
        match after_comma {
            Some(a)
                if word_count(text, &a) >= 3
                    && !starts_with_cue(ws, next_comma.map_or(0, |e| e + 1)) =>
            {
                Some(b.start..a.end)
            }
            _ => Some(b),
        }
    } else if quote_after
        || ws
            .get(after)
            .is_some_and(|x| x.is_word() && !x.ends_sentence())
    {
        clause_to_end(text, ws, after)
    } else {
        before
    };
    let colon_ends = ws.get(after).is_some_and(Word::is_colon)
        && ws.get(after + 1).is_none_or(Word::ends_sentence);
    match content {
        Some(c) => Some(c),
        None if colon_ends => Some(s.w.r.end..s.w.r.end),
        None => None,
    }
}

#[cfg(test)]
mod tests {
    use crate::constructions::tests::readings;

    #[test]
    fn the_report_after_the_verb_or_before_the_subject() {
        insta::assert_snapshot!(readings(
            "Konashenkov said that the strikes had stopped.\n\
             The ministry on Thursday denied the jets had flown over Sorn.\n\
             “The gates are shut,” the mayor said on Tuesday.\n\
             In the past 24 hours, he said, the jets carried out ten strikes.\n\
             Rein told reporters: “We will rebuild.”\n\
             Cruz continued:\n\
             Harbour reports said little."
        ));
    }
}
