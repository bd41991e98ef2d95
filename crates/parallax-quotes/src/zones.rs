//! Quoted stretches: the words between paired quote marks, per paragraph,
//! and the short ones that are titles or scare quotes rather than
//! quotations.

use std::ops::Range;

use parallax_text::{quotations, Segmentation};

/// A quoted stretch of one paragraph.
#[derive(Debug, Clone)]
pub(crate) struct Zone {
    pub(crate) content: Range<usize>,
    /// The paragraph never closes it and the next paragraph opens a quote:
    /// one quotation running over several paragraphs.
    pub(crate) continued: bool,
    pub(crate) used: bool,
}

pub(crate) fn trim_range(text: &str, r: Range<usize>) -> Range<usize> {
    let Some(s) = text.get(r.clone()) else {
        return r.start..r.start;
    };
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    let t = t.trim_end_matches([',', '.', ';', ':', ' ']);
    let t = t.trim_end();
    r.start + lead..r.start + lead + t.len()
}

pub(crate) fn quoted_zones(text: &str, seg: &Segmentation) -> Vec<Zone> {
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

/// Quoted fragments that are not quotations: a few Title Case words (a
/// title) or one to three words nobody is said to say (scare quotes).
pub(crate) fn is_title_or_scare(text: &str, z: &Range<usize>) -> bool {
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

pub(crate) fn overlap(a: &Range<usize>, b: &Range<usize>) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}
