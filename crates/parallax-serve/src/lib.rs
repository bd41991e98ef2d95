//! The local web UI and the read-only JSON API over a store.
//!
//! Pages: the stories (paged, the most outlets first), a story (the
//! report's section: outlets side by side, charts, answers, counts, its
//! documents with every record marked), a document, the actors (paged) and
//! an actor (its names, descriptors, quotations and acts per outlet), and
//! search with the filters of `parallax search`. The API, under
//! `/api/v1/`, returns the records as JSON; `/api/v1/openapi.json`
//! describes it (OpenAPI 3.1, kept in `openapi.json` beside this crate and
//! checked against the routes by a test).
//!
//! Every page is built from escaped text and carries a Content Security
//! Policy that allows no script at all, so article text that holds markup
//! shows as text and runs nothing. Lists are paged; no page reads a whole
//! table.
//!
//! This crate must not analyse or change anything: it reads the store
//! (opened read-only) and renders what it holds.

use std::fmt::Write;
use std::sync::{Arc, Mutex};

use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use parallax_model::DocumentOutline;
use parallax_report::escape;
use parallax_store::{HitKind, Store, StoreError};
use serde::Deserialize;

/// The API description served at `/api/v1/openapi.json`.
pub const OPENAPI: &str = include_str!("../openapi.json");

/// Rows per page of a list.
pub const PAGE: usize = 50;

/// Every route, as the router and the API description name it.
pub const ROUTES: &[&str] = &[
    "/",
    "/stories/{id}",
    "/documents/{id}",
    "/actors",
    "/actors/{id}",
    "/search",
    "/api/v1/stories",
    "/api/v1/stories/{id}",
    "/api/v1/documents",
    "/api/v1/documents/{id}",
    "/api/v1/documents/{id}/attributions",
    "/api/v1/documents/{id}/statements",
    "/api/v1/actors",
    "/api/v1/actors/{id}",
    "/api/v1/search",
    "/api/v1/openapi.json",
];

/// No script, no outside resource: styles inline, images only as data.
const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

type Shared = Arc<Mutex<Store>>;

/// A failed request: its status and a message.
struct Failure(StatusCode, String);

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Self {
        Failure(StatusCode::INTERNAL_SERVER_ERROR, e.to_string())
    }
}

impl IntoResponse for Failure {
    fn into_response(self) -> Response {
        let body = parallax_report::page(
            "Parallax",
            NAV,
            &format!("<p class=\"warn\">{}</p>", escape(&self.1)),
        );
        (self.0, secure(Html(body).into_response())).into_response()
    }
}

/// A failed API request: the same, as `{"error": message}`.
struct ApiFailure(Failure);

impl From<Failure> for ApiFailure {
    fn from(f: Failure) -> Self {
        ApiFailure(f)
    }
}

impl IntoResponse for ApiFailure {
    fn into_response(self) -> Response {
        let body = serde_json::json!({ "error": self.0 .1 });
        (self.0 .0, secure(Json(body).into_response())).into_response()
    }
}

fn not_found(what: &str, id: &str) -> Failure {
    Failure(
        StatusCode::NOT_FOUND,
        format!("no {what} '{id}' in the store"),
    )
}

/// The page header's links.
const NAV: &str = "<p><a style=\"color:#fff\" href=\"/\">Stories</a> · <a style=\"color:#fff\" href=\"/actors\">Actors</a> · <a style=\"color:#fff\" href=\"/search\">Search</a> · <a style=\"color:#fff\" href=\"/api/v1/openapi.json\">API</a></p>";

fn secure(mut r: Response) -> Response {
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    r
}

fn html(title: &str, body: String) -> Response {
    secure(Html(parallax_report::page(title, NAV, &body)).into_response())
}

