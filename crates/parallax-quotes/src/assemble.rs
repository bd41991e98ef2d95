//! From readings to findings, over a whole document, in named steps:
//! - [`Assembly::readings`]: what the rules and the cue model read in a
//!   sentence;
//! - [`Assembly::attribute`]: who speaks in each reading;
//! - [`Assembly::report`]: the quoted stretches a reading reports (one
//!   direct quotation per stretch, or one reported clause holding its
//!   partial quotations);
//! - [`Assembly::fill_colon_cue`]: the quotation a cue ending in a colon
//!   waits for;
//! - [`Assembly::unclaimed`]: quoted stretches no cue claimed: signed with
//!   a dash, continuing the previous speaker, or scare quotes left out;
//! - [`Assembly::finish`]: a quotation over several paragraphs takes the
//!   speaker its last part names, and competing readings of one span end
//!   as one finding.
//!
//! Every finding belongs to one attribution: the pieces of an interrupted
//! quotation ("“My hope,” he said, “is that …”") share the reading that
//! reports them, and a quotation continuing the previous speaker joins the
//! attribution it continues.

use std::ops::Range;

use parallax_analysis::lexicon::{lexicon, Signal};
use parallax_analysis::Analysed;
use parallax_model::{Mode, QuoteKind, SourceType};

use crate::clause::clause_to_end;
use crate::confidence::{Origin, OriginClass};
use crate::constructions::headline::{headline_colon, is_title_case};
use crate::constructions::signature::{dash_signature, line_signature};
use crate::constructions::Reading;
use crate::cue_model::CueModel;
use crate::entity_link::{link, Entities};
use crate::fallback::fallback_mention;
use crate::judge::{lower_cow, nested_readings_dropped, sentence_readings, view_of};
use crate::speaker::{source_of, split_affiliation, Mention, MentionKind, Resolved, Resolver};
use crate::words::{words, Word};
use crate::zones::{is_title_or_scare, overlap, quoted_zones, Zone};
use crate::{QuoteFinding, SpeakerFinding};
use parallax_entities::EntityFinding;

/// A resolved speaker with the mention it was read from.
pub(crate) fn finding(res: Resolved, m: &Mention, text: &str) -> (SpeakerFinding, Resolved) {
    let (source_type, _) = source_of(m, &res, text);
    // A description nothing in the document resolves ("some officials")
    // names its speaker as written; a pronoun ("it", "they", an author's
    // "I") names nobody.
    let pronoun = matches!(m.kind, MentionKind::Pronoun { .. });
    let name = if res.name.is_empty() && !pronoun {
        text.get(m.range.clone()).unwrap_or_default().to_string()
    } else {
        res.name.clone()
    };
    let (affiliation, role) = match res.role.as_deref().map(split_affiliation) {
        Some((a, r)) => (a, Some(r)),
        None => (None, None),
    };
    let found = SpeakerFinding {
        name,
        role,
        affiliation,
        source_type,
        mention: m.range.clone(),
    };
    (found, res)
}

/// What a report is of: the cue's mode, unless its source is a document,
/// whose reports are evidence ("the survey found") or writing ("the
/// letter says").
fn reported_mode(cue: Mode, speaker: Option<&SpeakerFinding>, text: &str) -> Mode {
    let document = speaker
        .filter(|s| s.source_type == SourceType::Document)
        .and_then(|s| text.get(s.mention.clone()))
        .and_then(|m| m.split_whitespace().last())
        .and_then(|head| lexicon().document(head));
    match (cue, document) {
        (Mode::Speech | Mode::Writing, Some(d)) => d,
        (m, _) => m,
    }
}

/// A speaker as found and as resolved.
type Speaker = (SpeakerFinding, Resolved);

/// The latest attribution with a speaker: quotations without a cue in the
/// same or the next paragraph continue it.
struct Last {
    paragraph: usize,
    speaker: Speaker,
    attribution: usize,
    mode: Mode,
}

/// A cue closing its sentence with a colon ("Cruz continued:"), waiting for
/// the quotation of the next sentence.
struct ColonCue {
    speaker: Speaker,
    cue: Range<usize>,
    signal: Signal,
    mode: Mode,
    origin: Origin,
}

