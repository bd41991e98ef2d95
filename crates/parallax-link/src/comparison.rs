//! The outlet comparison of a story: the same event as each outlet told
//! it, every cell backed by a span of one document.
//!
//! A *fact* is something several documents can carry and a reader can
//! check in each: a count (the same category or unit and the same value:
//! "at least 37 people" killed), an act (the same act by the same party
//! about an overlapping alleged act or the same target) or an echo (one
//! statement reported by several documents, [`crate::echoes`]). Per
//! outlet the comparison lists whom it quotes and how often, which facts
//! it carries and which it leaves out that others carry, and how it names
//! and describes each actor other outlets of the story also mention.
//! Where outlets give one source's count with different values, or credit
//! one count to different sources, it says so (`differences`); where two
//! outlets report one statement or act in different words ("information
//! war" against "information attacks"), it pairs the phrases
//! (`wording`).
//!
//! A document whose outlet is not known stands in a column of its own,
//! "(outlet unknown: ID)": two such documents may come from one outlet,
//! but nothing says so. Like the rest of this crate, the comparison reads records:
//! the words it compares are those of quotations, statements and the
//! sentence (by its recorded span) a count stands in.

use crate::echoes::{stem, stems, words};
use crate::{find_actors, fold, root};
use std::collections::{BTreeMap, BTreeSet, HashMap};

use parallax_model::{
    Act, Actor, ActorDescription, Comparison, Difference, Document, Fact, FactReport, OutletPhrase,
    OutletValues, OutletView, QuotedSpeaker, SpanRef, Story, Wording,
};

/// Most facts a story lists; the rest are counted in `facts_not_listed`.
pub const MAX_FACTS: usize = 200;
/// Most phrase pairs read from one fact's reports.
const WORDING_PER_FACT: usize = 4;

/// The story's actors, and which actor a name is in each outlet.
struct Cast {
    actors: Vec<Actor>,
    by_name: HashMap<(String, String), usize>,
}

impl Cast {
    fn new(members: &[&Document]) -> Cast {
        let actors = find_actors(members);
        let mut by_name = HashMap::new();
        for (i, a) in actors.iter().enumerate() {
            for o in &a.outlets {
                let outlet = column(o);
                for n in &o.names {
                    by_name.entry((outlet.clone(), fold(n))).or_insert(i);
                }
            }
        }
        Cast { actors, by_name }
    }

    /// The actor a name stands for in an outlet's documents.
    fn actor(&self, outlet: &str, name: &str) -> Option<usize> {
        self.by_name.get(&(outlet.to_string(), fold(name))).copied()
    }

    /// A key that is the same for one source across the story: its
    /// actor, or its folded name.
    fn key(&self, outlet: &str, name: &str) -> String {
        match self.actor(outlet, name) {
            Some(i) => format!("actor {}", self.actors[i].name),
            None => fold(name),
        }
    }

    /// The name a source is shown by: its actor's, or its own.
    fn shown(&self, outlet: &str, name: &str) -> String {
        self.actor(outlet, name)
            .map_or_else(|| name.to_string(), |i| self.actors[i].name.clone())
    }
}

/// The outlet comparison of one story, from its documents' records.
pub fn compare(story: &Story, docs: &[&Document]) -> Comparison {
    let members: Vec<&Document> = docs
        .iter()
        .copied()
        .filter(|d| story.documents.contains(&d.id))
        .collect();
    let mut outlets: Vec<String> = Vec::new();
    for d in &members {
        let o = outlet_of(d);
        if !outlets.contains(&o) {
            outlets.push(o);
        }
    }
    if outlets.len() < 2 {
        return Comparison::default();
    }
    let cast = Cast::new(&members);
    let mut drafts = count_facts(&members, &cast);
    drafts.extend(act_facts(&members));
    drafts.extend(echo_facts(story, &members));
    for d in &mut drafts {
        d.fact.outlets = outlets_in(&d.fact.reports);
    }
    // The numbers each outlet gives, in whatever sentence: a count an
    // outlet gives elsewhere in its own words is not missing from it.
    let mut numbers: BTreeSet<(String, String)> = BTreeSet::new();
    for d in &drafts {
        if let Some(n) = &d.number {
            for o in &d.fact.outlets {
                numbers.insert((o.clone(), n.clone()));
            }
        }
    }
    for d in &mut drafts {
        d.fact.missing_from = outlets
            .iter()
            .filter(|o| {
                !d.fact.outlets.contains(o)
                    && !d
                        .number
                        .as_ref()
                        .is_some_and(|n| numbers.contains(&((*o).clone(), n.clone())))
            })
            .cloned()
            .collect();
    }
    drafts.sort_by(|a, b| {
        b.fact
            .outlets
            .len()
            .cmp(&a.fact.outlets.len())
            .then(a.rank.cmp(&b.rank))
            .then(a.first.cmp(&b.first))
    });
    let facts_not_listed = drafts.len().saturating_sub(MAX_FACTS);
    drafts.truncate(MAX_FACTS);
    for (i, d) in drafts.iter_mut().enumerate() {
        d.fact.id = format!("f{}", i + 1);
    }
    let differences = differences(&drafts);
    // One pair of phrases once, at the first fact that shows it.
    let mut seen: BTreeSet<Vec<(String, String)>> = BTreeSet::new();
    let wording = drafts
        .iter()
        .flat_map(|d| wording(&d.fact))
        .filter(|w| {
            seen.insert(
                w.by_outlet
                    .iter()
                    .map(|p| (p.outlet.clone(), p.phrase.text.to_lowercase()))
                    .collect(),
            )
        })
        .collect();
    let facts: Vec<Fact> = drafts.into_iter().map(|d| d.fact).collect();
    let views = outlets
        .iter()
        .map(|o| outlet_view(o, &outlets, &members, &facts, &cast))
        .collect();
    Comparison {
        outlets: views,
        facts,
        facts_not_listed,
        differences,
        wording,
    }
}