/// Run `f` on the store off the async threads.
async fn with_store<T: Send + 'static>(
    store: &Shared,
    f: impl FnOnce(&Store) -> Result<T, Failure> + Send + 'static,
) -> Result<T, Failure> {
    let store = store.clone();
    tokio::task::spawn_blocking(move || {
        let guard = store.lock().map_err(|_| {
            Failure(
                StatusCode::INTERNAL_SERVER_ERROR,
                "the store lock is poisoned".into(),
            )
        })?;
        f(&guard)
    })
    .await
    .map_err(|e| Failure(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?
}

/// The router over an open store.
pub fn router(store: Store) -> Router {
    let shared: Shared = Arc::new(Mutex::new(store));
    Router::new()
        .route("/", get(stories_page))
        .route("/stories/{id}", get(story_page))
        .route("/documents/{id}", get(document_page))
        .route("/actors", get(actors_page))
        .route("/actors/{id}", get(actor_page))
        .route("/search", get(search_page))
        .route("/api/v1/stories", get(api_stories))
        .route("/api/v1/stories/{id}", get(api_story))
        .route("/api/v1/documents", get(api_documents))
        .route("/api/v1/documents/{id}", get(api_document))
        .route("/api/v1/documents/{id}/attributions", get(api_attributions))
        .route("/api/v1/documents/{id}/statements", get(api_statements))
        .route("/api/v1/actors", get(api_actors))
        .route("/api/v1/actors/{id}", get(api_actor))
        .route("/api/v1/search", get(api_search))
        .route("/api/v1/openapi.json", get(openapi))
        .with_state(shared)
}

/// What can stop the server.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: String,
        #[source]
        source: std::io::Error,
    },
    #[error("the server stopped: {0}")]
    Io(#[from] std::io::Error),
}

/// Serve `store` on `addr` until interrupted (Ctrl-C); `ready` is called
/// with the address bound.
pub fn serve(
    store: Store,
    addr: &str,
    ready: impl FnOnce(std::net::SocketAddr),
) -> Result<(), ServeError> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    rt.block_on(async {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|e| ServeError::Bind {
                addr: addr.to_string(),
                source: e,
            })?;
        ready(listener.local_addr()?);
        axum::serve(listener, router(store))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await?;
        Ok(())
    })
}

#[derive(Debug, Default, Deserialize)]
struct Paging {
    offset: Option<usize>,
    limit: Option<usize>,
    /// On a story page: every outlet's column, not only the first ones.
    all: Option<String>,
}

impl Paging {
    fn offset(&self) -> usize {
        self.offset.unwrap_or(0)
    }
    fn limit(&self) -> usize {
        self.limit.unwrap_or(PAGE).clamp(1, 500)
    }
}

/// Links to the previous and next pages of a list.
fn pager(base: &str, offset: usize, shown: usize, limit: usize) -> String {
    let mut h = String::from("<p class=\"meta\">");
    if offset > 0 {
        let _ = write!(
            h,
            "<a href=\"{base}?offset={}\">← previous</a> ",
            offset.saturating_sub(limit)
        );
    }
    let _ = write!(h, "{}–{}", offset + 1.min(shown), offset + shown);
    if shown == limit {
        let _ = write!(
            h,
            " <a href=\"{base}?offset={}\">next →</a>",
            offset + limit
        );
    }
    h.push_str("</p>");
    h
}

async fn stories_page(
    State(s): State<Shared>,
    Query(p): Query<Paging>,
) -> Result<Response, Failure> {
    let (offset, limit) = (p.offset(), p.limit());
    let (rows, total) = with_store(&s, move |st| {
        Ok((st.story_rows(offset, limit)?, st.story_count()?))
    })
    .await?;
    let mut h = format!(
        "<h2>Stories</h2><p class=\"meta\">{total} stories, those covered by the most outlets first.</p><table class=\"cmp\" id=\"stories\"><tr><th>story</th><th>outlets</th><th>documents</th><th>first</th><th>last</th></tr>"
    );
    for r in &rows {
        let _ = write!(
            h,
            "<tr><td><a href=\"/stories/{}\">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&r.id),
            escape(&r.title),
            r.outlets,
            r.documents,
            escape(r.first_published.as_deref().unwrap_or("")),
            escape(r.last_published.as_deref().unwrap_or(""))
        );
    }
    h.push_str("</table>");
    h.push_str(&pager("/", offset, rows.len(), limit));
    Ok(html("Parallax: stories", h))
}

