//! Story grouping: documents about one event, found online, one document at
//! a time, without recomputing the corpus.
//!
//! A [`StoryIndex`] holds what it has seen: how many documents hold each
//! feature (for its weight), every story's summed features (its centroid),
//! which stories hold each feature (to find candidates without scanning
//! them all), and the MinHash bands of every document (to find near
//! copies). [`StoryIndex::add`] weighs a new document's features by how
//! rare they are so far, compares it with the stories that share its
//! rarest features and whose dates are near its own, and joins the most
//! similar one when the cosine similarity reaches the threshold; otherwise
//! it founds a story. A document whose shingles nearly equal an earlier
//! one's (a wire copy, an updated version) joins that one's story and is
//! marked a near duplicate. The state can be saved and loaded
//! ([`StoryIndex::save`], [`StoryIndex::load`]).
//!
//! Features, all from the document record: its content terms (the
//! fingerprint), its entities by name and alias, its speakers and its
//! counts, each kind with its own weight. Every story keeps the features
//! that joined its documents, which is what it says grouped them.

use crate::fold;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::{Read, Write};

use chrono::NaiveDate;
use parallax_model::{Document, GroupedBy, NearDuplicate, Story};
use serde::{Deserialize, Serialize};

use crate::label;

const PRIOR: &str = include_str!("../../../data/story_prior.tsv");

/// How many documents of a background corpus hold each feature
/// (`data/story_prior.tsv`, written by `parallax train story-prior`): the
/// rarity of a feature before the index has seen enough documents of its
/// own, so that in a small corpus "Syria" does not weigh like "Idlib".
#[derive(Debug, Clone, Default)]
pub struct Prior {
    pub documents: u32,
    pub df: HashMap<String, u32>,
}

impl Prior {
    /// Read a prior file: `documents<TAB>N`, then `feature<TAB>df` lines;
    /// `#` comments. A malformed line is skipped (a test keeps the shipped
    /// file clean).
    pub fn parse(text: &str) -> Prior {
        let mut p = Prior::default();
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let Some((k, v)) = line.split_once('\t') else {
                continue;
            };
            let Ok(n) = v.trim().parse::<u32>() else {
                continue;
            };
            if k == "documents" {
                p.documents = n;
            } else {
                p.df.insert(k.to_string(), n);
            }
        }
        p
    }

    /// The prior file's text: the features held by at least `min_df`
    /// documents, sorted.
    pub fn write(&self, header: &str, min_df: u32) -> String {
        let mut out = String::new();
        for l in header.lines() {
            out.push_str("# ");
            out.push_str(l);
            out.push('\n');
        }
        out.push_str(&format!("documents\t{}\n", self.documents));
        let sorted: BTreeMap<&String, &u32> =
            self.df.iter().filter(|(_, n)| **n >= min_df).collect();
        for (k, n) in sorted {
            out.push_str(&format!("{k}\t{n}\n"));
        }
        out
    }

    /// Count one document's features.
    pub fn count(&mut self, doc: &Document) {
        self.documents += 1;
        for (k, _) in features(doc, &StorySettings::default()) {
            if k.starts_with("t:") || k.starts_with("e:") {
                *self.df.entry(k).or_default() += 1;
            }
        }
    }
}

/// The shipped prior.
pub fn prior() -> &'static Prior {
    static CELL: std::sync::OnceLock<Prior> = std::sync::OnceLock::new();
    CELL.get_or_init(|| Prior::parse(PRIOR))
}

/// The version of a saved index; [`StoryIndex::load`] refuses others.
pub const STATE_VERSION: u32 = 1;

/// How a document is compared with the stories.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct StorySettings {
    /// The least cosine similarity with a story's centroid that joins it.
    pub threshold: f32,
    /// A dated document joins only a story whose latest dated document is
    /// within this many days of its own.
    pub window_days: i64,
    /// … and whose first dated document is at most this many days before
    /// it: two denials months apart are two stories.
    pub span_days: i64,
    /// How many of a document's heaviest features look up candidate
    /// stories.
    pub lookup: usize,
    /// At most this many of the latest stories holding a feature are
    /// candidates through it.
    pub postings: usize,
    /// At most this many stories, those sharing the most of a document's
    /// heaviest features, are compared with it.
    pub max_candidates: usize,
    /// The least estimated shingle Jaccard similarity of a near duplicate.
    pub near_duplicate: f32,
    pub entity_weight: f32,
    pub speaker_weight: f32,
    pub number_weight: f32,
    /// The weight of a year or a month the document mentions.
    pub date_weight: f32,
    /// Two stories whose centroids reach this cosine similarity become one
    /// (the older keeps its id); 0 never merges.
    pub merge_threshold: f32,
    /// Whether features are weighed with the shipped background counts
    /// ([`prior`]) as well as the index's own.
    #[serde(default)]
    pub use_prior: bool,
}