/// Fill the comparison of every story of two outlets or more.
pub fn add_comparisons(stories: &mut [Story], docs: &[Document]) {
    crate::each_story(stories, docs, |s, members| {
        s.comparison = compare(s, members)
    });
}

/// The column a document stands in: its outlet, or, for a document whose
/// outlet is not known, a column of its own.
fn outlet_of(d: &Document) -> String {
    match &d.outlet {
        Some(o) => o.name.clone(),
        None => unknown_outlet(&d.id),
    }
}

fn unknown_outlet(doc: &str) -> String {
    format!("(outlet unknown: {doc})")
}

/// The column of an actor's per-outlet entry.
fn column(o: &parallax_model::ActorInOutlet) -> String {
    match (&o.outlet, o.documents.first()) {
        (Some(name), _) => name.clone(),
        (None, Some(doc)) => unknown_outlet(doc),
        (None, None) => String::new(),
    }
}

fn outlets_in(reports: &[FactReport]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for r in reports {
        if !out.contains(&r.outlet) {
            out.push(r.outlet.clone());
        }
    }
    out
}

/// A fact before it has its id, with what ordering and the differences
/// need.
struct Draft {
    fact: Fact,
    /// Echoes first, then acts, then counts.
    rank: u8,
    /// Where it is first reported: member index and offset.
    first: (usize, usize),
    /// For a count: its category (or unit) and value.
    count: Option<(String, Option<f64>)>,
    /// For a count: what it counts and its value (or words), which other
    /// facts of the same number share.
    number: Option<String>,
}

fn draft(kind: &str, rank: u8, label: String, act: Option<String>) -> Draft {
    Draft {
        fact: Fact {
            id: String::new(),
            kind: kind.to_string(),
            label,
            act,
            outlets: Vec::new(),
            missing_from: Vec::new(),
            reports: Vec::new(),
        },
        rank,
        first: (usize::MAX, usize::MAX),
        count: None,
        number: None,
    }
}

/// Least content words the sentences of two counts share, beyond the
/// count's own words, for the counts to be one fact.
pub const COUNT_CONTEXT: usize = 2;
/// The same for a percentage.
pub const PERCENT_CONTEXT: usize = 4;

/// The content words of the sentence around each count of a document,
/// less the count's own words.
fn count_contexts(d: &Document) -> Vec<BTreeSet<String>> {
    // Character offsets to byte offsets, once per document.
    let bytes: Vec<usize> = d
        .text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(d.text.len()))
        .collect();
    let slice = |start: usize, end: usize| -> &str {
        match (bytes.get(start), bytes.get(end)) {
            (Some(&a), Some(&b)) if a <= b => &d.text[a..b],
            _ => "",
        }
    };
    d.counts
        .iter()
        .map(|c| {
            let at = d.sentences.partition_point(|s| s.start <= c.start);
            let Some(sentence) = at.checked_sub(1).map(|k| d.sentences[k]) else {
                return BTreeSet::new();
            };
            if sentence.end < c.end {
                return BTreeSet::new();
            }
            let own = stems(&c.text);
            stems(slice(sentence.start, sentence.end))
                .into_iter()
                .filter(|w| !own.contains(w))
                .collect()
        })
        .collect()
}

/// A count to match: its member, its index, its sentence's words.
type CountItem = (usize, usize, BTreeSet<String>);

