//! Finding the article container and reading its paragraphs.
//!
//! 1. Every element is classified: dropped outright (scripts, forms
//!    controls, hidden parts), page structure (nav, header, footer, aside),
//!    boilerplate by its class/id words, or ordinary.
//! 2. Each text-bearing block (the nearest block-level ancestor of a text
//!    node) gets a weight from its length and link density; weights add up
//!    the tree, skipping boilerplate subtrees.
//! 3. Starting from `<body>`, the walk descends into a child while that
//!    child holds most of the weight; where no child dominates, the current
//!    element is the article container. Siblings that look like further
//!    parts of the same body are added.
//! 4. The container is read block by block; each block is kept, discarded
//!    with a reason, or left uncertain (a long but heavily linked block).
//! 5. Context settles the rest: uncertain blocks stay only between kept
//!    ones, subheadings that introduce nothing kept go, and short sign-offs
//!    after the last long paragraph ("follow us", "subscribe") go.

use crate::dom::{collapse_whitespace, Dom};
use crate::hints::{has_tail_cue, hint_of, phrase_reason};
use crate::Discarded;

/// Share of its parent's weight a child needs for the walk to go down.
const DESCEND_SHARE: f64 = 0.6;
/// Share of its parent's weight that suffices for the child holding the
/// headline.
const HEADLINE_CHILD_SHARE: f64 = 0.2;
/// How many levels above the container siblings continuing it are sought.
const SIBLING_LEVELS: usize = 3;
/// Share of weight in paragraphs directly beside the heaviest child that
/// stops the walk.
const LOOSE_PROSE_SHARE: f64 = 0.1;
/// Headings with more nodes than this are not taken for the headline.
const MAX_HEADLINE_NODES: usize = 64;
/// Blocks shorter than this (in non-space characters) carry no weight.
const MIN_BLOCK_CHARS: usize = 20;
/// Blocks above this link density carry no weight.
const MAX_WEIGHTED_LINK_DENSITY: f64 = 0.5;
/// Kept blocks must stay under this link density.
const MAX_KEPT_LINK_DENSITY: f64 = 0.6;
/// Paragraphs at least this long (non-space characters) may link more.
const LONG_PARAGRAPH_CHARS: usize = 150;
const MAX_KEPT_LINK_DENSITY_LONG: f64 = 0.85;
/// Linked blocks at least this long are judged by their neighbours.
const UNCERTAIN_LINKED_CHARS: usize = 100;
/// Lists where at least this share of items are mostly a link are link
/// lists.
const LINKED_ITEMS_SHARE: f64 = 0.6;
/// Sign-offs are sought after the last paragraph of at least this many
/// characters without a sign-off cue...
const TAIL_ANCHOR_CHARS: usize = 100;
/// ...and are shorter than this.
const MAX_SIGN_OFF_CHARS: usize = 300;
/// Lists above this link density are link lists, not article text.
const MAX_LIST_LINK_DENSITY: f64 = 0.5;
/// Share of page weight above which an excluded element (a nav or aside,
/// or a class word like "non-ad-column") is taken to be misused as a
/// content wrapper and kept.
const STRUCTURAL_KEEP_SHARE: f64 = 0.6;
/// Share of page weight above which a content-hinted element keeps its
/// content even when another of its class words looks like boilerplate.
const HINTED_KEEP_SHARE: f64 = 0.3;

/// Elements never holding article text.
const DROPPED_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
    "canvas", "video", "audio", "picture", "map", "select", "option", "textarea", "input",
    "button", "head", "meta", "link", "dialog", "source", "track", "label", "datalist", "frameset",
    "frame", "applet",
];

/// Layout elements that mark everything the article is not.
const STRUCTURAL_TAGS: &[(&str, &str)] = &[
    ("nav", "navigation"),
    ("header", "page-chrome"),
    ("footer", "page-chrome"),
    ("aside", "related-link"),
    ("menu", "navigation"),
];

/// Elements that start and end a block of text.
const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
    "menu",
];

/// Elements the container walk never descends into: they are blocks of
/// text themselves, not containers of blocks.
const LEAF_BLOCK_TAGS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "pre",
    "blockquote",
    "dt",
    "dd",
    "figcaption",
    "caption",
    "a",
    "span",
    "b",
    "i",
    "em",
    "strong",
];

