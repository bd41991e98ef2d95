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

#[cfg(test)]
mod tests {
    use super::*;

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
