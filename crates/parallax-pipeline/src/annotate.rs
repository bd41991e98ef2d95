//! From a cleaned article to a document record: segmentation with character
//! offsets, then the annotators.

use parallax_clean::CleanArticle;
use parallax_model::{CharOffsets, Document, Span};

/// Build the document record of one cleaned article.
pub fn annotate(a: CleanArticle) -> Document {
    let seg = parallax_text::segment(&a.text);
    let offsets = CharOffsets::new(&a.text);
    let span =
        |r: &std::ops::Range<usize>| Span::new(offsets.char_of(r.start), offsets.char_of(r.end));
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
        quotes: Vec::new(),
        entities: Vec::new(),
        statements: Vec::new(),
        counts: Vec::new(),
        dates: Vec::new(),
        warnings: a.warnings,
    }
}
