//! Character classes shared by the quote scanner, the sentence splitter and
//! the tokeniser. Kept as plain `match`es so the hot loops stay branch-cheap
//! and need no Unicode tables beyond what `char` already offers.

/// The character starting at byte `i`, if `i` is a char boundary inside `s`.
pub(crate) fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..)?.chars().next()
}

/// The character ending at byte `i`, if `i` is a char boundary inside `s`.
pub(crate) fn char_before(s: &str, i: usize) -> Option<char> {
    s.get(..i)?.chars().next_back()
}

/// Characters that can end a sentence.
pub(crate) fn is_terminator(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '…' | '‼' | '⁇' | '⁈' | '⁉' | '؟' | '۔' | '।' | '॥'
    ) || is_cjk_terminator(c)
}

/// Full-width terminators: scripts that use them put no space after them.
pub(crate) fn is_cjk_terminator(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '｡')
}

pub(crate) fn is_open_bracket(c: char) -> bool {
    matches!(
        c,
        '(' | '[' | '{' | '⟨' | '（' | '［' | '｛' | '〈' | '《' | '【' | '〔'
    )
}

pub(crate) fn is_close_bracket(c: char) -> bool {
    matches!(
        c,
        ')' | ']' | '}' | '⟩' | '）' | '］' | '｝' | '〉' | '》' | '】' | '〕'
    )
}

/// Hyphens, dashes and the slash: a quote mark after one of these opens.
pub(crate) fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '/')
}

/// Hyphens that may join the parts of a compound word ("al-Assad").
pub(crate) fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Characters that belong inside a word or number.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        c.is_alphanumeric() || is_combining(c)
    }
}

/// Characters that can begin a word: word characters other than combining
/// marks, which have nothing to attach to there.
#[inline]
pub(crate) fn starts_word(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        c.is_alphanumeric()
    }
}

/// Combining marks of the scripts news is written in, so that accents typed
/// as separate code points and Arabic or Devanagari vowel signs stay inside
/// their word.
pub(crate) fn is_combining(c: char) -> bool {
    matches!(
        c,
        '\u{0300}'..='\u{036F}'
            | '\u{0483}'..='\u{0489}'
            | '\u{0591}'..='\u{05BD}'
            | '\u{05BF}'
            | '\u{05C1}'..='\u{05C2}'
            | '\u{05C4}'..='\u{05C5}'
            | '\u{05C7}'
            | '\u{0610}'..='\u{061A}'
            | '\u{064B}'..='\u{065F}'
            | '\u{0670}'
            | '\u{06D6}'..='\u{06DC}'
            | '\u{06DF}'..='\u{06E4}'
            | '\u{06E7}'..='\u{06E8}'
            | '\u{06EA}'..='\u{06ED}'
            | '\u{0900}'..='\u{0903}'
            | '\u{093A}'..='\u{094F}'
            | '\u{0951}'..='\u{0957}'
            | '\u{0962}'..='\u{0963}'
            | '\u{0E31}'
            | '\u{0E34}'..='\u{0E3A}'
            | '\u{0E47}'..='\u{0E4E}'
            | '\u{1AB0}'..='\u{1AFF}'
            | '\u{1DC0}'..='\u{1DFF}'
            | '\u{20D0}'..='\u{20FF}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FE20}'..='\u{FE2F}'
    )
}

/// Punctuation that structures sentences and clauses. Currency, maths,
/// percent, `#`, `@`, `&` and pictographs are symbols, not punctuation.
/// Quote marks are classified separately, before this is asked.
pub(crate) fn is_punct(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | ';' | ':' | '!' | '?' | '-' | '/' | '\\' | '\u{2010}'
            ..='\u{2015}'
                | '…'
                | '‥'
                | '·'
                | '•'
                | '‣'
                | '¡'
                | '¿'
                | '‼'
                | '⁇'
                | '⁈'
                | '⁉'
                | '、'
                | '，'
                | '；'
                | '：'
                | '،'
                | '؛'
                | '؟'
                | '۔'
                | '।'
                | '॥'
    ) || is_cjk_terminator(c)
        || is_open_bracket(c)
        || is_close_bracket(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_helpers_refuse_positions_inside_a_character() {
        let s = "aé";
        assert_eq!(char_at(s, 1), Some('é'));
        assert_eq!(char_at(s, 2), None);
        assert_eq!(char_before(s, 3), Some('é'));
        assert_eq!(char_before(s, 2), None);
        assert_eq!(char_at(s, 9), None);
    }

    #[test]
    fn classes_do_not_overlap_where_it_matters() {
        for c in ['.', '!', '?', '…', '。'] {
            assert!(is_terminator(c) && is_punct(c) && !is_word_char(c));
        }
        for c in ['$', '%', '€', '#', '@', '+'] {
            assert!(!is_punct(c) && !is_word_char(c));
        }
        assert!(is_word_char('\u{0301}') && is_word_char('ж') && is_word_char('7'));
    }
}
