//! Loads the political news attribution corpus from `../shared` when it is
//! present (the data is never stored in the repository) and checks that the
//! gold relations come out complete and inside their texts.

use std::path::PathBuf;

use parallax_eval::attribution::{load_brat_corpus, score, BratCorpus, LoadWarningKind};

fn corpus_dir(split: &str) -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/datasets/polnear/data")
        .join(split);
    dir.is_dir().then_some(dir)
}

fn relations(corpus: &BratCorpus) -> usize {
    corpus.documents.iter().map(|d| d.attributions.len()).sum()
}

fn check_spans(corpus: &BratCorpus) {
    for doc in &corpus.documents {
        let len = doc.text.chars().count();
        for gold in &doc.attributions {
            assert!(
                !gold.content.is_empty(),
                "{}: relation without content",
                doc.name
            );
            for span in gold.content.iter().chain(&gold.source).chain(&gold.cue) {
                assert!(
                    span.start < span.end && span.end <= len,
                    "{}: span {span:?} outside a text of {len} characters",
                    doc.name
                );
            }
        }
    }
}

#[test]
fn dev_split_loads_completely() {
    let Some(dir) = corpus_dir("dev") else {
        eprintln!("polnear dev split absent; skipped");
        return;
    };
    let corpus = load_brat_corpus(&dir).expect("dev split loads");
    let total = relations(&corpus);
    println!(
        "dev: {} documents, {total} relations, {} skipped, {} warnings",
        corpus.documents.len(),
        corpus.skipped_relations(),
        corpus.warnings.len()
    );
    for warning in &corpus.warnings {
        println!("  {warning}");
    }
    assert_eq!(corpus.documents.len(), 84);
    // The corpus description gives 2,193 relations for dev.
    assert!((2150..=2236).contains(&total), "{total} relations");
    assert!(corpus.skipped_relations() <= 10);
    // Offsets are code points: every recorded span text agrees with the text.
    assert!(corpus
        .warnings
        .iter()
        .all(|w| !matches!(w.kind, LoadWarningKind::TextMismatch { .. })));
    check_spans(&corpus);
    let quoted = corpus
        .documents
        .iter()
        .flat_map(|d| &d.attributions)
        .filter(|a| a.quoted)
        .count();
    assert!(quoted * 5 > total && quoted * 2 < total, "{quoted} quoted");

    // Gold scored against itself is perfect.
    let predictions: Vec<_> = corpus
        .documents
        .iter()
        .map(|d| {
            d.attributions
                .iter()
                .map(|a| parallax_eval::attribution::PredictedQuote {
                    spans: a.content.clone(),
                    kind: if a.quoted { "direct" } else { "indirect" }.to_string(),
                    cue: Some(a.cue_text.clone()),
                    speaker: a.source.first().copied(),
                    mode: None,
                    confidence: None,
                })
                .collect()
        })
        .collect();
    let report = score(&corpus.documents, &predictions);
    println!("{report}");
    assert_eq!(report.at30.gold, total);
    assert!(report.at30.recall > 0.97, "{}", report.at30.recall);
    assert!(
        report.speaker_accuracy > 0.97,
        "{}",
        report.speaker_accuracy
    );
}

#[test]
fn train_split_matches_the_published_counts() {
    let Some(dir) = corpus_dir("train") else {
        eprintln!("polnear train split absent; skipped");
        return;
    };
    let corpus = load_brat_corpus(&dir).expect("train split loads");
    let total = relations(&corpus);
    println!(
        "train: {} documents, {total} relations, {} skipped",
        corpus.documents.len(),
        corpus.skipped_relations()
    );
    assert_eq!(corpus.documents.len(), 840);
    // The corpus description gives 19,868 relations for train.
    assert!((19_670..=20_066).contains(&total), "{total} relations");
    check_spans(&corpus);
}
