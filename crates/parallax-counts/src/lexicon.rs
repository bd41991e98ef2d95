//! The word lists of the count annotator, parsed once from `data/`.

use std::sync::OnceLock;

use parallax_analysis::{data_lines, key, lookup, WordMap};

const NUMBERS: &str = include_str!("../../../data/numbers.tsv");
const CATEGORIES: &str = include_str!("../../../data/count_categories.tsv");
const QUALIFIERS: &str = include_str!("../../../data/count_qualifiers.tsv");

pub(crate) use parallax_analysis::numbers::{NumKind, NumWord};

/// A counted noun form that takes one or more words before its last one
/// ("air" + "strikes").
#[derive(Debug, Clone)]
pub(crate) struct Compound {
    /// The words before the last, lower case.
    pub prefix: Vec<Box<str>>,
    pub category: Option<&'static str>,
    /// The form is the plural, the singular, or both ("aircraft").
    pub plural: bool,
    pub singular: bool,
}

/// Everything the lists say about one lower-case word.
#[derive(Debug, Clone, Default)]
pub(crate) struct CountWord {
    pub number: Option<NumWord>,
    /// A counted noun by itself, with its category ("-" in the data: none).
    pub noun: Option<Option<&'static str>>,
    /// The noun form is plural, singular, or both ("aircraft").
    pub plural: bool,
    pub singular: bool,
    /// Several-word nouns that end in this word.
    pub compounds: Vec<Compound>,
    pub verb: Option<&'static str>,
    /// The verb form may stand as the unit right after the number.
    pub verb_unit: bool,
    pub aux: bool,
    pub toll: Option<&'static str>,
    pub not_count: bool,
    pub time: bool,
    pub age: bool,
    pub stop: bool,
    pub modifier: bool,
    pub currency: bool,
}

impl CountWord {
    /// A noun whose counts take their category from a nearby verb.
    pub fn people(category: Option<&str>) -> bool {
        category == Some("people")
    }
}

/// What a qualifier does to the number after it (`data/count_qualifiers.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// "about", "nearly": the count is approximate.
    Approximate,
    /// "at least", "more than": a floor.
    Lower,
    /// "up to", "fewer than": a ceiling.
    Upper,
    /// "exactly", "only".
    Exact,
    /// "another", "a further": on top of a number given before.
    Added,
}

impl Role {
    fn parse(field: &str) -> Option<Role> {
        Some(match field {
            "approximate" => Role::Approximate,
            "lower" => Role::Lower,
            "upper" => Role::Upper,
            "exact" => Role::Exact,
            "added" => Role::Added,
            _ => return None,
        })
    }
}

/// A qualifier phrase as lower-case words, and its role.
#[derive(Debug, Clone)]
pub(crate) struct Qualifier {
    pub words: Vec<Box<str>>,
    pub role: Role,
}

pub(crate) struct Lexicon {
    pub words: WordMap<CountWord>,
    /// Qualifier phrases, longest first.
    pub qualifiers: Vec<Qualifier>,
    /// Ways to write per cent, as lower-case words, longest first.
    pub percent: Vec<Vec<Box<str>>>,
    /// Lines that could not be read, as "file:line: text".
    pub rejected: Vec<String>,
}

impl Lexicon {
    pub fn word(&self, word: &str) -> Option<&CountWord> {
        lookup(&self.words, word)
    }
}

pub(crate) fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| parse(NUMBERS, CATEGORIES, QUALIFIERS))
}

fn words_of(phrase: &str) -> Vec<Box<str>> {
    phrase
        .split_whitespace()
        .map(|w| w.to_lowercase().into_boxed_str())
        .collect()
}

