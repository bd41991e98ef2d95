//! Parallax's own findings in a benchmark's terms: run the annotators on a
//! benchmark's raw texts and express what they find as predictions the
//! harnesses score.

use crate::attribution::{GoldDocument, PredictedQuote, Span};
use parallax_analysis::Analysed;
use parallax_model::{CharOffsets, QuoteKind};
use parallax_quotes::QuoteFinding;

/// Parallax's quotations in a raw text, as character spans of that text.
///
/// The text is normalised (as a real run does) and the offsets are led back
/// to the raw text. The findings are then put in the terms of annotated
/// attribution corpora, where one relation may be several findings (the
/// records themselves are not changed):
/// - a partial quotation inside a reported clause of the same attribution
///   is left out;
/// - a quotation that continues the speaker's latest direct one, and the
///   pieces of an interrupted quotation, are joined ([`join_pieces`]);
/// - a reported clause starts at its complementizer and a quotation takes
///   its marks ([`corpus_span`]);
/// - two findings over the same characters count once.
pub fn predict_quotes(raw: &str) -> Vec<PredictedQuote> {
    predict_quotes_with(raw, parallax_quotes::cue_model::cue_model())
}

/// [`predict_quotes`] with a cue model of the caller's.
pub fn predict_quotes_with(
    raw: &str,
    model: &parallax_quotes::cue_model::CueModel,
) -> Vec<PredictedQuote> {
    let (clean, map) = parallax_text::normalise_with_map(raw);
    let doc = Analysed::new(&clean, None);
    let chars = CharOffsets::new(raw);
    let to_span = |r: std::ops::Range<usize>| {
        let raw_range = map.range_to_raw(r);
        Span::new(chars.char_of(raw_range.start), chars.char_of(raw_range.end))
    };
    let found = parallax_quotes::find_quotes_with(&doc, model);
    let kept: Vec<&QuoteFinding> = found
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
    let mut out: Vec<PredictedQuote> = Vec::new();
    for q in join_pieces(&clean, kept) {
        let prediction = PredictedQuote {
            span: to_span(corpus_span(&clean, &q)),
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
        };
        // Two findings over the same words are one attribution.
        if !out.iter().any(|o| o.span == prediction.span) {
            out.push(prediction);
        }
    }
    out
}

/// Join the findings that annotated corpora count as one relation:
/// - a quotation that only continues an earlier one ("“…,” she said. “…”")
///   extends the speaker's latest direct quotation, which need not be the
///   latest finding ("“…,” she said, stressing the past. “…”"), or failing
///   that the latest finding of the speaker ("She said that … . “…”");
/// - the pieces of an interrupted quotation, which share their cue ("“My
///   hope,” he said, “is that …”").
fn join_pieces(clean: &str, findings: Vec<&QuoteFinding>) -> Vec<QuoteFinding> {
    let mut joined: Vec<QuoteFinding> = Vec::new();
    for q in findings {
        let near = |prev: &QuoteFinding| {
            q.range.start.saturating_sub(prev.range.end) < 200
                && !clean
                    .get(prev.range.end..q.range.start)
                    .unwrap_or("\n")
                    .contains('\n')
        };
        let same_speaker = |prev: &QuoteFinding| {
            prev.speaker.as_ref().map(|s| &s.name) == q.speaker.as_ref().map(|s| &s.name)
        };
        let latest = |wanted: &dyn Fn(&QuoteFinding) -> bool| {
            joined
                .iter()
                .rev()
                .take_while(|prev| near(prev))
                .position(|prev| prev.kind == QuoteKind::Direct && wanted(prev))
        };
        let back = if q.kind != QuoteKind::Direct {
            None
        } else if q.cue.is_some() {
            latest(&|prev| prev.cue == q.cue)
        } else if q.speaker.is_some() {
            latest(&same_speaker).or_else(|| {
                joined
                    .last()
                    .filter(|p| near(p) && same_speaker(p))
                    .map(|_| 0)
            })
        } else {
            None
        };
        let target = back
            .and_then(|b| joined.len().checked_sub(b + 1))
            .and_then(|i| joined.get_mut(i));
        match target {
            Some(prev) => prev.range.end = q.range.end,
            None => joined.push(q.clone()),
        }
    }
    joined
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
    let covered = |g: &[Span], p: &Span| {
        let total: usize = g.iter().map(Span::len).sum();
        let hit: usize = g.iter().map(|s| s.intersection(p)).sum();
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
            span: Span::new(span.0, span.1),
            kind: "indirect".into(),
            cue: Some("said".into()),
            speaker: Some(Span::new(speaker.0, speaker.1)),
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
            .map(|p| chars[p.span.start..p.span.end].iter().collect())
            .collect()
    }

    #[test]
    fn a_continued_quotation_joins_the_speakers_latest_direct_quotation() {
        let found = predicted_texts(
            "“We will rebuild,” Ada Rein said, adding that the pier would come first. \
             “The gates can wait.”",
        );
        // The two quoted sentences are one attribution; the report of
        // "adding" between them stays apart.
        assert!(
            found
                .iter()
                .any(|f| f.starts_with("“We will rebuild") && f.ends_with("The gates can wait.”")),
            "{found:?}"
        );
        assert!(
            found.iter().any(|f| f == "that the pier would come first"),
            "{found:?}"
        );
    }

    #[test]
    fn an_interrupted_quotation_is_one_attribution_in_the_corpus_convention() {
        let found = predicted_texts(
            "“My hope,” the mayor said, “is that the pier opens in May.”\n\n\
             Ivo Brandt said that the gates were shut.",
        );
        // Both pieces with their marks, as annotators mark them, and the
        // complementizer with the reported clause.
        assert_eq!(
            found,
            vec![
                "“My hope,” the mayor said, “is that the pier opens in May.”".to_string(),
                "that the gates were shut".to_string(),
            ]
        );
    }
}
