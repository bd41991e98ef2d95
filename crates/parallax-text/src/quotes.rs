//! Quote marks: what each mark is, whether a `'` or `’` is an apostrophe, and
//! which marks pair up inside one paragraph.
//!
//! The text keeps whatever marks were written; later stages ask
//! [`quote_mark`] so that curly, straight, low and angled marks all read the
//! same way.

use std::ops::Range;

use crate::chars::{char_at, char_before, is_close_bracket, is_dash, is_open_bracket};

/// Which side of a quotation a mark belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuoteSide {
    Opening,
    Closing,
    /// Straight marks and primes: the same character opens and closes.
    Either,
}

/// A quote mark, reduced to what pairing needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct QuoteMark {
    /// Double marks (`"` `“` `«` `「`) rather than single ones (`'` `‘` `‹` `『`).
    pub double: bool,
    pub side: QuoteSide,
}

/// Classify a quote character, or `None` if `c` is not one.
///
/// The side is the usual English reading; German „…“ and Swedish ”…” use
/// marks on the "wrong" side, which [`quotations`] settles from context.
/// Japanese and Chinese corner brackets count as double (「」) and single
/// (『』) because that is how the two levels nest there.
pub fn quote_mark(c: char) -> Option<QuoteMark> {
    use QuoteSide::{Closing, Either, Opening};
    let (double, side) = match c {
        '"' | '\u{FF02}' | '\u{2033}' => (true, Either),
        '\'' | '\u{FF07}' | '\u{2032}' => (false, Either),
        '“' | '„' | '‟' | '«' | '\u{2036}' | '〝' | '「' | '❝' => (true, Opening),
        '”' | '»' | '〞' | '〟' | '」' | '❞' => (true, Closing),
        '‘' | '‚' | '‛' | '‹' | '\u{2035}' | '『' | '❛' => (false, Opening),
        '’' | '›' | '』' | '❜' => (false, Closing),
        _ => return None,
    };
    Some(QuoteMark { double, side })
}

/// Marks that double as apostrophes in running text.
fn can_be_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | '‛')
}

/// Whether the character at byte `at` of `text` is an apostrophe rather than
/// a quote mark, judged from its neighbours alone.
///
/// True between a letter or digit and a letter (`Russia’s`, `don't`,
/// `O’Brien`, `1990’s`) and before a two-digit decade (`’90s`); `ʼ` (U+02BC)
/// is always one. A mark at the end of a word (`protesters’`) is left
/// `false` here because only pairing can tell it from a closing mark;
/// [`segment`](crate::segment) and [`quotations`] settle that case.
pub fn is_apostrophe(text: &str, at: usize) -> bool {
    match char_at(text, at) {
        Some('ʼ') => true,
        Some(c) if can_be_apostrophe(c) => {
            let prev = char_before(text, at);
            let rest = text.get(at + c.len_utf8()..).unwrap_or("");
            inside_word(prev, rest) || before_decade(prev, rest)
        }
        _ => false,
    }
}

fn inside_word(prev: Option<char>, rest: &str) -> bool {
    prev.is_some_and(char::is_alphanumeric) && rest.chars().next().is_some_and(char::is_alphabetic)
}

fn before_decade(prev: Option<char>, rest: &str) -> bool {
    !prev.is_some_and(char::is_alphanumeric)
        && matches!(rest.as_bytes(), [d1, d2, b's', ..] if d1.is_ascii_digit() && d2.is_ascii_digit())
}

/// One quotation found in a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quotation {
    /// Byte range of the opening mark.
    pub open: Range<usize>,
    /// Byte range of the closing mark; `None` when the paragraph never
    /// closes it (a quote running on into the next paragraph, or a stray
    /// mark).
    pub close: Option<Range<usize>>,
    pub double: bool,
}

/// Pair the quote marks of `text[within]`, which should be one paragraph.
///
/// Every opening mark yields one [`Quotation`], in text order. Apostrophes
/// and primes used as feet and inches are skipped. An opener left without
/// its closer does not pull in anything after it: it simply reports no
/// closing mark. Returns nothing if `within` is not a range of char
/// boundaries in `text`.
pub fn quotations(text: &str, within: Range<usize>) -> Vec<Quotation> {
    let mut scan = QuoteScan::default();
    scan.run(text, within);
    scan.marks
        .iter()
        .filter(|m| m.role == Role::Open)
        .map(|m| Quotation {
            open: m.start..m.end,
            close: m
                .partner
                .and_then(|p| scan.marks.get(p))
                .map(|c| c.start..c.end),
            double: m.double,
        })
        .collect()
}

/// What a quote character turned out to be in its paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    Open,
    Close,
    /// A quote mark that pairs with nothing.
    Stray,
    /// Part of a word: `Russia’s`, `protesters’`, `’90s`.
    Apostrophe,
    /// A prime after a digit: feet, inches, minutes.
    Unit,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Mark {
    pub start: usize,
    pub end: usize,
    pub double: bool,
    pub role: Role,
    /// Index of the paired mark in [`QuoteScan::marks`].
    pub partner: Option<usize>,
}

