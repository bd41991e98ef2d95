//! Who a quotation hangs on: the mention in the text (a name, a title, a
//! pronoun, a description), and who that mention is, resolved from the
//! document's own mentions only.

use std::ops::Range;
use std::sync::OnceLock;

use parallax_analysis::lexicon::{lexicon, Gender, Kind};
use parallax_analysis::FastSet;
use parallax_model::{Mode, SourceType};

use crate::words::{
    is_auxiliary, is_calendar, is_capitalised_non_name, is_determiner, is_joiner, is_phrase_stop,
    Word,
};

const ORG_HEADS: &str = include_str!("../../../data/organisation_heads.txt");

fn org_heads() -> &'static FastSet<&'static str> {
    static SET: OnceLock<FastSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| parallax_analysis::word_list(ORG_HEADS))
}

pub fn is_org_head(word: &str) -> bool {
    if word.chars().any(char::is_uppercase) {
        org_heads().contains(word.to_lowercase().as_str())
    } else {
        org_heads().contains(word)
    }
}

/// What a speaker mention is, before resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MentionKind {
    /// A personal name, with the role written around it.
    Person { name: String, role: Option<String> },
    /// One capitalised word that may be a surname ("Antonov").
    Surname(String),
    /// An organisation or a country ("the Russian Defense Ministry", "Russia").
    Organisation(String),
    /// A pronoun ("he", "they").
    Pronoun { kind: Kind, gender: Gender },
    /// A description ("the military official", "the MoD deputy head", "sources").
    Nominal {
        head: String,
        /// The description as written, without its determiner.
        written: String,
        words: Vec<String>,
        kind: Kind,
        gender: Gender,
        /// "the official" points back at someone; "an official" does not.
        definite: bool,
    },
}

/// A speaker mention found next to a cue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub range: Range<usize>,
    pub kind: MentionKind,
}

/// A resolved speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    pub name: String,
    pub role: Option<String>,
    pub kind: Kind,
    pub gender: Gender,
}

fn is_name_word(w: &Word<'_>) -> bool {
    w.capitalised()
        && !w.quoted
        && lexicon().pronoun(w.lower).is_none()
        && !is_calendar(w)
        && !is_capitalised_non_name(w)
}

fn is_person_noun(w: &Word<'_>) -> bool {
    lexicon().noun(w.lower, Kind::Person).is_some()
        || lexicon().noun(w.lower, Kind::People).is_some()
        || lexicon().noun(w.lower, Kind::Title).is_some()
}

