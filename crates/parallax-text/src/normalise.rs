//! Whitespace and invisible-character clean-up that keeps every visible
//! character, with an optional map back to the raw offsets.

use std::ops::Range;

/// What normalisation does with one character.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Action {
    Keep,
    Space,
    Newline,
    Drop,
}

fn action(c: char, next: Option<char>) -> Action {
    match c {
        ' '..='~' | '\n' => Action::Keep,
        '\t' | '\u{0B}' | '\u{0C}' => Action::Space,
        // A lone CR is an old Mac line break; before LF it is redundant.
        '\r' if next == Some('\n') => Action::Drop,
        '\r' => Action::Newline,
        '\u{A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => {
            Action::Space
        }
        '\u{2028}' | '\u{2029}' => Action::Newline,
        // Soft hyphen, zero-width characters, direction marks and
        // embeddings, word joiner and invisible operators, BOM, and
        // interlinear annotation controls.
        '\u{AD}'
        | '\u{061C}'
        | '\u{180E}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{206F}'
        | '\u{FEFF}'
        | '\u{FFF9}'..='\u{FFFB}' => Action::Drop,
        c if c.is_control() => Action::Drop,
        _ => Action::Keep,
    }
}

/// Clean up whitespace and invisible characters; keep every visible character.
///
/// Odd spaces and tabs become one plain space each (runs are not collapsed,
/// so a reader's column counts survive); `\r\n` becomes `\n`, and a lone
/// `\r`, U+2028 and U+2029 become `\n` so lines keep their breaks; soft
/// hyphens, zero-width and direction-control characters, the BOM and other
/// control characters are dropped. Quote marks and everything else visible
/// stay exactly as written. Idempotent.
pub fn normalise(raw: &str) -> String {
    normalise_impl(raw, None, None)
}

/// A stretch of normalised text copied unchanged from the raw text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verbatim {
    /// Byte offset in the normalised text.
    pub normalised: usize,
    /// Character offset in the normalised text.
    pub normalised_char: usize,
    /// Character offset in the raw text.
    pub raw_char: usize,
    /// Length in bytes (the same in both texts).
    pub len: usize,
}

/// [`normalise`], also returning the stretches of the result that stand
/// in `raw` exactly as written, in order. A character that normalisation
/// replaced (an odd space, a lone CR) belongs to none of them, and a
/// dropped one separates two of them.
pub fn normalise_verbatim(raw: &str) -> (String, Vec<Verbatim>) {
    let mut runs = Vec::new();
    let text = normalise_impl(raw, None, Some(&mut runs));
    (text, runs)
}

/// [`normalise`], also returning a map from offsets in the result back to
/// offsets in `raw`.
pub fn normalise_with_map(raw: &str) -> (String, OffsetMap) {
    let mut anchors = Vec::new();
    let text = normalise_impl(raw, Some(&mut anchors), None);
    let map = OffsetMap {
        anchors,
        normalised_len: text.len(),
    };
    (text, map)
}

fn normalise_impl(
    raw: &str,
    mut anchors: Option<&mut Vec<Anchor>>,
    mut runs: Option<&mut Vec<Verbatim>>,
) -> String {
    let mut out = String::with_capacity(raw.len());
    // Start of the run of unchanged characters not yet copied, in bytes and
    // characters of `raw`, and the characters written to `out` so far.
    let mut run_start = 0;
    let mut run_start_char = 0;
    let mut out_chars = 0;
    let mut chars = raw.char_indices().enumerate().peekable();
    while let Some((ci, (i, c))) = chars.next() {
        let act = action(c, chars.peek().map(|&(_, (_, n))| n));
        if act == Action::Keep {
            continue;
        }
        let kept = raw.get(run_start..i).unwrap_or("");
        push_verbatim(runs.as_deref_mut(), &out, out_chars, run_start_char, kept);
        out.push_str(kept);
        out_chars += ci - run_start_char;
        match act {
            Action::Space => out.push(' '),
            Action::Newline => out.push('\n'),
            Action::Drop | Action::Keep => {}
        }
        if matches!(act, Action::Space | Action::Newline) {
            out_chars += 1;
        }
        let raw_after = i + c.len_utf8();
        run_start = raw_after;
        run_start_char = ci + 1;
        if let Some(anchors) = anchors.as_deref_mut() {
            record_anchor(anchors, out.len(), i, act, raw_after);
        }
    }
    let kept = raw.get(run_start..).unwrap_or("");
    push_verbatim(runs, &out, out_chars, run_start_char, kept);
    out.push_str(kept);
    out
}

/// Note that `kept`, copied unchanged from `raw` at character
/// `raw_char`, is about to be appended to `out` (`out_chars` characters
/// long so far).
fn push_verbatim(
    runs: Option<&mut Vec<Verbatim>>,
    out: &str,
    out_chars: usize,
    raw_char: usize,
    kept: &str,
) {
    if let Some(runs) = runs.filter(|_| !kept.is_empty()) {
        runs.push(Verbatim {
            normalised: out.len(),
            normalised_char: out_chars,
            raw_char,
            len: kept.len(),
        });
    }
}

