//! The store's tables and the migrations between their versions.
//!
//! `PRAGMA user_version` holds the version. Each migration takes a store
//! from the version before it to its own, inside one transaction; a store
//! newer than this build is refused rather than guessed at.

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = 3;

/// Migration `i` takes a store from version `i` to `i + 1`.
pub(crate) const MIGRATIONS: &[&str] = &[V1, V2, V3];

/// Version 1: documents and every per-document record, one table each
/// (what search filters and exports read), stories, links and actors, and
/// the story index's saved state.
const V1: &str = r#"
CREATE TABLE documents (
    doc INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL,
    url TEXT,
    outlet TEXT,
    outlet_evidence TEXT,
    published TEXT,
    published_evidence TEXT,
    title TEXT,
    language TEXT,
    text TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    run INTEGER NOT NULL,
    record BLOB NOT NULL
);
CREATE INDEX documents_outlet ON documents(outlet);
CREATE INDEX documents_published ON documents(published);

CREATE TABLE removed (
    doc INTEGER NOT NULL REFERENCES documents(doc),
    idx INTEGER NOT NULL,
    reason TEXT NOT NULL,
    detail TEXT NOT NULL,
    at INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (doc, idx)
);

CREATE TABLE attributions (
    key INTEGER PRIMARY KEY,
    doc INTEGER NOT NULL REFERENCES documents(doc),
    idx INTEGER NOT NULL,
    attribution TEXT NOT NULL,
    kind TEXT NOT NULL,
    mode TEXT NOT NULL,
    confidence REAL NOT NULL,
    text TEXT NOT NULL,
    cue TEXT,
    speaker TEXT,
    speaker_role TEXT,
    speaker_affiliation TEXT,
    source_type TEXT,
    speaker_mention TEXT,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    input_start INTEGER,
    input_end INTEGER,
    UNIQUE (doc, idx)
);
CREATE INDEX attributions_speaker ON attributions(speaker COLLATE NOCASE);

CREATE TABLE entities (
    key INTEGER PRIMARY KEY,
    doc INTEGER NOT NULL REFERENCES documents(doc),
    idx INTEGER NOT NULL,
    entity TEXT NOT NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    aliases TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    start INTEGER,
    "end" INTEGER,
    UNIQUE (doc, idx)
);
CREATE INDEX entities_name ON entities(name COLLATE NOCASE);

CREATE TABLE descriptors (
    doc INTEGER NOT NULL REFERENCES documents(doc),
    entity INTEGER NOT NULL,
    idx INTEGER NOT NULL,
    text TEXT NOT NULL,
    polarity TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    input_start INTEGER,
    input_end INTEGER,
    PRIMARY KEY (doc, entity, idx)
);

CREATE TABLE statements (
    key INTEGER PRIMARY KEY,
    doc INTEGER NOT NULL REFERENCES documents(doc),
    idx INTEGER NOT NULL,
    act TEXT NOT NULL,
    cameo TEXT NOT NULL,
    actor TEXT,
    target TEXT,
    text TEXT NOT NULL,
    act_text TEXT,
    confidence REAL NOT NULL,
    attribution TEXT,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    input_start INTEGER,
    input_end INTEGER,
    UNIQUE (doc, idx)
);
CREATE INDEX statements_act ON statements(act);

CREATE TABLE counts (
    doc INTEGER NOT NULL REFERENCES documents(doc),
    idx INTEGER NOT NULL,
    value REAL,
    approximate INTEGER NOT NULL,
    qualifier TEXT,
    unit TEXT NOT NULL,
    category TEXT,
    claimed_by TEXT,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    input_start INTEGER,
    input_end INTEGER,
    PRIMARY KEY (doc, idx)
);

CREATE TABLE dates (
    doc INTEGER NOT NULL REFERENCES documents(doc),
    idx INTEGER NOT NULL,
    text TEXT NOT NULL,
    value TEXT,
    until TEXT,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    input_start INTEGER,
    input_end INTEGER,
    PRIMARY KEY (doc, idx)
);

CREATE TABLE stories (
    story INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    documents INTEGER NOT NULL,
    outlets INTEGER NOT NULL,
    first_published TEXT,
    last_published TEXT,
    record BLOB NOT NULL
);

-- Listings read these, never the records beside them.
CREATE INDEX stories_listing ON stories(outlets DESC, documents DESC, story, id, title, first_published, last_published);

CREATE TABLE story_members (
    story TEXT NOT NULL,
    doc TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (story, doc)
);
CREATE INDEX story_members_doc ON story_members(doc);

CREATE TABLE links (
    idx INTEGER PRIMARY KEY,
    from_doc TEXT NOT NULL,
    from_statement INTEGER NOT NULL,
    to_doc TEXT,
    to_statement INTEGER,
    relation TEXT NOT NULL,
    score REAL,
    evidence TEXT NOT NULL,
    reported TEXT
);
CREATE INDEX links_from ON links(from_doc);
CREATE INDEX links_to ON links(to_doc);

CREATE TABLE actors (
    actor INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    documents INTEGER NOT NULL,
    record BLOB NOT NULL
);

CREATE INDEX actors_listing ON actors(documents DESC, actor, id, name, type);

CREATE TABLE actor_aliases (
    actor TEXT NOT NULL,
    alias TEXT NOT NULL,
    PRIMARY KEY (actor, alias)
);
CREATE INDEX actor_aliases_alias ON actor_aliases(alias COLLATE NOCASE);

CREATE TABLE story_index (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    documents INTEGER NOT NULL,
    state BLOB NOT NULL
);

CREATE TABLE runs (
    run INTEGER PRIMARY KEY,
    started TEXT NOT NULL,
    inputs TEXT NOT NULL,
    added INTEGER NOT NULL DEFAULT 0,
    unchanged INTEGER NOT NULL DEFAULT 0,
    conflicting INTEGER NOT NULL DEFAULT 0,
    finished TEXT
);
"#;

/// Version 2: full-text indexes (FTS5) over documents (title, text),
/// attributions (quoted text, speaker), statements (text, actor, target)
/// and entities (name, aliases), filled from the rows already there. Name
/// filters use them too: a phrase query matches a name as whole words.
const V2: &str = r#"
CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text, content='documents', content_rowid='doc'
);
INSERT INTO documents_fts(rowid, title, text) SELECT doc, coalesce(title, ''), text FROM documents;

CREATE VIRTUAL TABLE attributions_fts USING fts5(
    text, speaker, content='attributions', content_rowid='key'
);
INSERT INTO attributions_fts(rowid, text, speaker) SELECT key, text, coalesce(speaker, '') FROM attributions;

CREATE VIRTUAL TABLE statements_fts USING fts5(
    text, actor, target, content='statements', content_rowid='key'
);
INSERT INTO statements_fts(rowid, text, actor, target)
    SELECT key, text, coalesce(actor, ''), coalesce(target, '') FROM statements;

CREATE VIRTUAL TABLE entities_fts USING fts5(
    name, aliases, content='entities', content_rowid='key'
);
INSERT INTO entities_fts(rowid, name, aliases) SELECT key, name, aliases FROM entities;
"#;

/// Version 3: attributions by mode, in key order, so that a search for
/// one mode ("writing") with other filters reads that mode's rows rather
/// than every attribution.
const V3: &str = r#"
CREATE INDEX attributions_mode ON attributions(mode);
"#;
