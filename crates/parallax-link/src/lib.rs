//! Linking: what can only be known by looking at many documents together.
//!
//! Documents about one event are grouped into stories online, one document
//! at a time, by a [`StoryIndex`] whose state can be saved and loaded
//! ([`stories`]); near copies are marked, and every story says which
//! shared entities, terms, numbers and dates joined its documents. Within
//! a story, the same statement reported by several documents is an echo
//! ([`echoes`]), and each story of several outlets compares them side by
//! side: whom each quotes, which facts each carries or leaves out, how
//! each describes the actors they share ([`comparison`]). Each answer (a denial, a demand for evidence, a
//! counter-accusation) is linked to the allegation it answers across the
//! corpus ([`answers::answer_links`]).
//!
//! This crate must not parse article text again: it works from the
//! document records alone (their fingerprints, entities, quotations,
//! statements, counts, dates and sentence spans). Where it compares words
//! it splits a record's own text (a quotation, a statement, the sentence
//! span a count stands in) into plain words; it never re-runs an
//! annotator or re-segments the article.

pub mod actors;
pub mod answers;
pub mod comparison;
pub mod echoes;
pub mod stories;

pub use actors::{find_actors, ActorKeys, Actors};
pub use answers::{answer_links, AnswerLinks};
pub use comparison::add_comparisons;
pub use echoes::add_echoes;
use parallax_model::{Document, Story};
pub use stories::{group_stories, prior, Assignment, Prior, StateError, StoryIndex, StorySettings};

/// A stable id for a story made of these documents: FNV-1a over the ids,
/// so the same input gives the same id on every machine and release.
fn story_id(doc_ids: &[&str]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for id in doc_ids {
        for b in id.bytes().chain(std::iter::once(0)) {
            h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    format!("s{h:016x}")
}

/// A label for a document: its title, or the start of its first sentence.
pub fn label(doc: &Document) -> String {
    if let Some(t) = doc.title.as_deref().filter(|t| !t.trim().is_empty()) {
        return t.trim().to_string();
    }
    let first = doc
        .sentences
        .first()
        .map(|s| {
            doc.text
                .chars()
                .skip(s.start)
                .take(s.len())
                .collect::<String>()
        })
        .unwrap_or_default();
    let words: Vec<&str> = first.split_whitespace().collect();
    if words.len() > 14 {
        format!("{}…", words[..14].join(" "))
    } else {
        words.join(" ")
    }
}

/// A name as stories and actors compare it: lower case, single spaces.
pub(crate) fn fold(s: &str) -> String {
    s.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Call `f` on every story of two documents or more with its documents'
/// records, in the story's order.
pub(crate) fn each_story(
    stories: &mut [Story],
    docs: &[Document],
    mut f: impl FnMut(&mut Story, &[&Document]),
) {
    let by_id: std::collections::HashMap<&str, &Document> =
        docs.iter().map(|d| (d.id.as_str(), d)).collect();
    for s in stories.iter_mut().filter(|s| s.documents.len() > 1) {
        let members: Vec<&Document> = s
            .documents
            .iter()
            .filter_map(|id| by_id.get(id.as_str()).copied())
            .collect();
        f(s, &members);
    }
}

/// The root of `i` in a union-find forest, halving paths on the way.
pub(crate) fn root(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_model::{Outlet, Span};

    fn doc(id: &str, title: Option<&str>, text: &str) -> Document {
        Document {
            id: id.into(),
            source: format!("{id}.txt"),
            url: None,
            outlet: Some(Outlet {
                name: "The Gazette".into(),
                evidence: "test".into(),
            }),
            published: None,
            published_evidence: None,
            title: title.map(str::to_string),
            sentences: vec![Span::new(0, text.chars().count())],
            paragraphs: vec![Span::new(0, text.chars().count())],
            text: text.into(),
            removed: vec![],
            quotes: vec![],
            entities: vec![],
            statements: vec![],
            counts: vec![],
            dates: vec![],
            language: None,
            warnings: vec![],
            fingerprint: Default::default(),
        }
    }

    #[test]
    fn labels_and_ids_are_stable() {
        let a = doc("a", Some("Bridge closes"), "The bridge closed.");
        let b = doc("b", None, "Ferries resumed on Friday after a week of storms, the harbour office said in a statement.");
        assert_eq!(label(&a), "Bridge closes");
        assert_eq!(
            label(&b),
            "Ferries resumed on Friday after a week of storms, the harbour office said in…"
        );
        assert_eq!(story_id(&["a"]), story_id(&["a"]));
        assert_ne!(story_id(&["a"]), story_id(&["b"]));
        assert_eq!(fold("  Syrian   Observatory "), "syrian observatory");
    }
}
