//! Parallax's own findings in a benchmark's terms: run the annotators on a
//! benchmark's raw texts and express what they find as predictions the
//! harnesses score.

use crate::attribution::{GoldDocument, PredictedQuote, Span};
use parallax_model::{CharOffsets, QuoteKind};

/// Parallax's quotations in a raw text, as character spans of that text.
///
/// The text is normalised (as a real run does) and the offsets are led back
/// to the raw text. A partial quotation lying inside a reported clause of the
/// same attribution is not a separate attribution, so it is left out here.
pub fn predict_quotes(raw: &str) -> Vec<PredictedQuote> {
    predict_quotes_with(raw, parallax_extract::quotes::cue_model::cue_model())
}

/// [`predict_quotes`] with a cue model of the caller's.
pub fn predict_quotes_with(
    raw: &str,
    model: &parallax_extract::quotes::cue_model::CueModel,
) -> Vec<PredictedQuote> {
    let (clean, map) = parallax_text::normalise_with_map(raw);
    let seg = parallax_text::segment(&clean);
    let chars = CharOffsets::new(raw);
    let to_span = |r: std::ops::Range<usize>| {
        let raw_range = map.range_to_raw(r);
        Span::new(chars.char_of(raw_range.start), chars.char_of(raw_range.end))
    };
    let found = parallax_extract::quotes::find_quotes_with(&clean, &seg, model);
    let kept: Vec<_> = found
        .iter()
        .filter(|q| {
            !(q.kind == QuoteKind::Partial
                && found.iter().any(|o| {
                    o.kind == QuoteKind::Indirect
                        && o.range.start <= q.range.start
                        && q.range.end <= o.range.end
                }))
        })
        .collect();
    // A quotation that only continues the previous one ("“…,” she said.
    // “…”") is one attribution in annotated corpora: join their spans.
    let mut joined: Vec<parallax_extract::quotes::QuoteFinding> = Vec::new();
    for q in kept {
        if let Some(prev) = joined.last_mut() {
            let same_speaker = q.speaker.as_ref().map(|s| &s.name)
                == prev.speaker.as_ref().map(|s| &s.name)
                && q.speaker.is_some();
            let near = q.range.start.saturating_sub(prev.range.end) < 200
                && !clean
                    .get(prev.range.end..q.range.start)
                    .unwrap_or("\n")
                    .contains('\n');
            if q.cue.is_none() && q.kind == QuoteKind::Direct && same_speaker && near {
                prev.range.end = q.range.end;
                continue;
            }
        }
        joined.push(q.clone());
    }
    joined
        .into_iter()
        .map(|q| PredictedQuote {
            span: to_span(q.range.clone()),
            kind: match q.kind {
                QuoteKind::Direct => "direct",
                QuoteKind::Partial => "partial",
                QuoteKind::Indirect => "indirect",
            }
            .to_string(),
            cue: q
                .cue
                .as_ref()
                .and_then(|c| clean.get(c.clone()))
                .map(str::to_lowercase),
            speaker: q.speaker.as_ref().map(|s| to_span(s.mention.clone())),
        })
        .collect()
}

fn excerpt(text: &str, span: &Span) -> String {
    let chars: Vec<char> = text.chars().collect();
    let piece = |a: usize, b: usize| -> String {
        chars
            .get(a.min(chars.len())..b.min(chars.len()))
            .unwrap_or_default()
            .iter()
            .collect()
    };
    let before = piece(span.start.saturating_sub(60), span.start);
    let inside = piece(span.start, span.end);
    let after = piece(span.end, span.end + 40);
    format!("…{before}[[{inside}]]{after}…").replace('\n', " ")
}

/// Print gold attributions no prediction covers by 30%, and predictions
/// that cover no gold by 30%: the cases to study when improving the finder.
pub fn show_differences(
    out: &mut impl std::io::Write,
    docs: &[GoldDocument],
    predictions: &[Vec<PredictedQuote>],
    n: usize,
) -> std::io::Result<()> {
    let covered = |g: &[Span], p: &Span| {
        let total: usize = g.iter().map(Span::len).sum();
        let hit: usize = g.iter().map(|s| s.intersection(p)).sum();
        total > 0 && hit * 10 >= total * 3
    };
    let (mut missed, mut spurious, mut wrong) = (0, 0, 0);
    for (d, preds) in docs.iter().zip(predictions) {
        for g in &d.attributions {
            let span = Span::new(
                g.content.first().map_or(0, |s| s.start),
                g.content.last().map_or(0, |s| s.end),
            );
            let hit = preds.iter().find(|p| covered(&g.content, &p.span));
            if missed < n && hit.is_none() {
                missed += 1;
                let q = if g.quoted { "quoted " } else { "" };
                writeln!(
                    out,
                    "MISSED {q}[{}] {}: {}",
                    g.cue_text,
                    d.name,
                    excerpt(&d.text, &span)
                )?;
            }
            if let (Some(p), Some(src)) = (hit, g.source.first()) {
                let ok = p
                    .speaker
                    .as_ref()
                    .is_some_and(|s| g.source.iter().any(|g| g.overlaps(s)));
                if !ok && wrong < n {
                    wrong += 1;
                    let said = p
                        .speaker
                        .as_ref()
                        .map_or("(none)".to_string(), |s| excerpt(&d.text, s));
                    writeln!(
                        out,
                        "SPEAKER gold {} predicted {said} for {}",
                        excerpt(&d.text, src),
                        excerpt(&d.text, &span)
                    )?;
                }
            }
        }
        for p in preds {
            if spurious < n && !d.attributions.iter().any(|g| covered(&g.content, &p.span)) {
                spurious += 1;
                writeln!(
                    out,
                    "SPURIOUS [{}] {}: {}",
                    p.cue.as_deref().unwrap_or("-"),
                    d.name,
                    excerpt(&d.text, &p.span)
                )?;
            }
        }
    }
    Ok(())
}
