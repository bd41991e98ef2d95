//! One pass over a document's sentences: name chunks and the titles split
//! from them, acronyms, definite and indefinite descriptions, and the
//! characterisations hanging on each mention.

use std::cell::Cell;
use std::ops::Range;

use parallax_text::{Segmentation, TokenKind};

use parallax_analysis::{key, lookup, FastSet, WordMap};

use super::lexicon::{acronym_like, cue, lexicon, normalise, shape_bit, Known, Lexicon, Polarity};
use super::Kind;

/// How sure the annotator is of a mention's kind; higher wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Evidence {
    pub kind: Kind,
    pub weight: u8,
}

/// Weights of the evidence for a kind.
pub(crate) mod weight {
    /// Listed in a gazetteer or an alias group.
    pub const KNOWN: u8 = 5;
    /// A title or an honorific stands before it.
    pub const TITLE: u8 = 4;
    /// Its head word, or "city of" before it.
    pub const HEAD: u8 = 3;
    /// An appositive gives it a role.
    pub const APPOSITIVE: u8 = 3;
    /// Its shape only.
    pub const SHAPE: u8 = 1;
    /// A single capitalised word with no cue at all.
    pub const NONE: u8 = 0;
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Ref {
    /// A name as written.
    Name,
    /// An acronym defined in parentheses right after mention `of`.
    Acronym { of: usize },
    /// "the Observatory", "the Russian ministry" (`head` "ministry",
    /// `modifiers` ["russian"]), or "the source" (`generic`).
    Definite {
        head: String,
        modifiers: Vec<String>,
        generic: bool,
    },
}

#[derive(Debug, Clone)]
pub(crate) struct Mention {
    pub span: Range<usize>,
    pub sentence: usize,
    /// As the document writes it, without a possessive or brackets.
    pub form: String,
    /// Normalised, for matching names.
    pub key: String,
    /// Lower-case words of `key`.
    pub words: Vec<String>,
    pub evidence: Evidence,
    pub known: Option<Known>,
    /// The name without leading demonyms and places, and what was left off
    /// ("defense ministry", "russian"), for organisations and groups.
    pub core: Option<(String, String)>,
    /// Lower-case head words ("ministry"; "observatory" for "Observatory
    /// for Human Rights").
    pub heads: Vec<String>,
    pub reference: Ref,
}

/// What construction a descriptor comes from; it decides which entities
/// may keep it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Use {
    Role,
    Label,
    Appositive,
    Relative { after_preposition: bool },
    Premodifier,
    Description,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Target {
    Mention(usize),
    /// The next organisation the text names after byte `after`, within the
    /// sentence `sentence` and the two after it.
    Forward {
        after: usize,
        sentence: usize,
    },
}

#[derive(Debug, Clone)]
pub(crate) struct Desc {
    pub target: Target,
    pub span: Range<usize>,
    pub polarity: Polarity,
    pub usage: Use,
}

#[derive(Debug, Default)]
pub(crate) struct Scan {
    /// In text order.
    pub mentions: Vec<Mention>,
    pub descs: Vec<Desc>,
}

#[derive(Debug, Clone)]
pub(crate) struct Tok<'a> {
    pub s: &'a str,
    pub r: Range<usize>,
    pub kind: TokenKind,
    /// Opens its sentence, a quotation or a clause after a colon.
    pub initial: bool,
    /// Cue flags of a word (without its possessive), looked up when first
    /// asked for; `u32::MAX` until then.
    pub cues: Cell<u32>,
}

impl Tok<'_> {
    fn word(&self) -> bool {
        self.kind == TokenKind::Word
    }
    fn cap(&self) -> bool {
        self.word() && self.s.chars().next().is_some_and(char::is_uppercase)
    }
    fn lower(&self) -> bool {
        self.word() && self.s.chars().next().is_some_and(char::is_lowercase)
    }
    fn is(&self, w: &str) -> bool {
        self.word() && self.s.eq_ignore_ascii_case(w)
    }
    fn punct(&self, p: &str) -> bool {
        self.kind == TokenKind::Punct && self.s == p
    }
}

/// `word` without a possessive: "Russia’s" → "Russia", "Forces’" → "Forces".
pub(crate) fn base(word: &str) -> &str {
    if let Some(w) = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("\u{2019}s"))
    {
        return w;
    }
    match word
        .strip_suffix('\'')
        .or_else(|| word.strip_suffix('\u{2019}'))
    {
        Some(w) if w.ends_with('s') => w,
        _ => word,
    }
}

fn possessive(word: &str) -> bool {
    base(word).len() < word.len()
}

/// "Don’t", "I’d", "We’re": an apostrophe and a lower-case ending other
/// than the possessive "s".
fn contraction(word: &str) -> bool {
    match word.rfind(['\'', '\u{2019}']) {
        Some(at) => {
            let tail = word.get(at..).unwrap_or("");
            let tail = tail.trim_start_matches(['\'', '\u{2019}']);
            tail != "s" && tail.chars().next().is_some_and(char::is_lowercase)
        }
        None => false,
    }
}

/// `raw` with one space between words and no brackets.
fn clean_form(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for w in raw.split_whitespace() {
        let w = w.trim_matches(|c| c == '[' || c == ']');
        if w.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// "S.V.", "J.R.": initials, not an acronym (unless known, as "U.S.").
fn initials(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() <= 6
        && b.chunks_exact(2).remainder().is_empty()
        && b.chunks(2)
            .all(|p| p.first().is_some_and(u8::is_ascii_uppercase) && p.get(1) == Some(&b'.'))
}

/// "UAVs", "NGOs": capitals and a plural "s", a common noun.
fn plural_acronym(word: &str) -> bool {
    word.strip_suffix('s')
        .is_some_and(|w| all_caps(w) && !w.contains(['.', '-']))
}

/// "FiveThirtyEight", "KnowledgePanel": a capital after a small letter,
/// as names of products and firms are written; surnames such as
/// "McConnell" or "DeSantis" aside.
fn camel_case(word: &str) -> bool {
    const SURNAME_PREFIXES: &[&str] = &[
        "Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von",
    ];
    let mut prev_lower = false;
    let mut at = None;
    for (i, c) in word.char_indices() {
        if c.is_uppercase() && prev_lower {
            at = Some(i);
            break;
        }
        prev_lower = c.is_lowercase();
    }
    match at {
        Some(i) => !SURNAME_PREFIXES.contains(&word.get(..i).unwrap_or("")),
        None => false,
    }
}

/// Two or more letters, all capitals ("NATO", "SOHR", "READ").
#[inline]
fn all_caps(word: &str) -> bool {
    let mut letters = 0;
    for c in word.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters >= 2
}

struct Scanner<'a> {
    text: &'a str,
    lex: &'static Lexicon,
    /// Lower-case forms of capitalised words whose case matters (sentence
    /// openers, capitals): true where the document also writes the word in
    /// lower case.
    written_lower: WordMap<bool>,
    /// Capitalised words the document writes inside a sentence somewhere.
    mid_caps: FastSet<&'a str>,
    out: Scan,
    /// The tokens of this sentence.
    toks: Vec<Tok<'a>>,
    /// Tokens already read as part of a mention.
    covered: Vec<bool>,
    /// Tokens inside an appositive (no indefinite description there).
    apposed: Vec<bool>,
    /// Mentions of this sentence with their token ranges.
    here: Vec<(usize, Range<usize>)>,
    /// How this sentence uses capitals.
    capitals: Capitals,
    sentence: usize,
}

/// How a sentence uses capitals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Capitals {
    /// As running text does: a capital marks a name or a sentence start.
    Plain,
    /// A headline in title case: acronyms, known names and names the story
    /// capitalises elsewhere count.
    TitleCase,
    /// A line in capitals: only known names and names capitalised
    /// elsewhere count.
    Shouted,
}

