//! The second suite: checks on the third-party data under `../shared`
//! (seed articles, benchmarks, corpora), which is never copied into the
//! repository. Run with `cargo test --workspace -- --ignored`. When the data
//! is missing these tests skip, except under CI (`CI=true`), where they fail.

mod common;

use std::collections::BTreeMap;
use std::path::PathBuf;

use common::*;
use serde_json::Value;

fn shared(sub: &str) -> Option<PathBuf> {
    let dir = repo_root().join("..").join("shared").join(sub);
    if dir.exists() {
        return Some(dir);
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!(
            "{} is missing: the shared-data suite cannot run under CI without it",
            dir.display()
        );
    }
    eprintln!("skipping: {} is not here", dir.display());
    None
}

fn seed_documents() -> Option<(PathBuf, Vec<Value>)> {
    let dir = shared("seeds")?;
    let out = parallax(&["extract", dir.to_str()?]);
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = lines(&out.stdout);
    assert_eq!(docs.len(), 5, "{}", stderr(&out));
    Some((dir, docs))
}

fn seed<'a>(docs: &'a [Value], prefix: &str) -> &'a Value {
    docs.iter()
        .find(|d| d["id"].as_str().unwrap().starts_with(prefix))
        .unwrap_or_else(|| panic!("no seed {prefix}"))
}

/// What each seed must lose, by reason, and a few words of each piece:
/// generic markers, not the articles' own sentences.
const EXPECTED_REMOVED: &[(&str, &[(&str, &str)])] = &[
    (
        "000_",
        &[
            ("related-link", "READ MORE:"),
            ("related-link", "READ MORE:"),
            ("related-link", "LISTEN MORE:"),
        ],
    ),
    (
        "001_",
        &[
            ("navigation", "Accessibility links"),
            ("navigation", "Breaking News"),
            ("byline", "With reporting by"),
            ("image-placeholder", "16x9 Image"),
            ("footer", "journalists report the news in"),
            ("legal-notice", "undesirable organization"),
            ("legal-notice", "could face fines or imprisonment"),
            ("page-chrome", "click here"),
        ],
    ),
    (
        "002_",
        &[
            ("live-updates", "LIVE UPDATES"),
            ("social-embed", "pic.twitter.com"),
            ("social-embed", "(@RT_com)"),
            ("social-embed", "t.co/"),
            ("social-embed", "(@RT_com)"),
            ("related-link", "LISTEN MORE:"),
        ],
    ),
    ("003_", &[]),
    (
        "004_",
        &[("navigation", "All news"), ("dateline", "/TASS/")],
    ),
];

#[test]
#[ignore = "reads ../shared"]
fn seeds_lose_exactly_their_boilerplate() {
    let Some((_, docs)) = seed_documents() else {
        return;
    };
    for (prefix, expected) in EXPECTED_REMOVED {
        let d = seed(&docs, prefix);
        let removed: Vec<(&str, &str)> = d["removed"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| (r["reason"].as_str().unwrap(), r["text"].as_str().unwrap()))
            .collect();
        assert_eq!(removed.len(), expected.len(), "{prefix}: {removed:#?}");
        for ((reason, text), (want_reason, marker)) in removed.iter().zip(expected.iter()) {
            assert_eq!(reason, want_reason, "{prefix}: {text}");
            assert!(text.contains(marker), "{prefix}: {text:?} lacks {marker:?}");
        }
    }
}

#[test]
#[ignore = "reads ../shared"]
fn every_line_of_reporting_stays_in_the_text() {
    let Some((dir, docs)) = seed_documents() else {
        return;
    };
    for d in &docs {
        let id = d["id"].as_str().unwrap();
        let raw = std::fs::read_to_string(dir.join(format!("{id}.txt"))).unwrap();
        let text = d["text"].as_str().unwrap();
        let removed: Vec<&str> = d["removed"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["text"].as_str().unwrap())
            .collect();
        let title = d["title"].as_str().unwrap_or("");
        for line in raw.lines().map(str::trim).filter(|l| !l.is_empty()) {
            let line = line.replace('\u{a0}', " ");
            let kept = text.lines().any(|t| line.ends_with(t) && !t.is_empty());
            let gone = removed
                .iter()
                .any(|r| line.contains(r.trim_start_matches(['•', ' '])));
            assert!(
                kept || gone || line == title,
                "{id}: line neither kept nor removed: {line:?}"
            );
        }
        check_spans(d);
    }
}

