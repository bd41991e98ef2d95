//! The UI and the API over a small store: every route answers, lists are
//! paged, records come back as stored, and article text that holds markup
//! shows as text under a policy that runs no script.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use parallax_model::{Document, Outlet, Span};
use parallax_store::Store;
use tower::ServiceExt;

fn doc(id: &str, outlet: &str, text: &str) -> Document {
    let n = text.chars().count();
    Document {
        id: id.into(),
        source: format!("{id}.txt"),
        url: None,
        outlet: Some(Outlet {
            name: outlet.into(),
            evidence: "test".into(),
        }),
        published: Some("2031-03-01".into()),
        published_evidence: None,
        title: Some(format!("Title <i>{id}</i>")),
        sentences: vec![Span::new(0, n)],
        paragraphs: vec![Span::new(0, n)],
        text: text.into(),
        removed: vec![],
        quotes: vec![],
        entities: vec![],
        statements: vec![],
        counts: vec![],
        dates: vec![],
        language: None,
        warnings: vec![],
        fingerprint: Default::default(),
    }
}

fn store(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("s.sqlite");
    let mut s = Store::open(&path).unwrap();
    let run = s.start_run("t", "now").unwrap();
    let mut b = s.batch(run).unwrap();
    b.add(&doc(
        "a",
        "Gazette",
        "The mayor said <script>alert(1)</script><img src=x onerror=alert(2)> nothing.",
    ))
    .unwrap();
    b.add(&doc("b", "Herald", "The ferry runs again.")).unwrap();
    b.commit().unwrap();
    let story = parallax_model::Story {
        id: "s1".into(),
        title: "Ferry <b>news</b>".into(),
        documents: vec!["a".into(), "b".into()],
        outlets: vec!["Gazette".into(), "Herald".into()],
        grouped_by: vec![],
        near_duplicates: vec![],
        echoes: vec![],
        comparison: Default::default(),
        links: vec![],
    };
    s.replace_stories(&[story]).unwrap();
    path
}

async fn get(app: &axum::Router, uri: &str) -> (StatusCode, String, Option<String>) {
    let r = app
        .clone()
        .oneshot(Request::get(uri).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = r.status();
    let csp = r
        .headers()
        .get("content-security-policy")
        .map(|v| v.to_str().unwrap().to_string());
    let body = r.into_body().collect().await.unwrap().to_bytes();
    (status, String::from_utf8_lossy(&body).into_owned(), csp)
}

#[tokio::test]
async fn every_page_answers_escaped_and_under_a_no_script_policy() {
    let dir = tempfile::tempdir().unwrap();
    let app = parallax_serve::router(Store::open_read_only(&store(dir.path())).unwrap());
    for uri in [
        "/",
        "/stories/s1",
        "/documents/a",
        "/actors",
        "/search",
        "/search?text=mayor",
    ] {
        let (status, body, csp) = get(&app, uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}: {body}");
        let csp = csp.unwrap_or_default();
        assert!(
            csp.contains("default-src 'none'") && !csp.contains("script-src"),
            "{uri}: {csp}"
        );
        assert!(
            !body.contains("<script") && !body.contains("<img"),
            "{uri}: {body}"
        );
        assert!(!body.contains("<b>news") && !body.contains("<i>a"), "{uri}");
    }
    let (_, story, _) = get(&app, "/stories/s1").await;
    assert!(story.contains("Ferry &lt;b&gt;news&lt;/b&gt;"), "{story}");
    assert!(
        story.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{story}"
    );
    let (_, hits, _) = get(&app, "/search?text=mayor").await;
    assert!(hits.contains("href=\"/documents/a\""), "{hits}");
    let (status, missing, _) = get(&app, "/stories/nope").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(missing.contains("no story &#39;nope&#39;"), "{missing}");
}

#[tokio::test]
async fn the_api_returns_the_stored_records_and_pages_its_lists() {
    let dir = tempfile::tempdir().unwrap();
    let app = parallax_serve::router(Store::open_read_only(&store(dir.path())).unwrap());
    let (status, body, _) = get(&app, "/api/v1/documents/a").await;
    assert_eq!(status, StatusCode::OK);
    let d: Document = serde_json::from_str(&body).unwrap();
    assert_eq!(
        d,
        doc(
            "a",
            "Gazette",
            "The mayor said <script>alert(1)</script><img src=x onerror=alert(2)> nothing."
        )
    );
    let (_, page, _) = get(&app, "/api/v1/documents?limit=1&offset=1").await;
    let rows: Vec<serde_json::Value> = serde_json::from_str(&page).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["id"], "b");
    let (_, stories, _) = get(&app, "/api/v1/stories").await;
    assert!(stories.contains("\"id\":\"s1\""), "{stories}");
    let (_, hits, _) = get(&app, "/api/v1/search?text=ferry").await;
    let hits: Vec<serde_json::Value> = serde_json::from_str(&hits).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0]["doc"], "b");
    let (status, bad, _) = get(&app, "/api/v1/search?from=yesterday").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(bad.contains("\"error\""), "{bad}");
    let (status, _, _) = get(&app, "/api/v1/actors/nobody").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    for uri in [
        "/api/v1/documents/a/attributions",
        "/api/v1/documents/a/statements",
        "/api/v1/actors",
        "/api/v1/stories/s1",
    ] {
        let (status, body, _) = get(&app, uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}");
        let _: serde_json::Value = serde_json::from_str(&body).unwrap();
    }
}