/// Looks up marks by position for a caller that walks the paragraph
/// forwards, so that lookups cost nothing beyond the walk itself.
pub(crate) struct MarkCursor<'a> {
    marks: &'a [Mark],
    next: usize,
}

impl<'a> MarkCursor<'a> {
    pub fn new(marks: &'a [Mark]) -> Self {
        MarkCursor { marks, next: 0 }
    }

    /// The mark starting at `pos`. Positions asked for must not decrease.
    pub fn at(&mut self, pos: usize) -> Option<&'a Mark> {
        while self.marks.get(self.next).is_some_and(|m| m.start < pos) {
            self.next += 1;
        }
        self.marks.get(self.next).filter(|m| m.start == pos)
    }
}

/// Quote marks of one paragraph with their roles, reusable across
/// paragraphs to avoid allocating per paragraph.
#[derive(Debug, Default)]
pub(crate) struct QuoteScan {
    /// Every quote character of the paragraph, in text order.
    pub marks: Vec<Mark>,
    /// Outermost closed quotations, from the opening mark's start to the
    /// closing mark's end, in text order and disjoint.
    pub regions: Vec<Range<usize>>,
    open_stack: Vec<usize>,
}

impl QuoteScan {
    pub fn run(&mut self, text: &str, within: Range<usize>) {
        self.marks.clear();
        self.regions.clear();
        self.open_stack.clear();
        let Some(para) = text.get(within.clone()) else {
            return;
        };
        let base = within.start;
        let mut open_counts = [0usize; 2];
        // End of the last opening mark, to tell "“‘" (a quote opening inside
        // another) from a mark after a word.
        let mut last_open_end = None;
        let bytes = para.as_bytes();
        let mut i = 0;
        while i < para.len() {
            // Only `"`, `'` and multi-byte characters can be quote marks.
            let window = bytes.get(i..).unwrap_or(&[]);
            let Some(skip) = window
                .iter()
                .position(|&b| b == b'"' || b == b'\'' || b >= 0xC0)
            else {
                break;
            };
            i += skip;
            let Some(c) = char_at(para, i) else {
                i += 1;
                continue;
            };
            let Some(mut q) = quote_mark(c) else {
                i += c.len_utf8();
                continue;
            };
            // Two apostrophes written for a double mark (''so'', common in
            // some newspapers' archives): one double mark two bytes wide.
            let doubled = c == '\'' && bytes.get(i + 1) == Some(&b'\'');
            let width = if doubled { 2 } else { c.len_utf8() };
            let c = if doubled {
                q = QuoteMark {
                    double: true,
                    side: QuoteSide::Either,
                };
                '"'
            } else {
                c
            };
            let prev = char_before(para, i);
            let prev_opened = last_open_end == Some(i);
            let rest = para.get(i + width..).unwrap_or("");
            let family = usize::from(q.double);
            let role = decide_role(c, q, prev, prev_opened, rest, open_counts[family] > 0);
            let index = self.marks.len();
            let mut partner = None;
            match role {
                Role::Open => {
                    self.open_stack.push(index);
                    open_counts[family] += 1;
                }
                Role::Close => {
                    // Openers above the match were never closed: drop them.
                    while let Some(top) = self.open_stack.pop() {
                        let Some(opener) = self.marks.get_mut(top) else {
                            continue;
                        };
                        let opener_family = usize::from(opener.double);
                        open_counts[opener_family] = open_counts[opener_family].saturating_sub(1);
                        if opener_family == family {
                            opener.partner = Some(index);
                            partner = Some(top);
                            let region = opener.start..base + i + width;
                            // Regions close in text order, so any earlier
                            // region starting after this opener lies inside it.
                            while self.regions.last().is_some_and(|r| r.start > region.start) {
                                self.regions.pop();
                            }
                            self.regions.push(region);
                            break;
                        }
                    }
                }
                Role::Stray | Role::Apostrophe | Role::Unit => {}
            }
            self.marks.push(Mark {
                start: base + i,
                end: base + i + width,
                double: q.double,
                role,
                partner,
            });
            if doubled {
                // The second apostrophe is a mark of its own for the
                // tokeniser and the sentence splitter, pairing with nothing.
                self.marks.push(Mark {
                    start: base + i + 1,
                    end: base + i + 2,
                    double: true,
                    role: Role::Stray,
                    partner: None,
                });
            }
            i += width;
            if role == Role::Open {
                last_open_end = Some(i);
            }
        }
    }
}

