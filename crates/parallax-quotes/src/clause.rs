//! Where a reported clause runs: the words after a verb that are its object
//! or circumstances, and clauses to the sentence end, to the next comma,
//! or back to the sentence start.

use std::ops::Range;

use parallax_analysis::lexicon::VerbForm;

use crate::speaker::mention_right;
use parallax_analysis::lexicon::lexicon;

use crate::words::{self, is_determiner, Word};
use crate::zones::trim_range;

/// Words after a reporting verb that are its object or circumstances, not
/// what was reported: "told reporters", "said on Tuesday", "said in a statement".
pub(crate) fn skip_adjuncts(ws: &[Word<'_>], mut i: usize, lemma: &str) -> usize {
    if matches!(
        lemma,
        "tell" | "ask" | "warn" | "urge" | "assure" | "inform" | "remind"
    ) {
        // "told local NBC station KARE 11 that …": the addressee runs to a
        // "that" a few words on, with no verb, comma or quote between.
        let that = (i..ws.len().min(i + 10)).find(|&k| ws[k].is("that"));
        let plain_until = |k: usize| {
            ws[i..k].iter().all(|w| {
                !w.quoted && !w.is_quote() && !w.is_comma() && !w.finite && w.verb.is_none()
            })
        };
        if let Some(k) = that.filter(|&k| k > i && plain_until(k)) {
            i = k;
        } else if let Some((_, next)) = mention_right(ws, i, "") {
            i = next;
        } else if ws.get(i).is_some_and(|w| w.is_word() && !w.is("that")) {
            i += 1;
        }
    }
    loop {
        let Some(w) = ws.get(i) else { return i };
        let prep = [
            "on",
            "in",
            "at",
            "during",
            "after",
            "before",
            "late",
            "earlier",
            "later",
            "today",
            "yesterday",
            "this",
            "last",
            "as",
            "via",
            "by",
            "from",
            "while",
            "when",
            "with",
        ];
        // "commented on the casualties", "spoke on the record": after these
        // verbs "on" opens what was said, unless a date follows it.
        let topic_on = w.is("on")
            && matches!(
                lemma,
                "comment"
                    | "report"
                    | "write"
                    | "remark"
                    | "testify"
                    | "reflect"
                    | "focus"
                    | "elaborate"
                    | "speak"
                    | "talk"
            )
            && !ws.get(i + 1).is_some_and(|n| {
                words::is_calendar(n) || n.kind == parallax_text::TokenKind::Number
            });
        // "said to the TV", "wrote to the board": the person addressed.
        let addressee = w.is("to")
            && matches!(
                lemma,
                "say"
                    | "speak"
                    | "talk"
                    | "write"
                    | "explain"
                    | "complain"
                    | "add"
                    | "shout"
                    | "yell"
                    | "scream"
                    | "whisper"
                    | "mutter"
                    | "remark"
                    | "admit"
                    | "confess"
                    | "suggest"
                    | "declare"
                    | "announce"
                    | "report"
                    | "reply"
                    | "respond"
            )
            && ws.get(i + 1).is_some_and(|n| {
                is_determiner(n) || n.capitalised() || lexicon().pronoun(n.lower).is_some()
            });
        if w.is_word() && (prep.iter().any(|p| w.is(p)) || addressee) && !topic_on {
            // Take the short phrase up to the next comma, "that", colon or quote.
            let mut j = i + 1;
            while let Some(x) = ws.get(j) {
                if x.is_comma()
                    || x.is_colon()
                    || x.is_quote()
                    || x.is("that")
                    || x.ends_sentence()
                    || j - i > 20
                {
                    break;
                }
                j += 1;
            }
            if ws.get(j).is_some_and(|x| {
                x.is("that") || x.is_colon() || x.is_comma() || x.is_quote() || x.ends_sentence()
            }) || j >= ws.len()
            {
                i = j;
                continue;
            }
            return i;
        }
        if w.is_word() && words::is_calendar(w) {
            i += 1;
            while ws.get(i).is_some_and(|x| {
                x.s.chars().all(|c| c.is_ascii_digit())
                    || x.is_comma()
                        && ws.get(i + 1).is_some_and(|y| {
                            y.s.len() == 4 && y.s.chars().all(|c| c.is_ascii_digit())
                        })
            }) {
                i += 1;
            }
            continue;
        }
        return i;
    }
}

/// Where a reported clause runs: from `from` to the end of the sentence,
/// without closing punctuation.
pub(crate) fn clause_to_end(text: &str, ws: &[Word<'_>], from: usize) -> Option<Range<usize>> {
    let mut i = from;
    while ws
        .get(i)
        .is_some_and(|w| w.is("that") || w.is_comma() || w.is_colon())
    {
        i += 1;
    }
    let first = ws.get(i)?;
    let end = next_participle_cue(ws, i).unwrap_or(ws.len());
    let last = ws[..end]
        .iter()
        .rposition(|w| !w.ends_sentence() && !w.is_comma())?;
    if last < i {
        return None;
    }
    Some(trim_range(text, first.r.start..ws.get(last)?.r.end))
}

/// "… the system was corrupt, noting that …": a comma and a reporting
/// verb's gerund outside quotes open a second report of the same speaker,
/// which ends the clause before it. Returns the index the clause ends
/// before: the comma, or after the closing quote mark when the comma
/// stands inside the quotation ("was “corrupt,” noting …").
fn next_participle_cue(ws: &[Word<'_>], from: usize) -> Option<usize> {
    (from + 1..ws.len().saturating_sub(1)).find_map(|j| {
        let gerund = !ws[j + 1].quoted && starts_with_cue(ws, j + 1);
        if !gerund {
            None
        } else if ws[j].is_comma() && !ws[j].quoted {
            Some(j)
        } else if ws[j].is_quote() && ws[j - 1].is_comma() {
            Some(j + 1)
        } else {
            None
        }
    })
}

/// A clause from `from` up to the next comma outside quotes (for reports
/// inside relative clauses: "Barkley, who said he votes Democratic, said …").
pub(crate) fn clause_until_comma(text: &str, ws: &[Word<'_>], from: usize) -> Option<Range<usize>> {
    let end = ws[from..]
        .iter()
        .position(|w| w.is_comma() && !w.quoted)
        .map(|i| from + i)?;
    let first = ws.get(from)?;
    let last = ws.get(end.checked_sub(1)?)?;
    (end > from).then(|| trim_range(text, first.r.start..last.r.end))
}

/// The clause before index `end` back to the sentence start.
pub(crate) fn clause_before(text: &str, ws: &[Word<'_>], end: usize) -> Option<Range<usize>> {
    let mut e = end;
    while e > 0 && (ws[e - 1].is_comma() || ws[e - 1].is_colon()) {
        e -= 1;
    }
    if e == 0 {
        return None;
    }
    let mut s = 0;
    // "According to X, …" style openers belong to another cue.
    while s < e && ws[s].is_comma() {
        s += 1;
    }
    let a = ws.get(s)?.r.start;
    let b = ws.get(e - 1)?.r.end;
    (a < b).then(|| trim_range(text, a..b))
}

pub(crate) fn word_count(text: &str, r: &Range<usize>) -> usize {
    text.get(r.clone())
        .map_or(0, |s| s.split_whitespace().count())
}

pub(crate) fn starts_with_cue(ws: &[Word<'_>], i: usize) -> bool {
    ws.get(i)
        .and_then(|w| w.verb)
        .is_some_and(|v| v.form == VerbForm::Gerund)
}
