//! The bundled example corpus, end to end: what a correct analysis finds in it
//! is written down in examples/README.md.

mod common;

use common::*;
use serde_json::Value;

fn removed<'a>(doc: &'a Value, reason: &str) -> Vec<&'a str> {
    doc["removed"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["reason"] == reason)
        .map(|r| r["text"].as_str().unwrap())
        .collect()
}

fn outlet(doc: &Value) -> (&str, &str) {
    (
        doc["outlet"]["name"].as_str().unwrap_or("(none)"),
        doc["outlet"]["evidence"].as_str().unwrap_or(""),
    )
}

#[test]
fn every_document_is_read_and_spans_verify() {
    let docs = example_documents();
    // Eight single-article files, four JSON lines, one page in the WARC file.
    assert_eq!(docs.len(), 13);
    for d in &docs {
        check_spans(d);
        assert!(!d["text"].as_str().unwrap().is_empty());
    }
}

#[test]
fn boilerplate_of_every_kind_is_removed_with_its_reason() {
    let docs = example_documents();
    let mut reasons = std::collections::BTreeSet::new();
    for d in &docs {
        let text = d["text"].as_str().unwrap();
        for r in d["removed"].as_array().unwrap() {
            reasons.insert(r["reason"].as_str().unwrap().to_string());
            let t = r["text"].as_str().unwrap();
            assert!(
                !text.contains(t),
                "{} still has removed text {t:?}",
                d["id"]
            );
            assert!(!r["detail"].as_str().unwrap().is_empty());
        }
        for marker in [
            "READ MORE:",
            "LIVE UPDATES",
            "pic.twitter.com",
            "Accessibility links",
            "16x9 Image",
            "All rights reserved",
        ] {
            assert!(!text.contains(marker), "{} keeps {marker:?}", d["id"]);
        }
    }
    for kind in [
        "related-link",
        "live-updates",
        "social-embed",
        "navigation",
        "image-placeholder",
        "footer",
        "legal-notice",
        "caption",
        "dateline",
        "repeated-line",
    ] {
        assert!(reasons.contains(kind), "no {kind} removed; saw {reasons:?}");
    }
}

#[test]
fn the_promo_line_repeated_by_one_outlet_is_removed_everywhere() {
    let docs = example_documents();
    for id in [
        "ledger-funerals",
        "ledger-hospital-witnesses",
        "ledger-concord-envoy",
    ] {
        let d = by_id(&docs, id);
        let rep = removed(d, "repeated-line");
        assert!(
            rep.iter()
                .any(|t| t.starts_with("Five stories and one strong coffee")),
            "{id}: {rep:?}"
        );
    }
}

#[test]
fn outlets_are_inferred_with_evidence() {
    let docs = example_documents();
    let cases = [
        (
            "meridian-market-strike",
            "Meridian World Service",
            "journalists report",
        ),
        ("ota-defence-ministry-denial", "OTA", "dateline"),
        ("ota-foreign-ministry-concord", "OTA", "dateline"),
        ("ledger-funerals", "The Northgate Ledger", "page metadata"),
        (
            "ledger-hospital-witnesses",
            "The Northgate Ledger",
            "@NorthgateLedger",
        ),
        (
            "ledger-concord-envoy",
            "The Northgate Ledger",
            "shares the line",
        ),
        ("crawl:2", "Meridian World Service", ""),
        (
            "cpw-20310303-0412",
            "Continental Press Wire",
            "input field 'source'",
        ),
    ];
    for (id, name, evidence) in cases {
        let (got, ev) = outlet(by_id(&docs, id));
        assert_eq!(got, name, "{id}");
        assert!(
            ev.contains(evidence),
            "{id}: evidence {ev:?} lacks {evidence:?}"
        );
    }
}

#[test]
fn publication_dates_are_inferred_with_evidence() {
    let docs = example_documents();
    let cases = [
        ("meridian-market-strike", "2031-03-03", "date line"),
        ("ledger-hospital-witnesses", "2031-03-03", "embedded post"),
        ("ledger-concord-envoy", "2031-03-07", "date line"),
        ("ota-defence-ministry-denial", "2031-03-04", "dateline"),
        ("ota-foreign-ministry-concord", "2031-03-06", "dateline"),
        ("ledger-funerals", "2031-03-04", "page metadata"),
        ("cpw-20310308-0057", "2031-03-08", "input field 'date'"),
    ];
    for (id, date, evidence) in cases {
        let d = by_id(&docs, id);
        assert_eq!(d["published"], date, "{id}");
        let ev = d["published_evidence"].as_str().unwrap_or("");
        assert!(ev.contains(evidence), "{id}: {ev:?}");
    }
}

