//! Search: full text and structured filters over attributions,
//! statements and documents.

use rusqlite::types::Value;
use serde::Serialize;

use crate::{Store, StoreError};

/// What a search returns hits of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum HitKind {
    /// Attribution records (quotations and reported speech).
    Quotes,
    /// Statements (acts).
    Statements,
    /// Documents.
    Documents,
}

impl std::str::FromStr for HitKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "quotes" | "attributions" => Ok(HitKind::Quotes),
            "statements" | "acts" => Ok(HitKind::Statements),
            "documents" => Ok(HitKind::Documents),
            other => Err(format!(
                "unknown kind '{other}': one of quotes, statements, documents"
            )),
        }
    }
}

/// A search. Every filter given must hold; names (speaker, entity) match
/// any alias of an actor that has that name, as whole words within the
/// speaker's or entity's name ("Konashenkov" finds "Igor Konashenkov").
#[derive(Debug, Clone, Default)]
pub struct Query {
    /// What to return; by default statements when `act` is given, quotes
    /// when `speaker` or `mode` is, documents otherwise.
    pub kind: Option<HitKind>,
    /// The speaker of a quotation, or the actor of a statement.
    pub speaker: Option<String>,
    /// Documents that mention this entity or actor.
    pub entity: Option<String>,
    /// A statement's act (`allegation`, `denial` …).
    pub act: Option<String>,
    pub outlet: Option<String>,
    /// Publication dates from and to (inclusive, `YYYY-MM-DD`).
    pub from: Option<String>,
    pub to: Option<String>,
    /// A story id.
    pub story: Option<String>,
    /// A quotation's mode (`speech`, `writing`, `thought`, `evidence`).
    pub mode: Option<String>,
    /// Words that must all occur (in the quotation, the statement or the
    /// document).
    pub text: Option<String>,
    pub limit: usize,
    pub offset: usize,
}

impl Query {
    /// Refuse filters no record can hold: an act or mode that is not one
    /// of the model's, a date that is not `YYYY-MM-DD`.
    pub fn check(&self) -> Result<(), String> {
        if let Some(a) = self.act.as_deref() {
            if !parallax_model::Act::ALL.iter().any(|x| x.as_str() == a) {
                let all: Vec<&str> = parallax_model::Act::ALL
                    .iter()
                    .map(|x| x.as_str())
                    .collect();
                return Err(format!("act {a}: one of {}", all.join(", ")));
            }
        }
        if let Some(m) = self.mode.as_deref() {
            if !parallax_model::Mode::ALL.iter().any(|x| x.as_str() == m) {
                let all: Vec<&str> = parallax_model::Mode::ALL
                    .iter()
                    .map(|x| x.as_str())
                    .collect();
                return Err(format!("mode {m}: one of {}", all.join(", ")));
            }
        }
        for (name, d) in [("from", &self.from), ("to", &self.to)] {
            if let Some(d) = d {
                if chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_err() {
                    return Err(format!("{name} {d}: not a date of the form YYYY-MM-DD"));
                }
            }
        }
        Ok(())
    }

    pub fn kind(&self) -> HitKind {
        self.kind.unwrap_or(if self.act.is_some() {
            HitKind::Statements
        } else if self.speaker.is_some() || self.mode.is_some() {
            HitKind::Quotes
        } else {
            HitKind::Documents
        })
    }
}

/// One hit: the document it is in and the span it covers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    pub kind: HitKind,
    pub doc: String,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub story: Option<String>,
    /// Characters into the document's clean text.
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// The speaker (quotes) or actor (statements).
    pub speaker: Option<String>,
    /// The act (statements) or mode (quotes).
    pub label: Option<String>,
    /// The index of the record in its document's `quotes` or `statements`.
    pub index: Option<usize>,
    /// For a document hit: the words around the span.
    pub context: Option<String>,
}

