//! The HTML report: one self-contained file a person can open and check.
//!
//! For each story the report sets its outlets side by side (whom each
//! quotes, which facts each carries or leaves out, how each describes the
//! actors they share, where they differ, the words each uses). For each
//! story and each of its documents the report shows the clean text
//! paragraph by paragraph and, beside it, every piece of boilerplate that was
//! taken out with its reason, plus the outlet and date with their evidence;
//! below it the quotations with their speakers, and the counts and dates.
//! Every piece of article text is HTML-escaped; the page loads nothing from
//! elsewhere.
//!
//! This crate must not compute analysis: it renders records as they are.

mod views;

use std::fmt::Write;

use parallax_model::{Comparison, Document, DocumentOutline, Story};

/// Most facts and speakers a story's side-by-side table shows; the
/// records hold them all.
const TABLE_ROWS: usize = 40;

/// Cut `s` to at most `n` characters, marking a cut with an ellipsis.
fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        format!(
            "{}…",
            s.chars().take(n.saturating_sub(1)).collect::<String>()
        )
    }
}

/// Escape text for HTML element content and quoted attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
header{padding:1rem 2rem;background:#23313f;color:#fff}
header h1{margin:0;font-size:1.4rem}
main{padding:1rem 2rem;max-width:80rem}
nav ol{columns:2}
section.story{margin:2rem 0;border-top:3px solid #23313f}
article{background:#fff;border:1px solid #ddd;border-radius:6px;margin:1rem 0;padding:1rem}
.meta{color:#555;font-size:.9rem}
.meta dt{font-weight:600;float:left;clear:left;width:7rem}
.meta dd{margin-left:7.5rem}
.cols{display:grid;grid-template-columns:2fr 1fr;gap:1.5rem}
.text p{margin:.4rem 0}
aside h4{margin:.2rem 0}
aside li{font-size:.85rem;margin:.3rem 0;color:#444}
.reason{display:inline-block;font-size:.75rem;background:#eee;border-radius:3px;padding:0 .3rem;margin-right:.3rem;color:#333}
.warn{color:#8a4b00}
table.cmp{border-collapse:collapse;background:#fff;margin:.5rem 0;font-size:.85rem;width:100%}
table.cmp th,table.cmp td{border:1px solid #ddd;padding:.25rem .4rem;vertical-align:top;text-align:left}
table.cmp td.out{background:#fdf1e3;color:#8a4b00}
table.cmp td.no{color:#aaa}
.hl.e{border-bottom:1px dotted #5b7a99}
.hl.q{background:#fff4c2}
.hl.s{text-decoration:underline #b0413e 2px}
.hl.n{background:#dff0e0;font-weight:600}
.act-allegation{background:#f8d7d5}.act-denial{background:#d6e4f5}.act-demand{background:#f5e8c8}
.act-counter_accusation{background:#ead6f0}.act-criticism{background:#f3dcc9}
svg.chart{background:#fff;border:1px solid #ddd;margin:.3rem 0}
"#;

/// A story as the report's table of contents lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryEntry {
    pub id: String,
    pub title: String,
    pub outlets: Vec<String>,
}

impl From<&Story> for StoryEntry {
    fn from(s: &Story) -> Self {
        StoryEntry {
            id: s.id.clone(),
            title: s.title.clone(),
            outlets: s.outlets.clone(),
        }
    }
}

/// Render the report for a run into one string (documents and stories
/// in memory; see [`render_into`] for a corpus too large for that).
pub fn render(title: &str, summary: &str, docs: &[Document], stories: &[Story]) -> String {
    let by_id: std::collections::HashMap<&str, &Document> =
        docs.iter().map(|d| (d.id.as_str(), d)).collect();
    let entries: Vec<StoryEntry> = stories.iter().map(StoryEntry::from).collect();
    let mut next = stories.iter();
    let mut out = Vec::new();
    // Writing into a Vec cannot fail.
    let _ = render_into(&mut out, title, summary, &entries, |_| {
        Ok(next.next().map(|s| {
            let docs = s
                .documents
                .iter()
                .filter_map(|id| by_id.get(id.as_str()).map(|d| (*d).clone()))
                .collect();
            (s.clone(), docs)
        }))
    });
    String::from_utf8(out).unwrap_or_default()
}

/// A whole page: the report's style and `body`, under a header titled
/// `title` (escaped here; `body` must be markup this crate made).
pub fn page(title: &str, nav: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{t}</title><style>{STYLE}</style></head><body><header><h1>{t}</h1>{nav}</header><main>{body}</main></body></html>\n",
        t = escape(title)
    )
}

/// One story's section as the report draws it: what joined it, the
/// outlets side by side, its charts, answers and counts, then each of its
/// documents (`docs`, in the story's order).
pub fn story_section(s: &Story, docs: &[Document]) -> String {
    let outlines: Vec<DocumentOutline> = docs.iter().map(DocumentOutline::of).collect();
    let mut h = story_overview(s, &outlines);
    for d in docs {
        render_document(&mut h, d);
    }
    h.push_str("</section>");
    h
}

/// A story's section without its documents and left open (the caller
/// adds documents and closes it with `</section>`): what joined it, the
/// outlets side by side, its charts (from the outlines of its documents,
/// `docs`), answers and counts.
pub fn story_overview(s: &Story, docs: &[DocumentOutline]) -> String {
    let mut h = String::new();
    let _ = write!(
        h,
        "<section class=\"story\" id=\"{}\"><h2>{}</h2>",
        escape(&s.id),
        escape(&s.title)
    );
    render_story_facts(&mut h, s);
    render_comparison(&mut h, &s.comparison);
    views::timeline(&mut h, docs);
    views::quoted(&mut h, docs);
    views::answers(&mut h, s, docs);
    views::counts_by_claimant(&mut h, docs);
    h
}

/// One document as the report draws it: its facts, its text with every
/// record marked, the removed pieces beside it, its records below.
pub fn document_section(d: &Document) -> String {
    let mut h = String::new();
    render_document(&mut h, d);
    h
}

/// Render the report into `out` one story at a time: the table of
/// contents from `entries`, then for each entry its section, from the
/// story and documents `story` gives for it (`None` leaves it out). Memory
/// holds one story's documents, not the corpus.
pub fn render_into<W: std::io::Write>(
    out: &mut W,
    title: &str,
    summary: &str,
    entries: &[StoryEntry],
    mut story: impl FnMut(&StoryEntry) -> std::io::Result<Option<(Story, Vec<Document>)>>,
) -> std::io::Result<()> {
    let mut h = String::new();
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{}</title><style>{STYLE}</style></head><body>",
        escape(title)
    );
    let _ = write!(
        h,
        "<header><h1>{}</h1><p>{}</p></header><main>",
        escape(title),
        escape(summary)
    );
    h.push_str("<nav><h2>Stories</h2><ol>");
    for s in entries {
        let _ = write!(
            h,
            "<li><a href=\"#{}\">{}</a> <span class=\"meta\">{}</span></li>",
            escape(&s.id),
            escape(&s.title),
            escape(&s.outlets.join(", "))
        );
    }
    h.push_str("</ol></nav>");
    out.write_all(h.as_bytes())?;
    for e in entries {
        let Some((s, docs)) = story(e)? else {
            continue;
        };
        let h = story_section(&s, &docs);
        out.write_all(h.as_bytes())?;
    }
    out.write_all(b"</main></body></html>\n")
}

/// What joined a story's documents, its near copies and its echoes.
fn render_story_facts(h: &mut String, s: &Story) {
    if !s.grouped_by.is_empty() {
        let why: Vec<String> = s
            .grouped_by
            .iter()
            .map(|g| format!("{} {} ({})", g.kind, g.value, g.documents))
            .collect();
        let _ = write!(
            h,
            "<p class=\"meta\">Grouped by: {}</p>",
            escape(&why.join(", "))
        );
    }
    for n in &s.near_duplicates {
        let _ = write!(
            h,
            "<p class=\"meta\">Near copy: {} of {} (similarity {:.2})</p>",
            escape(&n.doc),
            escape(&n.of),
            n.similarity
        );
    }
    if s.echoes.is_empty() {
        return;
    }
    h.push_str("<h3>Echoes</h3><ul class=\"echoes\">");
    for e in &s.echoes {
        let _ = write!(
            h,
            "<li>{} <span class=\"meta\">{}</span><ul>",
            escape(e.speaker.as_deref().unwrap_or("(unnamed)")),
            escape(&e.outlets.join(", "))
        );
        for q in &e.quotes {
            let _ = write!(
                h,
                "<li><span class=\"meta\">{}</span> {}</li>",
                escape(q.outlet.as_deref().unwrap_or(&q.doc)),
                escape(&q.text)
            );
        }
        h.push_str("</ul></li>");
    }
    h.push_str("</ul>");
}

/// The outlets side by side: whom each quotes, which facts each carries
/// or leaves out, how each describes the actors they share; then where
/// they differ and the words each uses.
fn render_comparison(h: &mut String, c: &Comparison) {
    if c.outlets.is_empty() {
        return;
    }
    h.push_str("<h3>Side by side</h3><table class=\"cmp\"><tr><th></th>");
    for o in &c.outlets {
        let _ = write!(
            h,
            "<th>{} <span class=\"meta\">({} doc.)</span></th>",
            escape(&o.outlet),
            o.documents.len()
        );
    }
    h.push_str("</tr><tr><th>Quotes</th>");
    for o in &c.outlets {
        h.push_str("<td>");
        for q in o.speakers.iter().take(TABLE_ROWS / 4) {
            let href = q.quotes.first().map(|s| s.doc.as_str()).unwrap_or("");
            let _ = write!(
                h,
                "<a href=\"#doc-{}\">{}</a> ×{}<br>",
                escape(href),
                escape(&q.name),
                q.attributions
            );
        }
        h.push_str("</td>");
    }
    h.push_str("</tr>");
    for f in c.facts.iter().take(TABLE_ROWS) {
        let _ = write!(
            h,
            "<tr><th>{} <span class=\"meta\">{}</span></th>",
            escape(&f.label),
            escape(&f.kind)
        );
        for o in &c.outlets {
            match f.reports.iter().find(|r| r.outlet == o.outlet) {
                Some(r) => {
                    let _ = write!(
                        h,
                        "<td><a href=\"#doc-{}\">{}</a></td>",
                        escape(&r.doc),
                        escape(&r.text)
                    );
                }
                None if o.leaves_out.contains(&f.id) => {
                    h.push_str("<td class=\"out\">left out</td>")
                }
                None => h.push_str("<td class=\"no\">—</td>"),
            }
        }
        h.push_str("</tr>");
    }
    let mut actors: Vec<&str> = Vec::new();
    for o in &c.outlets {
        for a in &o.actors {
            if !actors.contains(&a.actor.as_str()) {
                actors.push(&a.actor);
            }
        }
    }
    for a in actors.iter().take(TABLE_ROWS / 2) {
        let _ = write!(
            h,
            "<tr><th>{} <span class=\"meta\">described</span></th>",
            escape(a)
        );
        for o in &c.outlets {
            match o.actors.iter().find(|x| x.actor == *a) {
                Some(x) if !x.descriptors.is_empty() => {
                    let texts: Vec<&str> = x.descriptors.iter().map(|d| d.text.as_str()).collect();
                    let _ = write!(h, "<td>{}</td>", escape(&texts.join("; ")));
                }
                Some(x) => {
                    let _ = write!(
                        h,
                        "<td class=\"no\">named {}</td>",
                        escape(&x.names.join(", "))
                    );
                }
                None => h.push_str("<td class=\"no\">—</td>"),
            }
        }
        h.push_str("</tr>");
    }
    h.push_str("</table>");
    if c.facts.len() > TABLE_ROWS || c.facts_not_listed > 0 {
        let _ = write!(
            h,
            "<p class=\"meta\">{} more facts in stories.jsonl.</p>",
            c.facts.len().saturating_sub(TABLE_ROWS) + c.facts_not_listed
        );
    }
    if !c.differences.is_empty() {
        h.push_str("<h4>Where outlets differ</h4><ul>");
        for d in &c.differences {
            let by: Vec<String> = d
                .by_outlet
                .iter()
                .map(|v| format!("{}: {}", v.outlet, v.values.join(", ")))
                .collect();
            let _ = write!(
                h,
                "<li>{} <span class=\"meta\">{}</span> — {}</li>",
                escape(&d.about),
                escape(&d.kind),
                escape(&by.join("; "))
            );
        }
        h.push_str("</ul>");
    }
    if !c.wording.is_empty() {
        h.push_str("<h4>Words for the same thing</h4><ul>");
        for w in &c.wording {
            let by: Vec<String> = w
                .by_outlet
                .iter()
                .map(|p| format!("{}: “{}”", p.outlet, p.phrase.text))
                .collect();
            let _ = write!(h, "<li>{}</li>", escape(&by.join(" / ")));
        }
        h.push_str("</ul>");
    }
}

fn render_document(h: &mut String, d: &Document) {
    let _ = write!(h, "<article id=\"doc-{}\">", escape(&d.id));
    let _ = write!(
        h,
        "<h3>{}</h3><dl class=\"meta\">",
        escape(d.title.as_deref().unwrap_or("(no headline)"))
    );
    let mut row = |k: &str, v: &str| {
        let _ = write!(h, "<dt>{}</dt><dd>{}</dd>", escape(k), escape(v));
    };
    row("document", &d.id);
    row("source", &d.source);
    if let Some(u) = &d.url {
        row("url", u);
    }
    match &d.outlet {
        Some(o) => row("outlet", &format!("{} — {}", o.name, o.evidence)),
        None => row("outlet", "unknown"),
    }
    match (&d.published, &d.published_evidence) {
        (Some(p), Some(e)) => row("published", &format!("{p} — {e}")),
        (Some(p), None) => row("published", p),
        _ => row("published", "unknown"),
    }
    h.push_str("</dl>");
    for w in &d.warnings {
        let _ = write!(h, "<p class=\"warn\">⚠ {}</p>", escape(w));
    }
    h.push_str("<div class=\"cols\"><div class=\"text\">");
    views::marked_text(h, d);
    let _ = write!(h, "</div><aside><h4>Removed ({})</h4><ul>", d.removed.len());
    for r in &d.removed {
        let _ = write!(
            h,
            "<li title=\"{}\"><span class=\"reason\">{}</span>{}</li>",
            escape(&r.detail),
            escape(&r.reason),
            escape(&r.text)
        );
    }
    h.push_str("</ul></aside></div>");
    if !d.quotes.is_empty() {
        let _ = write!(
            h,
            "<h4>Quotations ({})</h4><ul class=\"quotes\">",
            d.quotes.len()
        );
        for (i, q) in d.quotes.iter().enumerate() {
            let who = match &q.speaker {
                Some(s) => {
                    let name = s.name.as_deref().unwrap_or("unresolved");
                    match (&s.role, &s.affiliation) {
                        (Some(r), Some(a)) => format!("{name} ({r}, {a}), as “{}”", s.mention),
                        (Some(r), None) => format!("{name} ({r}), as “{}”", s.mention),
                        _ => format!("{name}, as “{}”", s.mention),
                    }
                }
                None => "speaker unknown".to_string(),
            };
            let kind = match q.kind {
                parallax_model::QuoteKind::Direct => "direct",
                parallax_model::QuoteKind::Partial => "partial",
                parallax_model::QuoteKind::Indirect => "indirect",
            };
            let _ = write!(
                h,
                "<li><span class=\"reason\">{}</span><span class=\"reason\">{}</span><b>{}</b>{}: <a href=\"#{}\">{}</a></li>",
                escape(kind),
                escape(q.mode.as_str()),
                escape(&who),
                q.cue
                    .as_deref()
                    .map(|c| format!(" — {}", escape(c)))
                    .unwrap_or_default(),
                escape(&views::anchor(&d.id, 'q', i)),
                escape(&q.text)
            );
        }
        h.push_str("</ul>");
    }
    views::acts(h, d);
    if !d.counts.is_empty() || !d.dates.is_empty() {
        h.push_str("<h4>Counts and dates</h4><ul>");
        for c in &d.counts {
            let by = c
                .claimed_by
                .as_deref()
                .map(|b| format!(" — according to {b}"))
                .unwrap_or_default();
            let _ = write!(
                h,
                "<li><span class=\"reason\">{}</span>{}{}</li>",
                escape(c.category.as_deref().unwrap_or("count")),
                escape(&c.text),
                escape(&by)
            );
        }
        for t in &d.dates {
            let value = match (&t.value, &t.until) {
                (Some(a), Some(b)) => format!("{a} to {b}"),
                (Some(a), None) => a.clone(),
                _ => "unresolved".to_string(),
            };
            let _ = write!(
                h,
                "<li><span class=\"reason\">date</span>{} → {}</li>",
                escape(&t.text),
                escape(&value)
            );
        }
        h.push_str("</ul>");
    }
    h.push_str("</article>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_story_shows_what_joined_it_and_its_echoes_escaped() {
        use parallax_model::{Echo, EchoQuote, GroupedBy};
        let story = Story {
            id: "s1".into(),
            title: "Quake".into(),
            documents: vec!["a".into(), "b".into()],
            outlets: vec!["Gazette".into(), "Herald".into()],
            grouped_by: vec![GroupedBy {
                kind: "entity".into(),
                value: "varno <institute>".into(),
                documents: 1,
            }],
            near_duplicates: vec![],
            echoes: vec![Echo {
                speaker: Some("Ana Varga".into()),
                quotes: vec![EchoQuote {
                    doc: "a".into(),
                    attribution: Some("a1".into()),
                    outlet: Some("Gazette".into()),
                    text: "We will rebuild <every> home".into(),
                    start: 0,
                    end: 27,
                }],
                outlets: vec!["Gazette".into(), "Herald".into()],
                shared: vec![],
            }],
            comparison: Default::default(),
            links: vec![],
        };
        let html = render("t", "s", &[], &[story]);
        assert!(
            html.contains("Grouped by: entity varno &lt;institute&gt; (1)"),
            "{html}"
        );
        assert!(html.contains("Ana Varga"));
        assert!(html.contains("We will rebuild &lt;every&gt; home"));
        assert!(!html.contains("<every>"));
    }

    #[test]
    fn the_side_by_side_table_marks_what_an_outlet_leaves_out_and_escapes_cells() {
        use parallax_model::{Comparison, Fact, FactReport, OutletView};
        let view = |outlet: &str, leaves_out: Vec<String>| OutletView {
            outlet: outlet.into(),
            documents: vec![format!("{outlet}-1")],
            speakers: vec![],
            carries: vec![],
            leaves_out,
            actors: vec![],
        };
        let comparison = Comparison {
            outlets: vec![
                view("Gazette", vec![]),
                view("Herald", vec![]),
                view("Courier", vec!["f1".into()]),
            ],
            facts: vec![Fact {
                id: "f1".into(),
                kind: "count".into(),
                label: "14 <people>".into(),
                act: None,
                outlets: vec!["Gazette".into(), "Herald".into()],
                missing_from: vec!["Courier".into()],
                reports: ["Gazette", "Herald"]
                    .iter()
                    .map(|o| FactReport {
                        outlet: o.to_string(),
                        doc: format!("{o}-1"),
                        text: "14 <people>".into(),
                        start: 0,
                        end: 11,
                        value: Some(14.0),
                        by: None,
                        record: "counts[0]".into(),
                    })
                    .collect(),
            }],
            ..Comparison::default()
        };
        let mut h = String::new();
        render_comparison(&mut h, &comparison);
        assert!(h.contains("<th>Courier"), "{h}");
        assert_eq!(
            h.matches("<td class=\"out\">left out</td>").count(),
            1,
            "{h}"
        );
        assert!(
            h.contains("<a href=\"#doc-Gazette-1\">14 &lt;people&gt;</a>"),
            "{h}"
        );
        assert!(!h.contains("<people>"));
        let mut empty = String::new();
        render_comparison(&mut empty, &Comparison::default());
        assert!(empty.is_empty());
    }

    #[test]
    fn escapes_everything_that_matters() {
        assert_eq!(
            escape(r#"<script>alert("x") & 'y'</script>"#),
            "&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;"
        );
    }
}
