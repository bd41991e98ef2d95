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
    Pronoun {
        kind: Kind,
        gender: Gender,
        /// "I", "we": the writer, outside a quotation.
        narrator: bool,
    },
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

const PORTFOLIOS: &str = include_str!("../../../data/portfolios.txt");

/// Whether `word` (lower case) names a minister's field
/// (`data/portfolios.txt`).
fn is_portfolio(word: &str) -> bool {
    static SET: OnceLock<parallax_analysis::FastSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| parallax_analysis::word_list(PORTFOLIOS))
        .contains(word)
}

/// A role split into the body it names first and the function after it:
/// "Meridian Health senior manager" is ("Meridian Health", "senior
/// manager"), "Defense Ministry spokesman" ("Defense Ministry",
/// "spokesman"). A role with no capitalised body before a lower-case
/// function ("Russian President", "deputy head", "Russian spokesman") is
/// kept whole.
pub fn split_affiliation(role: &str) -> (Option<String>, String) {
    let words: Vec<&str> = role.split_whitespace().collect();
    let skip = usize::from(
        words
            .first()
            .is_some_and(|w| ["a", "an", "the"].contains(&w.to_lowercase().as_str())),
    );
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let Some(k) = words
        .iter()
        .skip(skip)
        .position(|w| !capital(w) && !OFFICE_JOINERS.contains(w))
    else {
        return (None, role.to_string());
    };
    let k = k + skip;
    // "Former GOP presidential candidate": a word of time before the body
    // belongs to the function ("former presidential candidate").
    let time_word = words.get(skip).filter(|w| {
        [
            "former", "acting", "then", "retired", "outgoing", "incoming", "interim",
        ]
        .contains(&w.to_lowercase().as_str())
    });
    let skip = skip + usize::from(time_word.is_some() && k > skip + 1);
    let body = &words[skip..k];
    // Titles and person nouns ("Deputy", "Spokesman") belong to the role;
    // "Ministry", "Force" may name a body.
    let is_title = |w: &str| {
        let w = w.to_lowercase();
        lexicon().noun(&w, Kind::Title).is_some() || lexicon().noun(&w, Kind::Person).is_some()
    };
    // One word alone is a body only as an acronym ("NATO spokesman"): a
    // capital may only open the sentence ("Harbour director"), and a
    // demonym ("Russian spokesman") or a portfolio ("Transport minister")
    // names no body.
    let lone_word_names_no_body = body.len() == 1
        && (parallax_entities::is_demonym(body[0])
            || is_portfolio(&body[0].to_lowercase())
            || !(body[0].chars().count() >= 2
                && body[0].chars().all(|c| c.is_uppercase() || c == '.')));
    let starts_and_ends_named =
        body.first().is_some_and(|w| capital(w)) && body.last().is_some_and(|w| capital(w));
    if body.is_empty()
        || k == words.len()
        || lone_word_names_no_body
        || !starts_and_ends_named
        || body.iter().any(|w| is_title(w))
    {
        return (None, role.to_string());
    }
    let function = words[k..].join(" ");
    let role = match time_word.filter(|_| skip > 0) {
        Some(t) => format!("{} {function}", t.to_lowercase()),
        None => function,
    };
    (Some(body.join(" ")), role)
}

/// Joiners that belong to the names of offices and bodies ("Secretary of
/// State", "Commissioner for Refugees"), never to a person's name.
const OFFICE_JOINERS: &[&str] = &["of", "for", "in", "the", "and"];

/// Where the person's name starts when the run from `cut` holds an office
/// joined by "of" or "for" ("Director | of National Intelligence James
/// Clapper"): after the joiner the office's own name comes first, then the
/// person's name, two words long (three with a middle initial or a
/// suffix), or one word where only one is left ("Secretary of State
/// Pompeo").
fn office_name_cut(words: &[Word<'_>], cut: usize) -> usize {
    // "and" joins two people ("Ola Fenn and Marta Kiel") as often as it
    // joins the words of an office; the group is read apart.
    let Some(j) = words[cut..]
        .iter()
        .rposition(|w| OFFICE_JOINERS.contains(&w.lower) && !w.is("and"))
        .map(|j| cut + j)
    else {
        return cut;
    };
    let after = words.len() - (j + 1);
    if after <= 1 {
        // "Minister of Defence": an office and no name.
        return words.len();
    }
    let initial_or_suffix = |w: &Word<'_>| {
        w.s.len() <= 2 && w.s.ends_with('.')
            || ["jr.", "sr.", "jr", "sr", "ii", "iii", "iv"].contains(&w.lower)
    };
    let len = words.len();
    let mut keep = 2;
    if len >= 3 && (initial_or_suffix(&words[len - 2]) || initial_or_suffix(&words[len - 1])) {
        keep = 3;
    }
    (len - keep).max(j + 2)
}

