//! The parts of a story and a document that the report draws beyond the
//! comparison table: the clean text with its records marked, the acts, the
//! allegations with their answers, counts by who gives them, and two small
//! charts (documents over time per outlet, who is quoted how often) as
//! inline SVG.

use std::collections::BTreeMap;
use std::fmt::Write;

use parallax_model::{Document, DocumentOutline, OutlineStatement, Story};

use crate::escape;

/// One marked span of a document's text.
struct Mark {
    start: usize,
    end: usize,
    /// CSS class: `q` quotation, `s` statement, `n` count, `e` entity.
    class: &'static str,
    /// What a reader sees on hover.
    title: String,
    /// The anchor the lists below the text link to, at the span's start.
    anchor: Option<String>,
}

/// The anchor of a document's record: `doc-ID-q3` for its fourth
/// quotation, `-s` statements, `-n` counts.
pub(crate) fn anchor(doc: &str, kind: char, i: usize) -> String {
    format!("doc-{doc}-{kind}{i}")
}

fn marks(d: &Document) -> Vec<Mark> {
    let mut m = Vec::new();
    for (i, q) in d.quotes.iter().enumerate() {
        let who = q
            .speaker
            .as_ref()
            .and_then(|s| s.name.clone())
            .unwrap_or_else(|| "speaker unknown".into());
        m.push(Mark {
            start: q.start,
            end: q.end,
            class: "q",
            title: format!("{} ({}): {who}", q.attribution, q.mode.as_str()),
            anchor: Some(anchor(&d.id, 'q', i)),
        });
    }
    for (i, s) in d.statements.iter().enumerate() {
        m.push(Mark {
            start: s.start,
            end: s.end,
            class: "s",
            title: format!(
                "{} {}{}{}",
                s.act.as_str(),
                s.cameo,
                s.actor
                    .as_deref()
                    .map(|a| format!(" by {a}"))
                    .unwrap_or_default(),
                s.target
                    .as_deref()
                    .map(|t| format!(" against {t}"))
                    .unwrap_or_default()
            ),
            anchor: Some(anchor(&d.id, 's', i)),
        });
    }
    for (i, c) in d.counts.iter().enumerate() {
        m.push(Mark {
            start: c.start,
            end: c.end,
            class: "n",
            title: format!(
                "count: {}{}",
                c.category.as_deref().unwrap_or(&c.unit),
                c.claimed_by
                    .as_deref()
                    .map(|b| format!(", according to {b}"))
                    .unwrap_or_default()
            ),
            anchor: Some(anchor(&d.id, 'n', i)),
        });
    }
    for e in &d.entities {
        for x in &e.mentions {
            m.push(Mark {
                start: x.start,
                end: x.end,
                class: "e",
                title: format!("{} ({})", e.name, e.kind),
                anchor: None,
            });
        }
    }
    m.retain(|x| x.start < x.end);
    m
}

/// The clean text, paragraph by paragraph, every span a record points to
/// marked: each piece of text between two span boundaries is one element
/// with the classes and titles of the spans over it.
pub(crate) fn marked_text(h: &mut String, d: &Document) {
    let chars: Vec<char> = d.text.chars().collect();
    let marks = marks(d);
    for p in &d.paragraphs {
        let (ps, pe) = (p.start.min(chars.len()), p.end.min(chars.len()));
        if ps >= pe {
            continue;
        }
        let inside: Vec<&Mark> = marks
            .iter()
            .filter(|m| m.start < pe && m.end > ps)
            .collect();
        let mut cuts: Vec<usize> = vec![ps, pe];
        for m in &inside {
            cuts.push(m.start.clamp(ps, pe));
            cuts.push(m.end.clamp(ps, pe));
        }
        cuts.sort_unstable();
        cuts.dedup();
        h.push_str("<p>");
        for w in cuts.windows(2) {
            let (a, b) = (w[0], w[1]);
            // A record's anchor stands where its span starts.
            for m in inside.iter().filter(|m| m.start == a) {
                if let Some(id) = &m.anchor {
                    let _ = write!(h, "<a id=\"{}\"></a>", escape(id));
                }
            }
            let text: String = chars[a..b].iter().collect();
            let over: Vec<&&Mark> = inside
                .iter()
                .filter(|m| m.start <= a && m.end >= b)
                .collect();
            if over.is_empty() {
                h.push_str(&escape(&text));
                continue;
            }
            let mut classes: Vec<&str> = over.iter().map(|m| m.class).collect();
            classes.sort_unstable();
            classes.dedup();
            let titles: Vec<&str> = over.iter().map(|m| m.title.as_str()).collect();
            let _ = write!(
                h,
                "<span class=\"hl {}\" title=\"{}\">{}</span>",
                classes.join(" "),
                escape(&titles.join(" · ")),
                escape(&text)
            );
        }
        h.push_str("</p>");
    }
}