/// Documents a story page shows at once.
pub const STORY_DOCUMENTS: usize = 10;

/// Outlet columns a story page's side-by-side table shows unless asked for
/// all of them.
pub const STORY_OUTLETS: usize = 10;

/// The comparison as a page shows it: the `n` outlets of the most
/// documents (in their order), and the facts any of them reports, with
/// only their reports. The record keeps every outlet; this is layout.
fn first_outlets(c: &parallax_model::Comparison, n: usize) -> parallax_model::Comparison {
    let mut order: Vec<usize> = (0..c.outlets.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(c.outlets[i].documents.len()), i));
    order.truncate(n);
    order.sort_unstable();
    let kept: Vec<&str> = order
        .iter()
        .map(|&i| c.outlets[i].outlet.as_str())
        .collect();
    let mut out = c.clone();
    out.outlets = order.iter().map(|&i| c.outlets[i].clone()).collect();
    out.facts = c
        .facts
        .iter()
        .filter(|f| f.reports.iter().any(|r| kept.contains(&r.outlet.as_str())))
        .cloned()
        .map(|mut f| {
            f.reports.retain(|r| kept.contains(&r.outlet.as_str()));
            f
        })
        .collect();
    out
}

async fn story_page(
    State(s): State<Shared>,
    Path(id): Path<String>,
    Query(p): Query<Paging>,
) -> Result<Response, Failure> {
    let key = id.clone();
    let wanted = p.offset();
    let found = with_store(&s, move |st| {
        let Some(story) = st.story(&key)? else {
            return Ok(None);
        };
        // Every member as an outline for the charts and tables; the page's
        // members whole.
        let outlines = st.outlines(&story.documents)?;
        let offset = wanted.min(story.documents.len());
        let end = (offset + STORY_DOCUMENTS).min(story.documents.len());
        let page = st.documents(&story.documents[offset..end])?;
        let links = st.links_of(&story.documents)?;
        // The far end of each link that leaves the story.
        let mut far_ids: Vec<String> = Vec::new();
        for l in &links {
            let Some(to) = &l.to else { continue };
            for end in [&l.from, to] {
                if !story.documents.contains(&end.doc) && !far_ids.contains(&end.doc) {
                    far_ids.push(end.doc.clone());
                }
            }
        }
        let far = st.outlines(&far_ids)?;
        Ok(Some((story, outlines, page, offset, links, far)))
    })
    .await?;
    let (story, docs, page, offset, links, far) = found.ok_or_else(|| not_found("story", &id))?;
    let shown = STORY_DOCUMENTS;
    let mut h = String::new();
    let _ = write!(
        h,
        "<p class=\"meta\">{} documents from {}. <a href=\"/api/v1/stories/{}\">JSON</a></p>",
        story.documents.len(),
        escape(&story.outlets.join(", ")),
        escape(&story.id)
    );
    let all = p.all.is_some();
    let outlets = story.comparison.outlets.len();
    let mut shown_story = story.clone();
    if !all && outlets > STORY_OUTLETS {
        shown_story.comparison = first_outlets(&story.comparison, STORY_OUTLETS);
        let _ = write!(
            h,
            "<p class=\"meta\">The table below shows the {STORY_OUTLETS} of {outlets} outlets with the most documents: <a href=\"/stories/{}?all=1\">show all {outlets}</a>.</p>",
            escape(&story.id)
        );
    }
    h.push_str(&parallax_report::story_overview(&shown_story, &docs));
    h.push_str(&answers_across(&story, &docs, &links, &far));
    if docs.len() > shown {
        let _ = write!(
            h,
            "<h3>Documents {}–{} of {}</h3>",
            offset + 1,
            offset + page.len(),
            docs.len()
        );
    }
    for d in &page {
        h.push_str(&parallax_report::document_section(d));
    }
    if docs.len() > shown {
        h.push_str(&pager(
            &format!("/stories/{}", escape(&story.id)),
            offset,
            page.len(),
            shown,
        ));
    }
    h.push_str("</section>");
    Ok(html(&story.title, h))
}

