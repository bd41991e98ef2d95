//! Mentions into entities: same names, alias groups, acronyms, surnames,
//! names that differ by a leading demonym, definite descriptions and
//! indefinite ones resolved forwards; then each entity's name, kind,
//! aliases, mentions and descriptors.

use parallax_analysis::{FastMap, FastSet};

use super::lexicon::{acronym_like, lexicon, Polarity};
use super::scan::{Desc, Evidence, Mention, Ref, Scan, Target, Use};
use super::{Descriptor, EntityFinding, EntityMention, Kind};

/// How far back a definite description may look, in mentions.
const LOOK_BACK: usize = 400;

#[derive(Debug)]
struct Entity<'s> {
    best: Evidence,
    group: Option<u32>,
    mentions: Vec<usize>,
    /// Lower-case head words of its names.
    heads: Vec<&'s str>,
    /// Lower-case words of its names (a few, so a list).
    words: Vec<&'s str>,
    /// What its names had before their core ("russian" of "Russian Defense
    /// Ministry").
    prefixes: Vec<String>,
}

impl Entity<'_> {
    fn organised(&self) -> bool {
        matches!(self.best.kind, Kind::Organisation | Kind::Group)
    }
}

struct Linker<'s> {
    ms: &'s [Mention],
    of: Vec<Option<usize>>,
    ents: Vec<Entity<'s>>,
    by_form: FastMap<&'s str, usize>,
    by_group: FastMap<u32, usize>,
    by_person: FastMap<String, usize>,
    by_surname: FastMap<String, Vec<usize>>,
    by_core: FastMap<&'s str, Vec<usize>>,
}

/// A person's name for matching: lower case, without particles
/// ("Bashar al-Assad" → ["bashar", "assad"]).
fn person_words(words: &[String]) -> Vec<String> {
    let lex = lexicon();
    words
        .iter()
        .filter(|w| !lex.has(w, super::lexicon::cue::PARTICLE))
        .map(|w| match w.split_once('-') {
            Some((pre, rest)) if lex.has(pre, super::lexicon::cue::PARTICLE) => rest.to_string(),
            _ => w.clone(),
        })
        .filter(|w| !w.is_empty())
        .collect()
}

fn person_like(m: &Mention) -> bool {
    m.evidence.kind == Kind::Person && m.known.is_none_or(|k| k.kind == Kind::Person)
}

/// Linked first: names of several words, known names, names typed by their
/// head, acronyms. Single words wait until every full name is known, so
/// that a surname met first still finds its person.
fn strong(m: &Mention) -> bool {
    m.words.len() >= 2
        || m.known.is_some()
        || matches!(m.reference, Ref::Acronym { .. })
        || (m.evidence.kind != Kind::Person && m.evidence.weight >= 3)
}

impl<'s> Linker<'s> {
    fn new_entity(&mut self) -> usize {
        self.ents.push(Entity {
            best: Evidence {
                kind: Kind::Person,
                weight: 0,
            },
            group: None,
            mentions: Vec::new(),
            heads: Vec::new(),
            words: Vec::new(),
            prefixes: Vec::new(),
        });
        self.ents.len() - 1
    }

