//! One document as the annotators see it: its text, its segmentation and
//! what the shared word lists say about each token, computed once.

use std::ops::Range;
use std::sync::OnceLock;

use chrono::NaiveDate;
use parallax_text::{Segmentation, Token, TokenKind};

use crate::language::{self, Language};
use crate::lexicon::{lexicon, Verb};
use crate::num_tokens::{self, Tok};

/// A clean text, segmented, with every token's folded form and lexicon
/// facts. Built once per document; every annotator borrows it.
#[derive(Debug, Clone)]
pub struct Analysed<'a> {
    /// The clean text every offset points into (byte offsets).
    pub text: &'a str,
    /// Paragraphs, sentences and tokens of `text`.
    pub seg: Segmentation,
    /// The publication date, which resolves relative dates.
    pub published: Option<NaiveDate>,
    /// The language the text is written in, where the detector names one.
    pub language: Option<Language>,
    /// Folded forms of all tokens, one after another.
    folded: String,
    /// Where each token's folded form ends in `folded`; it starts where the
    /// previous one ends.
    folded_ends: Vec<u32>,
    /// Each token as a reporting verb, when it is one.
    verbs: Vec<Option<Verb>>,
    /// Whether each token is, most of the time, a finite verb.
    finite: Vec<bool>,
    /// The tokens as numbers and dates read them, made when first asked.
    num_tokens: OnceLock<Vec<Tok>>,
}

/// Append the folded form of `s` (see [`crate::fold`]) to `out`.
fn push_folded(out: &mut String, s: &str) {
    if s.is_ascii() {
        let from = out.len();
        out.push_str(s);
        // Lower-casing ASCII letters keeps the string valid UTF-8.
        if let Some(tail) = out.get_mut(from..) {
            tail.make_ascii_lowercase();
        }
    } else {
        out.push_str(&crate::fold(s));
    }
}

impl<'a> Analysed<'a> {
    /// Segment `text` and look its words up.
    pub fn new(text: &'a str, published: Option<NaiveDate>) -> Analysed<'a> {
        Analysed::with_segmentation(text, parallax_text::segment(text), published)
    }

    /// [`Analysed::new`] for a text already segmented (`seg` must be
    /// `parallax_text::segment(text)`).
    pub fn with_segmentation(
        text: &'a str,
        seg: Segmentation,
        published: Option<NaiveDate>,
    ) -> Analysed<'a> {
        let n = seg.tokens.len();
        let mut folded = String::with_capacity(text.len());
        let mut folded_ends = Vec::with_capacity(n);
        let mut verbs = Vec::with_capacity(n);
        let mut finite = Vec::with_capacity(n);
        for t in &seg.tokens {
            let s = text.get(t.range.clone()).unwrap_or_default();
            let from = folded.len();
            push_folded(&mut folded, s);
            // Offsets are stored in 32 bits: a document over 4 GiB is cut
            // off long before this point, but never wrap around.
            folded_ends.push(u32::try_from(folded.len()).unwrap_or(u32::MAX));
            let (verb, is_finite) = match folded.get(from..) {
                Some(f) if t.kind == TokenKind::Word => {
                    (lexicon().verb(f), lexicon().is_finite_verb(f))
                }
                _ => (None, false),
            };
            verbs.push(verb);
            finite.push(is_finite);
        }
        let language = language::detect(text, &seg.paragraphs);
        Analysed {
            text,
            seg,
            published,
            language,
            folded,
            folded_ends,
            verbs,
            finite,
            num_tokens: OnceLock::new(),
        }
    }

    /// The tokens as the number and date annotators read them (see
    /// [`crate::num_tokens`]): made once, when first asked for.
    pub fn num_tokens(&self) -> &[Tok] {
        self.num_tokens.get_or_init(|| num_tokens::view(self))
    }

    /// All tokens, in text order.
    pub fn tokens(&self) -> &[Token] {
        &self.seg.tokens
    }

    /// The indices of the tokens lying inside `range` (a sentence's or a
    /// paragraph's byte range).
    pub fn token_range(&self, range: Range<usize>) -> Range<usize> {
        let tokens = &self.seg.tokens;
        let from = tokens.partition_point(|t| t.range.start < range.start);
        let to = tokens.partition_point(|t| t.range.end <= range.end);
        from..to.max(from)
    }

    /// Token `i` as written.
    pub fn token_text(&self, i: usize) -> &'a str {
        self.seg
            .tokens
            .get(i)
            .and_then(|t| self.text.get(t.range.clone()))
            .unwrap_or_default()
    }

    /// Token `i` folded: lower case, a curly apostrophe read as a straight
    /// one. Empty for an index past the end.
    pub fn folded(&self, i: usize) -> &str {
        let end = self.folded_ends.get(i).copied().unwrap_or(0) as usize;
        let start = match i.checked_sub(1) {
            Some(p) => self.folded_ends.get(p).copied().unwrap_or(0) as usize,
            None => 0,
        };
        self.folded.get(start..end).unwrap_or_default()
    }

    /// Whether token `i` is, most of the time, a finite verb
    /// (`data/finite_verbs.txt`).
    pub fn is_finite_verb(&self, i: usize) -> bool {
        self.finite.get(i).copied().unwrap_or(false)
    }

    /// Token `i` as a reporting verb of `data/reporting_verbs.tsv`.
    pub fn verb(&self, i: usize) -> Option<Verb> {
        self.verbs.get(i).copied().flatten()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_folded_and_looked_up_once() {
        let text = "Konashenkov SAID Russia’s jets had İdlib";
        let doc = Analysed::new(text, None);
        let folded: Vec<&str> = (0..doc.tokens().len()).map(|i| doc.folded(i)).collect();
        assert_eq!(
            folded,
            [
                "konashenkov",
                "said",
                "russia's",
                "jets",
                "had",
                "i\u{307}dlib"
            ]
        );
        assert_eq!(doc.verb(1).map(|v| v.lemma), Some("say"));
        assert_eq!(doc.verb(0), None);
        assert_eq!(doc.token_text(2), "Russia’s");
        assert_eq!(doc.folded(99), "");
    }

    #[test]
    fn token_ranges_follow_sentences() {
        let text = "Ada spoke. Ivo said so.";
        let doc = Analysed::new(text, None);
        let second = doc.seg.sentences[1].range.clone();
        let r = doc.token_range(second);
        let words: Vec<&str> = r.map(|i| doc.token_text(i)).collect();
        assert_eq!(words, ["Ivo", "said", "so", "."]);
    }
}