#[test]
fn headlines_become_titles_and_leave_the_text() {
    let docs = example_documents();
    let d = by_id(&docs, "meridian-market-strike");
    let title = d["title"].as_str().unwrap();
    assert!(title.starts_with("Dozens killed"), "{title}");
    assert!(!d["text"].as_str().unwrap().contains(title));
}

#[test]
fn analyze_writes_documents_stories_and_an_escaped_report() {
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
    let err = stderr(&out);
    assert!(err.contains("read 13, analysed 13, skipped 0;"), "{err}");
    assert!(
        err.contains("; 1 WARC record that is not a page (warcinfo 1)"),
        "{err}"
    );
    assert!(!err.contains("mapped field"), "{err}");
    let docs = lines(&std::fs::read(out_dir.join("documents.jsonl")).unwrap());
    let stories = lines(&std::fs::read(out_dir.join("stories.jsonl")).unwrap());
    assert_eq!(docs.len(), 13);
    // Every document is in exactly one story.
    let mut grouped: Vec<&str> = stories
        .iter()
        .flat_map(|s| s["documents"].as_array().unwrap())
        .map(|d| d.as_str().unwrap())
        .collect();
    grouped.sort_unstable();
    let mut ids: Vec<&str> = docs.iter().map(|d| d["id"].as_str().unwrap()).collect();
    ids.sort_unstable();
    assert_eq!(grouped, ids);
    // The market strike, as four outlets told it, is one story, and it
    // says what joined its documents.
    let strike = stories
        .iter()
        .find(|s| {
            s["documents"]
                .as_array()
                .unwrap()
                .iter()
                .any(|d| d == "meridian-market-strike")
        })
        .expect("a story holds the Meridian article");
    for d in [
        "cpw-20310303-0412",
        "ota-defence-ministry-denial",
        "ledger-funerals",
    ] {
        assert!(
            strike["documents"]
                .as_array()
                .unwrap()
                .iter()
                .any(|x| x == d),
            "{d} is not in the market-strike story: {strike}"
        );
    }
    assert!(strike["outlets"].as_array().unwrap().len() >= 4, "{strike}");
    let why = strike["grouped_by"].as_array().unwrap();
    assert!(
        why.iter()
            .any(|g| g["kind"] == "entity" && g["value"] == "dar el-vessa"),
        "{why:?}"
    );
    // Every act and every kind of link shows in the first command's output.
    let acts: std::collections::BTreeSet<&str> = docs
        .iter()
        .flat_map(|d| d["statements"].as_array().unwrap())
        .map(|s| s["act"].as_str().unwrap())
        .collect();
    for act in [
        "allegation",
        "denial",
        "demand",
        "counter_accusation",
        "criticism",
        "claim",
    ] {
        assert!(
            acts.contains(act),
            "no {act} in the example corpus: {acts:?}"
        );
    }
    let links = lines(&std::fs::read(out_dir.join("links.jsonl")).unwrap());
    let relations: std::collections::BTreeSet<&str> = links
        .iter()
        .map(|l| l["relation"].as_str().unwrap())
        .collect();
    for r in ["answers", "answers_unseen", "unanswered"] {
        assert!(relations.contains(r), "no {r} link: {relations:?}");
    }
    // The Defence Ministry's denial answers the monitoring group's
    // allegation in another outlet's article.
    let cross = links.iter().any(|l| {
        l["relation"] == "answers" && !l["to"].is_null() && l["from"]["doc"] != l["to"]["doc"] && {
            let from = &by_id(&docs, l["from"]["doc"].as_str().unwrap())["statements"]
                [l["from"]["statement"].as_u64().unwrap() as usize];
            let to = &by_id(&docs, l["to"]["doc"].as_str().unwrap())["statements"]
                [l["to"]["statement"].as_u64().unwrap() as usize];
            from["act"] == "denial"
                && from["actor"]
                    .as_str()
                    .is_some_and(|a| a.contains("Defence Ministry"))
                && to["actor"] == "Observatory for Civilian Harm in Ostrenia"
        }
    });
    assert!(cross, "{links:#?}");
    let html = std::fs::read_to_string(out_dir.join("index.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    // Every paragraph of every document appears, escaped: with the
    // report's markup taken away (records are marked inside the text), the
    // words read as in the document.
    let mut plain = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => plain.push(c),
            _ => {}
        }
    }
    let plain = plain
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    for d in &docs {
        let text = d["text"].as_str().unwrap();
        let first = text.lines().next().unwrap();
        assert!(plain.contains(first), "report lacks {first:?}");
    }
    assert!(
        !html.contains("<script"),
        "the report must not carry scripts"
    );
}