/// An FTS5 query in which every word of `text` must occur, each quoted so
/// that no user input is read as query syntax.
fn fts_query(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// An FTS5 query, limited to `column`, that holds when the column holds
/// one of `names` as a phrase (its words, in order, as whole words).
fn names_query(column: &str, names: &[String]) -> Option<String> {
    let phrases: Vec<String> = names
        .iter()
        .filter_map(|n| {
            let words: Vec<String> = n
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(|w| w.replace('"', "\"\""))
                .collect();
            (!words.is_empty()).then(|| format!("\"{}\"", words.join(" ")))
        })
        .collect();
    (!phrases.is_empty()).then(|| format!("{column} : ({})", phrases.join(" OR ")))
}

impl Store {
    /// The name and every alias of each actor one of whose names is
    /// `name`, with `name` itself first.
    fn names_for(&self, name: &str) -> Result<Vec<String>, StoreError> {
        let mut out = vec![name.trim().to_string()];
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT DISTINCT b.alias FROM actor_aliases a JOIN actor_aliases b ON a.actor = b.actor
                 WHERE a.alias = ?1 COLLATE NOCASE ORDER BY b.alias",
            )
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map([name.trim()], |r| r.get::<_, String>(0))
            .map_err(|e| self.err(e))?;
        for r in rows {
            let a = r.map_err(|e| self.err(e))?;
            if !out.iter().any(|o| o.eq_ignore_ascii_case(&a)) {
                out.push(a);
            }
        }
        Ok(out)
    }

    /// Run a search; hits in stored order.
    pub fn search(&self, q: &Query) -> Result<Vec<Hit>, StoreError> {
        let kind = q.kind();
        let mut params: Vec<Value> = Vec::new();
        let mut wh: Vec<String> = Vec::new();
        let (select, from) = match kind {
            HitKind::Quotes => (
                "a.start, a.\"end\", a.text, a.speaker, a.mode, a.idx",
                "attributions a JOIN documents d ON d.doc = a.doc",
            ),
            HitKind::Statements => (
                "s.start, s.\"end\", s.text, s.actor, s.act, s.idx",
                "statements s JOIN documents d ON d.doc = s.doc",
            ),
            HitKind::Documents => (
                "NULL, NULL, coalesce(d.title, ''), NULL, NULL, NULL",
                "documents d",
            ),
        };
        // A name no word of which can be searched matches nothing.
        let never = "0".to_string();
        if let Some(s) = &q.speaker {
            let names = self.names_for(s)?;
            // Quotes by their speaker, statements by their actor, documents
            // by any of their quotes' speakers.
            let (column, rows) = match kind {
                HitKind::Statements => (
                    "actor",
                    "s.key IN (SELECT rowid FROM statements_fts WHERE statements_fts MATCH ?)",
                ),
                HitKind::Quotes => (
                    "speaker",
                    "a.key IN (SELECT rowid FROM attributions_fts WHERE attributions_fts MATCH ?)",
                ),
                HitKind::Documents => (
                    "speaker",
                    "d.doc IN (SELECT a.doc FROM attributions a WHERE a.key IN
                       (SELECT rowid FROM attributions_fts WHERE attributions_fts MATCH ?))",
                ),
            };
            match names_query(column, &names) {
                Some(m) => {
                    wh.push(rows.into());
                    params.push(Value::Text(m));
                }
                None => wh.push(never.clone()),
            }
        }
        if let Some(e) = &q.entity {
            let names = self.names_for(e)?;
            match names_query("name", &names) {
                Some(m) => {
                    wh.push(
                        "d.doc IN (SELECT e.doc FROM entities e WHERE e.key IN
                           (SELECT rowid FROM entities_fts WHERE entities_fts MATCH ?))"
                            .into(),
                    );
                    params.push(Value::Text(m));
                }
                None => wh.push(never.clone()),
            }
        }
        if let Some(a) = &q.act {
            if kind == HitKind::Statements {
                wh.push("s.act = ?".into());
            } else {
                wh.push(
                    "EXISTS (SELECT 1 FROM statements s WHERE s.doc = d.doc AND s.act = ?)".into(),
                );
            }
            params.push(Value::Text(a.clone()));
        }
        if let Some(m) = &q.mode {
            if kind == HitKind::Quotes {
                wh.push("a.mode = ?".into());
            } else {
                wh.push(
                    "EXISTS (SELECT 1 FROM attributions a WHERE a.doc = d.doc AND a.mode = ?)"
                        .into(),
                );
            }
            params.push(Value::Text(m.clone()));
        }
        if let Some(o) = &q.outlet {
            wh.push("d.outlet = ? COLLATE NOCASE".into());
            params.push(Value::Text(o.clone()));
        }
        // Quotes and statements are read in key order and their
        // document's date checked (`+` keeps SQLite from driving the
        // search by the date index and sorting every match); documents
        // alone use the index.
        let published = if kind == HitKind::Documents {
            "d.published"
        } else {
            "+d.published"
        };
        if let Some(f) = &q.from {
            wh.push(format!("{published} >= ?"));
            params.push(Value::Text(f.clone()));
        }
        if let Some(t) = &q.to {
            wh.push(format!("{published} <= ?"));
            params.push(Value::Text(t.clone()));
        }
        if let Some(s) = &q.story {
            wh.push("d.id IN (SELECT doc FROM story_members WHERE story = ?)".into());
            params.push(Value::Text(s.clone()));
        }
        let words = q.text.as_deref().and_then(fts_query).map(|w| match kind {
            // The quotation's or statement's own words, not its speaker's.
            HitKind::Quotes | HitKind::Statements => format!("text : ({w})"),
            HitKind::Documents => w,
        });
        if let Some(w) = &words {
            match kind {
                HitKind::Quotes => wh.push(
                    "a.key IN (SELECT rowid FROM attributions_fts WHERE attributions_fts MATCH ?)"
                        .into(),
                ),
                HitKind::Documents => wh.push(
                    "d.doc IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)".into(),
                ),
                HitKind::Statements => wh.push(
                    "s.key IN (SELECT rowid FROM statements_fts WHERE statements_fts MATCH ?)"
                        .into(),
                ),
            }
            params.push(Value::Text(w.clone()));
        }
        // Row keys grow with (document, position), as rows are only ever
        // added in that order: ordering by the key lets SQLite stop after
        // the page instead of sorting every match.
        let order = match kind {
            HitKind::Quotes => "a.key",
            HitKind::Statements => "s.key",
            HitKind::Documents => "d.doc",
        };
        let sql = format!(
            "SELECT d.id, d.outlet, d.published, (SELECT story FROM story_members m WHERE m.doc = d.id), {select}
             FROM {from} {} ORDER BY {order} LIMIT ? OFFSET ?",
            if wh.is_empty() {
                String::new()
            } else {
                format!("WHERE {}", wh.join(" AND "))
            }
        );
        params.push(Value::Integer(q.limit.max(1) as i64));
        params.push(Value::Integer(q.offset as i64));
        let mut st = self.conn.prepare(&sql).map_err(|e| self.err(e))?;
        let rows = st
            .query_map(rusqlite::params_from_iter(params), |r| {
                Ok(Hit {
                    kind,
                    doc: r.get(0)?,
                    outlet: r.get(1)?,
                    published: r.get(2)?,
                    story: r.get(3)?,
                    start: r.get::<_, Option<i64>>(4)?.unwrap_or(0) as usize,
                    end: r.get::<_, Option<i64>>(5)?.unwrap_or(0) as usize,
                    text: r.get(6)?,
                    speaker: r.get(7)?,
                    label: r.get(8)?,
                    index: r.get::<_, Option<i64>>(9)?.map(|i| i as usize),
                    context: None,
                })
            })
            .map_err(|e| self.err(e))?;
        let mut hits: Vec<Hit> = rows.collect::<Result<_, _>>().map_err(|e| self.err(e))?;
        if kind == HitKind::Documents {
            for h in &mut hits {
                self.place_document_hit(h, q)?;
            }
        }
        Ok(hits)
    }

    /// A document hit's span: the first mention of the entity searched
    /// for, or the first searched word, else the title.
    fn place_document_hit(&self, h: &mut Hit, q: &Query) -> Result<(), StoreError> {
        let text: String = self
            .conn
            .query_row("SELECT text FROM documents WHERE id = ?1", [&h.doc], |r| {
                r.get(0)
            })
            .map_err(|e| self.err(e))?;
        let lower: Vec<char> = text.chars().flat_map(char::to_lowercase).collect();
        let same_length = lower.len() == text.chars().count();
        let needle = q
            .entity
            .as_deref()
            .or(q.text.as_deref().and_then(|t| t.split_whitespace().next()));
        if let (Some(n), true) = (needle, same_length) {
            let n: Vec<char> = n.chars().flat_map(char::to_lowercase).collect();
            if !n.is_empty() {
                if let Some(i) = lower.windows(n.len()).position(|w| w == n.as_slice()) {
                    let from = i.saturating_sub(60);
                    let to = (i + n.len() + 60).min(lower.len());
                    h.start = i;
                    h.end = i + n.len();
                    h.context = Some(text.chars().skip(from).take(to - from).collect());
                }
            }
        }
        Ok(())
    }
}
