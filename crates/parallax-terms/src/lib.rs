//! A document's fingerprint: its content terms with their counts, and the
//! MinHash signature of its word shingles.
//!
//! Story grouping (`parallax-link`) weighs the terms against the corpus;
//! near-duplicate detection compares the signatures, whose agreement
//! estimates the Jaccard similarity of two documents' five-word shingles.
//! Terms are the shared tokens' folded forms, light-stemmed (a plural or
//! possessive ending off), without the function words of
//! `data/stopwords.txt`; numbers are kept as `#` and their digits.
//!
//! This crate must not tokenise the text again (it reads the shared
//! [`Analysed`] document), weigh terms against other documents (that needs
//! the corpus: the link stage's work), or know outlets.

use std::borrow::Cow;
use std::sync::OnceLock;

use parallax_analysis::{data_lines, Analysed, FastMap, FastSet};
use parallax_model::Fingerprint;
use parallax_text::TokenKind;

const STOPWORDS: &str = include_str!("../../../data/stopwords.txt");

/// Hash functions in a signature.
pub const SIGNATURE_LEN: usize = 64;
/// Words in a shingle.
pub const SHINGLE: usize = 5;

fn stopwords() -> &'static FastSet<&'static str> {
    static CELL: OnceLock<FastSet<&'static str>> = OnceLock::new();
    CELL.get_or_init(|| data_lines(STOPWORDS).map(|(_, w)| w.trim()).collect())
}

/// The term of a folded word: its possessive and plural endings off
/// ("ministry's" → "ministry", "strikes" → "strike", "cities" → "city");
/// `None` for a function word or a word under three letters.
pub fn term(folded: &str) -> Option<Cow<'_, str>> {
    let w = folded
        .strip_suffix("'s")
        .or_else(|| folded.strip_suffix("’s"))
        .unwrap_or(folded);
    let w = w.strip_suffix(['\'', '’']).unwrap_or(w);
    if w.len() < 3 || w.chars().nth(2).is_none() || stopwords().contains(w) {
        return None;
    }
    if !w.chars().any(char::is_alphabetic) {
        return None;
    }
    let stem = if let Some(s) = w.strip_suffix("ies").filter(|s| s.len() >= 3) {
        Cow::Owned(format!("{s}y"))
    } else if w.ends_with("ss") || w.ends_with("us") || w.ends_with("is") {
        Cow::Borrowed(w)
    } else if let Some(s) = w.strip_suffix('s').filter(|s| s.len() >= 3) {
        Cow::Borrowed(s)
    } else {
        Cow::Borrowed(w)
    };
    Some(stem)
}

/// 64-bit FNV-1a.
fn fnv(bytes: impl Iterator<Item = u8>, seed: u64) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64 ^ seed;
    for b in bytes {
        h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// A 64-bit mix (splitmix64's finaliser): the `i`-th hash of a shingle.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// The fingerprint of a document.
pub fn fingerprint(doc: &Analysed<'_>) -> Fingerprint {
    let mut index: FastMap<String, usize> = FastMap::default();
    let mut terms: Vec<(String, u32)> = Vec::new();
    let mut words: Vec<u64> = Vec::new();
    for (i, t) in doc.tokens().iter().enumerate() {
        let folded = doc.folded(i);
        let key = match t.kind {
            TokenKind::Word => {
                words.push(fnv(folded.bytes(), 0));
                term(folded)
            }
            TokenKind::Number => {
                words.push(fnv(folded.bytes(), 0));
                (folded.len() >= 2).then(|| Cow::Owned(format!("#{}", folded.replace(',', ""))))
            }
            _ => None,
        };
        if let Some(k) = key {
            match index.get(k.as_ref()) {
                Some(&at) => terms[at].1 += 1,
                None => {
                    let k = k.into_owned();
                    index.insert(k.clone(), terms.len());
                    terms.push((k, 1));
                }
            }
        }
    }
    Fingerprint {
        terms,
        minhash: signature(&words),
    }
}

/// The MinHash signature of the shingles of `words` (word hashes), by one
/// permutation: each shingle's hash falls in one of [`SIGNATURE_LEN`] bins
/// (its top six bits) and a bin keeps the least value it saw (the low 32
/// bits); a bin no shingle fell in holds `u32::MAX`. A text shorter than a
/// shingle is one shingle. Empty for no words.
pub fn signature(words: &[u64]) -> Vec<u32> {
    if words.is_empty() {
        return Vec::new();
    }
    let mut mins = vec![u32::MAX; SIGNATURE_LEN];
    let n = words.len().saturating_sub(SHINGLE - 1).max(1);
    for s in 0..n {
        let end = (s + SHINGLE).min(words.len());
        let h = mix(words[s..end]
            .iter()
            .fold(0x9e37_79b9_7f4a_7c15u64, |acc, w| acc.rotate_left(13) ^ w));
        let bin = (h >> 58) as usize % SIGNATURE_LEN;
        let v = (h as u32).min(u32::MAX - 1);
        if v < mins[bin] {
            mins[bin] = v;
        }
    }
    mins
}

/// The share of bins where two signatures agree, among the bins that
/// either fills: an estimate of the Jaccard similarity of the two
/// documents' shingle sets. 0 when either is empty.
pub fn similarity(a: &[u32], b: &[u32]) -> f32 {
    if a.is_empty() || a.len() != b.len() {
        return 0.0;
    }
    let mut filled = 0;
    let mut same = 0;
    for (x, y) in a.iter().zip(b) {
        if *x == u32::MAX && *y == u32::MAX {
            continue;
        }
        filled += 1;
        same += usize::from(x == y);
    }
    if filled == 0 {
        0.0
    } else {
        same as f32 / filled as f32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fp(text: &str) -> Fingerprint {
        fingerprint(&Analysed::new(text, None))
    }

    #[test]
    fn terms_are_stemmed_content_words_and_numbers() {
        let f = fp("The ministry's spokesmen denied the strikes on two cities; 446 people died, the Ministry said.");
        let terms: Vec<(&str, u32)> = f.terms.iter().map(|(t, n)| (t.as_str(), *n)).collect();
        assert_eq!(
            terms,
            vec![
                ("ministry", 2),
                ("spokesmen", 1),
                ("denied", 1),
                ("strike", 1),
                ("city", 1),
                ("#446", 1),
                ("people", 1),
                ("died", 1),
            ]
        );
    }

    #[test]
    fn copies_agree_and_different_texts_do_not() {
        let a = "Ferries resumed on Friday after a week of storms, the harbour office said in a statement on its website.";
        let b = "Ferries resumed on Friday after a week of storms, the harbour office said in a statement on its web page.";
        let c = "The central bank raised its main interest rate by half a point, its largest rise since the spring.";
        let (fa, fb, fc) = (fp(a), fp(b), fp(c));
        assert_eq!(fa.minhash.len(), SIGNATURE_LEN);
        assert_eq!(similarity(&fa.minhash, &fa.minhash), 1.0);
        let near = similarity(&fa.minhash, &fb.minhash);
        let far = similarity(&fa.minhash, &fc.minhash);
        assert!(near > 0.5, "{near}");
        assert!(far < 0.2, "{far}");
    }

    #[test]
    fn an_empty_text_has_no_terms_and_no_signature() {
        let f = fp("");
        assert!(f.terms.is_empty() && f.minhash.is_empty());
        assert_eq!(similarity(&f.minhash, &fp("Words here.").minhash), 0.0);
    }
}
