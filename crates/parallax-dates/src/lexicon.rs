//! The word list of the date annotator, parsed once from `data/`.

use std::sync::OnceLock;

use chrono::Weekday;

use parallax_analysis::numbers::{number_words, NumKind};
use parallax_analysis::{data_lines, key, lookup, WordMap};

const DATE_WORDS: &str = include_str!("../../../data/date_words.tsv");

/// A stretch of time named by a word ("days", "week").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Period {
    Hours,
    Days(u32),
    Months,
    Years,
    Weekend,
}

/// Which side of the publication day "earlier"/"later" keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Edge {
    Before,
    After,
}

/// Everything the list says about one lower-case word.
#[derive(Debug, Clone, Default)]
pub(crate) struct DateWord {
    /// Month number, and whether this is a short form that may take a dot.
    pub month: Option<(u32, bool)>,
    pub weekday: Option<Weekday>,
    /// Days from publication ("yesterday" = -1).
    pub day: Option<i64>,
    pub daypart: bool,
    pub cue: bool,
    /// A cue that looks ahead: "by July", "until March".
    pub ahead: bool,
    pub phase: bool,
    pub shift: Option<i32>,
    pub edge: Option<Edge>,
    pub back: bool,
    /// The period, and whether this form is its plural.
    pub period: Option<(Period, bool)>,
    pub fuzzy: Option<u32>,
    pub ago: bool,
    pub overnight: bool,
    /// A number word from `data/numbers.tsv` up to ninety-nine, or "a"
    /// (one): "two days ago", "a week ago".
    pub number: Option<u32>,
}

pub(crate) struct Lexicon {
    pub words: WordMap<DateWord>,
    pub rejected: Vec<String>,
}

impl Lexicon {
    pub fn word(&self, word: &str) -> Option<&DateWord> {
        lookup(&self.words, word)
    }
}

pub(crate) fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let mut lex = parse(DATE_WORDS);
        for (word, n) in &number_words().words {
            let value = match n.kind {
                NumKind::Small | NumKind::Tens | NumKind::Article => Some(n.value as u32),
                _ => None,
            };
            if let Some(v) = value {
                lex.words.entry(word.clone()).or_default().number = Some(v);
            }
        }
        lex
    })
}

fn weekday(n: u32) -> Option<Weekday> {
    Some(match n {
        1 => Weekday::Mon,
        2 => Weekday::Tue,
        3 => Weekday::Wed,
        4 => Weekday::Thu,
        5 => Weekday::Fri,
        6 => Weekday::Sat,
        7 => Weekday::Sun,
        _ => return None,
    })
}

fn parse(src: &'static str) -> Lexicon {
    let mut lex = Lexicon {
        words: WordMap::default(),
        rejected: Vec::new(),
    };
    for (n, line) in data_lines(src) {
        let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
        let mut set = |word: &str, f: &dyn Fn(&mut DateWord)| {
            if word.is_empty() || word.contains(' ') {
                return false;
            }
            f(lex.words.entry(key(word)).or_default());
            true
        };
        let ok = match fields.as_slice() {
            ["month", name, num] | ["month", name, num, "abbrev"] => {
                let abbrev = fields.len() == 4;
                match num.parse::<u32>() {
                    Ok(m) if (1..=12).contains(&m) => set(name, &|w| w.month = Some((m, abbrev))),
                    _ => false,
                }
            }
            ["weekday", name, num] => match num.parse().ok().and_then(weekday) {
                Some(d) => set(name, &|w| w.weekday = Some(d)),
                None => false,
            },
            ["day", word, offset] => match offset.parse::<i64>() {
                Ok(o) if o.abs() <= 7 => set(word, &|w| w.day = Some(o)),
                _ => false,
            },
            ["shift", word, offset] => match offset.parse::<i32>() {
                Ok(o) if o.abs() <= 1 => set(word, &|w| w.shift = Some(o)),
                _ => false,
            },
            ["edge", word, "before"] => set(word, &|w| w.edge = Some(Edge::Before)),
            ["edge", word, "after"] => set(word, &|w| w.edge = Some(Edge::After)),
            ["fuzzy", word, num] => match num.parse::<u32>() {
                Ok(k) if (1..=10).contains(&k) => set(word, &|w| w.fuzzy = Some(k)),
                _ => false,
            },
            ["period", singular, plural, days] => {
                let period = match *days {
                    "0" => Some(Period::Hours),
                    "month" => Some(Period::Months),
                    "year" => Some(Period::Years),
                    "weekend" => Some(Period::Weekend),
                    d => d
                        .parse::<u32>()
                        .ok()
                        .filter(|d| (1..=366).contains(d))
                        .map(Period::Days),
                };
                match period {
                    Some(p) => {
                        set(singular, &|w| w.period = Some((p, false)))
                            && set(plural, &|w| w.period = Some((p, true)))
                    }
                    None => false,
                }
            }
            ["daypart", word] => set(word, &|w| w.daypart = true),
            ["cue", word] => set(word, &|w| w.cue = true),
            ["cue", word, "ahead"] => set(word, &|w| {
                w.cue = true;
                w.ahead = true;
            }),
            ["phase", word] => set(word, &|w| w.phase = true),
            ["back", word] => set(word, &|w| w.back = true),
            ["ago", word] => set(word, &|w| w.ago = true),
            ["overnight", word] => set(word, &|w| w.overnight = true),
            _ => false,
        };
        if !ok {
            lex.rejected.push(format!("date_words.tsv:{n}: {line}"));
        }
    }
    lex
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_data_line_reads() {
        let lex = lexicon();
        assert!(
            lex.rejected.is_empty(),
            "unreadable lines: {:#?}",
            lex.rejected
        );
        assert_eq!(lex.word("Sept").and_then(|w| w.month), Some((9, true)));
        assert_eq!(
            lex.word("september").and_then(|w| w.month),
            Some((9, false))
        );
        assert_eq!(
            lex.word("Sunday").and_then(|w| w.weekday),
            Some(Weekday::Sun)
        );
        assert_eq!(lex.word("Yesterday").and_then(|w| w.day), Some(-1));
        assert_eq!(
            lex.word("weeks").and_then(|w| w.period),
            Some((Period::Days(7), true))
        );
        // "last" both shifts ("last week") and looks back ("the last 24 hours").
        let last = lex.word("last");
        assert!(last.is_some_and(|w| w.back && w.shift == Some(-1)));
        // Number words come from the count lexicon.
        assert_eq!(lex.word("Twenty").and_then(|w| w.number), Some(20));
        assert_eq!(lex.word("a").and_then(|w| w.number), Some(1));
    }

    #[test]
    fn malformed_lines_are_named() {
        let lex = parse("month\tJune\t13\nweekday\tFunday\t8\nday\ttoday\t0\ncue\tin on\n");
        assert_eq!(
            lex.rejected,
            [
                "date_words.tsv:1: month\tJune\t13",
                "date_words.tsv:2: weekday\tFunday\t8",
                "date_words.tsv:4: cue\tin on",
            ]
        );
        assert_eq!(lex.word("today").and_then(|w| w.day), Some(0));
    }
}
