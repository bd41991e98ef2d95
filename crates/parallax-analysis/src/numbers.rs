//! Number words ("nine", "twenty", "a third", "dozens"), from
//! `data/numbers.tsv`: what both the count and the date annotators read.

use std::sync::OnceLock;

use crate::hash::{data_lines, key, lookup, WordMap};

const NUMBERS: &str = include_str!("../../../data/numbers.tsv");

/// How a number word combines with its neighbours (see `data/numbers.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumKind {
    Small,
    Tens,
    Hundred,
    Scale,
    Abbrev,
    Dozen,
    Fraction,
    Fractions,
    Vague,
    Article,
    Several,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NumWord {
    pub value: f64,
    pub kind: NumKind,
}

/// The number words, and the lines of the data file that could not be read.
pub struct NumberWords {
    pub words: WordMap<NumWord>,
    /// Lines that could not be read, as "numbers.tsv:line: text".
    pub rejected: Vec<String>,
}

impl NumberWords {
    pub fn word(&self, word: &str) -> Option<NumWord> {
        lookup(&self.words, word).copied()
    }
}

/// A decimal or a fraction "1/3".
pub fn parse_value(field: &str) -> Option<f64> {
    let value = match field.split_once('/') {
        Some((n, d)) => {
            let n: f64 = n.parse().ok()?;
            let d: f64 = d.parse().ok()?;
            (d != 0.0).then(|| n / d)?
        }
        None => field.parse().ok()?,
    };
    value.is_finite().then_some(value)
}

fn kind(field: &str) -> Option<NumKind> {
    Some(match field {
        "small" => NumKind::Small,
        "tens" => NumKind::Tens,
        "hundred" => NumKind::Hundred,
        "scale" => NumKind::Scale,
        "abbrev" => NumKind::Abbrev,
        "dozen" => NumKind::Dozen,
        "fraction" => NumKind::Fraction,
        "fractions" => NumKind::Fractions,
        "vague" => NumKind::Vague,
        "article" => NumKind::Article,
        "several" => NumKind::Several,
        _ => return None,
    })
}

/// Read a numbers file: `word<TAB>value<TAB>kind` lines.
pub fn parse_numbers(src: &'static str) -> NumberWords {
    let mut out = NumberWords {
        words: WordMap::default(),
        rejected: Vec::new(),
    };
    for (n, line) in data_lines(src) {
        let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
        let k = fields.get(2).and_then(|f| kind(f));
        let value = fields.get(1).and_then(|v| parse_value(v));
        match (fields.as_slice(), k, value) {
            ([word, _, _], Some(kind), Some(value)) if !word.is_empty() => {
                out.words.insert(key(word), NumWord { value, kind });
            }
            _ => out.rejected.push(format!("numbers.tsv:{n}: {line}")),
        }
    }
    out
}

/// The shipped number words, parsed once.
pub fn number_words() -> &'static NumberWords {
    static WORDS: OnceLock<NumberWords> = OnceLock::new();
    WORDS.get_or_init(|| parse_numbers(NUMBERS))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_of_the_shipped_file_reads() {
        let words = number_words();
        assert!(words.rejected.is_empty(), "{:#?}", words.rejected);
        let third = words.word("Third");
        assert_eq!(third.map(|n| n.kind), Some(NumKind::Fraction));
        assert!(third.is_some_and(|n| (n.value - 1.0 / 3.0).abs() < 1e-12));
        assert_eq!(words.word("nine").map(|n| n.value), Some(9.0));
    }

    #[test]
    fn malformed_lines_are_named() {
        let words = parse_numbers("nine\t9\tsmall\nten\tx\tsmall\neleven\t11\tbig\n");
        assert_eq!(
            words.rejected,
            [
                "numbers.tsv:2: ten\tx\tsmall",
                "numbers.tsv:3: eleven\t11\tbig"
            ]
        );
    }

    #[test]
    fn fractions_and_decimals_parse() {
        assert_eq!(parse_value("1/4"), Some(0.25));
        assert_eq!(parse_value("1000000"), Some(1e6));
        assert_eq!(parse_value("1/0"), None);
        assert_eq!(parse_value("x"), None);
    }
}
