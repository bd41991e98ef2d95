//! Training the cue model from brat-annotated articles.
//!
//! Each gold cue has a head: its last word that is not a function word
//! ("called" in "called for", "critique" in "his critique of"). Heads seen
//! often enough form the candidate vocabulary; every occurrence of a
//! candidate outside quotation marks is an example, positive when it heads
//! a gold cue. The score thresholds are chosen by five-fold cross-validation
//! (F1 at 30% overlap, counts pooled over the folds), then the model is
//! trained again on all the articles.

use std::collections::{HashMap, HashSet};

use parallax_analysis::lexicon::lexicon;
use parallax_model::CharOffsets;
use parallax_quotes::cue_model::{
    cue_examples, is_cue_adverb_word, is_cue_function_word, CueExample, CueModel, CueTrainer,
    FitSettings, Thresholds,
};

use crate::attribution::{matched_at_30, score, GoldDocument};
use crate::predict::{predict_quotes_with, predict_with_origins};
use parallax_quotes::confidence::{Calibration, Origin};

/// Folds of the cross-validation that chooses the thresholds.
const FOLDS: usize = 5;

/// Settings of a training run.
#[derive(Debug, Clone)]
pub struct TrainSettings {
    /// A head must head at least this many gold cues to be a candidate.
    pub min_count: usize,
    /// A candidate must be right at least this share of the times the
    /// general reading is tried on it (rare hits cost time on every text).
    pub min_rate: f64,
    pub fit: FitSettings,
    /// How many times each reading of a hand-labelled article counts
    /// against one reading of the annotated articles.
    pub label_weight: usize,
}

impl Default for TrainSettings {
    fn default() -> Self {
        TrainSettings {
            min_count: 2,
            min_rate: 0.2,
            fit: FitSettings::default(),
            label_weight: 3,
        }
    }
}

/// An article of a hand-labelled sample (`parallax eval labels`' format):
/// its clean text, where that text stands in the input, and the labelled
/// records as (input start, input end, reports speech or writing).
#[derive(Debug, Clone)]
pub struct LabelledArticle {
    pub text: String,
    pub input: parallax_model::InputOffsets,
    pub records: Vec<(usize, usize, bool)>,
}

/// The readings of labelled articles that a label judges: a reading whose
/// content, in input characters, overlaps a labelled record by at least
/// half of the shorter span takes the label's verdict. Readings no label
/// covers are left out: nobody judged them. Candidates are every word the
/// cue lexicon knows; training keeps those of its vocabulary.
pub fn labelled_examples(articles: &[LabelledArticle]) -> Vec<(CueExample, bool)> {
    let mut out = Vec::new();
    for a in articles {
        let doc = parallax_analysis::Analysed::new(&a.text, None);
        let chars = CharOffsets::new(&a.text);
        let to_input = |b: usize| {
            let c = chars.char_of(b);
            a.input.to_input(c, c).map(|(i, _)| i)
        };
        for e in cue_examples(&doc, &|w| lexicon().cue_mode(w).is_some()) {
            let spans: Vec<(usize, usize)> = e
                .content
                .iter()
                .filter_map(|r| Some((to_input(r.start)?, to_input(r.end)?)))
                .collect();
            let verdict = a.records.iter().find_map(|&(s, t, speech)| {
                spans
                    .iter()
                    .any(|&(a0, a1)| {
                        let o = a1.min(t).saturating_sub(a0.max(s));
                        let shorter = (t - s).min(a1.saturating_sub(a0));
                        o > 0 && 2 * o >= shorter
                    })
                    .then_some(speech)
            });
            if let Some(v) = verdict {
                out.push((e, v));
            }
        }
    }
    out
}

/// One set of thresholds tried on the held-out articles.
#[derive(Debug, Clone)]
pub struct TuningRow {
    pub thresholds: Thresholds,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Precision of the speech profile (speech and writing predictions).
    pub speech_precision: f64,
}

/// The settings are chosen for F1 among those whose speech profile is at
/// least this precise in cross-validation (all of them when none is): a
/// record that says someone said something must be right nine times in ten.
pub const SPEECH_PRECISION_FLOOR: f64 = 0.90;

/// What a training run produced.
#[derive(Debug, Clone)]
pub struct TrainOutcome {
    /// The model file.
    pub model: String,
    pub vocabulary: usize,
    pub examples: usize,
    pub positives: usize,
    pub tuning: Vec<TuningRow>,
    pub chosen: TuningRow,
    /// The confidence curves fitted on the held-out folds.
    pub calibration: Calibration,
}

