//! Real output validates against the JSON Schema shipped in schema/.

mod common;

use common::*;

fn validator(name: &str) -> jsonschema::Validator {
    let text = std::fs::read_to_string(repo_root().join("schema").join(name)).unwrap();
    let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

#[test]
fn documents_and_stories_validate() {
    let docs_schema = validator("document.schema.json");
    let stories_schema = validator("story.schema.json");
    let dir = tempfile::tempdir().unwrap();
    let out = parallax(&[
        "analyze",
        "examples/corpus",
        "--field",
        "outlet=source",
        "-o",
        dir.path().to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = lines(&std::fs::read(dir.path().join("documents.jsonl")).unwrap());
    assert!(!docs.is_empty());
    for d in &docs {
        let errors: Vec<String> = docs_schema.iter_errors(d).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{}: {errors:?}", d["id"]);
    }
    let stories = lines(&std::fs::read(dir.path().join("stories.jsonl")).unwrap());
    for s in &stories {
        let errors: Vec<String> = stories_schema
            .iter_errors(s)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", s["id"]);
    }
    let actors_schema = validator("actor.schema.json");
    let actors = lines(&std::fs::read(dir.path().join("actors.jsonl")).unwrap());
    assert!(
        !actors.is_empty(),
        "the example corpus names bodies in several articles"
    );
    for a in &actors {
        let errors: Vec<String> = actors_schema
            .iter_errors(a)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{a}: {errors:?}");
    }
    let links_schema = validator("link.schema.json");
    let links = lines(&std::fs::read(dir.path().join("links.jsonl")).unwrap());
    assert!(!links.is_empty(), "the example corpus has allegations");
    for l in &links {
        let errors: Vec<String> = links_schema.iter_errors(l).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{l}: {errors:?}");
    }
    let mut broken = links[0].clone();
    broken["relation"] = serde_json::json!("agrees");
    assert!(!links_schema.is_valid(&broken));
    // Every statement a link names exists.
    for l in &links {
        for end in [&l["from"], &l["to"]] {
            if end.is_null() {
                continue;
            }
            let d = docs
                .iter()
                .find(|d| d["id"] == end["doc"])
                .expect("linked document");
            assert!(d["statements"][end["statement"].as_u64().unwrap() as usize].is_object());
        }
    }
    // The schema is not vacuous: a record missing its text fails.
    let mut broken = docs[0].clone();
    broken.as_object_mut().unwrap().remove("text");
    assert!(!docs_schema.is_valid(&broken));
    // Nor are the offsets into the input: a quote or an entity mention
    // without them fails.
    let with_quote = docs
        .iter()
        .find(|d| d["quotes"].as_array().is_some_and(|q| !q.is_empty()))
        .expect("the example corpus has quotations");
    let mut broken = with_quote.clone();
    broken["quotes"][0]
        .as_object_mut()
        .unwrap()
        .remove("input_start");
    assert!(!docs_schema.is_valid(&broken));
    let mut broken = with_quote.clone();
    broken["entities"][0]["mentions"] = serde_json::json!([]);
    assert!(!docs_schema.is_valid(&broken));
}

#[test]
fn the_schema_in_the_library_is_the_schema_on_disk() {
    let disk = std::fs::read_to_string(repo_root().join("schema/document.schema.json")).unwrap();
    assert_eq!(disk, parallax_model::DOCUMENT_SCHEMA);
    let disk = std::fs::read_to_string(repo_root().join("schema/link.schema.json")).unwrap();
    assert_eq!(disk, parallax_model::LINK_SCHEMA);
}