#[test]
#[ignore = "reads ../shared"]
fn seeds_that_name_their_outlet_get_it_with_evidence() {
    let Some((_, docs)) = seed_documents() else {
        return;
    };
    for (prefix, outlet, evidence) in [
        ("001_", "RFE/RL", "journalists report"),
        ("002_", "RT", "LIVE UPDATES"),
        ("004_", "TASS", "/TASS/"),
    ] {
        let d = seed(&docs, prefix);
        assert_eq!(d["outlet"]["name"], outlet, "{prefix}");
        let ev = d["outlet"]["evidence"].as_str().unwrap();
        assert!(ev.contains(evidence), "{prefix}: {ev}");
    }
    // Those that do not name themselves get no outlet rather than a wrong one.
    for prefix in ["000_", "003_"] {
        assert!(seed(&docs, prefix)["outlet"].is_null(), "{prefix}");
    }
    let tass = seed(&docs, "004_");
    assert_eq!(tass["published"], "2016-06-10");
    assert!(tass["published_evidence"]
        .as_str()
        .unwrap()
        .contains("dateline"));
    let rt = seed(&docs, "002_");
    assert_eq!(rt["published"], "2015-10-01");
    assert!(rt["published_evidence"]
        .as_str()
        .unwrap()
        .contains("embedded post"));
}

#[test]
#[ignore = "reads ../shared"]
fn seed_sentences_respect_titles_and_abbreviations() {
    let Some((_, docs)) = seed_documents() else {
        return;
    };
    for d in &docs {
        let text: Vec<char> = d["text"].as_str().unwrap().chars().collect();
        for s in d["sentences"].as_array().unwrap() {
            let (a, b) = (
                s["start"].as_u64().unwrap() as usize,
                s["end"].as_u64().unwrap() as usize,
            );
            let sentence: String = text[a..b].iter().collect();
            for abbr in [" Maj.", " Gen.", " U.S.", " Oct."] {
                assert!(
                    !sentence.ends_with(abbr),
                    "{}: sentence ends at an abbreviation: {sentence:?}",
                    d["id"]
                );
            }
        }
    }
}