impl Default for StorySettings {
    fn default() -> Self {
        StorySettings {
            threshold: 0.3,
            window_days: 7,
            span_days: 45,
            lookup: 30,
            postings: 200,
            max_candidates: 40,
            near_duplicate: 0.8,
            entity_weight: 2.0,
            speaker_weight: 1.5,
            number_weight: 1.0,
            date_weight: 2.0,
            merge_threshold: 0.5,
            use_prior: true,
        }
    }
}

/// A saved index that cannot be read back.
#[derive(Debug, thiserror::Error)]
pub enum StateError {
    #[error("the story index state is not readable: {0}")]
    Json(#[from] serde_json::Error),
    #[error("the story index state is version {found}; this build reads version {STATE_VERSION}")]
    Version { found: u32 },
    #[error("the story index state is inconsistent: {0}")]
    Inconsistent(String),
}

/// A hasher for feature and story numbers: they are small and distinct,
/// so one multiplication spreads them (SipHash would cost more than the
/// lookups it guards).
#[derive(Default, Clone, Copy)]
pub struct IdHasher(u64);

impl std::hash::Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.0 = u64::from(n).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

type IdMap<V> = HashMap<u32, V, std::hash::BuildHasherDefault<IdHasher>>;

/// One story as the index keeps it.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct StoryState {
    id: String,
    title: String,
    /// Indices into the index's members, in the order they joined.
    members: Vec<u32>,
    /// Summed feature weights of the members (before rarity weighting), by
    /// feature number.
    centroid: IdMap<f32>,
    /// The centroid's norm under the rarity weights of each feature's last
    /// change.
    norm: f32,
    first: Option<NaiveDate>,
    last: Option<NaiveDate>,
    /// Features that joined documents to it, and how many each joined.
    joined_by: IdMap<u32>,
    /// The story it was merged into; its members moved there.
    #[serde(default)]
    merged_into: Option<u32>,
}

impl StoryState {
    fn empty(id: String, title: String) -> StoryState {
        StoryState {
            id,
            title,
            members: Vec::new(),
            centroid: IdMap::default(),
            norm: 0.0,
            first: None,
            last: None,
            joined_by: IdMap::default(),
            merged_into: None,
        }
    }
}

/// One document the index has seen.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Member {
    id: String,
    outlet: Option<String>,
    story: u32,
    minhash: Vec<u32>,
    near_duplicate_of: Option<(u32, f32)>,
}

/// Where [`StoryIndex::add`] put a document.
#[derive(Debug, Clone, PartialEq)]
pub struct Assignment {
    /// Index of the story among all the index has founded.
    pub story: usize,
    pub story_id: String,
    /// True when the document founded the story.
    pub founded: bool,
    /// Its similarity with the story it joined (1 for a founder).
    pub similarity: f32,
    /// The earlier document it nearly copies, with the estimated shingle
    /// Jaccard similarity.
    pub near_duplicate_of: Option<(String, f32)>,
}

/// The story index: see the module documentation.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StoryIndex {
    version: u32,
    settings: StorySettings,
    /// Documents seen.
    seen: u32,
    /// Every feature seen, by number.
    vocabulary: Vec<String>,
    /// How many documents hold each feature, by number.
    df: Vec<u32>,
    stories: Vec<StoryState>,
    /// The stories holding each feature, in founding order, by number.
    postings: Vec<Vec<u32>>,
    members: Vec<Member>,
    /// MinHash band → members whose signature has it.
    bands: HashMap<u64, Vec<u32>, std::hash::BuildHasherDefault<IdHasher>>,
    #[serde(skip)]
    numbers: HashMap<String, u32>,
    /// The prior's count of each feature, by number.
    #[serde(skip)]
    prior_df: Vec<u32>,
    #[serde(skip)]
    ids: HashMap<String, u32>,
}

/// Rows of the signature in one LSH band (64 = 16 bands of 4).
const BAND_ROWS: usize = 4;

