//! Speakers for readings that name none next to their cue: the subject of
//! the cue's own clause, the subject the sentence opens with, or the
//! nearest person, body or pronoun before the cue.

use parallax_analysis::lexicon::lexicon;

use crate::constructions::Reading;
use crate::speaker::{mention_left, mention_right, Mention, MentionKind};
use crate::words::{self, is_auxiliary, Word};

/// The speaker mention of a reading that named none itself, in order:
/// for a learned cue, a subject in its own clause ("while Comey talked
/// about it, he didn't mention …": he); for a cue that inherits, the
/// subject the sentence opens with ("Trump went after Bush, calling him
/// …"); for a learned cue, the nearest person, body or pronoun before it
/// ("On Thursday, he expanded upon his calls for …").
pub(crate) fn fallback_mention(ws: &[Word<'_>], text: &str, r: &Reading) -> Option<Mention> {
    let cue_at = ws.iter().position(|w| w.r.start >= r.cue.start);
    if let (true, Some(cue_at)) = (r.learned, cue_at) {
        let clause = ws[..cue_at]
            .iter()
            .rposition(|x| x.is_comma() && !x.quoted)
            .map_or(0, |i| i + 1);
        let own = nearest_mention_before(ws, text, clause, cue_at)
            .or_else(|| subject_phrase_before(ws, text, clause, cue_at));
        if own.is_some() {
            return own;
        }
    }
    let opening = r
        .inherits
        .then(|| {
            subject_starts(ws, cue_at)
                .into_iter()
                .filter_map(|at| mention_right(ws, at, text))
                .find(|(m, after)| opening_subject(ws, r, m, *after))
        })
        .flatten()
        .map(|(m, _)| m);
    if opening.is_some() || !r.learned {
        return opening;
    }
    nearest_mention_before(ws, text, 0, cue_at?)
}

/// Whether mention `m`, which ends before word `after`, opens a plain
/// "Subject verb …" clause for reading `r`: the word after it must not
/// start a phrase or a clause of its own ("Expecting a protest, …" opens
/// with the cue itself). A learned cue takes the opening subject before
/// it, whatever follows.
fn opening_subject(ws: &[Word<'_>], r: &Reading, m: &Mention, after: usize) -> bool {
    let overlaps_cue = m.range.start < r.cue.end && r.cue.start < m.range.end;
    let plain = ws
        .get(after)
        .is_some_and(|n| n.is_word() && (!words::is_phrase_stop(n) || n.is("said")));
    !overlaps_cue && (plain || r.learned && m.range.end <= r.cue.start)
}

/// Where the sentence's subject may stand: at its start, or after an
/// opening phrase and its commas ("As a boy in Tennessee, his mother
/// refused …, insisting …"; "In Salem, New Hampshire, Trump went after
/// Bush, calling …"), each before the cue.
fn subject_starts(ws: &[Word<'_>], cue_at: Option<usize>) -> Vec<usize> {
    let opener = ws.first().is_some_and(|w| {
        [
            "as",
            "in",
            "on",
            "at",
            "after",
            "before",
            "during",
            "since",
            "when",
            "while",
            "with",
            "for",
            "from",
            "by",
            "last",
            "earlier",
            "later",
            "like",
            "unlike",
            "despite",
            "however",
            "meanwhile",
            "still",
            "instead",
            "then",
            "now",
            "yet",
            "but",
            "and",
            "also",
            "again",
            "indeed",
            "separately",
        ]
        .contains(&w.lower)
    });
    let mut starts = vec![0];
    if opener {
        let cue = cue_at.unwrap_or(ws.len());
        starts.extend(
            ws.iter()
                .enumerate()
                .take(20.min(cue))
                .filter(|(c, w)| w.is_comma() && !w.quoted && c + 1 < cue)
                .map(|(c, _)| c + 1)
                .take(3),
        );
    }
    starts
}

/// The nearest pronoun (possessives included: "his" for he) or name of a
/// person or body among words `from..to`, reading leftwards.
pub(crate) fn nearest_mention_before(
    ws: &[Word<'_>],
    text: &str,
    from: usize,
    to: usize,
) -> Option<Mention> {
    (from..to).rev().find_map(|j| {
        let w = &ws[j];
        if w.quoted || !w.is_word() {
            return None;
        }
        let pronoun = match w.lower {
            "his" => "he",
            "her" => "she",
            "their" => "they",
            "its" => "it",
            "our" => "we",
            "my" => "i",
            other => other,
        };
        if let Some(p) = lexicon().pronoun(pronoun) {
            return Some(Mention {
                range: w.r.clone(),
                kind: MentionKind::Pronoun {
                    kind: p.kind,
                    gender: p.gender,
                    narrator: p.narrator,
                },
            });
        }
        // A name is read once, from its last word.
        let last_of_run = ws.get(j + 1).is_none_or(|n| !n.capitalised());
        if !w.capitalised() || !last_of_run || j == 0 && ws.len() > 1 && !ws[1].capitalised() {
            return None;
        }
        mention_left(ws, j + 1, text).filter(|m| {
            matches!(
                m.kind,
                MentionKind::Person { .. } | MentionKind::Surname(_) | MentionKind::Organisation(_)
            )
        })
    })
}

/// The noun phrase that opens the clause `from..to` and ends at the cue,
/// as the speaker of a learned cue: "The emails show that …", "but the
/// caucuses will show if …". Not a clause that opens with a subordinator
/// or a preposition ("If voters …", "In March …").
pub(crate) fn subject_phrase_before(
    ws: &[Word<'_>],
    text: &str,
    from: usize,
    to: usize,
) -> Option<Mention> {
    let mut a = from;
    while ws
        .get(a)
        .is_some_and(|w| ["and", "but", "or", "so", "yet"].contains(&w.lower))
    {
        a += 1;
    }
    let mut b = to;
    // Auxiliaries and adverbs between the subject and the cue ("The
    // emails also clearly show").
    let adverb = |w: &Word<'_>| {
        [
            "not",
            "also",
            "never",
            "still",
            "just",
            "even",
            "now",
            "again",
            "often",
            "already",
            "clearly",
            "repeatedly",
            "reportedly",
            "previously",
            "recently",
            "publicly",
            "quickly",
            "initially",
            "later",
            "first",
            "then",
        ]
        .contains(&w.lower)
    };
    while b > a && (is_auxiliary(&ws[b - 1]) || adverb(&ws[b - 1])) {
        b -= 1;
    }
    let words = ws.get(a..b)?;
    let first = words.first()?;
    let opener = [
        "if", "when", "as", "because", "while", "although", "though", "since", "after", "before",
        "in", "on", "at", "for", "with", "by", "from", "to", "of", "about", "under", "over",
        "that", "what", "how", "why", "where", "who", "which", "it", "there", "this",
    ];
    let plain = (1..=8).contains(&words.len())
        && !opener.contains(&first.lower)
        && words
            .iter()
            .all(|w| !w.quoted && (w.is_word() || w.kind == parallax_text::TokenKind::Number))
        && words.iter().all(|w| w.verb.is_none());
    if !plain {
        return None;
    }
    let range = first.r.start..words.last()?.r.end;
    let name = text.get(range.clone())?.to_string();
    Some(Mention {
        range,
        kind: MentionKind::Organisation(name),
    })
}
