//! Echoes: the same statement reported by several documents of a story,
//! also when translated or paraphrased differently ("Today we invited
//! military attaches from the US, Great Britain …" against "Today we
//! invited the U.S., British … military attaches …").
//!
//! Two quotations of different documents echo each other when their
//! speakers are the same person (the same name, or the same last word of
//! it) and their content words largely coincide: at least
//! [`MIN_SHARED`] shared, and at least [`MIN_SHARE`] of the shorter one's.
//! Content words are compared light-stemmed, as their first five letters
//! ("alleged", "allegedly"), with a demonym read as its place ("French" as
//! France) and "US"/"U.S." as one. Echoes are the connected groups of such
//! pairs.

use crate::root;
use std::collections::{BTreeMap, BTreeSet};

use parallax_model::{Document, Echo, EchoQuote, Mode, Story};

/// Least content words two reports share.
pub const MIN_SHARED: usize = 4;
/// Least share of the shorter report's content words the other holds.
pub const MIN_SHARE: f32 = 0.5;

/// The words of a text with their character offsets: runs of letters and
/// digits, with inner dots and apostrophes kept ("U.S.", "Ostrenia's").
pub(crate) fn words(text: &str) -> Vec<(usize, usize, &str)> {
    let keep = |c: char| c.is_alphanumeric() || c == '.' || c == '\'' || c == '’';
    let mut out = Vec::new();
    let mut start: Option<(usize, usize)> = None; // (byte, char)
    for (chars, (b, c)) in text.char_indices().enumerate() {
        match (keep(c), start) {
            (true, None) => start = Some((b, chars)),
            (false, Some((sb, sc))) => {
                push_word(&mut out, text, sb, b, sc);
                start = None;
            }
            _ => {}
        }
    }
    if let Some((sb, sc)) = start {
        push_word(&mut out, text, sb, text.len(), sc);
    }
    out
}

/// Adds `text[from..to]` without its outer dots and apostrophes.
fn push_word<'t>(
    out: &mut Vec<(usize, usize, &'t str)>,
    text: &'t str,
    from: usize,
    to: usize,
    char_start: usize,
) {
    let raw = &text[from..to];
    let trim = |c: char| c == '.' || c == '\'' || c == '’';
    let w = raw.trim_start_matches(trim);
    let lead = raw[..raw.len() - w.len()].chars().count();
    let w = w.trim_end_matches(trim);
    if !w.is_empty() {
        let s = char_start + lead;
        out.push((s, s + w.chars().count(), w));
    }
}

/// A word's light stem: its first five letters, folded, with a demonym
/// read as its place and "US" as the United States; `None` for a stop
/// word.
pub(crate) fn stem(w: &str) -> Option<String> {
    let folded = w.to_lowercase().replace('.', "");
    if folded == "us" && w.chars().all(|c| c.is_uppercase() || c == '.') {
        return Some("united states".to_string());
    }
    let place = parallax_entities::demonym_place(&folded)
        .map(|p| p.to_lowercase())
        .filter(|_| w.chars().next().is_some_and(char::is_uppercase));
    let word = place.unwrap_or(folded);
    let t = parallax_terms::term(&word)?;
    Some(t.chars().take(5).collect::<String>())
}

/// The light-stemmed content words of a quotation.
pub(crate) fn stems(text: &str) -> BTreeSet<String> {
    words(text)
        .into_iter()
        .filter_map(|(_, _, w)| stem(w))
        .collect()
}

/// A speaker's name, folded, and its last word.
fn speaker_keys(name: &str) -> (String, String) {
    let folded = name.to_lowercase();
    let last = folded
        .split_whitespace()
        .last()
        .unwrap_or_default()
        .to_string();
    (folded, last)
}

struct Report<'d> {
    doc: &'d Document,
    attribution: &'d str,
    speaker: String,
    text: &'d str,
    span: (usize, usize),
    stems: BTreeSet<String>,
}

