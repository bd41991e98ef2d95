//! The store: one SQLite file that keeps a corpus's records across runs.
//!
//! A store holds every analysed document (its clean text, the removed
//! boilerplate and each record the annotators made, one table per kind of
//! record so that search and exports can filter them), the corpus-level
//! results of linking (stories with their members, echoes and comparison,
//! answer links, actors and their aliases) and the story index's saved
//! state, so that a later run's documents join the stories already there.
//!
//! Adding is idempotent: a document whose id is stored with the same
//! content adds nothing; one whose id is stored with other content is
//! reported and left as stored, never overwritten. Writes happen in
//! batches, one transaction each ([`Batch`]): a run that is interrupted
//! loses at most the batch in flight. The schema is versioned
//! ([`schema::SCHEMA_VERSION`]) and older stores are migrated when opened.
//!
//! This crate must not analyse anything: it stores and reads back the
//! records other stages made, and answers queries over them. It knows
//! nothing of how stories are grouped (the index state is an opaque blob).

pub mod export;
mod read;
pub mod schema;
mod search;
mod write;

use std::path::{Path, PathBuf};

use rusqlite::Connection;

pub use read::{ActorRow, DocumentSummary, StoryRow};
pub use schema::SCHEMA_VERSION;
pub use search::{Hit, HitKind, Query};
pub use write::{Added, Batch, RunCounts};

/// What can go wrong with a store; every message names the store's file.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: {source}")]
    Sqlite {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    #[error("{path}: the store is schema version {found}; this build reads versions up to {SCHEMA_VERSION}")]
    TooNew { path: PathBuf, found: u32 },
    #[error("{path}: a stored record cannot be read back: {reason}")]
    Corrupt { path: PathBuf, reason: String },
    #[error("{path}: {what}: {source}")]
    Io {
        path: PathBuf,
        what: &'static str,
        #[source]
        source: std::io::Error,
    },
}

/// An open store.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

impl Store {
    /// Open the store at `path`, creating it if missing and migrating it
    /// to [`SCHEMA_VERSION`] if older.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        Self::open_at(path, SCHEMA_VERSION)
    }

    /// Open read-only: never creates or migrates (a store of an older
    /// version must be opened with [`Store::open`] once).
    pub fn open_read_only(path: &Path) -> Result<Store, StoreError> {
        if !path.exists() {
            return Err(StoreError::Io {
                path: path.to_path_buf(),
                what: "opening the store",
                source: std::io::Error::new(std::io::ErrorKind::NotFound, "no such file"),
            });
        }
        let flags =
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| sqlite(path, e))?;
        // Readers (search, the UI) come back to the same pages: a page
        // cache of up to 64 MiB, filled only as pages are read, instead of
        // SQLite's 2 MiB.
        conn.execute_batch("PRAGMA cache_size = -65536;")
            .map_err(|e| sqlite(path, e))?;
        let store = Store {
            conn,
            path: path.to_path_buf(),
        };
        let v = store.version()?;
        if v != SCHEMA_VERSION {
            return Err(StoreError::Corrupt {
                path: path.to_path_buf(),
                reason: format!(
                    "schema version {v}; open it once with `parallax analyze --db` to migrate it to {SCHEMA_VERSION}"
                ),
            });
        }
        Ok(store)
    }

    /// Open, creating or migrating up to `target` (tests build stores of
    /// an older version with it).
    #[doc(hidden)]
    pub fn open_at(path: &Path, target: u32) -> Result<Store, StoreError> {
        let conn = Connection::open(path).map_err(|e| sqlite(path, e))?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
        };
        store
            .conn
            .execute_batch(
                "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;",
            )
            .map_err(|e| sqlite(path, e))?;
        store.migrate(target)?;
        Ok(store)
    }

    /// The file the store lives in.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version of the open store.
    pub fn version(&self) -> Result<u32, StoreError> {
        self.conn
            .query_row("PRAGMA user_version", [], |r| r.get::<_, u32>(0))
            .map_err(|e| self.err(e))
    }

    fn migrate(&mut self, target: u32) -> Result<(), StoreError> {
        let found = self.version()?;
        if found > SCHEMA_VERSION {
            return Err(StoreError::TooNew {
                path: self.path.clone(),
                found,
            });
        }
        for v in found..target.min(SCHEMA_VERSION) {
            let tx = self.conn.transaction().map_err(|e| sqlite(&self.path, e))?;
            tx.execute_batch(schema::MIGRATIONS[v as usize])
                .map_err(|e| sqlite(&self.path, e))?;
            tx.pragma_update(None, "user_version", v + 1)
                .map_err(|e| sqlite(&self.path, e))?;
            tx.commit().map_err(|e| sqlite(&self.path, e))?;
        }
        Ok(())
    }

    /// `PRAGMA integrity_check`: `ok`, or what SQLite found.
    pub fn integrity_check(&self) -> Result<String, StoreError> {
        self.conn
            .query_row("PRAGMA integrity_check", [], |r| r.get::<_, String>(0))
            .map_err(|e| self.err(e))
    }

    /// The underlying connection, for read-only queries of tests and
    /// exports.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    fn err(&self, e: rusqlite::Error) -> StoreError {
        sqlite(&self.path, e)
    }

    fn corrupt(&self, reason: impl Into<String>) -> StoreError {
        StoreError::Corrupt {
            path: self.path.clone(),
            reason: reason.into(),
        }
    }
}

