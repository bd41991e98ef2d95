//! Reading records back: documents one at a time or a story's at once,
//! stories, links, actors, and the saved story index state.

use parallax_model::{
    Actor, Document, DocumentOutline, Link, OutlineCount, OutlineStatement, Story,
    StoryStatementRef,
};
use rusqlite::{params, OptionalExtension};
use serde::Serialize;

use crate::{unpack, Store, StoreError, RECORD_LIMIT};

/// How many rows one page of a streamed read holds.
const PAGE: i64 = 256;

/// A document's place in listings: what a page of documents shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentSummary {
    pub id: String,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub title: Option<String>,
    pub source: String,
}

/// A story's place in listings.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoryRow {
    pub id: String,
    pub title: String,
    pub documents: usize,
    pub outlets: usize,
    pub first_published: Option<String>,
    pub last_published: Option<String>,
}

impl Store {
    /// How many documents the store holds.
    pub fn document_count(&self) -> Result<usize, StoreError> {
        self.count("SELECT count(*) FROM documents")
    }

    /// How many stories the store holds.
    pub fn story_count(&self) -> Result<usize, StoreError> {
        self.count("SELECT count(*) FROM stories")
    }

    fn count(&self, sql: &str) -> Result<usize, StoreError> {
        self.conn
            .query_row(sql, [], |r| r.get::<_, i64>(0))
            .map(|n| n as usize)
            .map_err(|e| self.err(e))
    }

    /// Whether a document with this id is stored.
    pub fn contains(&self, id: &str) -> Result<bool, StoreError> {
        self.conn
            .query_row("SELECT 1 FROM documents WHERE id = ?1", [id], |_| Ok(()))
            .optional()
            .map(|o| o.is_some())
            .map_err(|e| self.err(e))
    }

    fn rebuild(&self, id: &str, text: String, blob: &[u8]) -> Result<Document, StoreError> {
        let mut doc: Document =
            unpack(blob, RECORD_LIMIT).map_err(|r| self.corrupt(format!("document {id}: {r}")))?;
        doc.text = text;
        Ok(doc)
    }

    /// One document's record, as the pipeline made it.
    pub fn document(&self, id: &str) -> Result<Option<Document>, StoreError> {
        let row: Option<(String, Vec<u8>)> = self
            .conn
            .query_row(
                "SELECT text, record FROM documents WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(|e| self.err(e))?;
        row.map(|(t, b)| self.rebuild(id, t, &b)).transpose()
    }

    /// Rows (id, text, record) of a query of the form `SELECT key, id,
    /// text, record … WHERE key > ?1 ORDER BY key LIMIT ?2`, a page at a
    /// time, so that memory holds one page and `f` may read the store.
    fn pages<E: From<StoreError>>(
        &self,
        sql: &str,
        mut f: impl FnMut(String, String, Vec<u8>) -> Result<(), E>,
    ) -> Result<(), E> {
        let mut after = 0i64;
        loop {
            let page: Vec<(i64, String, String, Vec<u8>)> = {
                let mut st = self.conn.prepare_cached(sql).map_err(|e| self.err(e))?;
                let rows = st
                    .query_map(params![after, PAGE], |r| {
                        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
                    })
                    .map_err(|e| self.err(e))?;
                rows.collect::<Result<_, _>>().map_err(|e| self.err(e))?
            };
            if page.is_empty() {
                return Ok(());
            }
            for (key, id, text, blob) in page {
                after = key;
                f(id, text, blob)?;
            }
        }
    }

    /// Every document, in the order they were stored, one at a time: the
    /// store is read a page at a time, so memory holds one page.
    pub fn for_each_document<E: From<StoreError>>(
        &self,
        mut f: impl FnMut(Document) -> Result<(), E>,
    ) -> Result<(), E> {
        self.pages(
            "SELECT doc, id, text, record FROM documents WHERE doc > ?1 ORDER BY doc LIMIT ?2",
            |id, text, blob| f(self.rebuild(&id, text, &blob)?),
        )
    }

    /// The records of these documents, in the order given (ids not stored
    /// are left out).
    pub fn documents(&self, ids: &[String]) -> Result<Vec<Document>, StoreError> {
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            if let Some(d) = self.document(id)? {
                out.push(d);
            }
        }
        Ok(out)
    }