/// Byte ranges of one gold span's pieces in the clean text.
type Pieces = Vec<std::ops::Range<usize>>;

/// A document prepared for training: clean text, segmentation, the words
/// that head gold cues, and the gold contents in clean-text bytes.
struct Prepared {
    clean: String,
    seg: parallax_text::Segmentation,
    head_words: Vec<String>,
    /// Per gold relation: its content pieces and its cue pieces.
    contents: Vec<(Pieces, Pieces)>,
}

fn prepare(doc: &GoldDocument) -> Prepared {
    let (clean, map) = parallax_text::normalise_with_map(&doc.text);
    let seg = parallax_text::segment(&clean);
    let chars = CharOffsets::new(&doc.text);
    // Each word with its character span in the raw text.
    let words: Vec<(std::ops::Range<usize>, usize, usize)> = seg
        .tokens
        .iter()
        .filter(|t| t.kind == parallax_text::TokenKind::Word)
        .map(|t| {
            let raw = map.range_to_raw(t.range.clone());
            (
                t.range.clone(),
                chars.char_of(raw.start),
                chars.char_of(raw.end),
            )
        })
        .collect();
    let mut head_words = Vec::new();
    for g in &doc.attributions {
        let inside: Vec<&(std::ops::Range<usize>, usize, usize)> = words
            .iter()
            .filter(|(_, a, b)| g.cue.iter().any(|c| c.start <= *a && *b <= c.end))
            .collect();
        // The first word that is not a function word: "said" in "said
        // Tuesday", "called" in "called for", "critique" in "his critique of";
        // past an adverb, "said" in "repeatedly said".
        let content_word = |r: &std::ops::Range<usize>, adverbs: bool| {
            clean.get(r.clone()).is_some_and(|w| {
                let lower = w.to_lowercase();
                !is_cue_function_word(&lower) && (adverbs || !is_cue_adverb_word(&lower))
            })
        };
        let head = inside
            .iter()
            .find(|(r, _, _)| content_word(r, false))
            .or_else(|| inside.iter().find(|(r, _, _)| content_word(r, true)));
        if let Some((r, _, _)) = head {
            if let Some(w) = clean.get(r.clone()) {
                head_words.push(w.to_lowercase());
            }
        }
    }
    // Gold contents in clean-text bytes: the clean offset of each raw
    // character is found by walking the clean text once.
    let mut raw_char_to_clean: Vec<usize> = Vec::new();
    let raw_len = doc.text.chars().count();
    raw_char_to_clean.resize(raw_len + 1, clean.len());
    for (b, _) in clean.char_indices().rev() {
        let raw = chars.char_of(map.to_raw(b));
        if let Some(slot) = raw_char_to_clean.get_mut(raw) {
            *slot = b;
        }
    }
    for i in (0..raw_len).rev() {
        if raw_char_to_clean[i] > raw_char_to_clean[i + 1] {
            raw_char_to_clean[i] = raw_char_to_clean[i + 1];
        }
    }
    let to_clean = |spans: &[crate::attribution::Span]| -> Vec<std::ops::Range<usize>> {
        spans
            .iter()
            .map(|s| {
                let a = raw_char_to_clean[s.start.min(raw_len)];
                let b = raw_char_to_clean[s.end.min(raw_len)];
                a..b.max(a)
            })
            .collect()
    };
    let contents = doc
        .attributions
        .iter()
        .map(|g| (to_clean(&g.content), to_clean(&g.cue)))
        .collect();
    Prepared {
        clean,
        seg,
        head_words,
        contents,
    }
}

/// The readings of a prepared document with whether each is right.
fn labelled(d: &Prepared, vocab: &HashSet<&str>) -> Vec<(CueExample, bool)> {
    let doc = parallax_analysis::Analysed::with_segmentation(&d.clean, d.seg.clone(), None);
    cue_examples(&doc, &|w| vocab.contains(w))
        .into_iter()
        .map(|e| {
            // A reading is right when a gold relation has a cue touching
            // its cue and at least 30% of that relation's content is covered.
            let positive = d.contents.iter().any(|(g, cue)| {
                let touches = cue
                    .iter()
                    .any(|c| c.start < e.cue.end && e.cue.start < c.end);
                if !touches {
                    return false;
                }
                let total: usize = g.iter().map(|r| r.len()).sum();
                let hit: usize = g
                    .iter()
                    .map(|r| {
                        e.content
                            .iter()
                            .map(|c| c.end.min(r.end).saturating_sub(c.start.max(r.start)))
                            .sum::<usize>()
                    })
                    .sum();
                total > 0 && hit * 10 >= total * 3
            });
            (e, positive)
        })
        .collect()
}

