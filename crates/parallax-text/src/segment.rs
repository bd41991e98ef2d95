//! Paragraphs, sentences and tokens as byte ranges.

use std::ops::Range;

use crate::chars::{char_at, is_cjk_terminator, is_close_bracket, is_open_bracket, is_terminator};
use crate::lexicon::{
    abbreviation, is_attribution_verb, is_dotted_initialism, is_sentence_starter, AbbreviationKind,
};
use crate::quotes::{quote_mark, MarkCursor, QuoteScan, Role};
use crate::token::tokenise_sentence;

/// What kind of thing a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters, possibly with digits, inner hyphens, apostrophes and dots:
    /// "al-Assad", "Russia’s", "24-hour", "U.S.", "Gen.".
    Word,
    /// Digits with inner `,` `.` `:` only: "446", "1,200", "3.5", "10:30".
    Number,
    /// Sentence and clause punctuation, brackets, dashes; a run of dots is
    /// one token.
    Punct,
    /// One quote mark, opening or closing (apostrophes belong to words).
    Quote,
    /// Anything else: currency, `%`, `#`, `@`, `&`, maths, pictographs.
    Symbol,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub range: Range<usize>,
    pub kind: TokenKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub range: Range<usize>,
    /// Index into [`Segmentation::paragraphs`].
    pub paragraph: usize,
}

/// Paragraphs, sentences and tokens of one text, as byte ranges into it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Segmentation {
    pub paragraphs: Vec<Range<usize>>,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
}

impl Segmentation {
    /// The tokens lying inside `range` (a sentence's or a paragraph's).
    pub fn tokens_in(&self, range: Range<usize>) -> &[Token] {
        let from = self.tokens.partition_point(|t| t.range.start < range.start);
        let to = self.tokens.partition_point(|t| t.range.end <= range.end);
        self.tokens.get(from..to.max(from)).unwrap_or(&[])
    }
}

/// Split `text` into paragraphs (one per non-blank line), sentences and
/// tokens.
///
/// Every range is a byte range on char boundaries, trimmed of whitespace;
/// each list is sorted and non-overlapping; sentences lie inside their
/// paragraph, tokens inside their sentence, and every non-whitespace
/// character lies in some sentence. Runs in time linear in `text`.
///
/// Sentences end after `.` `!` `?` `…` (with any closing quote marks and
/// brackets that follow) when whitespace and a plausible sentence start come
/// next. They do not end after abbreviations from `data/abbreviations.txt`
/// (unless marked `may-end` and followed by a word that plainly opens a
/// sentence), after initials, or inside a quotation that closes later in
/// the same paragraph. A quotation that never closes in its paragraph is
/// ignored, so unbalanced marks cannot swallow text.
///
/// Tokens: an apostrophe between letters stays in its word ("Russia’s" is
/// one token), as does a word-final one that closes no quotation
/// ("protesters’"); a listed abbreviation, dotted initialism or initial
/// keeps its dot ("Gen.", "U.S.", "J."). Whitespace is never a token.
pub fn segment(text: &str) -> Segmentation {
    // Typical news text has a token every five or six bytes and a sentence
    // every hundred or so; reserving up front avoids repeated regrowth.
    let mut seg = Segmentation {
        paragraphs: Vec::with_capacity(text.len() / 400),
        sentences: Vec::with_capacity(text.len() / 100),
        tokens: Vec::with_capacity(text.len() / 6),
    };
    let mut quotes = QuoteScan::default();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let line_end = line_start + line.len();
        if let Some(range) = trimmed(text, line_start..line_end) {
            let paragraph = seg.paragraphs.len();
            seg.paragraphs.push(range.clone());
            split_paragraph(text, range, paragraph, &mut seg, &mut quotes);
        }
        line_start = line_end;
    }
    seg
}

/// `range` with surrounding whitespace removed, or `None` if nothing is left.
fn trimmed(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    let s = text.get(range.clone())?;
    let body = s.trim_start();
    let start = range.start + (s.len() - body.len());
    let end = start + body.trim_end().len();
    (end > start).then_some(start..end)
}