/// Split a capitalised run into role words (titles, offices) and the name.
pub(crate) fn split_role(words: &[Word<'_>], text: &str) -> MentionKind {
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
        let name_before = words[..cut - 1]
            .iter()
            .rev()
            .find(|x| !is_joiner(x))
            .is_some_and(|x| x.capitalised());
        if plain || (joiner && name_before) {
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
    let cut = office_name_cut(words, cut);
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
        // "Iraq and Afghanistan Veterans of America": a proper name with no
        // person's name at its end is a body.
        let proper = role_words.len() > 1
            && role_words.iter().all(|w| w.capitalised() || is_joiner(w))
            && role_words.last().is_some_and(|w| w.capitalised());
        if noun.is_none() && proper {
            let start = words.iter().position(|w| !is_determiner(w)).unwrap_or(0);
            return MentionKind::Organisation(join(&words[start..], text));
        }
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

/// "R-Minn.", "D-N.Y.", "I-Vt": a party letter, a hyphen and a state.
pub(crate) fn is_party_tag(s: &str) -> bool {
    let mut chars = s.chars();
    let party = chars.next().is_some_and(|c| matches!(c, 'D' | 'R' | 'I'));
    let hyphen = chars.next() == Some('-');
    let state: String = chars.collect();
    party
        && hyphen
        && state.chars().next().is_some_and(char::is_uppercase)
        && state.len() <= 8
        && state.chars().all(|c| c.is_alphabetic() || c == '.')
}

/// Words that open a sentence or a clause before its subject and are no
/// part of a name even when capitalised: "Even Biden conceded …".
const SENTENCE_ADVERBS: &[&str] = &[
    "even",
    "only",
    "also",
    "but",
    "and",
    "yet",
    "still",
    "now",
    "then",
    "so",
    "meanwhile",
    "however",
    "indeed",
    "instead",
    "perhaps",
    "maybe",
    "later",
    "earlier",
    "today",
    "yesterday",
    "finally",
    "again",
    "here",
    "there",
];

/// The speaker mention that ends just before `end` (exclusive word index),
/// reading leftwards: "Defense Ministry deputy head Anatoly Antonov", "the
/// military official", "he".
pub fn mention_left(ws: &[Word<'_>], end: usize, text: &str) -> Option<Mention> {
    let m = mention_left_from(ws, end, text, true)?;
    Some(postmodified_left(ws, text, &m).unwrap_or(m))
}

/// Words after a description that tie it to what follows: "a source
/// familiar with the talks", "a Democrat involved with the campaign".
const POSTMODIFIERS: &[&str] = &[
    "familiar",
    "involved",
    "close",
    "briefed",
    "knowledgeable",
    "working",
    "speaking",
];

/// Whether `w` opens a post-modifier of a description.
fn is_postmodifier(w: &Word<'_>) -> bool {
    !w.quoted && POSTMODIFIERS.contains(&w.lower)
}

/// "a top Democrat involved with the Clinton campaign in the state said":
/// the mention read leftwards from the verb ("the state") ends a
/// post-modifier of the description before it, which is the speaker.
fn postmodified_left(ws: &[Word<'_>], text: &str, m: &Mention) -> Option<Mention> {
    let from = ws.iter().position(|w| w.r.start == m.range.start)?;
    let trigger = (from.saturating_sub(10)..from)
        .rev()
        .find(|&i| is_postmodifier(&ws[i]))?;
    let between = &ws[trigger + 1..from];
    let plain = between
        .first()
        .is_some_and(|w| is_phrase_stop(w) || w.is("to"))
        && between
            .iter()
            .all(|w| w.is_word() && !w.quoted && !w.finite && !is_auxiliary(w));
    if !plain {
        return None;
    }
    let head = mention_left_from(ws, trigger, text, false)?;
    (!matches!(head.kind, MentionKind::Pronoun { .. })).then_some(Mention {
        range: head.range.start..m.range.end,
        kind: head.kind,
    })
}

/// "according to one source familiar with her private discussions": the
/// post-modifier after a description read rightwards belongs to it, up to
/// the next comma. Returns the index after it.
fn postmodifier_right(ws: &[Word<'_>], end: usize) -> Option<usize> {
    let w = ws.get(end)?;
    if !is_postmodifier(w) {
        return None;
    }
    let prep = ws.get(end + 1)?;
    if !(is_phrase_stop(prep) || prep.is("to")) {
        return None;
    }
    let mut i = end + 2;
    while i < ws.len() && i < end + 12 {
        let x = &ws[i];
        if !x.is_word() || x.quoted || x.finite || is_auxiliary(x) {
            break;
        }
        i += 1;
    }
    (i > end + 2).then_some(i)
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
                narrator: p.narrator,
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
        // Two particles may stand together: "Ursula von der Leyen".
        let name_before = |k: usize| {
            start > k
                && (ws[start - k - 1].capitalised()
                    || k == 1
                        && is_joiner(&ws[start - 2])
                        && start >= 3
                        && ws[start - 3].capitalised())
        };
        let joiner = is_joiner(p)
            && (right.capitalised() || is_joiner(right))
            && name_before(1)
            && !p.quoted;
        let digits = p.kind == parallax_text::TokenKind::Number;
        let stop = !joiner
            && (p.quoted
                || !(p.is_word() || digits || p.is("'s") || p.is("’s"))
                || is_phrase_stop(p)
                || is_determiner(p));
        if stop {
            break;
        }
        let number = digits
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
    while start < last && SENTENCE_ADVERBS.contains(&ws[start].lower) {
        start += 1;
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
    if !head.is_word()
        || head.capitalised()
        || head.verb.is_some()
        || head.finite
        || is_auxiliary(head)
    {
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
        // "The senator makes stops": a finite verb ends the phrase.
        if p.quoted || !p.is_word() || is_phrase_stop(p) || p.verb.is_some() || p.finite {
            return None;
        }
        start -= 1;
    }
    None
}

/// Whether the lower-case words from `i` are a role ending in a person
/// noun, with a name right after it: "senior manager | Ana Ruiz" in "says
/// Meridian Health senior manager Ana Ruiz".
fn lowercase_role_before_name(ws: &[Word<'_>], i: usize) -> bool {
    (i..(i + 3).min(ws.len())).any(|j| {
        ws[i..=j].iter().all(|w| {
            w.is_word() && !w.capitalised() && !w.quoted && w.verb.is_none() && !is_phrase_stop(w)
        }) && is_person_noun(&ws[j])
            && ws.get(j + 1).is_some_and(is_name_word)
    })
}

/// The speaker mention that starts at `start` reading rightwards, for
/// inverted cues ("…, said Igor Klimov, a Russian Air Force spokesman").
/// Returns the mention and the index after it.
/// "The Post intervened": a lower-case -ed word right after a capitalised
/// one is a past tense, not part of the phrase (after a determiner it is
/// an adjective: "the armed forces").
fn past_after_name(ws: &[Word<'_>], i: usize) -> bool {
    i > 0
        && ws[i].lower.ends_with("ed")
        && ws[i].lower.len() > 4
        && ws[i - 1].capitalised()
        && !is_determiner(&ws[i - 1])
}

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
                    narrator: p.narrator,
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
                || (end > start && lowercase_role_before_name(ws, end))
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
                    && !w.finite
                    && !past_after_name(ws, end)
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
    if stop > 1 && is_postmodifier(&span[stop - 1]) {
        stop -= 1;
    }
    let span = &span[..stop];
    let kind = split_role(span, text);
    if let Some(after) = postmodifier_right(ws, start + stop) {
        if matches!(kind, MentionKind::Nominal { .. }) {
            return Some((
                Mention {
                    range: span.first()?.r.start..ws.get(after - 1)?.r.end,
                    kind,
                },
                after,
            ));
        }
    }
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
        } || !matches!(m.kind, MentionKind::Pronoun { .. })
            // "Some", "Many", "Most": a quantifier standing for people.
            && lexicon().noun(&head.to_lowercase(), Kind::People).is_some();
        // "he", "she", an author's "I": a person, though nothing in the
        // article names them.
        let writer = matches!(
            m.kind,
            MentionKind::Pronoun {
                kind: Kind::Person,
                ..
            }
        );
        let kind = if several {
            SourceType::Group
        } else if writer {
            SourceType::Person
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

const FIRST_NAMES: &str = include_str!("../../../data/first_names.tsv");

/// The usual gender of a first name (`data/first_names.tsv`).
fn gender_of_first_name(word: &str) -> Gender {
    static MAP: std::sync::OnceLock<parallax_analysis::FastMap<String, Gender>> =
        std::sync::OnceLock::new();
    let map = MAP.get_or_init(|| {
        parallax_analysis::data_lines(FIRST_NAMES)
            .filter_map(|(_, l)| {
                let (name, g) = l.split_once('\t')?;
                let g = match g.trim() {
                    "male" => Gender::Male,
                    "female" => Gender::Female,
                    _ => return None,
                };
                Some((name.trim().to_string(), g))
            })
            .collect()
    });
    map.get(word.trim_end_matches('.').to_lowercase().as_str())
        .copied()
        .unwrap_or(Gender::Unknown)
}

/// A person's gender as the article shows it: from the role ("the
/// congresswoman"), a title in the name ("Mr Trump"), or the first name.
fn gender_of_person(name: &str, role: Option<&str>) -> Gender {
    let from_role = gender_of_role(role);
    if from_role != Gender::Unknown {
        return from_role;
    }
    let Some(first) = name.split_whitespace().next() else {
        return Gender::Unknown;
    };
    let title = gender_of_role(Some(first));
    if title != Gender::Unknown {
        return title;
    }
    gender_of_first_name(first)
}

/// Whether the name `ws[i..=j]` is a picture credit or its agency:
/// "Joshua Roberts/Reuters", "(Reuters photo: Jonathan Ernst)", "Photo by
/// Jane Doe".
fn in_credit(ws: &[Word<'_>], i: usize, j: usize) -> bool {
    let slash = |w: &Word<'_>| w.s == "/" || w.s == "|";
    let slash_after = ws.get(j + 1).is_some_and(slash) || i > 0 && slash(&ws[i - 1]);
    let credit_word = |w: &Word<'_>| {
        [
            "photo",
            "photos",
            "photograph",
            "photographer",
            "credit",
            "image",
            "picture",
            "pictures",
            "courtesy",
        ]
        .contains(&w.lower)
    };
    let credit_before = ws[i.saturating_sub(4)..i].iter().any(credit_word)
        && i.checked_sub(1)
            .and_then(|k| ws.get(k))
            .is_some_and(|p| p.is_colon() || p.is("by") || p.is("of"));
    slash_after || credit_before
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
            // capitalised word ("The", "Konashenkov") cannot make one. A
            // picture credit's name is nobody a pronoun stands for.
            let single = j == i || in_credit(ws, i, j);
            if let Some(m) = (!single).then(|| mention_left(ws, j + 1, text)).flatten() {
                if let MentionKind::Person { name, role } = &m.kind {
                    if name.split_whitespace().count() >= 2 {
                        let gender = gender_of_person(name, role.as_deref());
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

    /// The latest speaker a pronoun of this kind and gender may stand for.
    /// A speaker whose gender nothing told yields to a person of the
    /// pronoun's gender named after that speaker's words ("Mr Trump said
    /// … Gretchen Whitmer … “…,” she said": Whitmer).
    fn recent_speaker_for(&self, kind: Kind, gender: Gender, at: usize) -> Option<Resolved> {
        let (pos, speaker) = self
            .speakers
            .iter()
            .rev()
            .take(LOOKBACK)
            .find(|(_, s)| compatible(s, kind, gender))?;
        if kind != Kind::Person || gender == Gender::Unknown || speaker.gender != Gender::Unknown {
            return Some(speaker.clone());
        }
        let named_before = self.people.partition_point(|p| p.at < at);
        let later = self.people[..named_before]
            .iter()
            .rev()
            .take_while(|p| p.at > *pos)
            .find(|p| p.gender == gender && p.name != speaker.name);
        Some(match later {
            Some(p) => Resolved {
                name: p.name.clone(),
                role: p.role.clone(),
                kind: Kind::Person,
                gender: p.gender,
            },
            None => speaker.clone(),
        })
    }

    /// Who a mention is, given everything said before `at`.
    pub fn resolve(&mut self, m: &Mention, at: usize) -> Resolved {
        let r = match &m.kind {
            MentionKind::Person { name, role } => {
                let known = self
                    .person_by_surname(surname(name), at)
                    .filter(|p| p.name == *name);
                let role = role.clone().or_else(|| known.and_then(|p| p.role.clone()));
                let gender = gender_of_person(name, role.as_deref());
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
            MentionKind::Pronoun {
                kind,
                gender,
                narrator: true,
            } => Resolved {
                name: String::new(),
                role: None,
                kind: *kind,
                gender: *gender,
            },
            MentionKind::Pronoun { kind, gender, .. } => self
                .recent_speaker_for(*kind, *gender, at)
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
                // "the president" after "President Barack Obama" was named,
                // though not yet quoted.
                let named_with_role = (*definite && *kind == Kind::Person && specific.is_none())
                    .then(|| {
                        let named_before = self.people.partition_point(|p| p.at < at);
                        self.people[..named_before]
                            .iter()
                            .rev()
                            .find(|p| {
                                p.role.as_deref().is_some_and(|r| {
                                    r.to_lowercase()
                                        .split_whitespace()
                                        .any(|w| w == head.as_str())
                                })
                            })
                            .map(|p| Resolved {
                                name: p.name.clone(),
                                role: p.role.clone(),
                                kind: Kind::Person,
                                gender: p.gender,
                            })
                    })
                    .flatten();
                let specific = specific.or(named_with_role);
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

#[cfg(test)]
mod tests {
    use super::split_affiliation;
    use super::{gender_of_person, is_party_tag, Gender, FIRST_NAMES};

    #[test]
    fn first_names_give_a_gender_and_every_line_parses() {
        for (line, l) in parallax_analysis::data_lines(FIRST_NAMES) {
            let (name, g) = l
                .split_once('\t')
                .unwrap_or_else(|| panic!("data/first_names.tsv:{line}: no tab"));
            assert!(
                name.chars().all(|c| c.is_lowercase() || c == '-')
                    && matches!(g.trim(), "male" | "female"),
                "data/first_names.tsv:{line}: {l:?}"
            );
        }
        assert_eq!(gender_of_person("Nancy Rein", None), Gender::Female);
        assert_eq!(gender_of_person("George Olmo", None), Gender::Male);
        assert_eq!(gender_of_person("Quell Dast", None), Gender::Unknown);
        assert_eq!(
            gender_of_person("Rein", Some("congresswoman")),
            Gender::Female
        );
    }

    #[test]
    fn party_tags() {
        assert!(is_party_tag("R-Minn."));
        assert!(is_party_tag("D-N.Y."));
        assert!(!is_party_tag("Reuters"));
        assert!(!is_party_tag("R-"));
    }

    #[test]
    fn a_role_names_its_body_before_its_function() {
        let split = |r: &str| {
            let (a, r) = split_affiliation(r);
            format!("{} | {r}", a.unwrap_or_default())
        };
        assert_eq!(
            split("Meridian Health senior manager"),
            "Meridian Health | senior manager"
        );
        assert_eq!(
            split("Defense Ministry spokesman"),
            "Defense Ministry | spokesman"
        );
        assert_eq!(
            split("a Russian Air Force spokesman"),
            "Russian Air Force | spokesman"
        );
        assert_eq!(split("NATO spokesman"), "NATO | spokesman");
        assert_eq!(
            split("Former White House press secretary"),
            "White House | former press secretary"
        );
        assert_eq!(split("Russian President"), " | Russian President");
        assert_eq!(split("Russian spokesman"), " | Russian spokesman");
        assert_eq!(split("Transport minister"), " | Transport minister");
        assert_eq!(split("deputy head"), " | deputy head");
        assert_eq!(
            split("Deputy Defense Minister"),
            " | Deputy Defense Minister"
        );
    }
}