fn train_on(
    docs: &[&Prepared],
    extra: &[(CueExample, bool)],
    settings: &TrainSettings,
    thresholds: Thresholds,
    calibration: &Calibration,
) -> (String, usize, usize, usize) {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for d in docs {
        for w in &d.head_words {
            *counts.entry(w.as_str()).or_default() += 1;
        }
    }
    // A head is a candidate when it heads enough gold cues and the cue
    // lexicon says what it reports (`data/reporting_verbs.tsv`,
    // `data/cue_words.tsv`); a word it lists as heading no report is none.
    let mut vocabulary: Vec<String> = counts
        .iter()
        .filter(|(w, &n)| n >= settings.min_count && lexicon().cue_mode(w).is_some())
        .map(|(w, _)| (*w).to_string())
        .collect();
    vocabulary.sort();
    let vocab: HashSet<&str> = vocabulary.iter().map(String::as_str).collect();
    let examples: Vec<(CueExample, bool)> = docs.iter().flat_map(|d| labelled(d, &vocab)).collect();
    // How often the general reading is right on each candidate.
    let mut tried: HashMap<&str, (usize, usize)> = HashMap::new();
    for (e, y) in &examples {
        if e.rule {
            continue;
        }
        let entry = tried.entry(e.word.as_str()).or_default();
        entry.0 += 1;
        entry.1 += usize::from(*y);
    }
    // A word the rules always read is kept: its weights judge the rules.
    let kept: HashSet<&str> = vocabulary
        .iter()
        .map(String::as_str)
        .filter(|w| {
            tried
                .get(w)
                .is_none_or(|(n, hits)| *hits as f64 >= settings.min_rate * *n as f64)
        })
        .collect();
    let vocabulary: Vec<String> = vocabulary
        .iter()
        .filter(|w| kept.contains(w.as_str()))
        .cloned()
        .collect();
    let mut trainer = CueTrainer::default();
    let mut positives = 0;
    for (e, positive) in &examples {
        if !e.rule && !kept.contains(e.word.as_str()) {
            continue;
        }
        positives += usize::from(*positive);
        trainer.add(&e.features, *positive);
    }
    for (e, positive) in extra {
        if !e.rule && !kept.contains(e.word.as_str()) {
            continue;
        }
        for _ in 0..settings.label_weight {
            positives += usize::from(*positive);
            trainer.add(&e.features, *positive);
        }
    }
    let text = trainer.train(&settings.fit, &vocabulary, thresholds, calibration);
    (text, vocabulary.len(), trainer.len(), positives)
}

/// Fit the confidence curves to the attributions each fold's model, with
/// the chosen thresholds, finds in the articles it never saw: an
/// attribution is right when the scores match it to a gold relation at
/// 30% overlap.
fn calibrate(folds: &[(CueModel, Vec<GoldDocument>)], thresholds: Thresholds) -> Calibration {
    let mut examples: Vec<(Origin, bool)> = Vec::new();
    for (base, held) in folds {
        let mut model = base.clone();
        model.thresholds = thresholds;
        for d in held {
            let found = predict_with_origins(&d.text, &model);
            let predictions: Vec<_> = found.iter().map(|(p, _)| p.clone()).collect();
            let matched: HashSet<usize> = matched_at_30(d, &predictions)
                .into_iter()
                .map(|(_, p)| p)
                .collect();
            for (i, (_, origin)) in found.iter().enumerate() {
                examples.push((*origin, matched.contains(&i)));
            }
        }
    }
    Calibration::fit(&examples)
}