fn split_paragraph(
    text: &str,
    para: Range<usize>,
    paragraph: usize,
    seg: &mut Segmentation,
    quotes: &mut QuoteScan,
) {
    quotes.run(text, para.clone());
    let first_sentence = seg.sentences.len();
    let mut splitter = Splitter {
        text,
        end: para.end,
        marks: MarkCursor::new(&quotes.marks),
        regions: &quotes.regions,
        next_region: 0,
    };
    let mut sentence_start = para.start;
    let bytes = text.as_bytes();
    let mut pos = para.start;
    while pos < para.end {
        let window = bytes.get(pos..para.end).unwrap_or(&[]);
        let Some(skip) = window.iter().position(|&b| may_start_terminator(b)) else {
            break;
        };
        pos += skip;
        let Some(c) = char_at(text, pos) else {
            pos += 1;
            continue;
        };
        if !is_terminator(c) {
            pos += c.len_utf8();
            continue;
        }
        let candidate = splitter.candidate(pos);
        if splitter.should_split(&candidate, sentence_start) {
            seg.sentences.push(Sentence {
                range: sentence_start..candidate.after,
                paragraph,
            });
            sentence_start = candidate.next_start.unwrap_or(para.end);
        }
        pos = candidate.after;
    }
    if sentence_start < para.end {
        seg.sentences.push(Sentence {
            range: sentence_start..para.end,
            paragraph,
        });
    }
    let Some(sentences) = seg.sentences.get(first_sentence..) else {
        return;
    };
    let mut marks = MarkCursor::new(&quotes.marks);
    for sentence in sentences {
        tokenise_sentence(text, sentence.range.clone(), &mut marks, &mut seg.tokens);
    }
}

/// Whether byte `b` can begin a terminator: `.` `!` `?` or the lead byte of
/// one of the multi-byte terminators (`…`, `。`, `؟`, `।` and kin).
fn may_start_terminator(b: u8) -> bool {
    const TABLE: [bool; 256] = {
        let mut t = [false; 256];
        t[b'.' as usize] = true;
        t[b'!' as usize] = true;
        t[b'?' as usize] = true;
        t[0xD8] = true;
        t[0xDB] = true;
        t[0xE0] = true;
        t[0xE2] = true;
        t[0xE3] = true;
        t[0xEF] = true;
        t
    };
    TABLE[usize::from(b)]
}

/// How a run of terminators reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RunKind {
    /// Exactly one full stop: abbreviations and initials matter.
    Period,
    /// Contains `!` or `?`.
    Strong,
    /// Two or more dots, or `…`.
    Ellipsis,
    /// A full-width terminator, which needs no space after it.
    Wide,
}

/// A run of terminators and the closers after it: a place where a sentence
/// might end.
struct Candidate {
    /// Offset of the first terminator.
    start: usize,
    kind: RunKind,
    /// Offset just past the terminators and closers.
    after: usize,
    /// Whether the closers include a quote mark.
    closes_quote: bool,
    /// Where the next sentence would start; `None` when the run is followed
    /// by more of the same word ("3.5", "U.S.A") or ends the paragraph.
    next_start: Option<usize>,
}

struct Splitter<'a> {
    text: &'a str,
    /// End of the paragraph.
    end: usize,
    marks: MarkCursor<'a>,
    regions: &'a [Range<usize>],
    next_region: usize,
}

