//! Parallax's own findings in a benchmark's terms: run the annotators on a
//! benchmark's raw texts and express what they find as predictions the
//! harnesses score.

use crate::attribution::{GoldDocument, PredictedQuote, Span};
use parallax_analysis::Analysed;
use parallax_model::{CharOffsets, QuoteKind};
use parallax_quotes::confidence::Origin;
use parallax_quotes::QuoteFinding;

/// Parallax's attributions in a raw text, as character spans of that text.
///
/// The text is normalised (as a real run does) and the offsets are led back
/// to the raw text. The records are scored as they are: each attribution
/// (the records that share an `attribution` id) is one prediction, its
/// pieces the prediction's content spans, as an annotated corpus marks one
/// relation with several spans. Only span conventions are translated: a
/// reported clause starts at its complementizer and a quotation takes its
/// marks ([`corpus_span`]). Nothing is joined, dropped or de-duplicated.
pub fn predict_quotes(raw: &str) -> Vec<PredictedQuote> {
    predict_quotes_with(raw, parallax_quotes::cue_model::cue_model())
}

/// [`predict_quotes`] with a cue model of the caller's.
pub fn predict_quotes_with(
    raw: &str,
    model: &parallax_quotes::cue_model::CueModel,
) -> Vec<PredictedQuote> {
    predict_with_origins(raw, model)
        .into_iter()
        .map(|(p, _)| p)
        .collect()
}

/// [`predict_quotes_with`], each prediction with where its attribution
/// came from (what its confidence is computed from).
pub fn predict_with_origins(
    raw: &str,
    model: &parallax_quotes::cue_model::CueModel,
) -> Vec<(PredictedQuote, Origin)> {
    let (clean, map) = parallax_text::normalise_with_map(raw);
    let doc = Analysed::new(&clean, None);
    let chars = CharOffsets::new(raw);
    let to_span = |r: std::ops::Range<usize>| {
        let raw_range = map.range_to_raw(r);
        Span::new(chars.char_of(raw_range.start), chars.char_of(raw_range.end))
    };
    let entities = parallax_entities::find_entities(&doc);
    let found = parallax_quotes::find_quotes_with(&doc, model, &entities);
    let mut attributions: Vec<Vec<&QuoteFinding>> = Vec::new();
    for q in &found {
        if attributions.len() <= q.attribution {
            attributions.resize_with(q.attribution + 1, Vec::new);
        }
        attributions[q.attribution].push(q);
    }
    attributions
        .into_iter()
        .filter_map(|pieces| {
            let first = pieces.first()?;
            let cue = pieces.iter().find_map(|q| q.cue.as_ref());
            let speaker = pieces.iter().find_map(|q| q.speaker.as_ref());
            let prediction = PredictedQuote {
                spans: pieces
                    .iter()
                    .map(|q| to_span(corpus_span(&clean, q)))
                    .collect(),
                kind: match first.kind {
                    QuoteKind::Direct => "direct",
                    QuoteKind::Partial => "partial",
                    QuoteKind::Indirect => "indirect",
                }
                .to_string(),
                cue: cue
                    .and_then(|c| clean.get(c.clone()))
                    .map(str::to_lowercase),
                speaker: speaker.map(|s| to_span(s.mention.clone())),
                mode: Some(first.mode.as_str().to_string()),
                confidence: Some(f64::from(first.confidence)),
            };
            Some((prediction, first.origin))
        })
        .collect()
}