    /// The outlines of these documents, in the order given (ids not
    /// stored are left out), read from the record tables: no record is
    /// unpacked, so a story of hundreds of documents outlines in a few
    /// milliseconds.
    pub fn outlines(&self, ids: &[String]) -> Result<Vec<DocumentOutline>, StoreError> {
        let e = |x| self.err(x);
        let mut head = self
            .conn
            .prepare_cached("SELECT doc, outlet, published, title FROM documents WHERE id = ?1")
            .map_err(e)?;
        let mut speakers = self
            .conn
            .prepare_cached(
                "SELECT speaker, attribution FROM attributions WHERE doc = ?1 AND speaker IS NOT NULL ORDER BY doc, idx",
            )
            .map_err(e)?;
        let mut statements = self
            .conn
            .prepare_cached(
                "SELECT act, actor, text FROM statements WHERE doc = ?1 ORDER BY doc, idx",
            )
            .map_err(e)?;
        let mut counts = self
            .conn
            .prepare_cached(
                "SELECT value IS NOT NULL, claimed_by, text FROM counts WHERE doc = ?1 ORDER BY doc, idx",
            )
            .map_err(e)?;
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            let found = head
                .query_row([id], |r| {
                    let key: i64 = r.get(0)?;
                    let outline = DocumentOutline {
                        id: id.clone(),
                        outlet: r.get(1)?,
                        published: r.get(2)?,
                        title: r.get(3)?,
                        ..Default::default()
                    };
                    Ok((key, outline))
                })
                .optional()
                .map_err(e)?;
            let Some((key, mut outline)) = found else {
                continue;
            };
            let speakers = speakers
                .query_map([key], |r| Ok((r.get(0)?, r.get(1)?)))
                .map_err(e)?
                .collect::<Result<_, _>>()
                .map_err(e)?;
            let statements = statements
                .query_map([key], |r| {
                    Ok(OutlineStatement {
                        act: r.get(0)?,
                        actor: r.get(1)?,
                        text: r.get(2)?,
                    })
                })
                .map_err(e)?
                .collect::<Result<_, _>>()
                .map_err(e)?;
            let counts = counts
                .query_map([key], |r| {
                    Ok(OutlineCount {
                        valued: r.get(0)?,
                        claimed_by: r.get(1)?,
                        text: r.get(2)?,
                    })
                })
                .map_err(e)?
                .collect::<Result<_, _>>()
                .map_err(e)?;
            outline.speakers = speakers;
            outline.statements = statements;
            outline.counts = counts;
            out.push(outline);
        }
        Ok(out)
    }

    /// Every stored document's entities as (name, aliases), in stored
    /// order, one document at a time (`f` gets its id and its entities in
    /// the order of its record), read from the entity table without
    /// unpacking a record. Documents without entities are not visited.
    pub fn for_each_entity_names<E: From<StoreError>>(
        &self,
        mut f: impl FnMut(&str, &[(String, Vec<String>)]) -> Result<(), E>,
    ) -> Result<(), E> {
        let e = |x| self.err(x);
        let mut st = self
            .conn
            .prepare(
                "SELECT d.id, e.name, e.aliases FROM entities e JOIN documents d ON d.doc = e.doc ORDER BY e.key",
            )
            .map_err(e)?;
        let mut rows = st.query([]).map_err(e)?;
        let mut current = String::new();
        let mut entities: Vec<(String, Vec<String>)> = Vec::new();
        while let Some(r) = rows.next().map_err(e)? {
            let id: String = r.get(0).map_err(e)?;
            let name: String = r.get(1).map_err(e)?;
            let aliases: String = r.get(2).map_err(e)?;
            let aliases: Vec<String> = serde_json::from_str(&aliases).map_err(|x| {
                self.corrupt(format!("document {id}: the aliases of entity {name}: {x}"))
            })?;
            if id != current && !entities.is_empty() {
                f(&current, &entities)?;
                entities.clear();
            }
            current = id;
            entities.push((name, aliases));
        }
        if !entities.is_empty() {
            f(&current, &entities)?;
        }
        Ok(())
    }

    /// Listing rows of documents, in stored order.
    pub fn document_summaries(
        &self,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<DocumentSummary>, StoreError> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT id, outlet, published, title, source FROM documents ORDER BY doc LIMIT ?1 OFFSET ?2",
            )
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map(params![limit as i64, offset as i64], |r| {
                Ok(DocumentSummary {
                    id: r.get(0)?,
                    outlet: r.get(1)?,
                    published: r.get(2)?,
                    title: r.get(3)?,
                    source: r.get(4)?,
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }

    /// The saved story index state and how many documents it had seen.
    pub fn index_state(&self) -> Result<Option<(usize, Vec<u8>)>, StoreError> {
        let row: Option<(i64, Vec<u8>)> = self
            .conn
            .query_row(
                "SELECT documents, state FROM story_index WHERE id = 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(|e| self.err(e))?;
        row.map(|(n, blob)| {
            crate::decompress(&blob, RECORD_LIMIT * 4)
                .map(|s| (n as usize, s))
                .map_err(|r| self.corrupt(format!("the story index state: {r}")))
        })
        .transpose()
    }

    /// One story's record.
    pub fn story(&self, id: &str) -> Result<Option<Story>, StoreError> {
        let blob: Option<Vec<u8>> = self
            .conn
            .query_row("SELECT record FROM stories WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()
            .map_err(|e| self.err(e))?;
        blob.map(|b| unpack(&b, RECORD_LIMIT).map_err(|r| self.corrupt(format!("story {id}: {r}"))))
            .transpose()
    }

    /// Every story, in stored order, one at a time.
    pub fn for_each_story<E: From<StoreError>>(
        &self,
        mut f: impl FnMut(Story) -> Result<(), E>,
    ) -> Result<(), E> {
        self.pages(
            "SELECT story, id, '', record FROM stories WHERE story > ?1 ORDER BY story LIMIT ?2",
            |id, _, blob| {
                let s: Story = unpack(&blob, RECORD_LIMIT)
                    .map_err(|r| self.corrupt(format!("story {id}: {r}")))?;
                f(s)
            },
        )
    }

    /// Listing rows of stories, the most documents first.
    pub fn story_rows(&self, offset: usize, limit: usize) -> Result<Vec<StoryRow>, StoreError> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT id, title, documents, outlets, first_published, last_published FROM stories
                 ORDER BY outlets DESC, documents DESC, story LIMIT ?1 OFFSET ?2",
            )
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map(params![limit as i64, offset as i64], |r| {
                Ok(StoryRow {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    documents: r.get::<_, i64>(2)? as usize,
                    outlets: r.get::<_, i64>(3)? as usize,
                    first_published: r.get(4)?,
                    last_published: r.get(5)?,
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }

    /// The story a document is in.
    pub fn story_of(&self, doc: &str) -> Result<Option<String>, StoreError> {
        self.conn
            .query_row(
                "SELECT story FROM story_members WHERE doc = ?1",
                [doc],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.err(e))
    }

    /// Every answer link, in stored order.
    pub fn links(&self) -> Result<Vec<Link>, StoreError> {
        let mut st = self
            .conn
            .prepare(&format!("SELECT {LINK_COLUMNS} FROM links ORDER BY idx"))
            .map_err(|e| self.err(e))?;
        let rows = st.query_map([], link_row).map_err(|e| self.err(e))?;
        rows.map(|r| r.map(|(_, l)| l))
            .collect::<Result<_, _>>()
            .map_err(|e| self.err(e))
    }

    /// One actor's record.
    pub fn actor(&self, id: &str) -> Result<Option<Actor>, StoreError> {
        let blob: Option<Vec<u8>> = self
            .conn
            .query_row("SELECT record FROM actors WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()
            .map_err(|e| self.err(e))?;
        blob.map(|b| unpack(&b, RECORD_LIMIT).map_err(|r| self.corrupt(format!("actor {id}: {r}"))))
            .transpose()
    }

    /// Every actor, in stored order, one at a time.
    pub fn for_each_actor<E: From<StoreError>>(
        &self,
        mut f: impl FnMut(Actor) -> Result<(), E>,
    ) -> Result<(), E> {
        self.pages(
            "SELECT actor, id, '', record FROM actors WHERE actor > ?1 ORDER BY actor LIMIT ?2",
            |id, _, blob| {
                let a: Actor = unpack(&blob, RECORD_LIMIT)
                    .map_err(|r| self.corrupt(format!("actor {id}: {r}")))?;
                f(a)
            },
        )
    }

    /// The ids of the actors one of whose names is `name` (any case).
    pub fn actors_named(&self, name: &str) -> Result<Vec<String>, StoreError> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT DISTINCT actor FROM actor_aliases WHERE alias = ?1 COLLATE NOCASE ORDER BY actor",
            )
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map([name], |r| r.get(0))
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }
}

impl Store {
    /// Every stored document's id and publication date, in stored order.
    pub fn document_dates(&self) -> Result<Vec<(String, Option<String>)>, StoreError> {
        let mut st = self
            .conn
            .prepare("SELECT id, published FROM documents ORDER BY doc")
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }
}

/// An actor's place in listings.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActorRow {
    pub id: String,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub documents: usize,
}

impl Store {
    /// Listing rows of actors, the most documents first.
    pub fn actor_rows(&self, offset: usize, limit: usize) -> Result<Vec<ActorRow>, StoreError> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT id, name, type, documents FROM actors ORDER BY documents DESC, actor LIMIT ?1 OFFSET ?2",
            )
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map(params![limit as i64, offset as i64], |r| {
                Ok(ActorRow {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    kind: r.get(2)?,
                    documents: r.get::<_, i64>(3)? as usize,
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }
}

impl Store {
    /// The answer links with an end in one of these documents, in stored
    /// order.
    pub fn links_of(&self, docs: &[String]) -> Result<Vec<Link>, StoreError> {
        let mut st = self
            .conn
            .prepare_cached(&format!(
                "SELECT {LINK_COLUMNS} FROM links WHERE from_doc = ?1 OR to_doc = ?1"
            ))
            .map_err(|e| self.err(e))?;
        let mut found: std::collections::BTreeMap<i64, Link> = std::collections::BTreeMap::new();
        for d in docs {
            let rows = st.query_map([d], link_row).map_err(|e| self.err(e))?;
            for r in rows {
                let (i, l) = r.map_err(|e| self.err(e))?;
                found.insert(i, l);
            }
        }
        Ok(found.into_values().collect())
    }
}

/// The columns [`link_row`] reads, in its order.
const LINK_COLUMNS: &str =
    "idx, from_doc, from_statement, to_doc, to_statement, relation, score, evidence, reported";

/// A `links` row (its index, and the link).
fn link_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<(i64, Link)> {
    let to_doc: Option<String> = r.get(3)?;
    let to_st: Option<i64> = r.get(4)?;
    let evidence: String = r.get(7)?;
    Ok((
        r.get(0)?,
        Link {
            from: StoryStatementRef {
                doc: r.get(1)?,
                statement: r.get::<_, i64>(2)? as usize,
            },
            to: match (to_doc, to_st) {
                (Some(doc), Some(s)) => Some(StoryStatementRef {
                    doc,
                    statement: s as usize,
                }),
                _ => None,
            },
            relation: r.get(5)?,
            score: r.get(6)?,
            evidence: serde_json::from_str(&evidence).unwrap_or_default(),
            reported: r.get(8)?,
        },
    ))
}
