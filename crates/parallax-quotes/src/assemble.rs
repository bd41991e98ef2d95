//! From readings to findings, over a whole document: the quoted stretches
//! each reading reports (direct, or a clause holding partial quotes), the
//! colon cue that waits for the next sentence's quotation, quotations that
//! continue the previous speaker, and scare quotes left out.

use std::ops::Range;

use parallax_analysis::lexicon::Signal;
use parallax_analysis::Analysed;
use parallax_model::QuoteKind;

use crate::clause::clause_to_end;
use crate::constructions::headline::{headline_colon, is_title_case};
use crate::constructions::signature::dash_signature;
use crate::cue_model::CueModel;
use crate::fallback::fallback_mention;
use crate::judge::{lower_cow, nested_readings_dropped, sentence_readings, view_of};
use crate::speaker::{Mention, MentionKind, Resolved, Resolver};
use crate::words::{words, Word};
use crate::zones::{is_title_or_scare, overlap, quoted_zones};
use crate::{QuoteFinding, SpeakerFinding};

/// A resolved speaker with the mention it was read from.
pub(crate) fn finding(res: Resolved, m: &Mention) -> (SpeakerFinding, Resolved) {
    let found = SpeakerFinding {
        name: res.name.clone(),
        role: res.role.clone(),
        mention: m.range.clone(),
    };
    (found, res)
}

