//! From a cleaned article to a document record: segmentation with character
//! offsets, then the annotators.

use std::ops::Range;

use parallax_clean::CleanArticle;
use parallax_extract::{Analysed, Annotators, QuoteFinding};
use parallax_model::{
    ActCue, Answer, CharOffsets, Count, CountShare, DateMention, Descriptor, Document, Entity,
    Hedge, InputOffsets, InputSpan, Language, Mention, Partial, Quote, Span, Speaker, Statement,
    StatementEvidence, StatementParties, TextSpan,
};

/// A byte range of the clean text in the record's units: characters into
/// the clean text, and into the input text where it holds them verbatim.
#[derive(Clone, Copy)]
struct Offsets {
    start: usize,
    end: usize,
    input: InputSpan,
}

fn offsets(chars: &CharOffsets, input: &InputOffsets, r: &Range<usize>) -> Offsets {
    let (start, end) = (chars.char_of(r.start), chars.char_of(r.end));
    let mapped = input.to_input(start, end);
    Offsets {
        start,
        end,
        input: InputSpan {
            input_start: mapped.map(|m| m.0),
            input_end: mapped.map(|m| m.1),
        },
    }
}

/// The speaker of the narrowest quotation holding `r`: who the article says
/// gives a number it reports.
fn claimed_by(quotes: &[QuoteFinding], r: &Range<usize>) -> Option<String> {
    quotes
        .iter()
        .filter(|q| q.range.start <= r.start && r.end <= q.range.end)
        .min_by_key(|q| q.range.len())
        .and_then(|q| q.speaker.as_ref())
        .map(|s| s.name.clone())
        .filter(|n| !n.is_empty())
}

/// Build the document record of one cleaned article.
pub fn annotate(a: CleanArticle) -> Document {
    annotate_with(a, Annotators::default())
}

