//! Acts linked across documents: a denial in one article answers an
//! allegation in another (hand-written articles, real countries so that
//! the gazetteer says whom a demonym names).

mod common;

use common::*;
use serde_json::Value;

fn analyse(files: &[(&str, &str)]) -> (Vec<Value>, Vec<Value>) {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    for (name, text) in files {
        std::fs::write(input.join(name), text).unwrap();
    }
    let out = dir.path().join("out");
    let run = parallax(&[
        "analyze",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(run.status.success(), "{}", stderr(&run));
    let read = |n: &str| lines(&std::fs::read(out.join(n)).unwrap());
    (read("documents.jsonl"), read("links.jsonl"))
}

fn statement<'a>(docs: &'a [Value], doc: &str, i: u64) -> &'a Value {
    let d = docs.iter().find(|d| d["id"] == doc).unwrap();
    &d["statements"][i as usize]
}

#[test]
fn a_denial_answers_an_allegation_made_in_another_article() {
    let (docs, links) = analyse(&[
        (
            "a_monitor.txt",
            "Monitors accuse Norway over Ardo strikes\n\n\
             The Sorn Monitoring Council said on Monday that Norwegian warplanes had bombed a hospital in Ardo.\n",
        ),
        (
            "b_ministry.txt",
            "Norway rejects strike claims\n\n\
             “The Norwegian air wing has not bombed any hospital in Ardo,” Norwegian Defense Ministry spokesman Ivo Rein said on Tuesday.\n",
        ),
    ]);
    let cross: Vec<&Value> = links
        .iter()
        .filter(|l| l["relation"] == "answers" && l["from"]["doc"] != l["to"]["doc"])
        .collect();
    assert_eq!(cross.len(), 1, "{links:#?}");
    let l = cross[0];
    let from = statement(
        &docs,
        l["from"]["doc"].as_str().unwrap(),
        l["from"]["statement"].as_u64().unwrap(),
    );
    let to = statement(
        &docs,
        l["to"]["doc"].as_str().unwrap(),
        l["to"]["statement"].as_u64().unwrap(),
    );
    assert_eq!(from["act"], "denial");
    assert_eq!(from["cameo"], "016");
    assert_eq!(to["act"], "allegation");
    assert_eq!(to["actor"], "Sorn Monitoring Council");
    assert_eq!(to["target"], "Norway");
    let evidence: Vec<&str> = l["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e.as_str().unwrap())
        .collect();
    assert!(
        evidence.iter().any(|e| e.contains("norway")),
        "{evidence:?}"
    );
    assert!(
        evidence.iter().any(|e| e.starts_with("shared act terms")),
        "{evidence:?}"
    );
    // Answered, so not listed as unanswered.
    assert!(!links
        .iter()
        .any(|l| l["relation"] == "unanswered" && l["from"] == cross[0]["to"]));
}

#[test]
fn an_allegation_nobody_answers_is_listed_and_an_answer_keeps_what_it_names() {
    let (_, links) = analyse(&[
        (
            "a.txt",
            "The Sorn Monitoring Council said Danish jets had shelled a school in Ardo.\n",
        ),
        (
            "b.txt",
            "The Norwegian Defense Ministry rejected the Swedish Foreign Ministry’s accusation on Tuesday.\n",
        ),
    ]);
    assert!(
        links.iter().any(|l| l["relation"] == "unanswered"),
        "{links:#?}"
    );
    let unseen: Vec<&Value> = links
        .iter()
        .filter(|l| l["relation"] == "answers_unseen")
        .collect();
    assert_eq!(unseen.len(), 1, "{links:#?}");
    assert_eq!(
        unseen[0]["reported"],
        "the Swedish Foreign Ministry’s accusation"
    );
}