/// The document's statements, each linked to its span, with the
/// allegation it answers within the document.
pub(crate) fn acts(h: &mut String, d: &Document) {
    if d.statements.is_empty() {
        return;
    }
    let _ = write!(
        h,
        "<h4>Acts ({})</h4><ul class=\"acts\">",
        d.statements.len()
    );
    for (i, s) in d.statements.iter().enumerate() {
        let _ = write!(
            h,
            "<li><span class=\"reason act-{}\">{}</span><span class=\"meta\">CAMEO {}</span> <b>{}</b>{}: <a href=\"#{}\">{}</a>",
            escape(s.act.as_str()),
            escape(s.act.as_str()),
            escape(&s.cameo),
            escape(s.actor.as_deref().unwrap_or("(narrator)")),
            s.target
                .as_deref()
                .map(|t| format!(" → {}", escape(t)))
                .unwrap_or_default(),
            escape(&anchor(&d.id, 's', i)),
            escape(&s.text)
        );
        if let Some(a) = &s.answers {
            let _ = write!(
                h,
                " <span class=\"meta\">answers <a href=\"#{}\">statement {}</a></span>",
                escape(&anchor(&d.id, 's', a.statement)),
                a.statement
            );
        }
        h.push_str("</li>");
    }
    h.push_str("</ul>");
}

/// Each answer in the story and the allegation it answers, side by side.
pub(crate) fn answers(h: &mut String, s: &Story, docs: &[DocumentOutline]) {
    let st = |doc: &str, i: usize| {
        docs.iter()
            .find(|d| d.id == doc)
            .and_then(|d| d.statements.get(i).map(|x| (d, x)))
    };
    let rows: Vec<String> = s
        .links
        .iter()
        .filter_map(|l| {
            let (ad, a) = st(&l.from.doc, l.from.statement)?;
            let (gd, g) = st(&l.to.doc, l.to.statement)?;
            let side = |d: &DocumentOutline, x: &OutlineStatement, i: usize| {
                format!(
                    "<td><span class=\"reason act-{}\">{}</span><b>{}</b> <span class=\"meta\">{}</span><br><a href=\"#{}\">{}</a></td>",
                    escape(&x.act),
                    escape(&x.act),
                    escape(x.actor.as_deref().unwrap_or("(narrator)")),
                    escape(d.outlet_or_id()),
                    escape(&anchor(&d.id, 's', i)),
                    escape(&x.text)
                )
            };
            Some(format!(
                "<tr>{}{}</tr>",
                side(gd, g, l.to.statement),
                side(ad, a, l.from.statement)
            ))
        })
        .collect();
    if rows.is_empty() {
        return;
    }
    h.push_str("<h3>Allegations and their answers</h3><table class=\"cmp\"><tr><th>allegation</th><th>answer</th></tr>");
    for r in rows {
        h.push_str(&r);
    }
    h.push_str("</table>");
}

/// The story's counts grouped by who the articles say gives them.
pub(crate) fn counts_by_claimant(h: &mut String, docs: &[DocumentOutline]) {
    let mut by: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for d in docs {
        for (i, c) in d.counts.iter().enumerate() {
            if !c.valued {
                continue;
            }
            let who = c
                .claimed_by
                .clone()
                .unwrap_or_else(|| "(no source given)".into());
            by.entry(who).or_default().push(format!(
                "<a href=\"#{}\">{}</a> <span class=\"meta\">{}</span>",
                escape(&anchor(&d.id, 'n', i)),
                escape(&c.text),
                escape(d.outlet_or_id())
            ));
        }
    }
    if by.is_empty() {
        return;
    }
    h.push_str("<h3>Counts by who gives them</h3><ul class=\"claimants\">");
    for (who, items) in &by {
        let _ = write!(h, "<li><b>{}</b>: {}</li>", escape(who), items.join("; "));
    }
    h.push_str("</ul>");
}

const CHART_WIDTH: f64 = 640.0;

