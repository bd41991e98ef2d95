//! Word lists compiled into the crate: abbreviations (shared with the rest
//! of the project under `data/`), words that open sentences, and verbs that
//! attribute quotations. Each is parsed once, on first use.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

const ABBREVIATIONS: &str = include_str!("../../../data/abbreviations.txt");
const SENTENCE_STARTERS: &str = include_str!("../../../data/sentence_starters.txt");
const ATTRIBUTION_VERBS: &str = include_str!("../../../data/attribution_verbs.txt");

/// FNV-1a: the keys are a few bytes long and compiled in, so a keyed
/// hash buys nothing and SipHash showed up in profiles of `segment`.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
        self.0 = h;
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;
type FastSet<K> = HashSet<K, BuildHasherDefault<Fnv>>;

/// How an abbreviation behaves where a sentence could end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AbbreviationKind {
    /// Never ends a sentence (titles, ranks, "e.g.").
    Never,
    /// Ends a sentence only before a word that plainly opens one ("U.S. The").
    MayEnd,
    /// Holds before a number ("No. 10"); elsewhere its dot is a full stop.
    BeforeNumber,
}

/// Look up an abbreviation written with its final dot ("Gen.", "U.S.").
/// Case-sensitive, as in the data file.
pub fn abbreviation(word_with_dot: &str) -> Option<AbbreviationKind> {
    abbreviations().get(word_with_dot).copied()
}

pub(crate) fn is_sentence_starter(word: &str) -> bool {
    static SET: OnceLock<FastSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| entries(SENTENCE_STARTERS).collect())
        .contains(word)
}

pub(crate) fn is_attribution_verb(word: &str) -> bool {
    static SET: OnceLock<FastSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| entries(ATTRIBUTION_VERBS).collect())
        .contains(word)
}

/// "U.S", "N.Z", "Ph.D": short letter groups joined by dots.
pub(crate) fn is_dotted_initialism(word: &str) -> bool {
    word.contains('.')
        && word.split('.').all(|part| {
            let letters = part.chars().count();
            (1..=3).contains(&letters) && part.chars().all(char::is_alphabetic)
        })
}

fn abbreviations() -> &'static FastMap<&'static str, AbbreviationKind> {
    static MAP: OnceLock<FastMap<&'static str, AbbreviationKind>> = OnceLock::new();
    MAP.get_or_init(|| parse_abbreviations(ABBREVIATIONS).0)
}

/// Non-blank lines with `#` comments removed, trimmed.
fn entries(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines()
        .map(|line| line.split('#').next().unwrap_or("").trim())
        .filter(|line| !line.is_empty())
}

/// Parse the abbreviation list. Lines that do not read as `word.` plus an
/// optional known kind are returned by line content so a test can insist
/// there are none, instead of the library failing at run time.
fn parse_abbreviations(
    src: &'static str,
) -> (FastMap<&'static str, AbbreviationKind>, Vec<&'static str>) {
    let mut map = FastMap::default();
    let mut rejected = Vec::new();
    for line in entries(src) {
        let mut fields = line.split_whitespace();
        let word = fields.next().unwrap_or("");
        let kind = match fields.next() {
            None => Some(AbbreviationKind::Never),
            Some("may-end") => Some(AbbreviationKind::MayEnd),
            Some("before-number") => Some(AbbreviationKind::BeforeNumber),
            Some(_) => None,
        };
        match kind {
            Some(kind) if word.ends_with('.') && fields.next().is_none() => {
                map.insert(word, kind);
            }
            _ => rejected.push(line),
        }
    }
    (map, rejected)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_abbreviation_line_parses() {
        let (map, rejected) = parse_abbreviations(ABBREVIATIONS);
        assert!(rejected.is_empty(), "unreadable lines: {rejected:?}");
        assert!(map.len() > 100);
    }

    #[test]
    fn kinds_come_from_the_data_file() {
        assert_eq!(abbreviation("Maj."), Some(AbbreviationKind::Never));
        assert_eq!(abbreviation("U.S."), Some(AbbreviationKind::MayEnd));
        assert_eq!(abbreviation("No."), Some(AbbreviationKind::BeforeNumber));
        assert_eq!(abbreviation("no."), None);
        assert_eq!(abbreviation("Gen"), None);
    }

    #[test]
    fn malformed_lines_are_reported() {
        let (map, rejected) = parse_abbreviations("Gen.\nfoo may-end\nBar. sometimes\n# only\n");
        assert_eq!(map.len(), 1);
        assert_eq!(rejected, ["foo may-end", "Bar. sometimes"]);
    }

    #[test]
    fn word_lists_load() {
        assert!(is_sentence_starter("The") && !is_sentence_starter("Army"));
        assert!(is_attribution_verb("asked") && !is_attribution_verb("Asked"));
    }
}