/// Answers that cross the story's edge: a denial here of an allegation in
/// another story's document, or an answer elsewhere to an allegation here.
fn answers_across(
    story: &parallax_model::Story,
    docs: &[DocumentOutline],
    links: &[parallax_model::Link],
    far: &[DocumentOutline],
) -> String {
    let find = |doc: &str| docs.iter().chain(far).find(|d| d.id == doc);
    let cell = |r: &parallax_model::StoryStatementRef| -> Option<String> {
        let d = find(&r.doc)?;
        let st = d.statements.get(r.statement)?;
        let other = if story.documents.contains(&r.doc) {
            ""
        } else {
            " (another story)"
        };
        Some(format!(
            "<td><span class=\"reason act-{a}\">{a}</span><b>{}</b> <span class=\"meta\">{}{}</span><br><a href=\"/documents/{}#doc-{}-s{}\">{}</a></td>",
            escape(st.actor.as_deref().unwrap_or("(narrator)")),
            escape(d.outlet_or_id()),
            other,
            escape(&d.id),
            escape(&d.id),
            r.statement,
            escape(&st.text),
            a = escape(&st.act),
        ))
    };
    let rows: Vec<String> = links
        .iter()
        .filter_map(|l| {
            let to = l.to.as_ref()?;
            let inside = story.documents.contains(&l.from.doc) && story.documents.contains(&to.doc);
            if inside {
                return None;
            }
            Some(format!("<tr>{}{}</tr>", cell(to)?, cell(&l.from)?))
        })
        .collect();
    if rows.is_empty() {
        return String::new();
    }
    format!(
        "<h3>Answers across stories</h3><table class=\"cmp\" id=\"answers-across\"><tr><th>allegation</th><th>answer</th></tr>{}</table>",
        rows.concat()
    )
}

async fn document_page(
    State(s): State<Shared>,
    Path(id): Path<String>,
) -> Result<Response, Failure> {
    let key = id.clone();
    let found = with_store(&s, move |st| {
        let Some(d) = st.document(&key)? else {
            return Ok(None);
        };
        let story = st.story_of(&key)?;
        Ok(Some((d, story)))
    })
    .await?;
    let (d, story) = found.ok_or_else(|| not_found("document", &id))?;
    let mut h = String::new();
    if let Some(sid) = story {
        let _ = write!(
            h,
            "<p class=\"meta\">In story <a href=\"/stories/{}\">{}</a>. <a href=\"/api/v1/documents/{}\">JSON</a></p>",
            escape(&sid),
            escape(&sid),
            escape(&d.id)
        );
    }
    h.push_str(&parallax_report::document_section(&d));
    Ok(html(d.title.as_deref().unwrap_or(&d.id), h))
}

async fn actors_page(
    State(s): State<Shared>,
    Query(p): Query<Paging>,
) -> Result<Response, Failure> {
    let (offset, limit) = (p.offset(), p.limit());
    let rows = with_store(&s, move |st| Ok(st.actor_rows(offset, limit)?)).await?;
    let mut h = String::from(
        "<h2>Actors</h2><p class=\"meta\">People and bodies found in two documents or more, the most documents first.</p><table class=\"cmp\" id=\"actors\"><tr><th>actor</th><th>type</th><th>documents</th></tr>",
    );
    for r in &rows {
        let _ = write!(
            h,
            "<tr><td><a href=\"/actors/{}\">{}</a></td><td>{}</td><td>{}</td></tr>",
            escape(&r.id),
            escape(&r.name),
            escape(&r.kind),
            r.documents
        );
    }
    h.push_str("</table>");
    h.push_str(&pager("/actors", offset, rows.len(), limit));
    Ok(html("Parallax: actors", h))
}