/// How an element is treated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Ordinary,
    /// Never part of the text, never listed.
    Dropped,
    /// Left out and, inside the container, listed with this reason.
    Excluded(&'static str),
}

/// What was found in the page body.
pub(crate) struct Found {
    pub paragraphs: Vec<String>,
    pub discarded: Vec<Discarded>,
}

fn is_block(tag: &str) -> bool {
    BLOCK_TAGS.contains(&tag)
}

fn is_hidden(dom: &Dom<'_>, i: usize) -> bool {
    let Some(el) = dom.element(i) else {
        return false;
    };
    if el.attr("hidden").is_some() {
        return true;
    }
    el.attr("style").is_some_and(|s| {
        let s: String = s
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        s.contains("display:none") || s.contains("visibility:hidden")
    })
}

/// Per-node facts computed once, in linear passes.
struct Analysis {
    role: Vec<Role>,
    /// Dropped because of this node or an ancestor.
    dropped: Vec<bool>,
    /// Non-space characters of text in the subtree (dropped parts left out).
    chars: Vec<usize>,
    /// Of which inside links.
    link_chars: Vec<usize>,
    /// Weight of prose in the subtree, boilerplate subtrees left out.
    weight: Vec<f64>,
    /// Weight of the node's own text (not its descendants' blocks).
    own_weight: Vec<f64>,
    /// The heading that repeats the page's title, taken as the headline.
    headline: Option<usize>,
}

fn tag_factor(tag: &str) -> f64 {
    match tag {
        "p" | "pre" | "blockquote" => 1.0,
        "li" | "td" | "th" | "dd" | "dt" => 0.5,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "figcaption" | "caption" => 0.0,
        _ => 0.8,
    }
}

