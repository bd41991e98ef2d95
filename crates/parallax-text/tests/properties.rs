//! Invariants that must hold for any input, news-like or not.

use std::ops::Range;

use parallax_text::{normalise, normalise_with_map, quotations, segment, Segmentation};
use proptest::prelude::*;

/// Fragments that stress the splitter: abbreviations, initials, every kind
/// of quote mark, terminators, odd spaces and invisible characters.
const PIECES: &[&str] = &[
    " ", " ", " ", "\n", "\n\n", "\r\n", "\r", "\t", "\u{a0}", "\u{200b}", "\u{feff}", "\u{ad}",
    "\u{2028}", "\u{7}", "We", "came", "the", "The", "said", "asked", "Ortega", "é", "e\u{301}",
    "Мы", "日本", "Mr.", "Gen.", "U.S.", "a.m.", "No.", "etc.", "J.", "B", "3.5", "1,200", "10",
    ".", ".", "?", "!", "…", "...", ",", ";", ":", "-", "—", "(", ")", "[", "]", "\"", "'", "“",
    "”", "‘", "’", "„", "‚", "«", "»", "‹", "›", "″", "′", "「", "」", "『", "』", "。", "！", "$",
    "%", "@", "😀", "\u{fe0f}",
];

fn newsy() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..80).prop_map(|v| v.concat())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![newsy(), any::<String>()]
}

fn check_range(text: &str, r: &Range<usize>, what: &str) {
    assert!(r.start < r.end, "{what} {r:?} is empty");
    assert!(r.end <= text.len(), "{what} {r:?} past the end");
    assert!(
        text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
        "{what} {r:?} splits a character"
    );
    let slice = text.get(r.clone()).unwrap_or("");
    assert_eq!(slice.trim(), slice, "{what} {r:?} not trimmed");
}

fn check_sorted(ranges: &[Range<usize>], what: &str) {
    for pair in ranges.windows(2) {
        if let [a, b] = pair {
            assert!(
                a.end <= b.start,
                "{what} {a:?} and {b:?} overlap or are out of order"
            );
        }
    }
}

fn check_segmentation(text: &str, seg: &Segmentation) {
    for p in &seg.paragraphs {
        check_range(text, p, "paragraph");
        assert!(
            !text.get(p.clone()).unwrap_or("").contains('\n'),
            "paragraph {p:?} spans lines"
        );
    }
    let sentence_ranges: Vec<Range<usize>> =
        seg.sentences.iter().map(|s| s.range.clone()).collect();
    let token_ranges: Vec<Range<usize>> = seg.tokens.iter().map(|t| t.range.clone()).collect();
    check_sorted(&seg.paragraphs, "paragraphs");
    check_sorted(&sentence_ranges, "sentences");
    check_sorted(&token_ranges, "tokens");
    for s in &seg.sentences {
        check_range(text, &s.range, "sentence");
        let para = seg.paragraphs.get(s.paragraph).cloned().unwrap_or(0..0);
        assert!(
            para.start <= s.range.start && s.range.end <= para.end,
            "sentence {:?} outside paragraph {para:?}",
            s.range
        );
    }
    for t in &seg.tokens {
        check_range(text, &t.range, "token");
        let slice = text.get(t.range.clone()).unwrap_or("");
        assert!(
            !slice.chars().any(char::is_whitespace),
            "token {slice:?} holds whitespace"
        );
    }
    // Every token lies inside some sentence.
    let mut s = sentence_ranges.iter().peekable();
    for t in &token_ranges {
        while s.peek().is_some_and(|r| r.end <= t.start) {
            s.next();
        }
        let owner = s.peek().cloned();
        assert!(
            owner.is_some_and(|r| r.start <= t.start && t.end <= r.end),
            "token {t:?} outside every sentence"
        );
    }
    // Every visible character lies inside some sentence.
    let mut s = sentence_ranges.iter().peekable();
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            continue;
        }
        while s.peek().is_some_and(|r| r.end <= i) {
            s.next();
        }
        assert!(
            s.peek().is_some_and(|r| r.start <= i),
            "{c:?} at {i} is in no sentence"
        );
    }
}

/// Characters normalisation may change or remove.
fn invisible_or_space(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(c, '\u{ad}' | '\u{61c}' | '\u{180e}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206f}' | '\u{feff}' | '\u{fff9}'..='\u{fffb}')
}

fn line_breaks(s: &str) -> usize {
    s.replace("\r\n", "\n")
        .chars()
        .filter(|c| matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}'))
        .count()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn segmentation_invariants_hold_on_normalised_text(raw in any_text()) {
        let text = normalise(&raw);
        check_segmentation(&text, &segment(&text));
    }

    #[test]
    fn segmentation_invariants_hold_on_raw_text(raw in any_text()) {
        check_segmentation(&raw, &segment(&raw));
    }

    #[test]
    fn normalise_is_idempotent_and_keeps_visible_characters(raw in any_text()) {
        let once = normalise(&raw);
        prop_assert_eq!(normalise(&once), once.clone());
        let kept_raw: String = raw.chars().filter(|&c| !invisible_or_space(c)).collect();
        let kept_out: String = once.chars().filter(|&c| !invisible_or_space(c)).collect();
        prop_assert_eq!(kept_raw, kept_out);
        prop_assert!(once.chars().all(|c| c == '\n' || c == ' ' || !invisible_or_space(c)));
        prop_assert_eq!(line_breaks(&raw), line_breaks(&once));
    }

    #[test]
    fn offset_map_leads_back_to_the_same_characters(raw in any_text()) {
        let (text, map) = normalise_with_map(&raw);
        for (i, c) in text.char_indices() {
            let r = map.to_raw(i);
            let original = raw.get(r..).and_then(|s| s.chars().next());
            prop_assert!(original.is_some(), "offset {} maps to {} off a boundary", i, r);
            if !c.is_whitespace() {
                prop_assert_eq!(original, Some(c));
            }
            let range = map.range_to_raw(i..i + c.len_utf8());
            prop_assert!(raw.get(range.clone()).is_some_and(|s| !s.is_empty()), "range {:?}", range);
        }
    }

    #[test]
    fn quotations_stay_inside_their_paragraph(raw in newsy()) {
        let text = normalise(&raw);
        for para in segment(&text).paragraphs {
            for q in quotations(&text, para.clone()) {
                prop_assert!(para.start <= q.open.start);
                if let Some(close) = q.close {
                    prop_assert!(q.open.end <= close.start && close.end <= para.end);
                }
            }
        }
    }
}
