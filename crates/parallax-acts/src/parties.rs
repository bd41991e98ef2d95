//! Whom a name stands for in one document: the keys an actor, a target or
//! an accused party is matched by ("Russia's Defense Ministry", "the
//! Russian Air Force" and "Moscow" all stand for Russia).

use parallax_entities::EntityFinding;

use crate::words::without_possessive;

const STATE_WORDS: &str = include_str!("../../../data/state_words.txt");

/// Whether a folded word makes a name part of a state
/// (`data/state_words.txt`).
fn state_word(folded: &str) -> bool {
    parallax_analysis::data_lines(STATE_WORDS).any(|(_, w)| w.trim() == folded)
}

/// The keys of `name`: the name itself folded, the document's entity it
/// names (by its name or an alias) and that entity's other forms, and the
/// country any of their words names (a place, a demonym or a capital).
pub(crate) fn parties(name: &str, entities: &[EntityFinding]) -> Vec<String> {
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
    let mut forms: Vec<String> = vec![name.to_string()];
    // "Trump's attorneys" speak for Trump: the possessor is a party too.
    if let Some((owner, _)) = name.split_once("’s ").or_else(|| name.split_once("'s ")) {
        for k in parties(owner, entities) {
            add(k, &mut keys);
        }
    }
    for e in entities {
        let names = std::iter::once(&e.name).chain(e.aliases.iter());
        if names.clone().any(|n| fold_name(n) == folded) {
            add(fold_name(&e.name), &mut keys);
            // A person is matched across documents by surname as well
            // ("Trump", "Donald Trump", "President Donald Trump").
            if e.kind == "person" {
                if let Some(last) = fold_name(&e.name).split_whitespace().last() {
                    add(last.to_string(), &mut keys);
                }
            }
            forms.extend(names.cloned());
        }
    }
    for form in &forms {
        let words: Vec<&str> = form.split_whitespace().collect();
        for (i, word) in words.iter().enumerate() {
            for place in places_in(word, entities) {
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
        let folded_form = parallax_analysis::fold(form);
        let stately = folded_form
            .split_whitespace()
            .any(|w| state_word(without_possessive(w)));
        if stately {
            add("government".to_string(), &mut keys);
        }
    }
    keys
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

/// The places one word of a name names: itself when the document has it as
/// a place, the place of a demonym, the country of a capital.
fn places_in(word: &str, entities: &[EntityFinding]) -> Vec<String> {
    let bare = without_possessive(&parallax_analysis::fold(word)).to_string();
    let bare = bare
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_string();
    let mut out = Vec::new();
    if bare.is_empty() {
        return out;
    }
    if let Some(p) = parallax_entities::demonym_place(&bare) {
        out.push(fold_name(p));
    }
    if let Some(c) = parallax_entities::capital_country(&bare) {
        out.push(fold_name(c));
    }
    let place_named = |n: &str| {
        entities
            .iter()
            .any(|e| e.kind == "place" && fold_name(&e.name) == n)
    };
    if place_named(&bare) {
        out.push(bare.clone());
    }
    // A demonym the gazetteer lacks, of a place the document names:
    // "Ostrenian" of "Ostrenia", "Kenyan" of "Kenya".
    if out.is_empty() && bare.len() > 4 && bare.ends_with("an") {
        let stem = &bare[..bare.len() - 1];
        let named = entities.iter().any(|e| fold_name(&e.name) == stem);
        if named {
            out.push(stem.to_string());
        }
    }
    out
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