fn analyse(dom: &Dom<'_>, titles: &[&str]) -> Analysis {
    let n = dom.len();
    let mut role = vec![Role::Ordinary; n];
    let mut dropped = vec![false; n];
    let mut in_link = vec![false; n];
    // Nearest block-level ancestor-or-self of each node.
    let mut owner: Vec<Option<usize>> = vec![None; n];
    let mut headline = None;

    // Top-down pass: inherited facts.
    for i in 0..n {
        let parent = dom.parent(i);
        let parent_dropped = parent
            .and_then(|p| dropped.get(p).copied())
            .unwrap_or(false);
        let parent_link = parent
            .and_then(|p| in_link.get(p).copied())
            .unwrap_or(false);
        let parent_owner = parent.and_then(|p| owner.get(p).copied().flatten());
        let tag = dom.tag(i);
        let mut this_role = Role::Ordinary;
        if dom.element(i).is_some() {
            if DROPPED_TAGS.contains(&tag) || is_hidden(dom, i) {
                this_role = Role::Dropped;
            } else if let Some((_, reason)) = STRUCTURAL_TAGS.iter().find(|(t, _)| *t == tag) {
                this_role = Role::Excluded(reason);
            }
            let hint = hint_of(dom.attr(i, "class"), dom.attr(i, "id"));
            if this_role == Role::Ordinary && tag != "html" && tag != "body" {
                if let Some(reason) = hint.boilerplate {
                    this_role = Role::Excluded(reason);
                } else if tag == "figure" || tag == "figcaption" {
                    // A figure's class may say better what it holds (an
                    // embedded post); otherwise it is a picture and caption.
                    this_role = Role::Excluded("caption");
                }
            }
            if this_role == Role::Ordinary {
                if let Some(reason) = role_from_attributes(dom, i) {
                    this_role = Role::Excluded(reason);
                }
            }
        }
        let is_dropped = parent_dropped || this_role == Role::Dropped;
        if let Some(r) = role.get_mut(i) {
            *r = this_role;
        }
        if let Some(d) = dropped.get_mut(i) {
            *d = is_dropped;
        }
        if let Some(l) = in_link.get_mut(i) {
            *l = parent_link || tag == "a";
        }
        if let Some(o) = owner.get_mut(i) {
            *o = if is_block(tag) { Some(i) } else { parent_owner };
        }
        // Size cap: a heading wrapping a whole page is no headline, and
        // reading it would make this pass quadratic on nested headings.
        let small = dom.end(i).saturating_sub(i) <= MAX_HEADLINE_NODES;
        if headline.is_none() && matches!(tag, "h1" | "h2" | "h3") && !is_dropped && small {
            let text = dom.subtree_text(i);
            if titles
                .iter()
                .any(|t| same_text(t, &text) || contains_text(t, &text))
            {
                headline = Some(i);
            }
        }
    }

    // Text per block owner.
    let mut chars = vec![0usize; n];
    let mut link_chars = vec![0usize; n];
    let mut own_chars = vec![0usize; n];
    let mut own_link = vec![0usize; n];
    for i in 0..n {
        let Some(t) = dom.text(i) else { continue };
        if dropped.get(i).copied().unwrap_or(true) {
            continue;
        }
        let c = t.chars().filter(|c| !c.is_whitespace()).count();
        if c == 0 {
            continue;
        }
        let linked = in_link.get(i).copied().unwrap_or(false) && !is_spelled_out_url(t);
        if let Some(x) = chars.get_mut(i) {
            *x = c;
        }
        if linked {
            if let Some(x) = link_chars.get_mut(i) {
                *x = c;
            }
        }
        if let Some(o) = owner.get(i).copied().flatten() {
            if let Some(x) = own_chars.get_mut(o) {
                *x += c;
            }
            if linked {
                if let Some(x) = own_link.get_mut(o) {
                    *x += c;
                }
            }
        }
    }

    // Bottom-up pass: subtree sums. Children come after parents in
    // pre-order, so a reverse loop sees every child before its parent.
    let mut weight = vec![0f64; n];
    let mut own_weight = vec![0f64; n];
    for i in (0..n).rev() {
        let own = own_chars.get(i).copied().unwrap_or(0);
        if own >= MIN_BLOCK_CHARS {
            let ld = own_link.get(i).copied().unwrap_or(0) as f64 / own as f64;
            if ld <= MAX_WEIGHTED_LINK_DENSITY {
                let w = own as f64 * (1.0 - ld) * tag_factor(dom.tag(i));
                if let Some(x) = weight.get_mut(i) {
                    *x += w;
                }
                if let Some(x) = own_weight.get_mut(i) {
                    *x = w;
                }
            }
        }
        let Some(p) = dom.parent(i) else { continue };
        let c = chars.get(i).copied().unwrap_or(0);
        let l = link_chars.get(i).copied().unwrap_or(0);
        let w = weight.get(i).copied().unwrap_or(0.0);
        let counts = matches!(role.get(i), Some(Role::Ordinary));
        if let Some(x) = chars.get_mut(p) {
            *x += c;
        }
        if let Some(x) = link_chars.get_mut(p) {
            *x += l;
        }
        if counts {
            if let Some(x) = weight.get_mut(p) {
                *x += w;
            }
        }
    }

    let mut analysis = Analysis {
        role,
        dropped,
        chars,
        link_chars,
        weight,
        own_weight,
        headline,
    };
    rescue_misused_wrappers(dom, &mut analysis);
    analysis
}