/// The story's documents over time, one row per outlet, each document a
/// dot linked to it (documents without a date are counted beside).
pub(crate) fn timeline(h: &mut String, docs: &[DocumentOutline]) {
    let day = |d: &DocumentOutline| {
        d.published
            .as_deref()
            .and_then(|p| chrono::NaiveDate::parse_from_str(p.get(..10)?, "%Y-%m-%d").ok())
    };
    let dated: Vec<(&DocumentOutline, chrono::NaiveDate)> =
        docs.iter().filter_map(|d| day(d).map(|x| (d, x))).collect();
    if dated.len() < 2 {
        return;
    }
    let mut outlets: Vec<String> = Vec::new();
    for (d, _) in &dated {
        let o = d.outlet.clone().unwrap_or_else(|| "(unknown)".into());
        if !outlets.contains(&o) {
            outlets.push(o);
        }
    }
    let first = dated.iter().map(|x| x.1).min().unwrap_or_default();
    let last = dated.iter().map(|x| x.1).max().unwrap_or_default();
    let span = ((last - first).num_days().max(1)) as f64;
    let (left, row) = (170.0, 22.0);
    let height = row * outlets.len() as f64 + 30.0;
    let _ = write!(
        h,
        "<h3>Coverage over time</h3><svg class=\"chart\" role=\"img\" aria-label=\"documents by date and outlet\" width=\"{CHART_WIDTH}\" height=\"{height}\" viewBox=\"0 0 {CHART_WIDTH} {height}\">"
    );
    for (i, o) in outlets.iter().enumerate() {
        let y = row * i as f64 + 15.0;
        let _ = write!(
            h,
            "<text x=\"0\" y=\"{:.0}\" font-size=\"11\">{}</text><line x1=\"{left}\" x2=\"{CHART_WIDTH}\" y1=\"{y:.0}\" y2=\"{y:.0}\" stroke=\"#ddd\"/>",
            y + 4.0,
            escape(&crate::clip(o, 26))
        );
    }
    for (d, x) in &dated {
        let o = d.outlet.clone().unwrap_or_else(|| "(unknown)".into());
        let i = outlets.iter().position(|p| *p == o).unwrap_or(0);
        let cx =
            left + 10.0 + ((*x - first).num_days() as f64 / span) * (CHART_WIDTH - left - 20.0);
        let cy = row * i as f64 + 15.0;
        let _ = write!(
            h,
            "<a href=\"#doc-{}\"><circle cx=\"{cx:.1}\" cy=\"{cy:.0}\" r=\"5\" fill=\"#23313f\"><title>{} {}</title></circle></a>",
            escape(&d.id),
            escape(&x.to_string()),
            escape(d.title.as_deref().unwrap_or(&d.id))
        );
    }
    let y = height - 5.0;
    let _ = write!(
        h,
        "<text x=\"{left}\" y=\"{y:.0}\" font-size=\"11\">{first}</text><text x=\"{CHART_WIDTH}\" y=\"{y:.0}\" font-size=\"11\" text-anchor=\"end\">{last}</text></svg>"
    );
    let undated = docs.len() - dated.len();
    if undated > 0 {
        let _ = write!(
            h,
            "<p class=\"meta\">{undated} undated document(s) not drawn.</p>"
        );
    }
}

