//! A small tokenizer for the number and date annotators.
//!
//! It keeps together what those annotators must see whole: "1,200", "3.5",
//! "10:30", "twenty-one", "Su-24M", "64-year-old", "a.m", "Russia's". A
//! hyphen joins two digits only when a letter is on one side, so "8-9" and
//! "2015-09-30" come out as numbers and dashes, which the date patterns read.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Letters, with inner hyphens, apostrophes and dots: "al-Assad", "a.m".
    Word,
    /// ASCII digits with inner thousands commas and decimal dots only.
    Num,
    /// Digits and anything else joined: "Su-24M", "10:30", "10th", "G20".
    Mixed,
    /// Any other single character: punctuation, currency, `%`.
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
    pub end: usize,
    pub kind: Kind,
    pub gap: Gap,
}

impl Tok {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// Whether the token starts with an upper-case letter.
    pub fn capitalised(&self, text: &str) -> bool {
        self.text(text)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    }
}

fn char_at(text: &str, at: usize) -> Option<char> {
    text.get(at..).and_then(|s| s.chars().next())
}

/// Whether three ASCII digits, then no further digit, start at `at`.
fn thousands_group(bytes: &[u8], at: usize) -> bool {
    let digit = |k: usize| bytes.get(k).is_some_and(u8::is_ascii_digit);
    digit(at) && digit(at + 1) && digit(at + 2) && !digit(at + 3)
}

/// Split `text` into tokens, skipping whitespace. Linear in the text.
pub fn tokenize(text: &str) -> Vec<Tok> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut gap = Gap::Line;
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        if b < 0x80 {
            match b {
                b'\n' | b'\r' => {
                    gap = Gap::Line;
                    at += 1;
                }
                b' ' | b'\t' | 0x0b | 0x0c => {
                    if gap == Gap::None {
                        gap = Gap::Space;
                    }
                    at += 1;
                }
                _ if b.is_ascii_alphanumeric() => {
                    let (end, kind) = scan_word(text, at);
                    out.push(Tok {
                        start: at,
                        end,
                        kind,
                        gap,
                    });
                    gap = Gap::None;
                    at = end;
                }
                _ => {
                    out.push(Tok {
                        start: at,
                        end: at + 1,
                        kind: Kind::Punct,
                        gap,
                    });
                    gap = Gap::None;
                    at += 1;
                }
            }
            continue;
        }
        let Some(c) = char_at(text, at) else {
            // Not on a character boundary: cannot happen for a `&str`
            // walked by whole characters, but never loop on it.
            at += 1;
            continue;
        };
        if c.is_alphanumeric() {
            let (end, kind) = scan_word(text, at);
            out.push(Tok {
                start: at,
                end,
                kind,
                gap,
            });
            gap = Gap::None;
            at = end;
        } else if c.is_whitespace() {
            if matches!(c, '\u{2028}' | '\u{2029}' | '\u{85}') {
                gap = Gap::Line;
            } else if gap == Gap::None {
                gap = Gap::Space;
            }
            at += c.len_utf8();
        } else {
            out.push(Tok {
                start: at,
                end: at + c.len_utf8(),
                kind: Kind::Punct,
                gap,
            });
            gap = Gap::None;
            at += c.len_utf8();
        }
    }
    out
}

/// The end of the word or number starting at `start`, and its kind.
fn scan_word(text: &str, start: usize) -> (usize, Kind) {
    let bytes = text.as_bytes();
    let mut at = start;
    let mut prev = ' ';
    let mut digits = false;
    let mut letters = false;
    let mut other = false; // a joiner that is not `,` or `.` between digits
    let mut dots = 0u32;
    // Letters since the last joiner: a dot joins letters only in short
    // dotted forms ("a.m", "U.S"), not in "end.The".
    let mut run = 0usize;
    loop {
        // ASCII letters and digits are nearly every byte of a word.
        match bytes.get(at) {
            Some(b) if b.is_ascii_digit() => {
                digits = true;
                run += 1;
                prev = char::from(*b);
                at += 1;
                continue;
            }
            Some(b) if b.is_ascii_alphabetic() => {
                letters = true;
                run += 1;
                prev = char::from(*b);
                at += 1;
                continue;
            }
            Some(_) => {}
            None => break,
        }
        let Some(c) = char_at(text, at) else {
            break;
        };
        if c.is_alphanumeric() {
            if c.is_ascii_digit() {
                digits = true;
            } else {
                letters = true;
            }
            run += 1;
            prev = c;
            at += c.len_utf8();
            continue;
        }
        let after = at + c.len_utf8();
        let Some(next) = char_at(text, after) else {
            break;
        };
        let joins = match c {
            '-' => next.is_alphanumeric() && (prev.is_alphabetic() || next.is_alphabetic()),
            '\'' | '\u{2019}' => prev.is_alphabetic() && next.is_alphabetic(),
            '.' => {
                (prev.is_ascii_digit() && next.is_ascii_digit())
                    || (prev.is_alphabetic() && next.is_alphabetic() && run <= 2)
            }
            ',' => {
                prev.is_ascii_digit()
                    && !letters
                    && !other
                    && dots == 0
                    && thousands_group(bytes, after)
            }
            ':' => prev.is_ascii_digit() && next.is_ascii_digit(),
            _ => false,
        };
        if !joins {
            break;
        }
        match c {
            '.' if prev.is_ascii_digit() => dots += 1,
            ',' => {}
            _ => other = true,
        }
        run = 0;
        prev = c;
        at = after;
    }
    let kind = if !digits {
        Kind::Word
    } else if letters || other {
        Kind::Mixed
    } else {
        Kind::Num
    };
    (at, kind)
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
        tokenize(text)
            .iter()
            .map(|t| (t.kind, t.text(text)))
            .collect()
    }

    #[test]
    fn numbers_keep_their_separators() {
        use Kind::*;
        assert_eq!(
            show("1,200 and 3.5, then 10:30 or 1,20"),
            [
                (Num, "1,200"),
                (Word, "and"),
                (Num, "3.5"),
                (Punct, ","),
                (Word, "then"),
                (Mixed, "10:30"),
                (Word, "or"),
                (Num, "1"),
                (Punct, ","),
                (Num, "20")
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
    fn short_dotted_forms_join_and_sentences_do_not() {
        let words: Vec<&str> = show("9 a.m. in the U.S. and the end.Then Sept. 30")
            .into_iter()
            .map(|(_, w)| w)
            .collect();
        assert_eq!(
            words,
            [
                "9", "a.m", ".", "in", "the", "U.S", ".", "and", "the", "end", ".", "Then", "Sept",
                ".", "30"
            ]
        );
    }

    #[test]
    fn gaps_mark_spaces_and_lines() {
        let toks = tokenize("45%\nnext  one");
        let gaps: Vec<Gap> = toks.iter().map(|t| t.gap).collect();
        assert_eq!(gaps, [Gap::Line, Gap::None, Gap::Line, Gap::Space]);
    }

    #[test]
    fn a_possessive_is_stripped_with_either_apostrophe() {
        assert_eq!(strip_possessive("Tuesday\u{2019}s"), "Tuesday");
        assert_eq!(strip_possessive("Tuesday's"), "Tuesday");
        assert_eq!(strip_possessive("Tuesday"), "Tuesday");
    }
}
