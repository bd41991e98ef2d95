//! Linking: what can only be known by looking at many documents together.
//!
//! Today this groups each document into a story of its own, with a stable
//! id and a readable title, so that every later view has the same shape,
//! and links each answer (a denial, a demand for evidence, a
//! counter-accusation) to the allegation it answers across the corpus
//! ([`answers::answer_links`]). Grouping documents about one event and
//! echoes across outlets build on these records.
//!
//! This crate must not parse article text again: it works from the
//! document records alone.

pub mod answers;

pub use answers::answer_links;
use parallax_model::{Document, Story};

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

/// One story per document, in document order.
pub fn singleton_stories(docs: &[Document]) -> Vec<Story> {
    docs.iter()
        .map(|d| Story {
            id: story_id(&[d.id.as_str()]),
            title: label(d),
            documents: vec![d.id.clone()],
            outlets: d.outlet.iter().map(|o| o.name.clone()).collect(),
            echoes: Vec::new(),
            comparison: serde_json::Map::new(),
            links: Vec::new(),
        })
        .collect()
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
        }
    }

    #[test]
    fn one_story_per_document_with_stable_ids() {
        let docs = vec![
            doc("a", Some("Bridge closes"), "The bridge closed."),
            doc("b", None, "Ferries resumed on Friday after a week of storms, the harbour office said in a statement."),
        ];
        let s1 = singleton_stories(&docs);
        let s2 = singleton_stories(&docs);
        assert_eq!(s1, s2);
        assert_eq!(s1.len(), 2);
        assert_ne!(s1[0].id, s1[1].id);
        assert_eq!(s1[0].title, "Bridge closes");
        assert_eq!(
            s1[1].title,
            "Ferries resumed on Friday after a week of storms, the harbour office said in…"
        );
        assert_eq!(s1[1].documents, vec!["b".to_string()]);
        assert_eq!(s1[1].outlets, vec!["The Gazette".to_string()]);
    }
}
