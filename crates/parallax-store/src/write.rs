//! Adding documents in batches, and replacing the corpus-level results.

use parallax_model::{Actor, Document, Link, Story};
use rusqlite::{params, OptionalExtension, Transaction};

use crate::{pack, sqlite, tag, Store, StoreError};

/// What adding one document did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Added {
    /// Stored now.
    New,
    /// Stored before with the same content: nothing added.
    Unchanged,
    /// Stored before with other content: left as stored, not overwritten.
    Conflict,
}

/// How many documents a run added, found unchanged or found in conflict.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RunCounts {
    pub added: usize,
    pub unchanged: usize,
    pub conflicting: usize,
}

/// A batch of writes: one transaction, committed by [`Batch::commit`] or
/// rolled back when dropped.
pub struct Batch<'a> {
    tx: Transaction<'a>,
    path: &'a std::path::Path,
    run: i64,
    counts: RunCounts,
}

/// The content a document's identity is checked against: its clean text
/// and title (FNV-1a, 64 bits).
fn content_hash(doc: &Document) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let title = doc.title.as_deref().unwrap_or("");
    for b in title.bytes().chain([0]).chain(doc.text.bytes()) {
        h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}")
}

fn opt(n: Option<usize>) -> Option<i64> {
    n.map(|v| v as i64)
}

impl Store {
    /// Record the start of a run over `inputs`; its id goes to each batch.
    pub fn start_run(&mut self, inputs: &str, started: &str) -> Result<i64, StoreError> {
        self.conn
            .execute(
                "INSERT INTO runs(started, inputs) VALUES (?1, ?2)",
                params![started, inputs],
            )
            .map_err(|e| self.err(e))?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Record that a run finished.
    pub fn finish_run(&mut self, run: i64, finished: &str) -> Result<(), StoreError> {
        self.conn
            .execute(
                "UPDATE runs SET finished = ?1 WHERE run = ?2",
                params![finished, run],
            )
            .map_err(|e| self.err(e))?;
        Ok(())
    }

    /// Begin a batch of document writes for `run`.
    pub fn batch(&mut self, run: i64) -> Result<Batch<'_>, StoreError> {
        let tx = self.conn.transaction().map_err(|e| sqlite(&self.path, e))?;
        Ok(Batch {
            tx,
            path: &self.path,
            run,
            counts: RunCounts::default(),
        })
    }

    /// Save the story index state (opaque bytes) with the number of
    /// documents it has seen, replacing the one before.
    pub fn save_index_state(&mut self, documents: usize, state: &[u8]) -> Result<(), StoreError> {
        let blob = crate::compress(state).map_err(|e| StoreError::Io {
            path: self.path.clone(),
            what: "compressing the story index state",
            source: e,
        })?;
        self.conn
            .execute(
                "INSERT INTO story_index(id, documents, state) VALUES (1, ?1, ?2)
                 ON CONFLICT(id) DO UPDATE SET documents = excluded.documents, state = excluded.state",
                params![documents as i64, blob],
            )
            .map_err(|e| self.err(e))?;
        Ok(())
    }

    /// Begin replacing every story: stories are then staged in parts
    /// ([`Store::stage_stories`]) while the stored ones can still be read,
    /// and take their place at once in [`Store::commit_stories`]. A run
    /// that stops before the commit leaves the stored stories as they were.
    pub fn begin_stories(&mut self) -> Result<(), StoreError> {
        self.conn
            .execute_batch(
                "DROP TABLE IF EXISTS temp.stories_next;
                 DROP TABLE IF EXISTS temp.story_members_next;
                 CREATE TEMP TABLE stories_next (
                     story INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, title TEXT NOT NULL,
                     documents INTEGER NOT NULL, outlets INTEGER NOT NULL, record BLOB NOT NULL);
                 CREATE TEMP TABLE story_members_next (
                     story TEXT NOT NULL, doc TEXT NOT NULL, position INTEGER NOT NULL,
                     PRIMARY KEY (story, doc));",
            )
            .map_err(|e| self.err(e))
    }

