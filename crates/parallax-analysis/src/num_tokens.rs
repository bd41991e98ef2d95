//! The shared tokens as the number and date annotators read them.
//!
//! Those annotators do not tokenise the text: they read the tokens of the
//! [`Analysed`] document, computed once for both ([`Analysed::num_tokens`]),
//! and look at each only in the way numbers and dates need:
//!
//! - its kind: a word with digits in it ("Su-24M", "10th", "5bn",
//!   "64-year-old") and a number with a colon in it ("10:30") are
//!   [`Kind::Mixed`]; quote marks and symbols ("$", "%") are
//!   [`Kind::Punct`];
//! - what separates it from the token before ([`Gap`]): nothing, spaces,
//!   or a line break;
//! - whether it opens a sentence;
//! - its bare form: a word without the full stop a listed abbreviation
//!   keeps ("Sept." reads as "Sept", "No." as "No"). The patterns compare
//!   bare forms; [`Tok::full_end`] says where the shared token ends.
//!
//! A few shared tokens hold pieces that numbers and dates must see apart,
//! and are read as those pieces: a full stop with no space after it
//! between a word and the next sentence ("afternoon.In", "2008.The",
//! "Sept.11"), a possessive after digits ("2011's": "2011", "'", "s"),
//! and a word-final apostrophe ("Americans'": "Americans", "'"). A full
//! stop stays inside short dotted forms ("U.S", "a.m", "e.g") and between
//! digits ("3.5", "30.09.2015").

use parallax_text::TokenKind;

use crate::Analysed;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Letters, with inner hyphens, apostrophes and dots: "al-Assad", "a.m".
    Word,
    /// ASCII digits with inner thousands commas and decimal dots only.
    Num,
    /// Digits and anything else joined: "Su-24M", "10:30", "10th", "G20".
    Mixed,
    /// Punctuation, quote marks and symbols: `,`, `“`, `$`, `%`.
    Punct,
}

/// What separates a token from the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gap {
    /// Nothing: "45" then "%".
    None,
    /// Spaces or tabs.
    Space,
    /// At least one line break: a new paragraph.
    Line,
}

#[derive(Debug, Clone, Copy)]
pub struct Tok {
    pub start: usize,
    /// The end of the bare form.
    pub end: usize,
    /// The end of the shared token, with a kept abbreviation dot or a
    /// word-final apostrophe.
    pub full_end: usize,
    pub kind: Kind,
    pub gap: Gap,
    /// The first token of a sentence.
    pub opens: bool,
}

impl Tok {
    /// The bare form as written.
    #[inline]
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// Whether the token starts with an upper-case letter.
    #[inline]
    pub fn capitalised(&self, text: &str) -> bool {
        self.text(text)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    }

    /// Whether the shared token keeps a full stop after the bare form
    /// ("Sept.", "No.", "U.S.").
    #[inline]
    pub fn kept_dot(&self, text: &str) -> bool {
        self.full_end > self.end && text.get(self.end..self.full_end) == Some(".")
    }
}

/// What the whitespace `between` two tokens is.
fn gap(between: &str) -> Gap {
    match between.as_bytes() {
        [] => Gap::None,
        [b' '] => Gap::Space,
        _ if between.contains(['\n', '\r', '\u{2028}', '\u{2029}', '\u{85}']) => Gap::Line,
        _ => Gap::Space,
    }
}

/// Whether `c` joins the pieces of a word, so that a run of letters
/// starts again after it.
fn joiner(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\'' | '\u{2019}' | '.')
}

/// Byte offsets inside the word `s` where it falls into pieces (see the
/// module documentation), each the start and end of a one-character
/// piece. Empty, and not allocated, for nearly every word.
fn cuts(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    // 0xE2 leads the UTF-8 of a curly apostrophe.
    if !s.bytes().any(|b| matches!(b, b'.' | b',' | b'\'' | 0xE2)) {
        return out;
    }
    let mut chars = s.char_indices().peekable();
    let mut prev: Option<char> = None;
    let mut run = 0usize;
    while let Some((at, c)) = chars.next() {
        let next = chars.peek().map(|p| p.1);
        let cut = match (c, prev, next) {
            ('.', Some(p), Some(q)) => {
                (p.is_alphabetic() && q.is_ascii_digit())
                    || (p.is_ascii_digit() && q.is_alphabetic())
                    || (p.is_alphabetic() && q.is_alphabetic() && run > 2)
            }
            ('\'' | '\u{2019}', Some(p), Some(q)) => p.is_ascii_digit() && q.is_alphabetic(),
            // A word-final apostrophe: "protesters’".
            ('\'' | '\u{2019}', Some(p), None) => p.is_alphabetic(),
            // A day and a year with no space: "March 29,2019".
            (',', Some(_), Some(_)) => day_comma_year(s, at),
            _ => false,
        };
        if cut {
            out.push((at, at + c.len_utf8()));
        }
        run = if joiner(c) { 0 } else { run + 1 };
        prev = Some(c);
    }
    out
}

