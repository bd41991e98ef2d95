//! Cleaning one article: lines judged, headline and dateline found, outlet
//! and date inferred.

use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};
use parallax_model::{InputOffsets, Origin, Outlet, RawArticle, Removed};
use parallax_text::Verbatim;
use regex::Regex;

use crate::dates::{full_dates, month_number, parse_date};
use crate::outlets::OutletSignatures;
use crate::rules::{bare, BoilerplateRules};
use crate::CleanError;

/// One line of an article while it is being cleaned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// The line, trimmed, as it stands in the normalised text.
    pub text: String,
    /// Where `text` starts in the normalised text, in bytes and characters:
    /// how offsets lead back to the input.
    pub at: usize,
    pub at_char: usize,
    /// Reason code and detail when the whole line is boilerplate.
    pub removal: Option<(&'static str, String)>,
    /// The headline, moved to `title` rather than removed.
    pub is_title: bool,
    /// Bytes at the start of the line taken out as a dateline.
    pub dateline: Option<usize>,
}

impl Line {
    pub fn is_kept(&self) -> bool {
        self.removal.is_none() && !self.is_title
    }
}

/// An article between per-document cleaning and corpus-level cleaning.
#[derive(Debug, Clone)]
pub struct Draft {
    pub id: String,
    pub origin: Origin,
    pub url: Option<String>,
    pub title: Option<String>,
    pub outlet: Option<Outlet>,
    pub published: Option<NaiveDate>,
    pub published_evidence: Option<String>,
    pub lines: Vec<Line>,
    /// The social handle the page declares as its own (HTML metadata).
    pub page_handle: Option<String>,
    /// Handles of the posts embedded in the article.
    pub embed_handles: Vec<String>,
    /// Month, day and text of a dateline, when it gave no year.
    pub dateline_date: Option<(u32, u32, String)>,
    /// Pieces the reader left out before cleaning (HTML captions and such).
    pub discarded: Vec<(String, &'static str, String)>,
    pub warnings: Vec<String>,
    /// The stretches of the normalised text that the input text holds as
    /// written (the lines point into the normalised text).
    pub verbatim: Vec<Verbatim>,
}

/// A cleaned article: the text all later offsets point into.
#[derive(Debug, Clone, PartialEq)]
pub struct CleanArticle {
    pub id: String,
    pub source: String,
    pub url: Option<String>,
    pub outlet: Option<Outlet>,
    pub published: Option<String>,
    pub published_evidence: Option<String>,
    pub title: Option<String>,
    pub text: String,
    /// Where `text` stands in the input text (the text the cleaner was
    /// given), for offsets into the input.
    pub input: InputOffsets,
    pub removed: Vec<Removed>,
    pub warnings: Vec<String>,
}

/// The per-document cleaner: compiled rules and signatures, shared by threads.
#[derive(Debug)]
pub struct Cleaner {
    rules: BoilerplateRules,
    outlets: OutletSignatures,
}

fn embed_signature() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"^[—–-]{1,2}\s*(?P<name>[^()\n]{1,80}?)\s*\(@(?P<handle>\w{1,30})\)\s+(?P<date>[A-Z][a-z]+\.? \d{1,2}, \d{4})\s*$",
        )
        .expect("constant pattern")
    })
}

/// A first line that reads like a headline: short, no closing full stop,
/// not a quotation or a list item.
fn looks_like_headline(line: &str) -> bool {
    let t = line.trim();
    let words = t.split_whitespace().count();
    (2..=30).contains(&words)
        && t.chars().count() <= 220
        && !t.ends_with(['.', ',', ';', ':', '"', '”', '’'])
        && t.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric())
}

/// "Velm News Agency" → "VNA".
fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect()
}

fn same_words(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
    };
    norm(a) == norm(b)
}

impl Cleaner {
    /// Compile the shipped rules. Fails only when the data files are broken.
    pub fn new() -> Result<Self, CleanError> {
        Ok(Cleaner {
            rules: BoilerplateRules::load()?,
            outlets: OutletSignatures::load()?,
        })
    }

