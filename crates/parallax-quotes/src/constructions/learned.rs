//! The general reading around a word the cue model knows as a cue though
//! no rule reads it ("criticism of", "called for", "believes", "was first
//! reported by"): the reported words follow the cue and its particle up to
//! the end of the clause or, when the cue closes its clause, stand before
//! it. The cue model then judges whether the reading is an attribution.

use parallax_analysis::lexicon::{lexicon, Signal, VerbForm};

use super::Reading;
use crate::clause::{clause_before, clause_to_end};
use crate::judge::is_cue_adverb;
use crate::speaker::{mention_left, mention_right, skip_left_modifiers};
use crate::words::{self, Word};

/// Particles and prepositions that close a cue: "called for", "criticism
/// of", "talked about".
const CUE_PARTICLES: &[&str] = &[
    "of", "about", "for", "on", "to", "against", "with", "over", "at", "from", "in", "as", "out",
    "up", "off", "into", "upon",
];

/// Read an attribution around word `v`, which the cue model judged a cue
/// though the rules did not: the reported words follow the cue (with its
/// particle) up to the end of the clause, or, when the cue closes its
/// clause, stand before it.
pub(crate) fn read_learned_cue(text: &str, ws: &[Word<'_>], v: usize) -> Option<Reading> {
    let w = ws.get(v)?;
    // What the cue reports, from the cue lexicon; a word it does not list,
    // or lists as heading no report ("titled", "voted"), is no cue.
    let mode = lexicon().cue_mode(w.lower)?;
    // "the alleged casualties", "his claims": after a determiner or a
    // possessive the word is an adjective or a noun, not a cue.
    let prev = v.checked_sub(1).and_then(|p| ws.get(p));
    // "a new report of …", "other new questions": a determiner and an
    // adjective before it.
    let modified =
        v >= 2 && super::is_noun_modifier(&ws[v - 1]) && words::is_determiner(&ws[v - 2]);
    if modified
        || prev.is_some_and(|p| words::makes_a_noun(p) || p.is("'s"))
        || super::names_something(text, ws, v)
        || gerund_in_subject(ws, v)
    {
        return None;
    }
    let mut end = v;
    if ws
        .get(v + 1)
        .is_some_and(|n| !n.quoted && CUE_PARTICLES.contains(&n.lower))
    {
        end = v + 1;
    }
    let after = end + 1;
    let seg_start = ws[..v]
        .iter()
        .rposition(|x| (x.is_comma() || x.is_quote() || x.is_colon()) && !x.quoted)
        .map_or(0, |i| i + 1);
    let signal = w.verb.map_or(Signal::Neutral, |verb| verb.signal);
    let cue = w.r.start..ws.get(end)?.r.end;
    // A passive ("was first reported by", "is powerfully documented in"):
    // the be-form may stand a few adverbs before the cue.
    let mut before = v;
    while before > 0 && ws.get(before - 1).is_some_and(is_cue_adverb) {
        before -= 1;
    }
    // "is once again questioning": a progressive, not a passive.
    let passive = before > 0
        && ws.get(before - 1).is_some_and(words::is_be_form)
        && !w.lower.ends_with("ing");
    let by = (end..=v + 1).find(|&i| ws.get(i).is_some_and(|x| x.is("by") && !x.quoted));
    if let (true, Some(by)) = (passive, by) {
        // "O'Malley's move was first reported by MSNBC": the agent after
        // "by" speaks about the subject before the verb.
        let cue = w.r.start..ws.get(by)?.r.end;
        let mut subject_end = before - 1;
        while subject_end > 0
            && ws
                .get(subject_end - 1)
                .is_some_and(|x| words::is_be_form(x) || words::is_auxiliary(x))
        {
            subject_end -= 1;
        }
        let content = clause_before(text, ws, subject_end)?;
        let mention = mention_right(ws, by + 1, text).map(|(m, _)| m);
        return Some(Reading {
            mention,
            appositive: None,
            content: vec![content],
            cue,
            signal,
            mode,
            inherits: false,
            learned: true,
            margin: None,
        });
    }
    // "The campaign has been criticized not only for causing …": a
    // passive with no agent, blamed for something, names nobody who spoke
    // and reports no proposition.
    let blamed_for = ws
        .get(v + 1)
        .is_some_and(|n| n.is("for") || n.is("not") && ws.get(v + 2).is_some_and(|m| m.is("only")));
    if passive && blamed_for {
        return None;
    }
    if let Some(r) = opening_participle(text, ws, v, after, cue.clone(), signal, mode) {
        return r;
    }
    let content = if ws
        .get(after)
        .is_some_and(|x| !x.ends_sentence() && !x.is_comma())
    {
        clause_to_end(text, ws, after)?
    } else {
        clause_before(text, ws, seg_start)?
    };
    let left = skip_left_modifiers(ws, v);
    let relative = left > 0 && ["who", "which", "that"].iter().any(|r| ws[left - 1].is(r));
    let mention = if relative {
        // "Sanders, who sees himself as …": the antecedent, up to the pronoun.
        let mut end = left - 1;
        if end > 0 && ws[end - 1].is_comma() {
            end -= 1;
        }
        mention_left(ws, end, text).map(|mut m| {
            m.range.end = ws[left - 1].r.end;
            m
        })
    } else {
        mention_left(ws, left, text).filter(|m| {
            ws.get(seg_start)
                .is_some_and(|s| s.r.start <= m.range.start)
        })
    };
    Some(Reading {
        inherits: mention.is_none(),
        learned: true,
        margin: None,
        mention,
        appositive: None,
        content: vec![content],
        cue,
        signal,
        mode,
    })
}

/// "Noting that lying to Congress is a crime, Sanders outlined …",
/// "Speaking at the White House, Trump said …": a participle opening its
/// sentence reports only up to the comma that ends the opening phrase, and
/// the subject after that comma is its speaker. Returns `None` when the
/// cue is no such opening, `Some(None)` when the opening reads as no
/// report.
fn opening_participle(
    text: &str,
    ws: &[Word<'_>],
    v: usize,
    after: usize,
    cue: std::ops::Range<usize>,
    signal: Signal,
    mode: parallax_model::Mode,
) -> Option<Option<Reading>> {
    let w = ws.get(v)?;
    let first_word = ws.iter().position(|x| x.is_word());
    let participle = w.lower.ends_with("ing") || w.lower.ends_with("ed");
    if first_word != Some(v) || !participle || w.quoted {
        return None;
    }
    let comma = (after..ws.len()).find(|&i| ws[i].is_comma() && !ws[i].quoted)?;
    let Some((mention, _)) = mention_right(ws, comma + 1, text) else {
        return Some(None);
    };
    let mut from = after;
    while ws.get(from).is_some_and(|x| x.is("that") && !x.quoted) {
        from += 1;
    }
    let (Some(first), Some(last)) = (ws.get(from), comma.checked_sub(1).and_then(|i| ws.get(i)))
    else {
        return Some(None);
    };
    if last.r.end <= first.r.start {
        return Some(None);
    }
    let content = first.r.start..last.r.end;
    Some(Some(Reading {
        inherits: false,
        learned: true,
        margin: None,
        mention: Some(mention),
        appositive: None,
        content: vec![content],
        cue,
        signal,
        mode,
    }))
}

/// "Dozens of videos allegedly showing the aftermath … surfaced online":
/// a gerund inside the subject of its clause, with no finite verb before
/// it, modifies that subject; the finite verb after its object is the
/// clause's own, so no proposition follows unless "that" opens one.
fn gerund_in_subject(ws: &[Word<'_>], v: usize) -> bool {
    let Some(w) = ws.get(v) else {
        return false;
    };
    let gerund =
        w.verb.is_some_and(|verb| verb.form == VerbForm::Gerund) || w.lower.ends_with("ing");
    if !gerund || ws.get(v + 1).is_some_and(|n| n.is("that")) {
        return false;
    }
    let start = ws[..v]
        .iter()
        .rposition(|x| {
            (x.is_comma() || x.is_quote() || x.is_colon() || x.ends_sentence()) && !x.quoted
        })
        .map_or(0, |i| i + 1);
    let before = &ws[start..v];
    let noun_before = before
        .iter()
        .rev()
        .find(|x| !is_cue_adverb(x))
        .is_some_and(|x| x.is_word() && x.verb.is_none() && !words::is_auxiliary(x) && !x.is("by"));
    noun_before && !before.iter().any(|x| x.finite || words::is_be_form(x))
}

#[cfg(test)]
mod tests {
    use parallax_analysis::Analysed;

    use super::*;

    fn sentence<'a>(doc: &'a Analysed<'_>) -> Vec<Word<'a>> {
        crate::words::words(doc, 0..doc.text.len(), &[])
    }

    #[test]
    fn a_passive_cue_reports_its_subject_and_names_the_agent_after_adverbs() {
        let text = "The closure of the pier was first reported by the Velm Courier.";
        let doc = Analysed::new(text, None);
        let ws = sentence(&doc);
        let v = ws.iter().position(|w| w.is("reported")).unwrap();
        let r = read_learned_cue(text, &ws, v).unwrap();
        let content: Vec<&str> = r.content.iter().map(|c| &text[c.clone()]).collect();
        assert_eq!(content, ["The closure of the pier"]);
        assert_eq!(&text[r.cue.clone()], "reported by");
        let m = r.mention.unwrap();
        assert_eq!(&text[m.range], "the Velm Courier");
    }

    #[test]
    fn a_gerund_inside_its_clauses_subject_reports_nothing() {
        let text = "Dozens of videos allegedly showing the damage surfaced online.";
        let doc = Analysed::new(text, None);
        let ws = sentence(&doc);
        let v = ws.iter().position(|w| w.is("showing")).unwrap();
        assert!(read_learned_cue(text, &ws, v).is_none());
        let text = "A survey showing that most voters agree was published.";
        let doc = Analysed::new(text, None);
        let ws = sentence(&doc);
        let v = ws.iter().position(|w| w.is("showing")).unwrap();
        assert!(!gerund_in_subject(&ws, v));
    }
}
