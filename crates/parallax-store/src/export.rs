//! Exports: the store as flat tables, one row per record, for pandas, R
//! and DuckDB. Each table's columns are listed (with their types and
//! meaning) in [`TABLES`]; `docs/store.md` documents them for users.

use rusqlite::types::ValueRef;

use crate::{Store, StoreError};

/// The type of an exported column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnType {
    Int,
    Real,
    Text,
}

/// One cell of an exported row.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
}

/// An exported table: its name, its columns and the query that reads it.
#[derive(Debug)]
pub struct Table {
    pub name: &'static str,
    pub columns: &'static [(&'static str, ColumnType)],
    sql: &'static str,
}

use ColumnType::{Int, Real, Text};

/// Every exported table. The queries name documents by their ids (not the
/// store's row numbers), so that the tables join on `doc`.
pub const TABLES: &[Table] = &[
    Table {
        name: "documents",
        columns: &[
            ("doc", Text),
            ("source", Text),
            ("url", Text),
            ("outlet", Text),
            ("outlet_evidence", Text),
            ("published", Text),
            ("published_evidence", Text),
            ("title", Text),
            ("language", Text),
            ("text", Text),
            ("story", Text),
        ],
        sql: "SELECT d.id, d.source, d.url, d.outlet, d.outlet_evidence, d.published, d.published_evidence,
                d.title, d.language, d.text, (SELECT story FROM story_members m WHERE m.doc = d.id)
              FROM documents d ORDER BY d.doc",
    },
    Table {
        name: "removed",
        columns: &[
            ("doc", Text),
            ("idx", Int),
            ("reason", Text),
            ("detail", Text),
            ("at", Int),
            ("text", Text),
        ],
        sql: "SELECT d.id, r.idx, r.reason, r.detail, r.at, r.text
              FROM removed r JOIN documents d ON d.doc = r.doc ORDER BY r.doc, r.idx",
    },
    Table {
        name: "attributions",
        columns: &[
            ("doc", Text),
            ("idx", Int),
            ("attribution", Text),
            ("kind", Text),
            ("mode", Text),
            ("confidence", Real),
            ("text", Text),
            ("cue", Text),
            ("speaker", Text),
            ("speaker_role", Text),
            ("speaker_affiliation", Text),
            ("source_type", Text),
            ("speaker_mention", Text),
            ("start", Int),
            ("end", Int),
            ("input_start", Int),
            ("input_end", Int),
        ],
        sql: "SELECT d.id, a.idx, a.attribution, a.kind, a.mode, a.confidence, a.text, a.cue, a.speaker,
                a.speaker_role, a.speaker_affiliation, a.source_type, a.speaker_mention, a.start, a.\"end\",
                a.input_start, a.input_end
              FROM attributions a JOIN documents d ON d.doc = a.doc ORDER BY a.doc, a.idx",
    },
    Table {
        name: "statements",
        columns: &[
            ("doc", Text),
            ("idx", Int),
            ("act", Text),
            ("cameo", Text),
            ("actor", Text),
            ("target", Text),
            ("text", Text),
            ("act_text", Text),
            ("confidence", Real),
            ("attribution", Text),
            ("start", Int),
            ("end", Int),
            ("input_start", Int),
            ("input_end", Int),
        ],
        sql: "SELECT d.id, s.idx, s.act, s.cameo, s.actor, s.target, s.text, s.act_text, s.confidence,
                s.attribution, s.start, s.\"end\", s.input_start, s.input_end
              FROM statements s JOIN documents d ON d.doc = s.doc ORDER BY s.doc, s.idx",
    },
    Table {
        name: "links",
        columns: &[
            ("from_doc", Text),
            ("from_statement", Int),
            ("to_doc", Text),
            ("to_statement", Int),
            ("relation", Text),
            ("score", Real),
            ("evidence", Text),
            ("reported", Text),
        ],
        sql: "SELECT from_doc, from_statement, to_doc, to_statement, relation, score, evidence, reported
              FROM links ORDER BY idx",
    },
    Table {
        name: "counts",
        columns: &[
            ("doc", Text),
            ("idx", Int),
            ("value", Real),
            ("approximate", Int),
            ("qualifier", Text),
            ("unit", Text),
            ("category", Text),
            ("claimed_by", Text),
            ("text", Text),
            ("start", Int),
            ("end", Int),
            ("input_start", Int),
            ("input_end", Int),
        ],
        sql: "SELECT d.id, c.idx, c.value, c.approximate, c.qualifier, c.unit, c.category, c.claimed_by,
                c.text, c.start, c.\"end\", c.input_start, c.input_end
              FROM counts c JOIN documents d ON d.doc = c.doc ORDER BY c.doc, c.idx",
    },
    Table {
        name: "dates",
        columns: &[
            ("doc", Text),
            ("idx", Int),
            ("text", Text),
            ("value", Text),
            ("until", Text),
            ("start", Int),
            ("end", Int),
            ("input_start", Int),
            ("input_end", Int),
        ],
        sql: "SELECT d.id, t.idx, t.text, t.value, t.until, t.start, t.\"end\", t.input_start, t.input_end
              FROM dates t JOIN documents d ON d.doc = t.doc ORDER BY t.doc, t.idx",
    },
    Table {
        name: "entities",
        columns: &[
            ("doc", Text),
            ("idx", Int),
            ("entity", Text),
            ("name", Text),
            ("type", Text),
            ("aliases", Text),
            ("mentions", Int),
            ("start", Int),
            ("end", Int),
        ],
        sql: "SELECT d.id, e.idx, e.entity, e.name, e.type, e.aliases, e.mentions, e.start, e.\"end\"
              FROM entities e JOIN documents d ON d.doc = e.doc ORDER BY e.doc, e.idx",
    },
    Table {
        name: "descriptors",
        columns: &[
            ("doc", Text),
            ("entity_idx", Int),
            ("entity", Text),
            ("idx", Int),
            ("text", Text),
            ("polarity", Text),
            ("start", Int),
            ("end", Int),
            ("input_start", Int),
            ("input_end", Int),
        ],
        sql: "SELECT d.id, x.entity, e.name, x.idx, x.text, x.polarity, x.start, x.\"end\", x.input_start, x.input_end
              FROM descriptors x JOIN documents d ON d.doc = x.doc
              JOIN entities e ON e.doc = x.doc AND e.idx = x.entity
              ORDER BY x.doc, x.entity, x.idx",
    },
    Table {
        name: "actors",
        columns: &[
            ("actor", Text),
            ("name", Text),
            ("type", Text),
            ("documents", Int),
            ("aliases", Text),
        ],
        sql: "SELECT a.id, a.name, a.type, a.documents,
                (SELECT json_group_array(alias) FROM (SELECT alias FROM actor_aliases x WHERE x.actor = a.id ORDER BY alias))
              FROM actors a ORDER BY a.actor",
    },
    Table {
        name: "actor_aliases",
        columns: &[("actor", Text), ("alias", Text)],
        sql: "SELECT actor, alias FROM actor_aliases ORDER BY actor, alias",
    },
    Table {
        name: "stories",
        columns: &[
            ("story", Text),
            ("title", Text),
            ("documents", Int),
            ("outlets", Int),
            ("first_published", Text),
            ("last_published", Text),
        ],
        sql: "SELECT id, title, documents, outlets, first_published, last_published FROM stories ORDER BY story",
    },
    Table {
        name: "story_members",
        columns: &[("story", Text), ("doc", Text), ("position", Int)],
        sql: "SELECT story, doc, position FROM story_members ORDER BY story, position",
    },
];