/// A document's features with their weights (summed when repeated), in a
/// fixed order.
pub fn features(doc: &Document, settings: &StorySettings) -> Vec<(String, f32)> {
    let mut out: BTreeMap<String, f32> = BTreeMap::new();
    let mut add = |k: String, w: f32| *out.entry(k).or_default() += w;
    for (t, n) in &doc.fingerprint.terms {
        add(format!("t:{t}"), 1.0 + (*n as f32).ln());
    }
    for e in &doc.entities {
        let n = e.mentions.len().max(1) as f32;
        let w = settings.entity_weight * (1.0 + n.ln());
        let name = fold(&e.name);
        for a in &e.aliases {
            let a = fold(a);
            if a != name {
                add(format!("e:{a}"), w / 2.0);
            }
        }
        add(format!("e:{name}"), w);
    }
    let mut speakers: HashSet<String> = HashSet::new();
    for q in &doc.quotes {
        if let Some(name) = q.speaker.as_ref().and_then(|s| s.name.as_deref()) {
            speakers.insert(fold(name));
        }
    }
    for s in speakers {
        add(format!("s:{s}"), settings.speaker_weight);
    }
    // An undated document's time is what it mentions: the year, and the
    // month where the mention names one ("November 30, 2009", not "1991").
    // A dated one is placed by its date (see `in_window`): in news the
    // months and years an article's background mentions would join it to
    // everything else of its weeks (measured on AllSides: stories of 400
    // articles).
    let undated = date_of(doc).is_none();
    for d in doc.dates.iter().filter(|_| undated) {
        let Some(v) = d.value.as_deref() else {
            continue;
        };
        if let Some(y) = v.get(..4) {
            add(format!("y:{y}"), settings.date_weight);
        }
        if d.text.chars().any(char::is_alphabetic) {
            if let Some(m) = v.get(..7) {
                add(format!("m:{m}"), settings.date_weight);
            }
        }
    }
    for c in &doc.counts {
        if let Some(v) = c.value {
            add(format!("n:{v}"), settings.number_weight);
        }
    }
    out.into_iter().filter(|(_, w)| *w > 0.0).collect()
}

fn date_of(doc: &Document) -> Option<NaiveDate> {
    let p = doc.published.as_deref()?;
    NaiveDate::parse_from_str(p.get(..10)?, "%Y-%m-%d").ok()
}

/// The kind and value of a feature key.
fn describe(key: &str) -> (&'static str, &str) {
    match key.split_once(':') {
        Some(("e", v)) => ("entity", v),
        Some(("s", v)) => ("speaker", v),
        Some(("n", v)) => ("number", v),
        Some(("y" | "m", v)) => ("date", v),
        Some(("t", v)) if v.starts_with('#') => ("number", &v[1..]),
        Some((_, v)) => ("term", v),
        None => ("term", key),
    }
}

/// The numbers of the `n` heaviest of a document's weighted features.
fn heaviest(weighted: &[(u32, f32)], n: usize) -> Vec<u32> {
    let mut h: Vec<(u32, f32)> = weighted.to_vec();
    h.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    h.truncate(n);
    h.into_iter().map(|(f, _)| f).collect()
}

impl Default for StoryIndex {
    fn default() -> Self {
        StoryIndex::new(StorySettings::default())
    }
}

impl StoryIndex {
    pub fn new(settings: StorySettings) -> StoryIndex {
        StoryIndex {
            version: STATE_VERSION,
            settings,
            seen: 0,
            vocabulary: Vec::new(),
            df: Vec::new(),
            stories: Vec::new(),
            postings: Vec::new(),
            members: Vec::new(),
            bands: HashMap::default(),
            numbers: HashMap::new(),
            prior_df: Vec::new(),
            ids: HashMap::new(),
        }
    }

    pub fn settings(&self) -> &StorySettings {
        &self.settings
    }

