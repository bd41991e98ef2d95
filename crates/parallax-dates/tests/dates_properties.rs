//! Invariants of the date annotator on any input and publication date.

use chrono::{Datelike, NaiveDate};

/// The dates of `text`, analysed as the pipeline analyses it.
fn find_dates(text: &str, published: Option<NaiveDate>) -> Vec<parallax_dates::DateExpression> {
    parallax_dates::find_dates(&parallax_analysis::Analysed::new(text, published))
}
use proptest::prelude::*;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Fragments of news-like text around dates.
const PIECES: &[&str] = &[
    " ",
    " ",
    " ",
    "\n",
    "\u{a0}",
    "1",
    "9",
    "10",
    "30",
    "31",
    "2015",
    "09",
    "10th",
    ",",
    ".",
    "-",
    "\u{2013}",
    "/",
    "'s",
    "\u{2019}s",
    "on",
    "in",
    "since",
    "until",
    "the",
    "a",
    "past",
    "last",
    "this",
    "next",
    "earlier",
    "later",
    "mid",
    "early",
    "of",
    "and",
    "to",
    "ago",
    "few",
    "two",
    "twenty-four",
    "hours",
    "days",
    "week",
    "weeks",
    "month",
    "year",
    "weekend",
    "morning",
    "night",
    "today",
    "yesterday",
    "tomorrow",
    "overnight",
    "Today",
    "January",
    "Sept",
    "May",
    "March",
    "June",
    "Monday",
    "Tuesday",
    "Sunday",
    "Times",
    "may",
    "\u{1f600}",
    "\u{e9}",
];

fn newsy() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|v| v.concat())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![newsy(), "\\PC{0,200}", any::<String>()]
}

/// Any representable day, the ends of the calendar included.
fn any_day() -> impl Strategy<Value = Option<NaiveDate>> {
    prop_oneof![
        Just(None),
        Just(Some(NaiveDate::MIN)),
        Just(Some(NaiveDate::MAX)),
        (-100_000i32..1_000_000).prop_map(NaiveDate::from_num_days_from_ce_opt),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn spans_are_sorted_disjoint_and_on_char_boundaries(text in any_text(), published in any_day()) {
        let dates = find_dates(&text, published);
        let mut last_end = 0;
        for d in &dates {
            prop_assert!(d.start < d.end, "empty span {d:?}");
            prop_assert!(d.end <= text.len(), "span past the end {d:?}");
            prop_assert!(text.is_char_boundary(d.start) && text.is_char_boundary(d.end));
            prop_assert!(d.start >= last_end, "overlap or disorder at {d:?}");
            if let (Some(first), Some(last)) = (d.value, d.until) {
                prop_assert!(first < last, "span ends before it starts: {d:?}");
            }
            prop_assert!(d.until.is_none() || d.value.is_some());
            last_end = d.end;
        }
    }

    #[test]
    fn written_dates_resolve_to_themselves(
        day in (1900i32..2100, 1u32..=12, 1u32..=31),
        published in any_day(),
        short: bool,
    ) {
        let (y, m, d) = day;
        let Some(date) = NaiveDate::from_ymd_opt(y, m, d) else {
            return Ok(());
        };
        let full = MONTHS[(m - 1) as usize];
        let name = if short && full.len() > 5 { format!("{}.", &full[..3]) } else { full.to_owned() };
        let text = format!("on {name} {d}, {y}");
        let dates = find_dates(&text, published);
        prop_assert_eq!(dates.len(), 1, "{}: {:?}", text, dates);
        prop_assert_eq!(dates[0].value, Some(date));
        prop_assert_eq!(dates[0].until, None);
        prop_assert_eq!(&text[dates[0].start..dates[0].end], format!("{name} {d}, {y}"));
        prop_assert_eq!(date.day(), d);
    }
}
