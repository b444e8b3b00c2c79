//! Turning the bytes of a file into text a rule can read, and back.
//!
//! A fixer must write the file back exactly as it found it apart from the
//! fixes, so the byte-order mark and the line-ending style are remembered here.

use std::fmt;

/// UTF-8 byte-order mark.
pub const BOM: &str = "\u{feff}";

/// How lines end in a file. `Mixed` files are written back untouched apart
/// from the fixes, since no single style would be right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LineEnding {
    Lf,
    Crlf,
    Mixed,
    /// No line break at all (one-line file or empty file).
    None,
}

impl LineEnding {
    pub fn detect(text: &str) -> LineEnding {
        let bytes = text.as_bytes();
        let (mut lf, mut crlf) = (0, 0);
        for i in memchr::memchr_iter(b'\n', bytes) {
            lf += 1;
            crlf += usize::from(i > 0 && bytes[i - 1] == b'\r');
        }
        match (lf, crlf) {
            (0, _) => LineEnding::None,
            (lf, crlf) if crlf == lf => LineEnding::Crlf,
            (_, 0) => LineEnding::Lf,
            _ => LineEnding::Mixed,
        }
    }
}

/// A decoded text file: the text without its BOM, and what is needed to
/// write it back byte for byte.
#[derive(Debug, Clone)]
pub struct SourceText {
    pub text: String,
    pub has_bom: bool,
    pub line_ending: LineEnding,
}

impl SourceText {
    /// Decodes a file's bytes. Invalid input is an error that says why, so
    /// the caller can name the file and move on to the next one.
    pub fn decode(bytes: Vec<u8>) -> Result<SourceText, DecodeError> {
        if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
            return Err(DecodeError::Utf16);
        }
        // A NUL early on says binary before the UTF-8 check says why the
        // file is not text; one later on only once the rest is valid.
        let probe_len = bytes.len().min(8192);
        if memchr::memchr(0, &bytes[..probe_len]).is_some() {
            return Err(DecodeError::Binary);
        }
        let mut text = match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(err) => {
                let offset = err.utf8_error().valid_up_to();
                // No error length: the input ends inside a sequence.
                if err.utf8_error().error_len().is_none() {
                    return Err(DecodeError::Truncated { offset });
                }
                let bytes = err.into_bytes();
                return Err(DecodeError::InvalidUtf8 {
                    offset,
                    looks_like_latin1: looks_like_single_byte_encoding(&bytes[offset..]),
                });
            }
        };
        if memchr::memchr(0, &text.as_bytes()[probe_len..]).is_some() {
            return Err(DecodeError::Binary);
        }
        let has_bom = text.starts_with(BOM);
        if has_bom {
            text.drain(..BOM.len());
        }
        let line_ending = LineEnding::detect(&text);
        Ok(SourceText {
            text,
            has_bom,
            line_ending,
        })
    }

    /// Bytes to write for a (possibly fixed) text, with the original BOM.
    /// In a CRLF file a bare `\n` that a fix brought in becomes `\r\n`, so
    /// fixing never leaves a file with mixed line endings; everything else
    /// is written as the text has it.
    pub fn encode(&self, text: &str) -> Vec<u8> {
        let mut out = Vec::with_capacity(text.len() + 3);
        if self.has_bom {
            out.extend_from_slice(BOM.as_bytes());
        }
        if self.line_ending == LineEnding::Crlf {
            let mut rest = text.as_bytes();
            let mut prev = 0;
            while let Some(i) = rest.iter().position(|&b| b == b'\n') {
                let before_cr = if i > 0 { rest[i - 1] } else { prev };
                out.extend_from_slice(&rest[..i]);
                if before_cr != b'\r' {
                    out.push(b'\r');
                }
                out.push(b'\n');
                prev = b'\n';
                rest = &rest[i + 1..];
            }
            out.extend_from_slice(rest);
        } else {
            out.extend_from_slice(text.as_bytes());
        }
        out
    }

    /// Length of the BOM in the file, to turn text offsets into file offsets.
    pub fn bom_len(&self) -> usize {
        if self.has_bom {
            BOM.len()
        } else {
            0
        }
    }
}