/// Whether the comma at `at` in `s` stands between a day and a year,
/// with nothing else in the token: "29,2019".
fn day_comma_year(s: &str, at: usize) -> bool {
    let (day, year) = (s.get(..at).unwrap_or(""), s.get(at + 1..).unwrap_or(""));
    let digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    (1..=2).contains(&day.len()) && year.len() == 4 && digits(day) && digits(year)
}

/// The kind of a piece of a shared token for numbers and dates.
fn piece_kind(shared: TokenKind, s: &str) -> Kind {
    match shared {
        TokenKind::Punct | TokenKind::Quote | TokenKind::Symbol => return Kind::Punct,
        // A whole word, nearly always ASCII letters: no need to decode it.
        TokenKind::Word if s.bytes().all(|b| b.is_ascii_alphabetic()) => return Kind::Word,
        TokenKind::Number if s.bytes().all(|b| b.is_ascii_digit()) => return Kind::Num,
        TokenKind::Word | TokenKind::Number => {}
    }
    if !s.chars().any(char::is_alphanumeric) {
        return Kind::Punct;
    }
    let digits = s.bytes().any(|b| b.is_ascii_digit());
    let letters = s.chars().any(char::is_alphabetic);
    if !digits {
        Kind::Word
    } else if !letters
        && s.bytes()
            .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
    {
        Kind::Num
    } else {
        Kind::Mixed
    }
}

/// Where the bare form of a word piece `s` at `start` ends: before a kept
/// abbreviation dot ("Sept.", "U.S.").
fn bare_end(start: usize, s: &str) -> usize {
    if !s.ends_with('.') {
        return start + s.len();
    }
    let mut rev = s.chars().rev();
    match (rev.next(), rev.next()) {
        (Some('.'), Some(before)) if before.is_alphabetic() => start + s.len() - 1,
        _ => start + s.len(),
    }
}

/// The tokens of `doc`: its shared tokens, a few of them read as pieces.
/// [`Analysed::num_tokens`] keeps them.
pub(crate) fn view(doc: &Analysed<'_>) -> Vec<Tok> {
    let text = doc.text;
    let mut out: Vec<Tok> = Vec::with_capacity(doc.tokens().len() + 16);
    let mut sentences = doc.seg.sentences.iter().map(|s| s.range.start).peekable();
    let mut prev_end: Option<usize> = None;
    let mut push = |out: &mut Vec<Tok>, start: usize, full_end: usize, kind: Kind, opens: bool| {
        let s = text.get(start..full_end).unwrap_or("");
        let end = match kind {
            Kind::Word | Kind::Mixed => bare_end(start, s),
            Kind::Num | Kind::Punct => full_end,
        };
        let gap = match prev_end {
            None => Gap::Line,
            Some(p) => gap(text.get(p..start).unwrap_or(" ")),
        };
        out.push(Tok {
            start,
            end,
            full_end,
            kind,
            gap,
            opens,
        });
        prev_end = Some(full_end);
    };
    for t in doc.tokens() {
        let (start, full_end) = (t.range.start, t.range.end);
        let s = text.get(start..full_end).unwrap_or("");
        while sentences.next_if(|&s| s < start).is_some() {}
        let opens = sentences.next_if(|&s| s == start).is_some();
        let cuts = match t.kind {
            TokenKind::Word | TokenKind::Number => cuts(s),
            _ => Vec::new(),
        };
        if cuts.is_empty() {
            push(&mut out, start, full_end, piece_kind(t.kind, s), opens);
            continue;
        }
        let mut from = start;
        for (a, b) in cuts {
            let (a, b) = (start + a, start + b);
            if a > from {
                let piece = text.get(from..a).unwrap_or("");
                push(
                    &mut out,
                    from,
                    a,
                    piece_kind(t.kind, piece),
                    opens && from == start,
                );
            }
            push(&mut out, a, b, Kind::Punct, false);
            from = b;
        }
        if full_end > from {
            let piece = text.get(from..full_end).unwrap_or("");
            push(&mut out, from, full_end, piece_kind(t.kind, piece), false);
        }
    }
    out
}

