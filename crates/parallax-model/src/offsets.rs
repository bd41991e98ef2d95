//! Converting byte offsets (what Rust string slicing uses) into character
//! offsets (what the output contract promises).

/// A precomputed map from byte offsets of one text to character offsets.
///
/// Built once per document; each lookup is a binary search over the
/// positions of multi-byte characters, so ASCII-heavy text costs almost
/// nothing.
#[derive(Debug, Clone)]
pub struct CharOffsets {
    /// Byte offset of each character that is longer than one byte, with
    /// the extra bytes accumulated up to and including it.
    multibyte: Vec<(usize, usize)>,
    len_bytes: usize,
}

impl CharOffsets {
    pub fn new(text: &str) -> Self {
        let mut multibyte = Vec::new();
        let mut extra = 0usize;
        for (i, c) in text.char_indices() {
            let n = c.len_utf8();
            if n > 1 {
                extra += n - 1;
                multibyte.push((i, extra));
            }
        }
        CharOffsets {
            multibyte,
            len_bytes: text.len(),
        }
    }

    /// The character offset of byte offset `byte` (clamped to the text).
    pub fn char_of(&self, byte: usize) -> usize {
        let byte = byte.min(self.len_bytes);
        // Characters strictly before `byte` that are multi-byte contribute
        // their extra bytes.
        let idx = self.multibyte.partition_point(|&(b, _)| b < byte);
        let extra = if idx == 0 {
            0
        } else {
            self.multibyte[idx - 1].1
        };
        byte - extra
    }
}

/// One stretch of the clean text copied verbatim from the input text, in
/// characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Run {
    clean: usize,
    input: usize,
    len: usize,
}

/// Where the clean text of a document stands in its input text: the
/// stretches of the clean text that the input holds exactly as written,
/// with their place there, in characters.
///
/// A span of the clean text maps to the input only when it lies inside one
/// stretch: a span that crosses a normalised space, a joined line break or
/// a removed line has no verbatim counterpart.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InputOffsets {
    /// Sorted by `clean`, not overlapping; neighbours that continue each
    /// other in both texts are merged.
    runs: Vec<Run>,
}

impl InputOffsets {
    /// A clean text that is its input, unchanged, `len` characters long.
    pub fn identity(len: usize) -> Self {
        let mut map = InputOffsets::default();
        map.push(0, 0, len);
        map
    }

    /// Record that `len` characters of the clean text from `clean` are the
    /// input's characters from `input`. Stretches must come in clean-text
    /// order; one that overlaps what is already recorded is ignored.
    pub fn push(&mut self, clean: usize, input: usize, len: usize) {
        if len == 0 {
            return;
        }
        match self.runs.last_mut() {
            Some(last) if clean < last.clean + last.len => {}
            Some(last) if clean == last.clean + last.len && input == last.input + last.len => {
                last.len += len;
            }
            _ => self.runs.push(Run { clean, input, len }),
        }
    }

    /// The input range holding exactly the clean characters `start..end`,
    /// or `None` when the input does not hold them verbatim.
    pub fn to_input(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        if end < start {
            return None;
        }
        // The last stretch starting at or before `start`.
        let i = self
            .runs
            .partition_point(|r| r.clean <= start)
            .checked_sub(1)?;
        let r = self.runs.get(i)?;
        // An empty span may sit at the very end of a stretch.
        let fits = if start == end {
            start <= r.clean + r.len
        } else {
            end <= r.clean + r.len
        };
        fits.then(|| (r.input + (start - r.clean), r.input + (end - r.clean)))
    }

    /// The stretches as `(clean, input, len)`, in order.
    pub fn runs(&self) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
        self.runs.iter().map(|r| (r.clean, r.input, r.len))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_map_inside_one_stretch_only() {
        let mut map = InputOffsets::default();
        // clean "ab cd" from input "ab\u{a0}cd": "ab" and "cd" verbatim.
        map.push(0, 0, 2);
        map.push(3, 3, 2);
        assert_eq!(map.to_input(0, 2), Some((0, 2)));
        assert_eq!(map.to_input(3, 5), Some((3, 5)));
        assert_eq!(map.to_input(4, 5), Some((4, 5)));
        assert_eq!(map.to_input(1, 4), None);
        assert_eq!(map.to_input(2, 3), None);
        assert_eq!(map.to_input(2, 2), Some((2, 2)));
        assert_eq!(map.to_input(5, 6), None);
        assert_eq!(map.to_input(3, 2), None);
    }

    #[test]
    fn stretches_that_continue_each_other_merge() {
        let mut map = InputOffsets::default();
        map.push(0, 10, 3);
        map.push(3, 13, 2);
        map.push(5, 20, 2);
        assert_eq!(map.runs().collect::<Vec<_>>(), [(0, 10, 5), (5, 20, 2)]);
        assert_eq!(map.to_input(1, 5), Some((11, 15)));
        assert_eq!(map.to_input(4, 6), None);
        // Overlapping pushes are ignored rather than corrupting the order.
        map.push(6, 40, 1);
        assert_eq!(map.runs().count(), 2);
        assert_eq!(InputOffsets::identity(4).to_input(0, 4), Some((0, 4)));
        assert_eq!(InputOffsets::identity(0).to_input(0, 0), None);
    }

    #[test]
    fn maps_bytes_to_chars_across_multibyte_text() {
        let text = "a“b”c — d";
        let map = CharOffsets::new(text);
        for (ci, (bi, _)) in text.char_indices().enumerate() {
            assert_eq!(map.char_of(bi), ci, "byte {bi}");
        }
        assert_eq!(map.char_of(text.len()), text.chars().count());
    }
}
