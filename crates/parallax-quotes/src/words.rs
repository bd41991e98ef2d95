//! A sentence as a list of words, with the small word tests that the
//! quotation finder and the speaker parser share.

use std::ops::Range;

use parallax_analysis::Analysed;
use parallax_text::TokenKind;

/// One token of a sentence, with its text.
#[derive(Debug, Clone)]
pub struct Word<'a> {
    pub s: &'a str,
    /// `s` folded (lower case, curly apostrophes straight), from the
    /// analysed document: words are compared many times.
    pub lower: &'a str,
    pub r: Range<usize>,
    pub kind: TokenKind,
    /// Inside a quoted stretch (such words are never cues or speakers).
    pub quoted: bool,
    /// The word as a reporting verb, looked up once: the finder asks often.
    pub verb: Option<parallax_analysis::lexicon::Verb>,
    /// The word is, most of the time, a finite verb ("complied", "has").
    pub finite: bool,
}

impl Word<'_> {
    /// Equal to `w`, which must be written in lower case.
    pub fn is(&self, w: &str) -> bool {
        self.lower == w
    }
    pub fn lower(&self) -> String {
        self.lower.to_string()
    }
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }
    pub fn capitalised(&self) -> bool {
        self.kind == TokenKind::Word && self.s.chars().next().is_some_and(char::is_uppercase)
    }
    pub fn is_comma(&self) -> bool {
        self.kind == TokenKind::Punct && (self.s == "," || self.s == ";")
    }
    pub fn is_colon(&self) -> bool {
        self.kind == TokenKind::Punct && self.s == ":"
    }
    pub fn is_quote(&self) -> bool {
        self.kind == TokenKind::Quote
    }
    pub fn ends_sentence(&self) -> bool {
        self.kind == TokenKind::Punct && matches!(self.s, "." | "!" | "?" | "…" | "...")
    }
}

/// The words of `range`, marking those inside any of `zones` (which are
/// sorted and do not overlap). Folded forms and verb lookups come from the
/// analysed document: nothing is looked up again.
pub fn words<'a>(
    doc: &'a Analysed<'_>,
    range: Range<usize>,
    zones: &[Range<usize>],
) -> Vec<Word<'a>> {
    let idx = doc.token_range(range);
    let toks = doc.tokens().get(idx.clone()).unwrap_or_default();
    let mut out = Vec::with_capacity(toks.len());
    let mut z = zones.partition_point(|z| z.end <= toks.first().map_or(0, |t| t.range.start));
    for (i, t) in idx.zip(toks) {
        let Some(s) = doc.text.get(t.range.clone()) else {
            continue;
        };
        while zones.get(z).is_some_and(|r| r.end <= t.range.start) {
            z += 1;
        }
        let quoted = zones
            .get(z)
            .is_some_and(|r| r.start <= t.range.start && t.range.end <= r.end);
        out.push(Word {
            s,
            lower: doc.folded(i),
            r: t.range.clone(),
            kind: t.kind,
            quoted,
            verb: doc.verb(i),
            finite: doc.is_finite_verb(i),
        });
    }
    out
}

/// Words that open a noun phrase without being part of a name.
pub const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my",
    "your", "another", "one", "two", "three", "several", "many", "some", "other", "both", "all",
    "most", "such", "no", "any", "every", "each",
];

/// Words standing between a subject and its reporting verb.
pub const AUXILIARIES: &[&str] = &[
    "has",
    "have",
    "had",
    "was",
    "were",
    "is",
    "are",
    "will",
    "would",
    "did",
    "does",
    "do",
    "could",
    "can",
    "may",
    "might",
    "should",
    "also",
    "further",
    "then",
    "later",
    "again",
    "once",
    "earlier",
    "previously",
    "reportedly",
    "repeatedly",
    "publicly",
    "privately",
    "not",
    "never",
    "already",
    "recently",
    "separately",
    "flatly",
    "strongly",
    "firmly",
    "still",
    "yet",
    "just",
    "even",
    "too",
    "immediately",
    "quickly",
    "categorically",
    "explicitly",
    "long",
    "often",
    "usually",
    "always",
    "sometimes",
    "ever",
    "now",
    "actually",
    "openly",
    "first",
];

/// Function words allowed inside a multi-word name ("Syrian Observatory for
/// Human Rights", "Bashar al-Assad", "Jean-Yves Le Drian").
pub const NAME_JOINERS: &[&str] = &[
    "of", "for", "in", "de", "del", "della", "da", "di", "du", "dos", "das", "der", "den", "ter",
    "van", "von", "le", "la", "bin", "ibn", "al", "el", "and", "the",
];

/// Words that end a noun phrase when reading leftwards from its head.
pub const PHRASE_STOPS: &[&str] = &[
    "what", "which", "who", "whom", "whose", "where", "when", "why", "how", "that", "and", "or",
    "but", "if", "as", "than", "to", "of", "in", "on", "at", "by", "with", "from", "after",
    "before", "while", "because", "said", "says", "told",
];

