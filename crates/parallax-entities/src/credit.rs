//! Picture credits inside a line: "Photo: Jane Doe/Reuters", "(AP
//! Photo/John Smith)", "Eric Thayer/Reuters" after a caption, "Getty
//! Images" at the end of a line. A credit says who took or sold a picture,
//! not whom the story is about, so the scanner reads no name and no
//! description in it.
//!
//! Cleaning removes the credits that stand as lines of their own; these
//! rules find the ones left inside kept lines, as in the captions of plain
//! text and JSON Lines bodies. They read shapes only: the names that sign
//! credits come from `data/gazetteer_outlets.tsv` and
//! `data/credit_names.txt`, the credit words from `data/entity_cues.tsv`.

use std::ops::Range;

use parallax_text::TokenKind;

use super::lexicon::{cue, Lexicon, Signer};
use super::scan::{base, Tok};

/// Where the sentences of a paragraph start: token ranges of the whole
/// document, and the index of the paragraph's first token.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Starts<'s> {
    pub sentences: &'s [Range<usize>],
    pub from: usize,
}

impl Starts<'_> {
    /// Whether token `k` of the paragraph opens a sentence.
    fn at(&self, k: usize) -> bool {
        self.sentences
            .binary_search_by_key(&(k + self.from), |r| r.start)
            .is_ok()
    }

    /// The start of the paragraph's last sentence.
    fn last(&self) -> Option<usize> {
        self.sentences
            .last()
            .map(|r| r.start.saturating_sub(self.from))
    }

    /// The start of the `n`th sentence, counted in the paragraph.
    fn nth(&self, n: usize) -> Option<usize> {
        self.sentences
            .get(n)
            .map(|r| r.start.saturating_sub(self.from))
    }
}

/// Token ranges of the credits among one paragraph's tokens, in order and
/// not overlapping. A credit held in brackets includes them, one after a
/// dash that opens a sentence includes the dash.
/// `hint` says whether any token might belong to a credit (a slash, a bar,
/// a dash, a capitalised word that may be a credit word).
pub(crate) fn credits(
    toks: &[Tok<'_>],
    starts: Starts<'_>,
    hint: bool,
    lex: &Lexicon,
) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    if !worth_reading(toks, starts, hint, lex) {
        return out;
    }
    let mut next_start = 0;
    let mut i = 0;
    while i < toks.len() {
        while starts.nth(next_start).is_some_and(|s| s < i) {
            next_start += 1;
        }
        let opens_sentence = starts.nth(next_start) == Some(i);
        let from = if opens_sentence {
            // "– Reuters": dashes before a credit that ends a line.
            Some(i + toks.iter().skip(i).take_while(|t| is_dash(t)).count())
        } else if may_start(toks, i, lex) {
            Some(i)
        } else {
            None
        };
        if let Some(mut r) = from.and_then(|p| credit_at(toks, p, starts, lex)) {
            if opens_sentence {
                r.start = r.start.min(i);
            }
            i = r.end.max(i + 1);
            out.push(r);
            continue;
        }
        i += 1;
    }
    if out.last().is_none_or(|r| r.end < toks.len()) {
        if let Some(r) = tail_credit(toks, starts, lex) {
            if out.last().is_none_or(|l| l.end <= r.start) {
                out.push(r);
            }
        }
    }
    out
}