/// [`annotate`] with only the chosen annotators.
pub fn annotate_with(a: CleanArticle, run: Annotators) -> Document {
    let published = a.published.as_deref().and_then(parallax_clean::parse_date);
    let doc = Analysed::new(&a.text, published);
    let found = parallax_extract::extract(&doc, run);
    let seg = &doc.seg;
    let language = doc.language.map(|l| Language {
        code: l.code.to_owned(),
        // Three decimals say all the detector's confidence can.
        confidence: (l.confidence * 1000.0).round() / 1000.0,
    });
    let chars = CharOffsets::new(&a.text);
    let span = |r: &Range<usize>| Span::new(chars.char_of(r.start), chars.char_of(r.end));
    let at = |r: &Range<usize>| offsets(&chars, &a.input, r);
    let slice = |r: &Range<usize>| a.text.get(r.clone()).unwrap_or_default().to_string();
    let counts = found
        .counts
        .into_iter()
        .map(|c| {
            let r = c.start..c.end;
            let o = at(&r);
            Count {
                value: c.value,
                approximate: c.approximate,
                qualifier: c.qualifier,
                unit: c.unit,
                category: c.category,
                text: slice(&r),
                claimed_by: claimed_by(&found.quotes, &r),
                shares: c
                    .shares
                    .into_iter()
                    .map(|sh| {
                        let r = sh.start..sh.end;
                        let o = at(&r);
                        CountShare {
                            // Four decimals say all a third or a percentage needs.
                            value: (sh.value * 10_000.0).round() / 10_000.0,
                            approximate: sh.approximate,
                            qualifier: sh.qualifier,
                            unit: sh.unit,
                            text: slice(&r),
                            start: o.start,
                            end: o.end,
                            input: o.input,
                        }
                    })
                    .collect(),
                start: o.start,
                end: o.end,
                input: o.input,
            }
        })
        .collect();
    let dates = found
        .dates
        .into_iter()
        .map(|d| {
            let r = d.start..d.end;
            let o = at(&r);
            DateMention {
                text: slice(&r),
                value: d.value.map(|v| v.format("%Y-%m-%d").to_string()),
                until: d.until.map(|v| v.format("%Y-%m-%d").to_string()),
                start: o.start,
                end: o.end,
                input: o.input,
            }
        })
        .collect();
    let entities = found
        .entities
        .into_iter()
        .enumerate()
        .map(|(i, e)| Entity {
            id: format!("e{}", i + 1),
            name: e.name,
            kind: e.kind,
            aliases: e.aliases,
            mentions: e
                .mentions
                .iter()
                .map(|m| {
                    let r = m.start..m.end;
                    let o = at(&r);
                    Mention {
                        text: slice(&r),
                        start: o.start,
                        end: o.end,
                        input: o.input,
                    }
                })
                .collect(),
            descriptors: e
                .descriptors
                .into_iter()
                .map(|d| {
                    let o = at(&(d.start..d.end));
                    Descriptor {
                        text: d.text,
                        polarity: d.polarity,
                        start: o.start,
                        end: o.end,
                        input: o.input,
                    }
                })
                .collect(),
        })
        .collect();
    let text_span = |r: &Range<usize>| {
        let o = at(r);
        TextSpan {
            text: slice(r),
            start: o.start,
            end: o.end,
            input: o.input,
        }
    };
    let statements = found
        .statements
        .into_iter()
        .map(|s| {
            let o = at(&s.range);
            Statement {
                act: s.act,
                cameo: s.cameo.to_string(),
                actor: s.actor,
                target: s.target,
                text: slice(&s.range),
                act_text: s.act_text.as_ref().map(|(t, _)| t.clone()),
                act_span: s.act_text.as_ref().map(|(_, r)| text_span(r)),
                evidence: StatementEvidence {
                    rule: s.rule.to_string(),
                    cue: s.cue.as_ref().map(slice),
                    cue_signal: s.cue_signal.map(|g| g.as_str().to_string()),
                    cues: s
                        .cues
                        .iter()
                        .map(|(r, what)| {
                            let o = at(r);
                            ActCue {
                                text: slice(r),
                                signals: (*what).to_string(),
                                start: o.start,
                                end: o.end,
                                input: o.input,
                            }
                        })
                        .collect(),
                    negations: s.negations.iter().map(text_span).collect(),
                    hedges: s
                        .hedges
                        .iter()
                        .map(|h| {
                            let o = at(&h.range);
                            Hedge {
                                text: slice(&h.range),
                                by: h.by.clone(),
                                from: h.from.clone(),
                                start: o.start,
                                end: o.end,
                                input: o.input,
                            }
                        })
                        .collect(),
                    cameo_words: s.cameo_words,
                },
                // Three decimals say all the confidence can.
                confidence: (f64::from(s.confidence) * 1000.0).round() / 1000.0,
                attribution: s.attribution.map(|a| format!("a{}", a + 1)),
                answers: s.answers.map(|a| Answer {
                    statement: a.statement,
                    score: (f64::from(a.score) * 1000.0).round() / 1000.0,
                    evidence: a.evidence,
                }),
                answers_reported: s.answers_reported.as_ref().map(text_span),
                parties: StatementParties {
                    actor: s.actor_parties,
                    accused: s.accused_parties,
                },
                start: o.start,
                end: o.end,
                input: o.input,
            }
        })
        .collect();
    let quotes = found
        .quotes
        .into_iter()
        .map(|q| {
            let o = at(&q.range);
            Quote {
                attribution: format!("a{}", q.attribution + 1),
                text: slice(&q.range),
                kind: q.kind,
                mode: q.mode,
                // Three decimals say all a calibrated confidence can.
                confidence: (f64::from(q.confidence) * 1000.0).round() / 1000.0,
                partials: q
                    .partials
                    .iter()
                    .map(|p| {
                        let o = at(p);
                        Partial {
                            text: slice(p),
                            start: o.start,
                            end: o.end,
                            input: o.input,
                        }
                    })
                    .collect(),
                cue: q.cue.as_ref().map(slice),
                speaker: q.speaker.map(|s| {
                    let o = at(&s.mention);
                    Speaker {
                        mention: slice(&s.mention),
                        start: o.start,
                        end: o.end,
                        input: o.input,
                        name: (!s.name.is_empty()).then_some(s.name),
                        role: s.role,
                        affiliation: s.affiliation,
                        source_type: s.source_type,
                    }
                }),
                start: o.start,
                end: o.end,
                input: o.input,
            }
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
        statements,
        counts,
        dates,
        language,
        warnings: a.warnings.into_iter().chain(found.warnings).collect(),
        fingerprint: found.fingerprint,
    }
}