#[tokio::test]
async fn every_listed_route_is_served() {
    let dir = tempfile::tempdir().unwrap();
    let app = parallax_serve::router(Store::open_read_only(&store(dir.path())).unwrap());
    for route in parallax_serve::ROUTES {
        let uri = if route.starts_with("/stories") || route.starts_with("/api/v1/stories") {
            route.replace("{id}", "s1")
        } else {
            route.replace("{id}", "a")
        };
        let (status, body, _) = get(&app, &uri).await;
        // A route the router lacks answers 404 with an empty body; an
        // actor that is not there, 404 with a message.
        assert!(
            status == StatusCode::OK
                || (status == StatusCode::NOT_FOUND && body.contains("no actor")),
            "{uri}: {status} {body}"
        );
    }
}

#[test]
fn the_api_description_lists_every_api_route_and_no_other() {
    let spec: serde_json::Value = serde_json::from_str(parallax_serve::OPENAPI).unwrap();
    assert_eq!(spec["openapi"], "3.1.0");
    let paths: Vec<&str> = spec["paths"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let api: Vec<&str> = parallax_serve::ROUTES
        .iter()
        .copied()
        .filter(|r| r.starts_with("/api/"))
        .collect();
    let mut a = paths.clone();
    a.sort();
    let mut b = api.clone();
    b.sort();
    assert_eq!(a, b);
}

/// A statement record, as the acts annotator writes one.
fn statement(act: &str, actor: &str, text: &str) -> parallax_model::Statement {
    serde_json::from_value(serde_json::json!({
        "act": act, "cameo": "010", "actor": actor, "target": null, "text": text,
        "act_text": null, "act_span": null,
        "evidence": {"rule": "test", "cue": null, "cue_signal": null, "cues": [], "negations": [], "hedges": [], "cameo_words": []},
        "confidence": 0.8, "attribution": null, "answers": null, "answers_reported": null,
        "parties": {"actor": [], "accused": []},
        "start": 0, "end": text.chars().count(), "input_start": null, "input_end": null
    }))
    .unwrap()
}

#[tokio::test]
async fn a_story_page_shows_answers_to_allegations_in_other_stories_and_pages_its_documents() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.sqlite");
    let mut s = Store::open(&path).unwrap();
    let run = s.start_run("t", "now").unwrap();
    let mut b = s.batch(run).unwrap();
    let mut alleging = doc("m", "Gazette", "The monitor said jets hit the market.");
    alleging.statements = vec![statement(
        "allegation",
        "The Monitor",
        "jets hit the market",
    )];
    let mut denying = doc(
        "n",
        "Herald",
        "The ministry denied that jets hit the market.",
    );
    denying.statements = vec![statement(
        "denial",
        "The Ministry",
        "denied that jets hit the market",
    )];
    b.add(&alleging).unwrap();
    b.add(&denying).unwrap();
    for i in 0..25 {
        b.add(&doc(&format!("x{i:02}"), "Herald", "Filler."))
            .unwrap();
    }
    b.commit().unwrap();
    let story = |id: &str, docs: Vec<String>| parallax_model::Story {
        id: id.into(),
        title: id.into(),
        documents: docs,
        outlets: vec![],
        grouped_by: vec![],
        near_duplicates: vec![],
        echoes: vec![],
        comparison: Default::default(),
        links: vec![],
    };
    let mut big: Vec<String> = vec!["n".into()];
    big.extend((0..25).map(|i| format!("x{i:02}")));
    s.replace_stories(&[story("s-m", vec!["m".into()]), story("s-n", big)])
        .unwrap();
    s.replace_links(&[parallax_model::Link {
        from: parallax_model::StoryStatementRef {
            doc: "n".into(),
            statement: 0,
        },
        to: Some(parallax_model::StoryStatementRef {
            doc: "m".into(),
            statement: 0,
        }),
        relation: "answers".into(),
        score: Some(0.9),
        evidence: vec![],
        reported: None,
    }])
    .unwrap();
    drop(s);
    let app = parallax_serve::router(Store::open_read_only(&path).unwrap());
    for id in ["s-n", "s-m"] {
        let (status, page, _) = get(&app, &format!("/stories/{id}")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(page.contains("id=\"answers-across\""), "{id}: {page}");
        assert!(
            page.contains("jets hit the market") && page.contains("(another story)"),
            "{id}"
        );
        assert!(page.contains("href=\"/documents/m#doc-m-s0\""), "{id}");
    }
    // The big story shows its first documents and a link to the rest.
    let (_, first, _) = get(&app, "/stories/s-n").await;
    assert!(first.contains("Documents 1–10 of 26"), "{first}");
    assert!(first.contains("href=\"/stories/s-n?offset=10\""), "{first}");
    let (_, rest, _) = get(&app, "/stories/s-n?offset=20").await;
    assert!(rest.contains("Documents 21–26 of 26"), "{rest}");
    assert!(
        rest.contains("id=\"doc-x24\"") && !rest.contains("id=\"doc-x00\""),
        "{rest}"
    );
}