/// Counts of one category (or unit, without one) and one value are one
/// fact when their sentences share [`COUNT_CONTEXT`] content words (or
/// all of the shorter one's, if it has fewer; "10
/// percent fewer voters in New Hampshire" is not "Kasich, with 10
/// percent"); a vague count ("dozens of stalls") matches one in the same
/// words.
fn count_facts(members: &[&Document], cast: &Cast) -> Vec<Draft> {
    // (what, value) -> (member, count index, context).
    let mut by_key: BTreeMap<(String, String), Vec<CountItem>> = BTreeMap::new();
    for (m, d) in members.iter().enumerate() {
        if d.counts.is_empty() {
            continue;
        }
        let contexts = count_contexts(d);
        for ((i, c), context) in d.counts.iter().enumerate().zip(contexts) {
            let what = c.category.clone().unwrap_or_else(|| fold(&c.unit));
            if what.is_empty() {
                continue;
            }
            let value = match c.value {
                Some(v) => format!("{v}"),
                // A vague count is its words: "dozens of police officers"
                // is not "hundreds of police officers".
                None => format!("~{}", fold(&c.text)),
            };
            by_key
                .entry((what, value))
                .or_default()
                .push((m, i, context));
        }
    }
    let mut out = Vec::new();
    for ((what, value), items) in by_key {
        // A share is the commonest number in the news (a poll gives a
        // dozen in one sentence): it needs more shared words.
        let needed = if what == "percent" {
            PERCENT_CONTEXT
        } else {
            COUNT_CONTEXT
        };
        let mut parent: Vec<usize> = (0..items.len()).collect();
        for x in 0..items.len() {
            for y in x + 1..items.len() {
                // A short sentence ("She said two warehouses had
                // burned.") has few words to share: all of them will do.
                let fewest = items[x].2.len().min(items[y].2.len()).max(1);
                if items[x].2.intersection(&items[y].2).count() >= needed.min(fewest) {
                    let (rx, ry) = (root(&mut parent, x), root(&mut parent, y));
                    if rx != ry {
                        parent[rx.max(ry)] = rx.min(ry);
                    }
                }
            }
        }
        let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for k in 0..items.len() {
            let r = root(&mut parent, k);
            groups.entry(r).or_default().push(k);
        }
        for ks in groups.into_values() {
            let (m0, i0, _) = items[ks[0]];
            let c0 = &members[m0].counts[i0];
            let label = match &c0.category {
                Some(cat) if fold(cat) != fold(&c0.unit) => format!("{} ({cat})", c0.text),
                _ => c0.text.clone(),
            };
            let mut dr = draft("count", 2, label, None);
            dr.count = Some((what.clone(), c0.value));
            dr.number = Some(format!("{what}\u{1f}{value}"));
            for &k in &ks {
                let (m, i, _) = items[k];
                let d = members[m];
                let c = &d.counts[i];
                let outlet = outlet_of(d);
                dr.first = dr.first.min((m, c.start));
                dr.fact.reports.push(FactReport {
                    doc: d.id.clone(),
                    text: c.text.clone(),
                    start: c.start,
                    end: c.end,
                    value: c.value,
                    by: c.claimed_by.as_ref().map(|b| cast.shown(&outlet, b)),
                    record: format!("counts[{i}]"),
                    outlet,
                });
            }
            out.push(dr);
        }
    }
    out
}

/// A statement with the content words compared.
struct ActItem<'d> {
    member: usize,
    index: usize,
    statement: &'d parallax_model::Statement,
    act_words: Option<BTreeSet<String>>,
    words: BTreeSet<String>,
}

/// Two statements report one act when they have the same act, share a
/// party they speak for, and either share a content word of what is
/// alleged or denied, name the same target, or say much the same in
/// their own words (the echo criterion on the statements' text).
fn same_act(a: &ActItem<'_>, b: &ActItem<'_>) -> bool {
    let (x, y) = (a.statement, b.statement);
    if x.act != y.act {
        return false;
    }
    let parties: BTreeSet<&String> = x.parties.actor.iter().collect();
    if !y.parties.actor.iter().any(|p| parties.contains(p)) {
        return false;
    }
    if let (Some(p), Some(q)) = (&a.act_words, &b.act_words) {
        if !p.is_disjoint(q) {
            return true;
        }
    }
    if let (Some(p), Some(q)) = (&x.target, &y.target) {
        if fold(p) == fold(q) {
            return true;
        }
    }
    aligned(&a.words, &b.words)
}