/// Skip time phrases between a subject and its verb: "the ministry on
/// Thursday denied", "Putin last week said".
fn skip_time_left(ws: &[Word<'_>], mut i: usize) -> usize {
    loop {
        let before = i;
        while i > 0
            && ws[i - 1].is_word()
            && (is_calendar(&ws[i - 1])
                || ws[i - 1].s.chars().all(|c| c.is_ascii_digit())
                || [
                    "today",
                    "yesterday",
                    "tonight",
                    "week",
                    "month",
                    "year",
                    "morning",
                    "evening",
                    "afternoon",
                    "night",
                ]
                .iter()
                .any(|t| ws[i - 1].is(t)))
        {
            i -= 1;
        }
        if i < before
            && i > 0
            && ["on", "last", "this", "early", "late", "earlier", "in"]
                .iter()
                .any(|p| ws[i - 1].is(p))
        {
            i -= 1;
        }
        if i == before {
            return i;
        }
    }
}

fn join(words: &[Word<'_>], text: &str) -> String {
    match (words.first(), words.last()) {
        (Some(a), Some(b)) => text.get(a.r.start..b.r.end).unwrap_or_default().to_string(),
        _ => String::new(),
    }
}

fn title_word(w: &Word<'_>) -> bool {
    lexicon().noun(w.lower, Kind::Title).is_some()
}

/// Split a capitalised run into role words (titles, offices) and the name.
fn split_role(words: &[Word<'_>], text: &str) -> MentionKind {
    // The name is the longest tail of name words that are neither titles nor
    // speaker nouns ("Defense Ministry deputy head | Anatoly Antonov").
    let mut cut = words.len();
    while cut > 0 {
        let w = &words[cut - 1];
        let joiner = is_joiner(w) && cut < words.len() && cut > 1;
        let plain = w.capitalised()
            && !title_word(w)
            && lexicon().any_noun(w.lower).is_none()
            && !is_org_head(w.lower);
        if plain || (joiner && words[cut - 2].capitalised()) {
            cut -= 1;
        } else {
            break;
        }
    }
    // "Syrian Observatory for Human Rights", "Ministry of Defense": an
    // organisation head followed only by more of its name.
    if let Some(h) = words
        .iter()
        .position(|w| w.capitalised() && is_org_head(w.lower))
    {
        let tail_is_name = words[h + 1..]
            .iter()
            .all(|w| w.capitalised() || is_joiner(w));
        if tail_is_name {
            let start = words
                .iter()
                .position(|w| !is_determiner(w) && w.capitalised())
                .unwrap_or(0);
            return MentionKind::Organisation(join(&words[start..], text));
        }
    }
    let (role, name) = words.split_at(cut);
    let role_words: Vec<Word<'_>> = role.iter().filter(|w| !is_determiner(w)).cloned().collect();
    let last_is_org = words.last().is_some_and(|w| is_org_head(w.lower));
    if last_is_org
        || name.is_empty()
            && role_words.iter().all(|w| w.capitalised())
            && !role_words.is_empty()
            && role_words.iter().any(|w| is_org_head(w.lower))
    {
        let start = words.iter().position(|w| !is_determiner(w)).unwrap_or(0);
        return MentionKind::Organisation(join(&words[start..], text));
    }
    if name.is_empty() {
        let head = role_words.last().map(|w| w.lower()).unwrap_or_default();
        let noun = lexicon().any_noun(&head);
        return MentionKind::Nominal {
            written: join(&role_words, text),
            definite: words.first().is_some_and(|w| w.is("the")),
            head,
            words: role_words.iter().map(Word::lower).collect(),
            kind: noun.map_or(Kind::Person, |n| {
                if n.kind == Kind::Title {
                    Kind::Person
                } else {
                    n.kind
                }
            }),
            gender: noun.map_or(Gender::Unknown, |n| n.gender),
        };
    }
    // Ranks alone ("Maj. Gen.") are not a role when an office is also named.
    let offices: Vec<&Word<'_>> = role_words.iter().filter(|w| !title_word(w)).collect();
    let role = if !offices.is_empty() {
        let first = offices.first().map(|w| w.r.start);
        let last = offices.last().map(|w| w.r.end);
        first
            .zip(last)
            .and_then(|(a, b)| text.get(a..b))
            .map(str::to_string)
    } else if !role_words.is_empty() {
        Some(join(&role_words, text))
    } else {
        None
    };
    // "the US and Russia", "Smith and Jones": two names joined are a group,
    // never one person.
    if name.iter().any(|w| w.is("and")) {
        return MentionKind::Nominal {
            written: join(name, text),
            definite: false,
            head: name.last().map(|w| w.lower()).unwrap_or_default(),
            words: name.iter().map(Word::lower).collect(),
            kind: Kind::People,
            gender: Gender::Unknown,
        };
    }
    if name.len() == 1 && role.is_none() {
        let w = &name[0];
        if w.s.chars().all(|c| c.is_uppercase() || !c.is_alphabetic()) && w.s.chars().count() > 1 {
            return MentionKind::Organisation(w.s.to_string());
        }
        return MentionKind::Surname(w.s.to_string());
    }
    MentionKind::Person {
        name: join(name, text),
        role,
    }
}

/// Step left over auxiliaries, adverbs and time phrases that stand between
/// a subject and its verb ("has also", "on Thursday", "recently").
pub fn skip_left_modifiers(ws: &[Word<'_>], end: usize) -> usize {
    let mut i = end;
    loop {
        let before = i;
        // A short parenthesis: "Sen. Bernie Sanders (I-Vt.) said".
        if i > 0 && ws[i - 1].s == ")" {
            if let Some(open) = ws[..i - 1].iter().rposition(|w| w.s == "(") {
                if i - open <= 8 && open > 0 {
                    i = open;
                }
            }
        }
        while i > 0 && is_auxiliary(&ws[i - 1]) && !ws[i - 1].capitalised() {
            i -= 1;
        }
        i = skip_time_left(ws, i);
        if i == before {
            return i;
        }
    }
}

/// The speaker mention that ends just before `end` (exclusive word index),
/// reading leftwards: "Defense Ministry deputy head Anatoly Antonov", "the
/// military official", "he".
pub fn mention_left(ws: &[Word<'_>], end: usize, text: &str) -> Option<Mention> {
    mention_left_from(ws, end, text, true)
}

/// [`mention_left`], optionally letting a place hang on the description
/// before it (one level only, so that long chains stay linear).
fn mention_left_from(
    ws: &[Word<'_>],
    end: usize,
    text: &str,
    place_may_hang: bool,
) -> Option<Mention> {
    let mut i = skip_left_modifiers(ws, end);
    // A bracketed acronym after a name: "… for Human Rights (SOHR)".
    if i >= 3 && ws[i - 1].s == ")" && ws[i - 3].s == "(" {
        i -= 3;
    }
    let last = i.checked_sub(1)?;
    let w = ws.get(last)?;
    if w.quoted {
        return None;
    }
    if let Some(p) = lexicon().pronoun(w.lower) {
        return Some(Mention {
            range: w.r.clone(),
            kind: MentionKind::Pronoun {
                kind: p.kind,
                gender: p.gender,
            },
        });
    }
    let head_is_noun = lexicon().any_noun(w.lower).is_some() || is_org_head(w.lower);
    if is_phrase_stop(w) {
        return None;
    }
    if !(is_name_word(w) || head_is_noun) {
        return generic_phrase_left(ws, last, text);
    }
    let mut start = last;
    while start > 0 {
        let p = &ws[start - 1];
        let right = &ws[start];
        // Joiners inside a name come first: "Concord of Nations" reads on
        // where a bare "of" would end the phrase.
        let joiner = is_joiner(p)
            && start >= 2
            && ws[start - 2].capitalised()
            && right.capitalised()
            && !p.quoted;
        let stop = !joiner
            && (p.quoted
                || !(p.is_word() || p.is("'s") || p.is("’s"))
                || is_phrase_stop(p)
                || is_determiner(p));
        if stop {
            break;
        }
        let number = p.kind == parallax_text::TokenKind::Number
            || [
                "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
            ]
            .iter()
            .any(|n| p.is(n));
        let ok = if is_name_word(p) || p.is("'s") || p.is("’s") || joiner {
            true
        } else if number {
            // "47 percent", "Six in 10 voters"
            lexicon().noun(ws[last].lower, Kind::People).is_some()
        } else if is_person_noun(p) || (p.is_word() && is_org_head(p.lower)) {
            // A role word before a name or a title ("deputy head Anatoly
            // Antonov"), or part of a description ("ministry spokesman").
            !right.capitalised() || is_person_noun(p)
        } else {
            // Other lowercase words only as modifiers of a lowercase role
            // word or description head ("the military official", "defense
            // minister"), never glued to a name.
            !p.capitalised() && !right.capitalised() && p.verb.is_none() && last - start < 3
        };
        if !ok {
            break;
        }
        start -= 1;
    }
    // A determiner opens the phrase but is kept out of names.
    let with_det = start > 0 && is_determiner(&ws[start - 1]);
    let from = if with_det { start - 1 } else { start };
    let span = &ws[from..=last];
    // "a military official in Stolvena": the place hangs on a description.
    if place_may_hang
        && from == start
        && start >= 2
        && ["in", "from", "at"].iter().any(|p| ws[start - 1].is(p))
        && span.iter().all(|w| w.capitalised())
    {
        if let Some(head) = mention_left_from(ws, start - 1, text, false) {
            if matches!(head.kind, MentionKind::Nominal { .. }) {
                return Some(Mention {
                    range: head.range.start..span.last()?.r.end,
                    kind: head.kind,
                });
            }
        }
    }
    let kind = split_role(span, text);
    Some(Mention {
        range: span.first()?.r.start..span.last()?.r.end,
        kind,
    })
}

/// Any determiner-led noun phrase ending at `last` ("a new poll", "the
/// study", "his campaign"): sources that are not people or bodies.
fn generic_phrase_left(ws: &[Word<'_>], last: usize, text: &str) -> Option<Mention> {
    let head = ws.get(last)?;
    if !head.is_word() || head.capitalised() || head.verb.is_some() || is_auxiliary(head) {
        return None;
    }
    let mut start = last;
    while start > 0 && last - start < 5 {
        let p = &ws[start - 1];
        if is_determiner(p) {
            let span = &ws[start - 1..=last];
            return Some(Mention {
                range: span.first()?.r.start..span.last()?.r.end,
                kind: MentionKind::Nominal {
                    head: head.lower(),
                    written: join(&span[1..], text),
                    words: span[1..].iter().map(Word::lower).collect(),
                    kind: Kind::Organisation,
                    gender: Gender::Unknown,
                    definite: false,
                },
            });
        }
        if p.quoted || !p.is_word() || is_phrase_stop(p) || p.verb.is_some() {
            return None;
        }
        start -= 1;
    }
    None
}

/// The speaker mention that starts at `start` reading rightwards, for
/// inverted cues ("…, said Igor Klimov, a Russian Air Force spokesman").
/// Returns the mention and the index after it.
pub fn mention_right(ws: &[Word<'_>], start: usize, text: &str) -> Option<(Mention, usize)> {
    let first = ws.get(start)?;
    if first.quoted {
        return None;
    }
    if let Some(p) = lexicon().pronoun(first.lower) {
        return Some((
            Mention {
                range: first.r.clone(),
                kind: MentionKind::Pronoun {
                    kind: p.kind,
                    gender: p.gender,
                },
            },
            start + 1,
        ));
    }
    let mut end = start;
    if is_determiner(first) {
        end += 1;
    }
    while let Some(w) = ws.get(end) {
        let ok = !w.quoted
            && (is_name_word(w)
                || (w.is_word() && lexicon().any_noun(w.lower).is_some())
                || (w.is_word() && is_org_head(w.lower))
                || (is_joiner(w)
                    && end > start
                    && ws.get(end + 1).is_some_and(|n| n.capitalised()))
                || (w.is_word()
                    && !w.capitalised()
                    && end > start
                    && end - start <= 5
                    && is_determiner(&ws[start])
                    && w.verb.is_none()
                    && !is_joiner(w)
                    && !is_phrase_stop(w)
                    && !is_auxiliary(w)));
        if !ok {
            break;
        }
        end += 1;
    }
    if end == start || (end == start + 1 && is_determiner(first)) {
        return None;
    }
    let span = &ws[start..end];
    // Trim a trailing lowercase word that is not a speaker noun ("Reuters
    // on"), unless the phrase is a plain description ("the newspaper").
    let mut stop = span.len();
    while stop > 1
        && !is_determiner(first)
        && !span[stop - 1].capitalised()
        && lexicon().any_noun(span[stop - 1].lower).is_none()
        && !is_org_head(span[stop - 1].lower)
    {
        stop -= 1;
    }
    let span = &span[..stop];
    let kind = split_role(span, text);
    Some((
        Mention {
            range: span.first()?.r.start..span.last()?.r.end,
            kind,
        },
        start + stop,
    ))
}

/// An appositive after a name ("Igor Klimov, a Russian Air Force
/// spokesman"): the role it states, if the words read like one.
pub fn appositive_role(ws: &[Word<'_>], text: &str) -> Option<String> {
    let first = ws.first()?;
    let led_by_role = is_person_noun(first);
    if !(is_determiner(first) || led_by_role) || ws.len() > 14 || ws.len() < 2 && !led_by_role {
        return None;
    }
    let body = if led_by_role { ws } else { &ws[1..] };
    let end = body.iter().rposition(|w| w.is_word())?;
    Some(join(&body[..=end], text))
}

/// What kind of source a mention resolved to is, and, for a document, the
/// mode of what it reports ("the survey found": evidence).
pub fn source_of(m: &Mention, res: &Resolved, text: &str) -> (SourceType, Option<Mode>) {
    let head = text
        .get(m.range.clone())
        .and_then(|s| s.split_whitespace().last())
        .unwrap_or_default();
    if let Some(mode) = lexicon().document(head) {
        return (SourceType::Document, Some(mode));
    }
    if res.name.is_empty() {
        // Unresolved: "they" and "some" still say several speak.
        let several = match &m.kind {
            MentionKind::Pronoun { kind, .. } | MentionKind::Nominal { kind, .. } => {
                *kind == Kind::People
            }
            _ => false,
        };
        let kind = if several {
            SourceType::Group
        } else {
            SourceType::Unknown
        };
        return (kind, None);
    }
    let kind = match res.kind {
        Kind::Person | Kind::Title => SourceType::Person,
        Kind::People => SourceType::Group,
        Kind::Organisation => SourceType::Organisation,
    };
    (kind, None)
}

/// A person mentioned anywhere in the document, for resolving surnames.
#[derive(Debug, Clone)]
pub struct KnownPerson {
    pub name: String,
    pub role: Option<String>,
    pub gender: Gender,
    pub at: usize,
}

/// The document's own mentions, gathered before quotations are attributed,
/// and the speakers resolved so far.
#[derive(Debug, Default)]
pub struct Resolver {
    pub people: Vec<KnownPerson>,
    /// Positions in `people` by lower-cased surname.
    by_surname: parallax_analysis::FastMap<String, Vec<usize>>,
    pub speakers: Vec<(usize, Resolved)>,
}

/// How many earlier speakers a pronoun or description may point back to:
/// enough for any article, and it keeps long documents linear.
const LOOKBACK: usize = 64;

fn surname(name: &str) -> &str {
    name.split_whitespace().last().unwrap_or(name)
}

fn gender_of_role(role: Option<&str>) -> Gender {
    role.into_iter()
        .flat_map(|r| r.split_whitespace())
        .filter_map(|w| lexicon().any_noun(w))
        .map(|n| n.gender)
        .find(|g| *g != Gender::Unknown)
        .unwrap_or(Gender::Unknown)
}

impl Resolver {
    /// Note the people named in one sentence.
    pub fn learn_sentence(&mut self, ws: &[Word<'_>], text: &str) {
        let mut i = 0;
        while i < ws.len() {
            if !is_name_word(&ws[i]) {
                i += 1;
                continue;
            }
            let mut j = i;
            while j + 1 < ws.len()
                && (is_name_word(&ws[j + 1])
                    || (is_joiner(&ws[j + 1]) && ws.get(j + 2).is_some_and(is_name_word)))
            {
                j += 1;
            }
            // Only a name of two words or more is learned; a run of one
            // capitalised word ("The", "Konashenkov") cannot make one.
            let single = j == i;
            if let Some(m) = (!single).then(|| mention_left(ws, j + 1, text)).flatten() {
                if let MentionKind::Person { name, role } = &m.kind {
                    if name.split_whitespace().count() >= 2 {
                        let gender = gender_of_role(role.as_deref());
                        self.by_surname
                            .entry(surname(name).to_lowercase())
                            .or_default()
                            .push(self.people.len());
                        self.people.push(KnownPerson {
                            name: name.clone(),
                            role: role.clone(),
                            gender,
                            at: m.range.start,
                        });
                    }
                }
            }
            i = j + 1;
        }
    }

    /// The person last named before `before` whose surname is `word`
    /// (compared without case: transcripts write "WALLACE" for Chris
    /// Wallace), or else the first one named after it.
    fn person_by_surname(&self, word: &str, before: usize) -> Option<&KnownPerson> {
        let found = self.by_surname.get(&word.to_lowercase())?;
        let person = |i: &usize| self.people.get(*i);
        found
            .iter()
            .rev()
            .filter_map(person)
            .find(|p| p.at <= before)
            .or_else(|| found.first().and_then(person))
    }

    /// The speakers resolved so far, latest first, as far back as [`LOOKBACK`].
    fn recent(&self) -> impl Iterator<Item = &Resolved> {
        self.speakers.iter().rev().take(LOOKBACK).map(|(_, s)| s)
    }

    /// Who a mention is, given everything said before `at`.
    pub fn resolve(&mut self, m: &Mention, at: usize) -> Resolved {
        let r = match &m.kind {
            MentionKind::Person { name, role } => {
                let known = self
                    .person_by_surname(surname(name), at)
                    .filter(|p| p.name == *name);
                let role = role.clone().or_else(|| known.and_then(|p| p.role.clone()));
                let gender = gender_of_role(role.as_deref());
                Resolved {
                    name: name.clone(),
                    role,
                    kind: Kind::Person,
                    gender,
                }
            }
            MentionKind::Surname(s)
                if self.speakers.iter().rev().take(LOOKBACK).any(|(_, r)| {
                    r.kind == Kind::Person && surname(&r.name) == s && r.name != *s
                }) =>
            {
                let known = self
                    .recent()
                    .find(|r| r.kind == Kind::Person && surname(&r.name) == s);
                known.cloned().unwrap_or(Resolved {
                    name: s.clone(),
                    role: None,
                    kind: Kind::Person,
                    gender: Gender::Unknown,
                })
            }
            MentionKind::Surname(s) => match self.person_by_surname(s, at) {
                Some(p) => Resolved {
                    name: p.name.clone(),
                    role: p.role.clone(),
                    kind: Kind::Person,
                    gender: p.gender,
                },
                // People are introduced by their full name; a lone capitalised
                // subject nobody was named with is a country, city or body
                // ("Russia says", "Moscow announced").
                None => Resolved {
                    name: s.clone(),
                    role: None,
                    kind: Kind::Organisation,
                    gender: Gender::Unknown,
                },
            },
            MentionKind::Organisation(o) => Resolved {
                name: o.clone(),
                role: None,
                kind: Kind::Organisation,
                gender: Gender::Unknown,
            },
            MentionKind::Pronoun { kind, gender } => self
                .recent()
                .find(|s| compatible(s, *kind, *gender))
                .cloned()
                .or_else(|| {
                    // People are learned in document order, so those named
                    // before `at` form a prefix.
                    let named_before = self.people.partition_point(|p| p.at < at);
                    self.people
                        .get(..named_before)
                        .unwrap_or_default()
                        .iter()
                        .rev()
                        .take(LOOKBACK)
                        .filter(|_| *kind == Kind::Person)
                        .find(|p| {
                            p.gender == Gender::Unknown
                                || *gender == Gender::Unknown
                                || p.gender == *gender
                        })
                        .map(|p| Resolved {
                            name: p.name.clone(),
                            role: p.role.clone(),
                            kind: Kind::Person,
                            gender: p.gender,
                        })
                })
                .unwrap_or(Resolved {
                    name: String::new(),
                    role: None,
                    kind: *kind,
                    gender: *gender,
                }),
            MentionKind::Nominal {
                head,
                written,
                words,
                kind,
                gender,
                definite,
            } => {
                let specific = self
                    .recent()
                    .find(|s| {
                        *definite
                            && s.kind == *kind
                            && s.role
                                .as_deref()
                                .is_some_and(|r| r.to_lowercase().contains(head.as_str()))
                    })
                    .cloned();
                let org = (*kind == Kind::Organisation)
                    .then(|| {
                        self.recent()
                            .find(|s| {
                                s.kind == Kind::Organisation
                                    && s.name.to_lowercase().contains(head.as_str())
                            })
                            .cloned()
                    })
                    .flatten();
                // A lone person noun ("the military official") stands for the
                // person last quoted; plural and indefinite ones stay as written.
                // "the military official" points back at the last person
                // quoted only when its words could describe them: a head noun
                // that may stand for anyone, and modifiers that are generic,
                // acronyms, or words of their role.
                let generic = lexicon().any_noun(head).is_some_and(|n| n.refers_to_any);
                let fits = |s: &Resolved| {
                    let role = s.role.as_deref().unwrap_or("").to_lowercase();
                    words.iter().take(words.len().saturating_sub(1)).all(|w| {
                        GENERIC_MODIFIERS.contains(&w.as_str())
                            || role.contains(w.as_str())
                            || w.len() <= 4 && w.chars().all(|c| c.is_alphabetic())
                    })
                };
                let recent = (*kind == Kind::Person && *definite && generic)
                    .then(|| {
                        self.recent()
                            .find(|s| compatible(s, Kind::Person, *gender) && fits(s))
                            .cloned()
                    })
                    .flatten();
                let recent_org = (*kind == Kind::Organisation && *definite)
                    .then(|| {
                        self.recent()
                            .find(|s| {
                                s.kind == Kind::Organisation
                                    && s.name.split_whitespace().count() > 1
                            })
                            .cloned()
                    })
                    .flatten();
                specific
                    .or(org)
                    .or(recent)
                    .or(recent_org)
                    .unwrap_or(Resolved {
                        name: if written.is_empty() {
                            words.join(" ")
                        } else {
                            written.clone()
                        },
                        role: None,
                        kind: *kind,
                        gender: *gender,
                    })
            }
        };
        let mut r = r;
        if let MentionKind::Pronoun { gender, .. } = &m.kind {
            // "she said" tells us who is a woman, for later pronouns.
            if *gender != Gender::Unknown && r.gender == Gender::Unknown && !r.name.is_empty() {
                r.gender = *gender;
                for (_, s) in self
                    .speakers
                    .iter_mut()
                    .rev()
                    .take(LOOKBACK)
                    .filter(|(_, s)| s.name == r.name)
                {
                    s.gender = *gender;
                }
                let same = self
                    .by_surname
                    .get(&surname(&r.name).to_lowercase())
                    .cloned()
                    .unwrap_or_default();
                for i in same {
                    if let Some(p) = self.people.get_mut(i).filter(|p| p.name == r.name) {
                        p.gender = *gender;
                    }
                }
            }
        }
        if !r.name.is_empty() {
            self.speakers.push((at, r.clone()));
        }
        r
    }

    /// Give the latest resolved speaker a role stated beside its mention.
    pub fn set_last_role(&mut self, role: String) {
        if let Some((_, s)) = self.speakers.last_mut() {
            s.role = Some(role);
        }
    }

    /// Replace the latest resolved speaker, once its entity says more
    /// about it.
    pub fn relabel_last(&mut self, r: &Resolved) {
        if let Some((_, s)) = self.speakers.last_mut() {
            *s = r.clone();
        }
    }

    /// Record a speaker again (a continuation keeps the previous speaker).
    pub fn repeat(&mut self, at: usize, r: Resolved) {
        self.speakers.push((at, r));
    }
}

/// Modifiers that say nothing about who a person is ("the senior official").
const GENERIC_MODIFIERS: &[&str] = &[
    "military",
    "senior",
    "top",
    "former",
    "same",
    "government",
    "official",
    "russian",
    "american",
    "foreign",
    "local",
    "national",
    "state",
    "federal",
    "defense",
    "defence",
    "ministry",
    "department",
    "high-ranking",
    "anonymous",
];

fn compatible(s: &Resolved, kind: Kind, gender: Gender) -> bool {
    let kind_ok = match kind {
        Kind::Person => s.kind == Kind::Person,
        Kind::Organisation => s.kind == Kind::Organisation,
        Kind::People => matches!(s.kind, Kind::People | Kind::Organisation),
        Kind::Title => false,
    };
    kind_ok && (gender == Gender::Unknown || s.gender == Gender::Unknown || s.gender == gender)
}
