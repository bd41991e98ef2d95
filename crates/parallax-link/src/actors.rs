//! Actors across documents: the same person or body in several articles
//! and outlets ("Syrian Observatory for Human Rights" in three outlets,
//! "SOHR" in one of them), with, per outlet, the names and descriptions
//! used, how often it is quoted, and the acts it makes and receives.
//!
//! Two documents' entities are one actor when they share a key: the
//! folded name, or an alias that is an acronym ("SOHR"). Other aliases
//! join nothing across documents: a surname or a description can stand
//! for different bodies in different articles, and an alias one article
//! got wrong ("Alabama Republican Party" for the Republicans) would join
//! everything its name holds. Only actors found in two documents or more
//! are listed.

use crate::{fold, root};
use std::borrow::Borrow;
use std::collections::{BTreeMap, BTreeSet, HashMap};

use parallax_model::{Actor, ActorDescriptor, ActorInOutlet, Document};

/// Whether an alias can join documents: an acronym of two letters or
/// more.
fn joins(alias: &str) -> bool {
    !alias.contains(char::is_whitespace)
        && alias.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && alias
            .chars()
            .all(|c| c.is_uppercase() || c == '.' || c == '-' || c == '&')
}

/// Per document, by folded name: the attributions it speaks, and the acts
/// of the statements it makes and receives. Built once per document.
#[derive(Default)]
struct DocRoles {
    spoke: HashMap<String, BTreeSet<String>>,
    made: HashMap<String, Vec<&'static str>>,
    received: HashMap<String, Vec<&'static str>>,
}

fn roles(doc: &Document) -> DocRoles {
    let mut r = DocRoles::default();
    for q in &doc.quotes {
        if let Some(n) = q.speaker.as_ref().and_then(|s| s.name.as_deref()) {
            r.spoke
                .entry(fold(n))
                .or_default()
                .insert(q.attribution.clone());
        }
    }
    for s in &doc.statements {
        if let Some(a) = &s.actor {
            r.made.entry(fold(a)).or_default().push(s.act.as_str());
        }
        if let Some(t) = &s.target {
            r.received.entry(fold(t)).or_default().push(s.act.as_str());
        }
    }
    r
}

/// The actors of a corpus, most documents first (then by name).
pub fn find_actors<D: Borrow<Document>>(docs: &[D]) -> Vec<Actor> {
    let mut keys = ActorKeys::default();
    for d in docs {
        keys.add_document(d.borrow());
    }
    let mut actors = keys.actors();
    for d in docs {
        actors.add(d.borrow());
    }
    actors.finish()
}

/// A folded name as a key: its 64-bit hash. Two different names with one
/// hash would join two actors; among a million names the chance of any
/// such pair is about one in forty million.
fn key(name: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    fold(name).hash(&mut h);
    h.finish()
}

/// The first of the two passes actors take over a corpus: which entities,
/// of which documents, are one actor. It keeps a few numbers per entity
/// and one per distinct name, so that the second pass ([`Actors`]) keeps
/// what an actor record shows only for entities that join an actor of two
/// documents or more (most entities are named in one document only).
#[derive(Debug, Default)]
pub struct ActorKeys {
    docs: HashMap<String, DocEntities>,
    /// Document number of each entity (documents numbered as added).
    doc_of: Vec<u32>,
    parent: Vec<usize>,
    key_of: HashMap<u64, usize>,
}