    fn attach(&mut self, m: usize, e: usize) {
        let Some(men) = self.ms.get(m) else { return };
        let Some(ent) = self.ents.get_mut(e) else {
            return;
        };
        if let Some(slot) = self.of.get_mut(m) {
            *slot = Some(e);
        }
        let named = matches!(men.reference, Ref::Name | Ref::Acronym { .. });
        if ent.mentions.is_empty() || (named && men.evidence.weight > ent.best.weight) {
            ent.best = men.evidence;
        }
        ent.mentions.push(m);
        if !named {
            return;
        }
        if let Some(k) = men.known {
            ent.group.get_or_insert(k.group);
            self.by_group.insert(k.group, e);
        }
        for w in men.heads.iter().chain(&men.words) {
            if !ent.words.contains(&w.as_str()) {
                ent.words.push(w);
            }
        }
        for h in &men.heads {
            if !ent.heads.contains(&h.as_str()) {
                ent.heads.push(h);
            }
        }
        self.by_form.entry(men.key.as_str()).or_insert(e);
        if let Some((core, prefix)) = &men.core {
            ent.prefixes.push(prefix.clone());
            let list = self.by_core.entry(core.as_str()).or_default();
            if !list.contains(&e) {
                list.push(e);
            }
        }
        if person_like(men) && men.words.len() >= 2 {
            let words = person_words(&men.words);
            if let Some(last) = words.last() {
                let list = self.by_surname.entry(last.clone()).or_default();
                if !list.contains(&e) {
                    list.push(e);
                }
            }
            self.by_person.entry(words.join(" ")).or_insert(e);
        }
    }

    /// The entity a person's name or surname refers to.
    fn person(&self, men: &Mention) -> Option<usize> {
        let words = person_words(&men.words);
        if words.len() >= 2 {
            return self.by_person.get(&words.join(" ")).copied();
        }
        let cands = self.by_surname.get(words.first()?)?;
        if let [only] = cands.as_slice() {
            return Some(*only);
        }
        // The person last mentioned before it, else the first one named.
        let before = |e: &usize| {
            self.ents.get(*e).and_then(|ent| {
                ent.mentions
                    .iter()
                    .filter_map(|&k| self.ms.get(k))
                    .map(|x| x.span.start)
                    .filter(|&s| s < men.span.start)
                    .max()
            })
        };
        cands
            .iter()
            .filter_map(|e| before(e).map(|at| (at, *e)))
            .max()
            .map(|(_, e)| e)
            .or_else(|| cands.first().copied())
    }

    /// The entity an organisation's name without its demonym or place
    /// refers to ("Defense Ministry" after "Russian Defense Ministry").
    fn core(&self, men: &Mention) -> Option<usize> {
        let (core, prefix) = men.core.as_ref()?;
        let cands = self.by_core.get(core.as_str())?;
        cands
            .iter()
            .rev()
            .find(|&&e| {
                prefix.is_empty()
                    || self
                        .ents
                        .get(e)
                        .is_some_and(|ent| ent.prefixes.iter().all(|p| p.is_empty() || p == prefix))
            })
            .copied()
    }

    fn link_name(&mut self, m: usize) {
        let Some(men) = self.ms.get(m) else { return };
        let found = match men.reference {
            Ref::Acronym { of } => self.of.get(of).copied().flatten(),
            _ => None,
        }
        .or_else(|| self.by_form.get(men.key.as_str()).copied())
        .or_else(|| men.known.and_then(|k| self.by_group.get(&k.group).copied()))
        .or_else(|| {
            if person_like(men) {
                self.person(men)
            } else {
                None
            }
        })
        .or_else(|| self.core(men));
        let e = match found {
            Some(e) => e,
            None => self.new_entity(),
        };
        self.attach(m, e);
    }

