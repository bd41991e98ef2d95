//! Whom a name stands for in one document: the keys an actor, a target or
//! an accused party is matched by ("Russia's Defense Ministry", "the
//! Russian Air Force" and "Moscow" all stand for Russia).

use std::cell::RefCell;

use parallax_analysis::{FastMap, FastSet};
use parallax_entities::EntityFinding;

use crate::words::without_possessive;

const STATE_WORDS: &str = include_str!("../../../data/state_words.txt");

/// Whether a folded word makes a name part of a state
/// (`data/state_words.txt`).
fn state_word(folded: &str) -> bool {
    static WORDS: std::sync::OnceLock<FastSet<&'static str>> = std::sync::OnceLock::new();
    WORDS
        .get_or_init(|| parallax_analysis::word_list(STATE_WORDS))
        .contains(folded)
}

/// One document's entities, indexed once by every form they take, and the
/// keys of each name asked for, kept.
pub(crate) struct Parties<'e> {
    entities: &'e [EntityFinding],
    /// A folded name or alias → the entities that use it.
    by_form: FastMap<String, Vec<usize>>,
    /// Each entity's folded name.
    folded: Vec<String>,
    /// The folded names of all entities, and of the places among them.
    names: FastSet<String>,
    places: FastSet<String>,
    memo: RefCell<FastMap<String, Vec<String>>>,
}

impl<'e> Parties<'e> {
    pub fn new(entities: &'e [EntityFinding]) -> Parties<'e> {
        let mut by_form: FastMap<String, Vec<usize>> = FastMap::default();
        let mut folded = Vec::with_capacity(entities.len());
        let mut names = FastSet::default();
        let mut places = FastSet::default();
        for (i, e) in entities.iter().enumerate() {
            let f = fold_name(&e.name);
            names.insert(f.clone());
            if e.kind == "place" {
                places.insert(f.clone());
            }
            folded.push(f);
            for n in std::iter::once(&e.name).chain(e.aliases.iter()) {
                let ids = by_form.entry(fold_name(n)).or_default();
                if !ids.contains(&i) {
                    ids.push(i);
                }
            }
        }
        Parties {
            entities,
            by_form,
            folded,
            names,
            places,
            memo: RefCell::new(FastMap::default()),
        }
    }

    /// The keys of `name`: the name itself folded, the document's entity it
    /// names (by its name or an alias) and that entity's other forms, the
    /// possessor of "Trump's attorneys", a person's surname, and the
    /// country any of their words names (a place, a demonym or a capital),
    /// plus `government` for a state body.
    pub fn of(&self, name: &str) -> Vec<String> {
        if let Some(k) = self.memo.borrow().get(name) {
            return k.clone();
        }
        let keys = self.compute(name, 0);
        self.memo
            .borrow_mut()
            .insert(name.to_string(), keys.clone());
        keys
    }

    fn compute(&self, name: &str, depth: usize) -> Vec<String> {
        let mut keys: Vec<String> = Vec::new();
        let add = |k: String, keys: &mut Vec<String>| {
            if !k.is_empty() && !keys.contains(&k) {
                keys.push(k);
            }
        };
        let folded = fold_name(name);
        if folded.is_empty() {
            return keys;
        }
        add(folded.clone(), &mut keys);
        // "Trump's attorneys" speak for Trump: the possessor is a party too.
        if depth < 3 {
            if let Some((owner, _)) = name.split_once("’s ").or_else(|| name.split_once("'s ")) {
                for k in self.compute(owner, depth + 1) {
                    add(k, &mut keys);
                }
            }
        }
        let mut forms: Vec<&str> = vec![name];
        for &i in self.by_form.get(&folded).map(Vec::as_slice).unwrap_or(&[]) {
            let e = &self.entities[i];
            add(self.folded[i].clone(), &mut keys);
            // A person is matched across documents by surname as well
            // ("Trump", "Donald Trump", "President Donald Trump").
            if e.kind == "person" {
                if let Some(last) = self.folded[i].split_whitespace().last() {
                    add(last.to_string(), &mut keys);
                }
            }
            forms.push(&e.name);
            forms.extend(e.aliases.iter().map(String::as_str));
        }
        for form in forms {
            let words: Vec<&str> = form.split_whitespace().collect();
            for (i, word) in words.iter().enumerate() {
                for place in self.places_in(word) {
                    add(place, &mut keys);
                }
                // "Ministry of Defence of Ostrenia": the body of the country
                // after its last "of".
                if *word == "of" && i + 2 == words.len() {
                    let owner = words[i + 1];
                    if owner.chars().next().is_some_and(char::is_uppercase) {
                        add(fold_name(owner), &mut keys);
                    }
                }
            }
            let stately = words
                .iter()
                .any(|w| state_word(without_possessive(&parallax_analysis::fold(w))));
            if stately {
                add(GENERIC_KEY.to_string(), &mut keys);
            }
        }
        keys
    }

    /// The places one word of a name names: itself when the document has
    /// it as a place, the place of a demonym, the country of a capital.
    fn places_in(&self, word: &str) -> Vec<String> {
        let folded = parallax_analysis::fold(word);
        let bare = without_possessive(&folded).trim_matches(|c: char| !c.is_alphanumeric());
        let mut out = Vec::new();
        if bare.is_empty() || !word.chars().next().is_some_and(char::is_uppercase) {
            return out;
        }
        if let Some(p) = parallax_entities::demonym_place(bare) {
            out.push(fold_name(p));
        }
        if let Some(c) = parallax_entities::capital_country(bare) {
            out.push(fold_name(c));
        }
        if self.places.contains(bare) {
            out.push(bare.to_string());
        }
        // A demonym the gazetteer lacks, of a name the document uses:
        // "Ostrenian" of "Ostrenia", "Kenyan" of "Kenya".
        if out.is_empty() && bare.len() > 4 && bare.ends_with("an") {
            let stem = &bare[..bare.len() - 1];
            if self.names.contains(stem) {
                out.push(stem.to_string());
            }
        }
        out
    }
}

/// A name folded for comparison: lower case, possessives and a leading
/// "the" dropped, words joined by one space.
pub(crate) fn fold_name(name: &str) -> String {
    let folded = parallax_analysis::fold(name);
    let words: Vec<&str> = folded
        .split_whitespace()
        .map(without_possessive)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    let words = match words.first() {
        Some(&"the") => &words[1..],
        _ => &words[..],
    };
    words.join(" ")
}

/// Whether two sets of keys share one.
pub(crate) fn overlap(a: &[String], b: &[String]) -> bool {
    a.iter().any(|k| b.contains(k))
}

/// The key every state body shares: good for finding whom an answer
/// answers, too wide to say two bodies are one side.
pub const GENERIC_KEY: &str = "government";

/// Whether two sets of keys share one that names a particular party.
pub(crate) fn same_side(a: &[String], b: &[String]) -> bool {
    a.iter().any(|k| k != GENERIC_KEY && b.contains(k))
}
