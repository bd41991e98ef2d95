//! Every item's `input_start`/`input_end` points at its own words in the
//! document's input text, on inputs that cleaning changes: blank lines,
//! CRLF line ends, odd spaces, invisible characters, indented lines,
//! removed boilerplate and a dateline; as a text file, as JSON Lines and
//! as an HTML page.

mod common;

use common::*;
use serde_json::Value;

/// A made-up article with everything cleaning takes out or rewrites.
fn article() -> String {
    [
        "\u{feff}Harbour bridge to reopen in June",
        "",
        "READ MORE: Ferry timetable changes for the summer",
        "",
        "VELM, May 3. /VNA/. The Velm city council voted on Tuesday to reopen the harbour bridge, closed since March 12, 2029.",
        "",
        "   “We will rebuild the\u{a0}bridge and we will do it right,” Mayor Ana Ruiz told reporters.  ",
        "",
        "Ruiz, a former civil engineer, said at least 40 workers would start on June 2.\u{a0}The work will cost 3 million euros, she said.",
        "\tCouncil member Tomas Berg, a critic of the plan, said it was “reckless and rushed” and that about 300 residents had signed a petition.",
        "\u{a0}",
        "Accessibility links",
        "“The money is there,” Berg added on Wednesday. “The will is not.”",
        "The co\u{ad}operative that runs the ferries said 12 boats would keep sailing.",
        "",
        "© 2030 The Velm Courier. All rights reserved.",
    ]
    .join("\r\n")
}

/// What the checks found over all items of one record, with a few kinds
/// that must be there for the test to mean something.
fn check_record(doc: &Value, input: &str) -> InputCheck {
    let check = check_input_offsets(doc, input);
    let kinds: Vec<&str> = spanned_items(doc).iter().map(|(k, _, _)| *k).collect();
    for kind in [
        "quote",
        "speaker",
        "mention",
        "descriptor",
        "counts",
        "dates",
    ] {
        assert!(kinds.contains(&kind), "no {kind} in {kinds:?}");
    }
    // Boilerplate, blank lines and CRs before every item but the first few
    // move the offsets into the input.
    assert!(check.moved * 2 > check.verified, "{check:?}");
    check
}

/// The quotation whose words hold the no-break space has no input offsets;
/// every other quotation has.
fn check_quotes(doc: &Value) {
    for q in doc["quotes"].as_array().unwrap() {
        let text = q["text"].as_str().unwrap();
        if text.contains("rebuild the bridge") {
            assert!(q["input_start"].is_null(), "{q}");
            assert!(q["input_end"].is_null(), "{q}");
        } else {
            assert!(q["input_start"].is_u64(), "{q}");
        }
    }
}