async fn actor_page(State(s): State<Shared>, Path(id): Path<String>) -> Result<Response, Failure> {
    let key = id.clone();
    let a = with_store(&s, move |st| Ok(st.actor(&key)?))
        .await?
        .ok_or_else(|| not_found("actor", &id))?;
    let mut h = String::new();
    let _ = write!(
        h,
        "<p class=\"meta\">{} · in {} documents · also named {}. <a href=\"/search?speaker={}\">Its quotations</a> · <a href=\"/api/v1/actors/{}\">JSON</a></p>",
        escape(&a.kind),
        a.documents.len(),
        escape(&a.aliases.join(", ")),
        escape(&url_encode(&a.name)),
        escape(&a.id)
    );
    h.push_str("<h3>By outlet</h3><table class=\"cmp\" id=\"by-outlet\"><tr><th>outlet</th><th>names</th><th>described as</th><th>quoted</th><th>acts made</th><th>acts received</th></tr>");
    for o in &a.outlets {
        let outlet = o.outlet.clone().unwrap_or_else(|| {
            format!(
                "(outlet unknown: {})",
                o.documents.first().map(String::as_str).unwrap_or("")
            )
        });
        let described: Vec<String> = o
            .descriptors
            .iter()
            .map(|d| {
                format!(
                    "<a href=\"/documents/{}\">{}</a> <span class=\"meta\">{}</span>",
                    escape(&d.doc),
                    escape(&d.text),
                    escape(&d.polarity)
                )
            })
            .collect();
        let acts = |m: &std::collections::BTreeMap<String, usize>| {
            m.iter()
                .map(|(k, n)| format!("{} {n}", escape(k)))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let _ = write!(
            h,
            "<tr><th>{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&outlet),
            escape(&o.names.join(", ")),
            if described.is_empty() {
                "—".to_string()
            } else {
                described.join("<br>")
            },
            o.quoted,
            acts(&o.acts_made),
            acts(&o.acts_received)
        );
    }
    h.push_str("</table><h3>Documents</h3><ul>");
    for d in &a.documents {
        let _ = write!(
            h,
            "<li><a href=\"/documents/{}\">{}</a></li>",
            escape(d),
            escape(d)
        );
    }
    h.push_str("</ul>");
    Ok(html(&a.name, h))
}

/// Percent-encode a query value.
fn url_encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
    out
}

/// Search parameters, as `parallax search` takes them.
#[derive(Debug, Default, Deserialize)]
struct SearchParams {
    speaker: Option<String>,
    entity: Option<String>,
    act: Option<String>,
    outlet: Option<String>,
    from: Option<String>,
    to: Option<String>,
    story: Option<String>,
    mode: Option<String>,
    text: Option<String>,
    kind: Option<String>,
    offset: Option<usize>,
    limit: Option<usize>,
}

impl SearchParams {
    fn query(&self) -> Result<parallax_store::Query, Failure> {
        let bad = |m: String| Failure(StatusCode::BAD_REQUEST, m);
        let given = |v: &Option<String>| {
            v.as_deref()
                .map(str::trim)
                .filter(|x| !x.is_empty())
                .map(str::to_string)
        };
        let kind = match given(&self.kind) {
            Some(k) => Some(k.parse::<HitKind>().map_err(bad)?),
            None => None,
        };
        let q = parallax_store::Query {
            kind,
            speaker: given(&self.speaker),
            entity: given(&self.entity),
            act: given(&self.act),
            outlet: given(&self.outlet),
            from: given(&self.from),
            to: given(&self.to),
            story: given(&self.story),
            mode: given(&self.mode),
            text: given(&self.text),
            limit: self.limit.unwrap_or(PAGE).clamp(1, 500),
            offset: self.offset.unwrap_or(0),
        };
        q.check().map_err(bad)?;
        Ok(q)
    }

