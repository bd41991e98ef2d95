//! The outlet comparison of the example corpus's stories, end to end:
//! what each outlet quotes, carries and leaves out, how it describes the
//! actors the outlets share, where they differ and the words each uses.
//! The snapshots hold the whole comparison as a reader would scan it.

mod common;

use std::fmt::Write;

use common::*;
use serde_json::Value;

/// Run `analyze` on the example corpus; the documents and stories.
fn analysed() -> (Vec<Value>, Vec<Value>) {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("out");
    let out = parallax(&[
        "analyze",
        "examples/corpus",
        "--field",
        "outlet=source",
        "--field",
        "published=date",
        "-o",
        out_dir.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    (
        lines(&std::fs::read(out_dir.join("documents.jsonl")).unwrap()),
        lines(&std::fs::read(out_dir.join("stories.jsonl")).unwrap()),
    )
}

fn story_with<'a>(stories: &'a [Value], doc: &str) -> &'a Value {
    stories
        .iter()
        .find(|s| s["documents"].as_array().unwrap().iter().any(|d| d == doc))
        .unwrap_or_else(|| panic!("no story holds {doc}"))
}

fn strs(v: &Value) -> Vec<&str> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap())
        .collect()
}

/// The comparison as lines of text: one block per outlet, then the facts,
/// the differences and the wording.
fn render(c: &Value) -> String {
    let mut out = String::new();
    let label = |id: &str| {
        c["facts"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["id"] == id)
            .map(|f| format!("{id} {}", f["label"].as_str().unwrap()))
            .unwrap_or_else(|| format!("{id} ?"))
    };
    for o in c["outlets"].as_array().unwrap() {
        let _ = writeln!(
            out,
            "== {} ({})",
            o["outlet"].as_str().unwrap(),
            strs(&o["documents"]).join(", ")
        );
        let speakers: Vec<String> = o["speakers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| format!("{} ×{}", s["name"].as_str().unwrap(), s["attributions"]))
            .collect();
        let _ = writeln!(out, "  quotes: {}", speakers.join("; "));
        let _ = writeln!(
            out,
            "  carries {} facts",
            o["carries"].as_array().unwrap().len()
        );
        for id in strs(&o["leaves_out"]) {
            let _ = writeln!(out, "  leaves out {}", label(id));
        }
        for a in o["actors"].as_array().unwrap() {
            let described: Vec<&str> = a["descriptors"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| d["text"].as_str().unwrap())
                .collect();
            let _ = writeln!(
                out,
                "  {} as {} | {}",
                a["actor"].as_str().unwrap(),
                strs(&a["names"]).join(", "),
                described.join("; ")
            );
        }
    }
    for f in c["facts"].as_array().unwrap() {
        let _ = writeln!(
            out,
            "{} [{}] in {} | missing from {}",
            label(f["id"].as_str().unwrap()),
            f["kind"].as_str().unwrap(),
            strs(&f["outlets"]).join(", "),
            strs(&f["missing_from"]).join(", ")
        );
    }
    for d in c["differences"].as_array().unwrap() {
        let by: Vec<String> = d["by_outlet"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| {
                format!(
                    "{}: {}",
                    v["outlet"].as_str().unwrap(),
                    strs(&v["values"]).join(", ")
                )
            })
            .collect();
        let _ = writeln!(
            out,
            "differ ({}) on {}: {}",
            d["kind"].as_str().unwrap(),
            d["about"].as_str().unwrap(),
            by.join("; ")
        );
    }
    for w in c["wording"].as_array().unwrap() {
        let by: Vec<String> = w["by_outlet"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                format!(
                    "{}: “{}”",
                    p["outlet"].as_str().unwrap(),
                    p["phrase"]["text"].as_str().unwrap()
                )
            })
            .collect();
        let _ = writeln!(
            out,
            "words ({}): {}",
            w["fact"].as_str().unwrap(),
            by.join(" / ")
        );
    }
    out
}

/// The words at `start..end` of a document's clean text.
fn words_at(docs: &[Value], doc: &str, start: &Value, end: &Value) -> String {
    let text = by_id(docs, doc)["text"].as_str().unwrap();
    let (s, e) = (
        start.as_u64().unwrap() as usize,
        end.as_u64().unwrap() as usize,
    );
    text.chars().skip(s).take(e - s).collect()
}

