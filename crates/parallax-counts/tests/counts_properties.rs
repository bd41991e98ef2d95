//! Invariants of the count annotator on any input.

/// The counts of `text`, with its dates found first as the pipeline does.
fn counts_of(text: &str) -> Vec<parallax_counts::CountMention> {
    let doc = parallax_analysis::Analysed::new(text, None);
    parallax_counts::find_counts(&doc, &parallax_dates::find_dates(&doc))
}
use proptest::prelude::*;

/// Fragments of news-like text around numbers: digits with separators,
/// number words, qualifiers, units, dates, signs and stray punctuation.
const PIECES: &[&str] = &[
    " ",
    " ",
    " ",
    "\n",
    "\u{a0}",
    "0",
    "1",
    "9",
    "19",
    "446",
    "2015",
    "1,200",
    "3.5",
    ",",
    ".",
    "-",
    "\u{2013}",
    "%",
    "$",
    "\u{20ac}",
    "'",
    "\u{2019}",
    "(",
    ")",
    "+",
    "/",
    ":",
    "a",
    "an",
    "one",
    "nine",
    "twenty-one",
    "hundred",
    "thousand",
    "million",
    "bn",
    "m",
    "third",
    "half",
    "two-thirds",
    "dozens",
    "hundreds",
    "of",
    "them",
    "the",
    "and",
    "to",
    "between",
    "at least",
    "more than",
    "nearly",
    "up to",
    "people",
    "civilians",
    "air",
    "strikes",
    "killed",
    "were",
    "dead",
    "wounded",
    "percent",
    "per cent",
    "hours",
    "years",
    "aged",
    "a.m.",
    "Su-24M",
    "No.",
    "Resolution",
    "June",
    "September",
    "May",
    "Tuesday",
    "no one",
    "toll",
    "\u{1f600}",
    "\u{e9}",
];

fn newsy() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|v| v.concat())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![newsy(), "\\PC{0,200}", any::<String>()]
}

fn with_commas(n: u64) -> String {
    let digits = n.to_string();
    let groups: Vec<&str> = digits
        .as_bytes()
        .rchunks(3)
        .rev()
        .map(|g| std::str::from_utf8(g).unwrap_or("?"))
        .collect();
    groups.join(",")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn spans_are_sorted_disjoint_and_on_char_boundaries(text in any_text()) {
        let counts = counts_of(&text);
        let mut last_end = 0;
        for c in &counts {
            prop_assert!(c.start < c.end, "empty span {c:?}");
            prop_assert!(c.end <= text.len(), "span past the end {c:?}");
            prop_assert!(text.is_char_boundary(c.start) && text.is_char_boundary(c.end));
            prop_assert!(c.start >= last_end, "overlap or disorder at {c:?}");
            prop_assert!(c.value.is_none_or(|v| v.is_finite() && v >= 0.0));
            // A vague quantity is approximate.
            prop_assert!(c.value.is_some() || c.approximate, "{c:?}");
            for share in &c.shares {
                prop_assert!(share.value.is_finite() && share.value >= 0.0, "{share:?}");
                prop_assert!(share.start < share.end && share.end <= text.len());
                prop_assert!(text.is_char_boundary(share.start) && text.is_char_boundary(share.end));
            }
            let span = text.get(c.start..c.end).unwrap_or("");
            prop_assert_eq!(span.trim(), span, "untrimmed span");
            last_end = c.end;
        }
    }

    #[test]
    fn digits_are_read_with_and_without_separators(n in 1u64..10_000_000, commas: bool) {
        let written = if commas { with_commas(n) } else { n.to_string() };
        let text = format!("{written} people were killed");
        let counts = counts_of(&text);
        prop_assert_eq!(counts.len(), 1, "{}: {:?}", text, counts);
        let c = &counts[0];
        prop_assert_eq!(c.value, Some(n as f64));
        prop_assert!(!c.approximate);
        prop_assert_eq!(c.unit.as_str(), "people");
        prop_assert_eq!(c.category.as_deref(), Some("killed"));
        prop_assert_eq!(&text[c.start..c.end], format!("{written} people"));
    }
}

#[test]
fn comma_grouping_helper_groups_by_three() {
    assert_eq!(with_commas(1), "1");
    assert_eq!(with_commas(1200), "1,200");
    assert_eq!(with_commas(9_999_999), "9,999,999");
}

#[test]
fn near_misses_of_the_negative_cases_are_counts() {
    // Each pair: a text that is no count, and one a word away that is.
    let pairs = [
        ("In 2015 the talks ended.", "Some 2015 people signed."),
        ("a woman aged 31 waited", "31 women waited"),
        ("at 9 a.m. the siege", "9 men held the siege"),
        ("no one knew", "one man knew"),
        ("one of the envoys", "one diplomat"),
        ("it lasted 24 hours", "it killed 24 people"),
        ("Resolution 2254 passed", "2254 voters passed"),
    ];
    for (no, yes) in pairs {
        assert!(counts_of(no).is_empty(), "{no}: {:?}", counts_of(no));
        assert_eq!(counts_of(yes).len(), 1, "{yes}: {:?}", counts_of(yes));
    }
}

#[test]
fn long_runs_of_number_words_are_read_as_short_numbers() {
    // Scales must fall, so a run of "one thousand" is many short numbers,
    // not one long one re-read from every word (speed is measured in
    // BENCHMARKS.md, not here).
    let text = "one thousand ".repeat(20_000);
    let counts = counts_of(&text);
    assert!(counts.is_empty());
    let mixed = counts_of("two million three thousand five hundred and six refugees");
    assert_eq!(mixed.first().and_then(|c| c.value), Some(2_003_506.0));
}