/// `word` without a possessive "'s" ("Tuesday's" -> "Tuesday").
pub fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("\u{2019}s"))
        .unwrap_or(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(text: &str) -> Vec<(Kind, &str)> {
        let doc = Analysed::new(text, None);
        view(&doc).iter().map(|t| (t.kind, t.text(text))).collect()
    }

    #[test]
    fn numbers_keep_their_separators() {
        use Kind::*;
        assert_eq!(
            show("1,200 and 3.5, then 10:30 or 45%"),
            [
                (Num, "1,200"),
                (Word, "and"),
                (Num, "3.5"),
                (Punct, ","),
                (Word, "then"),
                (Mixed, "10:30"),
                (Word, "or"),
                (Num, "45"),
                (Punct, "%"),
            ]
        );
    }

    #[test]
    fn hyphens_join_words_but_not_digit_pairs() {
        use Kind::*;
        assert_eq!(
            show("Su-24M 64-year-old twenty-one 8-9 2015-09-30"),
            [
                (Mixed, "Su-24M"),
                (Mixed, "64-year-old"),
                (Word, "twenty-one"),
                (Num, "8"),
                (Punct, "-"),
                (Num, "9"),
                (Num, "2015"),
                (Punct, "-"),
                (Num, "09"),
                (Punct, "-"),
                (Num, "30")
            ]
        );
    }

    #[test]
    fn kept_dots_are_not_part_of_the_bare_form() {
        let text = "At 9 a.m. in the U.S. on Sept. 30 the protesters’ cars left.";
        let doc = Analysed::new(text, None);
        let toks = view(&doc);
        let words: Vec<&str> = toks.iter().map(|t| t.text(text)).collect();
        assert_eq!(
            words,
            [
                "At",
                "9",
                "a.m",
                "in",
                "the",
                "U.S",
                "on",
                "Sept",
                "30",
                "the",
                "protesters",
                "\u{2019}",
                "cars",
                "left",
                "."
            ]
        );
        let sept = toks.get(7).unwrap();
        assert!(sept.kept_dot(text) && text.get(sept.start..sept.full_end) == Some("Sept."));
        assert!(!toks.get(10).unwrap().kept_dot(text));
    }

    #[test]
    fn glued_sentences_and_digit_possessives_fall_into_pieces() {
        use Kind::*;
        assert_eq!(
            show("on Sunday afternoon.In 2008.In 2011's race, Sept.11 and mid-1990's, 3.5 U.S.A 29,2019 12,000"),
            [
                (Word, "on"),
                (Word, "Sunday"),
                (Word, "afternoon"),
                (Punct, "."),
                (Word, "In"),
                (Num, "2008"),
                (Punct, "."),
                (Word, "In"),
                (Num, "2011"),
                (Punct, "'"),
                (Word, "s"),
                (Word, "race"),
                (Punct, ","),
                (Word, "Sept"),
                (Punct, "."),
                (Num, "11"),
                (Word, "and"),
                (Mixed, "mid-1990"),
                (Punct, "'"),
                (Word, "s"),
                (Punct, ","),
                (Num, "3.5"),
                (Word, "U.S.A"),
                (Num, "29"),
                (Punct, ","),
                (Num, "2019"),
                (Num, "12,000"),
            ]
        );
    }

    #[test]
    fn gaps_mark_spaces_and_lines_and_sentences_open() {
        let text = "45%\nnext  one. Two";
        let doc = Analysed::new(text, None);
        let toks = view(&doc);
        let gaps: Vec<Gap> = toks.iter().map(|t| t.gap).collect();
        assert_eq!(
            gaps,
            [
                Gap::Line,
                Gap::None,
                Gap::Line,
                Gap::Space,
                Gap::None,
                Gap::Space
            ]
        );
        let opens: Vec<bool> = toks.iter().map(|t| t.opens).collect();
        assert_eq!(opens, [true, false, true, false, false, true]);
    }

    #[test]
    fn a_possessive_is_stripped_with_either_apostrophe() {
        assert_eq!(strip_possessive("Tuesday\u{2019}s"), "Tuesday");
        assert_eq!(strip_possessive("Tuesday's"), "Tuesday");
        assert_eq!(strip_possessive("Tuesday"), "Tuesday");
    }
}
