//! From a cleaned article to a document record: segmentation with character
//! offsets, then the annotators.

use parallax_clean::CleanArticle;
use parallax_model::{CharOffsets, Document, Quote, Span, Speaker};

/// Build the document record of one cleaned article.
pub fn annotate(a: CleanArticle) -> Document {
    let seg = parallax_text::segment(&a.text);
    let offsets = CharOffsets::new(&a.text);
    let span =
        |r: &std::ops::Range<usize>| Span::new(offsets.char_of(r.start), offsets.char_of(r.end));
    let slice = |r: &std::ops::Range<usize>| a.text.get(r.clone()).unwrap_or_default().to_string();
    let quotes = parallax_extract::quotes::find_quotes(&a.text, &seg)
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
        entities: Vec::new(),
        statements: Vec::new(),
        counts: Vec::new(),
        dates: Vec::new(),
        warnings: a.warnings,
    }
}
