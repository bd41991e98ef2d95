//! Who is targeted, what is alleged, and what allegation an answer names:
//! small readings of a statement's words.

use std::ops::Range;

use parallax_entities::EntityFinding;

use crate::lexicon::lexicon;
use crate::words::{is_filler, W};

/// The entity mention that covers bytes `r`, as the entity's name.
pub(crate) fn entity_at(entities: &[EntityFinding], r: &Range<usize>) -> Option<String> {
    entities
        .iter()
        .find(|e| {
            e.mentions
                .iter()
                .any(|m| m.start <= r.start && r.end <= m.end)
        })
        .map(|e| e.name.clone())
}

/// Nouns that name an allegation or a report of one.
fn allegation_noun(folded: &str) -> bool {
    matches!(
        folded,
        "accusation"
            | "accusations"
            | "allegation"
            | "allegations"
            | "claim"
            | "claims"
            | "charge"
            | "charges"
            | "report"
            | "reports"
            | "statement"
            | "statements"
            | "smears"
            | "blame"
    )
}

/// A noun phrase starting at `ws[i]`: words up to a preposition other than
/// "of", a comma, a verb-like word or `max` words. Its token range.
fn noun_phrase(ws: &[W<'_>], i: usize, max: usize) -> Range<usize> {
    let mut end = i;
    while end < ws.len() && end - i < max {
        let w = &ws[end];
        if !(w.is_word() || w.folded == "'s" || w.text == "’s") {
            break;
        }
        // "Trump abused his office": a verb ends the phrase.
        if end > i && w.finite && !w.capitalised() {
            break;
        }
        if end > i
            && matches!(
                w.folded,
                "to" | "for"
                    | "from"
                    | "in"
                    | "on"
                    | "at"
                    | "with"
                    | "by"
                    | "that"
                    | "who"
                    | "which"
                    | "and"
                    | "or"
                    | "as"
                    | "over"
                    | "about"
                    | "after"
                    | "before"
                    | "has"
                    | "have"
                    | "had"
                    | "is"
                    | "are"
                    | "was"
                    | "were"
                    | "will"
                    | "would"
            )
        {
            break;
        }
        end += 1;
    }
    i..end
}

/// The name of the noun phrase at `ws[range]`: the entity one of its words
/// belongs to (the longest), else its words without a leading determiner.
fn phrase_name(ws: &[W<'_>], range: Range<usize>, entities: &[EntityFinding]) -> Option<String> {
    if range.is_empty() || ws[range.start].is("to") {
        return None;
    }
    let last = ws[range.clone()].iter().rev().find(|w| w.is_word())?.r();
    // The entity that heads the phrase: "U.S. Ambassador Thomas Pickering".
    if let Some(n) = entity_at(entities, &last) {
        return Some(as_place(n));
    }
    for k in range.clone() {
        if ws[k].is_word() && ws[k].capitalised() {
            if let Some(n) = entity_at(entities, &ws[k].r()) {
                // "the US security services": a name inside a longer noun
                // phrase modifies its head; the phrase is the party.
                let covers_head = entities.iter().any(|e| {
                    e.name == n
                        && e.mentions
                            .iter()
                            .any(|m| m.start <= ws[k].range.0 && last.start < m.end)
                });
                if covers_head || range.end - k > 5 {
                    return Some(as_place(n));
                }
                break;
            }
        }
    }
    let words: Vec<&str> = ws[range]
        .iter()
        .filter(|w| w.is_word())
        .map(|w| w.text)
        .skip_while(|w| is_filler(&w.to_lowercase()))
        .collect();
    let pronoun = words.len() == 1
        && matches!(
            words[0].to_lowercase().as_str(),
            "them" | "him" | "her" | "it" | "us" | "me" | "you" | "they" | "he" | "she" | "we"
        );
    let name = words.join(" ");
    let name = name
        .strip_suffix("’s")
        .or_else(|| name.strip_suffix("'s"))
        .unwrap_or(&name)
        .to_string();
    (!words.is_empty() && !pronoun).then_some(name)
}

/// A demonym standing as a party names its place: "Russian" → "Russia".
pub(crate) fn as_place(name: String) -> String {
    match parallax_entities::demonym_place(&name) {
        Some(p) => p.to_string(),
        None => name,
    }
}

/// The party an act word names as its agent: a name or a demonym just
/// before it ("Russian airstrikes", "Russia has conducted", "Russian jets
/// had carried out"), or "by X" after it ("shelling … by militants").
pub(crate) fn agent_of(ws: &[W<'_>], k: usize, entities: &[EntityFinding]) -> Option<String> {
    // "by X" within the act's phrase.
    for j in k + 1..ws.len().min(k + 10) {
        let w = &ws[j];
        if w.breaks_clause() || w.ends_sentence() {
            break;
        }
        if w.is("by") {
            let np = noun_phrase(ws, j + 1, 6);
            if let Some(n) = phrase_name(ws, np, entities) {
                return Some(as_place(n));
            }
        }
    }
    // A subject or modifier before it, within four words, no clause break
    // but a short aside ("the Russians did, in fact, meddle").
    let from = k.saturating_sub(8);
    let mut j = k;
    while j > from {
        j -= 1;
        let w = &ws[j];
        if w.text == "," {
            let aside = (j.saturating_sub(4)..j).rev().find(|&m| ws[m].text == ",");
            match aside {
                Some(m) if ws[m + 1..j].iter().all(|x| x.is_word() && !x.capitalised()) => {
                    j = m;
                    continue;
                }
                _ => break,
            }
        }
        if w.breaks_clause() || w.ends_sentence() {
            break;
        }
        if !w.is_word() || !w.capitalised() {
            continue;
        }
        let bare = crate::words::without_possessive(w.folded);
        if let Some(place) = parallax_entities::demonym_place(bare) {
            // "Russian and Syrian government warplanes": the first demonym.
            let mut first = place.to_string();
            let mut m = j;
            while m >= 2 && ws[m - 1].is("and") {
                match parallax_entities::demonym_place(ws[m - 2].folded) {
                    Some(p) => {
                        first = p.to_string();
                        m -= 2;
                    }
                    None => break,
                }
            }
            return Some(first);
        }
        if let Some(n) = entity_at(entities, &w.r()) {
            return Some(as_place(n));
        }
    }
    // A plain subject only for a verb ("two men attacked her"), not for a
    // noun ("the first of nine strikes").
    let f = ws[k].folded;
    let verb =
        f.ends_with("ed") || matches!(f, "hit" | "struck" | "shot" | "stole" | "lied" | "killed");
    if verb {
        subject_words(ws, k)
    } else {
        None
    }
}

/// Pronouns that stand as a subject.
pub(crate) fn is_pronoun(s: &str) -> bool {
    matches!(
        s.to_lowercase().as_str(),
        "he" | "she" | "they" | "it" | "we" | "i" | "you" | "him" | "her" | "them" | "us"
    )
}

/// The plain subject before a verb at `k`, when no name is there: "two
/// white men … attacked her", "the men knocked her", "he lied". Its words,
/// auxiliaries and adverbs left out.
fn subject_words(ws: &[W<'_>], k: usize) -> Option<String> {
    let mut start = k;
    while start > 0 {
        let p = &ws[start - 1];
        if p.breaks_clause()
            || p.ends_sentence()
            || p.kind == parallax_text::TokenKind::Quote
            || matches!(
                p.folded,
                "that" | "which" | "who" | "and" | "but" | "when" | "if" | "because"
            )
        {
            break;
        }
        start -= 1;
    }
    let words: Vec<&W<'_>> = ws[start..k]
        .iter()
        .filter(|w| w.is_word())
        .filter(|w| {
            !matches!(
                w.folded,
                "had"
                    | "has"
                    | "have"
                    | "was"
                    | "were"
                    | "is"
                    | "are"
                    | "will"
                    | "would"
                    | "did"
                    | "does"
                    | "do"
                    | "been"
                    | "be"
                    | "could"
                    | "may"
                    | "might"
                    | "also"
                    | "then"
            ) && !w.folded.ends_with("ly")
        })
        .collect();
    let n = words.len();
    // A noun phrase of a few words, or a pronoun; a long stretch is no
    // subject but a clause ("In the past 24 hours …").
    let plain = (1..=5).contains(&n)
        && !PREPOSITIONS.contains(&words[0].folded)
        && words[0].kind != parallax_text::TokenKind::Number
        && !matches!(words[0].folded, "first" | "i" | "least" | "more" | "most");
    plain
        .then(|| {
            let text: Vec<&str> = words
                .iter()
                .map(|w| w.text)
                .skip_while(|t| is_filler(&t.to_lowercase()))
                .collect();
            text.join(" ")
        })
        .filter(|t| !t.is_empty())
}

const PREPOSITIONS: &[&str] = &[
    "in", "on", "at", "for", "from", "with", "by", "to", "of", "over", "after", "before", "during",
    "since", "as",
];

/// The party after a charging or demanding verb: "accused Russia of …",
/// "called on foreign military officials to …", "urged Congress to …",
/// "invited military attaches from …".
pub(crate) fn object_after(ws: &[W<'_>], i: usize, entities: &[EntityFinding]) -> Option<String> {
    let mut j = i;
    while ws.get(j).is_some_and(|w| matches!(w.folded, "on" | "upon")) {
        j += 1;
    }
    let mut np = noun_phrase(ws, j, 6);
    // "accused Russia of making …": the object ends before "of".
    if let Some(of) = (np.start + 1..np.end).find(|&k| ws[k].is("of")) {
        np.end = of;
    }
    phrase_name(ws, np, entities)
}

/// The allegation an answer names: "the Turkish Foreign Ministry's
/// accusation", "Western media's outrageous accusations", "that
/// allegation", "a recent allegation by a shadowy monitoring group". Its
/// token range and the party it names as the accuser.
pub(crate) fn reported_allegation(
    ws: &[W<'_>],
    entities: &[EntityFinding],
) -> Option<(Range<usize>, Option<String>)> {
    let k = ws
        .iter()
        .position(|w| w.is_word() && allegation_noun(w.folded))?;
    // Back to the phrase's start: determiners, adjectives, a possessor.
    let mut start = k;
    while start > 0 {
        let p = &ws[start - 1];
        // Quote marks around the noun ("Western media's “outrageous
        // accusations”") are passed over.
        if p.kind == parallax_text::TokenKind::Quote {
            start -= 1;
            continue;
        }
        if !p.is_word() || start + 5 <= k {
            break;
        }
        let verbish = parallax_analysis::lexicon::lexicon()
            .verb(p.folded)
            .is_some()
            || matches!(
                p.folded,
                "is" | "are"
                    | "was"
                    | "were"
                    | "has"
                    | "have"
                    | "had"
                    | "upon"
                    | "on"
                    | "of"
                    | "in"
                    | "at"
                    | "to"
                    | "for"
                    | "with"
                    | "about"
                    | "by"
                    | "from"
                    | "that"
                    | "concerns"
                    | "touches"
            );
        if verbish {
            break;
        }
        start -= 1;
    }
    let mut end = k + 1;
    let mut accuser = None;
    // "accusations against Russia’s Aerospace Forces": the accused, not
    // the accuser; the caller reads it with [`accused_in`].
    // "… by a shadowy monitoring group", "… of Western media".
    if ws.get(end).is_some_and(|w| w.is("by")) {
        let np = noun_phrase(ws, end + 1, 5);
        accuser = phrase_name(ws, np.clone(), entities);
        end = np.end;
    }
    if accuser.is_none() {
        for j in start..k {
            let w = &ws[j];
            if w.folded.ends_with("'s")
                || ws
                    .get(j + 1)
                    .is_some_and(|n| n.text == "’s" || n.folded == "'s")
            {
                accuser = phrase_name(ws, start..j + 1, entities);
                break;
            }
        }
    }
    Some((start..end, accuser))
}

/// The party an answer says is accused: "accusations against Russia’s
/// Aerospace Forces".
pub(crate) fn accused_in(ws: &[W<'_>], entities: &[EntityFinding]) -> Option<String> {
    let k = ws
        .iter()
        .position(|w| w.is_word() && allegation_noun(w.folded))?;
    let j = (k + 1..ws.len().min(k + 3)).find(|&j| ws[j].is("against"))?;
    let np = noun_phrase(ws, j + 1, 6);
    phrase_name(ws, np, entities)
}

/// The normalised act: from the first act word at or after `from` to the
/// clause's end, at most twelve words, without determiners, dates and
/// "the Syrian city of"; its token range and text.
pub(crate) fn act_text(
    ws: &[W<'_>],
    from: usize,
    dates: &[Range<usize>],
) -> Option<(Range<usize>, String)> {
    let lex = lexicon();
    let k = (from..ws.len()).find(|&k| ws[k].is_word() && lex.is_harm(ws[k].folded))?;
    // "carried out strikes", "conducted air raids": a support verb takes
    // the noun after it.
    let mut end = k;
    let mut n = 0;
    while end < ws.len() && n < 14 {
        let w = &ws[end];
        // A comma inside a list ("mosques, hospitals, schools and …") goes
        // on; one before a clause or a speaker ends the act.
        let list_comma = w.text == ","
            && ws.get(end + 1).is_some_and(|n| {
                n.is_word()
                    && parallax_analysis::lexicon::lexicon()
                        .verb(n.folded)
                        .is_none()
                    && !matches!(
                        n.folded,
                        "which"
                            | "who"
                            | "he"
                            | "she"
                            | "it"
                            | "they"
                            | "we"
                            | "i"
                            | "but"
                            | "and"
                            | "according"
                            | "while"
                            | "although"
                            | "as"
                    )
            });
        if (w.breaks_clause() && !list_comma)
            || w.ends_sentence()
            || w.kind == parallax_text::TokenKind::Quote && end > k + 1
        {
            break;
        }
        let stop_word = matches!(
            w.folded,
            "which" | "who" | "that" | "because" | "since" | "while" | "but" | "following"
        );
        let and_clause = w.is("and") && next_is_verbish(ws, end);
        if end > k && (stop_word || and_clause) {
            break;
        }
        n += usize::from(w.is_word());
        end += 1;
    }
    let words: Vec<&str> = normalised(&ws[k..end], dates);
    (!words.is_empty()).then(|| (k..end, words.join(" ")))
}

fn next_is_verbish(ws: &[W<'_>], i: usize) -> bool {
    ws.get(i + 1).is_some_and(|n| {
        matches!(
            n.folded,
            "is" | "are" | "was" | "were" | "has" | "have" | "had" | "will" | "would"
        ) || parallax_analysis::lexicon::lexicon()
            .verb(n.folded)
            .is_some()
    })
}

/// Words of an act, normalised: no determiners, no dates (`dates`, the
/// dates annotator's byte ranges: "on June 8 and 9", with the preposition
/// before them), no "the Syrian city of".
fn normalised<'w>(ws: &[W<'w>], dates: &[Range<usize>]) -> Vec<&'w str> {
    let in_date = |w: &W<'_>| {
        dates
            .iter()
            .any(|d| d.start <= w.range.0 && w.range.1 <= d.end)
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let w = &ws[i];
        if in_date(w) {
            i += 1;
            continue;
        }
        // "on June 8 and 9", "on Tuesday".
        if matches!(w.folded, "on" | "in") && ws.get(i + 1).is_some_and(in_date) {
            i += 1;
            continue;
        }
        // "the Syrian city of Aleppo" → "Aleppo".
        if matches!(
            w.folded,
            "city" | "town" | "province" | "region" | "village"
        ) && ws.get(i + 1).is_some_and(|n| n.is("of"))
        {
            while out.last().is_some_and(|l: &&str| {
                let f = l.to_lowercase();
                is_filler(&f) || parallax_entities::demonym_place(&f).is_some()
            }) {
                out.pop();
            }
            i += 2;
            continue;
        }
        if w.is_word() && !is_filler(w.folded) {
            out.push(w.text);
        }
        i += 1;
    }
    out
}