    /// "the Observatory", "the Russian ministry", "the source".
    fn link_definite(&mut self, m: usize) {
        let Some(men) = self.ms.get(m) else { return };
        let Ref::Definite {
            head,
            modifiers,
            generic,
        } = &men.reference
        else {
            return;
        };
        let lex = lexicon();
        let earlier = (0..m)
            .rev()
            .take(LOOK_BACK)
            .filter_map(|k| Some((k, self.of.get(k).copied().flatten()?)));
        let found = if *generic {
            // The source of an earlier sentence, not the subject of this
            // one: "The ministry … doubted the numbers of the source".
            let window: Vec<(usize, usize)> = earlier
                .take_while(|(k, _)| {
                    self.ms
                        .get(*k)
                        .is_some_and(|x| x.sentence + 2 >= men.sentence)
                })
                .filter(|(_, e)| self.ents.get(*e).is_some_and(Entity::organised))
                .collect();
            window
                .iter()
                .find(|(k, _)| self.ms.get(*k).is_some_and(|x| x.sentence < men.sentence))
                .or_else(|| window.first())
                .map(|(_, e)| *e)
        } else {
            let fits = |e: usize| {
                self.ents.get(e).is_some_and(|ent| {
                    ent.heads.contains(&head.as_str())
                        && modifiers.iter().all(|md| {
                            ent.words.contains(&md.as_str())
                                || lex.demonym(md).is_some_and(|place| {
                                    place.split_whitespace().all(|w| {
                                        ent.words.iter().any(|x| x.eq_ignore_ascii_case(w))
                                    })
                                })
                        })
                })
            };
            let mut found = None;
            for (_, e) in earlier {
                if fits(e) {
                    found = Some(e);
                    break;
                }
            }
            found
        };
        if let Some(e) = found {
            self.attach(m, e);
        }
    }

    /// The organisation an indefinite description introduces: the first
    /// one named after it, within two sentences, that was not named before.
    fn forward(&self, after: usize, sentence: usize) -> Option<usize> {
        let first_at = |e: usize| {
            self.ents.get(e).and_then(|ent| {
                ent.mentions
                    .iter()
                    .filter_map(|&k| self.ms.get(k))
                    .map(|x| x.span.start)
                    .min()
            })
        };
        // Mentions are in text order.
        let from = self.ms.partition_point(|x| x.span.start < after);
        self.ms
            .iter()
            .enumerate()
            .skip(from)
            .take_while(|(_, x)| x.sentence <= sentence + 2)
            .filter(|(_, x)| matches!(x.reference, Ref::Name | Ref::Acronym { .. }))
            .filter_map(|(k, _)| self.of.get(k).copied().flatten())
            .find(|&e| {
                self.ents.get(e).is_some_and(Entity::organised)
                    && first_at(e).is_some_and(|at| at >= after)
            })
    }
}

/// "Bloomberg" in a text that names Michael Bloomberg: a single word the
/// gazetteers list as an organisation is the surname of a person the
/// document names in full, so it is read as that surname.
fn surnames_over_gazetteer(mentions: &mut [Mention]) {
    let listed_word = |m: &Mention| {
        matches!(m.reference, Ref::Name)
            && m.words.len() == 1
            && m.known.is_some_and(|k| k.kind == Kind::Organisation)
            && !acronym_like(&m.key)
    };
    let listed: FastSet<&str> = mentions
        .iter()
        .filter(|m| listed_word(m))
        .filter_map(|m| m.words.first().map(String::as_str))
        .collect();
    if listed.is_empty() {
        return;
    }
    // Surnames of people named in full, as `person_words` reads them
    // ("al-Assad" → "assad").
    let mut hits: Vec<String> = Vec::new();
    for m in mentions.iter() {
        if !(matches!(m.reference, Ref::Name) && person_like(m) && m.words.len() >= 2) {
            continue;
        }
        let Some(last) = m.words.last() else { continue };
        let bare = last.split_once('-').map_or(last.as_str(), |(_, rest)| rest);
        for w in [last.as_str(), bare] {
            if listed.contains(w) && !hits.iter().any(|h| h == w) {
                hits.push(w.to_string());
            }
        }
    }
    if hits.is_empty() {
        return;
    }
    for m in mentions.iter_mut() {
        if listed_word(m) && m.words.first().is_some_and(|w| hits.contains(w)) {
            m.known = None;
            m.evidence = Evidence {
                kind: Kind::Person,
                weight: 0,
            };
        }
    }
}