/// Who the story's documents quote, and how often (attributions, not
/// pieces), as bars.
pub(crate) fn quoted(h: &mut String, docs: &[DocumentOutline]) {
    let mut n: BTreeMap<&str, std::collections::BTreeSet<(&str, &str)>> = BTreeMap::new();
    for d in docs {
        for (name, attribution) in &d.speakers {
            n.entry(name).or_default().insert((&d.id, attribution));
        }
    }
    let mut rows: Vec<(&str, usize)> = n.into_iter().map(|(k, v)| (k, v.len())).collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    rows.truncate(10);
    if rows.len() < 2 {
        return;
    }
    let max = rows[0].1.max(1) as f64;
    let (left, row) = (190.0, 20.0);
    let height = row * rows.len() as f64 + 4.0;
    let _ = write!(
        h,
        "<h3>Who is quoted</h3><svg class=\"chart\" role=\"img\" aria-label=\"attributions per speaker\" width=\"{CHART_WIDTH}\" height=\"{height}\" viewBox=\"0 0 {CHART_WIDTH} {height}\">"
    );
    for (i, (name, k)) in rows.iter().enumerate() {
        let y = row * i as f64;
        let w = (*k as f64 / max) * (CHART_WIDTH - left - 40.0);
        let _ = write!(
            h,
            "<text x=\"0\" y=\"{:.0}\" font-size=\"11\">{}</text><rect x=\"{left}\" y=\"{:.0}\" width=\"{w:.1}\" height=\"{:.0}\" fill=\"#5b7a99\"/><text x=\"{:.1}\" y=\"{:.0}\" font-size=\"11\">{k}</text>",
            y + 14.0,
            escape(&crate::clip(name, 30)),
            y + 3.0,
            row - 6.0,
            left + w + 4.0,
            y + 14.0
        );
    }
    h.push_str("</svg>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_model::{
        Count, Entity, Mention, Mode, Quote, QuoteKind, SourceType, Span, Speaker,
    };

    fn doc() -> Document {
        let text = "Ana Petrov said <script>x()</script> 14 people died.\nThe end.";
        let n = text.chars().count();
        let first = text.find('\n').unwrap();
        Document {
            id: "d1".into(),
            source: "d1.txt".into(),
            url: None,
            outlet: None,
            published: None,
            published_evidence: None,
            title: None,
            sentences: vec![Span::new(0, first), Span::new(first + 1, n)],
            paragraphs: vec![Span::new(0, first), Span::new(first + 1, n)],
            text: text.into(),
            removed: vec![],
            quotes: vec![Quote {
                attribution: "a1".into(),
                text: "<script>x()</script> 14 people died".into(),
                kind: QuoteKind::Indirect,
                mode: Mode::Speech,
                confidence: 0.9,
                partials: vec![],
                speaker: Some(Speaker {
                    name: Some("Ana <b>Petrov</b>".into()),
                    role: None,
                    affiliation: None,
                    source_type: SourceType::Person,
                    mention: "Ana Petrov".into(),
                    start: 0,
                    end: 10,
                    input: Default::default(),
                }),
                cue: Some("said".into()),
                start: 16,
                end: 51,
                input: Default::default(),
            }],
            entities: vec![Entity {
                id: "e1".into(),
                name: "Ana Petrov".into(),
                kind: "person".into(),
                aliases: vec![],
                mentions: vec![Mention {
                    text: "Ana Petrov".into(),
                    start: 0,
                    end: 10,
                    input: Default::default(),
                }],
                descriptors: vec![],
            }],
            statements: vec![],
            counts: vec![Count {
                value: Some(14.0),
                approximate: false,
                qualifier: None,
                unit: "people".into(),
                category: Some("killed".into()),
                text: "14 people died".into(),
                claimed_by: None,
                shares: vec![],
                start: 37,
                end: 51,
                input: Default::default(),
            }],
            dates: vec![],
            language: None,
            warnings: vec![],
            fingerprint: Default::default(),
        }
    }

    #[test]
    fn records_are_marked_in_the_text_with_anchors_and_nothing_runs() {
        let d = doc();
        let mut h = String::new();
        marked_text(&mut h, &d);
        // The entity, the quotation, and the count inside the quotation.
        assert!(
            h.contains("<span class=\"hl e\" title=\"Ana Petrov (person)\">Ana Petrov</span>"),
            "{h}"
        );
        assert!(
            h.contains("<a id=\"doc-d1-q0\"></a><span class=\"hl q\""),
            "{h}"
        );
        assert!(
            h.contains("<a id=\"doc-d1-n0\"></a><span class=\"hl n q\""),
            "{h}"
        );
        assert!(h.contains("&lt;script&gt;x()&lt;/script&gt;"), "{h}");
        assert!(!h.contains("<script>") && !h.contains("<b>"), "{h}");
        // Every character of the text is there once, in order.
        let plain: String = {
            let mut out = String::new();
            let mut inside = false;
            for c in h.replace("</p><p>", "\n").chars() {
                match c {
                    '<' => inside = true,
                    '>' => inside = false,
                    c if !inside => out.push(c),
                    _ => {}
                }
            }
            out
        };
        assert_eq!(plain.replace("&lt;", "<").replace("&gt;", ">"), d.text);
    }

    #[test]
    fn a_speaker_chart_and_counts_by_claimant_are_drawn_escaped() {
        let mut d = doc();
        let mut q2 = d.quotes[0].clone();
        q2.attribution = "a2".into();
        q2.speaker.as_mut().unwrap().name = Some("Ivo <Rank>".into());
        d.quotes.push(q2);
        let mut h = String::new();
        let outline = DocumentOutline::of(&d);
        quoted(&mut h, std::slice::from_ref(&outline));
        assert!(h.starts_with("<h3>Who is quoted</h3><svg"), "{h}");
        assert!(
            h.contains("Ivo &lt;Rank&gt;") && !h.contains("<Rank>"),
            "{h}"
        );
        let mut c = String::new();
        counts_by_claimant(&mut c, &[outline]);
        assert!(
            c.contains("(no source given)") && c.contains("href=\"#doc-d1-n0\""),
            "{c}"
        );
    }
}