/// The state of the finder as it walks a document sentence by sentence.
struct Assembly<'d> {
    text: &'d str,
    doc: &'d Analysed<'d>,
    entities: Entities<'d>,
    zones: Vec<Zone>,
    /// The words of every sentence, quoted ones marked.
    sentences: Vec<Vec<Word<'d>>>,
    resolver: Resolver,
    out: Vec<QuoteFinding>,
    /// Attributions made so far.
    attributions: usize,
    last: Option<Last>,
    /// The latest direct quotation: its paragraph, speaker name and
    /// attribution. A continuation joins it rather than a report that came
    /// between ("“…,” she said, stressing the past. “…”").
    last_direct: Option<(usize, String, usize)>,
    colon_cue: Option<ColonCue>,
}

impl<'d> Assembly<'d> {
    fn new(doc: &'d Analysed<'d>, entities: &'d [EntityFinding]) -> Assembly<'d> {
        let text = doc.text;
        let zones = quoted_zones(text, &doc.seg);
        let zone_ranges: Vec<Range<usize>> = zones.iter().map(|z| z.content.clone()).collect();
        let sentences: Vec<Vec<Word<'d>>> = doc
            .seg
            .sentences
            .iter()
            .map(|s| words(doc, s.range.clone(), &zone_ranges))
            .collect();
        let mut resolver = Resolver::default();
        for ws in &sentences {
            resolver.learn_sentence(ws, text);
        }
        Assembly {
            text,
            doc,
            entities: Entities::new(entities),
            zones,
            sentences,
            resolver,
            out: Vec::new(),
            attributions: 0,
            last: None,
            last_direct: None,
            colon_cue: None,
        }
    }

    /// Who mention `m` is: resolved from the document's mentions, then
    /// given the name and type of the entity it belongs to.
    fn resolve(&mut self, m: &Mention) -> Resolved {
        let mut res = self.resolver.resolve(m, m.range.start);
        if link(&mut res, &m.kind, &m.range, self.text, &self.entities) {
            self.resolver.relabel_last(&res);
        }
        res
    }

    fn new_attribution(&mut self) -> usize {
        self.attributions += 1;
        self.attributions - 1
    }

    /// Add a finding, remembering the latest direct quotation.
    fn push(&mut self, f: QuoteFinding, paragraph: usize) {
        if f.kind == QuoteKind::Direct {
            let name = f
                .speaker
                .as_ref()
                .map(|s| s.name.clone())
                .unwrap_or_default();
            self.last_direct = Some((paragraph, name, f.attribution));
        }
        self.out.push(f);
    }

    /// The readings of sentence `si`: a headline's "Name: …", then every
    /// reading the rules and the general reading make that the cue model
    /// keeps.
    fn readings(&mut self, si: usize, model: &CueModel) -> Vec<Reading> {
        let text = self.text;
        let Some(ws) = self.sentences.get(si) else {
            return Vec::new();
        };
        let mut readings = Vec::new();
        let headline = is_title_case(ws);
        if let Some(r) = headline_colon(text, ws) {
            // A speaker's name inside the marks is not what they said.
            if let Some(z) = self
                .zones
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
                .zip(margins)
                .filter(|((_, k), _)| *k)
                .map(|(((r, _, _), _), margin)| Reading {
                    margin: Some(margin),
                    ..r
                }),
        );
        readings
    }

    /// Who speaks in reading `r` of sentence `si`: its own mention
    /// resolved, the sentence's speaker for a cue that inherits it, or a
    /// mention found around the cue.
    fn attribute(&mut self, si: usize, r: &Reading, sentence: &Option<Speaker>) -> Option<Speaker> {
        let speaker = match (&r.mention, r.inherits) {
            (Some(m), _) => {
                let mut res = self.resolve(m);
                if let (Some(role), MentionKind::Person { .. } | MentionKind::Surname(_)) =
                    (&r.appositive, &m.kind)
                {
                    res.role = Some(role.clone());
                    self.resolver.set_last_role(role.clone());
                }
                Some(finding(res, m, self.text))
            }
            (None, true) => sentence.clone(),
            (None, false) => None,
        };
        speaker.or_else(|| {
            let ws = self.sentences.get(si)?;
            let m = fallback_mention(ws, self.text, r)?;
            let res = self.resolve(&m);
            Some(finding(res, &m, self.text))
        })
    }

    /// The findings of reading `r`: for each stretch it reports, the
    /// quoted stretches inside make direct quotations when they fill most
    /// of it; otherwise the stretch is a reported clause and they are its
    /// partial quotations. All belong to one new attribution.
    fn report(&mut self, r: &Reading, speaker: Option<SpeakerFinding>, paragraph: usize) {
        let attribution = self.new_attribution();
        let mode = reported_mode(r.mode, speaker.as_ref(), self.text);
        let origin = origin_of(r);
        for content in &r.content {
            // Zones are sorted and do not overlap: the ones touching
            // `content` are a contiguous run.
            let zones = &self.zones;
            let lo = zones.partition_point(|z| z.content.end <= content.start);
            let hi = zones.partition_point(|z| z.content.start < content.end);
            let inside: Vec<usize> = (lo..hi.max(lo))
                .filter(|&i| {
                    zones
                        .get(i)
                        .is_some_and(|z| !z.used && overlap(&z.content, content) > 0)
                })
                .collect();
            let quoted_len: usize = inside
                .iter()
                .filter_map(|&i| zones.get(i))
                .map(|z| overlap(&z.content, content))
                .sum();
            let starts_quoted = inside
                .first()
                .and_then(|&i| zones.get(i))
                .is_some_and(|z| z.content.start <= content.start + 4);
            let direct = !inside.is_empty()
                && (quoted_len * 10 >= content.len() * 7
                    || starts_quoted && quoted_len * 2 >= content.len());
            let mut partials = Vec::new();
            for &i in &inside {
                let Some(z) = self.zones.get_mut(i) else {
                    continue;
                };
                z.used = true;
                if direct {
                    let f = QuoteFinding {
                        attribution,
                        kind: QuoteKind::Direct,
                        range: z.content.clone(),
                        partials: Vec::new(),
                        cue: Some(r.cue.clone()),
                        signal: Some(r.signal),
                        mode,
                        confidence: 0.0,
                        origin,
                        speaker: speaker.clone(),
                    };
                    self.push(f, paragraph);
                } else {
                    partials.push(z.content.clone());
                }
            }
            if !direct {
                let f = QuoteFinding {
                    attribution,
                    kind: QuoteKind::Indirect,
                    range: content.clone(),
                    partials,
                    cue: Some(r.cue.clone()),
                    signal: Some(r.signal),
                    mode,
                    confidence: 0.0,
                    origin,
                    speaker: speaker.clone(),
                };
                self.push(f, paragraph);
            }
        }
    }

    /// Every reading of sentence `si`, attributed and reported.
    fn read_sentence(&mut self, si: usize, paragraph: usize, model: &CueModel) {
        let mut sentence_speaker: Option<Speaker> = None;
        for r in self.readings(si, model) {
            let speaker = self.attribute(si, &r, &sentence_speaker);
            if r.inherits && speaker.is_none() && !r.learned {
                continue; // "…, adding that" with nobody to add it
            }
            if r.content.iter().all(|c| c.is_empty()) {
                self.colon_cue = speaker.map(|speaker| ColonCue {
                    origin: origin_of(&r),
                    mode: reported_mode(r.mode, Some(&speaker.0), self.text),
                    speaker,
                    cue: r.cue.clone(),
                    signal: r.signal,
                });
                continue;
            }
            let attribution = self.attributions;
            if let Some(sp) = &speaker {
                sentence_speaker = Some(sp.clone());
                self.last = Some(Last {
                    paragraph,
                    speaker: sp.clone(),
                    attribution,
                    mode: reported_mode(r.mode, Some(&sp.0), self.text),
                });
            }
            let named = speaker.map(|s| s.0).filter(|s| !s.mention.is_empty());
            self.report(&r, named, paragraph);
        }
    }

    /// The quotation a colon cue of the previous sentence waits for: the
    /// first quoted stretch of sentence `si`, or, when it has none, its
    /// words ("X said: the gates are shut").
    fn fill_colon_cue(&mut self, si: usize, paragraph: usize, waiting: ColonCue) {
        let Some(s) = self.doc.seg.sentences.get(si) else {
            return;
        };
        let range = s.range.clone();
        let from = self
            .zones
            .partition_point(|z| z.content.start < range.start);
        let zone = (from..self.zones.len())
            .take_while(|&i| self.zones[i].content.start < range.end)
            .find(|&i| !self.zones[i].used);
        let ColonCue {
            speaker: (found, res),
            cue,
            signal,
            mode,
            origin,
        } = waiting;
        let attribution = self.new_attribution();
        let named = Some(found.clone()).filter(|f| !f.mention.is_empty());
        match zone {
            Some(i) => {
                self.zones[i].used = true;
                let content = self.zones[i].content.clone();
                self.resolver.repeat(content.start, res.clone());
                self.last = Some(Last {
                    paragraph,
                    speaker: (found, res),
                    attribution,
                    mode,
                });
                let f = QuoteFinding {
                    attribution,
                    kind: QuoteKind::Direct,
                    range: content,
                    partials: Vec::new(),
                    cue: Some(cue),
                    signal: Some(signal),
                    mode,
                    confidence: 0.0,
                    origin,
                    speaker: named,
                };
                self.push(f, paragraph);
            }
            None => {
                let c = self
                    .sentences
                    .get(si)
                    .and_then(|ws| clause_to_end(self.text, ws, 0));
                if let Some(c) = c {
                    let f = QuoteFinding {
                        attribution,
                        kind: QuoteKind::Indirect,
                        range: c,
                        partials: Vec::new(),
                        cue: Some(cue),
                        signal: Some(signal),
                        mode,
                        confidence: 0.0,
                        origin,
                        speaker: named,
                    };
                    self.push(f, paragraph);
                }
            }
        }
    }

    /// The attribution a quotation without a cue continues: in the same
    /// paragraph, the latest direct quotation of the same speaker, else the
    /// latest attribution. A quotation opening the next paragraph keeps the
    /// speaker but starts an attribution of its own.
    fn continued_attribution(&self, last: &Last, paragraph: usize) -> Option<usize> {
        match &self.last_direct {
            Some((p, name, id)) if *name == last.speaker.0.name && *p == paragraph => Some(*id),
            _ if last.paragraph == paragraph => Some(last.attribution),
            _ => None,
        }
    }

    /// Quoted stretches of sentence `si` that no cue claimed. A stretch
    /// that runs on into the next sentence waits for the sentence where it
    /// ends: a cue there ("…,” said Caddell) claims it.
    fn unclaimed(&mut self, si: usize, paragraph: usize) {
        let Some(s) = self.doc.seg.sentences.get(si) else {
            return;
        };
        let range = s.range.clone();
        let text = self.text;
        let last_sentence = si + 1 == self.doc.seg.sentences.len();
        let from = self.zones.partition_point(|z| z.content.end <= range.start);
        let mut carried = false;
        let mut i = from;
        while i < self.zones.len() {
            let z = &self.zones[i];
            if z.content.start >= range.end {
                break;
            }
            i += 1;
            if z.used || !(z.content.end <= range.end || last_sentence) {
                continue;
            }
            let content = z.content.clone();
            let signed = dash_signature(text, &self.doc.seg, &self.sentences, content.end)
                .map(|(m, role, dash)| (m, role, Some(dash)))
                .or_else(|| {
                    line_signature(text, &self.doc.seg, &self.sentences, &content)
                        .map(|(m, role)| (m, role, None))
                });
            if let Some((m, role, dash)) = signed {
                self.zones[i - 1].used = true;
                let mut res = self.resolve(&m);
                if let (Some(role), MentionKind::Person { .. } | MentionKind::Surname(_)) =
                    (role, &m.kind)
                {
                    res.role = Some(role.clone());
                    self.resolver.set_last_role(role);
                }
                let (found, res) = finding(res, &m, text);
                let attribution = self.new_attribution();
                let mode = reported_mode(Mode::Speech, Some(&found), text);
                self.last = Some(Last {
                    paragraph,
                    speaker: (found.clone(), res),
                    attribution,
                    mode,
                });
                let f = QuoteFinding {
                    attribution,
                    kind: QuoteKind::Direct,
                    range: content,
                    partials: Vec::new(),
                    cue: dash,
                    signal: Some(Signal::Neutral),
                    mode,
                    confidence: 0.0,
                    origin: Origin {
                        class: OriginClass::Signature,
                        margin: None,
                    },
                    speaker: Some(found).filter(|f| !f.mention.is_empty()),
                };
                self.push(f, paragraph);
                continue;
            }
            let continues = self
                .last
                .as_ref()
                .is_some_and(|l| l.paragraph == paragraph || l.paragraph + 1 == paragraph);
            let fragment = text
                .get(range.start..content.start)
                .is_some_and(|pre| pre.chars().any(char::is_alphanumeric));
            if is_title_or_scare(text, &content) && (fragment || !continues) {
                continue;
            }
            self.zones[i - 1].used = true;
            let (speaker, attribution, mode) = match (&self.last, continues) {
                (Some(last), true) => {
                    let joins = if fragment {
                        None
                    } else {
                        self.continued_attribution(last, paragraph)
                    };
                    (Some(last.speaker.0.clone()), joins, last.mode)
                }
                _ => (None, None, Mode::Speech),
            };
            if continues && !carried {
                if let Some(last) = &self.last {
                    let res = last.speaker.1.clone();
                    self.resolver.repeat(content.start, res);
                }
                carried = true;
            }
            let attribution = attribution.unwrap_or_else(|| self.new_attribution());
            let unclaimed_origin = Origin {
                class: if speaker.is_some() {
                    OriginClass::Continuation
                } else {
                    OriginClass::Unattributed
                },
                margin: None,
            };
            let f = QuoteFinding {
                attribution,
                kind: if fragment {
                    QuoteKind::Partial
                } else {
                    QuoteKind::Direct
                },
                range: content,
                partials: Vec::new(),
                cue: None,
                signal: None,
                mode,
                confidence: 0.0,
                origin: unclaimed_origin,
                speaker,
            };
            self.push(f, paragraph);
        }
    }

    /// The last steps over the whole document: a quotation running over
    /// paragraphs takes the speaker (and the attribution) of the part that
    /// names one; findings in text order; competing readings of one span
    /// end as one finding, the first made.
    fn finish(mut self, model: &CueModel) -> Vec<QuoteFinding> {
        let continued: std::collections::HashSet<(usize, usize)> = self
            .zones
            .iter()
            .filter(|z| z.continued)
            .map(|z| (z.content.start, z.content.end))
            .collect();
        let out = &mut self.out;
        for i in (0..out.len()).rev() {
            let needs = out[i].speaker.is_none()
                && continued.contains(&(out[i].range.start, out[i].range.end));
            if !needs {
                continue;
            }
            let next = out
                .get(i + 1)
                .filter(|n| n.kind == QuoteKind::Direct && n.speaker.is_some())
                .map(|n| (n.speaker.clone(), n.attribution, n.mode));
            if let Some((speaker, attribution, mode)) = next {
                out[i].speaker = speaker;
                out[i].attribution = attribution;
                out[i].mode = mode;
            }
        }
        // A quotation the paragraph leaves open runs on in the next
        // paragraph's first quotation: one attribution when no cue of its
        // own claims the next part.
        let by_range: std::collections::HashMap<(usize, usize), usize> = out
            .iter()
            .enumerate()
            .map(|(i, q)| ((q.range.start, q.range.end), i))
            .collect();
        for pair in self.zones.windows(2) {
            let (open, next) = (&pair[0], &pair[1]);
            if !open.continued {
                continue;
            }
            let find = |z: &Zone| by_range.get(&(z.content.start, z.content.end)).copied();
            if let (Some(a), Some(b)) = (find(open), find(next)) {
                if out[b].cue.is_none() {
                    out[b].attribution = out[a].attribution;
                }
            }
        }
        let mut out = self.out;
        out.sort_by_key(|q| (q.range.start, q.range.end));
        one_record_per_span(&mut out);
        renumber(&mut out);
        // One confidence per attribution, from where its first piece came.
        let mut confidences: Vec<Option<f32>> = Vec::new();
        for q in &mut out {
            if confidences.len() <= q.attribution {
                confidences.resize(q.attribution + 1, None);
            }
            let c = *confidences[q.attribution]
                .get_or_insert_with(|| model.calibration.confidence(q.origin));
            q.confidence = c;
        }
        out
    }
}

/// Number attributions 0, 1, 2 … in the order their first finding stands
/// in the text, so that the ids read in order and none is skipped.
fn renumber(out: &mut [QuoteFinding]) {
    let mut map: Vec<Option<usize>> = Vec::new();
    let mut next = 0;
    for q in out.iter_mut() {
        if map.len() <= q.attribution {
            map.resize(q.attribution + 1, None);
        }
        let id = *map[q.attribution].get_or_insert_with(|| {
            next += 1;
            next - 1
        });
        q.attribution = id;
    }
}

/// Where a reading came from, for its confidence.
fn origin_of(r: &Reading) -> Origin {
    let class = if r.learned {
        OriginClass::Learned
    } else if r.margin.is_some() {
        OriginClass::Rule
    } else {
        OriginClass::Headline
    };
    Origin {
        class,
        margin: r.margin,
    }
}

/// Whether two records report the same words: one span holds the other
/// and the shorter is at least nine tenths of the longer (a quotation with
/// and without its marks: "“I’ve been doing this work …,” says Tom Tyler,
/// …, told the Monitor").
fn same_span(a: &Range<usize>, b: &Range<usize>) -> bool {
    let (shorter, longer) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    longer.start <= shorter.start
        && shorter.end <= longer.end
        && shorter.len() * 10 >= longer.len() * 9
}

/// Competing readings of one content span end as one record: of records
/// (sorted by span) that report the same words, the direct quotation is
/// kept, else the first.
fn one_record_per_span(out: &mut Vec<QuoteFinding>) {
    let mut kept: Vec<QuoteFinding> = Vec::with_capacity(out.len());
    for q in out.drain(..) {
        match kept.last_mut() {
            Some(last) if same_span(&last.range, &q.range) => {
                if q.kind == QuoteKind::Direct && last.kind != QuoteKind::Direct {
                    *last = q;
                }
            }
            _ => kept.push(q),
        }
    }
    *out = kept;
}

/// [`crate::find_quotes`] with a cue model of the caller's (for training
/// and tuning one).
pub fn find_quotes_with(
    doc: &Analysed<'_>,
    model: &CueModel,
    entities: &[EntityFinding],
) -> Vec<QuoteFinding> {
    let mut a = Assembly::new(doc, entities);
    let paragraphs: Vec<usize> = doc.seg.sentences.iter().map(|s| s.paragraph).collect();
    for (si, &paragraph) in paragraphs.iter().enumerate() {
        // A colon cue of an earlier sentence waits for this one.
        let waiting = a.colon_cue.take();
        a.read_sentence(si, paragraph, model);
        // A sentence with cues of its own says who speaks in it.
        let range = doc.seg.sentences[si].range.clone();
        let own_cues = a.out.last().is_some_and(|q| {
            range.start <= q.range.start && q.range.start < range.end && q.cue.is_some()
        });
        if let Some(w) = waiting.filter(|_| !own_cues) {
            a.fill_colon_cue(si, paragraph, w);
        }
        a.unclaimed(si, paragraph);
        if let Some(last) = &a.last {
            // A speaker carries over to the next paragraph only through quotations.
            if last.paragraph + 1 < paragraph {
                a.last = None;
            }
        }
    }
    a.finish(model)
}
