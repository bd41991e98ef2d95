//! Extraction tests on small hand-written pages (fictional text).

use super::*;

const STORY: [&str; 4] = [
    "The harbour council of Eastmere voted on Tuesday to rebuild the old stone pier, ending a dispute that had lasted nine years.",
    "Councillor Vera Lindqvist said the repairs would begin in spring, once the herring boats had left for the northern grounds.",
    "Local fishermen, who had campaigned for the work since the storm of the winter before last, welcomed the decision with some caution.",
    "The pier will remain open to walkers during the first phase, although the lighthouse end will be fenced off until the autumn.",
];

fn paragraphs_html() -> String {
    STORY.iter().map(|p| format!("<p>{p}</p>")).collect()
}

fn page(head: &str, body: &str) -> String {
    format!("<!doctype html><html lang=\"en-GB\"><head>{head}</head><body>{body}</body></html>")
}

fn site_chrome(article: &str) -> String {
    format!(
        "<header class=\"site-header\"><a href=\"/\">The Eastmere Gazette</a>\
         <nav><ul><li><a href=\"/news\">News</a></li><li><a href=\"/sport\">Sport</a></li>\
         <li><a href=\"/weather\">Weather</a></li></ul></nav></header>\
         <main>{article}</main>\
         <div class=\"sidebar\"><h3>Most read</h3><ul><li><a href=\"/a\">Gull steals ice cream from mayor in broad daylight</a></li>\
         <li><a href=\"/b\">Ferry timetable changes for the winter months ahead</a></li></ul></div>\
         <footer><p>Copyright The Eastmere Gazette. All rights reserved. Registered in the county of Eastmere.</p>\
         <a href=\"/privacy\">Privacy</a></footer>"
    )
}

fn article(inner: &str) -> String {
    format!("<article><h1>Council backs pier rebuild</h1><div class=\"article-body\">{inner}</div></article>")
}

#[test]
fn keeps_paragraphs_and_drops_navigation_and_footer() {
    let html = page(
        "<title>Council backs pier rebuild | The Eastmere Gazette</title>",
        &site_chrome(&article(&paragraphs_html())),
    );
    let m = extract(&html).unwrap_or_default();
    assert_eq!(m.paragraphs, STORY.to_vec());
    let text = m.text();
    assert!(!text.contains("Sport"));
    assert!(!text.contains("Copyright"));
    assert!(!text.contains("Gull steals"));
    assert_eq!(m.title.as_deref(), Some("Council backs pier rebuild"));
    assert_eq!(m.meta.lang.as_deref(), Some("en-GB"));
    // Chrome outside the article is not listed as discarded.
    assert!(m.discarded.iter().all(|d| !d.text.contains("Privacy")));
}

#[test]
fn headline_is_not_part_of_the_body() {
    let html = page("", &article(&paragraphs_html()));
    let m = extract(&html).unwrap_or_default();
    assert!(!m.text().contains("Council backs pier rebuild"));
    assert_eq!(m.title.as_deref(), Some("Council backs pier rebuild"));
}

#[test]
fn related_block_inside_article_is_discarded() {
    let inner = format!(
        "{}<div class=\"related-stories\"><h4>Related</h4>\
         <p><a href=\"/x\">Lighthouse keeper retires after forty years of service on the point</a></p></div>{}",
        format_args!("<p>{}</p><p>{}</p>", STORY[0], STORY[1]),
        format_args!("<p>{}</p><p>{}</p>", STORY[2], STORY[3]),
    );
    let m = extract(&page("", &site_chrome(&article(&inner)))).unwrap_or_default();
    assert_eq!(m.paragraphs, STORY.to_vec());
    assert!(m
        .discarded
        .iter()
        .any(|d| d.reason == "related-link" && d.text.contains("Lighthouse keeper")));
}