#[test]
fn a_text_file_offsets_point_into_its_content() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bridge.txt");
    std::fs::write(&path, article()).unwrap();
    let out = parallax(&["extract", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = lines(&out.stdout);
    assert_eq!(docs.len(), 1);
    let doc = &docs[0];
    // The boilerplate and the dateline left the text.
    let removed: Vec<&str> = doc["removed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["reason"].as_str().unwrap())
        .collect();
    for reason in ["related-link", "dateline", "navigation", "legal-notice"] {
        assert!(removed.contains(&reason), "{removed:?}");
    }
    // The input of a text file is its content, without the byte-order mark.
    let input = article().replacen('\u{feff}', "", 1);
    let check = check_record(doc, &input);
    assert!(check.null >= 1, "{check:?}");
    check_quotes(doc);
    // The count after the no-break space maps; the soft-hyphenated word
    // is not an item, but the number after it is.
    let counts: Vec<(&str, bool)> = doc["counts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["text"].as_str().unwrap(), c["input_start"].is_u64()))
        .collect();
    assert!(
        counts
            .iter()
            .any(|&(t, mapped)| t.contains("3 million") && mapped),
        "{counts:?}"
    );
    assert!(
        counts.iter().any(|&(t, mapped)| t.contains("12") && mapped),
        "{counts:?}"
    );
}

#[test]
fn a_json_lines_record_offsets_point_into_its_text_field() {
    let text = article();
    let line = serde_json::json!({"id": "bridge", "text": text}).to_string();
    let out = parallax_with_stdin(&["extract", "-"], format!("{line}\n").as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = lines(&out.stdout);
    assert_eq!(docs.len(), 1);
    // The field as given, byte-order mark included.
    let check = check_record(&docs[0], &text);
    assert!(check.null >= 1, "{check:?}");
    check_quotes(&docs[0]);
    // The same article from a file: the same clean offsets, input offsets
    // one further on (the mark the file decoder takes off).
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bridge.txt");
    std::fs::write(&path, &text).unwrap();
    let from_file = lines(&parallax(&["extract", path.to_str().unwrap()]).stdout);
    let (a, b) = (&docs[0]["quotes"], &from_file[0]["quotes"]);
    assert_eq!(a.as_array().unwrap().len(), b.as_array().unwrap().len());
    for (qa, qb) in a.as_array().unwrap().iter().zip(b.as_array().unwrap()) {
        assert_eq!(qa["start"], qb["start"]);
        if let (Some(x), Some(y)) = (qa["input_start"].as_u64(), qb["input_start"].as_u64()) {
            assert_eq!(x, y + 1);
        }
    }
}

/// The made-up article as a page, with navigation, a figure and markup
/// around the paragraphs.
fn page() -> String {
    let paragraphs: String = article()
        .split("\r\n")
        .skip(2)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            format!(
                "<p>{}</p>\r\n",
                l.replace('\u{a0}', "&nbsp;").replace('\u{ad}', "&shy;")
            )
        })
        .collect();
    format!(
        "<!doctype html><html><head><title>Harbour bridge to reopen in June</title></head>\r\n\
         <body><nav><a href=\"/\">Home</a> <a href=\"/city\">City</a></nav>\r\n\
         <article><h1>Harbour bridge to reopen in June</h1>\r\n\
         <figure><img src=\"b.jpg\"><figcaption>The bridge in 2029.</figcaption></figure>\r\n\
         {paragraphs}</article><footer>Contact us</footer></body></html>"
    )
}

#[test]
fn an_html_page_offsets_point_into_its_main_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bridge.html");
    std::fs::write(&path, page()).unwrap();
    let path = path.to_str().unwrap();
    let out = parallax(&["extract", path]);
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = lines(&out.stdout);
    assert_eq!(docs.len(), 1);
    let inputs = decoded_inputs(&[path]);
    let input = inputs.get(path).expect("the page decodes");
    // The main text holds the paragraphs, not the navigation.
    assert!(input.contains("Mayor Ana Ruiz told reporters"), "{input}");
    assert!(!input.contains("Home"), "{input}");
    let check = check_record(&docs[0], input);
    assert!(check.verified >= 20, "{check:?}");
}

#[test]
fn the_example_corpus_offsets_point_into_every_kind_of_input() {
    let root = repo_root().join("examples/corpus");
    let root = root.to_str().unwrap();
    let out = parallax(&["extract", root]);
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = lines(&out.stdout);
    let inputs = decoded_inputs(&[root]);
    let mut verified = 0;
    for d in &docs {
        let source = d["source"].as_str().unwrap();
        let input = inputs
            .get(source)
            .unwrap_or_else(|| panic!("no input for {source}"));
        // Plain text is the file itself; JSON Lines the record's field.
        if source.ends_with(".txt") {
            let file = std::fs::read_to_string(source).unwrap();
            assert_eq!(input, file.strip_prefix('\u{feff}').unwrap_or(&file));
        }
        verified += check_input_offsets(d, input).verified;
    }
    assert!(verified >= 100, "{verified} items verified");
    let sources: Vec<&str> = docs.iter().map(|d| d["source"].as_str().unwrap()).collect();
    for ext in [".txt", ".jsonl:", ".html", ".warc:"] {
        assert!(
            sources.iter().any(|s| s.contains(ext)),
            "no {ext} in {sources:?}"
        );
    }
}