    /// Clean one article as far as it can be cleaned alone.
    pub fn clean(&self, raw: RawArticle) -> Draft {
        let (text, verbatim) = parallax_text::normalise_verbatim(&raw.text);
        let mut lines: Vec<Line> = Vec::new();
        let (mut at, mut at_char) = (0, 0);
        for l in text.split('\n') {
            let rest = l.trim_start();
            let lead = l.len() - rest.len();
            let kept = rest.trim_end();
            if !kept.is_empty() {
                lines.push(Line {
                    text: kept.to_string(),
                    at: at + lead,
                    at_char: at_char + l.get(..lead).map_or(0, |s| s.chars().count()),
                    removal: None,
                    is_title: false,
                    dateline: None,
                });
            }
            at += l.len() + 1;
            at_char += l.chars().count() + 1;
        }
        for line in &mut lines {
            if let Some(v) = self.rules.judge(&line.text) {
                line.removal = Some((v.reason, v.detail));
            }
        }
        // The text of an embedded post stands on the line before its signature.
        for i in 1..lines.len() {
            let signed = embed_signature().is_match(&lines[i].text);
            let prev = &mut lines[i - 1];
            if signed && prev.removal.is_none() && prev.text.chars().count() <= 400 {
                prev.removal = Some((
                    "social-embed",
                    "text of the embedded post signed on the next line".to_string(),
                ));
            }
        }
        let mut title = raw.title.clone();
        if let Some(first) = lines.iter_mut().find(|l| l.removal.is_none()) {
            match &title {
                Some(t) if same_words(t, &first.text) => first.is_title = true,
                None if looks_like_headline(&first.text) => {
                    title = Some(first.text.clone());
                    first.is_title = true;
                }
                _ => {}
            }
        }
        let mut draft = Draft {
            id: raw.id,
            origin: raw.origin,
            url: raw.url,
            title,
            outlet: None,
            published: None,
            published_evidence: None,
            page_handle: raw.page.handle.clone(),
            embed_handles: Vec::new(),
            dateline_date: None,
            lines,
            discarded: raw
                .discarded
                .into_iter()
                .map(|d| (d.text, d.reason, d.detail))
                .collect(),
            warnings: raw.warnings,
            verbatim,
        };
        draft.embed_handles = draft
            .lines
            .iter()
            .filter_map(|l| {
                Some(
                    embed_signature()
                        .captures(&l.text)?
                        .name("handle")?
                        .as_str()
                        .to_string(),
                )
            })
            .collect();
        let dateline = self.find_dateline(&mut draft);
        self.infer_outlet(
            &mut draft,
            &raw.outlet,
            raw.page.site_name.as_deref(),
            &dateline,
        );
        infer_published(
            &mut draft,
            &raw.published,
            raw.page.published.as_deref(),
            dateline.as_ref().and_then(|d| d.month_day.clone()),
        );
        draft
    }

    /// A dateline opens one of the first kept lines: "CITY, Month D. /TAG/."
    fn find_dateline(&self, draft: &mut Draft) -> Option<crate::outlets::LineSignature> {
        for line in draft.lines.iter_mut().filter(|l| l.is_kept()).take(3) {
            if let Some(sig) = self.outlets.scan_line(&line.text) {
                // "CITY, Month D. /TAG/." and "CITY (TAG) —" open the text.
                if sig.month_day.is_some() || sig.matched.ends_with(['—', '–', '-']) {
                    let cut = line
                        .text
                        .find(sig.matched.as_str())
                        .map(|at| at + sig.matched.len());
                    line.dateline = cut.filter(|&c| c < line.text.len());
                    return Some(sig);
                }
            }
        }
        None
    }

    /// The outlet named by the article's own lines. When several lines name
    /// it, the fullest name wins ("Meridian" and "Meridian World Service").
    fn text_signature(
        &self,
        draft: &Draft,
    ) -> Option<(crate::outlets::LineSignature, Option<&'static str>)> {
        let mut found = draft.lines.iter().filter_map(|l| {
            self.outlets
                .scan_line(&l.text)
                .map(|s| (s, l.removal.as_ref().map(|r| r.0)))
        });
        let mut best = found.next()?;
        for c in found {
            if c.0.outlet.len() > best.0.outlet.len() && c.0.outlet.starts_with(&best.0.outlet) {
                best = c;
            }
        }
        Some(best)
    }

