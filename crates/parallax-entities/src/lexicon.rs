//! The entity annotator's data: gazetteers of places, bodies and news
//! outlets, alias groups, demonyms, descriptor words, cue words and the
//! names that sign picture credits, each a file in `data/`.

use std::sync::OnceLock;

use parallax_analysis::{lookup, FastMap, FastSet, WordMap};

use super::Kind;

const PLACES: &str = include_str!("../../../data/gazetteer_places.tsv");
const DEMONYMS: &str = include_str!("../../../data/gazetteer_demonyms.tsv");
const BODIES: &str = include_str!("../../../data/gazetteer_bodies.tsv");
const OUTLETS: &str = include_str!("../../../data/gazetteer_outlets.tsv");
const CREDITS: &str = include_str!("../../../data/credit_names.txt");
const ALIASES: &str = include_str!("../../../data/alias_groups.tsv");
const POLARITY: &str = include_str!("../../../data/descriptor_polarity.tsv");
const CUES: &str = include_str!("../../../data/entity_cues.tsv");

/// Cue flags of a word (see `data/entity_cues.tsv`).
pub(crate) mod cue {
    pub const ORGANISATION: u32 = 1;
    pub const GROUP: u32 = 1 << 1;
    pub const PLACE: u32 = 1 << 2;
    pub const BACK: u32 = 1 << 3;
    pub const REFERS: u32 = 1 << 4;
    pub const DESCRIBES: u32 = 1 << 5;
    pub const PORTFOLIO: u32 = 1 << 6;
    pub const HONORIFIC: u32 = 1 << 7;
    pub const ADJECTIVE: u32 = 1 << 8;
    pub const NOT_ENTITY: u32 = 1 << 9;
    pub const NOT_NAME: u32 = 1 << 10;
    pub const CALENDAR: u32 = 1 << 11;
    pub const DETERMINER: u32 = 1 << 12;
    pub const STOP: u32 = 1 << 13;
    pub const AUXILIARY: u32 = 1 << 14;
    pub const PLACE_PREPOSITION: u32 = 1 << 15;
    pub const PREPOSITION: u32 = 1 << 16;
    pub const PARTICLE: u32 = 1 << 17;
    pub const PREFIX: u32 = 1 << 18;
    pub const OF_PLACE: u32 = 1 << 19;
    pub const OUTLET: u32 = 1 << 20;
    pub const CREDIT: u32 = 1 << 21;
    pub const CREDIT_PART: u32 = 1 << 22;
    pub const OF_OUTLET: u32 = 1 << 23;
    /// The first word of a name that signs picture credits ("Getty"),
    /// set from the outlet and credit files, not from the cue file.
    pub const SIGNER: u32 = 1 << 24;
    /// Any head word.
    pub const HEAD: u32 = ORGANISATION | GROUP | PLACE;

    pub(super) fn parse(s: &str) -> Option<u32> {
        Some(match s {
            "organisation" => ORGANISATION,
            "group" => GROUP,
            "place" => PLACE,
            "back" => BACK,
            "refers" => REFERS,
            "describes" => DESCRIBES,
            "portfolio" => PORTFOLIO,
            "honorific" => HONORIFIC,
            "adjective" => ADJECTIVE,
            "not-entity" => NOT_ENTITY,
            "not-name" => NOT_NAME,
            "calendar" => CALENDAR,
            "determiner" => DETERMINER,
            "stop" => STOP,
            "auxiliary" => AUXILIARY,
            "place-preposition" => PLACE_PREPOSITION,
            "preposition" => PREPOSITION,
            "particle" => PARTICLE,
            "prefix" => PREFIX,
            "of-place" => OF_PLACE,
            "outlet" => OUTLET,
            "credit" => CREDIT,
            "credit-part" => CREDIT_PART,
            "of-outlet" => OF_OUTLET,
            _ => return None,
        })
    }
}

/// How a descriptor leans. The order is the precedence when several words
/// of one descriptor carry a hint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Polarity {
    Neutral,
    Role,
    Label,
    Crediting,
    Discrediting,
}

