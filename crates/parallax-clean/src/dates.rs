//! Reading calendar dates as news writes them.

use std::sync::OnceLock;

use chrono::NaiveDate;
use regex::Regex;

/// English month names; abbreviations are their prefixes ("Sept", "Oct.").
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The month number (1–12) of a month name or its abbreviation.
pub fn month_number(name: &str) -> Option<u32> {
    let n = name.trim_end_matches('.').to_lowercase();
    if n.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| m.starts_with(n.as_str()) && (n.len() == m.len() || n.len() <= 4))
        .and_then(|i| u32::try_from(i + 1).ok())
}

const MONTH_ALT: &str = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";

fn month_day_year() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let src = format!(
            r"(?-u:\b)(?P<m1>{MONTH_ALT})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})(?-u:\b)|(?-u:\b)(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{MONTH_ALT})\.?,?\s+(?P<y2>\d{{4}})(?-u:\b)"
        );
        Regex::new(&src).expect("constant pattern")
    })
}

fn iso() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])").expect("constant pattern")
    })
}

fn ymd(y: &str, m: u32, d: &str) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y.parse().ok()?, m, d.parse().ok()?)
}

/// Every full date (month, day and year) written in `text`, with its byte span.
pub fn full_dates(text: &str) -> Vec<(NaiveDate, std::ops::Range<usize>)> {
    // Cheap test first: most lines hold no date, and captures are slow.
    if !month_day_year().is_match(text) {
        return Vec::new();
    }
    month_day_year()
        .captures_iter(text)
        .filter_map(|c| {
            let whole = c.get(0)?;
            let date =
                if let (Some(m), Some(d), Some(y)) = (c.name("m1"), c.name("d1"), c.name("y1")) {
                    ymd(y.as_str(), month_number(m.as_str())?, d.as_str())
                } else {
                    let (d, m, y) = (c.name("d2")?, c.name("m2")?, c.name("y2")?);
                    ymd(y.as_str(), month_number(m.as_str())?, d.as_str())
                }?;
            Some((date, whole.range()))
        })
        .collect()
}

/// Parse a publication date given by an input or a page: ISO 8601
/// (`2031-03-04`, `2031-03-04T09:00:00Z`), RFC 2822, or written out
/// (`March 4, 2031`, `4 March 2031`).
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    if let Some(c) = iso().captures(s) {
        let m = c.get(2)?.as_str().parse().ok()?;
        return ymd(c.get(1)?.as_str(), m, c.get(3)?.as_str());
    }
    if let Ok(dt) = chrono::DateTime::parse_from_rfc2822(s.trim()) {
        return Some(dt.date_naive());
    }
    full_dates(s).into_iter().next().map(|(d, _)| d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn parses_common_forms() {
        let d = NaiveDate::from_ymd_opt(2031, 3, 4);
        assert_eq!(parse_date("2031-03-04"), d);
        assert_eq!(parse_date("2031-03-04T09:15:00+02:00"), d);
        assert_eq!(parse_date("Tue, 4 Mar 2031 09:15:00 +0000"), d);
        assert_eq!(parse_date("March 4, 2031"), d);
        assert_eq!(parse_date("Updated Mar. 4, 2031 at noon"), d);
        assert_eq!(parse_date("4 March 2031"), d);
        assert_eq!(parse_date("2031-02-30"), None);
        assert_eq!(parse_date("yesterday"), None);
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(month_number("Ma"), None);
        assert_eq!(month_number("Marchy"), None);
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,80}") {
            let _ = parse_date(&s);
            let _ = full_dates(&s);
        }

        #[test]
        fn round_trips_valid_dates(y in 1900i32..2100, m in 1u32..=12, d in 1u32..=28) {
            let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            prop_assert_eq!(parse_date(&date.format("%Y-%m-%d").to_string()), Some(date));
            prop_assert_eq!(parse_date(&date.format("%B %-d, %Y").to_string()), Some(date));
            prop_assert_eq!(parse_date(&date.format("%-d %b %Y").to_string()), Some(date));
        }
    }
}
