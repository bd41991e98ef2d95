//! From a cleaned article to a document record: segmentation with character
//! offsets, then the annotators.

use std::ops::Range;

use parallax_clean::CleanArticle;
use parallax_extract::quotes::QuoteFinding;
use parallax_model::{
    CharOffsets, Count, DateMention, Descriptor, Document, Entity, Quote, Span, Speaker,
};

/// The speaker of the narrowest quotation holding `r`: who the article says
/// gives a number it reports.
fn claimed_by(quotes: &[QuoteFinding], r: &Range<usize>) -> Option<String> {
    quotes
        .iter()
        .filter(|q| q.range.start <= r.start && r.end <= q.range.end)
        .min_by_key(|q| q.range.len())
        .and_then(|q| q.speaker.as_ref())
        .map(|s| s.name.clone())
}

/// Which annotators run. All of them by default; switching some off makes
/// a run faster when only part of the record is wanted (their fields stay
/// empty), and lets a benchmark measure one annotator's cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Annotators {
    pub quotes: bool,
    pub counts: bool,
    pub dates: bool,
    pub entities: bool,
}

impl Default for Annotators {
    fn default() -> Self {
        Annotators {
            quotes: true,
            counts: true,
            dates: true,
            entities: true,
        }
    }
}

impl Annotators {
    /// Read a comma-separated list ("quotes,dates"), or "all" or "none".
    pub fn parse(list: &str) -> Result<Annotators, String> {
        let mut out = Annotators {
            quotes: false,
            counts: false,
            dates: false,
            entities: false,
        };
        for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            match name {
                "all" => out = Annotators::default(),
                "none" => {}
                "quotes" => out.quotes = true,
                "counts" => out.counts = true,
                "dates" => out.dates = true,
                "entities" => out.entities = true,
                other => {
                    return Err(format!(
                        "unknown annotator `{other}` (expected quotes, counts, dates, entities, all or none)"
                    ))
                }
            }
        }
        Ok(out)
    }
}

/// What `find` finds when its annotator runs; nothing otherwise.
fn when<T>(on: bool, find: impl FnOnce() -> Vec<T>) -> Vec<T> {
    if on {
        find()
    } else {
        Vec::new()
    }
}

/// Build the document record of one cleaned article.
pub fn annotate(a: CleanArticle) -> Document {
    annotate_with(a, Annotators::default())
}

/// [`annotate`] with only the chosen annotators.
pub fn annotate_with(a: CleanArticle, run: Annotators) -> Document {
    let seg = parallax_text::segment(&a.text);
    let offsets = CharOffsets::new(&a.text);
    let span = |r: &Range<usize>| Span::new(offsets.char_of(r.start), offsets.char_of(r.end));
    let slice = |r: &Range<usize>| a.text.get(r.clone()).unwrap_or_default().to_string();
    let published = a.published.as_deref().and_then(parallax_clean::parse_date);
    let found = when(run.quotes, || {
        parallax_extract::quotes::find_quotes(&a.text, &seg)
    });
    let counts = when(run.counts, || {
        parallax_extract::counts::find_counts(&a.text)
    })
    .into_iter()
    .map(|c| {
        let r = c.start..c.end;
        Count {
            value: c.value,
            qualifier: c.qualifier,
            unit: c.unit,
            category: c.category,
            text: slice(&r),
            claimed_by: claimed_by(&found, &r),
            start: offsets.char_of(r.start),
            end: offsets.char_of(r.end),
        }
    })
    .collect();
    let dates = when(run.dates, || {
        parallax_extract::dates::find_dates(&a.text, published)
    })
    .into_iter()
    .map(|d| {
        let r = d.start..d.end;
        DateMention {
            text: slice(&r),
            value: d.value.map(|v| v.format("%Y-%m-%d").to_string()),
            until: d.until.map(|v| v.format("%Y-%m-%d").to_string()),
            start: offsets.char_of(r.start),
            end: offsets.char_of(r.end),
        }
    })
    .collect();
    let entities = when(run.entities, || {
        parallax_extract::entities::find_entities(&a.text, &seg)
    })
    .into_iter()
    .enumerate()
    .map(|(i, e)| Entity {
        id: format!("e{}", i + 1),
        name: e.name,
        kind: e.kind,
        aliases: e.aliases,
        descriptors: e
            .descriptors
            .into_iter()
            .map(|d| Descriptor {
                text: d.text,
                polarity: d.polarity,
            })
            .collect(),
    })
    .collect();
    let quotes = found
        .into_iter()
        .map(|q| Quote {
            text: slice(&q.range),
            kind: q.kind,
            cue: q.cue.as_ref().map(slice),
            speaker: q.speaker.map(|s| Speaker {
                mention: slice(&s.mention),
                start: offsets.char_of(s.mention.start),
                end: offsets.char_of(s.mention.end),
                name: s.name,
                role: s.role,
            }),
            start: offsets.char_of(q.range.start),
            end: offsets.char_of(q.range.end),
        })
        .collect();
    Document {
        paragraphs: seg.paragraphs.iter().map(span).collect(),
        sentences: seg.sentences.iter().map(|s| span(&s.range)).collect(),
        id: a.id,
        source: a.source,
        url: a.url,
        outlet: a.outlet,
        published: a.published,
        published_evidence: a.published_evidence,
        title: a.title,
        text: a.text,
        removed: a.removed,
        quotes,
        entities,
        statements: Vec::new(),
        counts,
        dates,
        warnings: a.warnings,
    }
}

#[cfg(test)]
mod tests {
    use super::Annotators;

    #[test]
    fn annotator_lists_parse_and_unknown_names_are_refused() {
        let only = Annotators::parse("quotes, dates").unwrap();
        assert!(only.quotes && only.dates && !only.counts && !only.entities);
        assert_eq!(Annotators::parse("all").unwrap(), Annotators::default());
        assert!(!Annotators::parse("none").unwrap().quotes);
        let err = Annotators::parse("quotes,sentiment").unwrap_err();
        assert!(err.contains("sentiment"), "{err}");
    }
}