fn sqlite(path: &Path, source: rusqlite::Error) -> StoreError {
    StoreError::Sqlite {
        path: path.to_path_buf(),
        source,
    }
}

/// Serialise and compress a record (zlib over JSON).
fn pack<T: serde::Serialize>(value: &T) -> Result<Vec<u8>, String> {
    let json = serde_json::to_vec(value).map_err(|e| format!("serialising: {e}"))?;
    compress(&json).map_err(|e| format!("compressing: {e}"))
}

fn compress(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    use std::io::Write;
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    z.write_all(bytes)?;
    z.finish()
}

fn decompress(blob: &[u8], limit: u64) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let mut out = Vec::new();
    flate2::read::ZlibDecoder::new(blob)
        .take(limit + 1)
        .read_to_end(&mut out)
        .map_err(|e| format!("decompressing: {e}"))?;
    if out.len() as u64 > limit {
        return Err(format!("expands past {limit} bytes"));
    }
    Ok(out)
}

/// The inverse of [`pack`], bounded: a blob that expands past `limit`
/// bytes is refused.
fn unpack<T: serde::de::DeserializeOwned>(blob: &[u8], limit: u64) -> Result<T, String> {
    let json = decompress(blob, limit)?;
    serde_json::from_slice(&json).map_err(|e| format!("parsing: {e}"))
}

/// The largest decompressed record the store reads back (a document
/// record is a few times its text; inputs are capped well below this).
const RECORD_LIMIT: u64 = 1 << 30;

