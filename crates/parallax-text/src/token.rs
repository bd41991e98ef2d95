//! Tokens of one sentence.

use std::ops::Range;

use crate::chars::{
    char_at, char_before, is_close_bracket, is_combining, is_hyphen, is_punct, is_word_char,
    starts_word,
};
use crate::lexicon::{abbreviation, is_dotted_initialism};
use crate::quotes::{quote_mark, MarkCursor, Role};
use crate::segment::{Token, TokenKind};

/// Append the tokens of `text[range]` to `out`.
///
/// `marks` holds the paragraph's quote marks with their roles; sentences
/// must be tokenised in text order.
pub(crate) fn tokenise_sentence(
    text: &str,
    range: Range<usize>,
    marks: &mut MarkCursor<'_>,
    out: &mut Vec<Token>,
) {
    let limit = range.end;
    let mut pos = range.start;
    while let Some(c) = char_at(text, pos).filter(|_| pos < limit) {
        let len = c.len_utf8();
        if c.is_whitespace() {
            pos += len;
            continue;
        }
        let (end, kind) = match quote_mark(c).map(|_| marks.at(pos).map(|m| m.role)) {
            Some(Some(Role::Apostrophe))
                if char_at(text, pos + len)
                    .is_some_and(|n| pos + len < limit && is_word_char(n)) =>
            {
                word(text, pos, limit, marks)
            }
            Some(Some(Role::Unit)) => (pos + len, TokenKind::Symbol),
            Some(_) => (pos + len, TokenKind::Quote),
            None if starts_word(c) => word(text, pos, limit, marks),
            None if c == '.' => (run_of(text, pos, limit, |d| d == '.'), TokenKind::Punct),
            None if is_punct(c) => (pos + len, TokenKind::Punct),
            // Accents and variation selectors stay with their symbol.
            None => (
                run_of(text, pos + len, limit, is_combining),
                TokenKind::Symbol,
            ),
        };
        out.push(Token {
            range: pos..end,
            kind,
        });
        pos = end;
    }
}

/// End of the run of characters matching `keep` starting at `pos`.
fn run_of(text: &str, mut pos: usize, limit: usize, keep: impl Fn(char) -> bool) -> usize {
    while let Some(c) = char_at(text, pos).filter(|&c| pos < limit && keep(c)) {
        pos += c.len_utf8();
    }
    pos
}

/// Scan the word or number starting at `start`, whose first character is a
/// word character or a leading apostrophe.
fn word(text: &str, start: usize, limit: usize, marks: &mut MarkCursor<'_>) -> (usize, TokenKind) {
    let bytes = text.as_bytes();
    let first = char_at(text, start);
    let mut end = start + first.map_or(1, char::len_utf8);
    let mut letters = first.is_some_and(char::is_alphabetic);
    let mut digits = first.is_some_and(char::is_numeric);
    while end < limit {
        // Plain ASCII letters and digits are most of the text: no decoding.
        if let Some(&b) = bytes.get(end).filter(|b| b.is_ascii_alphanumeric()) {
            letters |= b.is_ascii_alphabetic();
            digits |= b.is_ascii_digit();
            end += 1;
            continue;
        }
        let Some(c) = char_at(text, end) else { break };
        let after = end + c.len_utf8();
        if is_word_char(c) {
            letters |= c.is_alphabetic();
            digits |= c.is_numeric();
            end = after;
            continue;
        }
        let prev = char_before(text, end);
        let next = char_at(text, after).filter(|_| after < limit);
        let digits_around =
            prev.is_some_and(char::is_numeric) && next.is_some_and(char::is_numeric);
        let joins = match c {
            // "24-hour" and "F-16" are words; "2015-16" is two numbers.
            c if is_hyphen(c) => next.is_some_and(is_word_char) && !digits_around,
            '.' => {
                prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric)
            }
            ',' | ':' => !letters && digits_around,
            '&' => prev.is_some_and(char::is_alphabetic) && next.is_some_and(char::is_alphabetic),
            c if quote_mark(c).is_some() => {
                marks.at(end).is_some_and(|m| m.role == Role::Apostrophe)
            }
            _ => false,
        };
        if !joins {
            break;
        }
        end = after;
    }
    if keeps_final_dot(text, start, end, limit) {
        end += 1;
    }
    let kind = if digits && !letters {
        TokenKind::Number
    } else {
        TokenKind::Word
    };
    (end, kind)
}

/// Whether the full stop right after `text[start..end]` belongs to the
/// word: a listed abbreviation, a dotted initialism, or an initial that does
/// not end its sentence (`limit` is the sentence's end).
fn keeps_final_dot(text: &str, start: usize, end: usize, limit: usize) -> bool {
    if end >= limit || char_at(text, end) != Some('.') || char_at(text, end + 1) == Some('.') {
        return false;
    }
    let (Some(word), Some(with_dot)) = (text.get(start..end), text.get(start..end + 1)) else {
        return false;
    };
    if abbreviation(with_dot).is_some() || is_dotted_initialism(word) {
        return true;
    }
    let mut chars = word.chars();
    let initial = chars.next().is_some_and(char::is_uppercase) && chars.next().is_none();
    // Only closing marks after the dot: it is the sentence's full stop.
    let ends_sentence = text.get(end + 1..limit).is_some_and(|rest| {
        rest.chars()
            .all(|c| quote_mark(c).is_some() || is_close_bracket(c))
    });
    initial && !ends_sentence
}