    fn infer_outlet(
        &self,
        draft: &mut Draft,
        given: &Option<(String, String)>,
        site_name: Option<&str>,
        dateline: &Option<crate::outlets::LineSignature>,
    ) {
        let set = |name: String, evidence: String| Some(Outlet { name, evidence });
        let host = draft.url.as_deref().and_then(|u| self.outlets.by_url(u));
        draft.outlet = if let Some((name, field)) = given {
            set(
                self.outlets.canonical(name),
                format!("given in input field '{field}'"),
            )
        } else if let Some((h, Some(o))) = &host {
            set(o.to_string(), format!("URL host '{h}'"))
        } else if let Some(site) = site_name.filter(|s| !s.trim().is_empty()) {
            set(
                self.outlets.canonical(site),
                format!("page metadata names the site '{}'", site.trim()),
            )
        } else if let Some(d) = dateline {
            // An agency's tag is often the initials of the name its notices
            // spell out ("/VNA/" and "Velm News Agency"): prefer the full name.
            let spelled = draft.lines.iter().find_map(|l| {
                let sig = self.outlets.scan_line(&l.text)?;
                let reason = l.removal.as_ref().map_or("text", |r| r.0);
                (sig.outlet != d.outlet && initials(&sig.outlet).eq_ignore_ascii_case(&d.outlet))
                    .then_some((sig, reason))
            });
            match spelled {
                Some((full, reason)) => set(
                    full.outlet.clone(),
                    format!(
                        "dateline '{}' and {reason} line '{}'",
                        d.matched, full.matched
                    ),
                ),
                _ => set(d.outlet.clone(), format!("dateline '{}'", d.matched)),
            }
        } else if let Some((sig, reason)) = self.text_signature(draft) {
            let place = match reason {
                Some(r) => format!("{r} line"),
                None => "self-reference".to_string(),
            };
            set(sig.outlet, format!("{place} '{}'", sig.matched))
        } else if let Some((handle, outlet)) = draft.lines.iter().find_map(|l| {
            let caps = embed_signature().captures(&l.text)?;
            let handle = caps.name("handle")?.as_str();
            Some((handle.to_string(), self.outlets.by_handle(handle)?))
        }) {
            set(
                outlet.to_string(),
                format!("the outlet's own handle '@{handle}' in an embedded post"),
            )
        } else if let Some((h, None)) = host {
            set(h.clone(), format!("URL host '{h}' (no signature names it)"))
        } else {
            None
        };
    }
}

fn infer_published(
    draft: &mut Draft,
    given: &Option<(String, String)>,
    page: Option<&str>,
    dateline: Option<(String, String)>,
) {
    let mut found = |date: NaiveDate, evidence: String| {
        draft.published = Some(date);
        draft.published_evidence = Some(evidence);
    };
    if let Some((value, field)) = given {
        match parse_date(value) {
            Some(d) => return found(d, format!("given in input field '{field}'")),
            None => draft.warnings.push(format!(
                "field '{field}' holds '{value}', which is not a date Parallax reads"
            )),
        }
    }
    if let Some(d) = page.and_then(parse_date) {
        return found(d, format!("page metadata '{}'", page.unwrap_or_default()));
    }
    // A line that states the date of publication, or holds nothing but a date.
    for line in &draft.lines {
        let is_byline = line.removal.as_ref().is_some_and(|r| r.0 == "byline");
        let dates = full_dates(&line.text);
        let only_date = dates
            .first()
            .is_some_and(|(_, r)| bare(&line.text).len() <= r.len() + 4);
        if is_byline || only_date {
            if let Some((d, r)) = dates.first() {
                let text = line.text.get(r.clone()).unwrap_or_default();
                return found(*d, format!("date line '{text}'"));
            }
        }
    }
    let all_text: Vec<&str> = draft.lines.iter().map(|l| l.text.as_str()).collect();
    let mentioned: Vec<(NaiveDate, String)> = all_text
        .iter()
        .flat_map(|t| {
            full_dates(t)
                .into_iter()
                .map(|(d, r)| (d, t.get(r).unwrap_or_default().to_string()))
        })
        .collect();
    let embeds: Vec<(NaiveDate, String)> = all_text
        .iter()
        .filter_map(|t| {
            let caps = embed_signature().captures(t)?;
            let text = caps.name("date")?.as_str();
            Some((parse_date(text)?, text.to_string()))
        })
        .collect();
    if let Some((month, day)) = dateline {
        if let (Some(m), Ok(dd)) = (month_number(&month), day.parse::<u32>()) {
            draft.dateline_date = Some((m, dd, format!("{month} {day}")));
        }
        let latest = mentioned.iter().max_by_key(|(d, _)| *d);
        let date = latest.and_then(|(l, text)| {
            let m = month_number(&month)?;
            let d: u32 = day.parse().ok()?;
            let same_year = NaiveDate::from_ymd_opt(l.year(), m, d)?;
            let date = if same_year < *l {
                NaiveDate::from_ymd_opt(l.year() + 1, m, d)?
            } else {
                same_year
            };
            Some((date, text))
        });
        if let Some((date, text)) = date {
            return found(
                date,
                format!(
                    "dateline '{month} {day}', year from the latest date in the text, '{text}'"
                ),
            );
        }
    }
    if let Some((d, text)) = embeds.iter().max_by_key(|(d, _)| *d) {
        found(*d, format!("embedded post dated '{text}'"));
    }
}