impl Polarity {
    pub fn as_str(self) -> &'static str {
        match self {
            Polarity::Neutral => "neutral",
            Polarity::Role => "role",
            Polarity::Label => "label",
            Polarity::Crediting => "crediting",
            Polarity::Discrediting => "discrediting",
        }
    }

    fn parse(s: &str) -> Option<Polarity> {
        Some(match s {
            "neutral" => Polarity::Neutral,
            "role" => Polarity::Role,
            "label" => Polarity::Label,
            "crediting" => Polarity::Crediting,
            "discrediting" => Polarity::Discrediting,
            _ => return None,
        })
    }
}

/// What a name that can sign a picture credit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Signer {
    /// A news or picture agency, or a word that only signs credits
    /// ("Staff", "Pool"): a credit by itself.
    Agency,
    /// A paper, broadcaster or site: a credit only beside a photographer's
    /// name or after a credit word.
    Outlet,
}

/// A name the data files know: its kind and the group of names that
/// refer to the same entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Known {
    pub kind: Kind,
    pub group: u32,
}

#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    /// Normalised name → what it is, matched with its case.
    exact: FastMap<String, Known>,
    /// Lower-case normalised name → what it is; acronyms are left out so
    /// that "Is" never reads as "IS".
    folded: WordMap<Known>,
    /// Lower-case first words of known names of two words or more.
    first_words: WordMap<()>,
    /// Lower-case demonym → the place it names.
    demonyms: WordMap<&'static str>,
    /// Single words with a polarity hint.
    words: WordMap<Polarity>,
    /// Lower-case phrases of two words or more with a polarity hint.
    phrases: FastMap<String, Polarity>,
    /// Longest phrase, in words.
    pub phrase_words: usize,
    cues: WordMap<u32>,
    /// Lower-case words that follow "The" in known names ("hill" of "The
    /// Hill").
    the_first: WordMap<()>,
    /// One bit for the first two letters of each `credit` word (their low
    /// five bits, so case does not count): most capitalised words need no
    /// look-up.
    credit_starts: [u64; 16],
    /// One bit for the shape of each `of-outlet` word (see
    /// [`shape_bit`]), so that most words need no look-up.
    pub of_outlet_shapes: u64,
    /// Lower-case names that sign picture credits, their words joined by
    /// one space, and what signs them.
    signers: FastMap<String, Signer>,
    /// Lower-case first word of a signer's name → the most words such a
    /// name has.
    signer_first: WordMap<usize>,
    /// Countries listed in the places file, for the consistency test.
    countries: FastSet<&'static str>,
    /// A capital → its country ("Moscow" → "Russia"): news lets a capital
    /// stand for its government.
    capitals: WordMap<&'static str>,
    /// Every place name, for the consistency test.
    places: FastSet<&'static str>,
    /// (file:line, the place a line refers to) pairs still to check.
    place_refs: Vec<(String, &'static str)>,
    /// Lines that did not parse, as `file:line`; a test keeps this empty.
    pub bad_lines: Vec<String>,
}

/// Where the first two letters of a word fall in a 1,024-bit table: the
/// word of the table and the bit in it.
fn start_bit(word: &str) -> (usize, u64) {
    let b = word.as_bytes();
    let a = usize::from(b.first().copied().unwrap_or(0) & 31);
    let c = usize::from(b.get(1).copied().unwrap_or(0) & 31);
    let at = a * 32 + c;
    (at / 64, 1u64 << (at % 64))
}

/// One bit of 64 for a word's length and first and last bytes: a cheap
/// filter before a look-up.
pub(crate) fn shape_bit(w: &[u8]) -> u64 {
    let first = w.first().copied().unwrap_or(0) as usize;
    let last = w.last().copied().unwrap_or(0) as usize;
    1 << ((w.len() * 7 + first * 13 + last) % 64)
}

/// Non-blank, non-comment lines of a data file, split at tabs, numbered
/// from 1.
fn rows(data: &'static str) -> impl Iterator<Item = (usize, Vec<&'static str>)> {
    data.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .map(|(i, l)| (i + 1, l.split('\t').map(str::trim).collect()))
}