/// [`find_quotes`] with a cue model of the caller's (for training and
/// tuning one).
pub fn find_quotes_with(doc: &Analysed<'_>, model: &CueModel) -> Vec<QuoteFinding> {
    let (text, seg) = (doc.text, &doc.seg);
    let mut zones = quoted_zones(text, seg);
    let zone_ranges: Vec<Range<usize>> = zones.iter().map(|z| z.content.clone()).collect();
    let mut resolver = Resolver::default();
    let sentences: Vec<Vec<Word<'_>>> = seg
        .sentences
        .iter()
        .map(|s| words(doc, s.range.clone(), &zone_ranges))
        .collect();
    for ws in &sentences {
        resolver.learn_sentence(ws, text);
    }
    let mut out: Vec<QuoteFinding> = Vec::new();
    // The speaker of the latest attribution, with its paragraph.
    let mut last: Option<(usize, SpeakerFinding, Resolved)> = None;
    // A cue ending in a colon waits for the quotation that follows it.
    let mut pending: Option<(SpeakerFinding, Resolved, Range<usize>, Signal)> = None;
    for (si, s) in seg.sentences.iter().enumerate() {
        let Some(ws) = sentences.get(si) else {
            continue;
        };
        let mut sentence_speaker: Option<(SpeakerFinding, Resolved)> = None;
        // A colon cue of an earlier sentence waits for this one.
        let waiting = pending.take();
        let mut readings = Vec::new();
        let headline = is_title_case(ws);
        if let Some(r) = headline_colon(text, ws) {
            // A speaker's name inside the marks is not what they said.
            if let Some(z) = zones
                .iter_mut()
                .find(|z| z.content.start < r.cue.start && r.cue.end <= z.content.end)
            {
                if let Some(c) = r.content.first() {
                    z.content.start = c.start;
                }
            }
            readings.push(r);
        }
        let all = sentence_readings(text, ws, headline, &|ws, v| model.is_candidate(&ws[v]));
        let sentence_quoted = ws.iter().any(|w| w.quoted);
        // Each reading's score above its threshold.
        let margins: Vec<f32> = all
            .iter()
            .map(|(r, v, rule)| {
                let cue = lower_cow(text.get(r.cue.clone()).unwrap_or_default());
                let view = view_of(ws, r, &cue, &all, sentence_quoted);
                let score = model.score(ws, *v, *rule, &view);
                let threshold = if *rule {
                    model.thresholds.rule
                } else {
                    model.thresholds.new
                };
                score - threshold
            })
            .collect();
        let keep = nested_readings_dropped(ws, &all, &margins, model.thresholds.nested);
        readings.extend(
            all.into_iter()
                .zip(keep)
                .filter(|(_, k)| *k)
                .map(|((r, _, _), _)| r),
        );
        for r in readings {
            let speaker = match (&r.mention, r.inherits) {
                (Some(m), _) => {
                    let mut res = resolver.resolve(m, m.range.start);
                    if let (Some(role), MentionKind::Person { .. } | MentionKind::Surname(_)) =
                        (&r.appositive, &m.kind)
                    {
                        res.role = Some(role.clone());
                        resolver.set_last_role(role.clone());
                    }
                    Some(finding(res, m))
                }
                (None, true) => sentence_speaker.clone(),
                (None, false) => None,
            };
            let speaker = speaker.or_else(|| {
                let m = fallback_mention(ws, text, &r)?;
                let res = resolver.resolve(&m, m.range.start);
                Some(finding(res, &m))
            });
            if r.inherits && speaker.is_none() && !r.learned {
                continue; // "…, adding that" with nobody to add it
            }
            if r.content.iter().all(|c| c.is_empty()) {
                pending = speaker.map(|s| (s.0, s.1, r.cue.clone(), r.signal));
                continue;
            }
            if let Some(sp) = &speaker {
                sentence_speaker = Some(sp.clone());
                last = Some((s.paragraph, sp.0.clone(), sp.1.clone()));
            }
            let finding_speaker = speaker
                .as_ref()
                .map(|s| s.0.clone())
                .filter(|s| !s.name.is_empty());
            for content in r.content {
                // Quoted stretches inside what the cue reports.
                // Zones are sorted and do not overlap: the ones touching
                // `content` are a contiguous run.
                let lo = zones.partition_point(|z| z.content.end <= content.start);
                let hi = zones.partition_point(|z| z.content.start < content.end);
                let inside: Vec<usize> = (lo..hi.max(lo))
                    .filter(|&i| {
                        zones
                            .get(i)
                            .is_some_and(|z| !z.used && overlap(&z.content, &content) > 0)
                    })
                    .collect();
                let quoted_len: usize = inside
                    .iter()
                    .filter_map(|&i| zones.get(i))
                    .map(|z| overlap(&z.content, &content))
                    .sum();
                let starts_quoted = inside
                    .first()
                    .and_then(|&i| zones.get(i))
                    .is_some_and(|z| z.content.start <= content.start + 4);
                let direct = !inside.is_empty()
                    && (quoted_len * 10 >= content.len() * 7
                        || starts_quoted && quoted_len * 2 >= content.len());
                if direct {
                    for &i in &inside {
                        if let Some(z) = zones.get_mut(i) {
                            z.used = true;
                            out.push(QuoteFinding {
                                kind: QuoteKind::Direct,
                                range: z.content.clone(),
                                cue: Some(r.cue.clone()),
                                signal: Some(r.signal),
                                speaker: finding_speaker.clone(),
                            });
                        }
                    }
                } else {
                    out.push(QuoteFinding {
                        kind: QuoteKind::Indirect,
                        range: content.clone(),
                        cue: Some(r.cue.clone()),
                        signal: Some(r.signal),
                        speaker: finding_speaker.clone(),
                    });
                    for &i in &inside {
                        if let Some(z) = zones.get_mut(i) {
                            z.used = true;
                            out.push(QuoteFinding {
                                kind: QuoteKind::Partial,
                                range: z.content.clone(),
                                cue: Some(r.cue.clone()),
                                signal: Some(r.signal),
                                speaker: finding_speaker.clone(),
                            });
                        }
                    }
                }
            }
        }
        // Quoted stretches of this sentence that no cue claimed.
        let mut carried = false;
        // A sentence with cues of its own says who speaks in it.
        let own_cues = out.last().is_some_and(|q| {
            s.range.start <= q.range.start && q.range.start < s.range.end && q.cue.is_some()
        });
        if let Some((found, res, cue, signal)) = waiting.filter(|_| !own_cues) {
            let from = zones.partition_point(|z| z.content.start < s.range.start);
            let waiting = zones
                .iter_mut()
                .skip(from)
                .take_while(|z| z.content.start < s.range.end)
                .find(|z| !z.used);
            match waiting {
                Some(z) => {
                    z.used = true;
                    resolver.repeat(z.content.start, res.clone());
                    last = Some((s.paragraph, found.clone(), res));
                    out.push(QuoteFinding {
                        kind: QuoteKind::Direct,
                        range: z.content.clone(),
                        cue: Some(cue),
                        signal: Some(signal),
                        speaker: Some(found).filter(|f| !f.name.is_empty()),
                    });
                }
                None => {
                    // Unquoted words after "X said:" are what X said.
                    if let Some(c) = clause_to_end(text, ws, 0) {
                        out.push(QuoteFinding {
                            kind: QuoteKind::Indirect,
                            range: c,
                            cue: Some(cue),
                            signal: Some(signal),
                            speaker: Some(found).filter(|f| !f.name.is_empty()),
                        });
                    }
                }
            }
        }
        // A stretch that runs on into the next sentence waits for the
        // sentence where it ends: a cue there ("…,” said Caddell) claims it.
        let last_sentence = si + 1 == seg.sentences.len();
        let from = zones.partition_point(|z| z.content.end <= s.range.start);
        for z in zones
            .iter_mut()
            .skip(from)
            .take_while(|z| z.content.start < s.range.end)
            .filter(|z| !z.used && (z.content.end <= s.range.end || last_sentence))
        {
            if let Some((m, role, dash)) = dash_signature(text, seg, &sentences, z.content.end) {
                z.used = true;
                let mut res = resolver.resolve(&m, m.range.start);
                if let (Some(role), MentionKind::Person { .. } | MentionKind::Surname(_)) =
                    (role, &m.kind)
                {
                    res.role = Some(role.clone());
                    resolver.set_last_role(role);
                }
                let (found, res) = finding(res, &m);
                last = Some((s.paragraph, found.clone(), res));
                out.push(QuoteFinding {
                    kind: QuoteKind::Direct,
                    range: z.content.clone(),
                    cue: Some(dash),
                    signal: Some(Signal::Neutral),
                    speaker: Some(found).filter(|f| !f.name.is_empty()),
                });
                continue;
            }
            let continues = last
                .as_ref()
                .is_some_and(|(p, _, _)| *p == s.paragraph || *p + 1 == s.paragraph);
            let fragment = text
                .get(s.range.start..z.content.start)
                .is_some_and(|pre| pre.chars().any(char::is_alphanumeric));
            if is_title_or_scare(text, &z.content) && (fragment || !continues) {
                continue;
            }
            z.used = true;
            let speaker = if continues {
                last.as_ref().map(|(_, f, _)| f.clone())
            } else {
                None
            };
            if continues && !carried {
                if let Some((_, _, res)) = &last {
                    resolver.repeat(z.content.start, res.clone());
                }
                carried = true;
            }
            out.push(QuoteFinding {
                kind: if fragment {
                    QuoteKind::Partial
                } else {
                    QuoteKind::Direct
                },
                range: z.content.clone(),
                cue: None,
                signal: None,
                speaker,
            });
        }
        if let Some((p, _, _)) = &last {
            // A speaker carries over to the next paragraph only through quotations.
            if *p + 1 < s.paragraph {
                last = None;
            }
        }
    }
    // A quotation running over paragraphs takes its speaker from the part
    // that names one.
    let continued: std::collections::HashSet<(usize, usize)> = zones
        .iter()
        .filter(|z| z.continued)
        .map(|z| (z.content.start, z.content.end))
        .collect();
    for i in (0..out.len()).rev() {
        let needs =
            out[i].speaker.is_none() && continued.contains(&(out[i].range.start, out[i].range.end));
        if needs {
            if let Some(next) = out
                .get(i + 1)
                .filter(|n| n.kind == QuoteKind::Direct)
                .and_then(|n| n.speaker.clone())
            {
                out[i].speaker = Some(next);
            }
        }
    }
    out.sort_by_key(|q| (q.range.start, q.range.end));
    out.dedup_by(|a, b| a.range == b.range);
    out
}
