//! The store across runs: the same input twice adds nothing, new documents
//! join the stories already stored, and search finds what was stored.

mod common;

use std::path::Path;

use common::*;
use serde_json::Value;

fn analyze_into(db: &Path, out: &Path, inputs: &[&str]) -> String {
    let mut args = vec!["analyze"];
    args.extend_from_slice(inputs);
    let (db, out) = (db.to_str().unwrap(), out.to_str().unwrap());
    args.extend_from_slice(&[
        "--field",
        "outlet=source",
        "--field",
        "published=date",
        "--db",
        db,
        "-o",
        out,
    ]);
    let run = parallax(&args);
    assert!(run.status.success(), "{}", stderr(&run));
    stderr(&run)
}

fn stories(out: &Path) -> Vec<Value> {
    lines(&std::fs::read(out.join("stories.jsonl")).unwrap())
}

/// The story holding `doc`, as its sorted document ids.
fn story_with(stories: &[Value], doc: &str) -> Vec<String> {
    let s = stories
        .iter()
        .find(|s| s["documents"].as_array().unwrap().iter().any(|d| d == doc))
        .unwrap_or_else(|| panic!("no story holds {doc}"));
    let mut ids: Vec<String> = s["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d.as_str().unwrap().to_string())
        .collect();
    ids.sort();
    ids
}

#[test]
fn the_same_input_twice_doubles_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("corpus.sqlite");
    let first = analyze_into(&db, &dir.path().join("a"), &["examples/corpus"]);
    assert!(first.contains("13 documents added"), "{first}");
    let second = analyze_into(&db, &dir.path().join("b"), &["examples/corpus"]);
    assert!(
        second.contains("0 documents added, 13 already there unchanged"),
        "{second}"
    );
    let a = std::fs::read_to_string(dir.path().join("a/documents.jsonl")).unwrap();
    let b = std::fs::read_to_string(dir.path().join("b/documents.jsonl")).unwrap();
    assert_eq!(a.lines().count(), 13);
    assert_eq!(a, b, "the second run's records are the first run's");
    assert_eq!(
        stories(&dir.path().join("a")),
        stories(&dir.path().join("b"))
    );
    for f in ["actors.jsonl", "links.jsonl"] {
        assert_eq!(
            std::fs::read(dir.path().join("a").join(f)).unwrap(),
            std::fs::read(dir.path().join("b").join(f)).unwrap(),
            "{f}"
        );
    }
    // The output directory got no store of its own: --db named it.
    assert!(!dir.path().join("a/parallax.sqlite").exists());
}

#[test]
fn outlines_read_from_the_tables_match_the_stored_records() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("corpus.sqlite");
    analyze_into(&db, &dir.path().join("a"), &["examples/corpus"]);
    let store = parallax_store::Store::open_read_only(&db).unwrap();
    let ids: Vec<String> = store
        .document_summaries(0, 100)
        .unwrap()
        .into_iter()
        .map(|d| d.id)
        .collect();
    assert_eq!(ids.len(), 13);
    let outlines = store.outlines(&ids).unwrap();
    let records: Vec<_> = store
        .documents(&ids)
        .unwrap()
        .iter()
        .map(parallax_model::DocumentOutline::of)
        .collect();
    assert_eq!(outlines, records);
    // The corpus gives each part of an outline something to compare.
    assert!(outlines.iter().any(|o| !o.speakers.is_empty()));
    assert!(outlines.iter().any(|o| !o.statements.is_empty()));
    assert!(outlines
        .iter()
        .any(|o| o.counts.iter().any(|c| c.valued) && o.counts.iter().any(|c| !c.valued)));
    assert!(store
        .outlines(&["no-such-document".into()])
        .unwrap()
        .is_empty());
}