    fn is_empty(&self) -> bool {
        [
            &self.speaker,
            &self.entity,
            &self.act,
            &self.outlet,
            &self.from,
            &self.to,
            &self.story,
            &self.mode,
            &self.text,
        ]
        .iter()
        .all(|v| v.as_deref().is_none_or(|x| x.trim().is_empty()))
    }
}

async fn search_page(
    State(s): State<Shared>,
    Query(p): Query<SearchParams>,
) -> Result<Response, Failure> {
    let field = |name: &str, label: &str, v: &Option<String>| {
        format!(
            "<label>{label} <input name=\"{name}\" value=\"{}\"></label> ",
            escape(v.as_deref().unwrap_or(""))
        )
    };
    let mut h =
        String::from("<h2>Search</h2><form method=\"get\" action=\"/search\" id=\"search\">");
    h.push_str(&field("speaker", "speaker", &p.speaker));
    h.push_str(&field("entity", "entity", &p.entity));
    h.push_str(&field("act", "act", &p.act));
    h.push_str(&field("mode", "mode", &p.mode));
    h.push_str(&field("outlet", "outlet", &p.outlet));
    h.push_str(&field("from", "from", &p.from));
    h.push_str(&field("to", "to", &p.to));
    h.push_str(&field("story", "story", &p.story));
    h.push_str(&field("text", "words", &p.text));
    h.push_str("<button type=\"submit\">Search</button></form>");
    if p.is_empty() {
        return Ok(html("Parallax: search", h));
    }
    let q = p.query()?;
    let hits = with_store(&s, move |st| Ok(st.search(&q)?)).await?;
    let _ = write!(
        h,
        "<table class=\"cmp\" id=\"hits\"><tr><th>document</th><th>outlet</th><th>date</th><th>who / what</th><th>text</th></tr>"
    );
    for hit in &hits {
        let anchor = match (hit.kind, hit.index) {
            (HitKind::Quotes, Some(i)) => format!("#doc-{}-q{i}", hit.doc),
            (HitKind::Statements, Some(i)) => format!("#doc-{}-s{i}", hit.doc),
            _ => String::new(),
        };
        let _ = write!(
            h,
            "<tr><td><a href=\"/documents/{}{}\">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&hit.doc),
            escape(&anchor),
            escape(&hit.doc),
            escape(hit.outlet.as_deref().unwrap_or("")),
            escape(hit.published.as_deref().unwrap_or("")),
            escape(hit.speaker.as_deref().or(hit.label.as_deref()).unwrap_or("")),
            escape(hit.context.as_deref().unwrap_or(&hit.text))
        );
    }
    h.push_str("</table>");
    if hits.is_empty() {
        h.push_str("<p class=\"meta\">No hits.</p>");
    }
    Ok(html("Parallax: search", h))
}

fn json<T: serde::Serialize>(v: &T) -> Response {
    secure(Json(v).into_response())
}

async fn api_stories(
    State(s): State<Shared>,
    Query(p): Query<Paging>,
) -> Result<Response, ApiFailure> {
    let (offset, limit) = (p.offset(), p.limit());
    let rows = with_store(&s, move |st| Ok(st.story_rows(offset, limit)?)).await?;
    Ok(json(&rows))
}

async fn api_story(
    State(s): State<Shared>,
    Path(id): Path<String>,
) -> Result<Response, ApiFailure> {
    let key = id.clone();
    let story = with_store(&s, move |st| Ok(st.story(&key)?))
        .await?
        .ok_or_else(|| not_found("story", &id))?;
    Ok(json(&story))
}

async fn api_documents(
    State(s): State<Shared>,
    Query(p): Query<Paging>,
) -> Result<Response, ApiFailure> {
    let (offset, limit) = (p.offset(), p.limit());
    let rows = with_store(&s, move |st| Ok(st.document_summaries(offset, limit)?)).await?;
    Ok(json(&rows))
}

