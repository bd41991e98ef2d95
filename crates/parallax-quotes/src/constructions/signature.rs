//! A quotation signed with a dash and a name after its closing mark, as
//! readers' letters, vox pops and epigraphs are: "“…” ― Marta Quell, a
//! ferry captain".

use std::ops::Range;

use parallax_text::Segmentation;

use crate::speaker::{appositive_role, mention_right, Mention, MentionKind};
use crate::words::Word;

/// A quotation signed with a dash and a name after its closing mark, as
/// readers' letters and epigraphs are: "“…” ― Marta Quell, a ferry
/// captain". Returns the name's mention, the role an appositive gives and
/// the dash.
pub(crate) fn dash_signature(
    text: &str,
    seg: &Segmentation,
    sentences: &[Vec<Word<'_>>],
    content_end: usize,
) -> Option<(Mention, Option<String>, Range<usize>)> {
    let rest = text.get(content_end..)?;
    let skipped =
        rest.find(|c: char| !matches!(c, '”' | '"' | '’' | '\'' | '»' | ',' | '.' | ' ' | '\t'))?;
    let dash_at = content_end + skipped;
    let dash = text.get(dash_at..)?.chars().next()?;
    if !matches!(dash, '―' | '—' | '–') {
        return None;
    }
    let dash_range = dash_at..dash_at + dash.len_utf8();
    let si = seg
        .sentences
        .partition_point(|x| x.range.end <= dash_range.end);
    let ws = sentences.get(si)?;
    let at = ws.iter().position(|w| w.r.start >= dash_range.end)?;
    let (m, after) = mention_right(ws, at, text)?;
    let named = matches!(
        m.kind,
        MentionKind::Person { .. } | MentionKind::Surname(_) | MentionKind::Organisation(_)
    );
    // The name closes the signature: nothing but a full stop, a comma (an
    // appositive) or the paragraph's end follows.
    let closes = ws
        .get(after)
        .is_none_or(|w| w.ends_sentence() || w.is_comma());
    if !(named && closes) {
        return None;
    }
    let role = role_after_comma(ws, after, text, |x| x.is_comma() || x.ends_sentence());
    Some((m, role, dash_range))
}

/// The role an appositive gives after a signature's name: a comma at
/// `after`, then words up to the first that `stops` ("Robert Ames, a
/// harbour engineer").
fn role_after_comma(
    ws: &[Word<'_>],
    after: usize,
    text: &str,
    stops: impl Fn(&Word<'_>) -> bool,
) -> Option<String> {
    ws.get(after).filter(|w| w.is_comma())?;
    let from = after + 1;
    let end = ws[from..]
        .iter()
        .position(stops)
        .map_or(ws.len(), |i| from + i);
    appositive_role(ws.get(from..end).unwrap_or(&[]), text)
}

/// A quotation that fills its paragraph, signed on the next line by a
/// name alone or a name and a title or outlet, as pull quotes and digests
/// print them: "“…”" then "Robert Ames, The Ledger". Returns the name's
/// mention and the role an appositive gives.
pub(crate) fn line_signature(
    text: &str,
    seg: &Segmentation,
    sentences: &[Vec<Word<'_>>],
    content: &Range<usize>,
) -> Option<(Mention, Option<String>)> {
    let pi = seg.paragraphs.partition_point(|p| p.end <= content.start);
    let para = seg.paragraphs.get(pi)?;
    // The quotation is the whole paragraph: nothing but marks around it.
    let before = text.get(para.start..content.start)?;
    let after = text.get(content.end..para.end)?;
    let bare = |s: &str| !s.chars().any(char::is_alphanumeric);
    if !(bare(before) && bare(after)) {
        return None;
    }
    let next = seg.paragraphs.get(pi + 1)?;
    let line = text.get(next.clone())?;
    let words = line.split_whitespace().count();
    if words > 10 || line.chars().count() > 90 || line.contains(['“', '”', '"']) {
        return None;
    }
    let si = seg.sentences.partition_point(|x| x.range.end <= next.start);
    let ws = sentences.get(si)?;
    let at = ws.iter().position(|w| w.r.start >= next.start)?;
    let (m, after) = mention_right(ws, at, text)?;
    let named = matches!(
        m.kind,
        MentionKind::Person { .. } | MentionKind::Organisation(_)
    );
    let line_end = |w: &Word<'_>| w.r.start >= next.end;
    // The name ends the line, or a comma leads to a title or an outlet.
    let closes = ws
        .get(after)
        .is_none_or(|w| line_end(w) || w.is_comma() || w.ends_sentence());
    if !(named && closes) {
        return None;
    }
    let role = role_after_comma(ws, after, text, |x| line_end(x) || x.ends_sentence());
    Some((m, role))
}