    /// Stage these stories (after [`Store::begin_stories`]).
    pub fn stage_stories(&mut self, stories: &[Story]) -> Result<(), StoreError> {
        let path = self.path.clone();
        let e = |x| sqlite(&path, x);
        let tx = self.conn.transaction().map_err(e)?;
        {
            let mut story = tx
                .prepare_cached(
                    "INSERT INTO temp.stories_next(id, title, documents, outlets, record) VALUES (?1, ?2, ?3, ?4, ?5)",
                )
                .map_err(e)?;
            let mut member = tx
                .prepare_cached(
                    "INSERT OR IGNORE INTO temp.story_members_next(story, doc, position) VALUES (?1, ?2, ?3)",
                )
                .map_err(e)?;
            for s in stories {
                for (i, d) in s.documents.iter().enumerate() {
                    member.execute(params![s.id, d, i as i64]).map_err(e)?;
                }
                let blob = pack(s).map_err(|r| StoreError::Corrupt {
                    path: path.clone(),
                    reason: format!("story {}: {r}", s.id),
                })?;
                story
                    .execute(params![
                        s.id,
                        s.title,
                        s.documents.len() as i64,
                        s.outlets.len() as i64,
                        blob
                    ])
                    .map_err(e)?;
            }
        }
        tx.commit().map_err(e)
    }

    /// Put the staged stories in place of the stored ones, in one
    /// transaction.
    pub fn commit_stories(&mut self) -> Result<(), StoreError> {
        let path = self.path.clone();
        let e = |x| sqlite(&path, x);
        let tx = self.conn.transaction().map_err(e)?;
        tx.execute_batch(
            "DELETE FROM story_members;
             DELETE FROM stories;
             INSERT INTO story_members(story, doc, position)
                 SELECT story, doc, position FROM temp.story_members_next;
             INSERT INTO stories(story, id, title, documents, outlets, first_published, last_published, record)
                 SELECT s.story, s.id, s.title, s.documents, s.outlets,
                   (SELECT min(d.published) FROM temp.story_members_next m JOIN documents d ON d.id = m.doc WHERE m.story = s.id),
                   (SELECT max(d.published) FROM temp.story_members_next m JOIN documents d ON d.id = m.doc WHERE m.story = s.id),
                   s.record
                 FROM temp.stories_next s ORDER BY s.story;",
        )
        .map_err(e)?;
        tx.commit().map_err(e)?;
        self.conn
            .execute_batch("DROP TABLE temp.stories_next; DROP TABLE temp.story_members_next;")
            .map_err(|x| sqlite(&self.path, x))
    }

    /// Replace every story, its members and its record, in one
    /// transaction.
    pub fn replace_stories(&mut self, stories: &[Story]) -> Result<(), StoreError> {
        self.begin_stories()?;
        self.stage_stories(stories)?;
        self.commit_stories()
    }