#[test]
fn figure_caption_goes_to_discarded() {
    let inner = format!(
        "<p>{}</p><figure><img src=\"pier.jpg\"><figcaption>The old pier at low tide. Photo: Ana Brook</figcaption></figure><p>{}</p><p>{}</p>",
        STORY[0], STORY[1], STORY[2]
    );
    let m = extract(&page("", &article(&inner))).unwrap_or_default();
    assert_eq!(m.paragraphs, STORY[..3].to_vec());
    assert!(m
        .discarded
        .iter()
        .any(|d| d.reason == "caption" && d.text.contains("old pier at low tide")));
}

#[test]
fn link_dense_list_is_dropped_but_prose_list_kept() {
    let inner = format!(
        "<p>{}</p><p>{}</p><ul><li>Rebuilding the landing stage with local granite.</li>\
         <li>Replacing the iron railings along the whole length.</li></ul>\
         <ul><li><a href=\"/1\">Pier history</a></li><li><a href=\"/2\">Harbour fees</a></li>\
         <li><a href=\"/3\">Tide tables</a></li></ul><p>{}</p>",
        STORY[0], STORY[1], STORY[2]
    );
    let m = extract(&page("", &article(&inner))).unwrap_or_default();
    let text = m.text();
    assert!(text.contains("local granite"));
    assert!(text.contains("iron railings"));
    assert!(!text.contains("Tide tables"));
    assert!(m.discarded.iter().any(|d| d.text.contains("Tide tables")));
}

#[test]
fn share_buttons_and_newsletter_inside_article_are_listed() {
    let inner = format!(
        "<div class=\"share-tools\"><a href=\"#\">Facebook</a> <a href=\"#\">Email</a></div>{}\
         <div class=\"newsletter-signup\"><p>Get the Gazette in your inbox every morning before the tide turns.</p></div>",
        paragraphs_html()
    );
    let m = extract(&page("", &site_chrome(&article(&inner)))).unwrap_or_default();
    assert_eq!(m.paragraphs, STORY.to_vec());
    assert!(m
        .discarded
        .iter()
        .any(|d| d.reason == "navigation" && d.text.contains("Facebook")));
    assert!(m
        .discarded
        .iter()
        .any(|d| d.reason == "page-chrome" && d.text.contains("inbox")));
}

#[test]
fn json_ld_metadata_is_read() {
    let head = r#"<title>Pier vote | Gazette</title>
        <link rel="canonical" href="https://gazette.example/news/pier-vote">
        <script type="application/ld+json">
        {"@context":"https://schema.org","@graph":[
          {"@type":"WebSite","name":"Ignored Site"},
          {"@type":"NewsArticle","headline":"Council backs pier rebuild",
           "datePublished":"2031-03-04T09:30:00Z",
           "author":[{"@type":"Person","name":"Tomas Reed"},{"@type":"Person","name":"Ines Alcott"}],
           "publisher":{"@type":"Organization","name":"The Eastmere Gazette"}}]}
        </script>"#;
    let m = extract(&page(head, &article(&paragraphs_html()))).unwrap_or_default();
    assert_eq!(
        m.meta.canonical_url.as_deref(),
        Some("https://gazette.example/news/pier-vote")
    );
    assert_eq!(m.meta.site_name.as_deref(), Some("The Eastmere Gazette"));
    assert_eq!(m.meta.published.as_deref(), Some("2031-03-04T09:30:00Z"));
    assert_eq!(m.meta.author.as_deref(), Some("Tomas Reed, Ines Alcott"));
}

#[test]
fn meta_tags_are_read() {
    let head = r#"<meta property="og:title" content="Council backs pier rebuild">
        <meta property="og:site_name" content="Eastmere Gazette">
        <meta property="og:url" content="https://gazette.example/p/1">
        <meta property="article:published_time" content="2031-03-04">
        <meta name="author" content="Tomas Reed">"#;
    let m = extract(&page(head, &format!("<div>{}</div>", paragraphs_html()))).unwrap_or_default();
    assert_eq!(m.title.as_deref(), Some("Council backs pier rebuild"));
    assert_eq!(m.meta.site_name.as_deref(), Some("Eastmere Gazette"));
    assert_eq!(
        m.meta.canonical_url.as_deref(),
        Some("https://gazette.example/p/1")
    );
    assert_eq!(m.meta.published.as_deref(), Some("2031-03-04"));
    assert_eq!(m.meta.author.as_deref(), Some("Tomas Reed"));
}