/// Group the scanned mentions into entities, ordered by first mention.
pub(crate) fn link(text: &str, scan: Scan) -> Vec<EntityFinding> {
    let Scan {
        mut mentions,
        descs,
    } = scan;
    surnames_over_gazetteer(&mut mentions);
    let mut l = Linker {
        ms: &mentions,
        of: vec![None; mentions.len()],
        ents: Vec::new(),
        by_form: FastMap::default(),
        by_group: FastMap::default(),
        by_person: FastMap::default(),
        by_surname: FastMap::default(),
        by_core: FastMap::default(),
    };
    for first in [true, false] {
        for (m, men) in mentions.iter().enumerate() {
            if matches!(men.reference, Ref::Name | Ref::Acronym { .. }) && strong(men) == first {
                l.link_name(m);
            }
        }
    }
    for (m, men) in mentions.iter().enumerate() {
        if matches!(men.reference, Ref::Definite { .. }) {
            l.link_definite(m);
        }
    }
    let mut attached: Vec<Vec<&Desc>> = vec![Vec::new(); l.ents.len()];
    for d in &descs {
        let e = match d.target {
            Target::Mention(m) => l.of.get(m).copied().flatten(),
            Target::Forward { after, sentence } => l.forward(after, sentence),
        };
        if let Some(list) = e.and_then(|e| attached.get_mut(e)) {
            list.push(d);
        }
    }
    let mut out: Vec<(usize, EntityFinding)> = Vec::new();
    for (e, ent) in l.ents.iter().enumerate() {
        let kind = ent.best.kind;
        let mut ms: Vec<&Mention> = ent
            .mentions
            .iter()
            .filter_map(|&k| mentions.get(k))
            .collect();
        ms.sort_by_key(|x| (x.span.start, x.span.end));
        let Some(first) = ms.first().map(|x| x.span.start) else {
            continue;
        };
        let named: Vec<&str> = ms
            .iter()
            .filter(|x| matches!(x.reference, Ref::Name | Ref::Acronym { .. }))
            .map(|x| x.form.as_str())
            .collect();
        let full: Vec<&str> = named.iter().copied().filter(|f| !acronym_like(f)).collect();
        let pool = if full.is_empty() { &named } else { &full };
        let mut name: Option<&str> = None;
        for f in pool {
            let better = name
                .is_none_or(|n| (f.split(' ').count(), f.len()) > (n.split(' ').count(), n.len()));
            if better {
                name = Some(f);
            }
        }
        let Some(name) = name else { continue };
        let mut aliases: Vec<String> = Vec::new();
        for x in &ms {
            if x.form != name && !aliases.contains(&x.form) {
                aliases.push(x.form.clone());
            }
        }
        let mut spans: Vec<EntityMention> = ms
            .iter()
            .map(|x| EntityMention {
                start: x.span.start,
                end: x.span.end,
            })
            .collect();
        spans.dedup();
        let mut descriptors: Vec<Descriptor> = Vec::new();
        for d in attached.get(e).map_or(&[][..], Vec::as_slice) {
            let keep = match d.usage {
                Use::Label => matches!(kind, Kind::Organisation | Kind::Group),
                Use::Relative { after_preposition } => !(after_preposition && kind == Kind::Place),
                _ => true,
            };
            let Some(words) = text.get(d.span.clone()) else {
                continue;
            };
            if !keep || words.is_empty() {
                continue;
            }
            let polarity = if d.polarity == Polarity::Role && kind != Kind::Person {
                Polarity::Neutral
            } else {
                d.polarity
            };
            let desc = Descriptor {
                text: words.to_string(),
                polarity: polarity.as_str().to_string(),
                start: d.span.start,
                end: d.span.end,
            };
            if !descriptors
                .iter()
                .any(|x| x.start == desc.start && x.end == desc.end)
            {
                descriptors.push(desc);
            }
        }
        descriptors.sort_by_key(|d| (d.start, d.end));
        out.push((
            first,
            EntityFinding {
                name: name.to_string(),
                kind: kind.as_str().to_string(),
                aliases,
                mentions: spans,
                descriptors,
            },
        ));
    }
    out.sort_by_key(|(first, _)| *first);
    out.into_iter().map(|(_, f)| f).collect()
}