/// Scan every sentence of `text`.
pub(crate) fn scan(text: &str, seg: &Segmentation) -> Scan {
    let lex = lexicon();
    let mut all: Vec<Tok<'_>> = Vec::with_capacity(seg.tokens.len());
    let mut bounds: Vec<Range<usize>> = Vec::with_capacity(seg.sentences.len());
    let mut next = 0;
    // Credits are hidden a paragraph at a time: a sentence break inside
    // one ("AP Photo/J. | Scott Applewhite") must not hide it.
    let mut headlines: Vec<Capitals> = Vec::with_capacity(seg.sentences.len());
    let mut paragraph = (usize::MAX, 0, 0);
    let mut hint = false;
    for (k, sentence) in seg.sentences.iter().enumerate() {
        if sentence.paragraph != paragraph.0 {
            if hide_credits(&mut all, &mut bounds, paragraph.1, paragraph.2, hint, lex) {
                recount_capitals(seg, &all, &bounds, &mut headlines, paragraph.1);
            }
            paragraph = (sentence.paragraph, k, all.len());
            hint = false;
        }
        let from = all.len();
        // Tokens and sentences are sorted: walk both at once.
        let rest = seg.tokens.get(next..).unwrap_or(&[]);
        let skip = rest
            .iter()
            .take_while(|t| t.range.start < sentence.range.start)
            .count();
        let take = rest
            .get(skip..)
            .unwrap_or(&[])
            .iter()
            .take_while(|t| t.range.end <= sentence.range.end)
            .count();
        hint |= push_tokens(
            text,
            rest.get(skip..skip + take).unwrap_or(&[]),
            &mut all,
            lex,
        );
        next += skip + take;
        headlines.push(capitals_of(seg, sentence, all.get(from..).unwrap_or(&[])));
        bounds.push(from..all.len());
    }
    if hide_credits(&mut all, &mut bounds, paragraph.1, paragraph.2, hint, lex) {
        recount_capitals(seg, &all, &bounds, &mut headlines, paragraph.1);
    }
    let mut mid_caps = FastSet::default();
    let mut written_lower: WordMap<bool> = WordMap::default();
    for (r, &capitals) in bounds.iter().zip(&headlines) {
        let headline = capitals != Capitals::Plain;
        for t in all.get(r.clone()).unwrap_or(&[]) {
            if !t.cap() {
                continue;
            }
            let b = base(t.s);
            if !t.initial && !headline {
                mid_caps.insert(b);
            }
            if t.initial || headline || all_caps(b) {
                written_lower.insert(key(b), false);
            }
        }
    }
    if !written_lower.is_empty() {
        // Most lower-case words share neither length nor first and last
        // letter with any candidate: a 64-bit filter spares their hashing.
        let mut filter = 0u64;
        for k in written_lower.keys() {
            filter |= shape_bit(k);
        }
        for t in &all {
            if t.lower() && filter & shape_bit(t.s.as_bytes()) != 0 {
                if let Some(seen) = written_lower.get_mut(t.s.as_bytes()) {
                    *seen = true;
                }
            }
        }
    }
    let mut sc = Scanner {
        text,
        lex,
        written_lower,
        mid_caps,
        out: Scan::default(),
        toks: Vec::new(),
        covered: Vec::new(),
        apposed: Vec::new(),
        here: Vec::new(),
        capitals: Capitals::Plain,
        sentence: 0,
    };
    for (k, r) in bounds.into_iter().enumerate() {
        sc.sentence = k;
        sc.capitals = headlines.get(k).copied().unwrap_or(Capitals::Plain);
        sc.toks.clear();
        sc.toks.extend_from_slice(all.get(r).unwrap_or(&[]));
        sc.sentence_pass();
    }
    sc.out
}

/// How one sentence uses capitals.
fn capitals_of(
    seg: &Segmentation,
    sentence: &parallax_text::Sentence,
    toks: &[Tok<'_>],
) -> Capitals {
    if is_shouting(toks) {
        Capitals::Shouted
    } else if is_headline(seg, sentence, toks) {
        Capitals::TitleCase
    } else {
        Capitals::Plain
    }
}

/// Judge the capitals of the sentences from `first` again, once credits
/// have changed their tokens.
fn recount_capitals(
    seg: &Segmentation,
    all: &[Tok<'_>],
    bounds: &[Range<usize>],
    headlines: &mut [Capitals],
    first: usize,
) {
    for (k, r) in bounds.iter().enumerate().skip(first) {
        let (Some(sentence), Some(slot)) = (seg.sentences.get(k), headlines.get_mut(k)) else {
            continue;
        };
        *slot = capitals_of(seg, sentence, all.get(r.clone()).unwrap_or(&[]));
    }
}

/// Replace each picture credit among the tokens of one paragraph (from
/// `from`; its sentences are `bounds[first..]`; `hint` from
/// [`push_tokens`]) by one full stop spanning
/// it, so that no name or description is read in it and none runs across
/// it. The sentences' token ranges are moved to match. Returns whether it
/// found any.
fn hide_credits(
    all: &mut Vec<Tok<'_>>,
    bounds: &mut [Range<usize>],
    first: usize,
    from: usize,
    hint: bool,
    lex: &Lexicon,
) -> bool {
    let starts = super::credit::Starts {
        sentences: bounds.get(first..).unwrap_or(&[]),
        from,
    };
    let found = super::credit::credits(all.get(from..).unwrap_or(&[]), starts, hint, lex);
    if found.is_empty() {
        return false;
    }
    let sentences = bounds.get_mut(first..).unwrap_or(&mut []);
    // Where a boundary between tokens lands once each credit is one token:
    // inside a credit, right after it.
    let moved = |x: usize| {
        let x = x.saturating_sub(from);
        let mut gone = 0;
        for r in &found {
            if x >= r.end {
                gone += r.len() - 1;
            } else if x > r.start {
                gone += x - r.start - 1;
            }
        }
        from + x - gone
    };
    for r in sentences.iter_mut() {
        *r = moved(r.start)..moved(r.end);
    }
    let tail = all.split_off(from);
    // The word after a credit opens what follows, as after a full stop.
    fn push<'a>(all: &mut Vec<Tok<'a>>, t: &Tok<'a>, opens: &mut bool) {
        let mut t = t.clone();
        if *opens && matches!(t.kind, TokenKind::Word | TokenKind::Number) {
            t.initial = true;
            *opens = false;
        }
        all.push(t);
    }
    let mut opens = false;
    let mut k = 0;
    for r in &found {
        for t in tail.get(k..r.start).unwrap_or(&[]) {
            push(all, t, &mut opens);
        }
        let span = match (tail.get(r.start), tail.get(r.end.saturating_sub(1))) {
            (Some(a), Some(b)) => a.r.start..b.r.end,
            _ => 0..0,
        };
        all.push(Tok {
            s: ".",
            r: span,
            kind: TokenKind::Punct,
            initial: false,
            cues: Cell::new(0),
        });
        opens = true;
        k = r.end;
    }
    for t in tail.get(k..).unwrap_or(&[]) {
        push(all, t, &mut opens);
    }
    true
}

/// Append the tokens of one sentence, marking those that open it, a
/// quotation or a colon's clause. Returns whether a token might belong to a picture credit (a slash, a
/// bar, a dash, or a capitalised word that may be a credit word), a cheap
/// hint for [`hide_credits`].
fn push_tokens<'a>(
    text: &'a str,
    tokens: &[parallax_text::Token],
    out: &mut Vec<Tok<'a>>,
    lex: &Lexicon,
) -> bool {
    let mut opens = true;
    let mut credit_hint = false;
    for t in tokens {
        let Some(s) = text.get(t.range.clone()) else {
            continue;
        };
        let mut initial = false;
        match t.kind {
            TokenKind::Word | TokenKind::Number => {
                initial = opens;
                opens = false;
                credit_hint = credit_hint
                    || (s.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
                        && lex.may_be_credit_word(s));
            }
            TokenKind::Quote => {
                // An opening mark: text follows it with no space.
                let next = text.get(t.range.end..).and_then(|r| r.chars().next());
                if next.is_some_and(|c| !c.is_whitespace()) {
                    opens = true;
                }
            }
            TokenKind::Punct => {
                // A colon, a dash, a bullet, or a full stop inside a quoted
                // stretch that the sentence keeps whole.
                if matches!(
                    s,
                    ":" | "\u{2014}" | "\u{2013}" | "•" | "." | "!" | "?" | "\u{2026}" | "..."
                ) {
                    opens = true;
                }
                credit_hint =
                    credit_hint || matches!(s, "/" | "\\" | "-" | "\u{2014}" | "\u{2013}");
            }
            TokenKind::Symbol => credit_hint = credit_hint || s == "|",
        }
        out.push(Tok {
            s,
            r: t.range.clone(),
            kind: t.kind,
            initial,
            cues: Cell::new(if t.kind == TokenKind::Word {
                u32::MAX
            } else {
                0
            }),
        });
    }
    credit_hint
}