/// Calendar words: capitalised, but never a name.
pub const CALENDAR: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan.",
    "feb.",
    "aug.",
    "sept.",
    "sep.",
    "oct.",
    "nov.",
    "dec.",
];

pub fn is_calendar(w: &Word<'_>) -> bool {
    calendar().contains(w.lower)
}

/// Words that open sentences with a capital but never name anyone.
pub const CAPITALISED_NON_NAMES: &[&str] = &[
    "having",
    "being",
    "after",
    "before",
    "when",
    "while",
    "if",
    "as",
    "but",
    "and",
    "so",
    "there",
    "here",
    "then",
    "also",
    "still",
    "yet",
    "now",
    "however",
    "meanwhile",
    "instead",
    "since",
    "although",
    "though",
    "because",
    "despite",
    "during",
    "until",
    "in",
    "on",
    "at",
    "for",
    "with",
    "by",
    "from",
    "of",
    "to",
    "about",
    "under",
    "without",
    "within",
    "earlier",
    "later",
    "today",
    "yesterday",
    "tonight",
    "this",
    "these",
    "what",
    "why",
    "how",
    "where",
    "whether",
    "shortly",
    "hours",
    "days",
    "years",
    "indeed",
    "perhaps",
    "maybe",
];

pub fn is_capitalised_non_name(w: &Word<'_>) -> bool {
    non_names().contains(w.lower)
}

use parallax_analysis::FastSet;

fn set(words: &'static [&'static str]) -> FastSet<&'static str> {
    words.iter().copied().collect()
}

macro_rules! word_set {
    ($name:ident, $list:ident) => {
        fn $name() -> &'static FastSet<&'static str> {
            static SET: std::sync::OnceLock<FastSet<&'static str>> = std::sync::OnceLock::new();
            SET.get_or_init(|| set($list))
        }
    };
}

word_set!(determiners, DETERMINERS);
word_set!(auxiliaries, AUXILIARIES);
word_set!(calendar, CALENDAR);
word_set!(non_names, CAPITALISED_NON_NAMES);
word_set!(stops, PHRASE_STOPS);
word_set!(joiners, NAME_JOINERS);

/// The words of sentence `ws` inside `range`: one run, since words are in
/// text order.
pub(crate) fn words_in<'a, 'w>(
    ws: &'a [Word<'w>],
    range: &Range<usize>,
) -> impl Iterator<Item = &'a Word<'w>> {
    let from = ws.partition_point(|w| w.r.start < range.start);
    let end = range.end;
    ws[from..].iter().take_while(move |w| w.r.end <= end)
}

/// `fn NAME(lower: &str) -> bool`: whether a lower-case word is in a
/// one-word-a-line data file (`include_str!`), read into a set once.
macro_rules! data_word_list {
    ($(#[$doc:meta])* $vis:vis fn $name:ident, $data:expr) => {
        $(#[$doc])*
        $vis fn $name(lower: &str) -> bool {
            static SET: std::sync::OnceLock<parallax_analysis::FastSet<&'static str>> =
                std::sync::OnceLock::new();
            SET.get_or_init(|| parallax_analysis::word_list($data))
                .contains(lower)
        }
    };
}
pub(crate) use data_word_list;

pub fn is_determiner(w: &Word<'_>) -> bool {
    determiners().contains(w.lower)
}

/// Determiners that also stand alone as a subject: "Many said …", "Some
/// told reporters …", "Both denied …". Before a verb form they are its
/// subject, not what makes it a noun.
const PRONOUN_QUANTIFIERS: &[&str] = &[
    "many", "some", "several", "most", "all", "both", "each", "one", "two", "three", "another",
];

/// A determiner that makes the verb form after it a noun ("the report",
/// "his claims"), unlike a quantifier standing as the subject ("many
/// said").
pub fn makes_a_noun(w: &Word<'_>) -> bool {
    is_determiner(w) && !PRONOUN_QUANTIFIERS.contains(&w.lower)
}

/// A form of "to be" ("was", "is", "been"): before a participle it makes a
/// passive, before a gerund a progressive.
pub fn is_be_form(w: &Word<'_>) -> bool {
    ["was", "were", "is", "are", "been", "be", "being", "am"]
        .iter()
        .any(|b| w.is(b))
}

pub fn is_auxiliary(w: &Word<'_>) -> bool {
    auxiliaries().contains(w.lower) || (w.s.len() > 4 && w.s.ends_with("ly") && !w.capitalised())
}

pub fn is_phrase_stop(w: &Word<'_>) -> bool {
    stops().contains(w.lower)
}

pub fn is_joiner(w: &Word<'_>) -> bool {
    joiners().contains(w.lower)
}