    /// Documents seen.
    pub fn len(&self) -> usize {
        self.members.len()
    }

    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }

    /// Whether a document with this id was added.
    pub fn contains(&self, id: &str) -> bool {
        self.ids.contains_key(id)
    }

    /// The number of a feature, given one the first time it is seen.
    fn number(&mut self, key: &str) -> u32 {
        if let Some(&n) = self.numbers.get(key) {
            return n;
        }
        let n = self.vocabulary.len() as u32;
        self.vocabulary.push(key.to_string());
        self.numbers.insert(key.to_string(), n);
        self.df.push(0);
        self.postings.push(Vec::new());
        self.prior_df
            .push(prior().df.get(key).copied().unwrap_or(0));
        n
    }

    fn idf(&self, f: u32) -> f32 {
        let i = f as usize;
        let mut df = self.df.get(i).copied().unwrap_or(0) as f32;
        let mut n = self.seen as f32;
        if self.settings.use_prior {
            n += prior().documents as f32;
            df += self.prior_df.get(i).copied().unwrap_or(0) as f32;
        }
        ((n + 1.0) / (df + 1.0)).ln() + 1.0
    }

    fn norm_of(&self, centroid: &IdMap<f32>) -> f32 {
        let mut keys: Vec<(&u32, &f32)> = centroid.iter().collect();
        keys.sort_unstable_by_key(|(k, _)| **k);
        keys.into_iter()
            .map(|(k, w)| {
                let x = w * self.idf(*k);
                x * x
            })
            .sum::<f32>()
            .sqrt()
    }

    /// The LSH keys of a signature: one per band whose bins are all filled
    /// (a band holding an empty bin would bucket short texts together),
    /// and one for the whole signature, so that a copy of a text too short
    /// to fill a band is still found.
    fn band_keys(minhash: &[u32]) -> Vec<u64> {
        let hash = |seed: u64, rows: &[u32]| {
            let mut h = 0xcbf2_9ce4_8422_2325u64 ^ seed;
            for x in rows {
                for byte in x.to_le_bytes() {
                    h = (h ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3);
                }
            }
            h
        };
        let mut keys: Vec<u64> = minhash
            .chunks(BAND_ROWS)
            .enumerate()
            .filter(|(_, c)| c.len() == BAND_ROWS && !c.contains(&u32::MAX))
            .map(|(b, c)| hash(b as u64, c))
            .collect();
        if !minhash.is_empty() {
            keys.push(hash(u64::MAX, minhash));
        }
        keys
    }

    /// The earlier document this signature nearly copies, if any.
    fn near_copy(&self, minhash: &[u32]) -> Option<(u32, f32)> {
        let mut seen: HashSet<u32> = HashSet::new();
        let mut best: Option<(u32, f32)> = None;
        for key in Self::band_keys(minhash) {
            for &m in self.bands.get(&key).map(Vec::as_slice).unwrap_or(&[]) {
                if !seen.insert(m) {
                    continue;
                }
                let s = parallax_terms::similarity(minhash, &self.members[m as usize].minhash);
                if s >= self.settings.near_duplicate
                    && best.is_none_or(|(b, x)| s > x || s == x && m < b)
                {
                    best = Some((m, s));
                }
            }
        }
        best
    }

    /// Add one document; returns where it went. A document whose id was
    /// added before is not added again: its earlier assignment is returned.
    pub fn add(&mut self, doc: &Document) -> Assignment {
        if let Some(&m) = self.ids.get(&doc.id) {
            let m = &self.members[m as usize];
            let s = m.story as usize;
            return Assignment {
                story: s,
                story_id: self.stories[s].id.clone(),
                founded: false,
                similarity: 1.0,
                near_duplicate_of: m
                    .near_duplicate_of
                    .map(|(o, x)| (self.members[o as usize].id.clone(), x)),
            };
        }
        let named = features(doc, &self.settings);
        let feats: Vec<(u32, f32)> = named.iter().map(|(k, w)| (self.number(k), *w)).collect();
        self.seen += 1;
        for &(f, _) in &feats {
            self.df[f as usize] += 1;
        }
        let date = date_of(doc);
        let minhash = doc.fingerprint.minhash.clone();
        let copy = self.near_copy(&minhash);
        let idfs: Vec<f32> = feats.iter().map(|&(f, _)| self.idf(f)).collect();
        let weighted: Vec<(u32, f32)> = feats
            .iter()
            .zip(&idfs)
            .map(|(&(f, w), i)| (f, w * i))
            .collect();
        let doc_norm = weighted.iter().map(|(_, x)| x * x).sum::<f32>().sqrt();
        let keys = heaviest(&weighted, self.settings.lookup);
        let (target, similarity) = match copy {
            Some((m, s)) => (Some(self.members[m as usize].story), s),
            None => self.best_story(&weighted, &keys, doc_norm, date),
        };
        let member = self.members.len() as u32;
        let (story, founded) = match target {
            Some(s) => (s, false),
            None => {
                let id = crate::story_id(&[doc.id.as_str()]);
                let mut st = StoryState::empty(id, label(doc));
                st.first = date;
                st.last = date;
                self.stories.push(st);
                ((self.stories.len() - 1) as u32, true)
            }
        };
        if !founded {
            // What joined it: the shared features that weigh most.
            let st = &self.stories[story as usize];
            let mut shared: Vec<(f32, u32)> = weighted
                .iter()
                .filter_map(|&(f, x)| st.centroid.get(&f).map(|c| (x * c * self.idf(f), f)))
                .collect();
            shared.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            let joined: Vec<u32> = shared.iter().take(8).map(|(_, f)| *f).collect();
            let st = &mut self.stories[story as usize];
            for f in joined {
                *st.joined_by.entry(f).or_default() += 1;
            }
        }
        let st = &mut self.stories[story as usize];
        st.members.push(member);
        if let Some(d) = date {
            st.first = Some(st.first.map_or(d, |f| f.min(d)));
            st.last = Some(st.last.map_or(d, |l| l.max(d)));
        }
        // The centroid grows by the document; its norm changes by the
        // changed features only, each at its rarity now.
        let mut sq = st.norm * st.norm;
        let mut fresh = Vec::new();
        for (&(f, w), i) in feats.iter().zip(&idfs) {
            let c = st.centroid.entry(f).or_insert(0.0);
            if *c == 0.0 {
                fresh.push(f);
            }
            let before = *c;
            *c += w;
            sq += (*c * *c - before * before) * i * i;
        }
        st.norm = sq.max(0.0).sqrt();
        for f in fresh {
            self.postings[f as usize].push(story);
        }
        for key in Self::band_keys(&minhash) {
            self.bands.entry(key).or_default().push(member);
        }
        self.members.push(Member {
            id: doc.id.clone(),
            outlet: doc.outlet.as_ref().map(|o| o.name.clone()),
            story,
            minhash,
            near_duplicate_of: copy,
        });
        self.ids.insert(doc.id.clone(), member);
        let mut story = story;
        // A story just founded is the document alone, which no story was
        // near enough to join.
        if self.settings.merge_threshold > 0.0 && !founded {
            for _ in 0..3 {
                match self.merge_similar(story, &keys) {
                    Some(kept) => story = kept,
                    None => break,
                }
            }
        }
        Assignment {
            story: story as usize,
            story_id: self.stories[story as usize].id.clone(),
            founded,
            similarity: if founded { 1.0 } else { similarity },
            near_duplicate_of: copy.map(|(m, s)| (self.members[m as usize].id.clone(), s)),
        }
    }

    /// The live stories holding the most of `keys` (through the latest
    /// `postings` stories of each), at most `limit` of them, those with the
    /// most hits (the newer of two with as many), in founding order.
    fn candidates(&self, keys: &[u32], limit: usize) -> Vec<u32> {
        let mut hits: IdMap<u32> = IdMap::default();
        for &k in keys {
            let p = &self.postings[k as usize];
            let from = p.len().saturating_sub(self.settings.postings);
            for &s in &p[from..] {
                if self.stories[s as usize].merged_into.is_none() {
                    *hits.entry(s).or_default() += 1;
                }
            }
        }
        let mut ranked: Vec<(u32, u32)> = hits.into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(b.0.cmp(&a.0)));
        ranked.truncate(limit);
        let mut out: Vec<u32> = ranked.into_iter().map(|(s, _)| s).collect();
        out.sort_unstable();
        out
    }

    fn in_window(&self, st: &StoryState, date: Option<NaiveDate>) -> bool {
        let window = chrono::Duration::days(self.settings.window_days);
        let span = chrono::Duration::days(self.settings.span_days);
        match (date, st.first, st.last) {
            (Some(d), Some(first), Some(last)) => {
                d >= last - window && d <= last + window && d <= first + span && d >= first - window
            }
            _ => true,
        }
    }

    /// The most similar candidate story within the time window, when it
    /// reaches the threshold.
    fn best_story(
        &self,
        weighted: &[(u32, f32)],
        keys: &[u32],
        doc_norm: f32,
        date: Option<NaiveDate>,
    ) -> (Option<u32>, f32) {
        if doc_norm == 0.0 {
            return (None, 0.0);
        }
        let mut best: (Option<u32>, f32) = (None, 0.0);
        for s in self.candidates(keys, self.settings.max_candidates) {
            let st = &self.stories[s as usize];
            if !self.in_window(st, date) || st.norm == 0.0 {
                continue;
            }
            let dot: f32 = weighted
                .iter()
                .filter_map(|&(f, x)| st.centroid.get(&f).map(|c| x * c * self.idf(f)))
                .sum();
            let sim = dot / (doc_norm * st.norm);
            if sim > best.1 {
                best = (Some(s), sim);
            }
        }
        if best.1 >= self.settings.threshold {
            best
        } else {
            (None, best.1)
        }
    }

    /// The most similar other live story to `story` among those sharing
    /// `keys`, merged with it when their centroids reach the merge
    /// threshold; returns the story that remains (the older).
    fn merge_similar(&mut self, story: u32, keys: &[u32]) -> Option<u32> {
        let st = &self.stories[story as usize];
        if st.norm == 0.0 {
            return None;
        }
        let mut best: Option<(u32, f32)> = None;
        for c in self.candidates(keys, self.settings.max_candidates / 4) {
            let other = &self.stories[c as usize];
            if c == story || other.norm == 0.0 {
                continue;
            }
            // Merged, the two must still make one story in time.
            let overlap = match (st.first, st.last, other.first, other.last) {
                (Some(a0), Some(a1), Some(b0), Some(b1)) => {
                    let first = a0.min(b0);
                    let last = a1.max(b1);
                    let near = (a1 - b1).num_days().abs() <= self.settings.window_days
                        || (a0 - b1).num_days().abs() <= self.settings.window_days
                        || (b0 - a1).num_days().abs() <= self.settings.window_days;
                    near && (last - first).num_days() <= self.settings.span_days
                }
                _ => true,
            };
            if !overlap {
                continue;
            }
            let (small, large) = if st.centroid.len() <= other.centroid.len() {
                (&st.centroid, &other.centroid)
            } else {
                (&other.centroid, &st.centroid)
            };
            let mut dot = 0.0;
            for (f, w) in small {
                if let Some(v) = large.get(f) {
                    let i = self.idf(*f);
                    dot += w * v * i * i;
                }
            }
            let sim = dot / (st.norm * other.norm);
            if sim >= self.settings.merge_threshold
                && best.is_none_or(|(b, x)| sim > x || sim == x && c < b)
            {
                best = Some((c, sim));
            }
        }
        let (other, _) = best?;
        let (keep, gone) = (story.min(other), story.max(other));
        let id = self.stories[gone as usize].id.clone();
        let mut tomb = StoryState::empty(id, String::new());
        tomb.merged_into = Some(keep);
        let g = std::mem::replace(&mut self.stories[gone as usize], tomb);
        for &m in &g.members {
            self.members[m as usize].story = keep;
        }
        for f in g.centroid.keys() {
            let p = &mut self.postings[*f as usize];
            for x in p.iter_mut() {
                if *x == gone {
                    *x = keep;
                }
            }
            p.sort_unstable();
            p.dedup();
        }
        let k = &mut self.stories[keep as usize];
        k.members.extend(g.members);
        k.members.sort_unstable();
        for (f, w) in g.centroid {
            *k.centroid.entry(f).or_default() += w;
        }
        for (f, n) in g.joined_by {
            *k.joined_by.entry(f).or_default() += n;
        }
        k.first = match (k.first, g.first) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        k.last = match (k.last, g.last) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
        let norm = self.norm_of(&self.stories[keep as usize].centroid);
        self.stories[keep as usize].norm = norm;
        Some(keep)
    }

    /// The id of the story a document is in now (after any merge).
    pub fn story_of(&self, doc_id: &str) -> Option<String> {
        let m = self.ids.get(doc_id)?;
        let s = self.members[*m as usize].story;
        Some(self.stories[s as usize].id.clone())
    }

    /// Each document's story id, in the order the documents were added.
    pub fn assignments(&self) -> Vec<(String, String)> {
        self.members
            .iter()
            .map(|m| (m.id.clone(), self.stories[m.story as usize].id.clone()))
            .collect()
    }

    /// The stories so far, in founding order, as records (echoes,
    /// comparison and links left empty for the stages that fill them).
    pub fn stories(&self) -> Vec<Story> {
        self.stories
            .iter()
            .filter(|st| st.merged_into.is_none())
            .map(|st| {
                let members: Vec<&Member> = st
                    .members
                    .iter()
                    .map(|&m| &self.members[m as usize])
                    .collect();
                let mut outlets: Vec<String> = Vec::new();
                for m in &members {
                    if let Some(o) = &m.outlet {
                        if !outlets.contains(o) {
                            outlets.push(o.clone());
                        }
                    }
                }
                let mut joined: Vec<(&str, u32)> = st
                    .joined_by
                    .iter()
                    .map(|(f, n)| (self.vocabulary[*f as usize].as_str(), *n))
                    .collect();
                joined.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
                let grouped_by = joined
                    .into_iter()
                    .take(12)
                    .map(|(k, n)| {
                        let (kind, value) = describe(k);
                        GroupedBy {
                            kind: kind.to_string(),
                            value: value.to_string(),
                            documents: n as usize,
                        }
                    })
                    .collect();
                let near_duplicates = members
                    .iter()
                    .filter_map(|m| {
                        let (o, s) = m.near_duplicate_of?;
                        Some(NearDuplicate {
                            doc: m.id.clone(),
                            of: self.members[o as usize].id.clone(),
                            similarity: (f64::from(s) * 1000.0).round() / 1000.0,
                        })
                    })
                    .collect();
                Story {
                    id: st.id.clone(),
                    title: st.title.clone(),
                    documents: members.iter().map(|m| m.id.clone()).collect(),
                    outlets,
                    grouped_by,
                    near_duplicates,
                    echoes: Vec::new(),
                    comparison: Default::default(),
                    links: Vec::new(),
                }
            })
            .collect()
    }

    /// Write the state as JSON.
    pub fn save(&self, w: impl Write) -> Result<(), StateError> {
        serde_json::to_writer(w, self)?;
        Ok(())
    }

    /// Read a state [`StoryIndex::save`] wrote.
    pub fn load(r: impl Read) -> Result<StoryIndex, StateError> {
        let mut index: StoryIndex = serde_json::from_reader(r)?;
        if index.version != STATE_VERSION {
            return Err(StateError::Version {
                found: index.version,
            });
        }
        let n = index.members.len() as u32;
        let s = index.stories.len() as u32;
        let v = index.vocabulary.len();
        let bad = index.df.len() != v
            || index.postings.len() != v
            || index
                .members
                .iter()
                .any(|m| m.story >= s || m.near_duplicate_of.is_some_and(|(o, _)| o >= n))
            || index.stories.iter().any(|st| {
                st.members.iter().any(|&m| m >= n)
                    || st.merged_into.is_some_and(|k| k >= s)
                    || st
                        .centroid
                        .keys()
                        .chain(st.joined_by.keys())
                        .any(|&f| f as usize >= v)
            })
            || index.postings.iter().flatten().any(|&x| x >= s)
            || index.bands.values().flatten().any(|&x| x >= n);
        if bad {
            return Err(StateError::Inconsistent(
                "an index points past the stories, documents or features it holds".into(),
            ));
        }
        index.numbers = index
            .vocabulary
            .iter()
            .enumerate()
            .map(|(i, k)| (k.clone(), i as u32))
            .collect();
        index.prior_df = index
            .vocabulary
            .iter()
            .map(|k| prior().df.get(k).copied().unwrap_or(0))
            .collect();
        index.ids = index
            .members
            .iter()
            .enumerate()
            .map(|(i, m)| (m.id.clone(), i as u32))
            .collect();
        Ok(index)
    }
}