/// Record where `piece`, which starts at `at` (bytes, characters) in the
/// normalised text and at character `clean` in the clean text, stands in
/// the input: the parts of it inside verbatim stretches.
fn map_piece(
    verbatim: &[Verbatim],
    input: &mut InputOffsets,
    at: (usize, usize),
    piece: &str,
    clean: usize,
) {
    let (start, start_char) = at;
    let end = start + piece.len();
    let first = verbatim.partition_point(|r| r.normalised + r.len <= start);
    for r in verbatim.get(first..).unwrap_or_default() {
        if r.normalised >= end {
            break;
        }
        let from = r.normalised.max(start);
        let to = (r.normalised + r.len).min(end);
        let from_char = if from == start {
            start_char
        } else {
            r.normalised_char
        };
        let len = piece
            .get(from - start..to - start)
            .map_or(0, |s| s.chars().count());
        input.push(
            clean + from_char.saturating_sub(start_char),
            r.raw_char + from_char.saturating_sub(r.normalised_char),
            len,
        );
    }
}

impl Draft {
    /// Fix the text: kept lines joined by line breaks, every removed piece
    /// listed with the character offset where it stood.
    pub fn finish(self) -> CleanArticle {
        let mut text = String::new();
        let mut chars = 0usize;
        let mut input = InputOffsets::default();
        // Where the last kept piece ended in the normalised text (bytes,
        // characters).
        let mut last_end: Option<(usize, usize)> = None;
        let mut removed: Vec<Removed> = self
            .discarded
            .into_iter()
            .map(|(t, reason, detail)| Removed {
                text: t,
                reason: reason.to_string(),
                detail,
                at: 0,
            })
            .collect();
        for line in self.lines {
            if line.is_title {
                continue;
            }
            if let Some((reason, detail)) = line.removal {
                removed.push(Removed {
                    text: line.text,
                    reason: reason.to_string(),
                    detail,
                    at: chars,
                });
                continue;
            }
            let mut body = line.text.as_str();
            if let Some(cut) = line.dateline {
                let (head, tail) = line.text.split_at(cut.min(line.text.len()));
                removed.push(Removed {
                    text: head.trim().to_string(),
                    reason: "dateline".to_string(),
                    detail: "dateline: outlet and date are read from it".to_string(),
                    at: chars,
                });
                body = tail.trim_start();
            }
            if body.is_empty() {
                continue;
            }
            let skipped = line.text.len() - body.len();
            let start = line.at + skipped;
            let start_char =
                line.at_char + line.text.get(..skipped).map_or(0, |s| s.chars().count());
            if !text.is_empty() {
                // The line break joining two pieces is the input's own when
                // only that one break stood between them.
                if let Some((end, end_char)) = last_end.filter(|&(e, _)| e + 1 == start) {
                    map_piece(&self.verbatim, &mut input, (end, end_char), "\n", chars);
                }
                text.push('\n');
                chars += 1;
            }
            map_piece(&self.verbatim, &mut input, (start, start_char), body, chars);
            text.push_str(body);
            let body_chars = body.chars().count();
            chars += body_chars;
            last_end = Some((start + body.len(), start_char + body_chars));
        }
        let mut warnings = self.warnings;
        if text.is_empty() {
            warnings.push("no text remains once boilerplate is removed".to_string());
        }
        CleanArticle {
            id: self.id,
            source: self.origin.to_string(),
            url: self.url,
            outlet: self.outlet,
            published: self.published.map(|d| d.format("%Y-%m-%d").to_string()),
            published_evidence: self.published_evidence,
            title: self.title,
            text,
            input,
            removed,
            warnings,
        }
    }
}