    /// Replace every answer link, in one transaction.
    pub fn replace_links(&mut self, links: &[Link]) -> Result<(), StoreError> {
        let path = self.path.clone();
        let e = |x| sqlite(&path, x);
        let tx = self.conn.transaction().map_err(e)?;
        tx.execute("DELETE FROM links", []).map_err(e)?;
        {
            let mut ins = tx
                .prepare(
                    "INSERT INTO links(idx, from_doc, from_statement, to_doc, to_statement, relation, score, evidence, reported)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                )
                .map_err(e)?;
            for (i, l) in links.iter().enumerate() {
                ins.execute(params![
                    i as i64,
                    l.from.doc,
                    l.from.statement as i64,
                    l.to.as_ref().map(|t| t.doc.as_str()),
                    l.to.as_ref().map(|t| t.statement as i64),
                    l.relation,
                    l.score,
                    serde_json::to_string(&l.evidence).unwrap_or_else(|_| "[]".into()),
                    l.reported,
                ])
                .map_err(e)?;
            }
        }
        tx.commit().map_err(e)
    }

    /// Replace every actor and its aliases, in one transaction.
    pub fn replace_actors<A: std::borrow::Borrow<Actor>>(
        &mut self,
        actors: impl IntoIterator<Item = A>,
    ) -> Result<usize, StoreError> {
        let path = self.path.clone();
        let e = |x| sqlite(&path, x);
        let tx = self.conn.transaction().map_err(e)?;
        tx.execute_batch("DELETE FROM actor_aliases; DELETE FROM actors;")
            .map_err(e)?;
        let mut written = 0;
        {
            let mut ins = tx
                .prepare("INSERT INTO actors(id, name, type, documents, record) VALUES (?1, ?2, ?3, ?4, ?5)")
                .map_err(e)?;
            let mut alias = tx
                .prepare("INSERT OR IGNORE INTO actor_aliases(actor, alias) VALUES (?1, ?2)")
                .map_err(e)?;
            for a in actors {
                let a = a.borrow();
                written += 1;
                let blob = pack(a).map_err(|r| StoreError::Corrupt {
                    path: path.clone(),
                    reason: format!("actor {}: {r}", a.id),
                })?;
                ins.execute(params![
                    a.id,
                    a.name,
                    a.kind,
                    a.documents.len() as i64,
                    blob
                ])
                .map_err(e)?;
                alias.execute(params![a.id, a.name]).map_err(e)?;
                for n in &a.aliases {
                    alias.execute(params![a.id, n]).map_err(e)?;
                }
            }
        }
        tx.commit().map_err(e)?;
        Ok(written)
    }
}

impl Batch<'_> {
    /// Add one document with all its records; see [`Added`].
    pub fn add(&mut self, doc: &Document) -> Result<Added, StoreError> {
        let e = |x| sqlite(self.path, x);
        let hash = content_hash(doc);
        let known: Option<String> = self
            .tx
            .query_row(
                "SELECT content_hash FROM documents WHERE id = ?1",
                [&doc.id],
                |r| r.get(0),
            )
            .optional()
            .map_err(e)?;
        if let Some(h) = known {
            let added = if h == hash {
                self.counts.unchanged += 1;
                Added::Unchanged
            } else {
                self.counts.conflicting += 1;
                Added::Conflict
            };
            return Ok(added);
        }
        // The record without its text: the text has its own column.
        let text = &doc.text;
        let record = {
            let mut slim = doc.clone();
            slim.text = String::new();
            pack(&slim).map_err(|r| StoreError::Corrupt {
                path: self.path.to_path_buf(),
                reason: format!("document {}: {r}", doc.id),
            })?
        };
        let tx = &self.tx;
        let mut ins = tx
            .prepare_cached(
                "INSERT INTO documents(id, source, url, outlet, outlet_evidence, published, published_evidence,
                   title, language, text, content_hash, run, record)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            )
            .map_err(e)?;
        ins.execute(params![
            doc.id,
            doc.source,
            doc.url,
            doc.outlet.as_ref().map(|o| o.name.as_str()),
            doc.outlet.as_ref().map(|o| o.evidence.as_str()),
            doc.published,
            doc.published_evidence,
            doc.title,
            doc.language.as_ref().map(|l| l.code.as_str()),
            text,
            hash,
            self.run,
            record,
        ])
        .map_err(e)?;
        let key = tx.last_insert_rowid();
        tx.prepare_cached("INSERT INTO documents_fts(rowid, title, text) VALUES (?1, ?2, ?3)")
            .map_err(e)?
            .execute(params![key, doc.title.as_deref().unwrap_or(""), text])
            .map_err(e)?;
        let mut st = tx
            .prepare_cached(
                "INSERT INTO removed(doc, idx, reason, detail, at, text) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )
            .map_err(e)?;
        for (i, r) in doc.removed.iter().enumerate() {
            st.execute(params![
                key,
                i as i64,
                r.reason,
                r.detail,
                r.at as i64,
                r.text
            ])
            .map_err(e)?;
        }
        let mut st = tx
            .prepare_cached(
                "INSERT INTO attributions(doc, idx, attribution, kind, mode, confidence, text, cue, speaker,
                   speaker_role, speaker_affiliation, source_type, speaker_mention, start, \"end\", input_start, input_end)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
            )
            .map_err(e)?;
        let mut fts = tx
            .prepare_cached(
                "INSERT INTO attributions_fts(rowid, text, speaker) VALUES (?1, ?2, ?3)",
            )
            .map_err(e)?;
        for (i, q) in doc.quotes.iter().enumerate() {
            let sp = q.speaker.as_ref();
            st.execute(params![
                key,
                i as i64,
                q.attribution,
                tag(&q.kind),
                tag(&q.mode),
                q.confidence,
                q.text,
                q.cue,
                sp.and_then(|s| s.name.as_deref()),
                sp.and_then(|s| s.role.as_deref()),
                sp.and_then(|s| s.affiliation.as_deref()),
                sp.map(|s| tag(&s.source_type)),
                sp.map(|s| s.mention.as_str()),
                q.start as i64,
                q.end as i64,
                opt(q.input.input_start),
                opt(q.input.input_end),
            ])
            .map_err(e)?;
            let row = tx.last_insert_rowid();
            fts.execute(params![
                row,
                q.text,
                sp.and_then(|s| s.name.as_deref()).unwrap_or("")
            ])
            .map_err(e)?;
        }
        let mut st = tx
            .prepare_cached(
                "INSERT INTO entities(doc, idx, entity, name, type, aliases, mentions, start, \"end\")
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )
            .map_err(e)?;
        let mut de = tx
            .prepare_cached(
                "INSERT INTO descriptors(doc, entity, idx, text, polarity, start, \"end\", input_start, input_end)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )
            .map_err(e)?;
        let mut efts = tx
            .prepare_cached("INSERT INTO entities_fts(rowid, name, aliases) VALUES (?1, ?2, ?3)")
            .map_err(e)?;
        for (i, en) in doc.entities.iter().enumerate() {
            let first = en.mentions.first();
            let aliases = serde_json::to_string(&en.aliases).unwrap_or_else(|_| "[]".into());
            st.execute(params![
                key,
                i as i64,
                en.id,
                en.name,
                en.kind,
                aliases,
                en.mentions.len() as i64,
                first.map(|m| m.start as i64),
                first.map(|m| m.end as i64),
            ])
            .map_err(e)?;
            efts.execute(params![tx.last_insert_rowid(), en.name, aliases])
                .map_err(e)?;
            for (j, d) in en.descriptors.iter().enumerate() {
                de.execute(params![
                    key,
                    i as i64,
                    j as i64,
                    d.text,
                    d.polarity,
                    d.start as i64,
                    d.end as i64,
                    opt(d.input.input_start),
                    opt(d.input.input_end),
                ])
                .map_err(e)?;
            }
        }
        let mut st = tx
            .prepare_cached(
                "INSERT INTO statements(doc, idx, act, cameo, actor, target, text, act_text, confidence, attribution,
                   start, \"end\", input_start, input_end)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
            )
            .map_err(e)?;
        let mut sfts = tx
            .prepare_cached(
                "INSERT INTO statements_fts(rowid, text, actor, target) VALUES (?1, ?2, ?3, ?4)",
            )
            .map_err(e)?;
        for (i, s) in doc.statements.iter().enumerate() {
            st.execute(params![
                key,
                i as i64,
                tag(&s.act),
                s.cameo,
                s.actor,
                s.target,
                s.text,
                s.act_text,
                s.confidence,
                s.attribution,
                s.start as i64,
                s.end as i64,
                opt(s.input.input_start),
                opt(s.input.input_end),
            ])
            .map_err(e)?;
            sfts.execute(params![
                tx.last_insert_rowid(),
                s.text,
                s.actor.as_deref().unwrap_or(""),
                s.target.as_deref().unwrap_or("")
            ])
            .map_err(e)?;
        }
        let mut st = tx
            .prepare_cached(
                "INSERT INTO counts(doc, idx, value, approximate, qualifier, unit, category, claimed_by, text,
                   start, \"end\", input_start, input_end)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            )
            .map_err(e)?;
        for (i, c) in doc.counts.iter().enumerate() {
            st.execute(params![
                key,
                i as i64,
                c.value,
                c.approximate,
                c.qualifier,
                c.unit,
                c.category,
                c.claimed_by,
                c.text,
                c.start as i64,
                c.end as i64,
                opt(c.input.input_start),
                opt(c.input.input_end),
            ])
            .map_err(e)?;
        }
        let mut st = tx
            .prepare_cached(
                "INSERT INTO dates(doc, idx, text, value, until, start, \"end\", input_start, input_end)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )
            .map_err(e)?;
        for (i, d) in doc.dates.iter().enumerate() {
            st.execute(params![
                key,
                i as i64,
                d.text,
                d.value,
                d.until,
                d.start as i64,
                d.end as i64,
                opt(d.input.input_start),
                opt(d.input.input_end),
            ])
            .map_err(e)?;
        }
        self.counts.added += 1;
        Ok(Added::New)
    }

    /// Commit the batch; returns what it did.
    pub fn commit(self) -> Result<RunCounts, StoreError> {
        let c = self.counts;
        self.tx
            .execute(
                "UPDATE runs SET added = added + ?1, unchanged = unchanged + ?2, conflicting = conflicting + ?3
                 WHERE run = ?4",
                params![
                    c.added as i64,
                    c.unchanged as i64,
                    c.conflicting as i64,
                    self.run
                ],
            )
            .map_err(|x| sqlite(self.path, x))?;
        self.tx.commit().map_err(|x| sqlite(self.path, x))?;
        Ok(c)
    }
}