impl ActorKeys {
    /// One document's entities: each name with its aliases, in the order
    /// of the document's `entities`. A document already added is ignored.
    pub fn add<'a>(
        &mut self,
        doc: &str,
        entities: impl IntoIterator<Item = (&'a str, &'a [String])>,
    ) {
        if self.docs.contains_key(doc) {
            return;
        }
        let d = self.docs.len() as u32;
        let first = self.parent.len();
        for (name, aliases) in entities {
            let n = self.parent.len();
            self.parent.push(n);
            self.doc_of.push(d);
            let keys = std::iter::once(key(name))
                .chain(aliases.iter().filter(|a| joins(a)).map(|a| key(a)));
            for k in keys {
                match self.key_of.get(&k) {
                    Some(&other) => {
                        let (a, b) = (root(&mut self.parent, n), root(&mut self.parent, other));
                        if a != b {
                            self.parent[b.max(a)] = a.min(b);
                        }
                    }
                    None => {
                        self.key_of.insert(k, n);
                    }
                }
            }
        }
        let count = (self.parent.len() - first) as u32;
        self.docs.insert(
            doc.to_string(),
            DocEntities {
                number: d,
                first: first as u32,
                count,
            },
        );
    }

    /// [`ActorKeys::add`] from a whole record.
    pub fn add_document(&mut self, doc: &Document) {
        self.add(
            &doc.id,
            doc.entities
                .iter()
                .map(|e| (e.name.as_str(), e.aliases.as_slice())),
        );
    }

    /// The second pass, ready to take the same documents' records.
    pub fn actors(mut self) -> Actors {
        self.key_of = HashMap::new();
        let n = self.parent.len();
        // Distinct documents per group: a group's entities come in
        // document order, so a change of document is a new one.
        let mut docs_in: HashMap<usize, (u32, u32)> = HashMap::new();
        let mut roots = Vec::with_capacity(n);
        for i in 0..n {
            let r = root(&mut self.parent, i);
            roots.push(r);
            let e = docs_in.entry(r).or_insert((self.doc_of[i], 0));
            if e.1 == 0 || e.0 != self.doc_of[i] {
                *e = (self.doc_of[i], e.1 + 1);
            }
        }
        // Actor slots in the order of each group's first entity.
        let mut slot_of_root: HashMap<usize, u32> = HashMap::new();
        let mut slot = Vec::with_capacity(n);
        for r in roots {
            let many = docs_in.get(&r).is_some_and(|e| e.1 >= 2);
            slot.push(if many {
                let next = slot_of_root.len() as u32;
                *slot_of_root.entry(r).or_insert(next)
            } else {
                NO_ACTOR
            });
        }
        let builders = (0..slot_of_root.len())
            .map(|_| Builder::default())
            .collect();
        let mut ids = vec![String::new(); self.docs.len()];
        for (id, at) in &self.docs {
            ids[at.number as usize].clone_from(id);
        }
        Actors {
            added: vec![false; self.docs.len()],
            docs: self.docs,
            ids,
            slot,
            builders,
            strings: Strings::default(),
        }
    }
}

const NO_ACTOR: u32 = u32::MAX;

/// Where a document's entities are among all entities the first pass
/// numbered.
#[derive(Debug, Clone, Copy)]
struct DocEntities {
    /// The document's number, in the order added.
    number: u32,
    first: u32,
    count: u32,
}

/// Names, aliases, outlets, types and polarities, each kept once and
/// referred to by number while actors are built.
#[derive(Debug, Default)]
struct Strings {
    number: HashMap<Box<str>, u32>,
    text: Vec<Box<str>>,
}

impl Strings {
    fn of(&mut self, s: &str) -> u32 {
        if let Some(&n) = self.number.get(s) {
            return n;
        }
        let n = self.text.len() as u32;
        self.text.push(s.into());
        self.number.insert(s.into(), n);
        n
    }

    fn get(&self, n: u32) -> &str {
        self.text.get(n as usize).map_or("", |s| s)
    }
}

/// The second pass: each added document's entities that belong to an
/// actor of two documents or more, folded into that actor's record as it
/// goes. Documents and strings are held as numbers until the records are
/// written, one at a time ([`Actors::records`]); nothing is kept of the
/// entities that join no actor.
#[derive(Debug)]
pub struct Actors {
    docs: HashMap<String, DocEntities>,
    /// Each document's id, by its [`ActorKeys`] number.
    ids: Vec<String>,
    /// Whether each document (by its [`ActorKeys`] number) was added.
    added: Vec<bool>,
    /// Actor slot of each entity, or [`NO_ACTOR`].
    slot: Vec<u32>,
    builders: Vec<Builder>,
    strings: Strings,
}

impl Actors {
    /// One document, as [`ActorKeys`] saw it (its entities in the same
    /// order); a document it did not see is ignored.
    pub fn add(&mut self, doc: &Document) {
        let Some(&at) = self.docs.get(&doc.id) else {
            return;
        };
        // Each document once.
        if std::mem::replace(&mut self.added[at.number as usize], true) {
            return;
        }
        let (first, count) = (at.first as usize, at.count as usize);
        let slots = &self.slot[first..first + count.min(doc.entities.len())];
        if slots.iter().all(|&s| s == NO_ACTOR) {
            return;
        }
        let r = roles(doc);
        let outlet = doc.outlet.as_ref().map(|o| self.strings.of(&o.name));
        for (ent, &s) in doc.entities.iter().zip(slots) {
            if let Some(b) = self.builders.get_mut(s as usize) {
                b.add(at.number, outlet, ent, &r, &mut self.strings);
            }
        }
    }

