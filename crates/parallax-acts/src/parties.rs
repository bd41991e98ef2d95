//! Whom a name stands for in one document: the keys an actor, a target or
//! an accused party is matched by ("Russia's Defense Ministry", "the
//! Russian Air Force" and "Moscow" all stand for Russia).

use parallax_entities::EntityFinding;

use crate::words::without_possessive;

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
    for e in entities {
        let names = std::iter::once(&e.name).chain(e.aliases.iter());
        if names.clone().any(|n| fold_name(n) == folded) {
            add(fold_name(&e.name), &mut keys);
            forms.extend(names.cloned());
        }
    }
    for form in &forms {
        for word in form.split_whitespace() {
            for place in places_in(word, entities) {
                add(place, &mut keys);
            }
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
    let is_place = entities
        .iter()
        .any(|e| e.kind == "place" && fold_name(&e.name) == bare);
    if is_place {
        out.push(bare);
    }
    out
}

/// Whether two sets of keys share one.
pub(crate) fn overlap(a: &[String], b: &[String]) -> bool {
    a.iter().any(|k| b.contains(k))
}