#[test]
fn missing_body_or_only_scripts_is_no_text() {
    assert_eq!(extract(""), Err(HtmlError::NoText));
    assert_eq!(
        extract("<html><head><title>Only a title</title></head></html>"),
        Err(HtmlError::NoText)
    );
    assert_eq!(
        extract(
            "<html><body><script>var story = 'not text';</script><style>p{}</style></body></html>"
        ),
        Err(HtmlError::NoText)
    );
}

#[test]
fn title_falls_back_to_document_title_without_site_suffix() {
    let html = page(
        "<title>Ferry fares frozen for another year | The Eastmere Gazette</title>",
        &paragraphs_html(),
    );
    let m = extract(&html).unwrap_or_default();
    assert_eq!(
        m.title.as_deref(),
        Some("Ferry fares frozen for another year")
    );
}

#[test]
fn comment_section_beside_article_is_left_out() {
    let comments: String = (0..6)
        .map(|i| format!("<div class=\"comment\"><p>Reader {i} thinks the money would be better spent on the school roof, frankly.</p></div>"))
        .collect();
    let body = format!(
        "{}<section id=\"comments\">{comments}</section>",
        article(&paragraphs_html())
    );
    let m = extract(&page("", &body)).unwrap_or_default();
    assert_eq!(m.paragraphs, STORY.to_vec());
}

#[test]
fn article_split_into_chunks_is_read_whole() {
    // Two chunks of the same body around an advert; the first chunk is the
    // heavier one, the second must not be lost.
    let body = format!(
        "<article><h1>Council backs pier rebuild</h1><div class=\"body-wrap\">\
         <div class=\"chunk\"><p>{}</p><p>{}</p><p>{}</p></div>\
         <div class=\"ad-slot\">Advertisement</div>\
         <div class=\"chunk\"><p>{}</p></div></div></article>\
         <div class=\"more\"><p>{}</p></div>",
        STORY[0],
        STORY[1],
        STORY[2],
        STORY[3],
        "A quite unrelated note about parking permits in the old town, renewed each spring."
    );
    let m = extract(&page("", &body)).unwrap_or_default();
    assert_eq!(m.paragraphs, STORY.to_vec());
}

#[test]
fn lead_paragraph_beside_the_main_wrapper_is_kept() {
    let body = format!(
        "<div class=\"story\"><p>{}</p><div class=\"rest-of-story\"><p>{}</p><p>{}</p><p>{}</p></div></div>",
        STORY[0], STORY[1], STORY[2], STORY[3]
    );
    let m = extract(&page("", &body)).unwrap_or_default();
    assert_eq!(m.paragraphs, STORY.to_vec());
}

#[test]
fn container_with_the_headline_wins_over_a_bigger_teaser_list() {
    let teasers: String = (0..8)
        .map(|i| format!("<div class=\"card\"><p>Teaser {i}: a long summary of some other story about the coast, the weather and the ferries.</p></div>"))
        .collect();
    let body = format!(
        "<div class=\"main\"><h1>Council backs pier rebuild</h1><p>{}</p><p>{}</p></div><div class=\"cards\">{teasers}</div>",
        STORY[0], STORY[1]
    );
    let head = "<meta property=\"og:title\" content=\"Council backs pier rebuild\">";
    let m = extract(&page(head, &body)).unwrap_or_default();
    assert_eq!(m.paragraphs, STORY[..2].to_vec());
}

