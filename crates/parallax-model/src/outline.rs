//! A document's outline: the few fields of its record that a view of a
//! whole story draws for every member (its place on the timeline, who it
//! quotes, its statements and counts), without its text, sentences or
//! entities. A store can read an outline from its tables without
//! unpacking the record.

use crate::Document;

/// One statement as an outline keeps it: what the story's answer tables
/// show.
#[derive(Debug, Clone, PartialEq)]
pub struct OutlineStatement {
    /// The act's name (`Act::as_str`).
    pub act: String,
    pub actor: Option<String>,
    pub text: String,
}

/// One count as an outline keeps it.
#[derive(Debug, Clone, PartialEq)]
pub struct OutlineCount {
    /// Whether the count has a value (a count such as "dozens" has none).
    pub valued: bool,
    pub claimed_by: Option<String>,
    pub text: String,
}

/// The outline of one document. Statements and counts keep their
/// positions in the document's record, so that anchors built from an
/// index point at the same record.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DocumentOutline {
    pub id: String,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub title: Option<String>,
    /// (speaker name, attribution id) for each attribution piece with a
    /// named speaker.
    pub speakers: Vec<(String, String)>,
    pub statements: Vec<OutlineStatement>,
    pub counts: Vec<OutlineCount>,
}

impl DocumentOutline {
    /// The outline of a whole record.
    pub fn of(d: &Document) -> DocumentOutline {
        DocumentOutline {
            id: d.id.clone(),
            outlet: d.outlet.as_ref().map(|o| o.name.clone()),
            published: d.published.clone(),
            title: d.title.clone(),
            speakers: d
                .quotes
                .iter()
                .filter_map(|q| {
                    let name = q.speaker.as_ref()?.name.clone()?;
                    Some((name, q.attribution.clone()))
                })
                .collect(),
            statements: d
                .statements
                .iter()
                .map(|s| OutlineStatement {
                    act: s.act.as_str().to_string(),
                    actor: s.actor.clone(),
                    text: s.text.clone(),
                })
                .collect(),
            counts: d
                .counts
                .iter()
                .map(|c| OutlineCount {
                    valued: c.value.is_some(),
                    claimed_by: c.claimed_by.clone(),
                    text: c.text.clone(),
                })
                .collect(),
        }
    }

    /// The outlet's name, or the document's id for one without.
    pub fn outlet_or_id(&self) -> &str {
        self.outlet.as_deref().unwrap_or(&self.id)
    }
}