fn act_facts(members: &[&Document]) -> Vec<Draft> {
    // Every statement other than a plain claim.
    let items: Vec<ActItem<'_>> = members
        .iter()
        .enumerate()
        .flat_map(|(m, d)| {
            d.statements
                .iter()
                .enumerate()
                .filter(|(_, s)| s.act != Act::Claim)
                .map(move |(i, s)| ActItem {
                    member: m,
                    index: i,
                    statement: s,
                    act_words: s.act_text.as_deref().map(stems),
                    words: stems(&s.text),
                })
        })
        .collect();
    let mut parent: Vec<usize> = (0..items.len()).collect();
    // Only statements of one act are compared.
    let mut by_act: BTreeMap<&'static str, Vec<usize>> = BTreeMap::new();
    for (k, it) in items.iter().enumerate() {
        by_act.entry(it.statement.act.as_str()).or_default().push(k);
    }
    for ks in by_act.values() {
        for (x, &i) in ks.iter().enumerate() {
            for &j in &ks[x + 1..] {
                if same_act(&items[i], &items[j]) {
                    let (ri, rj) = (root(&mut parent, i), root(&mut parent, j));
                    if ri != rj {
                        parent[ri.max(rj)] = ri.min(rj);
                    }
                }
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for k in 0..items.len() {
        let r = root(&mut parent, k);
        groups.entry(r).or_default().push(k);
    }
    groups
        .into_values()
        .map(|ks| {
            let s0 = items[ks[0]].statement;
            let mut label = format!("{} by {}", s0.act.as_str().replace('_', "-"), {
                s0.actor.as_deref().unwrap_or("unknown")
            });
            if let Some(t) = &s0.act_text {
                label.push_str(": ");
                label.push_str(t);
            } else if let Some(t) = &s0.target {
                label.push_str(", against ");
                label.push_str(t);
            }
            let mut dr = draft("act", 1, label, Some(s0.act.as_str().to_string()));
            for &k in &ks {
                let (m, i, s) = (items[k].member, items[k].index, items[k].statement);
                let d = members[m];
                dr.first = dr.first.min((m, s.start));
                dr.fact.reports.push(FactReport {
                    outlet: outlet_of(d),
                    doc: d.id.clone(),
                    text: s.text.clone(),
                    start: s.start,
                    end: s.end,
                    value: None,
                    by: s.actor.clone(),
                    record: format!("statements[{i}]"),
                });
            }
            dr
        })
        .collect()
}

fn echo_facts(story: &Story, members: &[&Document]) -> Vec<Draft> {
    let index: HashMap<&str, usize> = members
        .iter()
        .enumerate()
        .map(|(m, d)| (d.id.as_str(), m))
        .collect();
    story
        .echoes
        .iter()
        .filter_map(|e| {
            let first_words: Vec<&str> =
                e.quotes.first()?.text.split_whitespace().take(10).collect();
            let label = format!(
                "{}: “{}…”",
                e.speaker.as_deref().unwrap_or("unknown"),
                first_words.join(" ")
            );
            let mut dr = draft("echo", 0, label, None);
            for q in &e.quotes {
                let Some(&m) = index.get(q.doc.as_str()) else {
                    continue;
                };
                let outlet = outlet_of(members[m]);
                dr.first = dr.first.min((m, q.start));
                dr.fact.reports.push(FactReport {
                    outlet,
                    doc: q.doc.clone(),
                    text: q.text.clone(),
                    start: q.start,
                    end: q.end,
                    value: None,
                    by: e.speaker.clone(),
                    record: q.attribution.clone().unwrap_or_default(),
                });
            }
            (!dr.fact.reports.is_empty()).then_some(dr)
        })
        .collect()
}

/// Whether a source's name is a name ("Observatory …"), not a
/// description ("residents").
fn named(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// Where outlets disagree on a count: one source's count of one thing
/// (not a percentage) given with different but close values (within a
/// factor of two) by
/// outlets that never give both (an outlet that reports both values is
/// reporting two counts), and one count of ten or more credited to
/// different named sources.
fn differences(drafts: &[Draft]) -> Vec<Difference> {
    let mut out = Vec::new();
    // (what, source) -> facts with a numeric value.
    let mut by_source: BTreeMap<(String, String), Vec<&Draft>> = BTreeMap::new();
    for d in drafts {
        let Some((what, Some(value))) = &d.count else {
            continue;
        };
        let sources: BTreeSet<String> = d
            .fact
            .reports
            .iter()
            .filter_map(|r| r.by.as_deref().filter(|b| named(b)).map(fold))
            .collect();
        for s in sources {
            by_source.entry((what.clone(), s)).or_default().push(d);
        }
        // One count credited to different named sources: outlets that
        // each give one source, not the same person or body (compared by
        // the last word of the name: "Trump", "Donald Trump").
        let mut per_outlet: Vec<OutletValues> = Vec::new();
        for r in &d.fact.reports {
            if let Some(b) = r.by.as_deref().filter(|b| named(b)) {
                push_value(&mut per_outlet, &r.outlet, b);
            }
        }
        per_outlet.retain(|v| v.values.len() == 1);
        let distinct: BTreeSet<String> =
            per_outlet.iter().map(|v| last_word(&v.values[0])).collect();
        // A small number or a share ("two people", "40 percent") matches
        // across documents by coincidence as often as by being one count.
        let specific = *value >= 10.0 && !what.contains("percent");
        if specific && distinct.len() > 1 {
            out.push(Difference {
                kind: "speaker".into(),
                about: d.fact.label.clone(),
                facts: vec![d.fact.id.clone()],
                by_outlet: per_outlet,
            });
        }
    }
    for ((what, source), facts) in by_source {
        if facts.len() < 2 {
            continue;
        }
        let mut seen: BTreeSet<&str> = BTreeSet::new();
        let overlapping = facts.iter().any(|f| {
            let mine: BTreeSet<&str> = f.fact.outlets.iter().map(String::as_str).collect();
            let clash = mine.iter().any(|o| seen.contains(o));
            seen.extend(mine);
            clash
        });
        // Values far apart ("$350 billion", "$2.4 trillion") are
        // different counts, not one count given differently.
        let values: Vec<f64> = facts.iter().filter_map(|f| f.count.as_ref()?.1).collect();
        let (lo, hi) = values
            .iter()
            .fold((f64::MAX, f64::MIN), |(lo, hi), &v| (lo.min(v), hi.max(v)));
        // One value twice is one count in two sentences, not a
        // difference; and shares ("36%", "50%") are too common to be one
        // count by their source alone.
        if overlapping || lo <= 0.0 || hi > 2.0 * lo || lo == hi || what == "percent" {
            continue;
        }
        let mut by_outlet: Vec<OutletValues> = Vec::new();
        let mut shown_source = source.clone();
        for f in &facts {
            for r in &f.fact.reports {
                if r.by.as_deref().map(fold).as_deref() == Some(source.as_str()) {
                    push_value(&mut by_outlet, &r.outlet, &r.text);
                    if let Some(b) = &r.by {
                        shown_source.clone_from(b);
                    }
                }
            }
        }
        out.push(Difference {
            kind: "number".into(),
            about: format!("{what}, by {shown_source}"),
            facts: facts.iter().map(|f| f.fact.id.clone()).collect(),
            by_outlet,
        });
    }
    out
}

fn last_word(name: &str) -> String {
    fold(name)
        .rsplit(' ')
        .next()
        .unwrap_or_default()
        .trim_end_matches("'s")
        .trim_end_matches("’s")
        .to_string()
}

fn push_value(list: &mut Vec<OutletValues>, outlet: &str, value: &str) {
    match list.iter_mut().find(|v| v.outlet == outlet) {
        Some(v) => {
            if !v.values.iter().any(|x| x == value) {
                v.values.push(value.to_string());
            }
        }
        None => list.push(OutletValues {
            outlet: outlet.to_string(),
            values: vec![value.to_string()],
        }),
    }
}

/// One word of a report, with its stem and its span in the document.
struct Word<'t> {
    text: &'t str,
    stem: Option<String>,
    start: usize,
    end: usize,
}

fn report_words(r: &FactReport) -> Vec<Word<'_>> {
    words(&r.text)
        .into_iter()
        .map(|(s, e, w)| Word {
            text: w,
            stem: stem(w),
            start: r.start + s,
            end: r.start + e,
        })
        .collect()
}

/// The phrase from word `i` to word `j` (either order) of a report.
fn phrase(r: &FactReport, ws: &[Word<'_>], i: usize, j: usize) -> SpanRef {
    let (a, b) = (i.min(j), i.max(j));
    let from = ws[a].start - r.start;
    let to = ws[b].end - r.start;
    SpanRef {
        doc: r.doc.clone(),
        text: r.text.chars().skip(from).take(to - from).collect(),
        start: ws[a].start,
        end: ws[b].end,
    }
}

/// The nearest content word after (`step` 1) or before (`step` -1) word
/// `i`, with nothing but a space or a hyphen between ("information
/// war", "so-called"): a word further off is seldom part of one name for
/// one thing.
fn neighbour(r: &FactReport, ws: &[Word<'_>], i: usize, step: isize) -> Option<usize> {
    let next = i.checked_add_signed(step)?;
    let w = ws.get(next)?;
    let (a, b) = (i.min(next), i.max(next));
    let (gap_from, gap_to) = (ws[a].end - r.start, ws[b].start - r.start);
    let gap: String = r
        .text
        .chars()
        .skip(gap_from)
        .take(gap_to.saturating_sub(gap_from))
        .collect();
    let gap_clean = gap == "-" || gap.chars().all(char::is_whitespace);
    (gap_clean && w.stem.is_some()).then_some(next)
}

/// Whether two reports say much the same: the echo criterion on their
/// content words.
fn aligned(a: &BTreeSet<String>, b: &BTreeSet<String>) -> bool {
    let shared = a.intersection(b).count();
    let shorter = a.len().min(b.len()).max(1);
    shared >= crate::echoes::MIN_SHARED - 1
        && shared as f32 >= crate::echoes::MIN_SHARE * shorter as f32
}

/// Whether the two differing words stand in one slot: the words beyond
/// them are the same word, both stop words after a shared modifier, or
/// both reports end there ("no chlorine leak from" / "no chlorine release
/// from"). One shared neighbour alone pairs too much that is not one
/// thing ("withhold aid" / "military aid").
fn anchored(wa: &[Word<'_>], i: usize, wb: &[Word<'_>], j: usize, step: isize) -> bool {
    fn beyond<'w, 't>(ws: &'w [Word<'t>], k: usize, step: isize) -> Option<&'w Word<'t>> {
        k.checked_add_signed(step).and_then(|n| ws.get(n))
    }
    match (beyond(wa, i, step), beyond(wb, j, step)) {
        (None, None) => true,
        (Some(x), Some(y)) => {
            x.text.to_lowercase() == y.text.to_lowercase()
                // After a noun phrase each translation may take its own
                // preposition: "official validation to" / "official
                // explanation of".
                || (step > 0 && x.stem.is_none() && y.stem.is_none())
        }
        _ => false,
    }
}

/// Whether two words are forms of one: the same first four letters
/// ("rape", "raped"), the same first three of words of four letters or
/// more ("deny", "denied"), or one letter apart in words of one length
/// ("write", "wrote").
fn inflected(a: &Word<'_>, b: &Word<'_>) -> bool {
    let (x, y): (Vec<char>, Vec<char>) = (
        a.text.to_lowercase().chars().collect(),
        b.text.to_lowercase().chars().collect(),
    );
    let common = x.iter().zip(&y).take_while(|(p, q)| p == q).count();
    let shorter = x.len().min(y.len());
    let apart = x.iter().zip(&y).filter(|(p, q)| p != q).count();
    common >= 4.min(shorter) || (common >= 3 && shorter >= 4) || (x.len() == y.len() && apart == 1)
}

/// Phrases two outlets use for the same thing in their reports of one
/// act or statement: a word both reports hold, next to a word each holds
/// alone ("information war" / "information attacks").
fn wording(fact: &Fact) -> Vec<Wording> {
    if fact.kind == "count" || fact.outlets.len() < 2 {
        return Vec::new();
    }
    let mut out: Vec<Wording> = Vec::new();
    let mut seen: BTreeSet<(String, String, String)> = BTreeSet::new();
    let analysed: Vec<(&FactReport, Vec<Word<'_>>, BTreeSet<String>)> = fact
        .reports
        .iter()
        .map(|r| {
            let ws = report_words(r);
            let set = ws.iter().filter_map(|w| w.stem.clone()).collect();
            (r, ws, set)
        })
        .collect();
    for (x, (ra, wa, sa)) in analysed.iter().enumerate() {
        for (rb, wb, sb) in &analysed[x + 1..] {
            if ra.outlet == rb.outlet || !aligned(sa, sb) {
                continue;
            }
            for (i, w) in wa.iter().enumerate() {
                let Some(s) = w.stem.as_ref().filter(|s| sb.contains(*s)) else {
                    continue;
                };
                // The same word in both ("ballot drive" and "ballots
                // seemed" are different constructions), and not a name:
                // what stands next to a name ("former Vice", "senior
                // Russian") is seldom another word for one thing.
                if w.text.chars().next().is_some_and(char::is_uppercase) {
                    continue;
                }
                let Some(j) = wb
                    .iter()
                    .position(|v| v.text.to_lowercase() == w.text.to_lowercase())
                else {
                    continue;
                };
                for step in [1isize, -1] {
                    let (Some(ni), Some(nj)) =
                        (neighbour(ra, wa, i, step), neighbour(rb, wb, j, step))
                    else {
                        continue;
                    };
                    let own = |n: &Word<'_>, other: &BTreeSet<String>| {
                        // A common word of its own: not a name's piece.
                        n.stem.as_ref().is_some_and(|s| !other.contains(s))
                            && n.text.chars().all(char::is_lowercase)
                    };
                    if !own(&wa[ni], sb)
                        || !own(&wb[nj], sa)
                        || inflected(&wa[ni], &wb[nj])
                        || !anchored(wa, ni, wb, nj, step)
                    {
                        continue;
                    }
                    let (pa, pb) = (phrase(ra, wa, i, ni), phrase(rb, wb, j, nj));
                    let key = (s.clone(), pa.text.to_lowercase(), pb.text.to_lowercase());
                    if !seen.insert(key) || out.len() >= WORDING_PER_FACT {
                        continue;
                    }
                    out.push(Wording {
                        fact: fact.id.clone(),
                        shared: w.text.to_string(),
                        by_outlet: vec![
                            OutletPhrase {
                                outlet: ra.outlet.clone(),
                                phrase: pa,
                            },
                            OutletPhrase {
                                outlet: rb.outlet.clone(),
                                phrase: pb,
                            },
                        ],
                    });
                }
            }
        }
    }
    out
}

/// One outlet's side: whom it quotes, what it carries and leaves out, how
/// it describes the actors others also mention.
fn outlet_view(
    outlet: &str,
    outlets: &[String],
    members: &[&Document],
    facts: &[Fact],
    cast: &Cast,
) -> OutletView {
    let mine: Vec<&Document> = members
        .iter()
        .copied()
        .filter(|d| outlet_of(d) == outlet)
        .collect();
    let documents = mine.iter().map(|d| d.id.clone()).collect();
    let speakers = speakers(outlet, &mine, cast);
    let needed = 2.min(outlets.len() - 1);
    let carries = facts
        .iter()
        .filter(|f| f.outlets.iter().any(|o| o == outlet))
        .map(|f| f.id.clone())
        .collect();
    let leaves_out = facts
        .iter()
        .filter(|f| f.missing_from.iter().any(|o| o == outlet) && f.outlets.len() >= needed)
        .map(|f| f.id.clone())
        .collect();
    // The actors several outlets mention and at least one describes;
    // places are where things happen, not whom outlets characterise.
    let actors = cast
        .actors
        .iter()
        .filter(|a| {
            a.kind != "place"
                && a.outlets.len() >= 2
                && a.outlets.iter().any(|o| !o.descriptors.is_empty())
        })
        .filter_map(|a| {
            let here = a.outlets.iter().find(|o| column(o) == outlet)?;
            Some(ActorDescription {
                actor: a.name.clone(),
                names: here.names.clone(),
                descriptors: here.descriptors.clone(),
            })
        })
        .collect();
    OutletView {
        outlet: outlet.to_string(),
        documents,
        speakers,
        carries,
        leaves_out,
        actors,
    }
}

/// Whom an outlet's documents quote, most attributions first: one entry
/// per actor (or per name, for a speaker no actor holds).
fn speakers(outlet: &str, mine: &[&Document], cast: &Cast) -> Vec<QuotedSpeaker> {
    let mut by_key: BTreeMap<String, QuotedSpeaker> = BTreeMap::new();
    let mut order: Vec<String> = Vec::new();
    for d in mine {
        let mut seen: BTreeSet<&str> = BTreeSet::new();
        for q in &d.quotes {
            let Some(name) = q.speaker.as_ref().and_then(|s| s.name.as_deref()) else {
                continue;
            };
            let key = cast.key(outlet, name);
            let entry = by_key.entry(key.clone()).or_insert_with(|| {
                order.push(key.clone());
                QuotedSpeaker {
                    name: name.to_string(),
                    actor: cast
                        .actor(outlet, name)
                        .map(|i| cast.actors[i].name.clone()),
                    attributions: 0,
                    quotes: Vec::new(),
                }
            });
            if name.chars().count() > entry.name.chars().count() {
                entry.name = name.to_string();
            }
            if seen.insert(q.attribution.as_str()) {
                entry.attributions += 1;
                entry.quotes.push(SpanRef {
                    doc: d.id.clone(),
                    text: q.text.clone(),
                    start: q.start,
                    end: q.end,
                });
            }
        }
    }
    let mut out: Vec<QuotedSpeaker> = order
        .into_iter()
        .filter_map(|k| by_key.remove(&k))
        .collect();
    out.sort_by_key(|q| std::cmp::Reverse(q.attributions));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_model::{Echo, EchoQuote};
    use serde_json::{json, Value};

    /// A document whose text is `text`; quotes, counts and statements are
    /// given by the words of `text` they cover.
    fn doc(id: &str, outlet: &str, text: &str, records: Value) -> Document {
        let span = |w: &str| {
            let at = text.find(w).expect("the words are in the text");
            let start = text[..at].chars().count();
            (start, start + w.chars().count())
        };
        let quotes: Vec<Value> = records["quotes"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|q| {
                let (start, end) = span(q[1].as_str().unwrap());
                json!({"attribution": q[0], "text": q[1], "kind": "direct", "mode": "speech",
                    "confidence": 0.9, "partials": [], "cue": "said", "start": start, "end": end,
                    "speaker": {"name": q[2], "role": null, "affiliation": null,
                        "source_type": "person", "mention": q[2], "start": 0, "end": 0}})
            })
            .collect();
        let counts: Vec<Value> = records["counts"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|c| {
                let (start, end) = span(c[0].as_str().unwrap());
                json!({"value": c[1], "approximate": false, "qualifier": null, "unit": "people",
                    "category": "killed", "text": c[0], "claimed_by": c[2],
                    "start": start, "end": end})
            })
            .collect();
        let d = json!({"id": id, "source": format!("{id}.txt"), "url": null,
            "outlet": {"name": outlet, "evidence": "test"}, "published": null,
            "published_evidence": null, "title": null, "text": text, "paragraphs": [],
            "sentences": [{"start": 0, "end": text.chars().count()}], "removed": [], "quotes": quotes, "entities": [],
            "statements": [], "counts": counts, "dates": [], "warnings": []});
        serde_json::from_value(d).expect("a valid document")
    }

    fn story(docs: &[&Document], echoes: Vec<Echo>) -> Story {
        let mut outlets: Vec<String> = Vec::new();
        for d in docs {
            let o = outlet_of(d);
            if !outlets.contains(&o) {
                outlets.push(o);
            }
        }
        Story {
            id: "s1".into(),
            title: "Quake".into(),
            documents: docs.iter().map(|d| d.id.clone()).collect(),
            outlets,
            grouped_by: vec![],
            near_duplicates: vec![],
            echoes,
            comparison: Comparison::default(),
            links: vec![],
        }
    }

    #[test]
    fn a_count_two_outlets_carry_is_left_out_by_the_third_and_close_values_differ() {
        let g = doc(
            "g1",
            "Gazette",
            "The Varno quake killed 14 people, the Institute said.",
            json!({"counts": [["14 people", 14, "Varno Institute"]]}),
        );
        let h = doc(
            "h1",
            "Herald",
            "The Varno quake left 14 people dead, according to the Institute.",
            json!({"counts": [["14 people", 14, "Varno Institute"]]}),
        );
        let c = doc(
            "c1",
            "Courier",
            "The Varno quake toll stood at 16 people, the Institute said.",
            json!({"counts": [["16 people", 16, "Varno Institute"]]}),
        );
        let docs = [&g, &h, &c];
        let cmp = compare(&story(&docs, vec![]), &docs);
        assert_eq!(cmp.facts.len(), 2, "{cmp:#?}");
        let fourteen = &cmp.facts[0];
        assert_eq!(fourteen.kind, "count");
        assert_eq!(fourteen.outlets, vec!["Gazette", "Herald"]);
        assert_eq!(fourteen.missing_from, vec!["Courier"]);
        let courier = cmp.outlets.iter().find(|o| o.outlet == "Courier").unwrap();
        assert_eq!(courier.leaves_out, vec![fourteen.id.clone()]);
        assert!(courier.carries.contains(&cmp.facts[1].id));
        // Every report points at its words.
        for f in &cmp.facts {
            for r in &f.reports {
                let d = docs.iter().find(|d| d.id == r.doc).unwrap();
                let words: String = d.text.chars().skip(r.start).take(r.end - r.start).collect();
                assert_eq!(words, r.text);
            }
        }
        assert_eq!(cmp.differences.len(), 1, "{:?}", cmp.differences);
        let diff = &cmp.differences[0];
        assert_eq!(diff.kind, "number");
        assert_eq!(diff.about, "killed, by Varno Institute");
        let values: Vec<(&str, &str)> = diff
            .by_outlet
            .iter()
            .map(|v| (v.outlet.as_str(), v.values[0].as_str()))
            .collect();
        assert_eq!(
            values,
            vec![
                ("Gazette", "14 people"),
                ("Herald", "14 people"),
                ("Courier", "16 people")
            ]
        );
    }

    #[test]
    fn far_apart_values_or_an_outlet_giving_both_are_two_counts_not_a_difference() {
        let g = doc(
            "g1",
            "Gazette",
            "The quake killed 14 people and a flood 120 people.",
            json!({"counts": [["14 people", 14, "Varno Institute"], ["120 people", 120, "Varno Institute"]]}),
        );
        let h = doc(
            "h1",
            "Herald",
            "The quake killed 14 people.",
            json!({"counts": [["14 people", 14, "Varno Institute"]]}),
        );
        let c = doc(
            "c1",
            "Courier",
            "A flood killed 120 people.",
            json!({"counts": [["120 people", 120, "Varno Institute"]]}),
        );
        let docs = [&g, &h, &c];
        let cmp = compare(&story(&docs, vec![]), &docs);
        assert!(cmp.differences.is_empty(), "{:?}", cmp.differences);
        let h2 = doc(
            "h2",
            "Herald",
            "The quake killed 400 people.",
            json!({"counts": [["400 people", 400, "Varno Institute"]]}),
        );
        let docs = [&h, &h2, &c];
        assert!(compare(&story(&docs, vec![]), &docs).differences.is_empty());
    }

    #[test]
    fn one_statement_in_two_translations_shows_each_outlets_words() {
        let a = doc(
            "a1",
            "Gazette",
            "“We are ready for the information attacks of our foes,” Varga said.",
            json!({"quotes": [["a1", "We are ready for the information attacks of our foes", "Ana Varga"]]}),
        );
        let b = doc(
            "b1",
            "Herald",
            "Varga said: “We are ready for the information war of our foes.”",
            json!({"quotes": [["a1", "We are ready for the information war of our foes", "Ana Varga"]]}),
        );
        let quote = |d: &Document| EchoQuote {
            doc: d.id.clone(),
            attribution: Some("a1".into()),
            outlet: Some(outlet_of(d)),
            text: d.quotes[0].text.clone(),
            start: d.quotes[0].start,
            end: d.quotes[0].end,
        };
        let echo = Echo {
            speaker: Some("Ana Varga".into()),
            quotes: vec![quote(&a), quote(&b)],
            outlets: vec!["Gazette".into(), "Herald".into()],
            shared: vec![],
        };
        let docs = [&a, &b];
        let cmp = compare(&story(&docs, vec![echo]), &docs);
        assert_eq!(cmp.facts[0].kind, "echo");
        assert!(cmp.facts[0].missing_from.is_empty());
        let phrases: Vec<Vec<(&str, &str)>> = cmp
            .wording
            .iter()
            .map(|w| {
                w.by_outlet
                    .iter()
                    .map(|p| (p.outlet.as_str(), p.phrase.text.as_str()))
                    .collect()
            })
            .collect();
        assert_eq!(
            phrases,
            vec![vec![
                ("Gazette", "information attacks"),
                ("Herald", "information war")
            ]]
        );
        let p = &cmp.wording[0].by_outlet[1].phrase;
        let words: String = b.text.chars().skip(p.start).take(p.end - p.start).collect();
        assert_eq!(words, "information war");
        // Each outlet quotes Varga once.
        for o in &cmp.outlets {
            assert_eq!(o.speakers.len(), 1);
            assert_eq!(
                (o.speakers[0].name.as_str(), o.speakers[0].attributions),
                ("Ana Varga", 1)
            );
        }
    }

    #[test]
    fn one_number_in_unrelated_sentences_is_two_facts() {
        let a = doc(
            "a1",
            "Gazette",
            "New Hampshire saw 10 percent fewer voters in 2016.",
            json!({"counts": [["10 percent", 10, null]]}),
        );
        let b = doc(
            "b1",
            "Herald",
            "Kasich trails with 10 percent in the Florida poll.",
            json!({"counts": [["10 percent", 10, null]]}),
        );
        let c = doc(
            "c1",
            "Courier",
            "Turnout in New Hampshire fell: 10 percent fewer voters came.",
            json!({"counts": [["10 percent", 10, null]]}),
        );
        let docs = [&a, &b, &c];
        let cmp = compare(&story(&docs, vec![]), &docs);
        let outlets: Vec<Vec<&str>> = cmp
            .facts
            .iter()
            .map(|f| f.outlets.iter().map(String::as_str).collect())
            .collect();
        assert_eq!(outlets, vec![vec!["Gazette", "Courier"], vec!["Herald"]]);
    }

    #[test]
    fn a_story_of_one_outlet_has_nothing_to_compare() {
        let a = doc(
            "a1",
            "Gazette",
            "The quake killed 14 people.",
            json!({"counts": [["14 people", 14, null]]}),
        );
        let b = doc(
            "a2",
            "Gazette",
            "The quake killed 14 people.",
            json!({"counts": [["14 people", 14, null]]}),
        );
        let docs = [&a, &b];
        assert_eq!(compare(&story(&docs, vec![]), &docs), Comparison::default());
    }

    #[test]
    fn pieces_of_one_attribution_count_once_and_inflections_are_not_other_words() {
        let a = doc(
            "a1",
            "Gazette",
            "“We rebuild,” Varga said. “We stay.”",
            json!({"quotes": [["a1", "We rebuild", "Ana Varga"], ["a1", "We stay", "Ana Varga"], ["a2", "We stay", "Ana Varga"]]}),
        );
        let cast = Cast::new(&[&a]);
        let s = speakers("Gazette", &[&a], &cast);
        assert_eq!(s[0].attributions, 2);
        let w = |t: &'static str| Word {
            text: t,
            stem: stem(t),
            start: 0,
            end: 0,
        };
        assert!(inflected(&w("rape"), &w("raped")));
        assert!(inflected(&w("deny"), &w("denied")));
        assert!(inflected(&w("write"), &w("wrote")));
        assert!(!inflected(&w("leak"), &w("release")));
        assert!(!inflected(&w("rates"), &w("hikes")));
        assert!(!inflected(&w("probe"), &w("investigation")));
    }
}
