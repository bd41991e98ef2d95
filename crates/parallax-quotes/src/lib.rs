//! Quotations (direct, partial, indirect) and the speakers they hang on.
//!
//! The finder works sentence by sentence. Quote marks are paired per
//! paragraph (by `parallax-text`), which gives the *quoted stretches*;
//! reporting cues ("said", "told", "denied", "according to", "adding that")
//! are looked for outside them. Each cue yields its speaker mention (left of
//! the cue, or right of it when inverted: "…, said Igor Klimov") and the
//! words it reports: a quoted stretch (direct), a clause (indirect), or a
//! clause holding a quoted fragment (indirect, plus the fragment as
//! partial). Quoted stretches with no cue keep the previous speaker when they
//! continue a quotation; short ones that nobody says are scare quotes and are
//! left out. Speakers are resolved from the document's own mentions only
//! (see [`speaker`]).

pub mod cue_model;
pub mod speaker;
mod words;

use std::ops::Range;

use parallax_analysis::Analysed;
use parallax_model::QuoteKind;
use parallax_text::{quotations, Segmentation};

use cue_model::CueModel;
use parallax_analysis::lexicon::{lexicon, Signal, VerbForm};
use speaker::{
    appositive_role, mention_left, mention_right, skip_left_modifiers, Mention, MentionKind,
    Resolved, Resolver,
};
use words::{is_auxiliary, is_determiner, words, Word};

/// A resolved speaker and the words the attribution hangs on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeakerFinding {
    pub name: String,
    pub role: Option<String>,
    /// Byte range of the mention ("he", "the MoD deputy head", "Antonov").
    pub mention: Range<usize>,
}

/// One quotation: byte ranges into the clean text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteFinding {
    pub kind: QuoteKind,
    /// The quoted words without their marks, or the reported clause.
    pub range: Range<usize>,
    pub cue: Option<Range<usize>>,
    /// What the cue signals (denial, allegation…), when there is a cue.
    pub signal: Option<Signal>,
    pub speaker: Option<SpeakerFinding>,
}

/// A quoted stretch of one paragraph.
#[derive(Debug, Clone)]
struct Zone {
    content: Range<usize>,
    /// The paragraph never closes it and the next paragraph opens a quote:
    /// one quotation running over several paragraphs.
    continued: bool,
    used: bool,
}

fn trim_range(text: &str, r: Range<usize>) -> Range<usize> {
    let Some(s) = text.get(r.clone()) else {
        return r.start..r.start;
    };
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    let t = t.trim_end_matches([',', '.', ';', ':', ' ']);
    let t = t.trim_end();
    r.start + lead..r.start + lead + t.len()
}

fn quoted_zones(text: &str, seg: &Segmentation) -> Vec<Zone> {
    let mut zones: Vec<Zone> = Vec::new();
    for (pi, p) in seg.paragraphs.iter().enumerate() {
        // Where the quotations taken so far in this paragraph end: an opening
        // mark before it is an inner quote ('moderate') of one of them.
        let mut covered_until = p.start;
        for q in quotations(text, p.clone()) {
            if q.open.end <= covered_until {
                continue;
            }
            let (end, closed) = match &q.close {
                Some(c) => (c.start, true),
                None => (p.end, false),
            };
            if end <= q.open.end {
                continue;
            }
            let content = trim_range(text, q.open.end..end);
            if content.is_empty() {
                continue;
            }
            // An unclosed mark takes the rest of its paragraph, and nothing
            // inside it opens another quotation.
            covered_until = if closed { end } else { p.end };
            let next_opens = seg
                .paragraphs
                .get(pi + 1)
                .and_then(|n| text.get(n.clone()))
                .and_then(|s| s.chars().next())
                .and_then(parallax_text::quote_mark)
                .is_some();
            zones.push(Zone {
                content,
                continued: !closed && next_opens,
                used: false,
            });
        }
    }
    zones
}