async fn load_document(s: &Shared, id: String) -> Result<parallax_model::Document, Failure> {
    let key = id.clone();
    with_store(s, move |st| Ok(st.document(&key)?))
        .await?
        .ok_or_else(|| not_found("document", &id))
}

async fn api_document(
    State(s): State<Shared>,
    Path(id): Path<String>,
) -> Result<Response, ApiFailure> {
    Ok(json(&load_document(&s, id).await?))
}

async fn api_attributions(
    State(s): State<Shared>,
    Path(id): Path<String>,
) -> Result<Response, ApiFailure> {
    Ok(json(&load_document(&s, id).await?.quotes))
}

async fn api_statements(
    State(s): State<Shared>,
    Path(id): Path<String>,
) -> Result<Response, ApiFailure> {
    Ok(json(&load_document(&s, id).await?.statements))
}

async fn api_actors(
    State(s): State<Shared>,
    Query(p): Query<Paging>,
) -> Result<Response, ApiFailure> {
    let (offset, limit) = (p.offset(), p.limit());
    let rows = with_store(&s, move |st| Ok(st.actor_rows(offset, limit)?)).await?;
    Ok(json(&rows))
}

async fn api_actor(
    State(s): State<Shared>,
    Path(id): Path<String>,
) -> Result<Response, ApiFailure> {
    let key = id.clone();
    let a = with_store(&s, move |st| Ok(st.actor(&key)?))
        .await?
        .ok_or_else(|| not_found("actor", &id))?;
    Ok(json(&a))
}

async fn api_search(
    State(s): State<Shared>,
    Query(p): Query<SearchParams>,
) -> Result<Response, ApiFailure> {
    let q = p.query()?;
    let hits = with_store(&s, move |st| Ok(st.search(&q)?)).await?;
    Ok(json(&hits))
}

async fn openapi() -> Response {
    let mut r = OPENAPI.into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    secure(r)
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_model::{Comparison, Fact, FactReport, OutletView};

    #[test]
    fn a_wide_table_keeps_the_outlets_of_the_most_documents_and_their_reports() {
        let view = |o: &str, docs: usize| OutletView {
            outlet: o.into(),
            documents: (0..docs).map(|i| format!("{o}{i}")).collect(),
            speakers: vec![],
            carries: vec![],
            leaves_out: vec![],
            actors: vec![],
        };
        let report = |o: &str| FactReport {
            outlet: o.into(),
            doc: format!("{o}0"),
            text: "x".into(),
            start: 0,
            end: 1,
            value: None,
            by: None,
            record: "counts[0]".into(),
        };
        let fact = |id: &str, outlets: &[&str]| Fact {
            id: id.into(),
            kind: "count".into(),
            label: id.into(),
            act: None,
            outlets: outlets.iter().map(|o| o.to_string()).collect(),
            missing_from: vec![],
            reports: outlets.iter().map(|o| report(o)).collect(),
        };
        let c = Comparison {
            outlets: vec![view("A", 1), view("B", 3), view("C", 2)],
            facts: vec![
                fact("f1", &["A", "B"]),
                fact("f2", &["A"]),
                fact("f3", &["C"]),
            ],
            ..Comparison::default()
        };
        let t = first_outlets(&c, 2);
        let names: Vec<&str> = t.outlets.iter().map(|o| o.outlet.as_str()).collect();
        assert_eq!(
            names,
            ["B", "C"],
            "the two of the most documents, in their order"
        );
        let facts: Vec<(&str, usize)> = t
            .facts
            .iter()
            .map(|f| (f.id.as_str(), f.reports.len()))
            .collect();
        assert_eq!(facts, [("f1", 1), ("f3", 1)]);
        assert_eq!(first_outlets(&c, 5).outlets.len(), 3);
    }
}