#[test]
fn a_second_batch_joins_the_stories_already_stored() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("corpus.sqlite");
    analyze_into(
        &db,
        &dir.path().join("a"),
        &[
            "examples/corpus/meridian-karsk-chlorine.txt",
            "examples/corpus/meridian-market-strike.txt",
        ],
    );
    let before = stories(&dir.path().join("a"));
    let karsk_before = story_with(&before, "meridian-karsk-chlorine");
    assert_eq!(karsk_before, ["meridian-karsk-chlorine"]);
    let log = analyze_into(
        &db,
        &dir.path().join("b"),
        &[
            "examples/corpus/ota-karsk-minister.txt",
            "examples/corpus/continental-press-wire-karsk.jsonl",
        ],
    );
    assert!(log.contains("2 documents added"), "{log}");
    assert!(log.contains("2 new to the story index"), "{log}");
    let after = stories(&dir.path().join("b"));
    assert_eq!(
        story_with(&after, "meridian-karsk-chlorine"),
        [
            "cpw-20310414-0311",
            "meridian-karsk-chlorine",
            "ota-karsk-minister"
        ]
    );
    // The first story's id is kept: the new documents joined it.
    let id_of = |ss: &[Value], doc: &str| {
        ss.iter()
            .find(|s| s["documents"].as_array().unwrap().iter().any(|d| d == doc))
            .map(|s| s["id"].clone())
    };
    assert_eq!(
        id_of(&before, "meridian-karsk-chlorine"),
        id_of(&after, "meridian-karsk-chlorine")
    );
    // The joined story is now compared across its three outlets.
    let karsk = after
        .iter()
        .find(|s| s["id"] == id_of(&after, "meridian-karsk-chlorine").unwrap())
        .unwrap();
    assert_eq!(karsk["comparison"]["outlets"].as_array().unwrap().len(), 3);
    let docs = std::fs::read_to_string(dir.path().join("b/documents.jsonl")).unwrap();
    assert_eq!(docs.lines().count(), 4, "the output holds the whole store");
}

#[test]
fn search_lists_a_speakers_quotations_from_every_outlet() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let run = parallax(&[
        "analyze",
        "examples/corpus",
        "--field",
        "outlet=source",
        "--field",
        "published=date",
        "-o",
        out.to_str().unwrap(),
        "-q",
    ]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(out.join("parallax.sqlite").exists());
    let found = parallax(&["search", out.to_str().unwrap(), "--speaker", "Marek"]);
    assert!(found.status.success(), "{}", stderr(&found));
    let hits = lines(&found.stdout);
    assert!(!hits.is_empty());
    let docs: Vec<Value> = lines(&std::fs::read(out.join("documents.jsonl")).unwrap());
    let mut outlets: Vec<&str> = hits.iter().map(|h| h["outlet"].as_str().unwrap()).collect();
    outlets.sort();
    outlets.dedup();
    assert!(outlets.len() >= 3, "{outlets:?}");
    for h in &hits {
        assert_eq!(h["kind"], "quotes");
        assert!(h["speaker"].as_str().unwrap().contains("Marek"), "{h}");
        // The span is the quotation's words in the document's text.
        let d = docs.iter().find(|d| d["id"] == h["doc"]).unwrap();
        let text: Vec<char> = d["text"].as_str().unwrap().chars().collect();
        let (s, e) = (
            h["start"].as_u64().unwrap() as usize,
            h["end"].as_u64().unwrap() as usize,
        );
        let span: String = text[s..e].iter().collect();
        assert_eq!(span, h["text"].as_str().unwrap());
    }
    let table = parallax(&[
        "search",
        "--db",
        out.join("parallax.sqlite").to_str().unwrap(),
        "--act",
        "denial",
        "--format",
        "table",
    ]);
    let t = String::from_utf8_lossy(&table.stdout);
    assert!(t.starts_with("document"), "{t}");
    assert!(t.lines().count() > 1, "{t}");
    let bad = parallax(&["search", out.to_str().unwrap(), "--act", "denail"]);
    assert!(!bad.status.success());
    assert!(
        stderr(&bad).contains("one of allegation"),
        "{}",
        stderr(&bad)
    );
    let missing = parallax(&["search", "--db", "no/such/store.sqlite", "--speaker", "X"]);
    assert!(!missing.status.success());
    assert!(
        stderr(&missing).contains("no/such/store.sqlite"),
        "{}",
        stderr(&missing)
    );
}
