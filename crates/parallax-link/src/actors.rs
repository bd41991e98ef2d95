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
    let mut actors = Actors::default();
    for d in docs {
        actors.add(d.borrow());
    }
    actors.finish()
}

/// One entity of one document, as actors are built from it: only what an
/// actor record shows, packed (a corpus has about 26 entities a document).
#[derive(Debug)]
struct Node {
    doc: u32,
    /// Attributions it speaks in its document.
    quoted: u32,
    /// Index into [`Actors::kinds`].
    kind: u16,
    name: Box<str>,
    aliases: Box<[Box<str>]>,
    descriptors: Box<[parallax_model::Descriptor]>,
    /// Statements it makes and receives: (act, how many).
    acts: Box<[(&'static str, bool, u32)]>,
}

/// [`find_actors`] one document at a time: each added document leaves
/// only its entities' names, descriptors and roles behind, so a corpus of
/// any size passes through in small memory.
#[derive(Debug, Default)]
pub struct Actors {
    /// Each document's id and outlet, in the order added.
    docs: Vec<(String, Option<String>)>,
    nodes: Vec<Node>,
    /// Entity types, each once.
    kinds: Vec<String>,
    key_of: HashMap<String, usize>,
    parent: Vec<usize>,
}

impl Actors {
    pub fn add(&mut self, doc: &Document) {
        let d = self.docs.len() as u32;
        self.docs
            .push((doc.id.clone(), doc.outlet.as_ref().map(|o| o.name.clone())));
        if doc.entities.is_empty() {
            return;
        }
        let r = roles(doc);
        for ent in &doc.entities {
            let n = self.nodes.len();
            self.parent.push(n);
            let keys = std::iter::once(fold(&ent.name))
                .chain(ent.aliases.iter().filter(|a| joins(a)).map(|a| fold(a)));
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
            // What it says and what is said of it, in this document:
            // records whose speaker, actor or target is one of its names.
            let names: BTreeSet<String> = std::iter::once(&ent.name)
                .chain(&ent.aliases)
                .map(|s| fold(s))
                .collect();
            let attributions: BTreeSet<&String> = names
                .iter()
                .filter_map(|n| r.spoke.get(n))
                .flatten()
                .collect();
            let mut acts: BTreeMap<(&'static str, bool), u32> = BTreeMap::new();
            for n in &names {
                for a in r.made.get(n).map(Vec::as_slice).unwrap_or(&[]) {
                    *acts.entry((a, true)).or_default() += 1;
                }
                for a in r.received.get(n).map(Vec::as_slice).unwrap_or(&[]) {
                    *acts.entry((a, false)).or_default() += 1;
                }
            }
            let kind = match self.kinds.iter().position(|k| *k == ent.kind) {
                Some(k) => k,
                None => {
                    self.kinds.push(ent.kind.clone());
                    self.kinds.len() - 1
                }
            };
            self.nodes.push(Node {
                doc: d,
                quoted: attributions.len() as u32,
                kind: kind.min(u16::MAX as usize) as u16,
                name: ent.name.as_str().into(),
                aliases: ent.aliases.iter().map(|a| a.as_str().into()).collect(),
                descriptors: ent.descriptors.clone().into_boxed_slice(),
                acts: acts.into_iter().map(|((a, m), n)| (a, m, n)).collect(),
            });
        }
    }

    pub fn finish(mut self) -> Vec<Actor> {
        let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for n in 0..self.nodes.len() {
            let r = root(&mut self.parent, n);
            groups.entry(r).or_default().push(n);
        }
        let mut out = Vec::new();
        for members in groups.into_values() {
            let doc_ids: BTreeSet<u32> = members.iter().map(|&n| self.nodes[n].doc).collect();
            if doc_ids.len() < 2 {
                continue;
            }
            out.push(actor(&self.docs, &self.kinds, &self.nodes, &members));
        }
        out.sort_by(|a, b| {
            b.documents
                .len()
                .cmp(&a.documents.len())
                .then(a.name.cmp(&b.name))
        });
        out
    }
}

fn actor(
    docs: &[(String, Option<String>)],
    kinds: &[String],
    nodes: &[Node],
    members: &[usize],
) -> Actor {
    let mut name_count: BTreeMap<&str, usize> = BTreeMap::new();
    let mut kind_count: BTreeMap<&str, usize> = BTreeMap::new();
    let mut aliases: BTreeSet<String> = BTreeSet::new();
    let mut documents: Vec<String> = Vec::new();
    // Outlet key: its name, or the document for one without.
    let mut per: BTreeMap<(Option<String>, String), ActorInOutlet> = BTreeMap::new();
    for &n in members {
        let ent = &nodes[n];
        let (doc_id, outlet) = &docs[ent.doc as usize];
        *name_count.entry(&ent.name).or_default() += 1;
        let kind = kinds
            .get(ent.kind as usize)
            .map(String::as_str)
            .unwrap_or("");
        *kind_count.entry(kind).or_default() += 1;
        aliases.extend(ent.aliases.iter().map(|a| a.to_string()));
        if !documents.contains(doc_id) {
            documents.push(doc_id.clone());
        }
        let key = (
            outlet.clone(),
            if outlet.is_some() {
                String::new()
            } else {
                doc_id.clone()
            },
        );
        let entry = per.entry(key).or_insert_with(|| ActorInOutlet {
            outlet: outlet.clone(),
            documents: Vec::new(),
            names: Vec::new(),
            descriptors: Vec::new(),
            quoted: 0,
            acts_made: BTreeMap::new(),
            acts_received: BTreeMap::new(),
        });
        if !entry.documents.contains(doc_id) {
            entry.documents.push(doc_id.clone());
        }
        for nm in std::iter::once(&ent.name).chain(ent.aliases.iter()) {
            if !entry.names.iter().any(|x| x.as_str() == &**nm) {
                entry.names.push(nm.to_string());
            }
        }
        for x in ent.descriptors.iter() {
            entry.descriptors.push(ActorDescriptor {
                doc: doc_id.clone(),
                text: x.text.clone(),
                polarity: x.polarity.clone(),
                start: x.start,
                end: x.end,
            });
        }
        entry.quoted += ent.quoted as usize;
        for &(act, made, n) in ent.acts.iter() {
            let into = if made {
                &mut entry.acts_made
            } else {
                &mut entry.acts_received
            };
            *into.entry(act.to_string()).or_default() += n as usize;
        }
    }
    let pick = |m: &BTreeMap<&str, usize>| {
        m.iter()
            .max_by(|a, b| {
                a.1.cmp(b.1)
                    .then(a.0.len().cmp(&b.0.len()))
                    .then(b.0.cmp(a.0))
            })
            .map(|(k, _)| k.to_string())
            .unwrap_or_default()
    };
    let name = pick(&name_count);
    aliases.remove(&name);
    for n in name_count.keys() {
        if *n != name {
            aliases.insert(n.to_string());
        }
    }
    Actor {
        id: format!("a{}", &crate::story_id(&[name.as_str()])[1..]),
        kind: pick(&kind_count),
        name,
        aliases: aliases.into_iter().collect(),
        documents,
        outlets: per.into_values().collect(),
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
    fn acronyms_and_full_names_join_documents_and_one_word_aliases_do_not() {
        assert!(joins("SOHR"));
        assert!(joins("U.N."));
        assert!(!joins("Alabama Republican Party"));
        assert!(!joins("the Observatory"));
        assert!(!joins("Trump"));
        assert!(!joins("I"));
    }
}