/// The echoes of one story, from its documents' quotations (speech and
/// writing records whose speaker has a name, capitalised; one report per
/// attribution, its pieces together).
pub fn story_echoes(story: &Story, docs: &[&Document]) -> Vec<Echo> {
    let mut reports: Vec<Report<'_>> = Vec::new();
    for d in docs.iter().filter(|d| story.documents.contains(&d.id)) {
        let mut by_attribution: BTreeMap<&str, (String, String)> = BTreeMap::new();
        for q in &d.quotes {
            if !matches!(q.mode, Mode::Speech | Mode::Writing) {
                continue;
            }
            // A named speaker only: "a lawyer" and "19-year-old man" are
            // not one person across documents.
            let Some(name) = q
                .speaker
                .as_ref()
                .and_then(|s| s.name.as_deref())
                .filter(|n| n.chars().next().is_some_and(char::is_uppercase))
            else {
                continue;
            };
            let e = by_attribution
                .entry(q.attribution.as_str())
                .or_insert_with(|| (name.to_string(), String::new()));
            if !e.1.is_empty() {
                e.1.push(' ');
            }
            e.1.push_str(&q.text);
        }
        for (attribution, (speaker, _)) in &by_attribution {
            // The text is the first piece's; the stems are of all pieces.
            let first = d.quotes.iter().find(|q| q.attribution == *attribution);
            let text = first.map_or("", |q| q.text.as_str());
            let span = first.map_or((0, 0), |q| (q.start, q.end));
            let all = &by_attribution[attribution].1;
            reports.push(Report {
                doc: d,
                attribution,
                speaker: speaker.clone(),
                text,
                span,
                stems: stems(all),
            });
        }
    }
    let n = reports.len();
    let mut parent: Vec<usize> = (0..n).collect();
    let mut shared_of: BTreeMap<usize, BTreeSet<String>> = BTreeMap::new();
    // Only reports by one speaker are compared: bucket them by the last
    // word of the speaker's name (the same full name has it too).
    let mut by_speaker: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, r) in reports.iter().enumerate() {
        by_speaker
            .entry(speaker_keys(&r.speaker).1)
            .or_default()
            .push(i);
    }
    let pairs = by_speaker.values().flat_map(|ids| {
        ids.iter()
            .enumerate()
            .flat_map(move |(k, &i)| ids[k + 1..].iter().map(move |&j| (i, j)))
    });
    for (i, j) in pairs {
        {
            let (a, b) = (&reports[i], &reports[j]);
            if a.doc.id == b.doc.id {
                continue;
            }
            let shared: BTreeSet<String> = a.stems.intersection(&b.stems).cloned().collect();
            let shorter = a.stems.len().min(b.stems.len()).max(1);
            if shared.len() >= MIN_SHARED && shared.len() as f32 >= MIN_SHARE * shorter as f32 {
                let (ri, rj) = (root(&mut parent, i), root(&mut parent, j));
                if ri != rj {
                    parent[rj] = ri;
                }
                shared_of
                    .entry(i)
                    .or_default()
                    .extend(shared.iter().cloned());
                shared_of.entry(j).or_default().extend(shared);
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..n {
        let r = root(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    let mut out = Vec::new();
    for members in groups.into_values() {
        let docs: BTreeSet<&str> = members
            .iter()
            .map(|&i| reports[i].doc.id.as_str())
            .collect();
        if docs.len() < 2 {
            continue;
        }
        let mut shared: BTreeSet<String> = BTreeSet::new();
        for i in &members {
            if let Some(s) = shared_of.get(i) {
                shared.extend(s.iter().cloned());
            }
        }
        let quotes: Vec<EchoQuote> = members
            .iter()
            .map(|&i| {
                let r = &reports[i];
                EchoQuote {
                    doc: r.doc.id.clone(),
                    attribution: Some(r.attribution.to_string()),
                    outlet: r.doc.outlet.as_ref().map(|o| o.name.clone()),
                    text: r.text.to_string(),
                    start: r.span.0,
                    end: r.span.1,
                }
            })
            .collect();
        let mut outlets: Vec<String> = Vec::new();
        for q in &quotes {
            if let Some(o) = &q.outlet {
                if !outlets.contains(o) {
                    outlets.push(o.clone());
                }
            }
        }
        out.push(Echo {
            speaker: Some(reports[members[0]].speaker.clone()),
            quotes,
            outlets,
            shared: shared.into_iter().collect(),
        });
    }
    out
}

/// Fill every story's echoes.
pub fn add_echoes(stories: &mut [Story], docs: &[Document]) {
    crate::each_story(stories, docs, |s, members| {
        s.echoes = story_echoes(s, members)
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn translations_of_one_statement_share_their_stems() {
        let a = stems("Today we invited military attaches from the US, Great Britain, France, Germany, Italy, Saudi Arabia, Turkey and the NATO bloc to ask them to give official validation");
        let b = stems("Today we invited the U.S., British, French, German, Italian, Saudi, Turkish, and NATO military attaches to provide an official explanation");
        let shared: Vec<&String> = a.intersection(&b).collect();
        for w in [
            "today",
            "invit",
            "milit",
            "attac",
            "united states",
            "franc",
            "germa",
            "offic",
        ] {
            assert!(
                shared.iter().any(|s| s.as_str() == w),
                "{w} not in {shared:?}"
            );
        }
        assert!(
            shared.len() as f32 >= MIN_SHARE * a.len().min(b.len()) as f32,
            "{shared:?}"
        );
    }

    #[test]
    fn different_statements_do_not_match() {
        let a = stems("The ceasefire will hold if both sides withdraw their heavy weapons");
        let b = stems("We have documented intense airstrikes on the northern villages");
        assert!(a.intersection(&b).count() < MIN_SHARED);
    }
}