    /// The actors built, most documents first (then by name), each made
    /// into its record only when the iterator reaches it.
    pub fn records(self) -> impl Iterator<Item = Actor> {
        let Actors {
            ids,
            builders,
            strings,
            ..
        } = self;
        let mut order: Vec<(usize, u32, usize)> = builders
            .iter()
            .enumerate()
            .map(|(i, b)| (b.documents.len(), b.name(&strings), i))
            .collect();
        order.sort_by(|a, b| {
            b.0.cmp(&a.0)
                .then_with(|| strings.get(a.1).cmp(strings.get(b.1)))
        });
        let mut builders: Vec<Option<Builder>> = builders.into_iter().map(Some).collect();
        order.into_iter().filter_map(move |(_, name, i)| {
            let b = builders.get_mut(i)?.take()?;
            Some(b.finish(name, &strings, &ids))
        })
    }

    pub fn finish(self) -> Vec<Actor> {
        self.records().collect()
    }
}

/// What one outlet's documents (or one document without an outlet) say
/// of and by an actor, as the second pass builds it.
#[derive(Debug)]
struct InOutlet {
    outlet: Option<u32>,
    /// The document, for an entry of a document without an outlet.
    alone: Option<u32>,
    documents: Vec<u32>,
    names: Vec<u32>,
    descriptors: Vec<Described>,
    quoted: usize,
    made: Vec<(&'static str, usize)>,
    received: Vec<(&'static str, usize)>,
}

#[derive(Debug)]
struct Described {
    doc: u32,
    text: Box<str>,
    polarity: u32,
    start: usize,
    end: usize,
}

/// One actor as the second pass builds it.
#[derive(Debug, Default)]
struct Builder {
    /// (name, how many entities bore it), in the order first seen.
    names: Vec<(u32, usize)>,
    kinds: Vec<(u32, usize)>,
    aliases: Vec<u32>,
    documents: Vec<u32>,
    per: Vec<InOutlet>,
}

fn bump<K: PartialEq>(counts: &mut Vec<(K, usize)>, k: K) {
    match counts.iter_mut().find(|(x, _)| *x == k) {
        Some((_, n)) => *n += 1,
        None => counts.push((k, 1)),
    }
}

/// The most frequent of `counts`, then the longest, then the first in
/// order.
fn pick(counts: &[(u32, usize)], strings: &Strings) -> Option<u32> {
    counts
        .iter()
        .max_by(|a, b| {
            let (x, y) = (strings.get(a.0), strings.get(b.0));
            a.1.cmp(&b.1).then(x.len().cmp(&y.len())).then(y.cmp(x))
        })
        .map(|(k, _)| *k)
}

impl Builder {
    fn add(
        &mut self,
        doc: u32,
        outlet: Option<u32>,
        ent: &parallax_model::Entity,
        r: &DocRoles,
        strings: &mut Strings,
    ) {
        bump(&mut self.names, strings.of(&ent.name));
        bump(&mut self.kinds, strings.of(&ent.kind));
        for a in &ent.aliases {
            let a = strings.of(a);
            if !self.aliases.contains(&a) {
                self.aliases.push(a);
            }
        }
        if self.documents.last() != Some(&doc) {
            self.documents.push(doc);
        }
        let alone = if outlet.is_some() { None } else { Some(doc) };
        let at = match self
            .per
            .iter()
            .rposition(|p| p.outlet == outlet && p.alone == alone)
        {
            Some(i) => i,
            None => {
                self.per.push(InOutlet {
                    outlet,
                    alone,
                    documents: Vec::new(),
                    names: Vec::new(),
                    descriptors: Vec::new(),
                    quoted: 0,
                    made: Vec::new(),
                    received: Vec::new(),
                });
                self.per.len() - 1
            }
        };
        let entry = &mut self.per[at];
        if entry.documents.last() != Some(&doc) {
            entry.documents.push(doc);
        }
        for nm in std::iter::once(&ent.name).chain(ent.aliases.iter()) {
            let nm = strings.of(nm);
            if !entry.names.contains(&nm) {
                entry.names.push(nm);
            }
        }
        for x in &ent.descriptors {
            entry.descriptors.push(Described {
                doc,
                text: x.text.as_str().into(),
                polarity: strings.of(&x.polarity),
                start: x.start,
                end: x.end,
            });
        }
        // What it says and what is said of it, in this document: records
        // whose speaker, actor or target is one of its names.
        let names: BTreeSet<String> = std::iter::once(&ent.name)
            .chain(&ent.aliases)
            .map(|s| fold(s))
            .collect();
        let attributions: BTreeSet<&String> = names
            .iter()
            .filter_map(|n| r.spoke.get(n))
            .flatten()
            .collect();
        entry.quoted += attributions.len();
        for n in &names {
            for &a in r.made.get(n).map(Vec::as_slice).unwrap_or(&[]) {
                bump(&mut entry.made, a);
            }
            for &a in r.received.get(n).map(Vec::as_slice).unwrap_or(&[]) {
                bump(&mut entry.received, a);
            }
        }
    }

    /// The name the record will carry.
    fn name(&self, strings: &Strings) -> u32 {
        pick(&self.names, strings).unwrap_or(u32::MAX)
    }

    fn finish(self, name_at: u32, strings: &Strings, ids: &[String]) -> Actor {
        let s = |n: u32| strings.get(n).to_string();
        let doc = |n: u32| ids.get(n as usize).cloned().unwrap_or_default();
        let name = s(name_at);
        let mut aliases: BTreeSet<String> = self.aliases.iter().map(|&a| s(a)).collect();
        aliases.remove(&name);
        for &(n, _) in &self.names {
            if n != name_at {
                aliases.insert(s(n));
            }
        }
        let counts = |c: Vec<(&'static str, usize)>| -> BTreeMap<String, usize> {
            c.into_iter().map(|(k, n)| (k.to_string(), n)).collect()
        };
        let mut per: Vec<((Option<&str>, String), ActorInOutlet)> = self
            .per
            .into_iter()
            .map(|p| {
                let key = (
                    p.outlet.map(|o| strings.get(o)),
                    p.alone.map(doc).unwrap_or_default(),
                );
                let record = ActorInOutlet {
                    outlet: p.outlet.map(s),
                    documents: p.documents.into_iter().map(doc).collect(),
                    names: p.names.into_iter().map(s).collect(),
                    descriptors: p
                        .descriptors
                        .into_iter()
                        .map(|d| ActorDescriptor {
                            doc: doc(d.doc),
                            text: d.text.into(),
                            polarity: s(d.polarity),
                            start: d.start,
                            end: d.end,
                        })
                        .collect(),
                    quoted: p.quoted,
                    acts_made: counts(p.made),
                    acts_received: counts(p.received),
                };
                (key, record)
            })
            .collect();
        per.sort_by(|a, b| a.0.cmp(&b.0));
        Actor {
            id: format!("a{}", &crate::story_id(&[name.as_str()])[1..]),
            kind: pick(&self.kinds, strings).map(s).unwrap_or_default(),
            name,
            aliases: aliases.into_iter().collect(),
            documents: self.documents.into_iter().map(doc).collect(),
            outlets: per.into_iter().map(|(_, r)| r).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_model::{Descriptor, Entity, InputSpan, Outlet};

    fn doc(id: &str, outlet: Option<&str>, entities: Vec<Entity>) -> Document {
        Document {
            id: id.into(),
            source: format!("{id}.txt"),
            url: None,
            outlet: outlet.map(|o| Outlet {
                name: o.into(),
                evidence: "test".into(),
            }),
            published: None,
            published_evidence: None,
            title: None,
            sentences: vec![],
            paragraphs: vec![],
            text: String::new(),
            removed: vec![],
            quotes: vec![],
            entities,
            statements: vec![],
            counts: vec![],
            dates: vec![],
            language: None,
            warnings: vec![],
            fingerprint: Default::default(),
        }
    }

    fn entity(name: &str, aliases: &[&str], described: &[(&str, &str)]) -> Entity {
        Entity {
            id: "e1".into(),
            name: name.into(),
            kind: "organisation".into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            mentions: vec![],
            descriptors: described
                .iter()
                .map(|(t, p)| Descriptor {
                    text: t.to_string(),
                    polarity: p.to_string(),
                    start: 3,
                    end: 9,
                    input: InputSpan::default(),
                })
                .collect(),
        }
    }

    #[test]
    fn one_body_across_outlets_with_each_outlets_description() {
        let docs = vec![
            doc(
                "g1",
                Some("Gazette"),
                vec![entity(
                    "Varno Seismic Institute",
                    &["VSI", "the Institute"],
                    &[("a respected monitoring body", "crediting")],
                )],
            ),
            doc(
                "h1",
                Some("Herald"),
                vec![entity(
                    "VSI",
                    &[],
                    &[("a discredited outfit", "discrediting")],
                )],
            ),
            // "the Institute" alone joins nothing across documents.
            doc("c1", None, vec![entity("the Institute", &[], &[])]),
        ];
        let actors = find_actors(&docs);
        assert_eq!(actors.len(), 1, "{actors:?}");
        let a = &actors[0];
        assert_eq!(a.documents, vec!["g1", "h1"]);
        assert!(a.aliases.contains(&"VSI".to_string()));
        let by_outlet: Vec<(Option<&str>, &str, &str)> = a
            .outlets
            .iter()
            .flat_map(|o| {
                o.descriptors
                    .iter()
                    .map(move |d| (o.outlet.as_deref(), d.text.as_str(), d.polarity.as_str()))
            })
            .collect();
        assert_eq!(
            by_outlet,
            vec![
                (Some("Gazette"), "a respected monitoring body", "crediting"),
                (Some("Herald"), "a discredited outfit", "discrediting"),
            ]
        );
    }

    #[test]
    fn two_passes_list_actors_of_several_documents_most_documents_first() {
        let docs = vec![
            doc(
                "d1",
                Some("Gazette"),
                vec![
                    entity("Lake Board", &[], &[]),
                    entity("Mira Holt", &[], &[]),
                ],
            ),
            doc("d2", Some("Gazette"), vec![entity("Mira Holt", &[], &[])]),
            doc(
                "d3",
                None,
                vec![entity("Mira Holt", &[], &[("the mayor", "neutral")])],
            ),
            doc(
                "d4",
                Some("Herald"),
                vec![
                    entity("Lake Board", &[], &[]),
                    entity("Only Once", &[], &[]),
                ],
            ),
        ];
        // Pass one from names only, as the store hands them over.
        let mut keys = ActorKeys::default();
        for d in &docs {
            let names: Vec<(String, Vec<String>)> = d
                .entities
                .iter()
                .map(|e| (e.name.clone(), e.aliases.clone()))
                .collect();
            keys.add(&d.id, names.iter().map(|(n, a)| (n.as_str(), a.as_slice())));
        }
        let mut actors = keys.actors();
        for d in &docs {
            actors.add(d);
            // A document given twice counts once.
            actors.add(d);
        }
        let got: Vec<Actor> = actors.records().collect();
        let names: Vec<(&str, usize)> = got
            .iter()
            .map(|a| (a.name.as_str(), a.documents.len()))
            .collect();
        assert_eq!(names, vec![("Mira Holt", 3), ("Lake Board", 2)]);
        assert_eq!(got, find_actors(&docs));
        // The document without an outlet has an entry of its own, after
        // the outlets' entries.
        let holt: Vec<(Option<&str>, Vec<&str>)> = got[0]
            .outlets
            .iter()
            .map(|o| {
                (
                    o.outlet.as_deref(),
                    o.documents.iter().map(String::as_str).collect(),
                )
            })
            .collect();
        assert_eq!(
            holt,
            vec![(None, vec!["d3"]), (Some("Gazette"), vec!["d1", "d2"])]
        );
        assert_eq!(got[0].outlets[0].descriptors[0].doc, "d3");
    }

    #[test]
    fn acronyms_and_full_names_join_documents_and_one_word_aliases_do_not() {
        assert!(joins("SOHR"));
        assert!(joins("U.N."));
        assert!(!joins("Alabama Republican Party"));
        assert!(!joins("the Observatory"));
        assert!(!joins("Trump"));
        assert!(!joins("I"));
    }
}