/// Words after a reporting verb that are its object or circumstances, not
/// what was reported: "told reporters", "said on Tuesday", "said in a statement".
fn skip_adjuncts(ws: &[Word<'_>], mut i: usize, lemma: &str) -> usize {
    if matches!(
        lemma,
        "tell" | "ask" | "warn" | "urge" | "assure" | "inform" | "remind"
    ) {
        if let Some((_, next)) = mention_right(ws, i, "") {
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
        if w.is_word() && prep.iter().any(|p| w.is(p)) && !topic_on {
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
fn clause_to_end(text: &str, ws: &[Word<'_>], from: usize) -> Option<Range<usize>> {
    let mut i = from;
    while ws
        .get(i)
        .is_some_and(|w| w.is("that") || w.is_comma() || w.is_colon())
    {
        i += 1;
    }
    let first = ws.get(i)?;
    let last = ws
        .iter()
        .rposition(|w| !w.ends_sentence() && !w.is_comma())?;
    if last < i {
        return None;
    }
    Some(trim_range(text, first.r.start..ws.get(last)?.r.end))
}

/// A clause from `from` up to the next comma outside quotes (for reports
/// inside relative clauses: "Barkley, who said he votes Democratic, said …").
fn clause_until_comma(text: &str, ws: &[Word<'_>], from: usize) -> Option<Range<usize>> {
    let end = ws[from..]
        .iter()
        .position(|w| w.is_comma() && !w.quoted)
        .map(|i| from + i)?;
    let first = ws.get(from)?;
    let last = ws.get(end.checked_sub(1)?)?;
    (end > from).then(|| trim_range(text, first.r.start..last.r.end))
}

/// The clause before index `end` back to the sentence start.
fn clause_before(text: &str, ws: &[Word<'_>], end: usize) -> Option<Range<usize>> {
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

/// One attribution read off a cue.
#[derive(Clone)]
pub(crate) struct Reading {
    mention: Option<Mention>,
    /// Role from an appositive ("…, a Russian Air Force spokesman").
    appositive: Option<String>,
    pub(crate) content: Vec<Range<usize>>,
    cue: Range<usize>,
    signal: Signal,
    /// A gerund cue ("adding that") inherits the sentence's speaker.
    inherits: bool,
    /// Read around a word the cue model judged, not by the rules.
    learned: bool,
}

fn word_count(text: &str, r: &Range<usize>) -> usize {
    text.get(r.clone())
        .map_or(0, |s| s.split_whitespace().count())
}

/// Read the attribution around a cue at word `v`, if the words there make one.
fn read_cue(text: &str, ws: &[Word<'_>], v: usize, headline: bool) -> Option<Reading> {
    let w = ws.get(v)?;
    if w.quoted {
        return None;
    }
    // "according to X"
    if w.is("according") && ws.get(v + 1).is_some_and(|n| n.is("to")) {
        let (m, after) = mention_right(ws, v + 2, text).or_else(|| {
            // "According to conservative talk radio host Rush Limbaugh, …":
            // the words up to the comma are the source.
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
        })?;
        let cue = w.r.start..ws.get(v + 1)?.r.end;
        let content = if v == 0 || ws[..v].iter().all(|x| x.is_comma()) {
            clause_to_end(text, ws, after)?
        } else {
            clause_before(text, ws, v)?
        };
        return Some(Reading {
            mention: Some(m),
            appositive: None,
            content: vec![content],
            cue,
            signal: Signal::Neutral,
            inherits: false,
            learned: false,
        });
    }
    let mut verb = w.verb?;
    let prev = v.checked_sub(1).and_then(|p| ws.get(p));
    if verb.form == VerbForm::Gerund && prev.is_some_and(words::is_be_form) {
        // "Trump is telling a town hall that …": a progressive, not a gerund.
        verb.form = VerbForm::Finite;
    }
    if let Some(p) = prev {
        let passive = words::is_be_form(p)
            && verb.form == VerbForm::Finite
            && !w.s.ends_with("ing")
            && verb.lemma != "quote";
        let possessed = p.is("'s") || p.is("’s");
        if is_determiner(p) || p.is("to") || passive || possessed {
            return None;
        }
    }
    if w.capitalised() && !headline {
        // "Islamic State", "United States": a capitalised verb form is a
        // name, except in a headline written in title case.
        return None;
    }
    if ws.get(v + 1).is_some_and(|n| n.is("to"))
        && matches!(
            verb.lemma,
            "respond" | "reply" | "refer" | "point" | "continue" | "answer"
        )
    {
        // "respond to a request", "referred to the city": not a report.
        return None;
    }
    let negated = ws[..v]
        .iter()
        .rev()
        .take(3)
        .any(|x| x.is("not") || x.is("never") || x.s.ends_with("n't") || x.is("n’t"));
    if negated && matches!(verb.signal, Signal::Neutral | Signal::Response) {
        // "did not respond", "could not confirm": nothing was said.
        return None;
    }
    if verb.form == VerbForm::Gerund {
        let opens = prev.is_some_and(|p| {
            p.is_comma() || p.is("while") || p.is("before") || p.is("after") || p.is("and")
        });
        if !opens {
            return None;
        }
        let content = clause_to_end(text, ws, skip_adjuncts(ws, v + 1, verb.lemma))?;
        return Some(Reading {
            mention: None,
            appositive: None,
            content: vec![content],
            cue: w.r.clone(),
            signal: verb.signal,
            inherits: true,
            learned: false,
        });
    }
    // The segment of the sentence the cue stands in: between commas or quote marks.
    let mut seg_start = ws[..v]
        .iter()
        .rposition(|x| (x.is_comma() || x.is_quote() || x.is_colon()) && !x.quoted)
        .map_or(0, |i| i + 1);
    let mut subject_end = v;
    let mut appositive = None;
    // "X, a respected monitoring group based in London, said …" and
    // "X, which operates several clinics, said …": the subject stands before
    // the appositive or relative clause.
    let left = skip_left_modifiers(ws, v);
    // "Barkley, who said …", "those who said …": the relative pronoun's antecedent speaks.
    if left > 0 && ["who", "which", "that"].iter().any(|r| ws[left - 1].is(r)) {
        let mut end = left - 1;
        if end > 0 && ws[end - 1].is_comma() {
            end -= 1;
        }
        if let Some(mut m) = mention_left(ws, end, text) {
            // The words the verb hangs on run to the pronoun: "Barkley, who".
            m.range.end = ws[left - 1].r.end;
            let after = skip_adjuncts(ws, v + 1, verb.lemma);
            let content = clause_to_end(text, ws, after)?;
            let content = clause_until_comma(text, ws, after).unwrap_or(content);
            return Some(Reading {
                mention: Some(m),
                appositive: None,
                content: vec![content],
                cue: w.r.clone(),
                signal: verb.signal,
                inherits: false,
                learned: false,
            });
        }
    }
    // "… rushed inside and said they would register voters": the
    // coordinated verb shares the sentence's subject.
    if left > 0
        && ["and", "but", "then"].iter().any(|c| ws[left - 1].is(c))
        && mention_left(ws, v, text).is_none()
    {
        let after = skip_adjuncts(ws, v + 1, verb.lemma);
        let content = clause_to_end(text, ws, after)?;
        return Some(Reading {
            mention: None,
            appositive: None,
            content: vec![content],
            cue: w.r.clone(),
            signal: verb.signal,
            inherits: true,
            learned: false,
        });
    }
    if left > 0 && ws[left - 1].is_comma() && !ws[left - 1].quoted {
        let open = ws[..left - 1]
            .iter()
            .rposition(|x| x.is_comma() && !x.quoted);
        if let Some(c0) = open {
            let inner = &ws[c0 + 1..left - 1];
            let relative = inner.first().is_some_and(|f| {
                [
                    "which", "who", "whose", "whom", "based", "led", "run", "headed",
                ]
                .iter()
                .any(|r| f.is(r))
            });
            let apposed = inner.first().is_some_and(|f| {
                is_determiner(f) || lexicon().any_noun(f.lower).is_some() && !f.capitalised()
            });
            let named = !inner.is_empty()
                && inner.len() <= 4
                && inner.iter().all(|w| w.capitalised() || w.s == ".");
            if named {
                // "Its spokesman, Emrik Saldane, called …": the name between
                // the commas is the speaker; the words before it, the role.
                let role = mention_left(ws, c0, text).and_then(|m| match m.kind {
                    MentionKind::Nominal { .. } => text.get(m.range.clone()).map(str::to_string),
                    _ => None,
                });
                let name = inner
                    .first()
                    .map(|f| f.r.start)
                    .zip(inner.last().map(|l| l.r.end));
                if let Some((a, b)) = name {
                    let mention = Mention {
                        range: a..b,
                        kind: MentionKind::Person {
                            name: text.get(a..b).unwrap_or_default().to_string(),
                            role: role.map(|r| {
                                r.trim_start_matches(|c: char| !c.is_alphabetic())
                                    .to_string()
                            }),
                        },
                    };
                    let after = skip_adjuncts(ws, v + 1, verb.lemma);
                    let content = clause_to_end(text, ws, after).or_else(|| {
                        clause_before(
                            text,
                            ws,
                            ws[..c0]
                                .iter()
                                .rposition(|x| (x.is_comma() || x.is_quote()) && !x.quoted)
                                .unwrap_or(0),
                        )
                    })?;
                    return Some(Reading {
                        mention: Some(mention),
                        appositive: None,
                        content: vec![content],
                        cue: w.r.clone(),
                        signal: verb.signal,
                        inherits: false,
                        learned: false,
                    });
                }
            }
            // "Sarandon, 69, told": an age; "Bill Frelick, refugee rights
            // program director at Human Rights Watch, said": any short
            // description after a person's name.
            let aged = inner.len() == 1 && inner[0].kind == parallax_text::TokenKind::Number;
            let described = !inner.is_empty()
                && inner.len() <= 14
                && inner.iter().all(|w| !w.quoted && !w.ends_sentence())
                && mention_left(ws, c0, text).is_some_and(|m| {
                    matches!(m.kind, MentionKind::Person { .. } | MentionKind::Surname(_))
                });
            if (relative || apposed || aged || described) && inner.len() <= 25 {
                if apposed {
                    appositive = appositive_role(inner, text);
                }
                subject_end = c0;
                // "Marley Anderson, 21, a junior from Las Vegas, said": an age
                // or a second appositive may stand before this one.
                if c0 > 0 {
                    if let Some(c1) = ws[..c0].iter().rposition(|x| x.is_comma() && !x.quoted) {
                        let second = &ws[c1 + 1..c0];
                        let age =
                            second.len() == 1 && second[0].kind == parallax_text::TokenKind::Number;
                        if age || second.first().is_some_and(is_determiner) && second.len() <= 12 {
                            subject_end = c1;
                        }
                    }
                }
                seg_start = ws[..subject_end]
                    .iter()
                    .rposition(|x| (x.is_comma() || x.is_quote() || x.is_colon()) && !x.quoted)
                    .map_or(0, |i| i + 1);
            }
        }
    }
    if let Some(m) = mention_left(ws, subject_end, text).filter(|m| {
        ws.get(seg_start)
            .is_some_and(|s| s.r.start <= m.range.start)
    }) {
        // Appositive role before the verb: "Klimov, a spokesman, said" is rare;
        // the common shapes are handled below.
        let after = skip_adjuncts(ws, v + 1, verb.lemma);
        let rest_that = ws.get(after).is_some_and(|x| x.is("that") || x.is_colon());
        let seg_end = ws[v + 1..]
            .iter()
            .position(|x| x.is_comma() && !x.quoted)
            .map(|i| v + 1 + i);
        let tail_is_short = seg_end.map_or(ws.len(), |e| e) <= after + 1
            || ws
                .get(after)
                .is_none_or(|x| x.ends_sentence() || x.is_comma());
        let before = (seg_start > 0)
            .then(|| clause_before(text, ws, seg_start))
            .flatten();
        // A quotation right before the subject ("“…,” Clinton said on
        // Thursday during a speech …") is what the cue reports.
        let quote_before = seg_start > 0
            && ws.get(seg_start - 1).is_some_and(|x| {
                x.is_quote() || x.is_comma() && seg_start >= 2 && ws[seg_start - 2].is_quote()
            })
            // A title in quote marks ("Fox News Sunday") is not a quotation.
            && ws[..seg_start]
                .iter()
                .rev()
                .skip_while(|x| !x.quoted)
                .take_while(|x| x.quoted)
                .filter(|x| x.is_word())
                .count()
                >= 4;
        let content = if rest_that {
            clause_to_end(text, ws, after)
        } else if let (Some(b), true) = (before.clone(), tail_is_short || quote_before) {
            // "…, X said." (and "…, X said, …" with more after: take the longer side)
            // With words on both sides ("In the past 24 hours, he said,
            // Russian jets…") the report is the whole sentence around the cue.
            let after_comma = seg_end.and_then(|e| clause_to_end(text, ws, e + 1));
            match after_comma {
                Some(a)
                    if word_count(text, &a) >= 3
                        && !starts_with_cue(ws, seg_end.map_or(0, |e| e + 1)) =>
                {
                    Some(b.start..a.end)
                }
                _ => Some(b),
            }
        } else if ws.get(after).is_some_and(|x| x.is_quote())
            || ws.get(after).is_some_and(|x| x.is_comma())
                && ws.get(after + 1).is_some_and(|x| x.is_quote())
        {
            clause_to_end(text, ws, after)
        } else if ws
            .get(after)
            .is_some_and(|x| x.is_word() && !x.ends_sentence())
        {
            // "X said the strikes had stopped."
            clause_to_end(text, ws, after)
        } else {
            before
        };
        let colon_ends = ws.get(after).is_some_and(Word::is_colon)
            && ws.get(after + 1).is_none_or(Word::ends_sentence);
        let content = match content {
            Some(c) => c,
            // "Cruz continued:" — the quotation follows in the next paragraph.
            None if colon_ends => w.r.end..w.r.end,
            None => return None,
        };
        let homograph = w.s.ends_with('s') && NOUN_HOMOGRAPHS.contains(&verb.lemma);
        if homograph && matches!(m.kind, MentionKind::Surname(_)) {
            return None;
        }
        return Some(Reading {
            mention: Some(m),
            appositive,
            content: vec![content],
            cue: w.r.clone(),
            signal: verb.signal,
            inherits: false,
            learned: false,
        });
    }
    // No subject before the cue, but what it reports is plain: "Having
    // announced that …, Judge Berman proceeded", "… and then said that …".
    // The report stands; its speaker is the subject after an opening
    // participle clause, or unknown.
    let after = skip_adjuncts(ws, v + 1, verb.lemma);
    let reports = ws
        .get(after)
        .is_some_and(|x| x.is("that") || x.is_colon() || x.is_quote());
    if reports && seg_start != v {
        let content =
            clause_until_comma(text, ws, after).or_else(|| clause_to_end(text, ws, after))?;
        let opener = ws[..v].iter().all(|x| !x.is_comma());
        let mention = if opener {
            ws[v..]
                .iter()
                .position(|x| x.is_comma() && !x.quoted)
                .and_then(|c| mention_right(ws, v + c + 1, text))
                .map(|(m, _)| m)
        } else {
            None
        };
        return Some(Reading {
            mention,
            appositive: None,
            content: vec![content],
            cue: w.r.clone(),
            signal: verb.signal,
            inherits: false,
            learned: false,
        });
    }
    // Inverted: "…, said Igor Klimov, a Russian Air Force spokesman."
    if seg_start == v && v > 0 {
        let (m, after) = mention_right(ws, v + 1, text)?;
        let mut appositive = None;
        let mut end_of_clause = after;
        if ws.get(after).is_some_and(Word::is_comma) {
            let segment_end = |from: usize| {
                ws[from..]
                    .iter()
                    .position(|x| x.is_comma() || x.ends_sentence())
                    .map_or(ws.len(), |i| from + i)
            };
            let mut from = after + 1;
            let mut end = segment_end(from);
            // "said Mattie Thomas, 66, a retired fast-food worker": an age
            // may stand before the description.
            let age = end == from + 1
                && ws[from].kind == parallax_text::TokenKind::Number
                && ws.get(end).is_some_and(Word::is_comma);
            if age {
                end_of_clause = end;
                from = end + 1;
                end = segment_end(from);
            }
            appositive = appositive_role(ws.get(from..end).unwrap_or(&[]), text);
            if appositive.is_some() {
                end_of_clause = end;
            }
        }
        // An inverted cue closes its sentence: "…, said X." / "…, said X, a spokesman."
        let rest = skip_adjuncts(ws, end_of_clause, verb.lemma);
        // "…, said Caddell, speaking of …": a participle or a time or
        // place phrase may follow after a comma.
        let trailing = |x: &Word<'_>| {
            x.is_word()
                && (x.lower.ends_with("ing")
                    || [
                        "in",
                        "on",
                        "at",
                        "during",
                        "after",
                        "before",
                        "who",
                        "which",
                        "as",
                        "when",
                        "while",
                        "according",
                        "referring",
                        "citing",
                        "adding",
                    ]
                    .contains(&x.lower))
        };
        // Right after a closing quote mark the cue is inverted whatever
        // follows the name: "''…,'' said Douglas Holtz-Eakin, an economist
        // who served as …", "…,” said Mr. Burman (a view echoed by …)".
        let after_quote = ws.get(v - 1).is_some_and(Word::is_quote)
            || ws.get(v - 1).is_some_and(Word::is_comma)
                && v.checked_sub(2)
                    .and_then(|i| ws.get(i))
                    .is_some_and(Word::is_quote);
        // Elsewhere, a description after the name ("said Robert Stone, a
        // 59-year-old from Hilton Head, South Carolina.") may run on to the
        // end; other words after it mean this is not an inverted cue.
        if appositive.is_none()
            && !after_quote
            && !ws.get(rest).is_none_or(|x| {
                x.ends_sentence()
                    || x.is_comma()
                        && ws
                            .get(rest + 1)
                            .is_none_or(|n| n.ends_sentence() || trailing(n))
            })
        {
            return None;
        }
        let content = clause_before(text, ws, v)?;
        return Some(Reading {
            mention: Some(m),
            appositive,
            content: vec![content],
            cue: w.r.clone(),
            signal: verb.signal,
            inherits: false,
            learned: false,
        });
    }
    None
}

/// A sentence in title case ("Senator Calls Report A Disgrace"): a headline,
/// where verbs are capitalised too.
fn is_title_case(ws: &[Word<'_>]) -> bool {
    // Every small word has at most four letters: longer words skip the list.
    let small = |w: &Word<'_>| {
        w.lower.len() <= 4
            && [
                "a", "an", "the", "of", "in", "on", "at", "and", "or", "for", "to", "with", "by",
                "as", "but",
            ]
            .contains(&w.lower)
    };
    let (mut words, mut capitalised, mut open) = (0usize, 0usize, 0usize);
    for w in ws.iter().filter(|w| w.is_word() && !w.quoted) {
        words += 1;
        capitalised += usize::from(w.capitalised());
        open += usize::from(!small(w));
    }
    words >= 4 && capitalised * 10 >= open * 9
}

/// "Graham: Trump's Rhetoric Is Destroying the Party": a headline that gives
/// a name, a colon and what they said.
fn headline_colon(text: &str, ws: &[Word<'_>]) -> Option<Reading> {
    let colon = ws.iter().take(7).position(|w| w.is_colon())?;
    let lead = ws.iter().take_while(|w| w.is_quote()).count();
    let name = ws.get(lead..colon).filter(|n| !n.is_empty())?;
    // A transcript quoted paragraph by paragraph puts the speaker inside
    // the marks: "\"PENCE: Well, look, …". Only a name in capitals is
    // read there.
    let capitals = |w: &Word<'_>| w.is_word() && w.s.chars().all(|c| !c.is_lowercase());
    let in_marks = name.iter().all(|w| w.quoted && capitals(w));
    let plain = in_marks
        || name.iter().all(|w| {
            w.capitalised()
                && !w.quoted
                && !words::is_capitalised_non_name(w)
                && !words::is_calendar(w)
                || words::is_joiner(w)
        });
    // "Update:" is a label; "WALLACE:" in a transcript is a speaker.
    let label = name.iter().any(|w| {
        [
            "update",
            "note",
            "watch",
            "photos",
            "video",
            "correction",
            "editor",
            "live",
            "breaking",
            "exclusive",
            "opinion",
            "analysis",
            "read",
            "related",
        ]
        .contains(&w.lower)
    });
    if !plain || label || ws.get(colon + 1).is_none_or(|w| w.ends_sentence()) {
        return None;
    }
    let m = match name {
        // A transcript's speaker in capitals stands for a surname.
        [w] if w.s.chars().all(|c| !c.is_lowercase()) => Mention {
            range: w.r.clone(),
            kind: MentionKind::Surname(w.s.to_string()),
        },
        _ => mention_right(ws, lead, text)?.0,
    };
    let content = clause_to_end(text, ws, colon + 1)?;
    Some(Reading {
        mention: Some(m),
        appositive: None,
        content: vec![content],
        cue: ws.get(colon)?.r.clone(),
        signal: Signal::Neutral,
        inherits: false,
        learned: false,
    })
}

/// Verbs whose -s form is also a plural noun ("reports", "claims", "states").
const NOUN_HOMOGRAPHS: &[&str] = &[
    "state", "report", "claim", "call", "charge", "demand", "note", "quote", "answer", "comment",
    "promise", "fear", "hope", "estimate", "reply", "suspect", "record", "attack", "blame",
    "support", "back", "order", "question", "plan", "show", "name", "offer", "post", "address",
    "read", "doubt", "worry", "echo", "email", "tweet", "praise", "defend", "respond", "stress",
    "warn", "vow", "pledge", "find", "reveal", "want",
];

fn starts_with_cue(ws: &[Word<'_>], i: usize) -> bool {
    ws.get(i)
        .and_then(|w| w.verb)
        .is_some_and(|v| v.form == VerbForm::Gerund)
}

/// Quoted fragments that are not quotations: a few Title Case words (a
/// title) or one to three words nobody is said to say (scare quotes).
fn is_title_or_scare(text: &str, z: &Range<usize>) -> bool {
    let Some(s) = text.get(z.clone()) else {
        return true;
    };
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.len() <= 3 {
        return true;
    }
    let small = [
        "a", "an", "the", "of", "in", "on", "at", "and", "for", "to", "with",
    ];
    words.len() <= 10
        && words.iter().all(|w| {
            small.contains(&w.to_lowercase().as_str())
                || w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
        })
}

fn overlap(a: &Range<usize>, b: &Range<usize>) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

/// Find every quotation of a document and attribute it.
pub fn find_quotes(doc: &Analysed<'_>) -> Vec<QuoteFinding> {
    find_quotes_with(doc, cue_model::cue_model())
}

/// Call `f` with the words of each sentence (quoted ones marked) and
/// whether the sentence is a title-case headline, as [`find_quotes`] sees them.
pub(crate) fn for_each_sentence_words(doc: &Analysed<'_>, f: &mut dyn FnMut(&[Word<'_>], bool)) {
    let zones = quoted_zones(doc.text, &doc.seg);
    let ranges: Vec<Range<usize>> = zones.iter().map(|z| z.content.clone()).collect();
    for s in &doc.seg.sentences {
        let ws = words(doc, s.range.clone(), &ranges);
        f(&ws, is_title_case(&ws));
    }
}

/// `s` in lower case, copied only when it has capitals.
fn lower_cow(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().any(char::is_uppercase) {
        std::borrow::Cow::Owned(s.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// The reading `r` at word `v` in the cue model's terms.
fn view_of<'a>(
    ws: &[Word<'_>],
    r: &Reading,
    cue: &'a str,
    others: &[(Reading, usize, bool)],
    sentence_quoted: bool,
) -> cue_model::ReadingView<'a> {
    let nested = others.iter().any(|(o, _, _)| {
        !std::ptr::eq(o, r)
            && o.cue != r.cue
            && o.content
                .iter()
                .any(|c| c.start <= r.cue.start && r.cue.end <= c.end)
    });
    let holds = others.iter().any(|(o, _, _)| {
        !std::ptr::eq(o, r)
            && o.cue != r.cue
            && r.content
                .iter()
                .any(|c| c.start <= o.cue.start && o.cue.end <= c.end)
    });
    let content = r.content.first().cloned().unwrap_or(r.cue.end..r.cue.end);
    let direction = if content.start >= r.cue.end {
        "after"
    } else if content.end <= r.cue.start {
        "before"
    } else {
        "around"
    };
    let mention = match r.mention.as_ref().map(|m| &m.kind) {
        None => "none",
        Some(MentionKind::Person { .. }) => "person",
        Some(MentionKind::Surname(_)) => "surname",
        Some(MentionKind::Organisation(_)) => "org",
        Some(MentionKind::Pronoun { .. }) => "pronoun",
        Some(MentionKind::Nominal { .. }) => "nominal",
    };
    // Words are in text order: the content's words are one run.
    let from = ws.partition_point(|w| w.r.start < content.start);
    let (mut words, mut quoted) = (0usize, 0usize);
    for w in ws[from..]
        .iter()
        .take_while(|w| w.r.end <= content.end)
        .filter(|w| w.is_word())
    {
        words += 1;
        quoted += usize::from(w.quoted);
    }
    let first = ws.get(from).filter(|w| w.r.start < content.end);
    cue_model::ReadingView {
        cue,
        direction,
        mention,
        inherits: r.inherits,
        words,
        first: cue_model::shape(first),
        quoted_tenths: (quoted * 10).checked_div(words).unwrap_or(0),
        signal: r.signal.as_str(),
        nested,
        holds,
        sentence_quoted,
    }
}

/// Adverbs that may stand between a subject, a conjunction or a be-form
/// and the cue ("and later said", "but again refused", "was first
/// reported").
fn is_cue_adverb(w: &Word<'_>) -> bool {
    w.is_word()
        && (cue_model::is_cue_adverb_word(w.lower) || matches!(w.lower, "also" | "still" | "even"))
}

/// Whether the cue at word `v` shares the subject of an earlier verb:
/// "and said", "but later added", ", saying".
fn is_coordinated(ws: &[Word<'_>], v: usize) -> bool {
    let mut i = v;
    while i > 0 && ws.get(i - 1).is_some_and(is_cue_adverb) {
        i -= 1;
    }
    let Some(before) = i.checked_sub(1).and_then(|b| ws.get(b)) else {
        return false;
    };
    let participle = ws.get(v).is_some_and(|w| w.lower.ends_with("ing"));
    before.is("and") || before.is("but") || before.is_comma() && participle
}

/// Which readings are kept: those scoring at their threshold or above,
/// less one whose cue stands inside what another kept reading reports ("she
/// claimed he had a source who told him …"): the outer reading already
/// covers those words. A learned reading goes; a rule's reading goes unless
/// it scores `nested_margin` above its threshold. A cue coordinated with the
/// outer one ("… and said …") starts a report of its own and stays.
fn nested_readings_dropped(
    ws: &[Word<'_>],
    all: &[(Reading, usize, bool)],
    margins: &[f32],
    nested_margin: f32,
) -> Vec<bool> {
    all.iter()
        .zip(margins)
        .map(|((r, v, rule), &margin)| {
            if margin < 0.0 {
                return false;
            }
            if *rule && margin >= nested_margin || is_coordinated(ws, *v) {
                return true;
            }
            let inside_kept = all.iter().zip(margins).any(|((o, _, _), &m)| {
                m >= 0.0
                    && o.cue != r.cue
                    && o.content
                        .iter()
                        .any(|c| c.start <= r.cue.start && r.cue.end <= c.end)
            });
            !inside_kept
        })
        .collect()
}

/// Every reading of a sentence the cue model judges, with its word index and
/// whether the rules read it: the rules' own readings first, then, for the
/// words `is_candidate` accepts that no rule cue covers, the general one.
fn sentence_readings(
    text: &str,
    ws: &[Word<'_>],
    headline: bool,
    is_candidate: &dyn Fn(&[Word<'_>], usize) -> bool,
) -> Vec<(Reading, usize, bool)> {
    let mut out: Vec<(Reading, usize, bool)> = (0..ws.len())
        .filter_map(|v| read_cue(text, ws, v, headline).map(|r| (r, v, true)))
        .collect();
    for v in 0..ws.len() {
        let w = &ws[v];
        // A capital inside a sentence marks a name ("The Huffington Post"),
        // except in a headline, where verbs are capitalised too.
        let name_like = !headline && w.capitalised() && ws[..v].iter().any(Word::is_word);
        if w.quoted || !w.is_word() || name_like || !is_candidate(ws, v) {
            continue;
        }
        let start = w.r.start;
        if out
            .iter()
            .any(|(r, _, _)| r.cue.start <= start && start < r.cue.end)
        {
            continue;
        }
        if let Some(r) = read_learned_cue(text, ws, v) {
            out.push((r, v, false));
        }
    }
    // Back in text order, the rules' reading first at a shared word.
    out.sort_by_key(|(r, v, rule)| (*v, !*rule, r.cue.start));
    out
}

/// What [`for_each_candidate_reading`] calls: the sentence's words, the cue's
/// word index, whether the rules read it, the reading and its view.
pub(crate) type ReadingVisitor<'f> =
    dyn FnMut(&[Word<'_>], usize, bool, &Reading, &cue_model::ReadingView<'_>) + 'f;

/// Call `f` with every reading the finder would judge (see
/// [`cue_model::cue_examples`]).
pub(crate) fn for_each_candidate_reading(
    doc: &Analysed<'_>,
    is_candidate: &dyn Fn(&str) -> bool,
    f: &mut ReadingVisitor<'_>,
) {
    let text = doc.text;
    for_each_sentence_words(doc, &mut |ws, headline| {
        let all = sentence_readings(text, ws, headline, &|ws, v| is_candidate(ws[v].lower));
        let sentence_quoted = ws.iter().any(|w| w.quoted);
        for (r, v, rule) in &all {
            let cue = text.get(r.cue.clone()).unwrap_or_default().to_lowercase();
            let view = view_of(ws, r, &cue, &all, sentence_quoted);
            f(ws, *v, *rule, r, &view);
        }
    });
}

const CUE_EXCLUSIONS: &str = include_str!("../../../data/cue_exclusions.txt");

/// Words that name a thing rather than report speech ("titled", "named").
fn cue_exclusions() -> &'static parallax_analysis::FastSet<&'static str> {
    static SET: std::sync::OnceLock<parallax_analysis::FastSet<&'static str>> =
        std::sync::OnceLock::new();
    SET.get_or_init(|| parallax_analysis::word_list(CUE_EXCLUSIONS))
}

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
fn read_learned_cue(text: &str, ws: &[Word<'_>], v: usize) -> Option<Reading> {
    let w = ws.get(v)?;
    if cue_exclusions().contains(w.lower) {
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
    let passive = before > 0 && ws.get(before - 1).is_some_and(words::is_be_form);
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
            inherits: false,
            learned: true,
        });
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
        mention,
        appositive: None,
        content: vec![content],
        cue,
        signal,
    })
}

/// The noun phrase that opens the clause `from..to` and ends at the cue,
/// as the speaker of a learned cue: "The emails show that …", "but the
/// caucuses will show if …". Not a clause that opens with a subordinator
/// or a preposition ("If voters …", "In March …").
fn subject_phrase_before(ws: &[Word<'_>], text: &str, from: usize, to: usize) -> Option<Mention> {
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

/// A resolved speaker with the mention it was read from.
fn finding(res: Resolved, m: &Mention) -> (SpeakerFinding, Resolved) {
    let found = SpeakerFinding {
        name: res.name.clone(),
        role: res.role.clone(),
        mention: m.range.clone(),
    };
    (found, res)
}

/// A quotation signed with a dash and a name after its closing mark, as
/// readers' letters and epigraphs are: "“…” ― Marta Quell, a ferry
/// captain". Returns the name's mention, the role an appositive gives and
/// the dash.
fn dash_signature(
    text: &str,
    seg: &Segmentation,
    sentences: &[Vec<Word<'_>>],
    content_end: usize,
) -> Option<(Mention, Option<String>, Range<usize>)> {
    let rest = text.get(content_end..)?;
    let skipped =
        rest.find(|c: char| !matches!(c, '”' | '"' | '’' | '\'' | '»' | ',' | '.' | ' ' | '\t'))?;
    let dash_at = content_end + skipped;
    let dash = text.get(dash_at..)?.chars().next()?;
    if !matches!(dash, '―' | '—' | '–') {
        return None;
    }
    let dash_range = dash_at..dash_at + dash.len_utf8();
    let si = seg
        .sentences
        .partition_point(|x| x.range.end <= dash_range.end);
    let ws = sentences.get(si)?;
    let at = ws.iter().position(|w| w.r.start >= dash_range.end)?;
    let (m, after) = mention_right(ws, at, text)?;
    let named = matches!(
        m.kind,
        MentionKind::Person { .. } | MentionKind::Surname(_) | MentionKind::Organisation(_)
    );
    // The name closes the signature: nothing but a full stop, a comma (an
    // appositive) or the paragraph's end follows.
    let closes = ws
        .get(after)
        .is_none_or(|w| w.ends_sentence() || w.is_comma());
    if !(named && closes) {
        return None;
    }
    let role = ws.get(after).filter(|w| w.is_comma()).and_then(|_| {
        let from = after + 1;
        let end = ws[from..]
            .iter()
            .position(|x| x.is_comma() || x.ends_sentence())
            .map_or(ws.len(), |i| from + i);
        appositive_role(ws.get(from..end).unwrap_or(&[]), text)
    });
    Some((m, role, dash_range))
}

/// The speaker mention of a reading that named none itself, in order:
/// for a learned cue, a subject in its own clause ("while Comey talked
/// about it, he didn't mention …": he); for a cue that inherits, the
/// subject the sentence opens with ("Trump went after Bush, calling him
/// …"); for a learned cue, the nearest person, body or pronoun before it
/// ("On Thursday, he expanded upon his calls for …").
fn fallback_mention(ws: &[Word<'_>], text: &str, r: &Reading) -> Option<Mention> {
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
        .then(|| mention_right(ws, 0, text))
        .flatten()
        .filter(|(m, after)| {
            // "Expecting a protest, …": the opening word is the cue itself.
            let overlaps_cue = m.range.start < r.cue.end && r.cue.start < m.range.end;
            // Only a plain "Subject verb …" opening: the word after the
            // mention must not start a phrase or a clause of its own. A
            // learned cue takes the opening subject before it, whatever
            // follows.
            let plain = ws
                .get(*after)
                .is_some_and(|n| n.is_word() && (!words::is_phrase_stop(n) || n.is("said")));
            !overlaps_cue && (plain || r.learned && m.range.end <= r.cue.start)
        })
        .map(|(m, _)| m);
    if opening.is_some() || !r.learned {
        return opening;
    }
    nearest_mention_before(ws, text, 0, cue_at?)
}

/// The nearest pronoun (possessives included: "his" for he) or name of a
/// person or body among words `from..to`, reading leftwards.
fn nearest_mention_before(ws: &[Word<'_>], text: &str, from: usize, to: usize) -> Option<Mention> {
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

/// [`find_quotes`] with a cue model of the caller's (for training and
/// tuning one).
pub fn find_quotes_with(doc: &Analysed<'_>, model: &CueModel) -> Vec<QuoteFinding> {
    let (text, seg) = (doc.text, &doc.seg);
    let mut zones = quoted_zones(text, seg);
    let zone_ranges: Vec<Range<usize>> = zones.iter().map(|z| z.content.clone()).collect();
    let mut resolver = Resolver::default();
    let sentences: Vec<Vec<Word<'_>>> = seg
        .sentences
        .iter()
        .map(|s| words(doc, s.range.clone(), &zone_ranges))
        .collect();
    for ws in &sentences {
        resolver.learn_sentence(ws, text);
    }
    let mut out: Vec<QuoteFinding> = Vec::new();
    // The speaker of the latest attribution, with its paragraph.
    let mut last: Option<(usize, SpeakerFinding, Resolved)> = None;
    // A cue ending in a colon waits for the quotation that follows it.
    let mut pending: Option<(SpeakerFinding, Resolved, Range<usize>, Signal)> = None;
    for (si, s) in seg.sentences.iter().enumerate() {
        let Some(ws) = sentences.get(si) else {
            continue;
        };
        let mut sentence_speaker: Option<(SpeakerFinding, Resolved)> = None;
        // A colon cue of an earlier sentence waits for this one.
        let waiting = pending.take();
        let mut readings = Vec::new();
        let headline = is_title_case(ws);
        if let Some(r) = headline_colon(text, ws) {
            // A speaker's name inside the marks is not what they said.
            if let Some(z) = zones
                .iter_mut()
                .find(|z| z.content.start < r.cue.start && r.cue.end <= z.content.end)
            {
                if let Some(c) = r.content.first() {
                    z.content.start = c.start;
                }
            }
            readings.push(r);
        }
        let all = sentence_readings(text, ws, headline, &|ws, v| model.is_candidate(&ws[v]));
        let sentence_quoted = ws.iter().any(|w| w.quoted);
        // Each reading's score above its threshold.
        let margins: Vec<f32> = all
            .iter()
            .map(|(r, v, rule)| {
                let cue = lower_cow(text.get(r.cue.clone()).unwrap_or_default());
                let view = view_of(ws, r, &cue, &all, sentence_quoted);
                let score = model.score(ws, *v, *rule, &view);
                let threshold = if *rule {
                    model.thresholds.rule
                } else {
                    model.thresholds.new
                };
                score - threshold
            })
            .collect();
        let keep = nested_readings_dropped(ws, &all, &margins, model.thresholds.nested);
        readings.extend(
            all.into_iter()
                .zip(keep)
                .filter(|(_, k)| *k)
                .map(|((r, _, _), _)| r),
        );
        for r in readings {
            let speaker = match (&r.mention, r.inherits) {
                (Some(m), _) => {
                    let mut res = resolver.resolve(m, m.range.start);
                    if let (Some(role), MentionKind::Person { .. } | MentionKind::Surname(_)) =
                        (&r.appositive, &m.kind)
                    {
                        res.role = Some(role.clone());
                        resolver.set_last_role(role.clone());
                    }
                    Some(finding(res, m))
                }
                (None, true) => sentence_speaker.clone(),
                (None, false) => None,
            };
            let speaker = speaker.or_else(|| {
                let m = fallback_mention(ws, text, &r)?;
                let res = resolver.resolve(&m, m.range.start);
                Some(finding(res, &m))
            });
            if r.inherits && speaker.is_none() && !r.learned {
                continue; // "…, adding that" with nobody to add it
            }
            if r.content.iter().all(|c| c.is_empty()) {
                pending = speaker.map(|s| (s.0, s.1, r.cue.clone(), r.signal));
                continue;
            }
            if let Some(sp) = &speaker {
                sentence_speaker = Some(sp.clone());
                last = Some((s.paragraph, sp.0.clone(), sp.1.clone()));
            }
            let finding_speaker = speaker
                .as_ref()
                .map(|s| s.0.clone())
                .filter(|s| !s.name.is_empty());
            for content in r.content {
                // Quoted stretches inside what the cue reports.
                // Zones are sorted and do not overlap: the ones touching
                // `content` are a contiguous run.
                let lo = zones.partition_point(|z| z.content.end <= content.start);
                let hi = zones.partition_point(|z| z.content.start < content.end);
                let inside: Vec<usize> = (lo..hi.max(lo))
                    .filter(|&i| {
                        zones
                            .get(i)
                            .is_some_and(|z| !z.used && overlap(&z.content, &content) > 0)
                    })
                    .collect();
                let quoted_len: usize = inside
                    .iter()
                    .filter_map(|&i| zones.get(i))
                    .map(|z| overlap(&z.content, &content))
                    .sum();
                let starts_quoted = inside
                    .first()
                    .and_then(|&i| zones.get(i))
                    .is_some_and(|z| z.content.start <= content.start + 4);
                let direct = !inside.is_empty()
                    && (quoted_len * 10 >= content.len() * 7
                        || starts_quoted && quoted_len * 2 >= content.len());
                if direct {
                    for &i in &inside {
                        if let Some(z) = zones.get_mut(i) {
                            z.used = true;
                            out.push(QuoteFinding {
                                kind: QuoteKind::Direct,
                                range: z.content.clone(),
                                cue: Some(r.cue.clone()),
                                signal: Some(r.signal),
                                speaker: finding_speaker.clone(),
                            });
                        }
                    }
                } else {
                    out.push(QuoteFinding {
                        kind: QuoteKind::Indirect,
                        range: content.clone(),
                        cue: Some(r.cue.clone()),
                        signal: Some(r.signal),
                        speaker: finding_speaker.clone(),
                    });
                    for &i in &inside {
                        if let Some(z) = zones.get_mut(i) {
                            z.used = true;
                            out.push(QuoteFinding {
                                kind: QuoteKind::Partial,
                                range: z.content.clone(),
                                cue: Some(r.cue.clone()),
                                signal: Some(r.signal),
                                speaker: finding_speaker.clone(),
                            });
                        }
                    }
                }
            }
        }
        // Quoted stretches of this sentence that no cue claimed.
        let mut carried = false;
        // A sentence with cues of its own says who speaks in it.
        let own_cues = out.last().is_some_and(|q| {
            s.range.start <= q.range.start && q.range.start < s.range.end && q.cue.is_some()
        });
        if let Some((found, res, cue, signal)) = waiting.filter(|_| !own_cues) {
            let from = zones.partition_point(|z| z.content.start < s.range.start);
            let waiting = zones
                .iter_mut()
                .skip(from)
                .take_while(|z| z.content.start < s.range.end)
                .find(|z| !z.used);
            match waiting {
                Some(z) => {
                    z.used = true;
                    resolver.repeat(z.content.start, res.clone());
                    last = Some((s.paragraph, found.clone(), res));
                    out.push(QuoteFinding {
                        kind: QuoteKind::Direct,
                        range: z.content.clone(),
                        cue: Some(cue),
                        signal: Some(signal),
                        speaker: Some(found).filter(|f| !f.name.is_empty()),
                    });
                }
                None => {
                    // Unquoted words after "X said:" are what X said.
                    if let Some(c) = clause_to_end(text, ws, 0) {
                        out.push(QuoteFinding {
                            kind: QuoteKind::Indirect,
                            range: c,
                            cue: Some(cue),
                            signal: Some(signal),
                            speaker: Some(found).filter(|f| !f.name.is_empty()),
                        });
                    }
                }
            }
        }
        // A stretch that runs on into the next sentence waits for the
        // sentence where it ends: a cue there ("…,” said Caddell) claims it.
        let last_sentence = si + 1 == seg.sentences.len();
        let from = zones.partition_point(|z| z.content.end <= s.range.start);
        for z in zones
            .iter_mut()
            .skip(from)
            .take_while(|z| z.content.start < s.range.end)
            .filter(|z| !z.used && (z.content.end <= s.range.end || last_sentence))
        {
            if let Some((m, role, dash)) = dash_signature(text, seg, &sentences, z.content.end) {
                z.used = true;
                let mut res = resolver.resolve(&m, m.range.start);
                if let (Some(role), MentionKind::Person { .. } | MentionKind::Surname(_)) =
                    (role, &m.kind)
                {
                    res.role = Some(role.clone());
                    resolver.set_last_role(role);
                }
                let (found, res) = finding(res, &m);
                last = Some((s.paragraph, found.clone(), res));
                out.push(QuoteFinding {
                    kind: QuoteKind::Direct,
                    range: z.content.clone(),
                    cue: Some(dash),
                    signal: Some(Signal::Neutral),
                    speaker: Some(found).filter(|f| !f.name.is_empty()),
                });
                continue;
            }
            let continues = last
                .as_ref()
                .is_some_and(|(p, _, _)| *p == s.paragraph || *p + 1 == s.paragraph);
            let fragment = text
                .get(s.range.start..z.content.start)
                .is_some_and(|pre| pre.chars().any(char::is_alphanumeric));
            if is_title_or_scare(text, &z.content) && (fragment || !continues) {
                continue;
            }
            z.used = true;
            let speaker = if continues {
                last.as_ref().map(|(_, f, _)| f.clone())
            } else {
                None
            };
            if continues && !carried {
                if let Some((_, _, res)) = &last {
                    resolver.repeat(z.content.start, res.clone());
                }
                carried = true;
            }
            out.push(QuoteFinding {
                kind: if fragment {
                    QuoteKind::Partial
                } else {
                    QuoteKind::Direct
                },
                range: z.content.clone(),
                cue: None,
                signal: None,
                speaker,
            });
        }
        if let Some((p, _, _)) = &last {
            // A speaker carries over to the next paragraph only through quotations.
            if *p + 1 < s.paragraph {
                last = None;
            }
        }
    }
    // A quotation running over paragraphs takes its speaker from the part
    // that names one.
    let continued: std::collections::HashSet<(usize, usize)> = zones
        .iter()
        .filter(|z| z.continued)
        .map(|z| (z.content.start, z.content.end))
        .collect();
    for i in (0..out.len()).rev() {
        let needs =
            out[i].speaker.is_none() && continued.contains(&(out[i].range.start, out[i].range.end));
        if needs {
            if let Some(next) = out
                .get(i + 1)
                .filter(|n| n.kind == QuoteKind::Direct)
                .and_then(|n| n.speaker.clone())
            {
                out[i].speaker = Some(next);
            }
        }
    }
    out.sort_by_key(|q| (q.range.start, q.range.end));
    out.dedup_by(|a, b| a.range == b.range);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence<'a>(doc: &'a Analysed<'_>) -> Vec<Word<'a>> {
        words(doc, 0..doc.text.len(), &[])
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
    fn a_capitalised_word_inside_a_sentence_is_a_name_not_a_learned_cue() {
        // Every word a candidate: only the capital tells "post" from "Post".
        let cue_words = |text: &str, headline: bool| -> Vec<String> {
            let doc = Analysed::new(text, None);
            let ws = sentence(&doc);
            sentence_readings(text, &ws, headline, &|_, _| true)
                .iter()
                .filter(|(_, _, rule)| !rule)
                .map(|(r, _, _)| text[r.cue.clone()].to_string())
                .collect()
        };
        let lower = cue_words("Rein wrote in a post that the pier was closed.", false);
        assert!(lower.iter().any(|c| c.starts_with("post")), "{lower:?}");
        let name = cue_words(
            "Rein wrote in The Velm Post that the pier was closed.",
            false,
        );
        assert!(!name.iter().any(|c| c.starts_with("Post")), "{name:?}");
        // In a headline verbs are capitalised too.
        let headline = cue_words("Rein Says Velm Post Misled Readers", true);
        assert!(
            headline.iter().any(|c| c.starts_with("Misled")),
            "{headline:?}"
        );
    }

    #[test]
    fn coordinated_cues_share_the_subject_before_them() {
        let text = "Rein praised the crews and later said the gates, adding nothing, were shut.";
        let doc = Analysed::new(text, None);
        let ws = sentence(&doc);
        let at = |w: &str| ws.iter().position(|x| x.is(w)).unwrap();
        assert!(is_coordinated(&ws, at("said")));
        assert!(is_coordinated(&ws, at("adding")));
        assert!(!is_coordinated(&ws, at("praised")));
    }
}