/// The span an annotator would mark for a finding: a reported clause from
/// its complementizer ("said *that* the pier …"), a quotation with its
/// marks and the punctuation inside them.
fn corpus_span(clean: &str, q: &QuoteFinding) -> std::ops::Range<usize> {
    let r = q.range.clone();
    if q.kind == QuoteKind::Indirect {
        let before = clean.get(..r.start).unwrap_or_default().trim_end();
        let word_start = before.len().saturating_sub(4);
        let that = before
            .get(word_start..)
            .is_some_and(|w| w.eq_ignore_ascii_case("that"))
            && before
                .get(..word_start)
                .is_some_and(|b| b.is_empty() || b.ends_with(|c: char| !c.is_alphanumeric()));
        return if that { word_start..r.end } else { r };
    }
    let is_mark = |c: char| matches!(c, '"' | '“' | '”' | '\'' | '‘' | '’' | '«' | '»');
    let mut start = r.start;
    if let Some(c) = clean.get(..start).and_then(|b| b.chars().next_back()) {
        if is_mark(c) {
            start -= c.len_utf8();
        }
    }
    let mut end = r.end;
    let rest = clean.get(end..).unwrap_or_default();
    let punct: usize = rest
        .chars()
        .take_while(|c| matches!(c, ',' | '.' | '?' | '!'))
        .map(char::len_utf8)
        .sum();
    if let Some(c) = rest.get(punct..).and_then(|x| x.chars().next()) {
        if is_mark(c) {
            end += punct + c.len_utf8();
        }
    }
    start..end
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

/// Print gold attributions no prediction covers by 30%, predictions that
/// cover no gold by 30%, and matched pairs (as the scores match them) whose
/// speaker mention misses the gold source: the cases to study when
/// improving the finder.
pub fn show_differences(
    out: &mut impl std::io::Write,
    docs: &[GoldDocument],
    predictions: &[Vec<PredictedQuote>],
    n: usize,
) -> std::io::Result<()> {
    let covered = |g: &[Span], p: &[Span]| {
        let total: usize = g.iter().map(Span::len).sum();
        let hit: usize = g
            .iter()
            .map(|s| p.iter().map(|q| s.intersection(q)).sum::<usize>())
            .sum();
        total > 0 && hit * 10 >= total * 3
    };
    let (mut missed, mut spurious, mut wrong) = (0, 0, 0);
    for (d, preds) in docs.iter().zip(predictions) {
        // Speakers are judged on the prediction the scorer matched.
        let matched: std::collections::HashMap<usize, usize> =
            crate::attribution::matched_at_30(d, preds)
                .into_iter()
                .collect();
        for (gi, g) in d.attributions.iter().enumerate() {
            let span = Span::new(
                g.content.first().map_or(0, |s| s.start),
                g.content.last().map_or(0, |s| s.end),
            );
            let hit = preds.iter().find(|p| covered(&g.content, &p.spans));
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
            let paired = matched.get(&gi).and_then(|&pi| preds.get(pi));
            if let (Some(p), Some(src)) = (paired, g.source.first()) {
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
            if spurious < n && !d.attributions.iter().any(|g| covered(&g.content, &p.spans)) {
                spurious += 1;
                writeln!(
                    out,
                    "SPURIOUS {} [{}] {}: {}",
                    p.mode.as_deref().unwrap_or("-"),
                    p.cue.as_deref().unwrap_or("-"),
                    d.name,
                    excerpt(&d.text, &p.extent())
                )?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::GoldAttribution;

    fn relation(content: (usize, usize), source: (usize, usize)) -> GoldAttribution {
        GoldAttribution {
            content: vec![Span::new(content.0, content.1)],
            source: vec![Span::new(source.0, source.1)],
            cue: Vec::new(),
            cue_text: "said".into(),
            quoted: false,
        }
    }

    fn predicted(span: (usize, usize), speaker: (usize, usize)) -> PredictedQuote {
        PredictedQuote {
            spans: vec![Span::new(span.0, span.1)],
            kind: "indirect".into(),
            cue: Some("said".into()),
            speaker: Some(Span::new(speaker.0, speaker.1)),
            mode: None,
            confidence: None,
        }
    }

    #[test]
    fn speaker_errors_are_listed_for_the_pair_the_scorer_matched() {
        // Two relations: "Ada said the pier was shut" and, inside it, a
        // shorter one. Each prediction matches its own relation.
        let text = "Ada said the pier was shut and Ivo said the gates were open.";
        let doc = GoldDocument {
            name: "fiction".into(),
            text: text.into(),
            attributions: vec![relation((9, 26), (0, 3)), relation((40, 59), (31, 34))],
        };
        let right = predicted((9, 26), (0, 3));
        // The second prediction names Ada for Ivo's words.
        let wrong = predicted((40, 59), (0, 3));
        let mut out = Vec::new();
        show_differences(&mut out, &[doc], &[vec![right, wrong]], 10).unwrap();
        let out = String::from_utf8(out).unwrap();
        let speaker_lines: Vec<&str> = out.lines().filter(|l| l.starts_with("SPEAKER")).collect();
        assert_eq!(speaker_lines.len(), 1, "{out}");
        assert!(speaker_lines[0].contains("[[Ivo]]"), "{out}");
        assert!(
            !out.contains("MISSED") && !out.contains("SPURIOUS"),
            "{out}"
        );
    }

    fn predicted_texts(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        predict_quotes(text)
            .iter()
            .map(|p| {
                p.spans
                    .iter()
                    .map(|s| chars[s.start..s.end].iter().collect::<String>())
                    .collect::<Vec<_>>()
                    .join(" | ")
            })
            .collect()
    }

    #[test]
    fn a_continued_quotation_joins_the_speakers_latest_direct_quotation() {
        let found = predicted_texts(
            "“We will rebuild,” Ada Rein said, adding that the pier would come first. \
             “The gates can wait.”",
        );
        // The two quoted sentences are one attribution of two pieces; the
        // report of "adding" between them stays apart.
        assert!(
            found
                .iter()
                .any(|f| f == "“We will rebuild,” | “The gates can wait.”"),
            "{found:?}"
        );
        assert!(
            found.iter().any(|f| f == "that the pier would come first"),
            "{found:?}"
        );
    }

    #[test]
    fn an_interrupted_quotation_is_one_attribution_of_two_pieces() {
        let found = predicted_texts(
            "“My hope,” the mayor said, “is that the pier opens in May.”\n\n\
             Ivo Brandt said that the gates were shut.",
        );
        // Both pieces of one attribution with their marks, as annotators
        // mark them, and the complementizer with the reported clause.
        assert_eq!(
            found,
            vec![
                "“My hope,” | “is that the pier opens in May.”".to_string(),
                "that the gates were shut".to_string(),
            ]
        );
    }
}
