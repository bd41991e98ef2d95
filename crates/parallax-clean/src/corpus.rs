//! What only a corpus reveals about its documents.
//!
//! Lines that recur across documents of one outlet are that outlet's
//! furniture (promotions, standard footers, sign-offs), whatever they say; a
//! document that shares such furniture, or embeds posts from a handle an
//! outlet's pages declare as their own, is that outlet's; a dateline without
//! a year takes the year that puts it nearest the outlet's other documents.

use std::collections::{HashMap, HashSet};

use chrono::{Datelike, NaiveDate};
use parallax_model::Outlet;

use crate::draft::Draft;

#[derive(Debug, Clone, Copy)]
pub struct CorpusConfig {
    /// A line is furniture once this many distinct documents of one outlet carry it.
    pub min_documents: u32,
    /// Shorter lines are left to the line rules.
    pub min_chars: usize,
    /// The table is pruned of lines seen once when it grows past this.
    pub max_entries: usize,
    /// Never take more than this share of a document's text: a document made
    /// mostly of lines its outlet repeats is a duplicate, not furniture.
    pub max_share: f64,
}

impl Default for CorpusConfig {
    fn default() -> Self {
        CorpusConfig {
            min_documents: 3,
            min_chars: 20,
            max_entries: 2_000_000,
            max_share: 0.5,
        }
    }
}

/// Which outlets' documents carry a line, and how many of them.
#[derive(Debug, Default, Clone)]
struct LineStat {
    /// Documents per outlet (by [`CorpusCleaner::outlet_ids`] number); few
    /// outlets share a line, so a small vector.
    outlets: Vec<(u32, u32)>,
}

/// Corpus-level memory (lines, handles, dates), fed batch by batch.
///
/// Each batch is first learned from as a whole and then cleaned, so documents
/// early in a batch benefit from lines that recur later in it; later
/// batches also see everything learned before them.
#[derive(Debug, Default)]
pub struct CorpusCleaner {
    cfg: CorpusConfig,
    lines: HashMap<u64, LineStat>,
    documents: HashSet<u64>,
    /// Outlet names by number, so the line table holds numbers, not strings.
    outlet_ids: HashMap<String, u32>,
    outlet_names: Vec<String>,
    /// Social handles that an outlet's own pages declare, lower-cased.
    handles: HashMap<String, String>,
    /// Publication dates seen per outlet (bounded sample), for datelines without a year.
    dates: HashMap<String, Vec<NaiveDate>>,
    /// Publication dates of the whole corpus (bounded sample).
    all_dates: Vec<NaiveDate>,
}

/// Dates kept per outlet and for the corpus: enough to place a year.
const DATE_SAMPLE: usize = 256;

/// A multiplicative hash over characters (the rustc "Fx" scheme): fast,
/// allocation-free and the same on every run. These keys never leave the
/// process, so resistance to crafted collisions does not matter.
#[derive(Clone, Copy)]
struct FxHash(u64);

impl FxHash {
    fn new() -> Self {
        FxHash(0)
    }
    fn push(&mut self, x: u32) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(x)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

/// A line's identity: case and runs of whitespace do not matter.
fn line_key(text: &str) -> u64 {
    let mut h = FxHash::new();
    let mut space = false;
    for c in text.trim().chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space {
            h.push(u32::from(' '));
            space = false;
        }
        if c.is_ascii() {
            h.push(u32::from(c.to_ascii_lowercase()));
        } else {
            for l in c.to_lowercase() {
                h.push(u32::from(l));
            }
        }
    }
    h.0
}

fn outlet_name(d: &Draft) -> Option<&str> {
    d.outlet.as_ref().map(|o| o.name.as_str())
}

impl CorpusCleaner {
    pub fn new(cfg: CorpusConfig) -> Self {
        CorpusCleaner {
            cfg,
            ..Default::default()
        }
    }

    fn candidate_keys(&self, d: &Draft) -> HashSet<u64> {
        d.lines
            .iter()
            .filter(|l| l.is_kept() && l.text.chars().count() >= self.cfg.min_chars)
            .map(|l| line_key(&l.text))
            .collect()
    }

    /// Clean one batch at corpus level: learn from the documents whose
    /// outlet is known, recognise the others by their handles and by the
    /// furniture they share, then remove repeated lines and date datelines.
    pub fn process(&mut self, drafts: &mut [Draft]) {
        for d in drafts.iter() {
            self.learn(d);
        }
        for d in drafts.iter_mut().filter(|d| d.outlet.is_none()) {
            if self.outlet_from_handle(d) {
                self.learn(d);
            }
        }
        for d in drafts.iter_mut().filter(|d| d.outlet.is_none()) {
            if self.outlet_from_shared_line(d) {
                self.learn(d);
            }
        }
        for d in drafts.iter_mut() {
            self.remove_repeated(d);
            if d.published.is_none() {
                self.dateline_year(d);
            }
        }
        if self.lines.len() > self.cfg.max_entries {
            self.lines
                .retain(|_, s| s.outlets.iter().map(|(_, n)| n).sum::<u32>() > 1);
        }
        if self.documents.len() > self.cfg.max_entries {
            self.documents.clear();
        }
    }