/// A serde enum's tag as a string ("speech", "allegation" …).
fn tag<T: serde::Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_model::{Document, Mode, Outlet, Quote, QuoteKind, Span, Speaker};

    fn doc(id: &str, outlet: &str, published: &str, text: &str, speaker: &str) -> Document {
        let n = text.chars().count();
        Document {
            id: id.into(),
            source: format!("{id}.txt"),
            url: None,
            outlet: Some(Outlet {
                name: outlet.into(),
                evidence: "test".into(),
            }),
            published: Some(published.into()),
            published_evidence: None,
            title: Some(format!("Title of {id}")),
            sentences: vec![Span::new(0, n)],
            paragraphs: vec![Span::new(0, n)],
            text: text.into(),
            removed: vec![],
            quotes: vec![Quote {
                attribution: "a0".into(),
                text: text.into(),
                kind: QuoteKind::Indirect,
                mode: Mode::Speech,
                confidence: 0.9,
                partials: vec![],
                speaker: Some(Speaker {
                    name: Some(speaker.into()),
                    role: None,
                    affiliation: None,
                    source_type: parallax_model::SourceType::Person,
                    mention: speaker.into(),
                    start: 0,
                    end: 0,
                    input: Default::default(),
                }),
                cue: Some("said".into()),
                start: 0,
                end: n,
                input: Default::default(),
            }],
            entities: vec![],
            statements: vec![],
            counts: vec![],
            dates: vec![],
            language: None,
            warnings: vec![],
            fingerprint: Default::default(),
        }
    }

    fn add(store: &mut Store, docs: &[Document]) -> RunCounts {
        let run = store.start_run("test", "2031-01-01T00:00:00Z").unwrap();
        let mut b = store.batch(run).unwrap();
        for d in docs {
            b.add(d).unwrap();
        }
        b.commit().unwrap()
    }

    #[test]
    fn the_same_document_twice_adds_nothing_and_other_content_is_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("s.sqlite")).unwrap();
        let a = doc(
            "a",
            "Gazette",
            "2031-03-01",
            "The bridge reopened.",
            "Ana Petrov",
        );
        let first = add(&mut store, std::slice::from_ref(&a));
        assert_eq!(first.added, 1);
        let again = add(&mut store, std::slice::from_ref(&a));
        assert_eq!((again.added, again.unchanged), (0, 1));
        let mut changed = a.clone();
        changed.text = "The bridge stayed shut.".into();
        let conflict = add(&mut store, &[changed]);
        assert_eq!(conflict.conflicting, 1);
        assert_eq!(store.document_count().unwrap(), 1);
        let back = store.document("a").unwrap().unwrap();
        assert_eq!(back, a, "the stored record reads back as it was written");
        assert_eq!(store.integrity_check().unwrap(), "ok");
    }

    #[test]
    fn a_record_packed_and_unpacked_keeps_every_float_bit() {
        // Floats whose shortest form has 17 digits, which a parser that is
        // not exact reads one unit off in the last place.
        for v in [131.7f64 * 1e6, 0.1 + 0.2, 2.0f64.sqrt() * 1e8, 1e-7 / 3.0] {
            let blob = pack(&vec![v]).unwrap();
            let back: Vec<f64> = unpack(&blob, RECORD_LIMIT).unwrap();
            assert_eq!(back[0].to_bits(), v.to_bits(), "{v:?}");
        }
    }

    #[test]
    fn a_batch_dropped_before_commit_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("s.sqlite")).unwrap();
        let run = store.start_run("test", "now").unwrap();
        {
            let mut b = store.batch(run).unwrap();
            b.add(&doc("a", "Gazette", "2031-03-01", "One.", "X Y"))
                .unwrap();
        }
        assert_eq!(store.document_count().unwrap(), 0);
    }

    #[test]
    fn a_version_1_store_is_migrated_and_its_rows_become_searchable() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.sqlite");
        let d = doc(
            "old",
            "Herald",
            "2031-02-02",
            "The minister denied the report.",
            "Ivo Rank",
        );
        {
            let store = Store::open_at(&path, 1).unwrap();
            assert_eq!(store.version().unwrap(), 1);
            let mut slim = d.clone();
            slim.text = String::new();
            let c = store.connection();
            c.execute(
                "INSERT INTO documents(id, source, outlet, published, title, text, content_hash, run, record)
                 VALUES ('old', 'old.txt', 'Herald', '2031-02-02', 'Title of old', ?1, 'x', 0, ?2)",
                rusqlite::params![d.text, pack(&slim).unwrap()],
            )
            .unwrap();
            c.execute(
                "INSERT INTO attributions(doc, idx, attribution, kind, mode, confidence, text, speaker, start, \"end\")
                 VALUES (1, 0, 'a0', 'indirect', 'speech', 0.9, ?1, 'Ivo Rank', 0, 31)",
                [&d.text],
            )
            .unwrap();
        }
        let store = Store::open(&path).unwrap();
        assert_eq!(store.version().unwrap(), SCHEMA_VERSION);
        let hits = store
            .search(&Query {
                text: Some("minister".into()),
                limit: 10,
                ..Default::default()
            })
            .unwrap();
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].doc, "old");
        let quotes = store
            .search(&Query {
                kind: Some(HitKind::Quotes),
                text: Some("denied report".into()),
                limit: 10,
                ..Default::default()
            })
            .unwrap();
        assert_eq!(quotes.len(), 1);
        assert_eq!(store.document("old").unwrap().unwrap(), d);
    }

    #[test]
    fn a_version_2_store_gains_the_mode_index() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v2.sqlite");
        let index = |s: &Store| -> i64 {
            s.connection()
                .query_row(
                    "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'attributions_mode'",
                    [],
                    |r| r.get(0),
                )
                .unwrap()
        };
        {
            let mut store = Store::open_at(&path, 2).unwrap();
            assert_eq!(index(&store), 0);
            add(
                &mut store,
                &[doc(
                    "a",
                    "Gazette",
                    "2031-03-01",
                    "The bridge reopened.",
                    "Ana Petrov",
                )],
            );
        }
        let store = Store::open(&path).unwrap();
        assert_eq!(store.version().unwrap(), SCHEMA_VERSION);
        assert_eq!(index(&store), 1);
        let hits = store
            .search(&Query {
                mode: Some("speech".into()),
                from: Some("2031-01-01".into()),
                limit: 10,
                ..Default::default()
            })
            .unwrap();
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].doc, "a");
    }

    #[test]
    fn a_store_newer_than_the_build_is_refused_with_its_path() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new.sqlite");
        {
            let c = Connection::open(&path).unwrap();
            c.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
                .unwrap();
        }
        let err = Store::open(&path).unwrap_err().to_string();
        assert!(
            err.contains("new.sqlite") && err.contains("version"),
            "{err}"
        );
    }

    #[test]
    fn search_filters_by_speaker_words_outlet_dates_and_text() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("s.sqlite")).unwrap();
        add(
            &mut store,
            &[
                doc(
                    "a",
                    "Gazette",
                    "2031-03-01",
                    "The strike hit a market.",
                    "Igor Konashenkov",
                ),
                doc(
                    "b",
                    "Herald",
                    "2031-03-09",
                    "No strike took place.",
                    "Igor Konashenkov",
                ),
                doc(
                    "c",
                    "Herald",
                    "2031-03-09",
                    "The ferry runs again.",
                    "Ana Petrov",
                ),
            ],
        );
        let q = |f: &dyn Fn(&mut Query)| {
            let mut q = Query {
                limit: 50,
                ..Default::default()
            };
            f(&mut q);
            store
                .search(&q)
                .unwrap()
                .into_iter()
                .map(|h| h.doc)
                .collect::<Vec<_>>()
        };
        assert_eq!(q(&|q| q.speaker = Some("Konashenkov".into())), ["a", "b"]);
        assert_eq!(q(&|q| q.speaker = Some("konashenkov".into())), ["a", "b"]);
        assert_eq!(
            q(&|q| q.speaker = Some("Kona".into())),
            Vec::<String>::new()
        );
        assert_eq!(
            q(&|q| {
                q.speaker = Some("Konashenkov".into());
                q.outlet = Some("herald".into());
            }),
            ["b"]
        );
        assert_eq!(q(&|q| q.from = Some("2031-03-05".into())), ["b", "c"]);
        assert_eq!(q(&|q| q.to = Some("2031-03-05".into())), ["a"]);
        assert_eq!(q(&|q| q.text = Some("strike".into())), ["a", "b"]);
        // Query syntax in the words is read as words.
        assert_eq!(
            q(&|q| q.text = Some("strike\" OR ferry*".into())),
            Vec::<String>::new()
        );
        assert_eq!(
            q(&|q| q.mode = Some("writing".into())),
            Vec::<String>::new()
        );
        let hit = &store
            .search(&Query {
                text: Some("ferry".into()),
                limit: 5,
                ..Default::default()
            })
            .unwrap()[0];
        assert_eq!((hit.start, hit.end), (4, 9));
    }

    #[test]
    fn stories_links_and_actors_are_replaced_whole() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("s.sqlite")).unwrap();
        add(
            &mut store,
            &[doc("a", "Gazette", "2031-03-01", "One.", "X Y")],
        );
        let story = |id: &str| parallax_model::Story {
            id: id.into(),
            title: "T".into(),
            documents: vec!["a".into()],
            outlets: vec!["Gazette".into()],
            grouped_by: vec![],
            near_duplicates: vec![],
            echoes: vec![],
            comparison: Default::default(),
            links: vec![],
        };
        store.replace_stories(&[story("s1")]).unwrap();
        store.replace_stories(&[story("s2")]).unwrap();
        let rows = store.story_rows(0, 10).unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].id, "s2");
        assert_eq!(rows[0].first_published.as_deref(), Some("2031-03-01"));
        assert_eq!(store.story_of("a").unwrap().as_deref(), Some("s2"));
        assert_eq!(store.story("s2").unwrap().unwrap(), story("s2"));
        store.save_index_state(1, b"{\"state\":1}").unwrap();
        assert_eq!(
            store.index_state().unwrap(),
            Some((1, b"{\"state\":1}".to_vec()))
        );
    }
}