/// Roles read from ARIA and microdata attributes.
fn role_from_attributes(dom: &Dom<'_>, i: usize) -> Option<&'static str> {
    match dom.attr(i, "role").map(str::trim) {
        Some("navigation") | Some("menubar") | Some("menu") => return Some("navigation"),
        Some("complementary") => return Some("related-link"),
        Some("contentinfo") | Some("banner") | Some("dialog") | Some("alertdialog") => {
            return Some("page-chrome")
        }
        _ => {}
    }
    match dom.attr(i, "itemprop").map(str::trim) {
        Some("author") | Some("creator") => Some("byline"),
        Some("caption") => Some("caption"),
        _ => None,
    }
}

/// Undo exclusions that would throw away the bulk of the page: a page laid
/// out inside `<header>` or `<aside>`, or an article body whose class list
/// also carries a boilerplate-looking word ("story-body share-tracking").
fn rescue_misused_wrappers(dom: &Dom<'_>, a: &mut Analysis) {
    let n = dom.len();
    let own = |i: usize| a.own_weight.get(i).copied().unwrap_or(0.0);
    // Weight of each subtree if nothing were excluded.
    let mut raw = vec![0f64; n];
    for i in (0..n).rev() {
        let total = own(i)
            + dom
                .children(i)
                .map(|c| raw.get(c).copied().unwrap_or(0.0))
                .sum::<f64>();
        if let Some(r) = raw.get_mut(i) {
            *r = total;
        }
    }
    let page = raw.first().copied().unwrap_or(0.0);
    if page <= 0.0 {
        return;
    }
    let mut rescued = false;
    for i in 0..n {
        let Some(Role::Excluded(_)) = a.role.get(i) else {
            continue;
        };
        let share = raw.get(i).copied().unwrap_or(0.0) / page;
        let tag = dom.tag(i);
        let structural = STRUCTURAL_TAGS.iter().any(|(t, _)| *t == tag);
        let hint = hint_of(dom.attr(i, "class"), dom.attr(i, "id"));
        let holds_headline = a.headline.is_some_and(|h| dom.contains(i, h)) && !structural;
        if share >= STRUCTURAL_KEEP_SHARE
            || (hint.content && share >= HINTED_KEEP_SHARE)
            || (holds_headline && share >= HINTED_KEEP_SHARE)
        {
            if let Some(r) = a.role.get_mut(i) {
                *r = Role::Ordinary;
            }
            rescued = true;
        }
    }
    if !rescued {
        return;
    }
    // Add the weights up again with the new roles.
    let mut weight = vec![0f64; n];
    for i in (0..n).rev() {
        let kids: f64 = dom
            .children(i)
            .filter(|&c| matches!(a.role.get(c), Some(Role::Ordinary)))
            .map(|c| weight.get(c).copied().unwrap_or(0.0))
            .sum();
        if let Some(w) = weight.get_mut(i) {
            *w = own(i) + kids;
        }
    }
    a.weight = weight;
}

fn weight(a: &Analysis, i: usize) -> f64 {
    a.weight.get(i).copied().unwrap_or(0.0)
}

fn is_ordinary(a: &Analysis, i: usize) -> bool {
    matches!(a.role.get(i), Some(Role::Ordinary)) && !a.dropped.get(i).copied().unwrap_or(true)
}

/// Walk down from `<body>` while one child holds most of the weight.
fn choose_container(dom: &Dom<'_>, a: &Analysis) -> usize {
    let mut node = dom.find_tag("body").unwrap_or(0);
    loop {
        let total = weight(a, node);
        if total <= 0.0 {
            return node;
        }
        let best = dom
            .children(node)
            .filter(|&c| dom.element(c).is_some() && is_ordinary(a, c))
            .max_by(|&x, &y| weight(a, x).total_cmp(&weight(a, y)));
        // The child holding the headline wins when it carries a fair share:
        // the body follows its headline more often than not.
        let with_headline = a.headline.and_then(|h| {
            dom.children(node)
                .find(|&c| dom.contains(c, h))
                .filter(|&c| is_ordinary(a, c) && weight(a, c) >= HEADLINE_CHILD_SHARE * total)
        });
        let best = with_headline.or(best);
        // Paragraphs sitting directly beside the heaviest child belong to
        // the same body (a lead paragraph before the "rest of the story"
        // wrapper), so the walk stops here.
        let loose_prose: f64 = dom
            .children(node)
            .filter(|&c| Some(c) != best && is_ordinary(a, c))
            .map(|c| a.own_weight.get(c).copied().unwrap_or(0.0))
            .sum();
        if loose_prose >= LOOSE_PROSE_SHARE * total {
            return node;
        }
        match best {
            Some(c)
                if (weight(a, c) >= DESCEND_SHARE * total || Some(c) == with_headline)
                    && !LEAF_BLOCK_TAGS.contains(&dom.tag(c)) =>
            {
                node = c;
            }
            _ => return node,
        }
    }
}

/// The container plus siblings that continue the same body: same tag and
/// class, carrying prose weight of their own. Articles split into several
/// chunks ("part 1", ad, "part 2") are common, and the walk may have gone
/// down into the biggest chunk, so siblings are looked for a few levels up.
fn container_roots(dom: &Dom<'_>, a: &Analysis, container: usize) -> Vec<usize> {
    let mut roots = vec![container];
    let mut node = container;
    for _ in 0..SIBLING_LEVELS {
        let Some(parent) = dom.parent(node) else {
            break;
        };
        if dom.element(parent).is_none() || matches!(dom.tag(parent), "body" | "html") {
            break;
        }
        let tag = dom.tag(node);
        let class = dom
            .attr(node, "class")
            .map(str::trim)
            .filter(|c| !c.is_empty());
        if class.is_some() || tag == "p" {
            roots.extend(dom.children(parent).filter(|&s| {
                s != node
                    && is_ordinary(a, s)
                    && dom.tag(s) == tag
                    && dom
                        .attr(s, "class")
                        .map(str::trim)
                        .filter(|c| !c.is_empty())
                        == class
                    && weight(a, s) > 0.0
            }));
        }
        node = parent;
    }
    roots.sort_unstable();
    roots
}

/// Reads the blocks of the chosen subtrees.
struct Reader<'d, 'a> {
    dom: &'d Dom<'a>,
    a: &'d Analysis,
    title: Option<String>,
    buffer: String,
    buffer_link_chars: usize,
    pieces: Vec<Piece>,
}

/// What the reader decided about one block of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    Keep,
    Discard(&'static str),
    /// Left to the neighbours: kept only between two kept blocks, else
    /// discarded with this reason.
    Uncertain(&'static str),
}

struct Piece {
    text: String,
    verdict: Verdict,
    /// Came from a subheading (h2–h6).
    heading: bool,
}

/// Short blocks after the last paragraph of story text that invite the
/// reader to follow, subscribe or write in are sign-off furniture.
fn drop_tail_furniture(pieces: &[Piece], verdicts: &mut [Result<(), &'static str>]) {
    let chars = |p: &Piece| p.text.chars().count();
    let last_story = pieces
        .iter()
        .zip(verdicts.iter())
        .rposition(|(p, v)| v.is_ok() && chars(p) >= TAIL_ANCHOR_CHARS && !has_tail_cue(&p.text));
    let Some(last_story) = last_story else { return };
    for (i, (piece, verdict)) in pieces.iter().zip(verdicts.iter_mut()).enumerate() {
        if i > last_story
            && verdict.is_ok()
            && chars(piece) < MAX_SIGN_OFF_CHARS
            && has_tail_cue(&piece.text)
        {
            *verdict = Err("page-chrome");
        }
    }
}

/// A subheading that only introduces a dropped link list, or that ends
/// the text with nothing after it, goes with what follows it.
fn drop_orphan_headings(pieces: &[Piece], verdicts: &mut [Result<(), &'static str>]) {
    // Whether any piece after the current one is kept text.
    let mut text_follows = false;
    // The verdict of the piece right after the current one.
    let mut next: Option<Result<(), &'static str>> = None;
    for i in (0..pieces.len()).rev() {
        let (Some(piece), Some(verdict)) = (pieces.get(i), verdicts.get_mut(i)) else {
            continue;
        };
        if verdict.is_ok() && piece.heading {
            if !text_follows {
                *verdict = Err("page-chrome");
            } else if next == Some(Err("related-link")) {
                *verdict = Err("related-link");
            }
        }
        if verdict.is_ok() && !piece.heading {
            text_follows = true;
        }
        next = Some(*verdict);
    }
}

/// Settle uncertain pieces by their context, as jusText does: a doubtful
/// block inside a run of article text is article text, one at the edge
/// of it is not.
fn resolve(pieces: Vec<Piece>) -> Found {
    let definite: Vec<Option<bool>> = pieces
        .iter()
        .map(|p| match p.verdict {
            Verdict::Keep => Some(true),
            Verdict::Discard(_) => Some(false),
            Verdict::Uncertain(_) => None,
        })
        .collect();
    // Nearest definite verdict before each piece (forward pass) and after it
    // (backward pass).
    let mut before = vec![false; pieces.len()];
    let mut last = false;
    for (i, d) in definite.iter().enumerate() {
        if let Some(b) = before.get_mut(i) {
            *b = last;
        }
        if let Some(v) = d {
            last = *v;
        }
    }
    let mut after = vec![false; pieces.len()];
    let mut next = false;
    for (i, d) in definite.iter().enumerate().rev() {
        if let Some(a) = after.get_mut(i) {
            *a = next;
        }
        if let Some(v) = d {
            next = *v;
        }
    }
    let mut verdicts: Vec<Result<(), &'static str>> = pieces
        .iter()
        .enumerate()
        .map(|(i, piece)| match piece.verdict {
            Verdict::Keep => Ok(()),
            Verdict::Discard(reason) => Err(reason),
            Verdict::Uncertain(reason) => {
                let inside = before.get(i).copied().unwrap_or(false)
                    && after.get(i).copied().unwrap_or(false);
                if inside {
                    Ok(())
                } else {
                    Err(reason)
                }
            }
        })
        .collect();
    drop_tail_furniture(&pieces, &mut verdicts);
    drop_orphan_headings(&pieces, &mut verdicts);
    let mut found = Found {
        paragraphs: Vec::new(),
        discarded: Vec::new(),
    };
    for (piece, keep) in pieces.into_iter().zip(verdicts) {
        match keep {
            Ok(()) => found.paragraphs.push(piece.text),
            Err(reason) => found.discarded.push(Discarded {
                text: piece.text,
                reason,
            }),
        }
    }
    found
}

/// The innermost open block while reading: where a flushed piece of text
/// came from.
#[derive(Clone, Copy)]
struct OpenBlock<'a> {
    end: usize,
    in_list: bool,
    tag: &'a str,
}

impl<'a> Reader<'_, 'a> {
    /// A list of links: linked text dominates the whole list, or most of
    /// its items are mostly a link.
    fn is_link_list(&self, list: usize) -> bool {
        let density = |i: usize| {
            let c = self.a.chars.get(i).copied().unwrap_or(0);
            let l = self.a.link_chars.get(i).copied().unwrap_or(0);
            (c > 0).then(|| l as f64 / c as f64)
        };
        if density(list).is_some_and(|d| d > MAX_LIST_LINK_DENSITY) {
            return true;
        }
        let items: Vec<f64> = self.dom.children(list).filter_map(density).collect();
        let linked = items.iter().filter(|&&d| d > MAX_LIST_LINK_DENSITY).count();
        items.len() >= 2 && linked as f64 >= LINKED_ITEMS_SHARE * items.len() as f64
    }

    fn discard(&mut self, text: String, reason: &'static str) {
        if !text.is_empty() {
            self.pieces.push(Piece {
                text,
                verdict: Verdict::Discard(reason),
                heading: false,
            });
        }
    }

    fn flush(&mut self, block: Option<OpenBlock<'a>>) {
        let text = collapse_whitespace(&self.buffer);
        let link = self.buffer_link_chars;
        self.buffer.clear();
        self.buffer_link_chars = 0;
        if text.is_empty() {
            return;
        }
        let in_list = block.is_some_and(|b| b.in_list);
        let owner_tag = block.map(|b| b.tag).unwrap_or("");
        let chars = text.chars().filter(|c| !c.is_whitespace()).count().max(1);
        let ld = link as f64 / chars as f64;
        // A long paragraph of prose may link many of its words (names,
        // sources) and still be article text.
        let limit = if owner_tag == "p" && chars >= LONG_PARAGRAPH_CHARS {
            MAX_KEPT_LINK_DENSITY_LONG
        } else {
            MAX_KEPT_LINK_DENSITY
        };
        if ld > limit {
            let reason = if in_list || chars > 40 {
                "related-link"
            } else {
                "navigation"
            };
            // A long, fully linked sentence in a paragraph may be a linked
            // summary within the story; its neighbours decide.
            let verdict = if chars >= UNCERTAIN_LINKED_CHARS {
                Verdict::Uncertain(reason)
            } else {
                Verdict::Discard(reason)
            };
            self.pieces.push(Piece {
                text,
                verdict,
                heading: false,
            });
            return;
        }
        if let Some(reason) = phrase_reason(&text) {
            self.discard(text, reason);
            return;
        }
        if self.title.as_deref().is_some_and(|t| same_text(t, &text)) {
            return;
        }
        if looks_like_byline(&text) {
            self.discard(text, "byline");
            return;
        }
        self.pieces.push(Piece {
            text,
            verdict: Verdict::Keep,
            heading: matches!(owner_tag, "h2" | "h3" | "h4" | "h5" | "h6"),
        });
    }

    fn read(&mut self, root: usize) {
        let dom = self.dom;
        let end = dom.end(root).min(dom.len());
        // The open block elements and links, innermost last.
        let mut blocks: Vec<OpenBlock<'a>> = Vec::new();
        let mut links: Vec<usize> = Vec::new();
        let mut i = root;
        while i < end {
            while let Some(&b) = blocks.last().filter(|b| b.end <= i) {
                self.flush(Some(b));
                blocks.pop();
            }
            while links.last().is_some_and(|&e| e <= i) {
                links.pop();
            }
            let current = blocks.last().copied();
            if let Some(t) = dom.text(i) {
                if !self.a.dropped.get(i).copied().unwrap_or(true) {
                    self.buffer.push_str(t);
                    if !links.is_empty() && !is_spelled_out_url(t) {
                        self.buffer_link_chars += t.chars().filter(|c| !c.is_whitespace()).count();
                    }
                }
                i += 1;
                continue;
            }
            if dom.element(i).is_none() {
                i += 1;
                continue;
            }
            let tag = dom.tag(i);
            let next = dom.end(i);
            if self.a.dropped.get(i).copied().unwrap_or(true) {
                if is_block(tag) {
                    self.flush(current);
                }
                i = next;
                continue;
            }
            if let Some(Role::Excluded(reason)) = self.a.role.get(i).copied() {
                if i != root {
                    self.flush(current);
                    let text = dom.subtree_text_filtered(i, &self.a.dropped);
                    self.discard(text, reason);
                    i = next;
                    continue;
                }
            }
            if Some(i) == self.a.headline {
                self.flush(current);
                i = next;
                continue;
            }
            if matches!(tag, "ul" | "ol" | "dl") && i != root && self.is_link_list(i) {
                self.flush(current);
                let text = dom.subtree_text_filtered(i, &self.a.dropped);
                self.discard(text, "related-link");
                i = next;
                continue;
            }
            if tag == "br" || tag == "hr" {
                self.flush(current);
            } else if is_block(tag) {
                self.flush(current);
                let in_list =
                    current.is_some_and(|b| b.in_list) || matches!(tag, "li" | "ul" | "ol");
                blocks.push(OpenBlock {
                    end: next,
                    in_list,
                    tag,
                });
            } else if tag == "a" {
                links.push(next);
            }
            i += 1;
        }
        let last = blocks.last().copied();
        self.flush(last);
    }
}

/// Link text that is the address itself: a citation written into the
/// text, not a navigation link, so it does not count towards link density.
fn is_spelled_out_url(text: &str) -> bool {
    let t = text.trim_start();
    t.starts_with("http://") || t.starts_with("https://") || t.starts_with("www.")
}

/// Compare two short texts ignoring case, spacing and punctuation.
fn same_text(a: &str, b: &str) -> bool {
    let key = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let (ka, kb) = (key(a), key(b));
    !ka.is_empty() && ka == kb
}

/// Whether `inner` (a heading of some length) appears within `outer`,
/// ignoring case, spacing and punctuation.
fn contains_text(outer: &str, inner: &str) -> bool {
    let key = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let inner = key(inner);
    inner.chars().count() >= 15 && key(outer).contains(&inner)
}

/// "By Jane Doe" and the like: a short line naming who wrote the piece.
fn looks_like_byline(text: &str) -> bool {
    let lower = text.to_lowercase();
    let words = text.split_whitespace().count();
    (lower.starts_with("by ") || lower.starts_with("written by") || lower.starts_with("posted by"))
        && words <= 8
        && !text.ends_with('.')
}

/// Find and read the article body of a parsed page.
///
/// `titles` are what the page says its headline is (chosen title, og:title,
/// `<title>`); the heading repeating one of them marks where the article is.
pub(crate) fn find(dom: &Dom<'_>, title: Option<&str>, titles: &[&str]) -> Found {
    let a = analyse(dom, titles);
    let container = choose_container(dom, &a);
    let roots = container_roots(dom, &a, container);
    let mut reader = Reader {
        dom,
        a: &a,
        title: title.map(str::to_string),
        buffer: String::new(),
        buffer_link_chars: 0,
        pieces: Vec::new(),
    };
    for root in roots {
        reader.read(root);
    }
    resolve(reader.pieces)
}

impl Dom<'_> {
    /// The text of a subtree without its dropped parts, whitespace collapsed.
    fn subtree_text_filtered(&self, i: usize, dropped: &[bool]) -> String {
        let mut raw = String::new();
        let end = self.end(i).min(self.len());
        let mut j = i;
        while j < end {
            if dropped.get(j).copied().unwrap_or(true) {
                j = self.end(j);
                continue;
            }
            if let Some(t) = self.text(j) {
                raw.push_str(t);
            } else if is_block(self.tag(j)) || self.tag(j) == "br" {
                raw.push(' ');
            }
            j += 1;
        }
        collapse_whitespace(&raw)
    }
}