    /// Count the lines, handle and date of a document whose outlet is known.
    fn learn(&mut self, d: &Draft) {
        if let Some(date) = d.published {
            if self.all_dates.len() < DATE_SAMPLE {
                self.all_dates.push(date);
            }
        }
        let Some(outlet) = outlet_name(d) else { return };
        if let Some(h) = &d.page_handle {
            self.handles
                .entry(h.trim_start_matches('@').to_lowercase())
                .or_insert_with(|| outlet.to_string());
        }
        if let Some(date) = d.published {
            let v = self.dates.entry(outlet.to_string()).or_default();
            if v.len() < DATE_SAMPLE {
                v.push(date);
            }
        }
        let mut whole = FxHash::new();
        for l in &d.lines {
            let k = line_key(&l.text);
            whole.push(k as u32);
            whole.push((k >> 32) as u32);
        }
        // The same article twice (syndication, re-crawls) is not evidence.
        if !self.documents.insert(whole.0) {
            return;
        }
        let id = match self.outlet_ids.get(outlet) {
            Some(&id) => id,
            None => {
                let id = u32::try_from(self.outlet_names.len()).unwrap_or(u32::MAX);
                self.outlet_ids.insert(outlet.to_string(), id);
                self.outlet_names.push(outlet.to_string());
                id
            }
        };
        for key in self.candidate_keys(d) {
            let stat = self.lines.entry(key).or_default();
            match stat.outlets.iter_mut().find(|(o, _)| *o == id) {
                Some((_, n)) => *n += 1,
                None => stat.outlets.push((id, 1)),
            }
        }
    }

    fn outlet_from_handle(&self, d: &mut Draft) -> bool {
        let found = d.embed_handles.iter().find_map(|h| {
            let outlet = self.handles.get(&h.to_lowercase())?;
            Some((h.clone(), outlet.clone()))
        });
        let Some((handle, outlet)) = found else {
            return false;
        };
        d.outlet = Some(Outlet {
            evidence: format!(
                "embeds a post from @{handle}, the handle {outlet}'s pages declare as their own"
            ),
            name: outlet,
        });
        true
    }

    fn dateline_year(&self, d: &mut Draft) {
        let Some((month, day, text)) = d.dateline_date.clone() else {
            return;
        };
        let (pool, whose) = match d
            .outlet
            .as_ref()
            .and_then(|o| self.dates.get(&o.name).map(|v| (v, o.name.clone())))
        {
            Some((v, name)) if !v.is_empty() => {
                (v.as_slice(), format!("other documents of {name}"))
            }
            _ => (
                self.all_dates.as_slice(),
                "the corpus's dated documents".to_string(),
            ),
        };
        // The year whose date lies nearest the median of the known dates.
        let mut known: Vec<NaiveDate> = pool.to_vec();
        known.sort();
        let Some(mid) = known.get(known.len() / 2).copied() else {
            return;
        };
        let best = [mid.year() - 1, mid.year(), mid.year() + 1]
            .into_iter()
            .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
            .min_by_key(|c| (*c - mid).num_days().abs());
        if let Some(date) = best {
            d.published = Some(date);
            d.published_evidence = Some(format!(
                "dateline '{text}', year from {whose} (median {mid})"
            ));
        }
    }

    fn outlet_from_shared_line(&self, d: &mut Draft) -> bool {
        let needed = self.cfg.min_documents.saturating_sub(1).max(1);
        for l in d.lines.iter().filter(|l| l.is_kept()) {
            if l.text.chars().count() < self.cfg.min_chars {
                continue;
            }
            let Some(stat) = self.lines.get(&line_key(&l.text)) else {
                continue;
            };
            if let [(id, n)] = stat.outlets.as_slice() {
                let Some(outlet) = self.outlet_names.get(*id as usize) else {
                    continue;
                };
                if *n >= needed {
                    d.outlet = Some(Outlet {
                        name: outlet.clone(),
                        evidence: format!(
                            "shares the line '{}' with {n} documents of {outlet}",
                            excerpt(&l.text)
                        ),
                    });
                    return true;
                }
            }
        }
        false
    }

    fn remove_repeated(&self, d: &mut Draft) {
        let Some(outlet) = d.outlet.as_ref().map(|o| o.name.clone()) else {
            return;
        };
        let Some(&id) = self.outlet_ids.get(&outlet) else {
            return;
        };
        let total: usize = d
            .lines
            .iter()
            .filter(|l| l.is_kept())
            .map(|l| l.text.len())
            .sum();
        let mut hits = Vec::new();
        for (i, l) in d.lines.iter().enumerate() {
            if !l.is_kept() || l.text.chars().count() < self.cfg.min_chars {
                continue;
            }
            let n = self
                .lines
                .get(&line_key(&l.text))
                .and_then(|s| s.outlets.iter().find(|(o, _)| *o == id))
                .map(|(_, n)| *n)
                .unwrap_or(0);
            if n >= self.cfg.min_documents {
                hits.push((i, n));
            }
        }
        let share: usize = hits
            .iter()
            .filter_map(|(i, _)| d.lines.get(*i))
            .map(|l| l.text.len())
            .sum();
        if hits.is_empty() {
            return;
        }
        if share as f64 > self.cfg.max_share * total as f64 {
            d.warnings.push(format!(
                "{} line(s) repeated in other documents of {outlet} were kept: they make up most of the text",
                hits.len()
            ));
            return;
        }
        for (i, n) in hits {
            if let Some(l) = d.lines.get_mut(i) {
                l.removal = Some((
                    "repeated-line",
                    format!("the same line appears in {n} documents of {outlet}"),
                ));
            }
        }
    }
}

fn excerpt(s: &str) -> String {
    let mut out: String = s.chars().take(80).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    out
}