/// Whether `s` is written like an acronym ("SOHR", "MoD", "U.S."), which
/// must match with its case.
pub(crate) fn acronym_like(s: &str) -> bool {
    let upper = s.chars().filter(|c| c.is_uppercase()).count();
    !s.contains(' ') && upper >= 2 && s.chars().count() <= 8
}

/// The form under which a name is compared: curly apostrophes straight,
/// brackets dropped, one space between words, dots out of dotted
/// capitals ("U.S." → "US").
pub(crate) fn normalise(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        let before = out.len();
        if before > 0 {
            out.push(' ');
        }
        let start = out.len();
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        let dotted = word.contains('.')
            && letters >= 2
            && word
                .chars()
                .all(|c| matches!(c, '.' | '[' | ']') || c.is_uppercase());
        for c in word.chars() {
            match c {
                '[' | ']' => {}
                '\u{2019}' | '\u{2018}' => out.push('\''),
                '.' if dotted => {}
                c => out.push(c),
            }
        }
        if out.len() == start {
            out.truncate(before);
        }
    }
    out
}

fn kind_of(s: &str) -> Option<Kind> {
    Some(match s {
        "person" => Kind::Person,
        "organisation" => Kind::Organisation,
        "place" => Kind::Place,
        "group" => Kind::Group,
        _ => return None,
    })
}