/// Group `docs` into stories: dated documents in publication order, then
/// the undated ones in input order.
pub fn group_stories(docs: &[Document], settings: StorySettings) -> (StoryIndex, Vec<Story>) {
    let mut order: Vec<usize> = (0..docs.len()).collect();
    order.sort_by_key(|&i| (date_of(&docs[i]).is_none(), date_of(&docs[i]), i));
    let mut index = StoryIndex::new(settings);
    for i in order {
        index.add(&docs[i]);
    }
    let stories = index.stories();
    (index, stories)
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_model::{Entity, InputSpan, Mention, Outlet};

    /// A document with its fingerprint, and entities named by `names`
    /// (each mentioned once).
    fn doc(id: &str, outlet: &str, date: Option<&str>, text: &str, names: &[&str]) -> Document {
        let analysed = parallax_analysis::Analysed::new(text, None);
        let entities = names
            .iter()
            .enumerate()
            .map(|(i, n)| Entity {
                id: format!("e{i}"),
                name: n.to_string(),
                kind: "organisation".into(),
                aliases: vec![],
                mentions: vec![Mention {
                    text: n.to_string(),
                    start: 0,
                    end: 0,
                    input: InputSpan::default(),
                }],
                descriptors: vec![],
            })
            .collect();
        Document {
            id: id.into(),
            source: format!("{id}.txt"),
            url: None,
            outlet: Some(Outlet {
                name: outlet.into(),
                evidence: "test".into(),
            }),
            published: date.map(str::to_string),
            published_evidence: None,
            title: None,
            sentences: vec![],
            paragraphs: vec![],
            text: text.into(),
            removed: vec![],
            quotes: vec![],
            entities,
            statements: vec![],
            counts: vec![],
            dates: vec![],
            language: None,
            warnings: vec![],
            fingerprint: parallax_terms::fingerprint(&analysed),
        }
    }

    /// Two events of one kind: a quake in Varno (three outlets) and, months
    /// later, a quake in Tessaly (two), plus a budget story.
    fn corpus() -> Vec<Document> {
        vec![
            doc("q1", "Gazette", Some("2031-03-03"),
                "A magnitude 6.1 earthquake struck Varno province on Monday, killing 14 people and flattening homes in the old town, the Varno seismic institute said.",
                &["Varno", "Varno Seismic Institute"]),
            doc("q2", "Herald", Some("2031-03-04"),
                "Rescuers in Varno dug through rubble after Monday's 6.1 earthquake, which the seismic institute said killed 14 people in the province's old town.",
                &["Varno", "Varno Seismic Institute"]),
            doc("b1", "Herald", Some("2031-03-04"),
                "Parliament passed the spending bill on Tuesday after the finance minister agreed to cut the fuel subsidy by a third.",
                &["Parliament", "Finance Ministry"]),
            doc("q3", "Courier", Some("2031-03-05"),
                "The death toll from the Varno earthquake rose to 16 as rescuers searched the old town, the seismic institute said, two days after the magnitude 6.1 quake.",
                &["Varno", "Varno Seismic Institute"]),
            doc("t1", "Gazette", Some("2031-09-20"),
                "A magnitude 5.4 earthquake struck Tessaly on Friday, damaging a dam and injuring nine people, the Tessaly civil defence agency said.",
                &["Tessaly", "Tessaly Civil Defence Agency"]),
            doc("t2", "Courier", Some("2031-09-21"),
                "Engineers inspected the cracked dam in Tessaly after Friday's 5.4 earthquake, which the civil defence agency said injured nine people.",
                &["Tessaly", "Tessaly Civil Defence Agency"]),
        ]
    }

    fn members(stories: &[Story]) -> Vec<Vec<String>> {
        let mut m: Vec<Vec<String>> = stories
            .iter()
            .map(|s| {
                let mut d = s.documents.clone();
                d.sort();
                d
            })
            .collect();
        m.sort();
        m
    }

    #[test]
    fn one_event_is_one_story_and_a_look_alike_event_another() {
        let (_, stories) = group_stories(&corpus(), StorySettings::default());
        assert_eq!(
            members(&stories),
            vec![vec!["b1"], vec!["q1", "q2", "q3"], vec!["t1", "t2"]]
        );
        let quake = stories.iter().find(|s| s.documents.len() == 3).unwrap();
        assert_eq!(quake.outlets, vec!["Gazette", "Herald", "Courier"]);
        // It says why: the shared place and institute joined the others.
        let why: Vec<(&str, &str)> = quake
            .grouped_by
            .iter()
            .map(|g| (g.kind.as_str(), g.value.as_str()))
            .collect();
        assert!(why.contains(&("entity", "varno")), "{why:?}");
        assert!(why
            .iter()
            .all(|(k, _)| ["entity", "term", "number", "speaker", "date"].contains(k)));
    }

    #[test]
    fn a_document_outside_the_time_window_starts_a_story() {
        let mut docs = corpus();
        docs.push(doc("q9", "Herald", Some("2032-06-01"),
            "A year on, Varno's old town is rebuilt after the magnitude 6.1 earthquake that killed 16 people, the seismic institute said.",
            &["Varno", "Varno Seismic Institute"]));
        let (_, stories) = group_stories(&docs, StorySettings::default());
        assert!(members(&stories).contains(&vec!["q9".to_string()]));
    }

    #[test]
    fn a_wire_copy_is_marked_a_near_duplicate_in_the_original_story() {
        let mut docs = corpus();
        let mut copy = docs[0].clone();
        copy.id = "q1-copy".into();
        copy.outlet = Some(Outlet {
            name: "Daily".into(),
            evidence: "test".into(),
        });
        docs.push(copy);
        let (_, stories) = group_stories(&docs, StorySettings::default());
        let quake = stories
            .iter()
            .find(|s| s.documents.contains(&"q1".to_string()))
            .unwrap();
        assert!(quake.documents.contains(&"q1-copy".to_string()));
        assert_eq!(quake.near_duplicates.len(), 1);
        assert_eq!(quake.near_duplicates[0].doc, "q1-copy");
        assert_eq!(quake.near_duplicates[0].of, "q1");
        assert!(quake.near_duplicates[0].similarity >= 0.99);
    }

    #[test]
    fn a_saved_and_loaded_index_goes_on_as_if_never_stopped() {
        let docs = corpus();
        let mut whole = StoryIndex::default();
        for d in &docs {
            whole.add(d);
        }
        let mut first = StoryIndex::default();
        for d in &docs[..3] {
            first.add(d);
        }
        let mut saved = Vec::new();
        first.save(&mut saved).unwrap();
        let mut resumed = StoryIndex::load(saved.as_slice()).unwrap();
        assert!(resumed.contains("q2"));
        for d in &docs[3..] {
            resumed.add(d);
        }
        assert_eq!(resumed.stories(), whole.stories());
        // Adding a document again changes nothing.
        let again = resumed.add(&docs[0]);
        assert_eq!(resumed.len(), docs.len());
        assert_eq!(again.story_id, whole.story_of("q1").unwrap());
    }

    #[test]
    fn a_broken_state_is_refused_with_its_reason() {
        assert!(matches!(
            StoryIndex::load(&b"{not json"[..]),
            Err(StateError::Json(_))
        ));
        let mut index = StoryIndex::default();
        index.add(&corpus()[0]);
        let mut saved = Vec::new();
        index.save(&mut saved).unwrap();
        let text = String::from_utf8(saved).unwrap();
        let old = text.replacen("\"version\":1", "\"version\":99", 1);
        assert!(matches!(
            StoryIndex::load(old.as_bytes()),
            Err(StateError::Version { found: 99 })
        ));
        let bad = text.replacen("\"story\":0", "\"story\":7", 1);
        assert!(matches!(
            StoryIndex::load(bad.as_bytes()),
            Err(StateError::Inconsistent(_))
        ));
    }

    #[test]
    fn the_shipped_prior_reads() {
        let p = prior();
        assert!(p.documents > 1000, "{}", p.documents);
        assert!(p.df.len() > 1000);
        for (n, line) in PRIOR
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.starts_with('#'))
        {
            let ok = line
                .split_once('\t')
                .is_some_and(|(_, v)| v.parse::<u32>().is_ok());
            assert!(ok, "data/story_prior.tsv:{}: {line:?}", n + 1);
        }
    }
}