/// A point where normalised and raw offsets stop moving in step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Anchor {
    normalised: usize,
    /// Raw offset where the last character kept before this point ends.
    raw_before: usize,
    /// Raw offset where the next kept character starts.
    raw_after: usize,
}

fn record_anchor(
    anchors: &mut Vec<Anchor>,
    normalised: usize,
    raw_start: usize,
    act: Action,
    raw_after: usize,
) {
    match anchors.last_mut() {
        // Several changes at one output position (dropped characters in a
        // row) fold into one anchor spanning all of them.
        Some(last) if last.normalised == normalised => last.raw_after = raw_after,
        _ => {
            let raw_before = if act == Action::Drop {
                raw_start
            } else {
                raw_after
            };
            anchors.push(Anchor {
                normalised,
                raw_before,
                raw_after,
            });
        }
    }
}

/// Maps byte offsets in normalised text back to the raw text it came from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    anchors: Vec<Anchor>,
    normalised_len: usize,
}

impl OffsetMap {
    /// Raw offset of the character that starts at `offset` in the normalised
    /// text (past any characters normalisation dropped there). Offsets beyond
    /// the end are treated as the end.
    pub fn to_raw(&self, offset: usize) -> usize {
        self.map(offset, |a| a.raw_after)
    }

    /// Raw offset just after the character that ends at `offset` in the
    /// normalised text (before any characters dropped there).
    pub fn to_raw_end(&self, offset: usize) -> usize {
        self.map(offset, |a| a.raw_before)
    }

    /// Raw range covering exactly the characters of `range`.
    pub fn range_to_raw(&self, range: Range<usize>) -> Range<usize> {
        let start = self.to_raw(range.start);
        start..self.to_raw_end(range.end).max(start)
    }

    fn map(&self, offset: usize, at_anchor: impl Fn(&Anchor) -> usize) -> usize {
        let offset = offset.min(self.normalised_len);
        let after = self.anchors.partition_point(|a| a.normalised <= offset);
        match after.checked_sub(1).and_then(|i| self.anchors.get(i)) {
            Some(a) if a.normalised == offset => at_anchor(a),
            Some(a) => a.raw_after + (offset - a.normalised),
            None => offset,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_become_one_space_each() {
        assert_eq!(
            normalise("a\u{A0}\u{A0}b\tc\u{3000}d\u{202F}e"),
            "a  b c d e"
        );
    }

    #[test]
    fn invisible_characters_go_and_lines_stay() {
        assert_eq!(
            normalise("\u{FEFF}co\u{AD}op\u{200B}\r\nnext\rline\u{2028}end\u{7}"),
            "coop\nnext\nline\nend"
        );
    }

    #[test]
    fn quote_marks_are_untouched() {
        let s = "“a” \"b\" ‘c’ 'd' «e» „f“";
        assert_eq!(normalise(s), s);
    }

    #[test]
    fn verbatim_runs_hold_exactly_what_the_raw_text_holds() {
        let raw = "\u{FEFF}Ré\u{A0}sumé\u{200B}\u{200B}x\r\ny\rz“q”";
        let (text, runs) = normalise_verbatim(raw);
        assert_eq!(text, normalise(raw));
        let raw_chars: Vec<char> = raw.chars().collect();
        let mut covered = 0;
        for r in &runs {
            let piece = &text[r.normalised..r.normalised + r.len];
            assert_eq!(text[..r.normalised].chars().count(), r.normalised_char);
            let n = piece.chars().count();
            let from_raw: String = raw_chars[r.raw_char..r.raw_char + n].iter().collect();
            assert_eq!(piece, from_raw);
            covered += n;
        }
        // Everything but the replaced NBSP, the CR before LF (dropped) and
        // the lone CR (replaced) is covered.
        assert_eq!(covered, text.chars().count() - 2);
        assert_eq!(runs.len(), 5, "{runs:?}");
    }

    #[test]
    fn map_points_back_to_raw_characters() {
        let raw = "a\u{A0}b\u{200B}\u{200B}c\r\nd";
        let (text, map) = normalise_with_map(raw);
        assert_eq!(text, "a bc\nd");
        for (i, c) in text.char_indices() {
            let r = map.to_raw(i);
            let raw_char = raw.get(r..).and_then(|s| s.chars().next());
            let expected = if c == ' ' { Some('\u{A0}') } else { Some(c) };
            assert_eq!(raw_char, expected, "offset {i}");
        }
        // "bc" ends before the CR and starts at b, past nothing dropped.
        assert_eq!(raw.get(map.range_to_raw(2..4)), Some("b\u{200B}\u{200B}c"));
        assert_eq!(raw.get(map.range_to_raw(0..3)), Some("a\u{A0}b"));
        assert_eq!(map.to_raw_end(4), raw.find('\r').unwrap_or(0));
        assert_eq!(map.to_raw(99), raw.len());
    }
}
