//! Class and id hints: what an element's `class` and `id` words say about
//! its role. The word lists are data files compiled into the crate.

use std::sync::OnceLock;

/// Why a piece inside the article was left out.
pub(crate) const REASONS: &[&str] = &[
    "caption",
    "related-link",
    "social-embed",
    "navigation",
    "page-chrome",
    "byline",
];

struct Pattern {
    /// All words but the last must match exactly.
    words: Vec<String>,
    /// Whether the last word must match exactly (else as a prefix).
    exact_last: bool,
}

impl Pattern {
    fn parse(text: &str) -> Option<Pattern> {
        let (exact_last, body) = match text.strip_prefix('=') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let words: Vec<String> = body
            .split('-')
            .filter(|w| !w.is_empty())
            .map(str::to_ascii_lowercase)
            .collect();
        (!words.is_empty()).then_some(Pattern { words, exact_last })
    }

    fn matches(&self, words: &[String]) -> bool {
        let k = self.words.len();
        if words.len() < k {
            return false;
        }
        words.windows(k).any(|window| {
            window
                .iter()
                .zip(&self.words)
                .enumerate()
                .all(|(m, (w, p))| {
                    if m + 1 == k && !self.exact_last {
                        w.starts_with(p.as_str())
                    } else {
                        w == p
                    }
                })
        })
    }
}

struct HintLists {
    boilerplate: Vec<(Pattern, &'static str)>,
    content: Vec<Pattern>,
    phrases: Vec<(String, &'static str)>,
    tail_cues: Vec<String>,
}

fn data_lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn reason_named(name: &str) -> Option<&'static str> {
    REASONS.iter().copied().find(|r| *r == name)
}

fn lists() -> &'static HintLists {
    static LISTS: OnceLock<HintLists> = OnceLock::new();
    LISTS.get_or_init(|| {
        let boilerplate = data_lines(include_str!("../../../data/html_boilerplate_hints.txt"))
            .filter_map(|line| {
                let mut parts = line.split_whitespace();
                let pattern = Pattern::parse(parts.next()?)?;
                let reason = reason_named(parts.next()?)?;
                Some((pattern, reason))
            })
            .collect();
        let content = data_lines(include_str!("../../../data/html_content_hints.txt"))
            .filter_map(Pattern::parse)
            .collect();
        let phrases = data_lines(include_str!("../../../data/html_boilerplate_phrases.txt"))
            .filter_map(|line| {
                let (phrase, reason) = line.rsplit_once('|')?;
                Some((phrase.trim().to_lowercase(), reason_named(reason.trim())?))
            })
            .collect();
        let tail_cues = data_lines(include_str!("../../../data/html_tail_cues.txt"))
            .map(str::to_lowercase)
            .collect();
        HintLists {
            boilerplate,
            content,
            phrases,
            tail_cues,
        }
    })
}

/// Split a class or id value into lower-case words at punctuation, digits
/// and camelCase boundaries.
pub(crate) fn hint_words(value: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut current = String::new();
    let mut prev_lower = false;
    for c in value.chars() {
        if c.is_ascii_alphabetic() {
            if c.is_ascii_uppercase() && prev_lower && !current.is_empty() {
                words.push(std::mem::take(&mut current));
            }
            prev_lower = c.is_ascii_lowercase();
            current.push(c.to_ascii_lowercase());
        } else {
            prev_lower = false;
            if !current.is_empty() {
                words.push(std::mem::take(&mut current));
            }
        }
    }
    if !current.is_empty() {
        words.push(current);
    }
    words
}

/// What the class/id words of one element suggest.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Hint {
    pub boilerplate: Option<&'static str>,
    pub content: bool,
}

/// Read the hints of an element from its `class` and `id` values. Each
/// class token is matched on its own so that words of neighbouring tokens do
/// not combine into a pattern.
pub(crate) fn hint_of(class: Option<&str>, id: Option<&str>) -> Hint {
    let lists = lists();
    let mut hint = Hint::default();
    let tokens = class
        .unwrap_or("")
        .split_whitespace()
        .chain(id.unwrap_or("").split_whitespace());
    for token in tokens {
        let words = hint_words(token);
        if words.is_empty() {
            continue;
        }
        if hint.boilerplate.is_none() {
            hint.boilerplate = lists
                .boilerplate
                .iter()
                .find(|(p, _)| p.matches(&words))
                .map(|(_, r)| *r);
        }
        if !hint.content {
            hint.content = lists.content.iter().any(|p| p.matches(&words));
        }
    }
    hint
}

/// Whether a short block contains one of the sign-off cues ("follow us",
/// "newsletter", an e-mail address...).
pub(crate) fn has_tail_cue(text: &str) -> bool {
    let lower = text.to_lowercase();
    lists()
        .tail_cues
        .iter()
        .any(|cue| lower.contains(cue.as_str()))
}

/// The reason a short block is furniture, when its whole text is one of the
/// listed phrases.
pub(crate) fn phrase_reason(text: &str) -> Option<&'static str> {
    if text.len() > 60 {
        return None;
    }
    // Digits stand for any number: "Image 3 of 5" matches "image # of #".
    let key: String = text
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
        .chars()
        .fold(String::new(), |mut acc, c| {
            if c.is_ascii_digit() {
                if !acc.ends_with('#') {
                    acc.push('#');
                }
            } else {
                acc.push(c);
            }
            acc
        });
    lists()
        .phrases
        .iter()
        .find(|(phrase, _)| *phrase == key)
        .map(|(_, r)| *r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_split_at_case_and_punctuation() {
        assert_eq!(hint_words("relatedStories"), vec!["related", "stories"]);
        assert_eq!(
            hint_words("c-article__body--wide2"),
            vec!["c", "article", "body", "wide"]
        );
    }

    #[test]
    fn exact_and_prefix_patterns() {
        assert_eq!(
            hint_of(Some("comments-area"), None).boilerplate,
            Some("page-chrome")
        );
        // "ad" must be a whole word: "header" and "address" are not ads.
        assert_eq!(hint_of(Some("address"), None).boilerplate, None);
        assert_eq!(
            hint_of(Some("ad-slot"), None).boilerplate,
            Some("page-chrome")
        );
        assert_eq!(
            hint_of(None, Some("relatedLinks")).boilerplate,
            Some("related-link")
        );
        assert!(hint_of(Some("story-body"), None).content);
        assert!(!hint_of(Some("storyline"), None).content);
    }

    #[test]
    fn every_data_line_parses() {
        let count = |t: &'static str| data_lines(t).count();
        let l = lists();
        assert_eq!(
            l.boilerplate.len(),
            count(include_str!("../../../data/html_boilerplate_hints.txt"))
        );
        assert_eq!(
            l.content.len(),
            count(include_str!("../../../data/html_content_hints.txt"))
        );
        assert_eq!(
            l.phrases.len(),
            count(include_str!("../../../data/html_boilerplate_phrases.txt"))
        );
        assert_eq!(
            l.tail_cues.len(),
            count(include_str!("../../../data/html_tail_cues.txt"))
        );
    }

    #[test]
    fn phrases_match_whole_short_blocks_only() {
        assert_eq!(phrase_reason("ADVERTISEMENT"), Some("page-chrome"));
        assert_eq!(phrase_reason("Read more »"), Some("related-link"));
        assert_eq!(phrase_reason("Read more about the harbour plan"), None);
        assert_eq!(phrase_reason("Image 12 of 30"), Some("caption"));
    }
}