#[test]
fn every_cell_of_every_comparison_points_at_its_words() {
    let (docs, stories) = analysed();
    let mut checked = 0;
    for s in &stories {
        let c = &s["comparison"];
        for o in c["outlets"].as_array().unwrap() {
            for sp in o["speakers"].as_array().unwrap() {
                for q in sp["quotes"].as_array().unwrap() {
                    let doc = q["doc"].as_str().unwrap();
                    assert_eq!(
                        words_at(&docs, doc, &q["start"], &q["end"]),
                        q["text"].as_str().unwrap()
                    );
                    checked += 1;
                }
            }
            for a in o["actors"].as_array().unwrap() {
                for d in a["descriptors"].as_array().unwrap() {
                    let doc = d["doc"].as_str().unwrap();
                    assert_eq!(
                        words_at(&docs, doc, &d["start"], &d["end"]),
                        d["text"].as_str().unwrap()
                    );
                    checked += 1;
                }
            }
        }
        for f in c["facts"].as_array().unwrap() {
            for r in f["reports"].as_array().unwrap() {
                let doc = r["doc"].as_str().unwrap();
                assert_eq!(
                    words_at(&docs, doc, &r["start"], &r["end"]),
                    r["text"].as_str().unwrap()
                );
                checked += 1;
            }
        }
        for w in c["wording"].as_array().unwrap() {
            for p in w["by_outlet"].as_array().unwrap() {
                let p = &p["phrase"];
                let doc = p["doc"].as_str().unwrap();
                assert_eq!(
                    words_at(&docs, doc, &p["start"], &p["end"]),
                    p["text"].as_str().unwrap()
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 100, "only {checked} cells");
}

#[test]
fn two_stories_of_three_outlets_or_more_with_an_echo_across_translations_and_a_left_out_fact() {
    let (_, stories) = analysed();
    let strike = story_with(&stories, "meridian-market-strike");
    let fire = story_with(&stories, "meridian-karsk-chlorine");
    assert_ne!(strike["id"], fire["id"]);
    for s in [strike, fire] {
        assert!(
            s["outlets"].as_array().unwrap().len() >= 3,
            "{}",
            s["outlets"]
        );
        assert_eq!(
            s["comparison"]["outlets"].as_array().unwrap().len(),
            s["outlets"].as_array().unwrap().len()
        );
    }
    let c = &fire["comparison"];
    // The minister's statement as OTA and Meridian translate it.
    let echo = c["facts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["kind"] == "echo" && f["label"].as_str().unwrap().starts_with("Lidia Marek"))
        .expect("the minister's statement is an echo");
    assert_eq!(
        strs(&echo["outlets"]),
        vec!["Meridian World Service", "OTA"]
    );
    let words: Vec<Vec<&str>> = c["wording"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| w["fact"] == echo["id"])
        .map(|w| {
            w["by_outlet"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p["phrase"]["text"].as_str().unwrap())
                .collect()
        })
        .collect();
    assert!(
        words.contains(&vec!["chlorine leak", "chlorine release"]),
        "{words:?}"
    );
    // OTA leaves out the hospital count that the two others carry.
    let count = c["facts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["kind"] == "count" && f["label"].as_str().unwrap().contains("63"))
        .expect("the hospital count is a fact");
    assert_eq!(strs(&count["missing_from"]), vec!["OTA"]);
    let ota = c["outlets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["outlet"] == "OTA")
        .unwrap();
    assert!(strs(&ota["leaves_out"]).contains(&count["id"].as_str().unwrap()));
    // The Observatory as each outlet of the strike story describes it.
    let described: Vec<(&str, Vec<&str>)> = strike["comparison"]["outlets"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|o| {
            let a = o["actors"]
                .as_array()
                .unwrap()
                .iter()
                .find(|a| a["actor"] == "Observatory for Civilian Harm in Ostrenia")?;
            let texts = a["descriptors"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| d["text"].as_str().unwrap())
                .collect();
            Some((o["outlet"].as_str().unwrap(), texts))
        })
        .collect();
    let of = |outlet: &str| {
        described
            .iter()
            .find(|(o, _)| *o == outlet)
            .map(|(_, t)| t.clone())
            .unwrap_or_default()
    };
    assert!(
        of("Meridian World Service")
            .contains(&"a respected independent monitoring group based in Halvarsund"),
        "{described:?}"
    );
    assert!(
        of("OTA").contains(&"a shadowy group run by one man from abroad"),
        "{described:?}"
    );
}

#[test]
fn the_comparisons_of_the_example_corpus_read_as_before() {
    let (_, stories) = analysed();
    let strike = story_with(&stories, "meridian-market-strike");
    let fire = story_with(&stories, "meridian-karsk-chlorine");
    insta::assert_snapshot!("market_strike", render(&strike["comparison"]));
    insta::assert_snapshot!("karsk_fire", render(&fire["comparison"]));
}