/// Decide what one quote character does, from its neighbours and from
/// whether a mark of its family is waiting to be closed.
fn decide_role(
    c: char,
    q: QuoteMark,
    prev: Option<char>,
    prev_opened: bool,
    rest: &str,
    family_open: bool,
) -> Role {
    let next = rest.chars().next();
    let prev_alnum = prev.is_some_and(char::is_alphanumeric);
    if matches!(c, '′' | '″') && prev.is_some_and(|p| p.is_ascii_digit()) {
        return Role::Unit;
    }
    if can_be_apostrophe(c) {
        if inside_word(prev, rest) || before_decade(prev, rest) {
            return Role::Apostrophe;
        }
        // `protesters’ demands` against `the ‘moderate’ opposition`: only a
        // waiting opener makes a word-final mark a closer.
        if prev_alnum && !next.is_some_and(char::is_alphanumeric) && matches!(c, '\'' | '’') {
            return if family_open {
                Role::Close
            } else {
                Role::Apostrophe
            };
        }
    }
    let prev_boundary = prev.is_none_or(|p| {
        p.is_whitespace() || is_open_bracket(p) || is_dash(p) || p == ':' || prev_opened
    });
    let next_boundary = next.is_none_or(|n| {
        n.is_whitespace()
            || matches!(n, '.' | ',' | ';' | ':' | '!' | '?' | '…')
            || is_close_bracket(n)
            || is_dash(n)
            || quote_mark(n).is_some()
    });
    let looks_opening = prev_boundary && next.is_some_and(|n| !n.is_whitespace());
    let looks_closing = next_boundary && prev.is_some_and(|p| !p.is_whitespace());
    match q.side {
        QuoteSide::Opening => {
            if looks_closing && !looks_opening {
                // German „…“ closes with what English opens with.
                if family_open {
                    Role::Close
                } else {
                    Role::Stray
                }
            } else {
                Role::Open
            }
        }
        QuoteSide::Closing => {
            if family_open {
                Role::Close
            } else if looks_opening && !looks_closing {
                // Swedish ”…” and typing slips open with a closing mark.
                Role::Open
            } else {
                Role::Stray
            }
        }
        QuoteSide::Either => {
            if looks_opening && !looks_closing {
                Role::Open
            } else if looks_closing && !looks_opening {
                if family_open {
                    Role::Close
                } else {
                    Role::Stray
                }
            } else if family_open {
                Role::Close
            } else {
                Role::Open
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles(text: &str) -> Vec<(char, Role)> {
        let mut scan = QuoteScan::default();
        scan.run(text, 0..text.len());
        scan.marks
            .iter()
            .filter_map(|m| Some((char_at(text, m.start)?, m.role)))
            .collect()
    }

    #[test]
    fn every_listed_mark_is_classified() {
        for c in "\"'“”‘’„‚«»‹›″′「」『』".chars() {
            assert!(quote_mark(c).is_some(), "{c:?}");
        }
        assert_eq!(
            quote_mark('“'),
            Some(QuoteMark {
                double: true,
                side: QuoteSide::Opening
            })
        );
        assert_eq!(
            quote_mark('’').map(|q| (q.double, q.side)),
            Some((false, QuoteSide::Closing))
        );
        assert_eq!(quote_mark('"').map(|q| q.side), Some(QuoteSide::Either));
        assert_eq!(quote_mark('a'), None);
        assert_eq!(quote_mark('`'), None);
    }

    #[test]
    fn apostrophes_inside_words_and_before_decades() {
        let t = "Norland’s don't ’90s ‘hi’ cats’";
        let at = |needle: &str, nth: usize| {
            t.match_indices(needle)
                .nth(nth)
                .map(|(i, _)| i)
                .unwrap_or(usize::MAX)
        };
        assert!(is_apostrophe(t, at("’", 0)));
        assert!(is_apostrophe(t, at("'", 0)));
        assert!(is_apostrophe(t, at("’", 1)));
        assert!(!is_apostrophe(t, at("‘", 0)));
        assert!(!is_apostrophe(t, at("’", 2)));
        assert!(!is_apostrophe(t, at("’", 3)));
        assert!(!is_apostrophe(t, t.len()));
        assert!(!is_apostrophe(t, 1 + at("’", 0)));
    }

    #[test]
    fn curly_and_straight_pairs() {
        use Role::*;
        assert_eq!(
            roles("“a” \"b\""),
            [('“', Open), ('”', Close), ('"', Open), ('"', Close)]
        );
        assert_eq!(roles("the ‘mild’ side"), [('‘', Open), ('’', Close)]);
        assert_eq!(roles("the guards’ post"), [('’', Apostrophe)]);
        assert_eq!(roles("a 6′2″ man"), [('′', Unit), ('″', Unit)]);
        assert_eq!(roles("„Ja“, sagte er"), [('„', Open), ('“', Close)]);
    }

    #[test]
    fn unclosed_openers_stay_open_and_pair_nothing() {
        let text = "“One. “Two,” she said.";
        let found = quotations(text, 0..text.len());
        assert_eq!(found.len(), 2);
        assert_eq!(found.first().and_then(|q| q.close.clone()), None);
        assert!(found.get(1).and_then(|q| q.close.clone()).is_some());
        assert!(quotations(text, 1..3).is_empty());
    }

    #[test]
    fn regions_are_outermost_only() {
        let text = "“x ‘y’ z” and «w»";
        let mut scan = QuoteScan::default();
        scan.run(text, 0..text.len());
        let regions: Vec<&str> = scan
            .regions
            .iter()
            .filter_map(|r| text.get(r.clone()))
            .collect();
        assert_eq!(regions, ["“x ‘y’ z”", "«w»"]);
    }
}
