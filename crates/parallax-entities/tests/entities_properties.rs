//! Invariants of the entity annotator on any input: it never panics, and
//! every span it reports lies inside the text on character boundaries.

use parallax_analysis::Analysed;
use parallax_entities::find_entities;
use proptest::prelude::*;

/// Fragments of news-like text around names: capitals, particles, titles,
/// acronyms in parentheses, descriptions, quote marks, apostrophes,
/// brackets, hyphens, non-ASCII letters and stray punctuation.
const PIECES: &[&str] = &[
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    ".",
    ",",
    ";",
    ":",
    "(",
    ")",
    "[",
    "]",
    "\"",
    "\u{201c}",
    "\u{201d}",
    "'",
    "\u{2019}",
    "\u{2014}",
    "-",
    "/",
    "@",
    "#",
    "The",
    "the",
    "a",
    "an",
    "of",
    "for",
    "in",
    "and",
    "which",
    "who",
    "is",
    "said",
    "al-",
    "al",
    "bin",
    "Syrian",
    "Russian",
    "Observatory",
    "Ministry",
    "Defense",
    "Front",
    "Council",
    "Human",
    "Rights",
    "Lena",
    "Ortis",
    "Varko",
    "Major",
    "General",
    "Gen.",
    "Mr.",
    "spokesman",
    "deputy",
    "head",
    "minister",
    "President",
    "SOHR",
    "MoD",
    "IS",
    "ISIS",
    "Daesh",
    "U.S.",
    "NATO",
    "Syria",
    "Aleppo",
    "Russia\u{2019}s",
    "source",
    "group",
    "monitoring",
    "shadowy",
    "so-called",
    "respected",
    "militants",
    "terrorists",
    "based",
    "Britain",
    "Dayr",
    "al-Zawr",
    "\u{e9}",
    "\u{c9}cole",
    "\u{416}\u{443}\u{43a}",
    "\u{6f22}",
    "\u{1f600}",
    "446",
    "2015",
    "May",
    "June",
    "Kim",
    "Jong-un",
    "US-led",
    "R-Wis",
    "Don\u{2019}t",
    "FiveThirtyEight",
    "\u{a0}",
    "\u{200b}",
];

fn text_strategy() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..80).prop_map(|v| v.concat())
}

fn check(text: &str) -> Result<(), TestCaseError> {
    for e in find_entities(&Analysed::new(text, None)) {
        prop_assert!(!e.name.is_empty());
        prop_assert!(["person", "organisation", "place", "group"].contains(&e.kind.as_str()));
        prop_assert!(!e.mentions.is_empty());
        prop_assert!(!e.aliases.contains(&e.name));
        prop_assert!(
            e.mentions.windows(2).all(|w| w[0] < w[1]),
            "sorted, no repeats"
        );
        for m in &e.mentions {
            prop_assert!(m.start < m.end && m.end <= text.len());
            prop_assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
        }
        for d in &e.descriptors {
            prop_assert!(d.start < d.end && d.end <= text.len());
            prop_assert!(text.is_char_boundary(d.start) && text.is_char_boundary(d.end));
            prop_assert_eq!(text.get(d.start..d.end), Some(d.text.as_str()));
            prop_assert!(["crediting", "discrediting", "neutral", "role", "label"]
                .contains(&d.polarity.as_str()));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn never_panics_and_spans_fit(text in text_strategy()) {
        check(&text)?;
    }

    #[test]
    fn arbitrary_strings_never_panic(text in "\\PC{0,300}") {
        check(&text)?;
    }

    /// A segmentation made for another text must not make it panic either.
    #[test]
    fn a_mismatched_segmentation_never_panics(a in text_strategy(), b in text_strategy()) {
        let seg = parallax_text::segment(&b);
        let _ = find_entities(&Analysed::with_segmentation(&a, seg, None));
    }
}

#[test]
fn entities_come_in_order_of_first_mention() {
    let text = "Lena Ortis met NATO envoys in Aleppo. Ortis said NATO had not called.";
    let found = find_entities(&Analysed::new(text, None));
    let firsts: Vec<usize> = found.iter().map(|e| e.mentions[0].start).collect();
    assert!(firsts.windows(2).all(|w| w[0] < w[1]), "{firsts:?}");
    assert_eq!(
        found.iter().map(|e| e.name.as_str()).collect::<Vec<_>>(),
        ["Lena Ortis", "NATO", "Aleppo"]
    );
}