#[test]
fn misleading_class_word_on_the_body_wrapper_does_not_lose_the_article() {
    // "non-ad-column" contains the word "ad"; it still holds the story.
    let body = format!(
        "<section class=\"non-ad-column\"><article>{}</article></section>",
        paragraphs_html()
    );
    let m = extract(&page("", &body)).unwrap_or_default();
    assert_eq!(m.paragraphs, STORY.to_vec());
}

#[test]
fn long_linked_paragraph_inside_the_story_is_kept_but_not_at_its_edge() {
    let linked = "<p><a href=\"/l\">The harbour trust has published its full report on the condition of the pier, with photographs of every pile and a costing of each repair option.</a></p>";
    let inner = format!(
        "<p>{}</p>{linked}<p>{}</p><p>{}</p>{linked}",
        STORY[0], STORY[1], STORY[2]
    );
    let m = extract(&page("", &article(&inner))).unwrap_or_default();
    let kept = m
        .paragraphs
        .iter()
        .filter(|p| p.contains("harbour trust"))
        .count();
    assert_eq!(kept, 1, "{:?}", m.paragraphs);
    assert!(m.discarded.iter().any(|d| d.text.contains("harbour trust")));
}

#[test]
fn heading_of_a_dropped_link_list_and_sign_off_go() {
    let inner = format!(
        "{}<h3>More from the Gazette</h3><ul><li><a href=\"/1\">Gull steals ice cream from mayor</a></li>\
         <li><a href=\"/2\">Ferry timetable changes for winter</a></li></ul>\
         <p>Follow us on Twitter for more harbour news.</p>",
        paragraphs_html()
    );
    let m = extract(&page("", &article(&inner))).unwrap_or_default();
    assert_eq!(m.paragraphs, STORY.to_vec());
    assert!(m
        .discarded
        .iter()
        .any(|d| d.text == "More from the Gazette"));
    assert!(m
        .discarded
        .iter()
        .any(|d| d.reason == "page-chrome" && d.text.starts_with("Follow us")));
}

#[test]
fn spelled_out_addresses_are_text_not_navigation() {
    let inner = format!(
        "{}<p>Source: <a href=\"https://records.example/pier\">https://records.example/pier</a></p>",
        paragraphs_html()
    );
    let m = extract(&page("", &article(&inner))).unwrap_or_default();
    assert_eq!(
        m.paragraphs.last().map(String::as_str),
        Some("Source: https://records.example/pier")
    );
}

#[test]
fn embedded_post_and_byline_are_listed() {
    let inner = format!(
        "<p class=\"byline\">By Tomas Reed</p><p>{}</p>\
         <blockquote class=\"twitter-tweet\"><p>What a day for the pier! #Eastmere</p>— Harbour Fan (@harbourfan)</blockquote><p>{}</p><p>{}</p>",
        STORY[0], STORY[1], STORY[2]
    );
    let m = extract(&page("", &article(&inner))).unwrap_or_default();
    assert_eq!(m.paragraphs, STORY[..3].to_vec());
    assert!(m
        .discarded
        .iter()
        .any(|d| d.reason == "social-embed" && d.text.contains("What a day")));
    assert!(m
        .discarded
        .iter()
        .any(|d| d.reason == "byline" && d.text == "By Tomas Reed"));
}

#[test]
fn declared_body_stands_in_when_the_markup_has_almost_nothing() {
    let declared: String = STORY
        .iter()
        .cycle()
        .take(8)
        .copied()
        .collect::<Vec<_>>()
        .join("\\n");
    let head = format!(
        "<script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\"articleBody\":\"{declared}\"}}</script>"
    );
    let body = "<div id=\"app\"><p>Loading the story for you, please wait a moment.</p></div>";
    let m = extract(&page(&head, body)).unwrap_or_default();
    assert_eq!(m.paragraphs.len(), 8);
    assert_eq!(m.paragraphs.first().map(String::as_str), Some(STORY[0]));
}
