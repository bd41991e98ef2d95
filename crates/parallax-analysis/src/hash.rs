//! Word tables: a fast hash for short keys, tables keyed by folded words,
//! and the loaders of one-fact-a-line data files.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a: lexicon keys are short and compiled in, so a keyed hash buys
/// nothing, and every word of the text is looked up.
#[derive(Default)]
pub struct Fnv(u64);

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

pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;
pub type FastSet<K> = HashSet<K, BuildHasherDefault<Fnv>>;

/// A word list keyed by folded bytes (see [`key`]), so that lookups need no
/// UTF-8 check.
pub type WordMap<V> = FastMap<Box<[u8]>, V>;

/// How a word is compared with the word lists: lower case, with a curly
/// apostrophe read as a straight one ("Russia’s" and "russia's" are one
/// word).
pub fn fold(word: &str) -> String {
    let lower = word.to_lowercase();
    if lower.contains('\u{2019}') {
        lower.replace('\u{2019}', "'")
    } else {
        lower
    }
}

/// The key under which `word` is stored in a [`WordMap`].
pub fn key(word: &str) -> Box<[u8]> {
    fold(word).into_bytes().into_boxed_slice()
}

/// Look `word` up case-insensitively, with a curly apostrophe read as a
/// straight one. Keys must be folded. Allocates only for non-ASCII words.
pub fn lookup<'m, V>(map: &'m WordMap<V>, word: &str) -> Option<&'m V> {
    if word.len() <= 32 && word.is_ascii() {
        let mut buf = [0u8; 32];
        let dst = buf.get_mut(..word.len())?;
        dst.copy_from_slice(word.as_bytes());
        dst.make_ascii_lowercase();
        map.get(&*dst)
    } else if word.len() <= 64 {
        map.get(&key(word))
    } else {
        None
    }
}

/// Non-blank lines of a data file with `#` comments removed, numbered from 1.
pub fn data_lines(src: &'static str) -> impl Iterator<Item = (usize, &'static str)> {
    src.lines().enumerate().filter_map(|(n, line)| {
        let line = line.split('#').next().unwrap_or("").trim_end();
        (!line.trim().is_empty()).then_some((n + 1, line))
    })
}

/// The words of a one-word-a-line list file (lower case; `#` comments).
pub fn word_list(data: &'static str) -> FastSet<&'static str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookup_ignores_case_and_curly_apostrophes() {
        let mut map: WordMap<u8> = WordMap::default();
        map.insert(key("O'clock"), 1);
        map.insert(key("june"), 6);
        assert_eq!(lookup(&map, "JUNE"), Some(&6));
        assert_eq!(lookup(&map, "o\u{2019}clock"), Some(&1));
        assert_eq!(lookup(&map, "July"), None);
    }

    #[test]
    fn data_lines_skip_comments_and_blanks_and_keep_line_numbers() {
        let lines: Vec<(usize, &str)> = data_lines("# head\nsay\n\nadd # note\n").collect();
        assert_eq!(lines, [(2, "say"), (4, "add")]);
        let words = word_list("# list\ntitled\n\nnamed\n");
        assert!(words.contains("titled") && words.contains("named") && words.len() == 2);
    }
}