/// Train a cue model on `docs`, choosing its thresholds on a held-out fifth.
///
/// `labelled` adds the readings of hand-labelled articles from other desks
/// ([`labelled_examples`]) to every fit, each counting
/// `settings.label_weight` times; the thresholds are still chosen on the
/// annotated articles alone.
pub fn train_cue_model(
    docs: &[GoldDocument],
    labelled: &[LabelledArticle],
    settings: &TrainSettings,
) -> TrainOutcome {
    let prepared: Vec<Prepared> = docs.iter().map(prepare).collect();
    let extra = labelled_examples(labelled);
    let news = [-1.5f32, -1.0, -0.5, 0.0, 0.5, 1.0, f32::INFINITY];
    let rules = [f32::NEG_INFINITY, -2.0, -1.5, -1.0, -0.5, 0.0, 0.5];
    let nesteds = [f32::NEG_INFINITY, 1.0, 2.0, 3.0];
    let mut grid: Vec<Thresholds> = Vec::new();
    for &new in &news {
        for &rule in &rules {
            for &nested in &nesteds {
                grid.push(Thresholds { new, rule, nested });
            }
        }
    }
    // Counts at 30% overlap (gold, predicted, found) per set of thresholds,
    // pooled over the folds: each fold is scored by a model that never saw it.
    // (gold, predicted, found, speech predicted, speech found)
    let mut pooled = vec![(0usize, 0usize, 0usize, 0usize, 0usize); grid.len()];
    // Each fold's model and held-out articles, kept to calibrate the
    // confidences once the thresholds are chosen.
    let mut folds: Vec<(CueModel, Vec<GoldDocument>)> = Vec::new();
    for fold in 0..FOLDS {
        let (fit, held): (Vec<usize>, Vec<usize>) =
            (0..docs.len()).partition(|i| i % FOLDS != fold);
        if fit.is_empty() || held.is_empty() {
            continue;
        }
        let fit_docs: Vec<&Prepared> = fit.iter().map(|&i| &prepared[i]).collect();
        let (text, _, _, _) = train_on(
            &fit_docs,
            &extra,
            settings,
            Thresholds::default(),
            &Calibration::default(),
        );
        let base = CueModel::parse(&text);
        let held_gold: Vec<GoldDocument> = held.iter().map(|&i| docs[i].clone()).collect();
        for (thresholds, cell) in grid.iter().zip(pooled.iter_mut()) {
            let mut model = base.clone();
            model.thresholds = *thresholds;
            let predictions: Vec<_> = held_gold
                .iter()
                .map(|d| predict_quotes_with(&d.text, &model))
                .collect();
            let report = score(&held_gold, &predictions);
            cell.0 += report.at30.gold;
            cell.1 += report.at30.predicted;
            cell.2 += report.at30.found;
            cell.3 += report.speech.predicted;
            cell.4 += report.speech.found_predicted;
        }
        folds.push((base, held_gold));
    }
    let tuning: Vec<TuningRow> = grid
        .iter()
        .zip(&pooled)
        .map(
            |(thresholds, &(gold, predicted, found, spoken, spoken_found))| {
                let precision = found as f64 / predicted.max(1) as f64;
                let recall = found as f64 / gold.max(1) as f64;
                let f1 = if precision + recall > 0.0 {
                    2.0 * precision * recall / (precision + recall)
                } else {
                    0.0
                };
                TuningRow {
                    thresholds: *thresholds,
                    precision,
                    recall,
                    f1,
                    speech_precision: spoken_found as f64 / spoken.max(1) as f64,
                }
            },
        )
        .collect();
    let precise_enough = tuning
        .iter()
        .any(|r| r.speech_precision >= SPEECH_PRECISION_FLOOR);
    let chosen = tuning
        .iter()
        .filter(|r| !precise_enough || r.speech_precision >= SPEECH_PRECISION_FLOOR)
        .max_by(|a, b| a.f1.total_cmp(&b.f1))
        .cloned()
        .unwrap_or(TuningRow {
            thresholds: Thresholds::default(),
            precision: 0.0,
            recall: 0.0,
            f1: 0.0,
            speech_precision: 0.0,
        });
    let calibration = calibrate(&folds, chosen.thresholds);
    let all: Vec<&Prepared> = prepared.iter().collect();
    let (model, vocabulary, examples, positives) =
        train_on(&all, &extra, settings, chosen.thresholds, &calibration);
    TrainOutcome {
        model,
        vocabulary,
        examples,
        positives,
        tuning,
        chosen,
        calibration,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labelled_readings_take_the_verdict_of_the_label_they_overlap() {
        let text = "Mayor Ada Rein said the pier would reopen in May. \
                    The board hopes the northern pier will close. \
                    Olmo claimed the gates were new.";
        let chars = text.chars().count();
        let said = text.find("the pier would").unwrap();
        let closure = text.find("the northern pier will").unwrap();
        let article = LabelledArticle {
            text: text.to_string(),
            input: parallax_model::InputOffsets::identity(chars),
            records: vec![
                (said, said + "the pier would reopen in May".len(), true),
                (
                    closure,
                    closure + "the northern pier will close".len(),
                    false,
                ),
            ],
        };
        let examples = labelled_examples(&[article]);
        let verdict = |cue: &str| {
            examples
                .iter()
                .find(|(e, _)| text.get(e.cue.clone()) == Some(cue))
                .map(|(_, y)| *y)
        };
        assert_eq!(verdict("said"), Some(true));
        assert_eq!(verdict("hopes"), Some(false));
        // "claimed" is read too, but no label judges it.
        assert_eq!(verdict("claimed"), None);
    }
}