impl<'a> Splitter<'a> {
    fn candidate(&mut self, start: usize) -> Candidate {
        let mut pos = start;
        let mut dots = 0;
        let mut strong = false;
        let mut wide = false;
        let mut ellipsis = false;
        while let Some(c) = char_at(self.text, pos).filter(|&c| pos < self.end && is_terminator(c))
        {
            match c {
                '.' => dots += 1,
                '…' => ellipsis = true,
                c if is_cjk_terminator(c) => wide = true,
                _ => strong = true,
            }
            pos += c.len_utf8();
        }
        let kind = if wide {
            RunKind::Wide
        } else if strong {
            RunKind::Strong
        } else if ellipsis || dots > 1 {
            RunKind::Ellipsis
        } else {
            RunKind::Period
        };
        let mut closes_quote = false;
        while pos < self.end {
            let Some(c) = char_at(self.text, pos) else {
                break;
            };
            if quote_mark(c).is_some() {
                let closer = self
                    .marks
                    .at(pos)
                    .is_some_and(|m| matches!(m.role, Role::Close | Role::Stray));
                if !closer {
                    break;
                }
                closes_quote = true;
            } else if !is_close_bracket(c) {
                break;
            }
            pos += c.len_utf8();
        }
        let after = pos;
        let rest = self.text.get(after..self.end).unwrap_or("");
        let body = rest.trim_start();
        let spaced = body.len() < rest.len();
        let glued = kind == RunKind::Period && !spaced && self.glued_sentence(start, body);
        let next_start = (!body.is_empty() && (spaced || glued || kind == RunKind::Wide))
            .then_some(self.end - body.len());
        Candidate {
            start,
            kind,
            after,
            closes_quote,
            next_start,
        }
    }

    /// "… by President Obama.In an interview …": copy that lost the space
    /// after a full stop. Two lower-case letters before the dot and a
    /// capital with a lower-case letter after it (or after the closing
    /// quote) start a new sentence; "U.S.A", "3.5", "Amazon.com" and
    /// "Ph.D" do not match.
    fn glued_sentence(&self, dot: usize, body: &str) -> bool {
        let before = self.text.get(..dot).unwrap_or("");
        let mut back = before.chars().rev();
        let lower_before = back.next().is_some_and(char::is_lowercase)
            && back.next().is_some_and(char::is_lowercase);
        let mut next = body.chars();
        lower_before
            && next.next().is_some_and(char::is_uppercase)
            && next.next().is_some_and(char::is_lowercase)
    }

    /// Whether the run lies inside a quotation that closes later in the
    /// paragraph (and not among the run's own closers).
    fn inside_quotation(&mut self, candidate: &Candidate) -> bool {
        while self
            .regions
            .get(self.next_region)
            .is_some_and(|r| r.end <= candidate.start)
        {
            self.next_region += 1;
        }
        self.regions
            .get(self.next_region)
            .is_some_and(|r| r.start < candidate.start && r.end > candidate.after)
    }

    fn should_split(&mut self, candidate: &Candidate, sentence_start: usize) -> bool {
        if self.inside_quotation(candidate) {
            return false;
        }
        let Some(next_start) = candidate.next_start else {
            return false;
        };
        let next = NextWord::read(self.text, next_start, self.end);
        if next.initial.is_some_and(char::is_lowercase) {
            return false;
        }
        let capitalised = next.initial.is_some_and(char::is_uppercase);
        // `"Why now?" Ortega asked.` goes on past the quotation; a quotation
        // opened inside a sentence ("…, the mayor said, “… in May.” Ivo
        // Brandt said …") has its attribution already.
        let closing = self
            .regions
            .iter()
            .find(|r| candidate.start < r.end && r.end <= candidate.after);
        let opens_with_quote = closing.is_none_or(|r| {
            self.text
                .get(sentence_start..r.start)
                .is_some_and(|before| before.trim().is_empty())
        });
        let attributed = || {
            candidate.closes_quote
                && capitalised
                && opens_with_quote
                && self.attribution_follows(next_start)
        };
        match candidate.kind {
            RunKind::Wide => true,
            RunKind::Strong => !attributed(),
            RunKind::Ellipsis => capitalised && !attributed(),
            RunKind::Period => match self.word_before(candidate.start, sentence_start) {
                Before::Abbreviation(AbbreviationKind::Never) | Before::ListLabel => false,
                Before::Abbreviation(AbbreviationKind::MayEnd) => next.opens_sentence(),
                Before::Abbreviation(AbbreviationKind::BeforeNumber) => {
                    !next.initial.is_some_and(char::is_numeric) && !attributed()
                }
                // Names do not go on with "The" or "It": "World War I. It" ends.
                Before::Initial => next.word.len() > 1 && next.opens_sentence(),
                Before::Word => !attributed(),
            },
        }
    }

