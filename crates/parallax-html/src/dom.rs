//! A flat, pre-ordered view of a parsed page.
//!
//! Nodes are numbered in document order, and each records where its subtree
//! ends, so a subtree is the contiguous range `i..end`. That makes every pass
//! of the extractor a plain loop over indices: no recursion (deeply nested
//! markup cannot overflow the stack) and no repeated walks over the same
//! subtree (cost stays linear in the page size).

use ego_tree::iter::Edge;
use scraper::node::Element;
use scraper::{Html, Node};

/// What one node of the page is.
#[derive(Debug, Clone, Copy)]
pub(crate) enum NodeData<'a> {
    Element(&'a Element),
    Text(&'a str),
    /// Document, doctype, comment or processing instruction.
    Other,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct FlatNode<'a> {
    pub parent: Option<usize>,
    /// One past the last node of this node's subtree.
    pub end: usize,
    pub data: NodeData<'a>,
}

/// The page as a pre-ordered list of nodes.
pub(crate) struct Dom<'a> {
    pub nodes: Vec<FlatNode<'a>>,
}

impl<'a> Dom<'a> {
    pub fn new(html: &'a Html) -> Self {
        let mut nodes: Vec<FlatNode<'a>> = Vec::new();
        let mut open: Vec<usize> = Vec::new();
        for edge in html.tree.root().traverse() {
            match edge {
                Edge::Open(node) => {
                    let data = match node.value() {
                        Node::Element(e) => NodeData::Element(e),
                        Node::Text(t) => NodeData::Text(t),
                        _ => NodeData::Other,
                    };
                    let index = nodes.len();
                    nodes.push(FlatNode {
                        parent: open.last().copied(),
                        end: index + 1,
                        data,
                    });
                    open.push(index);
                }
                Edge::Close(_) => {
                    let len = nodes.len();
                    if let Some(index) = open.pop() {
                        if let Some(n) = nodes.get_mut(index) {
                            n.end = len;
                        }
                    }
                }
            }
        }
        Dom { nodes }
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn element(&self, i: usize) -> Option<&'a Element> {
        match self.nodes.get(i).map(|n| n.data) {
            Some(NodeData::Element(e)) => Some(e),
            _ => None,
        }
    }

    pub fn text(&self, i: usize) -> Option<&'a str> {
        match self.nodes.get(i).map(|n| n.data) {
            Some(NodeData::Text(t)) => Some(t),
            _ => None,
        }
    }

    /// Lower-case tag name, or "" for a non-element.
    pub fn tag(&self, i: usize) -> &'a str {
        self.element(i).map(|e| e.name()).unwrap_or("")
    }

    pub fn attr(&self, i: usize, name: &str) -> Option<&'a str> {
        self.element(i).and_then(|e| e.attr(name))
    }

    pub fn end(&self, i: usize) -> usize {
        self.nodes.get(i).map(|n| n.end).unwrap_or(i + 1).max(i + 1)
    }

    pub fn parent(&self, i: usize) -> Option<usize> {
        self.nodes.get(i).and_then(|n| n.parent)
    }

    /// The direct children of `i`, in order.
    pub fn children(&self, i: usize) -> Children<'_, 'a> {
        Children {
            dom: self,
            next: i + 1,
            end: self.end(i).min(self.len()),
        }
    }

    /// Whether `a` is `b` or one of its ancestors.
    pub fn contains(&self, a: usize, b: usize) -> bool {
        a <= b && b < self.end(a)
    }

    /// First element with this tag name, in document order.
    pub fn find_tag(&self, name: &str) -> Option<usize> {
        (0..self.len()).find(|&i| self.tag(i) == name)
    }

    /// The concatenated text of a subtree, whitespace collapsed.
    pub fn subtree_text(&self, i: usize) -> String {
        let mut raw = String::new();
        for j in i..self.end(i).min(self.len()) {
            if let Some(t) = self.text(j) {
                raw.push_str(t);
            }
        }
        collapse_whitespace(&raw)
    }
}

pub(crate) struct Children<'d, 'a> {
    dom: &'d Dom<'a>,
    next: usize,
    end: usize,
}

impl Iterator for Children<'_, '_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        if self.next >= self.end {
            return None;
        }
        let current = self.next;
        self.next = self.dom.end(current);
        Some(current)
    }
}

/// Collapse runs of whitespace (including no-break spaces) to one space,
/// drop zero-width characters and trim the ends.
pub(crate) fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        if matches!(
            c,
            '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}'
        ) {
            continue;
        }
        if c.is_whitespace() {
            pending_space = true;
            continue;
        }
        if pending_space && !out.is_empty() {
            out.push(' ');
        }
        pending_space = false;
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subtrees_are_contiguous_ranges() {
        let html =
            Html::parse_document("<div id=a><p>one <b>two</b></p><p>three</p></div><p>four</p>");
        let dom = Dom::new(&html);
        let div = dom.find_tag("div").unwrap_or(0);
        assert_eq!(dom.tag(div), "div");
        assert_eq!(dom.subtree_text(div), "one twothree");
        let kids: Vec<&str> = dom.children(div).map(|c| dom.tag(c)).collect();
        assert_eq!(kids, vec!["p", "p"]);
        let body = dom.find_tag("body").unwrap_or(0);
        assert_eq!(dom.subtree_text(body), "one twothreefour");
    }

    #[test]
    fn whitespace_is_collapsed() {
        assert_eq!(collapse_whitespace("  a\u{a0}\n b\u{200b}c  "), "a bc");
    }
}