/// Bytes 0x80–0xFF standing alone (not in a UTF-8 sequence) are typical of
/// Latin-1 or Windows-1252 files.
fn looks_like_single_byte_encoding(rest: &[u8]) -> bool {
    let high = rest.iter().filter(|b| **b >= 0x80).count();
    high > 0 && std::str::from_utf8(rest).is_err() && {
        let lossy = String::from_utf8_lossy(rest);
        lossy.matches('\u{fffd}').count() * 2 >= high
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    InvalidUtf8 {
        offset: usize,
        looks_like_latin1: bool,
    },
    /// Valid UTF-8 up to a multi-byte character cut off by the end.
    Truncated {
        offset: usize,
    },
    Utf16,
    Binary,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::InvalidUtf8 {
                offset,
                looks_like_latin1,
            } => {
                write!(f, "not valid UTF-8 (first invalid byte at offset {offset})")?;
                if *looks_like_latin1 {
                    write!(
                        f,
                        "; it looks like Latin-1/Windows-1252: convert it with `iconv -f WINDOWS-1252 -t UTF-8`"
                    )?;
                }
                Ok(())
            }
            DecodeError::Truncated { offset } => write!(
                f,
                "not valid UTF-8: the file ends inside a multi-byte character (offset {offset}); was it cut off?"
            ),
            DecodeError::Utf16 => write!(
                f,
                "UTF-16 text (byte-order mark found); convert it with `iconv -f UTF-16 -t UTF-8`"
            ),
            DecodeError::Binary => write!(f, "binary file (contains NUL bytes), skipped"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_is_removed_and_restored() {
        let src = SourceText::decode(b"\xEF\xBB\xBFHallo\r\nWelt\r\n".to_vec()).unwrap();
        assert!(src.has_bom);
        assert_eq!(src.text, "Hallo\r\nWelt\r\n");
        assert_eq!(src.line_ending, LineEnding::Crlf);
        assert_eq!(src.encode(&src.text), b"\xEF\xBB\xBFHallo\r\nWelt\r\n");
    }

    #[test]
    fn a_bare_line_feed_from_a_fix_keeps_a_crlf_file_crlf() {
        let src = SourceText::decode(b"eins\r\nzwei\r\n".to_vec()).unwrap();
        assert_eq!(src.encode("eins\r\n\nzwei\n"), b"eins\r\n\r\nzwei\r\n");
        assert_eq!(src.encode("\nx\r\r\n"), b"\r\nx\r\r\n");
        let lf = SourceText::decode(b"eins\nzwei\n".to_vec()).unwrap();
        assert_eq!(lf.encode("eins\n\nzwei\n"), b"eins\n\nzwei\n");
    }

    #[test]
    fn line_endings_are_detected() {
        assert_eq!(LineEnding::detect("a\nb\n"), LineEnding::Lf);
        assert_eq!(LineEnding::detect("a\r\nb\n"), LineEnding::Mixed);
        assert_eq!(LineEnding::detect("ab"), LineEnding::None);
    }

    #[test]
    fn latin1_is_reported_with_offset_and_hint() {
        let err = SourceText::decode(b"Gr\xFC\xDFe aus K\xF6ln".to_vec()).unwrap_err();
        assert_eq!(
            err,
            DecodeError::InvalidUtf8 {
                offset: 2,
                looks_like_latin1: true
            }
        );
        assert!(err.to_string().contains("offset 2"));
    }

    #[test]
    fn truncated_sequence_at_end_is_invalid() {
        let err = SourceText::decode(b"f\xC3".to_vec()).unwrap_err();
        assert_eq!(err, DecodeError::Truncated { offset: 1 });
        assert!(err.to_string().contains("cut off"));
    }

    #[test]
    fn binary_and_utf16_are_refused() {
        assert_eq!(
            SourceText::decode(b"ab\0cd".to_vec()).unwrap_err(),
            DecodeError::Binary
        );
        assert_eq!(
            SourceText::decode(b"\xFF\xFEa\0".to_vec()).unwrap_err(),
            DecodeError::Utf16
        );
    }

    #[test]
    fn empty_file_is_fine() {
        let src = SourceText::decode(Vec::new()).unwrap();
        assert_eq!(src.text, "");
        assert_eq!(src.line_ending, LineEnding::None);
    }
}