impl Lexicon {
    fn load() -> Lexicon {
        let mut lex = Lexicon::default();
        let mut groups = 0u32;
        // Alias groups first: their kind wins over a gazetteer's, so that
        // "Islamic State" is a group although "State" heads organisations.
        for (n, cols) in rows(ALIASES) {
            let (Some(kind), Some(names)) = (cols.first().and_then(|k| kind_of(k)), cols.get(1..))
            else {
                lex.bad_lines.push(format!("data/alias_groups.tsv:{n}"));
                continue;
            };
            if names.len() < 2 || names.iter().any(|s| s.is_empty()) {
                lex.bad_lines.push(format!("data/alias_groups.tsv:{n}"));
                continue;
            }
            lex.add_names(kind, names, &mut groups);
        }
        for (n, cols) in rows(BODIES) {
            let kind = cols.first().and_then(|k| kind_of(k));
            let names = cols.get(1..).unwrap_or(&[]);
            match kind {
                Some(k @ (Kind::Organisation | Kind::Group))
                    if !names.is_empty() && names.iter().all(|s| !s.is_empty()) =>
                {
                    lex.add_names(k, names, &mut groups)
                }
                _ => lex.bad_lines.push(format!("data/gazetteer_bodies.tsv:{n}")),
            }
        }
        for (n, cols) in rows(OUTLETS) {
            let signer = match cols.first().copied() {
                Some("agency") => Signer::Agency,
                Some("outlet") => Signer::Outlet,
                _ => {
                    lex.bad_lines
                        .push(format!("data/gazetteer_outlets.tsv:{n}"));
                    continue;
                }
            };
            let names = cols.get(1..).unwrap_or(&[]);
            if names.is_empty() || names.iter().any(|s| s.is_empty()) {
                lex.bad_lines
                    .push(format!("data/gazetteer_outlets.tsv:{n}"));
                continue;
            }
            for name in names {
                lex.add_signer(name, signer);
            }
            lex.add_names(Kind::Organisation, names, &mut groups);
        }
        for (n, cols) in rows(CREDITS) {
            match cols.as_slice() {
                [name] if !name.is_empty() => lex.add_signer(name, Signer::Agency),
                _ => lex.bad_lines.push(format!("data/credit_names.txt:{n}")),
            }
        }
        for (n, cols) in rows(PLACES) {
            let ok = cols.len() == 3
                && cols.first().is_some_and(|s| !s.is_empty())
                && cols.get(1).is_some_and(|k| {
                    matches!(*k, "country" | "capital" | "city" | "region" | "state")
                })
                && cols.get(2).is_some_and(|s| !s.is_empty());
            let (true, Some(&name), Some(&kind), Some(&country)) =
                (ok, cols.first(), cols.get(1), cols.get(2))
            else {
                lex.bad_lines.push(format!("data/gazetteer_places.tsv:{n}"));
                continue;
            };
            lex.places.insert(name);
            if kind == "country" {
                lex.countries.insert(name);
                if country != "-" {
                    lex.bad_lines.push(format!("data/gazetteer_places.tsv:{n}"));
                }
            } else if country != "-" {
                lex.place_refs
                    .push((format!("data/gazetteer_places.tsv:{n}"), country));
                if kind == "capital" {
                    lex.capitals.insert(parallax_analysis::key(name), country);
                }
            }
            lex.add_names(Kind::Place, &[name], &mut groups);
        }
        for (n, cols) in rows(DEMONYMS) {
            match (cols.len(), cols.first(), cols.get(1)) {
                (2, Some(&d), Some(&place)) if !d.is_empty() && !place.is_empty() => {
                    lex.demonyms.insert(parallax_analysis::key(d), place);
                    lex.place_refs
                        .push((format!("data/gazetteer_demonyms.tsv:{n}"), place));
                }
                _ => lex
                    .bad_lines
                    .push(format!("data/gazetteer_demonyms.tsv:{n}")),
            }
        }
        for (n, cols) in rows(POLARITY) {
            let (2, Some(&phrase), Some(p)) = (
                cols.len(),
                cols.first(),
                cols.get(1).and_then(|p| Polarity::parse(p)),
            ) else {
                lex.bad_lines
                    .push(format!("data/descriptor_polarity.tsv:{n}"));
                continue;
            };
            let words: Vec<String> = phrase.split_whitespace().map(str::to_lowercase).collect();
            let fresh = match words.len() {
                0 => false,
                1 => lex
                    .words
                    .insert(parallax_analysis::key(phrase), p)
                    .is_none(),
                w if p == Polarity::Role || w > 4 => false,
                w => {
                    lex.phrase_words = lex.phrase_words.max(w);
                    lex.phrases.insert(words.join(" "), p).is_none()
                }
            };
            if !fresh {
                lex.bad_lines
                    .push(format!("data/descriptor_polarity.tsv:{n}"));
            }
        }
        for (n, cols) in rows(CUES) {
            match (
                cols.len(),
                cols.first(),
                cols.get(1).and_then(|c| cue::parse(c)),
            ) {
                (2, Some(&w), Some(c)) if !w.is_empty() && !w.contains(' ') => {
                    *lex.cues.entry(parallax_analysis::key(w)).or_default() |= c;
                    if c & cue::CREDIT != 0 {
                        let (word, bit) = start_bit(w);
                        if let Some(slot) = lex.credit_starts.get_mut(word) {
                            *slot |= bit;
                        }
                    }
                    if c & cue::OF_OUTLET != 0 {
                        lex.of_outlet_shapes |= shape_bit(w.to_lowercase().as_bytes());
                    }
                }
                _ => lex.bad_lines.push(format!("data/entity_cues.tsv:{n}")),
            }
        }
        lex
    }

    /// Enter `names` as one group: a name already known (from an earlier
    /// line) lends its group to the others.
    fn add_names(&mut self, kind: Kind, names: &[&str], groups: &mut u32) {
        let keys: Vec<String> = names.iter().map(|n| normalise(n)).collect();
        let known = keys.iter().find_map(|k| self.exact.get(k).copied());
        let entry = known.unwrap_or_else(|| {
            *groups += 1;
            Known {
                kind,
                group: *groups,
            }
        });
        for key in keys {
            // "The Hill" is looked up from "Hill", after a capital "The".
            if let Some(rest) = key.strip_prefix("The ") {
                if let Some(first) = rest.split(' ').next() {
                    self.the_first.insert(parallax_analysis::key(first), ());
                }
            }
            let bare = key.strip_prefix("The ").unwrap_or(&key);
            if bare.contains(' ') {
                if let Some(first) = bare.split(' ').next() {
                    self.first_words.insert(parallax_analysis::key(first), ());
                }
            }
            if !acronym_like(&key) {
                self.folded
                    .entry(parallax_analysis::key(&key))
                    .or_insert(entry);
            }
            self.exact.entry(key).or_insert(entry);
        }
    }