/// A line of its own written in title case ("Russia Demands That Envoys
/// Document …"): its capitals say nothing.
fn is_headline(seg: &Segmentation, sentence: &parallax_text::Sentence, toks: &[Tok<'_>]) -> bool {
    if seg.paragraphs.get(sentence.paragraph) != Some(&sentence.range) {
        return false;
    }
    let (mut words, mut caps) = (0usize, 0usize);
    for t in toks {
        if t.word() && t.s.chars().next().is_some_and(char::is_alphabetic) {
            words += 1;
            caps += usize::from(t.cap());
        }
    }
    let ends = toks
        .last()
        .is_some_and(|t| t.punct(".") || t.punct("!") || t.punct("?"));
    words >= 2 && caps * 10 >= words * 6 && (!ends || caps * 10 >= words * 8)
}

/// A line in capitals ("STAY UP TO DATE WITH …"): its capitals say nothing
/// either.
fn is_shouting(toks: &[Tok<'_>]) -> bool {
    let (mut words, mut shouted) = (0usize, 0usize);
    for t in toks {
        if t.word() {
            words += 1;
            shouted += usize::from(t.s.len() >= 3 && all_caps(t.s));
        }
    }
    shouted >= 3 && shouted * 2 >= words
}

impl<'a> Scanner<'a> {
    fn tok(&self, i: usize) -> Option<&Tok<'a>> {
        self.toks.get(i)
    }

    fn is_at(&self, i: usize, w: &str) -> bool {
        self.tok(i).is_some_and(|t| t.is(w))
    }

    fn punct_at(&self, i: usize, p: &str) -> bool {
        self.tok(i).is_some_and(|t| t.punct(p))
    }

    fn cues_at(&self, i: usize) -> u32 {
        self.tok(i).map_or(0, |t| self.cues_of(t))
    }

    fn cues_of(&self, t: &Tok<'_>) -> u32 {
        let c = t.cues.get();
        if c != u32::MAX {
            return c;
        }
        let c = self.lex.cues(base(t.s));
        t.cues.set(c);
        c
    }

    /// Whether the document writes capitalised `s` in lower case too.
    fn lower_elsewhere(&self, s: &str) -> bool {
        lookup(&self.written_lower, s).copied().unwrap_or(false)
    }

    /// "S.V." is initials; "U.S." is a known name.
    fn initials_at(&self, t: &Tok<'_>) -> bool {
        initials(t.s) && self.known_token(t.s).is_none()
    }

    /// What the data files say about one word.
    fn known_token(&self, s: &str) -> Option<Known> {
        if s.contains(['.', '\u{2019}', '\u{2018}', '[', ']']) {
            self.lex.known(&normalise(s))
        } else {
            self.lex.known(s)
        }
    }

    fn role_at(&self, i: usize) -> bool {
        self.tok(i)
            .is_some_and(|t| t.word() && self.lex.is_role(base(t.s)))
    }

    fn known_word(&self, s: &str) -> bool {
        self.known_token(s).is_some() || self.lex.starts_known(s) || self.lex.demonym(s).is_some()
    }

    fn sentence_pass(&mut self) {
        let n = self.toks.len();
        self.covered.clear();
        self.covered.resize(n, false);
        self.apposed.clear();
        self.apposed.resize(n, false);
        self.here.clear();
        let mut i = 0;
        while i < n {
            if self.covered.get(i).copied().unwrap_or(true) || !self.tok(i).is_some_and(Tok::word) {
                i += 1;
                continue;
            }
            if self.is_at(i, "the") {
                if let Some(next) = self.definite(i) {
                    i = next;
                    continue;
                }
            }
            if self.name_word(i) && self.cues_at(i) & cue::NOT_NAME == 0 {
                i = self.chunk(i);
                continue;
            }
            if self.is_at(i, "a") || self.is_at(i, "an") {
                self.indefinite(i);
            }
            self.hyphen_prefix(i);
            i += 1;
        }
    }

    /// Whether token `i` can be part of a name.
    fn name_word(&self, i: usize) -> bool {
        let Some(t) = self.tok(i) else {
            return false;
        };
        if !t.word() {
            return false;
        }
        // "pic.twitter.com/VOyfBcLMus": part of an address.
        if i >= 2
            && self
                .tok(i - 1)
                .is_some_and(|p| p.s == "/" && p.r.end == t.r.start)
            && self
                .tok(i - 2)
                .is_some_and(|p| p.r.end + 1 == t.r.start && (p.lower() || p.s.contains('.')))
        {
            return false;
        }
        // "@Comey": a handle.
        if i > 0
            && self
                .tok(i - 1)
                .is_some_and(|p| (p.s == "@" || p.s == "#") && p.r.end == t.r.start)
        {
            return false;
        }
        let s = base(t.s);
        if s.chars().any(|c| c.is_numeric() || c == '_' || c == '@') {
            return self.known_token(s).is_some();
        }
        let Some(first) = s.chars().next() else {
            return false;
        };
        if first.is_lowercase() {
            return self.prefixed(s);
        }
        if !first.is_uppercase() || contraction(s) || plural_acronym(s) {
            return false;
        }
        // "The" inside a sentence ("and The Associated Press"), or a lone
        // capital ("(R)"; an initial keeps its full stop).
        if self.cues_of(t) & cue::DETERMINER != 0 || s.chars().nth(1).is_none() {
            return false;
        }
        if self.cues_of(t) & cue::CALENDAR != 0 {
            return self.month_as_name(i, s);
        }
        if s.as_bytes().contains(&b'-') && !self.hyphenated_name(i, s) {
            return false;
        }
        // "H.B. 5061", "Su 25": a code before a number.
        if (all_caps(s) || s.ends_with('.'))
            && self.tok(i + 1).is_some_and(|n| n.kind == TokenKind::Number)
        {
            return false;
        }
        match self.capitals {
            Capitals::Plain => {}
            Capitals::TitleCase => {
                let acronym =
                    all_caps(s) && s.chars().count() <= 5 && !self.lex.has(s, cue::NOT_NAME);
                return acronym || self.known_word(s) || self.mid_caps.contains(s);
            }
            Capitals::Shouted => {
                return self.known_token(s).is_some() || self.mid_caps.contains(s);
            }
        }
        if t.initial {
            return self.initial_name(i, s);
        }
        true
    }

    /// Whether a capitalised word with hyphens can be part of a name:
    /// "Jean-Yves", "Al-Qaeda", "Kye-gwan" after "Kim"; not "US-led",
    /// "R-Wis" or "Bernie-and-Donald".
    fn hyphenated_name(&self, i: usize, s: &str) -> bool {
        let mut parts = s.split('-');
        let first = parts.next().unwrap_or("");
        if first.chars().count() < 2 {
            return false;
        }
        let rest: Vec<&str> = parts.collect();
        if rest
            .iter()
            .any(|p| ["and", "or", "vs", "to", "in"].contains(p))
        {
            return false;
        }
        let lower_tail = rest
            .last()
            .and_then(|p| p.chars().next())
            .is_some_and(char::is_lowercase);
        if !lower_tail {
            return true;
        }
        // A hyphenated given name ("Kim Kye-gwan", "Moon Jae-in"): a short
        // lower-case tail after an unknown first part, right after a name.
        let tail = rest.last().map_or(0, |p| p.chars().count());
        tail <= 4
            && rest.len() == 1
            && self.known_token(first).is_none()
            && self.lex.demonym(first).is_none()
            && self.lex.cues(first) & cue::ADJECTIVE == 0
            && i > 0
            && self
                .tok(i - 1)
                .is_some_and(|p| p.cap() && !p.initial && !possessive(p.s))
    }

    /// "al-Nusra", "ash-Sham": a lower-case particle, a hyphen, a capital.
    fn prefixed(&self, s: &str) -> bool {
        if !s.as_bytes().contains(&b'-') {
            return false;
        }
        let Some((pre, rest)) = s.split_once('-') else {
            return false;
        };
        rest.chars().next().is_some_and(char::is_uppercase)
            && self.lex.has(pre, cue::PARTICLE | cue::PREFIX)
    }

    /// "Theresa May": a month that follows a name and no number follows.
    fn month_as_name(&self, i: usize, s: &str) -> bool {
        let personal = ["May", "June", "April", "August"].contains(&s);
        personal
            && i > 0
            && self.tok(i - 1).is_some_and(|p| p.cap() && !p.initial)
            && !self.tok(i + 1).is_some_and(|n| n.kind == TokenKind::Number)
    }

    /// Whether a capitalised word that opens a sentence is a name.
    fn initial_name(&self, i: usize, s: &str) -> bool {
        if self.known_word(s) || self.mid_caps.contains(s) {
            return true;
        }
        let c = self.cues_at(i);
        if c & (cue::NOT_NAME | cue::CALENDAR | cue::DETERMINER | cue::STOP | cue::AUXILIARY) != 0 {
            return false;
        }
        if self.lex.is_role(s) || c & (cue::HONORIFIC | cue::PORTFOLIO) != 0 {
            return true;
        }
        if self.lower_elsewhere(s) {
            return false;
        }
        // "VIWS reported", "Kirov: We will not …"
        if (all_caps(s) && s.chars().count() <= 5) || self.punct_at(i + 1, ":") {
            return true;
        }
        self.tok(i + 1).is_some_and(|n| !n.initial) && self.name_word(i + 1)
    }

    /// The index after a name chunk starting at `a`, which is read.
    fn chunk(&mut self, a: usize) -> usize {
        let mut b = a + 1;
        loop {
            if self.tok(b - 1).is_some_and(|t| possessive(t.s)) {
                break;
            }
            if self.name_word(b) && !self.tok(b).is_some_and(|t| t.initial) {
                b += 1;
                continue;
            }
            if let Some(next) = self.joiner(a, b) {
                b = next;
                continue;
            }
            if self.slashed(b) {
                b += 2;
                continue;
            }
            // "Fajr [Front]", "President [Anna] Kirov"
            if self.punct_at(b, "[") && self.name_word(b + 1) && self.punct_at(b + 2, "]") {
                b += 3;
                continue;
            }
            break;
        }
        // "Reuters Image": a word that is never a name does not end one
        // either, unless the whole is known ("Human Rights Watch").
        // "Rhode Island Democrat": nor does an affiliation.
        while b > a + 1
            && (self.cues_at(b - 1) & cue::ADJECTIVE != 0
                || self.cues_at(b - 1) & cue::NOT_NAME != 0
                    && !self.tok(b - 1).is_some_and(|t| all_caps(t.s)))
            && self.lex.known(&self.key(a, b)).is_none()
        {
            b -= 1;
        }
        for c in self.covered.iter_mut().take(b).skip(a) {
            *c = true;
        }
        // "told CNN Redfield would": an acronym and a name that follows it
        // are two names unless together they are known, have a head or
        // hold a title.
        if let Some(k) = (a + 1..b).find(|&k| {
            self.tok(k - 1)
                .is_some_and(|p| all_caps(base(p.s)) && !self.initials_at(p))
                && self.tok(k).is_some_and(|t| t.cap() && !all_caps(base(t.s)))
        }) {
            let titled = (k..b).any(|x| {
                self.role_at(x) || self.cues_at(x) & (cue::HONORIFIC | cue::PORTFOLIO) != 0
            });
            if !titled
                && self.cues_at(b - 1) & cue::HEAD == 0
                && self.lex.known(&self.key(a, b)).is_none()
            {
                self.name(a, k);
                return self.name(k, b);
            }
        }
        let mut a = a;
        // "Claims Russian jets", "Follow RT's": a sentence's first word
        // before a known name, a demonym or an acronym is no part of it.
        if b - a >= 2 && self.tok(a).is_some_and(|t| t.initial) {
            let s = self.tok(a).map_or("", |t| base(t.s));
            let keep = self.known_word(s)
                || self.mid_caps.contains(s)
                || self.lex.is_role(s)
                || self.lex.has(s, cue::HONORIFIC | cue::PORTFOLIO);
            let next = self.tok(a + 1).map_or("", |t| base(t.s));
            // "Michael Bloomberg", "Andrew Breitbart": a single word the
            // gazetteers list as an organisation may be a surname.
            let known_next = self
                .known_token(next)
                .is_some_and(|k| k.kind != Kind::Organisation || acronym_like(next) || b - a > 2)
                || self.lex.demonym(next).is_some();
            if !keep && (known_next || all_caps(next)) {
                a += 1;
            }
        }
        self.name(a, b)
    }

    /// "RFE/RL": capitals on both sides of a slash with no space.
    fn slashed(&self, b: usize) -> bool {
        match (self.tok(b - 1), self.tok(b), self.tok(b + 1)) {
            (Some(p), Some(slash), Some(n)) => {
                slash.s == "/"
                    && p.r.end == slash.r.start
                    && slash.r.end == n.r.start
                    && all_caps(p.s)
                    && all_caps(n.s)
            }
            _ => false,
        }
    }

    /// A function word that continues the name `a..b`: returns the index
    /// after the word and the name word that follows it.
    fn joiner(&self, a: usize, b: usize) -> Option<usize> {
        let j = self.tok(b)?;
        if !j.lower() {
            return None;
        }
        let next_name = |k: usize| self.name_word(k) && !self.tok(k).is_some_and(|t| t.initial);
        if self.lex.has(j.s, cue::PARTICLE) && !j.s.contains('-') && next_name(b + 1) {
            return Some(b + 2);
        }
        let heads = cue::HEAD | cue::PORTFOLIO;
        let anchored = (a..b).any(|k| self.cues_at(k) & heads != 0 || self.role_at(k));
        // "Ministry of Defense", "Secretary of State"; not "Rep. Steve
        // Stivers of Ohio".
        let headed = self.cues_at(b - 1) & heads != 0 || self.role_at(b - 1);
        let joined = (a..b).any(|k| self.is_at(k, "of") || self.is_at(k, "for"));
        // Whether the name with the joiner and the words after it is known:
        // "Joint Chiefs of Staff", "Bosnia and Herzegovina".
        let known_with = |from: usize| {
            let mut end = from;
            while next_name(end) && end - from < 8 {
                end += 1;
            }
            end > from && (a..b).any(|x| self.lex.known(&self.key(x, end)).is_some())
        };
        match j.s {
            "of" | "for" => {
                let the = self.is_at(b + 1, "the");
                let from = if the { b + 2 } else { b + 1 };
                (next_name(from) && (headed || known_with(from))).then_some(from + 1)
            }
            "on" if self.cues_at(b - 1) & cue::HEAD != 0 => next_name(b + 1).then_some(b + 2),
            // "Council for Civic Rights in Ostrenia", but not "Department of
            // Labor in New York": a known place after "in" is where the body
            // is, not part of its name.
            "in" if next_name(b + 1) => {
                let place = self.tok(b + 1).is_some_and(|t| {
                    self.lex.starts_known(t.s) || self.known_token(base(t.s)).is_some()
                });
                (joined && anchored && !place || known_with(b + 1)).then_some(b + 2)
            }
            // "Department of Health and Human Services"; not "the U.S.
            // Chamber of Commerce and Karl Rove".
            "and" if next_name(b + 1) => {
                let mut end = b + 1;
                while next_name(end) {
                    end += 1;
                }
                // "Ray Bogan and Associated Press" are two.
                let person = b - a == 2 && self.plain_name(a) && self.plain_name(a + 1);
                let headed =
                    !person && self.cues_at(end - 1) & (cue::ORGANISATION | cue::GROUP) != 0;
                let official = self.cues_at(b + 1) & heads != 0;
                (headed || joined && anchored && official || known_with(b + 1)).then_some(b + 2)
            }
            _ => None,
        }
    }

    /// The normalised key of tokens `a..b` without a final possessive.
    fn key(&self, a: usize, b: usize) -> String {
        normalise(self.text.get(self.span(a, b)).unwrap_or(""))
    }

    fn span(&self, a: usize, b: usize) -> Range<usize> {
        let (Some(first), Some(last)) = (self.tok(a), self.tok(b.saturating_sub(1))) else {
            return 0..0;
        };
        let end = last.r.start + base(last.s).len();
        first.r.start..end.max(first.r.start)
    }

    /// Read the name chunk `a..b`; returns the index to go on from.
    fn name(&mut self, a: usize, b: usize) -> usize {
        if b <= a {
            return b;
        }
        if let Some(m) = self.the_name(a, b) {
            return self.after_name(m, b);
        }
        let count = b - a;
        let known = if count == 1 {
            self.tok(a).and_then(|t| self.known_token(base(t.s)))
        } else {
            self.lex.known(&self.key(a, b))
        };
        if known.is_none() {
            // "Tonga Tunisia Turkey Uganda": a list of names run together
            // (a country picker left in the text) is each of them, not one.
            if self.run_of_known_names(a, b) {
                self.known_in_title(a, b);
                return b;
            }
            // "North Korean"; "Saudi Crown Prince", a title with no name.
            if count >= 2 && (self.lex.demonym(&self.key(a, b)).is_some() || self.role_at(b - 1)) {
                self.known_in_title(a, b);
                return b;
            }
            if count == 1 {
                let s = self.tok(a).map_or("", |t| base(t.s));
                let c = self.cues_at(a);
                let demonyms =
                    s.contains('-') && s.split('-').all(|p| self.lex.demonym(p).is_some());
                if self.lex.demonym(s).is_some()
                    || demonyms
                    || c & (cue::ADJECTIVE
                        | cue::NOT_NAME
                        | cue::HEAD
                        | cue::PORTFOLIO
                        | cue::HONORIFIC)
                        != 0
                    || self.lex.is_role(s)
                {
                    return b;
                }
                if all_caps(s) && (s.chars().count() > 6 || self.lower_elsewhere(s)) {
                    return b;
                }
                if s.contains('-') && self.hyphenated_places(a) {
                    return b;
                }
            }
            let shouting = (a..b)
                .filter(|&k| {
                    self.tok(k).is_some_and(|t| {
                        all_caps(t.s)
                            && t.s.chars().count() >= 3
                            && self.known_token(base(t.s)).is_none()
                    })
                })
                .count();
            if shouting >= 2 {
                return b;
            }
            // "Iraq War", "Benghazi Attack": no entity, but the place named
            // in it is one.
            if self.cues_at(b - 1) & cue::NOT_ENTITY != 0 {
                self.known_in_title(a, b - 1);
                return b;
            }
            // "Kurdish YPG": modifiers before a known name.
            // A demonym before an organisation's name makes another body
            // ("Turkish Foreign Ministry"); before a group it does not.
            for k in a + 1..b {
                let adjectives = (a..k).all(|x| self.cues_at(x) & cue::ADJECTIVE != 0);
                let demonyms = (a..k).all(|x| {
                    self.cues_at(x) & cue::ADJECTIVE != 0
                        || self
                            .tok(x)
                            .is_some_and(|t| self.lex.demonym(base(t.s)).is_some())
                });
                if !demonyms {
                    break;
                }
                let found = self
                    .lex
                    .known(&self.key(k, b))
                    .filter(|kn| adjectives || kn.kind != Kind::Organisation);
                if let Some(kn) = found {
                    let m = self.push(k, b, evidence(kn.kind, weight::KNOWN), Some(kn), Ref::Name);
                    self.premodifiers(m, a);
                    return self.after_name(m, b);
                }
            }
        }
        if let Some(kn) = known {
            let m = self.push(a, b, evidence(kn.kind, weight::KNOWN), Some(kn), Ref::Name);
            let titled =
                a > 0 && (self.role_at(a - 1) || self.cues_at(a - 1) & cue::HONORIFIC != 0);
            if kn.kind == Kind::Person && titled {
                let left = self.title_left(a);
                self.role(m, left, a);
                self.premodifiers(m, left);
            } else {
                self.premodifiers(m, a);
            }
            return self.after_name(m, b);
        }
        if let Some(s) = self.title_split(a, b) {
            self.title_entities(a, s);
            let left = self.title_left(a);
            let kn = self.lex.known(&self.key(s, b));
            let ev = kn.map_or(evidence(Kind::Person, weight::TITLE), |k| {
                evidence(k.kind, weight::KNOWN)
            });
            let m = self.push(s, b, ev, kn, Ref::Name);
            self.role(m, left, s);
            self.premodifiers(m, left);
            return self.after_name(m, b);
        }
        let (head_kind, _) = self.head_of(a, b);
        // "Democratic pollster Celinda Lake": a title outweighs a head word
        // that is also a surname, but not an organisation's head.
        let titled = a > 0 && (self.role_at(a - 1) || self.cues_at(a - 1) & cue::HONORIFIC != 0);
        let ev = if let Some(kind) = head_kind.filter(|&k| !(titled && k == Kind::Place)) {
            evidence(kind, weight::HEAD)
        } else if a >= 2
            && self.is_at(a - 1, "of")
            && self.cues_at(a - 2) & cue::PLACE != 0
            && self.tok(a - 2).is_some_and(Tok::lower)
        {
            evidence(Kind::Place, weight::HEAD)
        } else if titled {
            let left = self.title_left(a);
            let m = self.push(a, b, evidence(Kind::Person, weight::TITLE), None, Ref::Name);
            self.role(m, left, a);
            self.premodifiers(m, left);
            return self.after_name(m, b);
        } else {
            // "Republican Elizabeth Emken": an affiliation before a
            // person's name is no part of it.
            let mut s = a;
            while s + 1 < b
                && self.tok(s).is_some_and(|t| {
                    self.cues_of(t) & cue::ADJECTIVE != 0 || self.lex.demonym(base(t.s)).is_some()
                })
            {
                s += 1;
            }
            if s > a && b - s >= 2 && self.shape(s, b).kind == Kind::Person {
                let m = self.push(s, b, self.shape(s, b), None, Ref::Name);
                let polarity = self.polarity_of(a, s);
                self.out.descs.push(Desc {
                    target: Target::Mention(m),
                    span: self.tok_span(a, s),
                    polarity,
                    usage: Use::Premodifier,
                });
                self.premodifiers(m, a);
                return self.after_name(m, b);
            }
            self.shape(a, b)
        };
        let m = self.push(a, b, ev, None, Ref::Name);
        self.premodifiers(m, a);
        self.after_name(m, b)
    }

    /// "told The Hill": a name the data files list with its article, read
    /// only after a capital "The". Returns the mention.
    fn the_name(&mut self, a: usize, b: usize) -> Option<usize> {
        if a == 0
            || self.tok(a - 1).is_none_or(|t| t.s != "The")
            || !self.tok(a).is_some_and(|t| self.lex.follows_the(base(t.s)))
        {
            return None;
        }
        let kn = self.lex.known(&format!("The {}", self.key(a, b)))?;
        let m = self.push(
            a - 1,
            b,
            evidence(kn.kind, weight::KNOWN),
            Some(kn),
            Ref::Name,
        );
        self.premodifiers(m, a - 1);
        Some(m)
    }

    /// "Russia-Ukraine": each part a known place.
    fn hyphenated_places(&mut self, a: usize) -> bool {
        let Some(t) = self.tok(a).cloned() else {
            return false;
        };
        let parts: Vec<(usize, &str)> =
            t.s.split('-')
                .scan(0usize, |at, p| {
                    let here = *at;
                    *at += p.len() + 1;
                    Some((here, p))
                })
                .collect();
        let known: Vec<Option<Known>> = parts
            .iter()
            .map(|(_, p)| self.lex.known(&normalise(p)))
            .collect();
        if parts.len() < 2 || known.iter().any(Option::is_none) {
            return false;
        }
        for ((at, p), kn) in parts.iter().zip(known) {
            let start = t.r.start + at;
            self.push_span(
                start..start + p.len(),
                evidence(kn.map_or(Kind::Place, |k| k.kind), weight::KNOWN),
                kn,
                Ref::Name,
            );
        }
        true
    }

    /// Where a person's name starts after the title words that open the
    /// chunk `a..b` ("US Secretary of State | John Kerry").
    fn title_split(&self, a: usize, b: usize) -> Option<usize> {
        let mut s = b;
        while s > a && self.plain_name(s - 1) {
            s -= 1;
        }
        if s == b || s == a {
            return None;
        }
        let titled =
            self.role_at(s - 1) || self.cues_at(s - 1) & (cue::HONORIFIC | cue::PORTFOLIO) != 0;
        let any_title = (a..s).any(|k| self.role_at(k) || self.cues_at(k) & cue::HONORIFIC != 0);
        (titled && any_title).then_some(s)
    }

    /// A word that can be part of a personal name and nothing else here.
    fn plain_name(&self, k: usize) -> bool {
        let Some(t) = self.tok(k) else {
            return false;
        };
        if t.punct("[") || t.punct("]") {
            return true;
        }
        let s = base(t.s);
        let c = self.cues_of(t);
        if t.lower() {
            return c & cue::PARTICLE != 0 || self.prefixed(s);
        }
        t.cap()
            && !self.lex.is_role(s)
            && c & (cue::HONORIFIC | cue::PORTFOLIO | cue::HEAD) == 0
            && self.lex.demonym(s).is_none()
            && self.known_token(s).is_none()
    }

    /// Organisations and places named inside a title: "US Department of
    /// Defense" in "US Department of Defense Secretary", "US" in "US
    /// Secretary of State".
    fn title_entities(&mut self, a: usize, s: usize) {
        // An organisation by its head first ("Senate Judiciary Committee"),
        // else the known names in the title ("White House" in "White House
        // Press Secretary").
        let head = (a..s).rev().find(|&k| {
            self.tok(k).is_some_and(Tok::cap)
                && self.cues_at(k) & (cue::ORGANISATION | cue::GROUP) != 0
                && self.cues_at(k) & cue::PORTFOLIO == 0
        });
        if let Some(h) = head {
            let mut e = h + 1;
            if self.is_at(e, "of") && self.tok(e + 1).is_some_and(Tok::cap) && e + 1 < s {
                e += 2;
                while e < s && self.tok(e).is_some_and(Tok::cap) && !self.role_at(e) {
                    e += 1;
                }
            }
            if let Some(m) = self.known_or_head(a, e) {
                self.premodifiers(m, a);
                return;
            }
        }
        self.known_in_title(a, s);
    }

    /// Push the longest known names inside the title `a..s`; whether any.
    /// Whether `a..b` is three known names or more side by side with no
    /// word between them that belongs to none: "Uganda Ukraine United Arab
    /// Emirates". One name that holds two ("United States Virgin Islands")
    /// is not a run.
    fn run_of_known_names(&self, a: usize, b: usize) -> bool {
        if b - a < 3 {
            return false;
        }
        // No known name is this many words long: a run of hundreds of
        // names (a whole country list) costs a few lookups a word.
        const LONGEST: usize = 12;
        let (mut pos, mut names, mut loose) = (a, 0, 0);
        while pos < b {
            let found = (pos + 1..=b.min(pos + LONGEST))
                .rev()
                .find(|&k| self.lex.known(&self.key(pos, k)).is_some());
            match found {
                Some(k) => {
                    names += 1;
                    pos = k;
                }
                None => {
                    loose += 1;
                    pos += 1;
                }
            }
        }
        names >= 3 && loose <= 1
    }

    fn known_in_title(&mut self, a: usize, s: usize) -> bool {
        let mut any = false;
        let mut pos = a;
        while pos < s {
            let found = (pos + 1..=s).rev().find_map(|k| {
                let key = self.key(pos, k);
                let single_demonym = k == pos + 1 && self.lex.demonym(&key).is_some();
                self.lex
                    .known(&key)
                    .filter(|_| !single_demonym)
                    .map(|kn| (k, kn))
            });
            match found {
                Some((k, kn)) => {
                    self.push(
                        pos,
                        k,
                        evidence(kn.kind, weight::KNOWN),
                        Some(kn),
                        Ref::Name,
                    );
                    pos = k;
                    any = true;
                }
                None => pos += 1,
            }
        }
        any
    }

    /// Push `a..b` as a known name or one typed by its head.
    fn known_or_head(&mut self, a: usize, b: usize) -> Option<usize> {
        if b <= a {
            return None;
        }
        if let Some(kn) = self.lex.known(&self.key(a, b)) {
            return Some(self.push(a, b, evidence(kn.kind, weight::KNOWN), Some(kn), Ref::Name));
        }
        // "Republican Senate Majority Leader": the party is no part of the
        // body's name.
        let mut a = a;
        while a + 1 < b && self.cues_at(a) & cue::ADJECTIVE != 0 {
            a += 1;
        }
        let (kind, _) = self.head_of(a, b);
        kind.map(|k| self.push(a, b, evidence(k, weight::HEAD), None, Ref::Name))
    }

    /// The first token of the title that ends right before token `a`:
    /// "Harbour Ministry deputy head", "UK's Defense Secretary".
    fn title_left(&self, a: usize) -> usize {
        let mut l = a;
        while l > 0 {
            let Some(t) = self.tok(l - 1) else { break };
            if !t.word() {
                break;
            }
            let s = base(t.s);
            let c = self.cues_of(t);
            let titled = c & (cue::PORTFOLIO | cue::HONORIFIC | cue::ORGANISATION | cue::GROUP)
                != 0
                && !(t.lower() && c & (cue::DETERMINER | cue::STOP) != 0);
            let ok = self.lex.is_role(s)
                || titled
                || (t.cap() && c & (cue::NOT_NAME | cue::CALENDAR | cue::DETERMINER) == 0)
                || self.lex.demonym(s).is_some()
                || (t.is("of") && l >= 2 && self.tok(l - 2).is_some_and(Tok::cap));
            if !ok {
                break;
            }
            l -= 1;
        }
        while l < a && (self.is_at(l, "of") || self.is_at(l, "for")) {
            l += 1;
        }
        l
    }

    /// A role descriptor over tokens `l..s` for mention `m`, when they hold
    /// a title word (an honorific alone is no role).
    fn role(&mut self, m: usize, l: usize, s: usize) {
        if l >= s || !(l..s).any(|k| self.role_at(k)) {
            return;
        }
        let (Some(first), Some(last)) = (self.tok(l), self.tok(s - 1)) else {
            return;
        };
        let span = first.r.start..last.r.end;
        self.out.descs.push(Desc {
            target: Target::Mention(m),
            span,
            polarity: Polarity::Role,
            usage: Use::Role,
        });
    }

    /// The kind a head word gives the name `a..b`, and the head's index.
    fn head_of(&self, a: usize, b: usize) -> (Option<Kind>, Option<usize>) {
        let kind = |k: usize| {
            let c = self.cues_at(k);
            if c & cue::ORGANISATION != 0 {
                Some(Kind::Organisation)
            } else if c & cue::GROUP != 0 {
                Some(Kind::Group)
            } else if c & cue::PLACE != 0 {
                Some(Kind::Place)
            } else {
                None
            }
        };
        if b > a + 1 || self.tok(a).is_some_and(|t| !t.cap()) {
            if let Some(k) = kind(b - 1) {
                return (Some(k), Some(b - 1));
            }
        }
        let joiner = (a + 1..b).find(|&k| self.is_at(k, "of") || self.is_at(k, "for"));
        if let Some(j) = joiner {
            if let Some(k) = kind(j - 1) {
                return (Some(k), Some(j - 1));
            }
        }
        (None, None)
    }

    /// The kind a name's shape suggests.
    fn shape(&self, a: usize, b: usize) -> Evidence {
        let count = b - a;
        // "Time magazine", "the Velmar Ledger newspaper"
        let next_fits = self.tok(b).is_some_and(|n| {
            n.lower() && self.lex.of_outlet_shapes & shape_bit(base(n.s).as_bytes()) != 0
        });
        if next_fits && self.cues_at(b) & cue::OF_OUTLET != 0 {
            return evidence(Kind::Organisation, weight::HEAD);
        }
        let capitals = (a..b).all(|k| {
            self.tok(k)
                .is_some_and(|t| !t.word() || all_caps(base(t.s)))
        });
        if capitals || count >= 4 {
            return evidence(Kind::Organisation, weight::SHAPE);
        }
        if count >= 2 {
            // "Social Security", "Homeland Security", "Crossroads GPS": a
            // portfolio word or an acronym is no part of a personal name.
            // "House Republicans", "American Possibilities": a name that
            // ends in a known body or opens with a demonym is no person's.
            // "Daily Beast": a word of a news organisation's name.
            let official = (a..b).any(|k| {
                self.cues_at(k) & (cue::PORTFOLIO | cue::OUTLET) != 0
                    || self
                        .tok(k)
                        .is_some_and(|t| all_caps(base(t.s)) && !self.initials_at(t))
            }) || self.tok(b - 1).is_some_and(|t| {
                self.known_token(base(t.s))
                    .is_some_and(|kn| matches!(kn.kind, Kind::Organisation | Kind::Group))
            }) || self.tok(a).is_some_and(|t| {
                self.lex.demonym(base(t.s)).is_some() || self.cues_of(t) & cue::ADJECTIVE != 0
            });
            let kind = if official {
                Kind::Organisation
            } else {
                Kind::Person
            };
            return evidence(kind, weight::SHAPE);
        }
        let s = self.tok(a).map_or("", |t| base(t.s));
        if camel_case(s) {
            return evidence(Kind::Organisation, weight::SHAPE);
        }
        // "in Ostrena," but not "in Trump impeachment trial".
        let governed = a > 0 && self.cues_at(a - 1) & cue::PLACE_PREPOSITION != 0;
        let ends = self
            .tok(b)
            .is_none_or(|n| !n.lower() || self.cues_of(n) & (cue::STOP | cue::PREPOSITION) != 0);
        // "Velmar officials", "Idlib residents"
        let people = self.tok(b).is_some_and(|n| n.lower()) && self.cues_at(b) & cue::OF_PLACE != 0;
        if governed && ends || people {
            evidence(Kind::Place, weight::SHAPE)
        } else {
            evidence(Kind::Person, weight::NONE)
        }
    }

    fn push(
        &mut self,
        a: usize,
        b: usize,
        ev: Evidence,
        known: Option<Known>,
        reference: Ref,
    ) -> usize {
        let span = self.span(a, b);
        let m = self.push_span(span, ev, known, reference);
        // Heads and cores need the tokens.
        if let Some(men) = self.out.mentions.get_mut(m) {
            men.heads.clear();
        }
        let (_, head) = self.head_of(a, b);
        let mut heads = Vec::new();
        if let Some(t) = self.tok(b - 1) {
            heads.push(base(t.s).to_lowercase());
        }
        if let Some(h) = head {
            if let Some(t) = self.tok(h) {
                let h = base(t.s).to_lowercase();
                if !heads.contains(&h) {
                    heads.push(h);
                }
            }
        }
        let organised = matches!(ev.kind, Kind::Organisation | Kind::Group);
        let core = if organised && b - a >= 2 {
            let mut k = a;
            while k + 2 <= b {
                let Some(t) = self.tok(k) else { break };
                let s = base(t.s);
                let leading = self.lex.demonym(s).is_some()
                    || self
                        .lex
                        .known(&normalise(s))
                        .is_some_and(|kn| kn.kind == Kind::Place || acronym_like(&normalise(s)));
                if !leading {
                    break;
                }
                k += 1;
            }
            let prefix = if k > a {
                self.key(a, k).to_lowercase()
            } else {
                String::new()
            };
            let core = self.key(k, b).to_lowercase();
            (core.contains(' ')).then_some((core, prefix))
        } else {
            None
        };
        if let Some(men) = self.out.mentions.get_mut(m) {
            men.heads = heads;
            men.core = core;
        }
        self.here.push((m, a..b));
        m
    }

    fn push_span(
        &mut self,
        span: Range<usize>,
        ev: Evidence,
        known: Option<Known>,
        reference: Ref,
    ) -> usize {
        let mut form = clean_form(self.text.get(span.clone()).unwrap_or(""));
        if matches!(reference, Ref::Definite { .. }) {
            if let Some(rest) = form.strip_prefix("The ") {
                form = format!("the {rest}");
            }
        }
        let key = if form.contains(['.', '\u{2019}', '\u{2018}']) {
            normalise(&form)
        } else {
            form.clone()
        };
        let words = key.to_lowercase().split(' ').map(str::to_string).collect();
        self.out.mentions.push(Mention {
            span,
            sentence: self.sentence,
            form,
            key,
            words,
            evidence: ev,
            known,
            core: None,
            heads: Vec::new(),
            reference,
        });
        self.out.mentions.len() - 1
    }

    /// After a name ending before token `b`: an acronym in parentheses,
    /// then labels, appositives and relative clauses. Returns the index to
    /// go on from.
    fn after_name(&mut self, m: usize, b: usize) -> usize {
        let mut e = b;
        let person =
            self.out.mentions.get(m).is_some_and(|x| {
                x.evidence.kind == Kind::Person && x.evidence.weight >= weight::TITLE
            });
        if !person
            && self.punct_at(e, "(")
            && self.punct_at(e + 2, ")")
            && self.acronym_of(m, e + 1)
        {
            let ev = self.out.mentions.get(m).map(|x| x.evidence);
            if let (Some(t), Some(ev)) = (self.tok(e + 1).cloned(), ev) {
                let known = self.lex.known(&normalise(t.s));
                let a = self.push_span(t.r.clone(), ev, known, Ref::Acronym { of: m });
                self.here.push((a, e + 1..e + 2));
                for c in self.covered.iter_mut().skip(e).take(3) {
                    *c = true;
                }
                e += 3;
            }
        }
        self.describe_after(m, e);
        e
    }

    /// Whether token `i` is an acronym for mention `m`.
    fn acronym_of(&self, m: usize, i: usize) -> bool {
        let Some(t) = self.tok(i) else {
            return false;
        };
        let s = t.s;
        let shaped = t.word()
            && (2..=8).contains(&s.chars().count())
            && s.chars().all(|c| c.is_alphabetic() || c == '.')
            && s.chars().filter(|c| c.is_uppercase()).count() >= 2
            && s.chars().next().is_some_and(char::is_uppercase);
        let initial = s
            .chars()
            .next()
            .map(|c| c.to_lowercase().collect::<String>());
        shaped
            && self.out.mentions.get(m).is_some_and(|x| {
                x.words.len() >= 2
                    && initial
                        .as_deref()
                        .is_some_and(|c| x.words.iter().any(|w| w.starts_with(c)))
            })
    }

    /// Labels, appositives and relative clauses after a mention whose
    /// tokens end before `e`.
    fn describe_after(&mut self, m: usize, e: usize) {
        let start = self
            .here
            .iter()
            .find(|(x, _)| *x == m)
            .map_or(e, |(_, r)| r.start);
        // "Fajr Front militants", "IS terrorist group"
        // Only nouns: "Hamas militants", "IS terrorist group", not "the
        // Kremlin banned".
        let mut j = e;
        let mut label_end = None;
        while let Some(t) = self.tok(j) {
            if !t.lower() {
                break;
            }
            if self.lex.polarity(t.s) == Some(Polarity::Label) {
                j += 1;
                if t.s.ends_with('s') {
                    label_end = Some(j);
                }
            } else if j > e && self.generic_noun(t.s) {
                j += 1;
                label_end = Some(j);
                break;
            } else {
                break;
            }
        }
        if let Some(end) = label_end {
            let span = self.tok_span(e, end);
            let plural = self.tok(end - 1).is_some_and(|t| t.s.ends_with('s'));
            self.out.descs.push(Desc {
                target: Target::Mention(m),
                span: span.clone(),
                polarity: Polarity::Label,
                usage: Use::Label,
            });
            if plural {
                if let Some(other) = self.coordinated(start) {
                    self.out.descs.push(Desc {
                        target: Target::Mention(other),
                        span,
                        polarity: Polarity::Label,
                        usage: Use::Label,
                    });
                }
            }
        }
        if !self.punct_at(e, ",") {
            return;
        }
        if self.is_at(e + 1, "which") || self.is_at(e + 1, "who") {
            self.relative(m, start, e + 1);
        } else {
            self.appositive(m, e + 1);
        }
    }

    /// A mention joined to the one starting at token `start` by "and" or a
    /// comma ("the Fajr Front and Dorsk Brigade terrorist
    /// organizations").
    fn coordinated(&self, start: usize) -> Option<usize> {
        if start == 0 || !(self.is_at(start - 1, "and") || self.punct_at(start - 1, ",")) {
            return None;
        }
        self.here
            .iter()
            .find(|(_, r)| r.end + 1 == start)
            .map(|(x, _)| *x)
    }

    fn generic_noun(&self, s: &str) -> bool {
        let c = self.lex.cues(s)
            | s.strip_suffix('s')
                .map_or(0, |singular| self.lex.cues(singular));
        c & (cue::DESCRIBES | cue::REFERS) != 0 || s == "fighters"
    }

    fn tok_span(&self, a: usize, b: usize) -> Range<usize> {
        match (self.tok(a), self.tok(b.saturating_sub(1))) {
            (Some(f), Some(l)) if b > a => f.r.start..l.r.end.max(f.r.start),
            _ => 0..0,
        }
    }

    /// Whether the mention starting at token `start` is its sentence's
    /// subject: nothing before it but capitals, determiners, quote marks and
    /// characterising words.
    fn is_subject(&self, start: usize) -> bool {
        (0..start).all(|k| {
            self.tok(k).is_some_and(|t| match t.kind {
                TokenKind::Word => {
                    t.cap()
                        || self.lex.has(t.s, cue::DETERMINER)
                        || self.lex.polarity(t.s).is_some()
                }
                TokenKind::Quote => true,
                TokenKind::Punct => matches!(t.s, "(" | "[" | "\u{2014}" | "\u{2013}"),
                _ => false,
            })
        })
    }

    /// Whether the mention starting at token `start` is governed by a
    /// preposition ("in Ostrena’s northern Velmar Province").
    fn after_preposition(&self, start: usize) -> bool {
        let mut k = start;
        let mut adjectives = 0;
        while k > 0 {
            let Some(t) = self.tok(k - 1) else { break };
            if (t.cap() && possessive(t.s)) || (t.lower() && self.lex.has(t.s, cue::DETERMINER)) {
                k -= 1;
            } else if t.lower()
                && !self.lex.has(t.s, cue::PREPOSITION | cue::STOP)
                && adjectives < 2
            {
                adjectives += 1;
                k -= 1;
            } else {
                break;
            }
        }
        k > 0 && self.cues_at(k - 1) & cue::PREPOSITION != 0
    }

    fn verb_like(&self, i: usize) -> bool {
        let Some(t) = self.tok(i) else {
            return false;
        };
        if !t.lower() {
            return false;
        }
        let c = self.lex.cues(t.s);
        if c & cue::AUXILIARY != 0 {
            return true;
        }
        if c & (cue::DETERMINER | cue::STOP | cue::PREPOSITION) != 0 || t.s.len() <= 3 {
            return false;
        }
        // "plans to", "runs the" read as verbs; "lawyers and", "doctors,"
        // as plural nouns.
        let listed = self
            .tok(i + 1)
            .is_none_or(|n| n.kind != TokenKind::Word || n.is("and") || n.is("or"));
        t.s.ends_with("ed") || t.s.ends_with('s') && !listed
    }

    /// ", which operates abroad, employs no reporters …": the clause
    /// from token `w` ("which"/"who") for mention `m` starting at `start`.
    fn relative(&mut self, m: usize, start: usize, w: usize) {
        let subject = self.is_subject(start);
        let mut k = w + 1;
        let mut last = w;
        while let Some(t) = self.tok(k) {
            if t.kind == TokenKind::Punct {
                match t.s {
                    "," => {
                        // The subject's clause ends where the main verb
                        // comes ("…, which includes doctors, lawyers and
                        // chief executives, plans to …").
                        if subject {
                            let mut v = k + 1;
                            while self
                                .tok(v)
                                .is_some_and(|t| t.lower() && t.s.len() > 3 && t.s.ends_with("ly"))
                            {
                                v += 1;
                            }
                            let ends = self.tok(v).is_none_or(|t| {
                                !t.lower()
                                    || self.cues_of(t) & (cue::STOP | cue::PREPOSITION) != 0
                                    || parallax_analysis::lexicon::lexicon().verb(t.s).is_some()
                            }) || self.verb_like(v);
                            if ends {
                                break;
                            }
                            k += 1;
                            continue;
                        }
                        let mut v = k + 1;
                        if self.is_at(v, "and") || self.is_at(v, "or") || self.is_at(v, "but") {
                            v += 1;
                        }
                        if !self.verb_like(v) {
                            break;
                        }
                        k += 1;
                        continue;
                    }
                    "." | "!" | "?" | ";" | ":" | "(" | ")" | "\u{2014}" | "\u{2013}" | "..."
                    | "\u{2026}" => break,
                    _ => {}
                }
            }
            last = k;
            k += 1;
        }
        while last > w && self.tok(last).is_some_and(|t| t.kind == TokenKind::Quote) {
            last -= 1;
        }
        if last <= w {
            return;
        }
        let span = self.tok_span(w, last + 1);
        let polarity = self.polarity_of(w, last + 1);
        let after_preposition = self.after_preposition(start);
        let plural = self.is_at(w + 1, "are") || self.is_at(w + 1, "were");
        self.out.descs.push(Desc {
            target: Target::Mention(m),
            span: span.clone(),
            polarity,
            usage: Use::Relative { after_preposition },
        });
        if plural {
            if let Some(other) = self.coordinated(start) {
                self.out.descs.push(Desc {
                    target: Target::Mention(other),
                    span,
                    polarity,
                    usage: Use::Relative { after_preposition },
                });
            }
        }
    }

    /// ", a widely cited rights watchdog with offices in Ostrena," from token
    /// `w`.
    fn appositive(&mut self, m: usize, w: usize) {
        let Some(t) = self.tok(w) else { return };
        let opens = t.lower()
            && ([
                "a", "an", "the", "one", "another", "its", "his", "her", "their",
            ]
            .iter()
            .any(|d| t.is(d))
                || self.lex.is_role(t.s)
                || self.lex.polarity(t.s).is_some());
        if !opens {
            return;
        }
        let mut k = w;
        let mut content = false;
        while let Some(t) = self.tok(k) {
            if k - w > 30 {
                return;
            }
            let ends = match t.kind {
                TokenKind::Punct => matches!(
                    t.s,
                    "," | ";" | ":" | "." | "!" | "?" | "(" | ")" | "\u{2014}" | "\u{2013}"
                ),
                TokenKind::Quote => true,
                _ => false,
            };
            if ends {
                break;
            }
            if t.lower() {
                let c = self.lex.cues(t.s);
                // A finite verb: the words are a clause ("In Velmar, the
                // army said …"), not an appositive.
                let speech = c & cue::STOP != 0
                    && c & cue::PREPOSITION == 0
                    && t.s.len() > 3
                    && t.s.ends_with(['d', 's']);
                if c & cue::AUXILIARY != 0 || speech {
                    return;
                }
                if t.s.len() >= 3 && c & (cue::DETERMINER | cue::STOP | cue::PREPOSITION) == 0 {
                    content = true;
                }
            }
            k += 1;
        }
        if !content || k == w {
            return;
        }
        for x in self.apposed.iter_mut().take(k).skip(w) {
            *x = true;
        }
        let polarity = self.polarity_of(w, k);
        self.out.descs.push(Desc {
            target: Target::Mention(m),
            span: self.tok_span(w, k),
            polarity,
            usage: Use::Appositive,
        });
        if polarity == Polarity::Role {
            if let Some(men) = self.out.mentions.get_mut(m) {
                if men.evidence.weight < weight::APPOSITIVE && men.known.is_none() {
                    men.evidence = evidence(Kind::Person, weight::APPOSITIVE);
                }
            }
        }
    }

    /// The strongest hint among the words and phrases of tokens `a..b`.
    fn polarity_of(&self, a: usize, b: usize) -> Polarity {
        let mut best = Polarity::Neutral;
        for i in a..b {
            let Some(t) = self.tok(i) else { break };
            if !t.word() {
                continue;
            }
            if let Some(p) = self.lex.polarity(t.s) {
                best = best.max(p);
            }
            let mut phrase = t.s.to_lowercase();
            for k in i + 1..b.min(i + self.lex.phrase_words) {
                let Some(n) = self.tok(k).filter(|n| n.word()) else {
                    break;
                };
                phrase.push(' ');
                phrase.push_str(&n.s.to_lowercase());
                if let Some(p) = self.lex.phrase_polarity(&phrase) {
                    best = best.max(p);
                }
            }
        }
        best
    }

    /// Words before a name that characterise it: "the so-called Velmar
    /// Monitor", "the militant group Hamas". `a` is the first token of
    /// the name or its title.
    fn premodifiers(&mut self, m: usize, a: usize) {
        let mut k = a;
        while k > 0 && a - k < 5 {
            let Some(t) = self.tok(k - 1) else { break };
            if !t.lower()
                || self.lex.has(
                    t.s,
                    cue::DETERMINER | cue::STOP | cue::AUXILIARY | cue::PREPOSITION,
                )
            {
                break;
            }
            k -= 1;
        }
        // "Dorsk Front militants Ostrena says": words after another name are
        // no premodifiers of this one.
        if k == a || k > 0 && self.name_word(k - 1) {
            return;
        }
        let last = self.tok(a - 1).map_or("", |t| t.s);
        if a - k >= 2 && self.generic_noun(last) {
            let polarity = self.polarity_of(k, a);
            self.out.descs.push(Desc {
                target: Target::Mention(m),
                span: self.tok_span(k, a),
                polarity,
                usage: Use::Premodifier,
            });
            return;
        }
        let mut j = a;
        while j > k
            && self.tok(j - 1).is_some_and(|t| {
                self.lex.polarity(t.s).is_some_and(|p| {
                    p != Polarity::Role && !(p == Polarity::Label && t.s.ends_with('s'))
                })
            })
        {
            j -= 1;
        }
        for x in j..a {
            let Some(p) = self.tok(x).and_then(|t| self.lex.polarity(t.s)) else {
                continue;
            };
            if p == Polarity::Neutral {
                continue;
            }
            self.out.descs.push(Desc {
                target: Target::Mention(m),
                span: self.tok_span(x, x + 1),
                polarity: p,
                usage: Use::Premodifier,
            });
        }
    }

    /// "the Observatory", "the Russian ministry", "the source": a
    /// description that points back at a named entity. Returns the index
    /// after it.
    fn definite(&mut self, i: usize) -> Option<usize> {
        let mut j = i + 1;
        let mut modifiers = Vec::new();
        while let Some(x) = self.tok(j) {
            if modifiers.len() >= 2 || !x.word() {
                break;
            }
            let s = base(x.s);
            if possessive(x.s) {
                break;
            }
            if self.lex.demonym(s).is_some() || self.lex.has(s, cue::PORTFOLIO) {
                modifiers.push(s.to_lowercase());
                j += 1;
            } else {
                break;
            }
        }
        let h = self.tok(j)?.clone();
        if !h.word() {
            return None;
        }
        let hs = base(h.s);
        let c = self.lex.cues(hs);
        let generic = c & cue::REFERS != 0;
        if !generic && c & cue::BACK == 0 {
            return None;
        }
        if h.cap() && (!modifiers.is_empty() || generic) {
            return None;
        }
        if !possessive(h.s) {
            if self.name_word(j + 1) {
                return None;
            }
            if self.is_at(j + 1, "of") || self.is_at(j + 1, "for") {
                return None;
            }
        }
        let start = self.tok(i)?.r.start;
        let span = start..h.r.start + hs.len();
        let reference = Ref::Definite {
            head: hs.to_lowercase(),
            modifiers,
            generic,
        };
        let m = self.push_span(
            span,
            evidence(Kind::Organisation, weight::NONE),
            None,
            reference,
        );
        self.here.push((m, i..j + 1));
        for x in self.covered.iter_mut().take(j + 1).skip(i) {
            *x = true;
        }
        self.describe_after(m, j + 1);
        Some(j + 1)
    }

    /// "an obscure monitoring group": an indefinite description that the
    /// next sentences may name.
    fn indefinite(&mut self, i: usize) {
        if self.apposed.get(i).copied().unwrap_or(true) {
            return;
        }
        if i > 0
            && [
                "is", "was", "are", "were", "as", "be", "become", "became", "becomes",
            ]
            .iter()
            .any(|w| self.is_at(i - 1, w))
        {
            return;
        }
        let mut j = i + 1;
        while let Some(t) = self.tok(j) {
            if j - i > 5
                || !t.lower()
                || self.lex.has(
                    t.s,
                    cue::DETERMINER | cue::STOP | cue::AUXILIARY | cue::PREPOSITION,
                )
            {
                break;
            }
            j += 1;
        }
        if j < i + 3 {
            return;
        }
        let Some(head) = self.tok(j - 1) else { return };
        if !self.lex.has(head.s, cue::DESCRIBES) {
            return;
        }
        if self.is_at(j, "of") || self.name_word(j) {
            return;
        }
        let after = head.r.end;
        let polarity = self.polarity_of(i, j);
        self.out.descs.push(Desc {
            target: Target::Forward {
                after,
                sentence: self.sentence,
            },
            span: self.tok_span(i, j),
            polarity,
            usage: Use::Description,
        });
    }

    /// "US-led", "Russia-controlled": a known name before a hyphen and a
    /// lower-case word.
    fn hyphen_prefix(&mut self, i: usize) {
        let Some(t) = self.tok(i).cloned() else {
            return;
        };
        if !t.s.as_bytes().contains(&b'-') {
            return;
        }
        let Some((pre, rest)) = t.s.split_once('-') else {
            return;
        };
        if !pre.chars().next().is_some_and(char::is_uppercase)
            || !rest.chars().next().is_some_and(char::is_lowercase)
            || self.lex.demonym(pre).is_some()
        {
            return;
        }
        if let Some(kn) = self.lex.known(&normalise(pre)) {
            let span = t.r.start..t.r.start + pre.len();
            let m = self.push_span(span, evidence(kn.kind, weight::KNOWN), Some(kn), Ref::Name);
            self.here.push((m, i..i + 1));
        }
    }
}

fn evidence(kind: Kind, weight: u8) -> Evidence {
    Evidence { kind, weight }
}