fn category(field: &'static str) -> Option<&'static str> {
    (field != "-").then_some(field)
}

fn parse(numbers: &'static str, categories: &'static str, qualifiers: &'static str) -> Lexicon {
    let mut lex = Lexicon {
        words: WordMap::default(),
        qualifiers: Vec::new(),
        percent: Vec::new(),
        rejected: Vec::new(),
    };
    fn entry<'a>(lex: &'a mut Lexicon, word: &str) -> &'a mut CountWord {
        lex.words.entry(key(word)).or_default()
    }

    let numbers = parallax_analysis::numbers::parse_numbers(numbers);
    lex.rejected.extend(numbers.rejected);
    for (word, number) in numbers.words {
        lex.words.entry(word).or_default().number = Some(number);
    }

    for (n, line) in data_lines(categories) {
        let fields: Vec<&'static str> = line.split('\t').map(str::trim).collect();
        let ok = match fields.as_slice() {
            ["noun", singular, plural, cat]
                if !singular.is_empty()
                    && !plural.is_empty()
                    && (*singular, *plural) != ("-", "-") =>
            {
                for (form, is_plural) in [(singular, false), (plural, true)] {
                    if *form == "-" {
                        continue;
                    }
                    let both = singular == plural;
                    let mut words = words_of(form);
                    match words.pop() {
                        Some(last) if words.is_empty() => {
                            let e = entry(&mut lex, &last);
                            e.noun = Some(category(cat));
                            e.plural |= is_plural || both;
                            e.singular |= !is_plural || both;
                        }
                        Some(last) => entry(&mut lex, &last).compounds.push(Compound {
                            prefix: words,
                            category: category(cat),
                            plural: is_plural || both,
                            singular: !is_plural || both,
                        }),
                        None => {}
                    }
                }
                true
            }
            ["verb", form, cat] | ["verb", form, cat, "unit"] if !form.is_empty() => {
                let e = entry(&mut lex, form);
                e.verb = Some(cat);
                e.verb_unit = fields.len() == 4;
                true
            }
            ["toll", word, cat] if !word.is_empty() => {
                entry(&mut lex, word).toll = Some(cat);
                true
            }
            ["percent", form] if !form.is_empty() => {
                lex.percent.push(words_of(form));
                true
            }
            [kind, word] if !word.is_empty() && !word.contains(' ') => {
                let e = entry(&mut lex, word);
                match *kind {
                    "aux" => e.aux = true,
                    "not-count" => e.not_count = true,
                    "time" => e.time = true,
                    "age" => e.age = true,
                    "stop" => e.stop = true,
                    "modifier" => e.modifier = true,
                    "currency" => e.currency = true,
                    _ => {}
                }
                matches!(
                    *kind,
                    "aux" | "not-count" | "time" | "age" | "stop" | "modifier" | "currency"
                )
            }
            _ => false,
        };
        if !ok {
            lex.rejected
                .push(format!("count_categories.tsv:{n}: {line}"));
        }
    }

    for (n, line) in data_lines(qualifiers) {
        let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
        let read = match fields.as_slice() {
            [phrase, role] => Role::parse(role)
                .map(|role| (words_of(phrase), role))
                .filter(|(words, _)| !words.is_empty()),
            _ => None,
        };
        match read {
            Some((words, role)) => lex.qualifiers.push(Qualifier { words, role }),
            None => lex
                .rejected
                .push(format!("count_qualifiers.tsv:{n}: {line}")),
        }
    }
    lex.qualifiers
        .sort_by_key(|q| std::cmp::Reverse(q.words.len()));
    lex.percent.sort_by_key(|q| std::cmp::Reverse(q.len()));
    lex
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_data_line_reads() {
        let lex = lexicon();
        assert!(
            lex.rejected.is_empty(),
            "unreadable lines: {:#?}",
            lex.rejected
        );
        assert!(lex.qualifiers.len() > 20);
        assert_eq!(lex.qualifiers.first().map(|q| q.words.len()), Some(3));
        let role = |phrase: &str| {
            lex.qualifiers
                .iter()
                .find(|q| q.words.join(" ") == phrase)
                .map(|q| q.role)
        };
        assert_eq!(role("about"), Some(Role::Approximate));
        assert_eq!(role("at least"), Some(Role::Lower));
        assert_eq!(role("up to"), Some(Role::Upper));
    }

    #[test]
    fn words_carry_their_roles() {
        let lex = lexicon();
        let third = lex.word("Third").and_then(|w| w.number);
        assert_eq!(third.map(|n| n.kind), Some(NumKind::Fraction));
        assert!(third.is_some_and(|n| (n.value - 1.0 / 3.0).abs() < 1e-12));
        assert_eq!(
            lex.word("people").and_then(|w| w.noun),
            Some(Some("people"))
        );
        assert!(lex.word("people").is_some_and(|w| w.plural && !w.singular));
        assert!(lex.word("person").is_some_and(|w| !w.plural && w.singular));
        assert!(lex.word("aircraft").is_some_and(|w| w.plural && w.singular));
        // "others" has no singular: "other" stays a modifier.
        assert!(lex
            .word("other")
            .is_some_and(|w| w.noun.is_none() && w.modifier));
        assert_eq!(lex.word("KILLED").and_then(|w| w.verb), Some("killed"));
        assert!(lex.word("dead").is_some_and(|w| w.verb_unit));
        assert!(lex.word("died").is_some_and(|w| !w.verb_unit));
        let strikes = lex.word("strikes");
        assert!(strikes.is_some_and(|w| w
            .compounds
            .iter()
            .any(|c| c.prefix.len() == 1 && c.category == Some("strikes"))));
        assert!(lex.word("hours").is_some_and(|w| w.not_count));
        assert!(lex.word("$").is_some_and(|w| w.currency));
    }

    #[test]
    fn malformed_lines_are_named() {
        let lex = parse(
            "nine\t9\tsmall\nten\tx\tsmall\neleven\t11\tbig\n",
            "noun\tcat\tcats\tpets\nnoun\tdog\nverb\tran\tfled\tmaybe\nstop\tthe\nnoun\t-\t-\tnone\n",
            "at least\tlower\nup\tto\nnearly\tapproximate\tmore\nabout\n",
        );
        assert_eq!(
            lex.rejected,
            [
                "numbers.tsv:2: ten\tx\tsmall",
                "numbers.tsv:3: eleven\t11\tbig",
                "count_categories.tsv:2: noun\tdog",
                "count_categories.tsv:3: verb\tran\tfled\tmaybe",
                "count_categories.tsv:5: noun\t-\t-\tnone",
                "count_qualifiers.tsv:2: up\tto",
                "count_qualifiers.tsv:3: nearly\tapproximate\tmore",
                "count_qualifiers.tsv:4: about",
            ]
        );
        assert!(lex
            .word("cats")
            .is_some_and(|w| w.noun == Some(Some("pets"))));
    }
}