    /// Enter a name that signs picture credits.
    fn add_signer(&mut self, name: &str, signer: Signer) {
        let words: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
        let (Some(first), n) = (words.first(), words.len()) else {
            return;
        };
        let most = self
            .signer_first
            .entry(parallax_analysis::key(first))
            .or_default();
        *most = (*most).max(n);
        // "The" opens too many sentences to mark: "The Hill" is found from
        // the separator or the word before it.
        if first != "the" {
            *self.cues.entry(parallax_analysis::key(first)).or_default() |= cue::SIGNER;
        }
        // An agency's line wins over an outlet's for the same name.
        let slot = self.signers.entry(words.join(" ")).or_insert(signer);
        if signer == Signer::Agency {
            *slot = signer;
        }
    }

    /// The most words a signer's name starting with `word` has (0: none).
    pub fn signer_words(&self, word: &str) -> usize {
        lookup(&self.signer_first, word).copied().unwrap_or(0)
    }

    /// What signs credits under the lower-case name `words`, if anything.
    pub fn signer(&self, words: &str) -> Option<Signer> {
        self.signers.get(words).copied()
    }

    /// Whether `word` may carry the `credit` cue, by its first two letters.
    pub fn may_be_credit_word(&self, word: &str) -> bool {
        let (slot, bit) = start_bit(word);
        self.credit_starts.get(slot).is_some_and(|w| w & bit != 0)
    }

    /// Whether a known name begins "The <word>".
    pub fn follows_the(&self, word: &str) -> bool {
        lookup(&self.the_first, word).is_some()
    }

    /// What the data files say about a normalised name: first with its
    /// case, then (acronyms aside) without.
    pub fn known(&self, key: &str) -> Option<Known> {
        if let Some(k) = self.exact.get(key) {
            return Some(*k);
        }
        lookup(&self.folded, key).copied()
    }

    /// Whether a known name of several words begins with `word`.
    pub fn starts_known(&self, word: &str) -> bool {
        lookup(&self.first_words, word).is_some()
    }

    pub fn cues(&self, word: &str) -> u32 {
        lookup(&self.cues, word).copied().unwrap_or(0)
    }

    pub fn has(&self, word: &str, flags: u32) -> bool {
        self.cues(word) & flags != 0
    }

    /// The place a demonym names, also for plurals ("Syrians").
    pub fn demonym(&self, word: &str) -> Option<&'static str> {
        lookup(&self.demonyms, word).copied().or_else(|| {
            word.strip_suffix('s')
                .filter(|w| w.len() > 2)
                .and_then(|w| lookup(&self.demonyms, w).copied())
        })
    }

    /// The country whose capital `name` is.
    pub fn capital_country(&self, name: &str) -> Option<&'static str> {
        lookup(&self.capitals, name).copied()
    }

    pub fn polarity(&self, word: &str) -> Option<Polarity> {
        lookup(&self.words, word).copied()
    }

    pub fn phrase_polarity(&self, lower_phrase: &str) -> Option<Polarity> {
        self.phrases.get(lower_phrase).copied()
    }

    pub fn is_role(&self, word: &str) -> bool {
        self.polarity(word) == Some(Polarity::Role)
    }

    /// Places named by other lines that no line lists; empty when the
    /// files agree.
    #[cfg(test)]
    pub fn dangling_places(&self) -> Vec<String> {
        self.place_refs
            .iter()
            .filter(|(_, p)| !self.places.contains(p))
            .map(|(at, p)| format!("{at}: {p}"))
            .collect()
    }

    /// Outlet names that another data file already lists (a clash would
    /// merge two groups); empty when the files agree.
    #[cfg(test)]
    pub fn outlet_clashes() -> Vec<&'static str> {
        let mut others = Lexicon::default();
        let mut groups = 0u32;
        for data in [ALIASES, BODIES] {
            for (_, cols) in rows(data) {
                others.add_names(
                    Kind::Organisation,
                    cols.get(1..).unwrap_or(&[]),
                    &mut groups,
                );
            }
        }
        for (_, cols) in rows(PLACES) {
            others.add_names(Kind::Place, cols.get(..1).unwrap_or(&[]), &mut groups);
        }
        rows(OUTLETS)
            .flat_map(|(_, cols)| cols.into_iter().skip(1))
            .filter(|n| others.known(&normalise(n)).is_some())
            .collect()
    }

    /// Whether `name` is listed as a country.
    #[cfg(test)]
    pub fn is_country(&self, name: &str) -> bool {
        self.countries.contains(name)
    }
}