    /// Classify the word a full stop at `dot` ends.
    fn word_before(&self, dot: usize, sentence_start: usize) -> Before {
        let head = self.text.get(sentence_start..dot).unwrap_or("");
        let word_start = head
            .char_indices()
            .rev()
            .find(|&(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let raw = head.get(word_start..).unwrap_or("");
        let word = raw.trim_start_matches(|c: char| !c.is_alphanumeric());
        let Some(with_dot) = self.text.get(dot - word.len()..dot + 1) else {
            return Before::Word;
        };
        if word.is_empty() {
            return Before::Word;
        }
        if let Some(kind) = abbreviation(with_dot) {
            return Before::Abbreviation(kind);
        }
        let mut chars = word.chars();
        let first = chars.next();
        let single = chars.next().is_none();
        if word_start == 0 && (single || word.chars().all(|c| c.is_ascii_digit())) {
            return Before::ListLabel;
        }
        if single && first.is_some_and(char::is_uppercase) {
            return Before::Initial;
        }
        if is_dotted_initialism(word) {
            return Before::Abbreviation(AbbreviationKind::MayEnd);
        }
        Before::Word
    }

    /// Whether `Name … verb` follows, as in `"Why now?" Ortega asked.`
    fn attribution_follows(&self, from: usize) -> bool {
        // A few words are enough for a speaker with a title; the cap keeps
        // the look-ahead constant per candidate.
        const MAX_WORDS: usize = 6;
        const MAX_BYTES: usize = 96;
        let stop = self.end.min(from.saturating_add(MAX_BYTES));
        let window = (from..=stop)
            .rev()
            .find_map(|e| self.text.get(from..e))
            .unwrap_or("");
        let mut named = false;
        for word in window.split_whitespace().take(MAX_WORDS) {
            let bare = word.trim_end_matches([',', '.', ';', ':']);
            if named && is_attribution_verb(bare) {
                return true;
            }
            let name_like = bare.chars().any(char::is_uppercase) || abbreviation(word).is_some();
            if !name_like {
                return false;
            }
            named = true;
        }
        false
    }
}

/// What a full stop follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Before {
    Abbreviation(AbbreviationKind),
    /// A single capital letter ("J." in "J. R. Smith").
    Initial,
    /// A number or letter opening its sentence: "1." or "b." in a list.
    ListLabel,
    Word,
}

/// The start of the text after a possible sentence end.
struct NextWord<'a> {
    /// First letter or digit, after any opening quote marks or brackets.
    initial: Option<char>,
    /// Whether quote marks or brackets came before it.
    opened: bool,
    /// The letters and digits from `initial` on (at most a short word).
    word: &'a str,
}

impl<'a> NextWord<'a> {
    fn read(text: &'a str, from: usize, end: usize) -> Self {
        const MAX_BYTES: usize = 32;
        let mut pos = from;
        let mut opened = false;
        while let Some(c) = char_at(text, pos).filter(|_| pos < end) {
            if quote_mark(c).is_some() || is_open_bracket(c) {
                opened = true;
                pos += c.len_utf8();
            } else {
                break;
            }
        }
        let mut word_end = pos;
        while let Some(c) = char_at(text, word_end)
            .filter(|&c| word_end < end && word_end - pos < MAX_BYTES && c.is_alphanumeric())
        {
            word_end += c.len_utf8();
        }
        let word = text.get(pos..word_end).unwrap_or("");
        NextWord {
            initial: word.chars().next(),
            opened,
            word,
        }
    }

    /// Whether this plainly begins a new sentence rather than continuing a
    /// name: a closed-class word, or a quotation opening with a capital.
    fn opens_sentence(&self) -> bool {
        is_sentence_starter(self.word)
            || (self.opened && self.initial.is_some_and(char::is_uppercase))
    }
}