#[test]
#[ignore = "reads ../shared"]
fn html_main_text_reaches_the_benchmark_target() {
    let Some(dir) = shared("datasets/article-extraction-benchmark") else {
        return;
    };
    let out = parallax(&["eval", "extraction", dir.to_str().unwrap(), "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let scores: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(scores["pages"], 181);
    let f1 = scores["f1"].as_f64().unwrap();
    assert!(
        f1 >= 0.97,
        "F1 {f1} below 0.97 (acceptance floor 0.96, measured 0.979): {scores}"
    );
}

#[test]
#[ignore = "reads ../shared"]
fn allsides_corpus_is_fully_accounted_for() {
    let Some(dir) = shared("datasets/allsides-articles") else {
        return;
    };
    let file = dir.join("articles.jsonl.gz");
    let out = parallax(&[
        "extract",
        file.to_str().unwrap(),
        "--field",
        "outlet=source",
        "--field",
        "published=date",
        "--quiet",
    ]);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    // Count the output without holding all of it as JSON at once.
    let mut outlets: BTreeMap<String, usize> = BTreeMap::new();
    let mut n = 0;
    // The corpus is English: 37,553 of its articles are detected so and
    // one, a bilingual transcript, French without confidence (so read).
    let mut not_english = 0;
    let mut skipped_as_foreign = 0;
    for line in out.stdout.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
        let d: Value = serde_json::from_slice(line).unwrap();
        n += 1;
        not_english += usize::from(d["language"]["code"] != "en");
        skipped_as_foreign += usize::from(
            d["warnings"]
                .as_array()
                .unwrap()
                .iter()
                .any(|w| w.as_str().unwrap().contains("not English")),
        );
        *outlets
            .entry(d["outlet"]["name"].as_str().unwrap_or("").to_string())
            .or_default() += 1;
    }
    let tally = err
        .lines()
        .rev()
        .find(|l| l.starts_with("read "))
        .unwrap_or_else(|| panic!("no tally in {err}"));
    assert!(tally.starts_with("read 37554, "), "{tally}");
    let analysed: usize = tally
        .split("analysed ")
        .nth(1)
        .and_then(|s| s.split(',').next())
        .and_then(|s| s.parse().ok())
        .unwrap();
    let skipped: usize = tally
        .split("skipped ")
        .nth(1)
        .and_then(|s| s.split([' ', ';']).next())
        .and_then(|s| s.parse().ok())
        .unwrap();
    assert_eq!(analysed, n);
    assert_eq!(analysed + skipped, 37554, "{tally}");
    assert!(
        !outlets.contains_key(""),
        "every article has its outlet from the 'source' field"
    );
    assert!(outlets.len() > 400, "{} outlets", outlets.len());
    assert!(
        not_english <= 5,
        "{not_english} articles not detected as English"
    );
    assert!(
        skipped_as_foreign <= 2,
        "{skipped_as_foreign} articles skipped"
    );
}

/// (seed, speaker mention, resolved name) that must appear among a seed's
/// quotations: pronouns, descriptions and surnames resolved to full names.
const EXPECTED_SPEAKERS: &[(&str, &str, &str)] = &[
    ("000_", "the military official", "Anatoly Antonov"),
    ("000_", "The MoD deputy head", "Anatoly Antonov"),
    ("000_", "Antonov", "Anatoly Antonov"),
    ("001_", "he", "Anatoly Antonov"),
    ("001_", "Antonov", "Anatoly Antonov"),
    (
        "001_",
        "The Syrian Observatory for Human Rights",
        "Syrian Observatory for Human Rights",
    ),
    ("002_", "Putin", "Vladimir Putin"),
    ("002_", "he", "Vladimir Putin"),
    ("002_", "Igor Klimov", "Igor Klimov"),
    ("002_", "Klimov", "Igor Klimov"),
    ("003_", "Konashenkov", "Igor Konashenkov"),
    ("003_", "he", "Igor Konashenkov"),
    (
        "004_",
        "ministry spokesman Maj. Gen. Igor Konashenkov",
        "Igor Konashenkov",
    ),
    ("004_", "he", "Igor Konashenkov"),
];

#[test]
#[ignore = "reads ../shared"]
fn seed_quotations_have_their_speakers() {
    let Some((_, docs)) = seed_documents() else {
        return;
    };
    for (prefix, mention, name) in EXPECTED_SPEAKERS {
        let d = seed(&docs, prefix);
        let quotes = d["quotes"].as_array().unwrap();
        assert!(
            quotes
                .iter()
                .any(|q| q["speaker"]["mention"] == *mention && q["speaker"]["name"] == *name),
            "{prefix}: no quotation by {mention:?} resolved to {name:?}"
        );
    }
    // Roles and affiliations come from the document itself.
    let role = |prefix: &str, name: &str| -> Vec<(String, String)> {
        seed(&docs, prefix)["quotes"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|q| q["speaker"]["name"] == name)
            .filter_map(|q| {
                let s = &q["speaker"];
                Some((
                    s["role"].as_str()?.to_string(),
                    s["affiliation"].as_str().unwrap_or("").to_string(),
                ))
            })
            .collect()
    };
    let is =
        |r: &(String, String), role: &str, affiliation: &str| r.0 == role && r.1 == affiliation;
    let konashenkov = role("003_", "Igor Konashenkov");
    assert!(!konashenkov.is_empty());
    assert!(
        konashenkov
            .iter()
            .all(|r| is(r, "spokesman", "Defense Ministry")),
        "{konashenkov:?}"
    );
    let klimov = role("002_", "Igor Klimov");
    assert!(
        klimov
            .iter()
            .any(|r| is(r, "spokesman", "Russian Air Force")),
        "{klimov:?}"
    );
    let antonov = role("000_", "Anatoly Antonov");
    assert!(!antonov.is_empty());
    assert!(
        antonov
            .iter()
            .all(|r| is(r, "deputy head", "Defense Ministry")),
        "{antonov:?}"
    );
    for d in &docs {
        let text = d["text"].as_str().unwrap();
        let chars: Vec<char> = text.chars().collect();
        for q in d["quotes"].as_array().unwrap() {
            // Every span verifies, and nothing comes from removed boilerplate.
            let (a, b) = (
                q["start"].as_u64().unwrap() as usize,
                q["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(
                chars[a..b].iter().collect::<String>(),
                q["text"].as_str().unwrap()
            );
            if let Some(s) = q["speaker"].as_object() {
                let (a, b) = (
                    s["start"].as_u64().unwrap() as usize,
                    s["end"].as_u64().unwrap() as usize,
                );
                assert_eq!(
                    chars[a..b].iter().collect::<String>(),
                    s["mention"].as_str().unwrap()
                );
            }
        }
        // Direct quotations all have a speaker.
        for q in d["quotes"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|q| q["kind"] == "direct")
        {
            assert!(
                q["speaker"].is_object(),
                "{}: direct quotation without speaker: {}",
                d["id"],
                q["text"]
            );
        }
    }
}

#[test]
#[ignore = "reads ../shared"]
fn attribution_on_polnear_dev_does_not_regress() {
    let Some(dir) = shared("datasets/polnear/data/dev") else {
        return;
    };
    let out = parallax(&[
        "eval",
        "attribution",
        "--format",
        "brat",
        dir.to_str().unwrap(),
        "--json",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let s: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(s["documents"], 84);
    // Floors a little under the figures measured last (BENCHMARKS.md),
    // so that a change that makes attribution worse fails here. The records
    // are scored as they are, and only readings that report a proposition
    // are records, so noun-phrase contents, negated and hypothetical
    // reports that the corpus marks are misses.
    for (key, floor) in [
        ("f1_30", 0.715),
        ("speaker_accuracy", 0.89),
        ("quoted_recall", 0.915),
        ("speech_precision_30", 0.91),
    ] {
        let v = s[key].as_f64().unwrap();
        assert!(v >= floor, "{key} {v} fell below {floor}: {s}");
    }
    // Confidences stay calibrated.
    let ece = s["expected_calibration_error"].as_f64().unwrap();
    assert!(ece <= 0.05, "expected calibration error {ece}: {s}");
}

#[test]
#[ignore = "reads ../shared"]
fn seed_entities_carry_each_outlets_characterisation() {
    let Some((_, docs)) = seed_documents() else {
        return;
    };
    let descriptors = |prefix: &str, name: &str| -> Vec<String> {
        seed(&docs, prefix)["entities"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["name"] == name)
            .flat_map(|e| e["descriptors"].as_array().unwrap().iter())
            .map(|d| {
                format!(
                    "{}|{}",
                    d["polarity"].as_str().unwrap(),
                    d["text"].as_str().unwrap()
                )
            })
            .collect()
    };
    let sohr = "Syrian Observatory for Human Rights";
    assert!(descriptors("001_", sohr)
        .iter()
        .any(|d| d.starts_with("crediting|a respected monitoring group")));
    let d3 = descriptors("003_", sohr);
    assert!(
        d3.iter().any(|d| d.starts_with("discrediting|a shadowy")),
        "{d3:?}"
    );
    assert!(d3.iter().any(|d| d == "discrediting|so-called"), "{d3:?}");
    assert!(descriptors("000_", sohr)
        .iter()
        .any(|d| d.contains("run by one man")));
    assert!(descriptors("002_", "Igor Klimov")
        .iter()
        .any(|d| d.starts_with("role|")));
    let aliases: Vec<&str> = seed(&docs, "003_")["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == sohr)
        .map(|e| {
            e["aliases"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(|a| a.as_str())
                .collect()
        })
        .unwrap_or_default();
    assert!(aliases.contains(&"SOHR"), "{aliases:?}");
}

#[test]
#[ignore = "reads ../shared"]
fn seeds_are_english_and_annotated() {
    let Some((_, docs)) = seed_documents() else {
        return;
    };
    for d in &docs {
        let id = d["id"].as_str().unwrap();
        assert_eq!(d["language"]["code"], "en", "{id}: {}", d["language"]);
        let confidence = d["language"]["confidence"].as_f64().unwrap();
        assert!(confidence >= 0.9, "{id}: {confidence}");
        let warnings = d["warnings"].as_array().unwrap();
        assert!(
            !warnings
                .iter()
                .any(|w| w.as_str().unwrap().contains("not English")),
            "{id}: {warnings:?}"
        );
        assert!(!d["entities"].as_array().unwrap().is_empty(), "{id}");
    }
}

#[test]
#[ignore = "reads ../shared"]
fn seed_counts_and_dates() {
    let Some((_, docs)) = seed_documents() else {
        return;
    };
    let has = |prefix: &str, value: f64, category: &str, by: Option<&str>| {
        seed(&docs, prefix)["counts"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| {
                c["value"].as_f64() == Some(value)
                    && c["category"] == category
                    && by.is_none_or(|b| c["claimed_by"] == b)
            })
    };
    assert!(has(
        "001_",
        446.0,
        "killed",
        Some("Syrian Observatory for Human Rights")
    ));
    assert!(has(
        "001_",
        9.0,
        "strikes",
        Some("Syrian-American Medical Society")
    ));
    assert!(has("002_", 12.0, "targets", None));
    assert!(has("003_", 10.0, "strikes", None));
    assert!(has("004_", 400.0, "localities", None));
    let q = seed(&docs, "001_")["counts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["value"] == 446)
        .cloned()
        .unwrap();
    assert_eq!(q["qualifier"], "at least");
    // Nothing from the outlet's footer ("27 languages in 23 countries").
    assert!(!seed(&docs, "001_")["counts"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["value"] == 27 || c["value"] == 23));
    let dates = seed(&docs, "004_")["dates"].as_array().unwrap();
    assert!(dates
        .iter()
        .any(|d| d["value"] == "2016-06-08" && d["until"] == "2016-06-09"));
}

#[test]
#[ignore = "reads ../shared"]
fn seed_offsets_point_into_the_seed_files() {
    let Some((dir, docs)) = seed_documents() else {
        return;
    };
    let decoded = decoded_inputs(&[dir.to_str().unwrap()]);
    let mut moved = 0;
    for d in &docs {
        let source = d["source"].as_str().unwrap();
        // The file as a user reads it (UTF-8, without a byte-order mark).
        let file = std::fs::read_to_string(source).unwrap();
        let input = file.strip_prefix('\u{feff}').unwrap_or(&file);
        assert_eq!(decoded.get(source).map(String::as_str), Some(input));
        let check = check_input_offsets(d, input);
        assert!(check.verified >= 20, "{}: {check:?}", d["id"]);
        // No item of the seeds covers a changed character: all verify.
        assert_eq!(check.null, 0, "{}: {check:?}", d["id"]);
        assert!(!d["entities"].as_array().unwrap().is_empty());
        moved += check.moved;
    }
    // Removed lines, blank lines and the dateline move the input offsets
    // away from those into the clean text.
    assert!(moved > 50, "{moved} items moved");
}

/// `parallax eval labels` on one of the hand-labelled AllSides samples:
/// it must hold `labels` records of at least 40 outlets, all found, and
/// reach each floor (a little under the figures BENCHMARKS.md records).
fn labels_reach(file: &str, labels: u64, floors: [(&str, f64); 3]) {
    let Some(articles) = shared("datasets/allsides-articles/articles.jsonl.gz") else {
        return;
    };
    let path = repo_root().join("data/eval").join(file);
    let out = parallax(&[
        "eval",
        "labels",
        path.to_str().unwrap(),
        articles.to_str().unwrap(),
        "--field",
        "outlet=source",
        "-q",
        "--json",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let s: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(s["labels"], labels, "{s}");
    assert_eq!(s["documents_missing"], 0, "{s}");
    assert!(s["outlets"].as_u64().unwrap() >= 40, "{s}");
    for (key, floor) in floors {
        let v = s[key].as_f64().unwrap();
        assert!(v >= floor, "{file}: {key} {v} fell below {floor}: {s}");
    }
}

#[test]
#[ignore = "reads ../shared"]
fn records_against_the_held_out_allsides_sample() {
    // Never tuned on: the rules and the model were changed without reading
    // these records (BENCHMARKS.md).
    labels_reach(
        "allsides_heldout_labels.tsv",
        351,
        [
            ("speech_precision", 0.72),
            ("speaker_accuracy", 0.70),
            ("name_accuracy", 0.71),
        ],
    );
}

#[test]
#[ignore = "reads ../shared"]
fn records_against_the_hand_labelled_allsides_sample() {
    labels_reach(
        "allsides_labels.tsv",
        331,
        [
            ("speech_precision", 0.77),
            ("speaker_accuracy", 0.75),
            ("name_accuracy", 0.77),
        ],
    );
}

/// `parallax analyze` over the seeds, into a fresh directory.
fn analyzed_seeds() -> Option<tempfile::TempDir> {
    let dir = shared("seeds")?;
    let out_dir = tempfile::tempdir().unwrap();
    let run = parallax(&[
        "analyze",
        dir.to_str().unwrap(),
        "-o",
        out_dir.path().to_str().unwrap(),
    ]);
    assert!(run.status.success(), "{}", stderr(&run));
    Some(out_dir)
}

/// The statements of a seed: (act, actor, target, index).
fn seed_acts(doc: &Value) -> Vec<(String, String, String)> {
    doc["statements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["act"].as_str().unwrap_or("").to_string(),
                s["actor"].as_str().unwrap_or("").to_string(),
                s["target"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

#[test]
#[ignore = "reads ../shared"]
fn seed_acts_and_what_answers_what() {
    let Some(out_dir) = analyzed_seeds() else {
        return;
    };
    let docs = lines(&std::fs::read(out_dir.path().join("documents.jsonl")).unwrap());
    let links = lines(&std::fs::read(out_dir.path().join("links.jsonl")).unwrap());
    let has = |doc: &Value, act: &str, actor: &str, target: &str| {
        seed_acts(doc)
            .iter()
            .any(|(a, who, whom)| a == act && who.contains(actor) && whom.contains(target))
    };
    let presstv = seed(&docs, "003_");
    let tass = seed(&docs, "004_");
    let rt = seed(&docs, "000_");
    // The allegations, with their actors and targets.
    assert!(
        has(presstv, "allegation", "Syrian Observatory", "Russia"),
        "{:?}",
        seed_acts(presstv)
    );
    assert!(
        has(tass, "allegation", "Turkish Foreign Ministry", "Russia"),
        "{:?}",
        seed_acts(tass)
    );
    // The ministry's and its spokesmen's denials.
    assert!(has(presstv, "denial", "Defense Ministry", ""));
    assert!(has(presstv, "denial", "Konashenkov", ""));
    assert!(has(tass, "denial", "Konashenkov", ""));
    assert!(has(
        tass,
        "denial",
        "Defense Ministry",
        "Turkish Foreign Ministry"
    ));
    // The demand made to the military attaches.
    assert!(
        has(rt, "demand", "Antonov", "military attaches"),
        "{:?}",
        seed_acts(rt)
    );
    // Counter-accusations beside the denials.
    assert!(has(
        presstv,
        "counter_accusation",
        "Konashenkov",
        "US security services"
    ));
    assert!(has(tass, "counter_accusation", "Konashenkov", "militants"));
    // Each denial in the two articles that carry their allegation answers it.
    for doc in [presstv, tass] {
        let st = doc["statements"].as_array().unwrap();
        for s in st.iter().filter(|s| s["act"] == "denial") {
            let answered = s["answers"]["statement"].as_u64().map(|i| &st[i as usize]);
            assert!(
                answered.is_some_and(|a| a["act"] == "allegation"),
                "{} denial without its allegation: {s}",
                doc["id"]
            );
        }
    }
    // And one answer reaches an allegation in another article.
    assert!(
        links
            .iter()
            .any(|l| l["relation"] == "answers" && l["from"]["doc"] != l["to"]["doc"]),
        "{links:#?}"
    );
}

/// The act accuracy `parallax eval acts` reports on one half of the acts
/// sample.
fn act_accuracy(file: &str) -> Option<(f64, String)> {
    let articles = shared("datasets/allsides-articles/articles.jsonl.gz")?;
    let path = repo_root().join("data/eval").join(file);
    let out = parallax(&[
        "eval",
        "acts",
        path.to_str().unwrap(),
        articles.to_str().unwrap(),
        "--field",
        "outlet=source",
        "--field",
        "published=date",
        "-q",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    let line = text.lines().find(|l| l.starts_with("act accuracy"))?;
    let v: f64 = line.split_whitespace().nth(2)?.parse().ok()?;
    Some((v, text))
}

#[test]
#[ignore = "reads ../shared"]
fn statements_against_the_hand_labelled_acts_sample() {
    // Floors a little under the figures in BENCHMARKS.md, so that a change
    // that loses acts shows.
    for (file, floor, articles, outlets) in [
        ("acts_labels.tsv", 0.70, 23, 23),
        ("acts_heldout_labels.tsv", 0.52, 23, 23),
        ("acts_train_labels.tsv", 0.60, 86, 61),
    ] {
        let Some((v, report)) = act_accuracy(file) else {
            return;
        };
        assert!(
            v >= floor,
            "{file}: act accuracy {v} fell below {floor}\n{report}"
        );
        let from = format!("from {articles} articles of {outlets} outlets");
        assert!(report.contains(&from), "{file}: {report}");
    }
}

#[test]
#[ignore = "reads ../shared"]
fn seeds_group_the_attache_articles_and_keep_the_others_apart() {
    let Some(out_dir) = analyzed_seeds() else {
        return;
    };
    let stories = lines(&std::fs::read(out_dir.path().join("stories.jsonl")).unwrap());
    let mut groups: Vec<Vec<String>> = stories
        .iter()
        .map(|s| {
            let mut d: Vec<String> = s["documents"]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_str().unwrap()[..3].to_string())
                .collect();
            d.sort();
            d
        })
        .collect();
    groups.sort();
    // 000 (RT) and 001 (RFE/RL) report the summoning of the attaches.
    assert_eq!(
        groups,
        vec![vec!["000", "001"], vec!["002"], vec!["003"], vec!["004"]],
        "{stories:?}"
    );
    let attaches = stories
        .iter()
        .find(|s| s["documents"].as_array().unwrap().len() == 2)
        .unwrap();
    assert!(
        attaches["grouped_by"]
            .as_array()
            .unwrap()
            .iter()
            .any(|g| g["value"] == "anatoly antonov"),
        "{attaches}"
    );
}

#[test]
#[ignore = "reads ../shared"]
fn story_grouping_on_ecbplus_test_topics_does_not_regress() {
    let Some(dir) = shared("datasets/ecbplus") else {
        return;
    };
    let out = parallax(&[
        "eval",
        "stories",
        "--gold",
        dir.join("gold_clusters.tsv").to_str().unwrap(),
        dir.join("docs.jsonl").to_str().unwrap(),
        "--field",
        "id=doc_id",
        "--topics",
        "36-45",
        "--json",
        "-q",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["documents"], 210, "{v}");
    assert_eq!(v["gold_clusters"], 20, "{v}");
    // Floors a little under the figures in BENCHMARKS.md (seed 1).
    assert!(v["pairwise_f1"].as_f64().unwrap() >= 0.75, "{v}");
    assert!(v["bcubed_f1"].as_f64().unwrap() >= 0.80, "{v}");
}

#[test]
#[ignore = "reads ../shared"]
fn seed_actors_show_each_outlets_description_of_the_observatory() {
    let Some(out_dir) = analyzed_seeds() else {
        return;
    };
    let actors = lines(&std::fs::read(out_dir.path().join("actors.jsonl")).unwrap());
    let sohr = actors
        .iter()
        .find(|a| a["name"] == "Syrian Observatory for Human Rights")
        .expect("the Observatory is an actor");
    // Three articles of different stories describe it, each its own way.
    assert_eq!(sohr["documents"].as_array().unwrap().len(), 3, "{sohr}");
    assert!(sohr["aliases"]
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a == "SOHR"));
    let described: Vec<(String, String)> = sohr["outlets"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|o| o["descriptors"].as_array().unwrap())
        .map(|d| {
            (
                d["doc"].as_str().unwrap()[..3].to_string(),
                d["polarity"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    for (doc, polarity) in [
        ("001", "crediting"),
        ("003", "discrediting"),
        ("000", "discrediting"),
    ] {
        assert!(
            described.contains(&(doc.to_string(), polarity.to_string())),
            "{doc} {polarity}: {described:?}"
        );
    }
    let rferl = sohr["outlets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["outlet"] == "RFE/RL")
        .expect("RFE/RL's view of it");
    assert!(rferl["descriptors"][0]["text"]
        .as_str()
        .unwrap()
        .contains("respected monitoring group"));
}

#[test]
#[ignore = "reads ../shared"]
fn seed_attache_story_compares_the_two_reports_side_by_side() {
    let Some(out_dir) = analyzed_seeds() else {
        return;
    };
    let stories = lines(&std::fs::read(out_dir.path().join("stories.jsonl")).unwrap());
    let attaches = stories
        .iter()
        .find(|s| {
            s["documents"]
                .as_array()
                .unwrap()
                .iter()
                .any(|d| d.as_str().unwrap().starts_with("001"))
        })
        .expect("a story holds the RFE/RL article");
    let c = &attaches["comparison"];
    // The RT article names no outlet in its text: it stands in a column
    // of its own beside RFE/RL.
    let columns: Vec<&str> = c["outlets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["outlet"].as_str().unwrap())
        .collect();
    assert_eq!(columns.len(), 2, "{columns:?}");
    assert!(columns.contains(&"RFE/RL"), "{columns:?}");
    // Antonov's statement is a fact both carry, and the two translations'
    // words for one thing are paired.
    let echo = &c["facts"][0];
    assert_eq!(echo["kind"], "echo", "{echo}");
    assert!(echo["label"]
        .as_str()
        .unwrap()
        .starts_with("Anatoly Antonov"));
    assert!(echo["missing_from"].as_array().unwrap().is_empty());
    let pairs: Vec<Vec<&str>> = c["wording"]
        .as_array()
        .unwrap()
        .iter()
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
        pairs.contains(&vec!["official validation", "official explanation"]),
        "{pairs:?}"
    );
    // The Observatory as each describes it.
    let described: Vec<String> = c["outlets"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|o| o["actors"].as_array().unwrap())
        .filter(|a| a["actor"] == "Syrian Observatory for Human Rights")
        .flat_map(|a| a["descriptors"].as_array().unwrap())
        .map(|d| d["text"].as_str().unwrap().to_string())
        .collect();
    assert!(
        described
            .iter()
            .any(|d| d.contains("respected monitoring group")),
        "{described:?}"
    );
    assert!(
        described.iter().any(|d| d.contains("run by one man")),
        "{described:?}"
    );
}

#[test]
#[ignore = "reads ../shared"]
fn seed_store_search_lists_konashenkov_from_two_outlets() {
    let Some(out_dir) = analyzed_seeds() else {
        return;
    };
    let store = out_dir.path().join("parallax.sqlite");
    let found = parallax(&[
        "search",
        "--db",
        store.to_str().unwrap(),
        "--speaker",
        "Konashenkov",
    ]);
    assert!(found.status.success(), "{}", stderr(&found));
    let hits = lines(&found.stdout);
    // Two seeds quote him: TASS's, and PressTV's, which names no outlet in
    // its text (so its outlet stays unknown rather than guessed).
    let mut docs: Vec<(&str, Option<&str>)> = hits
        .iter()
        .map(|h| (h["doc"].as_str().unwrap(), h["outlet"].as_str()))
        .collect();
    docs.sort();
    docs.dedup();
    assert_eq!(
        docs,
        [
            ("003_ae5fab7fd22fd5ed", None),
            ("004_b9f34958f912dcc2", Some("TASS"))
        ],
        "{hits:?}"
    );
    assert!(hits
        .iter()
        .all(|h| h["speaker"].as_str().unwrap_or("").contains("Konashenkov")));
    // His statements (acts) too, by the same name.
    let acts = parallax(&[
        "search",
        "--db",
        store.to_str().unwrap(),
        "--speaker",
        "Konashenkov",
        "--kind",
        "statements",
    ]);
    let acts = lines(&acts.stdout);
    assert!(acts.iter().any(|h| h["label"] == "denial"), "{acts:?}");
    // Analysing the seeds again into the same store adds nothing.
    let again = parallax(&[
        "analyze",
        shared("seeds").unwrap().to_str().unwrap(),
        "--db",
        store.to_str().unwrap(),
        "-o",
        out_dir.path().to_str().unwrap(),
    ]);
    assert!(
        stderr(&again).contains("0 documents added, 5 already there unchanged"),
        "{}",
        stderr(&again)
    );
}