/// The shared lexicon, loaded once.
pub(crate) fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(Lexicon::load)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_parse_and_agree() {
        let lex = lexicon();
        assert!(lex.bad_lines.is_empty(), "{:?}", lex.bad_lines);
        assert!(
            lex.dangling_places().is_empty(),
            "{:?}",
            lex.dangling_places()
        );
        assert!(lex.is_country("Syria"));
        assert!(!lex.is_country("Aleppo"));
    }

    #[test]
    fn outlets_are_organisations_apart_from_other_names() {
        assert!(
            Lexicon::outlet_clashes().is_empty(),
            "{:?}",
            Lexicon::outlet_clashes()
        );
        let lex = lexicon();
        for name in ["Reuters", "Getty Images", "Associated Press", "AP", "TASS"] {
            assert_eq!(
                lex.known(&normalise(name)).map(|k| k.kind),
                Some(Kind::Organisation),
                "{name}"
            );
        }
        // Acronyms keep their case: "Ap" is no agency.
        assert_eq!(lex.known("Ap"), None);
        assert_eq!(
            lex.known("Fox").map(|k| k.group),
            lex.known("Fox News").map(|k| k.group)
        );
        assert_eq!(lex.signer("getty images"), Some(Signer::Agency));
        assert_eq!(lex.signer("the hill"), Some(Signer::Outlet));
        assert_eq!(lex.signer("staff"), Some(Signer::Agency));
        assert_eq!(lex.signer("the president"), None);
        assert_eq!(lex.signer_words("Getty"), 2);
        assert_eq!(lex.signer_words("Hussein"), 0);
    }

    #[test]
    fn names_are_grouped_and_typed() {
        let lex = lexicon();
        let is = lex.known("IS").map(|k| (k.kind, k.group));
        assert_eq!(is.map(|k| k.0), Some(Kind::Group));
        assert_eq!(lex.known("Daesh").map(|k| k.group), is.map(|k| k.1));
        // Acronyms keep their case; longer names do not need to.
        assert_eq!(lex.known("Is"), None);
        assert_eq!(lex.known("MOSCOW").map(|k| k.kind), Some(Kind::Place));
        assert_eq!(
            lex.known(&normalise("U.S.")).map(|k| k.group),
            lex.known("United States").map(|k| k.group)
        );
        assert_eq!(
            lex.known("MoD").map(|k| k.group),
            lex.known("Russian Ministry of Defense").map(|k| k.group)
        );
    }

    #[test]
    fn words_carry_cues_and_hints() {
        let lex = lexicon();
        assert!(lex.has("Observatory", cue::ORGANISATION));
        assert!(lex.is_role("Gen."));
        assert!(lex.has("Mr.", cue::HONORIFIC));
        assert_eq!(lex.polarity("So-called"), Some(Polarity::Discrediting));
        assert_eq!(lex.polarity("militants"), Some(Polarity::Label));
        assert_eq!(
            lex.phrase_polarity("run by one man"),
            Some(Polarity::Discrediting)
        );
        assert_eq!(lex.demonym("Syrians"), Some("Syria"));
        assert_eq!(lex.demonym("Syrian"), Some("Syria"));
        assert_eq!(lex.demonym("Syria"), None);
    }

    #[test]
    fn normalising_straightens_and_undots() {
        assert_eq!(normalise("U.S."), "US");
        assert_eq!(normalise("al-Nusra [Front]"), "al-Nusra Front");
        assert_eq!(
            normalise("Russia\u{2019}s  Aerospace"),
            "Russia's Aerospace"
        );
        assert_eq!(normalise("Maj. Gen."), "Maj. Gen.");
    }
}
