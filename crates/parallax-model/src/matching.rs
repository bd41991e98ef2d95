//! How two statements are matched, shared by the acts annotator (within a
//! document) and the link stage (across documents), so that both say
//! "the same act" and "names the accuser" alike.

/// The stems an act is matched by: its words' first six letters, without
/// a plural -s, short and common words left out.
pub fn act_terms(act_text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in act_text.split_whitespace() {
        let w: String = w
            .to_lowercase()
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect();
        if w.len() < 4
            || matches!(
                w.as_str(),
                "with" | "from" | "into" | "over" | "have" | "been"
            )
        {
            continue;
        }
        let stem: String = w.chars().take(6).collect();
        let stem = stem.trim_end_matches('s').to_string();
        if !out.contains(&stem) {
            out.push(stem);
        }
    }
    out
}

/// The terms two acts share, and how much: the overlap coefficient.
pub fn shared_terms<'a>(a: &'a [String], b: &[String]) -> (Vec<&'a String>, f64) {
    let shared: Vec<&String> = a.iter().filter(|t| b.contains(t)).collect();
    let share = if a.is_empty() || b.is_empty() {
        0.0
    } else {
        shared.len() as f64 / a.len().min(b.len()) as f64
    };
    (shared, share)
}

/// Whether `text` names `name` as whole words, `name` being a name of two
/// words or more ("turkish foreign ministry", not "it" or "us", which any
/// text holds). Both folded alike by the caller.
pub fn names_as_words(text: &str, name: &str) -> bool {
    if name.split_whitespace().count() < 2 {
        return false;
    }
    text.match_indices(name).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + name.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acts_match_by_stems_and_names_by_whole_words() {
        let a = act_terms("airstrikes on civilian targets in Aleppo");
        let b = act_terms("making airstrikes on mosques and civilian targets");
        let (shared, share) = shared_terms(&a, &b);
        assert_eq!(shared, ["airstr", "civili", "target"]);
        assert!((share - 0.75).abs() < 1e-9, "{share}");
        assert!(names_as_words(
            "denied the turkish foreign ministry accusation",
            "turkish foreign ministry"
        ));
        assert!(!names_as_words("it is said", "it"));
        assert!(!names_as_words("the usa said", "us said"));
    }
}
