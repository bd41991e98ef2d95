//! `parallax train cues` on hand-written annotated articles, and
//! `--annotators`, which leaves out the annotators not asked for.

mod common;

use std::fs;

use common::*;

/// Three tiny articles in brat standoff: a text and its attribution
/// relations (Source, Cue, Content), offsets in characters.
fn write_brat(dir: &std::path::Path) {
    let docs = [
        (
            "a",
            "The mayor of Velm vowed to rebuild the harbour. Critics said the plan was too costly.",
        ),
        (
            "b",
            "Port workers vowed to strike on Monday. The union said talks had failed.",
        ),
        (
            "c",
            "The council vowed to publish the accounts. A spokesman said the figures were sound.",
        ),
    ];
    for (name, text) in docs {
        fs::write(dir.join(format!("{name}.txt")), text).unwrap();
        let mut ann = String::new();
        let mut t = 0;
        let mut e = 0;
        for cue in ["vowed", "said"] {
            let c = text.find(cue).unwrap();
            let sentence_start = text[..c].rfind(". ").map_or(0, |i| i + 2);
            let source = (sentence_start, c - 1);
            let content_start = c + cue.len() + 1;
            let content_end = text[content_start..].find('.').unwrap() + content_start;
            let mut span = |kind: &str, a: usize, b: usize| {
                t += 1;
                ann.push_str(&format!("T{t}\t{kind} {a} {b}\t{}\n", &text[a..b]));
                t
            };
            let s = span("Source", source.0, source.1);
            let k = span("Cue", c, c + cue.len());
            let n = span("Content", content_start, content_end);
            let trigger = span("Attribution", c, c + cue.len());
            e += 1;
            ann.push_str(&format!(
                "E{e}\tAttribution:T{trigger} Cue:T{k} Source:T{s} Content:T{n}\n"
            ));
        }
        fs::write(dir.join(format!("{name}.ann")), ann).unwrap();
    }
}

#[test]
fn train_cues_writes_a_model_the_finder_can_read() {
    let dir = tempfile::tempdir().unwrap();
    write_brat(dir.path());
    let model = dir.path().join("model.tsv");
    let out = parallax(&[
        "train",
        "cues",
        dir.path().to_str().unwrap(),
        "-o",
        model.to_str().unwrap(),
        "--min-count",
        "1",
        "--min-rate",
        "0",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("chosen: new"), "{stdout}");
    let text = fs::read_to_string(&model).unwrap();
    assert!(text.contains("threshold\tnew\t"), "{text}");
    assert!(text.contains("threshold\trule\t"), "{text}");
    // Both heads of the gold cues are candidates of the written model.
    assert!(text.lines().any(|l| l.starts_with("w|vowed\t")), "{text}");
    assert!(text.lines().any(|l| l.starts_with("w|said\t")), "{text}");
}

#[test]
fn train_cues_names_a_missing_directory() {
    let out = parallax(&["train", "cues", "no/such/dir", "-o", "/dev/null"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("no/such/dir"), "{}", stderr(&out));
}

#[test]
fn annotators_left_out_leave_their_fields_empty() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.txt");
    fs::write(
        &file,
        "Harbour reopens\nAt least 40 boats returned to Velm on Monday, the port authority said.\n",
    )
    .unwrap();
    let run = |annotators: &str| {
        let out = parallax(&[
            "extract",
            file.to_str().unwrap(),
            "--annotators",
            annotators,
        ]);
        assert!(out.status.success(), "{}", stderr(&out));
        lines(&out.stdout).remove(0)
    };
    let all = run("all");
    assert!(!all["quotes"].as_array().unwrap().is_empty());
    assert!(!all["counts"].as_array().unwrap().is_empty());
    let quotes = run("quotes");
    assert!(!quotes["quotes"].as_array().unwrap().is_empty());
    assert!(quotes["counts"].as_array().unwrap().is_empty());
    assert!(quotes["dates"].as_array().unwrap().is_empty());
    assert!(quotes["entities"].as_array().unwrap().is_empty());
    let bad = parallax(&["extract", file.to_str().unwrap(), "--annotators", "moods"]);
    assert_eq!(bad.status.code(), Some(2));
}
