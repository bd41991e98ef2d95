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
    let role = ws.get(after).filter(|w| w.is_comma()).and_then(|_| {
        let from = after + 1;
        let end = ws[from..]
            .iter()
            .position(|x| x.is_comma() || x.ends_sentence())
            .map_or(ws.len(), |i| from + i);
        appositive_role(ws.get(from..end).unwrap_or(&[]), text)
    });
    Some((m, role, dash_range))
}