/// The table of that name.
pub fn table(name: &str) -> Option<&'static Table> {
    TABLES.iter().find(|t| t.name == name)
}

impl Store {
    /// Call `f` on every row of `table`, in order.
    pub fn export_rows<E: From<StoreError>>(
        &self,
        table: &Table,
        mut f: impl FnMut(&[Cell]) -> Result<(), E>,
    ) -> Result<usize, E> {
        let mut st = self.conn.prepare(table.sql).map_err(|e| self.err(e))?;
        let mut rows = st.query([]).map_err(|e| self.err(e))?;
        let mut cells: Vec<Cell> = Vec::with_capacity(table.columns.len());
        let mut n = 0;
        while let Some(r) = rows.next().map_err(|e| self.err(e))? {
            cells.clear();
            for i in 0..table.columns.len() {
                let v = r.get_ref(i).map_err(|e| self.err(e))?;
                cells.push(match v {
                    ValueRef::Null => Cell::Null,
                    ValueRef::Integer(x) => Cell::Int(x),
                    ValueRef::Real(x) => Cell::Real(x),
                    ValueRef::Text(t) => Cell::Text(String::from_utf8_lossy(t).into_owned()),
                    ValueRef::Blob(_) => Cell::Null,
                });
            }
            f(&cells)?;
            n += 1;
        }
        Ok(n)
    }

    /// How many rows `table` has.
    pub fn export_count(&self, table: &Table) -> Result<usize, StoreError> {
        let sql = format!("SELECT count(*) FROM ({})", table.sql);
        self.conn
            .query_row(&sql, [], |r| r.get::<_, i64>(0))
            .map(|n| n as usize)
            .map_err(|e| self.err(e))
    }
}