/// A credit that ends a line with no stop before it: "… in Des Moines,
/// Iowa Jane Doe—The Daily Ledger/Redux". It starts two words before its
/// first separator (three with an initial: "Larry W. Smith/AP").
fn tail_credit(toks: &[Tok<'_>], starts: Starts<'_>, lex: &Lexicon) -> Option<Range<usize>> {
    let mut end = toks.len();
    if toks.last().is_some_and(|t| t.s == ".") {
        end -= 1;
    }
    let mut k = end;
    while k > 0 && fits(toks, k - 1, lex) {
        k -= 1;
    }
    let j = (k..end).find(|&x| toks.get(x).is_some_and(separator))?;
    let initial = |x: usize| {
        toks.get(x)
            .is_some_and(|t| t.s.len() == 2 && t.s.ends_with('.') && cap(t))
    };
    let start = if j >= 3 && initial(j - 2) {
        j - 3
    } else {
        j.checked_sub(2)?
    };
    // Not the end of a signer's name ("The New York Times/CBS News").
    let signs = (k..start).any(|x| signer_at(toks, x, j, lex).is_some_and(|(_, e, _)| e == j));
    let named = person_shaped(toks, start..j)
        || signer_at(toks, start, j, lex).is_some_and(|(_, e, _)| e == j);
    if start < k || signs || !named {
        return None;
    }
    let r = credit_at(toks, start, starts, lex).filter(|r| r.end >= end)?;
    let agency = parts(toks, start, r.end.min(end), lex)
        .iter()
        .any(|p| matches!(p.signer, Some((Signer::Agency, _))));
    agency.then_some(r)
}

/// Whether a paragraph may hold a credit at all, judged cheaply: a slash
/// or a bar, a credit word ("Photo"), or a short last sentence or a dash
/// near its end ("… in Aleppo. Getty Images", "… Jane Doe—AFP"). Most
/// paragraphs hold none of these.
fn worth_reading(toks: &[Tok<'_>], starts: Starts<'_>, hint: bool, lex: &Lexicon) -> bool {
    let n = toks.len();
    let last = starts.last().unwrap_or(0);
    if n.saturating_sub(last) <= 6 {
        let first = toks.iter().skip(last).find(|t| !is_dash(t));
        if first.is_some_and(|t| cap(t) && has(t, lex, cue::SIGNER)) {
            return true;
        }
    }
    hint && toks.iter().enumerate().any(|(k, t)| match t.kind {
        TokenKind::Word => {
            t.s.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
                && lex.may_be_credit_word(t.s)
                && has(t, lex, cue::CREDIT)
        }
        TokenKind::Punct | TokenKind::Symbol => {
            matches!(t.s, "/" | "\\" | "|") || (is_dash(t) && k + 6 >= n)
        }
        _ => false,
    })
}

/// Whether a credit may start at token `i` inside a sentence: after a
/// bracket or a bar, after a full stop the segmenter did not take as a
/// sentence end ("in Nashua, N.H. Jane Doe/AP", "… will.” Jane Doe/AP"),
/// or at a credit word before a colon ("Robert Mueller Photographer: …").
fn may_start(toks: &[Tok<'_>], i: usize, lex: &Lexicon) -> bool {
    let (Some(prev), Some(t)) = (i.checked_sub(1).and_then(|p| toks.get(p)), toks.get(i)) else {
        return false;
    };
    // Most tokens follow a word that ends in a letter: a byte tells.
    let after_mark = prev.kind != TokenKind::Word || prev.s.ends_with('.');
    let before_colon = toks.get(i + 1).is_some_and(|n| n.s == ":");
    if !(after_mark || before_colon) || !cap(t) {
        return false;
    }
    let stop = |t: &Tok<'_>| matches!(t.s, "." | "!" | "?" | "\u{2026}" | "...");
    matches!(prev.s, "(" | "[" | "|")
        || stop(prev)
        || (prev.kind == TokenKind::Word && prev.s.ends_with('.') && prev.s.chars().count() > 2)
        || (prev.kind == TokenKind::Quote
            && i.checked_sub(2).and_then(|p| toks.get(p)).is_some_and(stop))
        || (toks.get(i + 1).is_some_and(|n| n.s == ":") && has(t, lex, cue::CREDIT))
}

fn is_dash(t: &Tok<'_>) -> bool {
    t.kind == TokenKind::Punct && matches!(t.s, "-" | "\u{2013}" | "\u{2014}" | "\u{2015}")
}

/// The cue flags of a word, through the token's cache.
fn cues(t: &Tok<'_>, lex: &Lexicon) -> u32 {
    let c = t.cues.get();
    if c != u32::MAX {
        return c;
    }
    let c = lex.cues(base(t.s));
    t.cues.set(c);
    c
}

fn has(t: &Tok<'_>, lex: &Lexicon, flags: u32) -> bool {
    t.kind == TokenKind::Word && cues(t, lex) & flags != 0
}

fn cap(t: &Tok<'_>) -> bool {
    t.kind == TokenKind::Word && t.s.chars().next().is_some_and(char::is_uppercase)
}

/// What stands between the parts of a credit: a slash or a backslash ("Jane
/// Doe/AFP/Getty Images"), a dash ("Jane Doe—AFP", "Jane Doe - Pool"), or
/// "via" ("AFP via Getty Images").
fn separator(t: &Tok<'_>) -> bool {
    matches!(t.s, "/" | "\\") || is_dash(t) || t.s.eq_ignore_ascii_case("via")
}

/// A word that asks for a picture: "Photo" after "AP", "Images" after
/// "AP".
fn picture_word(t: &Tok<'_>, lex: &Lexicon) -> bool {
    t.kind == TokenKind::Word && {
        let singular = t.s.strip_suffix(['s', 'S']).unwrap_or(t.s);
        lex.has(singular, cue::CREDIT) && !lex.has(singular, cue::CREDIT_PART)
    }
}

/// How a credit opens at `p`: "Photo:", "Photo by", "Image copyright",
/// "Courtesy of", "File photo:" (`Lead::Marked`), or a credit word alone
/// before the name ("Credit Jane Doe", `Lead::Bare`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lead {
    Marked(usize),
    Bare(usize),
}

impl Lead {
    fn end(self) -> usize {
        match self {
            Lead::Marked(e) | Lead::Bare(e) => e,
        }
    }
}

fn lead_in(toks: &[Tok<'_>], p: usize, lex: &Lexicon) -> Option<Lead> {
    let first = toks.get(p).filter(|t| cap(t))?;
    if !has(first, lex, cue::CREDIT) {
        return None;
    }
    let mut q = p + 1;
    while toks
        .get(q)
        .is_some_and(|t| has(t, lex, cue::CREDIT | cue::CREDIT_PART) && !separator(t))
    {
        q += 1;
    }
    if toks.get(q).is_some_and(|t| t.s == ":") {
        return Some(Lead::Marked(q + 1));
    }
    if q > p + 1
        && toks
            .get(q - 1)
            .is_some_and(|t| has(t, lex, cue::CREDIT_PART))
    {
        return Some(Lead::Marked(q));
    }
    (q == p + 1).then_some(Lead::Bare(q))
}

/// The end of the words a credit may hold, from `b`: capitalised words,
/// lower-case name particles and credit words, separators and commas.
fn run_end(toks: &[Tok<'_>], b: usize, lex: &Lexicon) -> usize {
    let mut k = b;
    while let Some(t) = toks.get(k) {
        // "picture alliance": a signer's name in lower case.
        if t.kind == TokenKind::Word && !cap(t) && has(t, lex, cue::SIGNER) {
            if let Some((_, e, _)) = signer_at(toks, k, toks.len(), lex) {
                k = e;
                continue;
            }
        }
        if !fits(toks, k, lex) {
            break;
        }
        k += 1;
    }
    // A credit ends on a word, not on a comma or a slash.
    while k > b && toks.get(k - 1).is_some_and(|t| t.kind != TokenKind::Word) {
        k -= 1;
    }
    k
}

/// Whether a separator follows within the words from `b` that look like a
/// name, judged by their letters alone (no word list): capitalised words
/// and short or hyphenated lower-case ones ("de", "via", "al-Rubaye").
fn separator_ahead(toks: &[Tok<'_>], b: usize) -> bool {
    for t in toks.iter().skip(b).take(24) {
        if separator(t) {
            return true;
        }
        let namelike = match t.kind {
            TokenKind::Word => cap(t) || t.s.len() <= 4 || t.s.contains('-'),
            TokenKind::Punct => matches!(t.s, "," | "."),
            TokenKind::Symbol => t.s == "&",
            _ => false,
        };
        if !namelike {
            return false;
        }
    }
    false
}

/// Whether token `k` may stand inside a credit.
fn fits(toks: &[Tok<'_>], k: usize, lex: &Lexicon) -> bool {
    let Some(t) = toks.get(k) else {
        return false;
    };
    match t.kind {
        TokenKind::Word => cap(t) || has(t, lex, cue::CREDIT_PART | cue::PARTICLE),
        TokenKind::Punct => matches!(t.s, "/" | "\\" | ",") || is_dash(t) || initial_stop(toks, k),
        TokenKind::Symbol => t.s == "&",
        _ => false,
    }
}

/// The full stop of an initial the segmenter took as a sentence end
/// ("J." in "AP Photo/J. Scott Applewhite").
fn initial_stop(toks: &[Tok<'_>], k: usize) -> bool {
    let (Some(prev), Some(t), Some(next)) = (
        k.checked_sub(1).and_then(|p| toks.get(p)),
        toks.get(k),
        toks.get(k + 1),
    ) else {
        return false;
    };
    t.s == "." && prev.r.end == t.r.start && cap(prev) && prev.s.chars().count() == 1 && cap(next)
}

/// The longest signer's name at `k` ("Getty Images", "The Christian
/// Science Monitor", "AP Photo") within `..end`: what signs, where the
/// name ends, and whether a picture word follows it.
fn signer_at(
    toks: &[Tok<'_>],
    k: usize,
    end: usize,
    lex: &Lexicon,
) -> Option<(Signer, usize, bool)> {
    let most = lex.signer_words(toks.get(k)?.s);
    let mut found = None;
    let mut words = String::new();
    for (n, t) in toks.iter().enumerate().take(end.min(k + most)).skip(k) {
        if n > k {
            words.push(' ');
        }
        words.push_str(&t.s.to_lowercase());
        if let Some(s) = lex.signer(&words) {
            found = Some((s, n + 1));
        }
    }
    let (signer, e) = found?;
    let picture = e < end && toks.get(e).is_some_and(|t| picture_word(t, lex));
    Some((signer, e + usize::from(picture), picture))
}

/// "Jane Doe", "Larry W. Smith", "M.Scott Mahaskey": two to four
/// capitalised words and no acronym.
fn person_shaped(toks: &[Tok<'_>], part: Range<usize>) -> bool {
    let n = part.len();
    (2..=4).contains(&n)
        && toks.get(part).is_some_and(|ts| {
            ts.iter().all(|t| {
                cap(t)
                    && (t.s.contains('.') || t.s.chars().skip(1).any(char::is_lowercase))
                    && !t.s.eq_ignore_ascii_case("via")
            })
        })
}

/// What one part of a credit between separators holds.
#[derive(Debug, Default, Clone, Copy)]
struct Part {
    /// A signer's name opens it, and where that name (and a picture word
    /// after it) ends.
    signer: Option<(Signer, usize)>,
    /// The signer's name is followed by a picture word ("AP Photo").
    picture: bool,
    person: bool,
    /// A word of a news organisation's name ("The Galveston Daily News").
    press: bool,
}

/// The parts of the run `b..run`, split at separators.
fn parts(toks: &[Tok<'_>], b: usize, run: usize, lex: &Lexicon) -> Vec<Part> {
    let mut out = Vec::new();
    let mut start = b;
    for k in b..=run {
        if k < run && !toks.get(k).is_some_and(separator) {
            continue;
        }
        let found = signer_at(toks, start, k, lex);
        let signer = found.map(|(s, e, _)| (s, e));
        let press = toks
            .get(start..k)
            .unwrap_or(&[])
            .iter()
            .any(|t| cap(t) && has(t, lex, cue::OUTLET));
        out.push(Part {
            signer,
            picture: found.is_some_and(|(_, _, p)| p),
            person: signer.is_none() && person_shaped(toks, start..k),
            press,
        });
        start = k + 1;
    }
    out
}

/// The credit that starts at token `p`, if one does.
fn credit_at(
    toks: &[Tok<'_>],
    p: usize,
    starts: Starts<'_>,
    lex: &Lexicon,
) -> Option<Range<usize>> {
    if !toks.get(p).is_some_and(cap) {
        return None;
    }
    let opened = p
        .checked_sub(1)
        .and_then(|o| toks.get(o))
        .and_then(|t| match t.s {
            "(" => Some(")"),
            "[" => Some("]"),
            _ => None,
        });
    let lead = lead_in(toks, p, lex);
    let b = lead.map_or(p, Lead::end);
    // Most runs are the opening words of a sentence: with no credit word,
    // no separator and no signer they are no credit.
    if lead.is_none()
        && !separator_ahead(toks, b)
        && !toks
            .get(b)
            .is_some_and(|t| t.s == "The" || has(t, lex, cue::SIGNER))
    {
        return None;
    }
    let run = run_end(toks, b, lex);
    if run <= b {
        return None;
    }
    if lead.is_none()
        && toks
            .get(b)
            .is_some_and(|t| t.s != "The" && !has(t, lex, cue::SIGNER))
        && !toks.get(b..run).unwrap_or(&[]).iter().any(separator)
    {
        return None;
    }
    let parts = parts(toks, b, run, lex);
    let first = parts.first().copied().unwrap_or_default();
    let last = parts.last().copied().unwrap_or_default();
    let closes = opened.is_some_and(|c| toks.get(run).is_some_and(|t| t.s == c));
    // The run reaches the end of its sentence (a full stop may end it).
    let sentence_at = |k: usize| k >= toks.len() || starts.at(k);
    let reaches = sentence_at(run)
        || (toks
            .get(run)
            .is_some_and(|t| matches!(t.s, "." | "!" | "?"))
            && sentence_at(run + 1));
    let agency = |p: &Part| matches!(p.signer, Some((Signer::Agency, _)));
    let person = parts.iter().any(|p| p.person);
    let picture = parts.iter().any(|p| p.picture);
    let whole = |e: usize| {
        if closes {
            p - 1..e + 1
        } else {
            p..e
        }
    };
    match lead {
        Some(Lead::Marked(_)) => {
            if closes || reaches {
                return Some(whole(run));
            }
            // "Photo: Jane Doe/picture …": the name before a part that no
            // longer fits.
            if toks.get(run).is_some_and(separator) {
                return Some(p..run);
            }
            return last.signer.map(|(_, e)| p..e);
        }
        Some(Lead::Bare(_)) => {
            // "Credit Jane Doe/Reuters" ending a line; not "Credit Suisse".
            let named = person || parts.iter().any(|p| p.signer.is_some());
            return ((closes || reaches) && named).then(|| whole(run));
        }
        None => {}
    }
    let kind_ok = if parts.len() >= 2 {
        // "Jane Doe/Reuters", "REUTERS/Jane Doe", "AP Photo/Jane Doe",
        // "Jane Doe/The Daily Ledger"; not "NBC/WSJ" or "Reuters/Ipsos".
        agency(&last)
            || picture
            || (parts.iter().any(agency) && person)
            || ((last.signer.is_some() || last.press && (closes || reaches)) && person)
    } else {
        // "Getty Images" ending a line, "AP Photo" anywhere after a start.
        agency(&first) && (picture || opened.is_none())
    };
    if !kind_ok {
        return None;
    }
    if closes || reaches {
        // A lone signer must fill the stretch (", FILE" may follow), or
        // ask for a picture.
        if parts.len() == 1 {
            let (_, e) = first.signer?;
            let tail_ok = toks
                .get(e..run)
                .unwrap_or(&[])
                .iter()
                .all(|t| t.s == "," || t.s.eq_ignore_ascii_case("file"));
            if !(tail_ok || first.picture) {
                return None;
            }
        }
        return Some(whole(run));
    }
    // The credit stops where its last signer's name does, and the caption
    // or headline runs on: "Jane Doe/Staff Supporters of …", "AP Photo Jeb
    // Bush invokes …".
    let (_, e) = last.signer?;
    if parts.len() == 1 && !first.picture {
        return None;
    }
    Some(p..e)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::lexicon;
    use std::cell::Cell;

    /// The credits of `text`, read as one paragraph.
    fn found(text: &str) -> Vec<&str> {
        let seg = parallax_text::segment(text);
        let toks: Vec<Tok<'_>> = seg
            .tokens
            .iter()
            .filter_map(|t| {
                Some(Tok {
                    s: text.get(t.range.clone())?,
                    r: t.range.clone(),
                    kind: t.kind,
                    initial: false,
                    cues: Cell::new(u32::MAX),
                })
            })
            .collect();
        let sentences: Vec<Range<usize>> = seg
            .sentences
            .iter()
            .map(|s| {
                let a = toks.partition_point(|t| t.r.start < s.range.start);
                a..toks.partition_point(|t| t.r.end <= s.range.end)
            })
            .collect();
        let starts = Starts {
            sentences: &sentences,
            from: 0,
        };
        credits(&toks, starts, true, lexicon())
            .into_iter()
            .filter_map(|r| {
                let a = toks.get(r.start)?.r.start;
                let b = toks.get(r.end - 1)?.r.end;
                text.get(a..b)
            })
            .collect()
    }

    #[test]
    fn slashed_credits_after_a_caption_or_in_brackets() {
        assert_eq!(found("Eric Thayer/Reuters"), ["Eric Thayer/Reuters"]);
        assert_eq!(found("REUTERS/Larry Downing"), ["REUTERS/Larry Downing"]);
        assert_eq!(
            found("Saul Loeb/AFP/Getty Images, FILE"),
            ["Saul Loeb/AFP/Getty Images, FILE"]
        );
        assert_eq!(
            found("The mayor waves in Ostrena (AP Photo/Hana Brell) on Monday."),
            ["(AP Photo/Hana Brell)"]
        );
        assert_eq!(
            found("Fog over the harbour [Ada Quill/Reuters]"),
            ["[Ada Quill/Reuters]"]
        );
        assert_eq!(
            found("Ada Quill/The Boston Globe"),
            ["Ada Quill/The Boston Globe"]
        );
        assert_eq!(
            found("Ada Quill/The Velmar Daily Ledger"),
            ["Ada Quill/The Velmar Daily Ledger"]
        );
    }

    #[test]
    fn credits_that_open_with_a_credit_word() {
        assert_eq!(
            found("Photo: Ada Quill/AFP via Getty Images"),
            ["Photo: Ada Quill/AFP via Getty Images"]
        );
        assert_eq!(found("Photograph: Ada Quill"), ["Photograph: Ada Quill"]);
        assert_eq!(
            found("Courtesy of the Ostrena Harbour Museum"),
            ["Courtesy of the Ostrena Harbour Museum"]
        );
        assert_eq!(
            found("Image copyright Reuters Image caption The mayor at the pier"),
            ["Image copyright Reuters Image"]
        );
        // A caption is no credit.
        assert!(found("Photo: A ferry leaves the harbour at dawn").is_empty());
    }

    #[test]
    fn a_signer_alone_ends_a_line_or_asks_for_a_picture() {
        assert_eq!(found("Getty Images"), ["Getty Images"]);
        assert_eq!(found("– Reuters"), ["– Reuters"]);
        assert_eq!(found("| AP Photo Ferry strike ends"), ["AP Photo"]);
        assert_eq!(
            found("Ada Quill/Staff Supporters of the mayor gather."),
            ["Ada Quill/Staff"]
        );
        assert_eq!(
            found("Credit Ada Quill/Reuters"),
            ["Credit Ada Quill/Reuters"]
        );
    }

    #[test]
    fn credits_after_a_stop_the_segmenter_kept() {
        // "N.H." and initials do not end sentences; the credit still starts.
        assert_eq!(
            found("The mayor speaks in Nashua, N.H. Ada Quill/AP"),
            ["Ada Quill/AP"]
        );
        assert_eq!(
            found("The ferry sails in 2030. (AP Photo/J. Ada Quill)"),
            ["(AP Photo/J. Ada Quill)"]
        );
        assert_eq!(
            found("“We will sail,” she said.” Ada Quill/Getty Images The harbour at dawn"),
            ["Ada Quill/Getty Images"]
        );
        assert_eq!(
            found("Tomas Brell Photographer: Ada Quill/Bloomberg"),
            ["Photographer: Ada Quill/Bloomberg"]
        );
        assert_eq!(
            found("Ada Quill—AFP/Getty Images"),
            ["Ada Quill—AFP/Getty Images"]
        );
        assert_eq!(
            found("Photo: Ada Quill/picture alliance via Getty Images"),
            ["Photo: Ada Quill/picture alliance via Getty Images"]
        );
        assert_eq!(
            found("The mayor in Des Moines, Iowa Ada Quill—The New York Times/Redux"),
            ["Ada Quill—The New York Times/Redux"]
        );
        assert_eq!(
            found("Fans sing before the match Action Images via Reuters/Ada Quill"),
            ["Action Images via Reuters/Ada Quill"]
        );
    }

    #[test]
    fn names_in_running_text_are_no_credits() {
        for text in [
            "Reuters reported the strike on Monday.",
            "The mayor told Reuters (AP) that talks would resume.",
            "A Reuters/Ipsos poll found support had fallen.",
            "The NBC/WSJ poll was taken in June (NBC/WSJ).",
            "The Gazette/Velmar University survey was published.",
            "Trump/Russia claims spread.",
            "Noah Brell, Bloomberg",
            "Getty Images said it would appeal.",
            "The bank hired Credit Suisse.",
            "Photos: The mayor visits the harbour",
            "Sen. Ada Quill (D-Velm) spoke.",
            "Polls by The New York Times/CBS News",
            "He spoke to Thomson/Reuters",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }
}
