//! Bytes to text: which encodings brief reads, and what it says about the
//! rest.
//!
//! * UTF-8, with or without a byte-order mark, is read as it is: offsets
//!   are into the file's bytes past the mark.
//! * UTF-16 with a byte-order mark (what Windows tools save as "Unicode")
//!   is decoded to UTF-8; offsets are then into the decoded text.
//! * Text that is not valid UTF-8 is decoded from the legacy encoding it is
//!   in ([`encoding`]: mostly UTF-8 with stray bytes, a page's declared
//!   charset, or the detected encoding), or from the one `--encoding`
//!   names, with a note; offsets are then into the decoded text.
//!   `--encoding utf-8` refuses it instead, naming the first bad byte.
//! * Everything else is refused with a message that says where the problem
//!   is: UTF-32, UTF-16 that is cut short or holds an unpaired surrogate, NUL
//!   bytes (a binary file).
//!
//! JSON Lines is decoded per line ([`jsonl_bytes`] only removes a mark or
//! decodes UTF-16), so that one bad line costs that line only.

use std::borrow::Cow;

use encoding_rs::UTF_8;

use super::encoding::{self, TextEncoding};

pub(crate) const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";
const UTF16_LE_BOM: &[u8] = b"\xFF\xFE";
const UTF16_BE_BOM: &[u8] = b"\xFE\xFF";
const UTF32_LE_BOM: &[u8] = b"\xFF\xFE\x00\x00";
const UTF32_BE_BOM: &[u8] = b"\x00\x00\xFE\xFF";

/// A document file's text, and what it was decoded from.
#[derive(Debug)]
pub(super) struct Text<'a> {
    pub(super) text: Cow<'a, str>,
    /// The encoding's name when the file was not UTF-8 (see
    /// `Document::encoding`).
    pub(super) encoding: Option<String>,
    /// What to tell the user about it (a legacy encoding, malformed bytes).
    pub(super) note: Option<String>,
}

/// The text of a document file (with the name of the encoding it was
/// decoded from, and a note, when it was not UTF-8), or why it cannot be
/// read as text. `page` says the bytes are an HTML page
/// (`--input-format html`), whose `<meta charset>` is then honoured.
pub(super) fn text(bytes: &[u8], encoding: TextEncoding, page: bool) -> Result<Text<'_>, String> {
    let (text, encoding, note) = match unicode_text(bytes)? {
        Some(decoded) => {
            let name = if bytes.starts_with(UTF16_LE_BOM) {
                "utf-16le"
            } else {
                "utf-16be"
            };
            (Cow::Owned(decoded), Some(name.to_string()), None)
        }
        None => {
            let body = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
            let mark = bytes.len() - body.len();
            match encoding {
                // A named legacy encoding decodes the file as it is (a
                // UTF-16 one, a file without a mark: its NULs are text).
                TextEncoding::Label(named) if named != UTF_8 && mark == 0 => {
                    let (text, note) = encoding::decode_as(named, bytes);
                    (Cow::Owned(text), Some(encoding::name(named)), note)
                }
                _ => {
                    // NUL never occurs in text; checking first gives binary
                    // files the right name rather than "invalid UTF-8".
                    if let Some(at) = memchr::memchr(0, body) {
                        return Err(match utf16_without_mark(body) {
                            Some(encoding) => format!(
                                "binary file (NUL byte at byte {}): it looks like {encoding} text \
                                 without a byte-order mark; read it with --encoding {encoding}",
                                mark + at
                            ),
                            None => binary(mark + at),
                        });
                    }
                    match utf8(body, mark) {
                        Ok(text) => (Cow::Borrowed(text), None, None),
                        Err(refusal) if encoding == TextEncoding::Label(UTF_8) => {
                            return Err(refusal)
                        }
                        Err(_) => {
                            let page = page || starts_as_page(body);
                            let decoded = encoding::decode_legacy(body, page);
                            let name = Some(decoded.encoding);
                            (Cow::Owned(decoded.text), name, Some(decoded.note))
                        }
                    }
                }
            }
        }
    };
    if let Cow::Owned(decoded) = &text {
        if let Some(at) = decoded.find('\0') {
            return Err(format!(
                "binary file (NUL character at byte {at} of the decoded text); expected text"
            ));
        }
    }
    Ok(Text {
        text,
        encoding,
        note,
    })
}

/// True when bytes that are not UTF-8 start as an HTML page does (read
/// on their first bytes, which are ASCII in every encoding a page
/// declares in its `<meta charset>`).
fn starts_as_page(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    super::html::looks_like_html(&String::from_utf8_lossy(head))
}

/// The bytes of a JSON Lines input, UTF-8 as far as the encoding goes:
/// a UTF-8 mark is dropped and UTF-16 decoded; each line's own UTF-8 is
/// checked by its reader.
pub(super) fn jsonl_bytes(bytes: &[u8]) -> Result<Cow<'_, [u8]>, String> {
    Ok(match unicode_text(bytes)? {
        Some(decoded) => Cow::Owned(decoded.into_bytes()),
        None => Cow::Borrowed(bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes)),
    })
}

/// `bytes` as UTF-8, or a message naming the first bad byte (counted from
/// `base`, where `bytes` start in their file) and its line.
pub(super) fn utf8(bytes: &[u8], base: usize) -> Result<&str, String> {
    std::str::from_utf8(bytes).map_err(|err| {
        let at = err.valid_up_to();
        format!(
            "invalid UTF-8 at byte {} (line {}); convert the file to UTF-8",
            base + at,
            line_of(bytes, at)
        )
    })
}

/// Decodes UTF-16 marked with a byte-order mark; refuses UTF-32; `None`
/// for anything else (to be read as UTF-8).
fn unicode_text(bytes: &[u8]) -> Result<Option<String>, String> {
    if bytes.starts_with(UTF32_LE_BOM) || bytes.starts_with(UTF32_BE_BOM) {
        return Err("UTF-32 text is not supported; convert the file to UTF-8".to_string());
    }
    if let Some(body) = bytes.strip_prefix(UTF16_LE_BOM) {
        return utf16(body, u16::from_le_bytes).map(Some);
    }
    if let Some(body) = bytes.strip_prefix(UTF16_BE_BOM) {
        return utf16(body, u16::from_be_bytes).map(Some);
    }
    Ok(None)
}

/// Decodes UTF-16 code units (after the 2-byte mark); error offsets count
/// the file's bytes, mark included.
fn utf16(body: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, String> {
    if !body.len().is_multiple_of(2) {
        return Err(format!(
            "UTF-16 text with an odd number of bytes ({}): the file is cut short",
            body.len() + 2
        ));
    }
    let units = body.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    let mut text = String::with_capacity(body.len() + body.len() / 2);
    let mut position = 0; // code units decoded so far
    for decoded in char::decode_utf16(units) {
        match decoded {
            Ok(c) => {
                text.push(c);
                position += c.len_utf16();
            }
            Err(err) => {
                return Err(format!(
                    "invalid UTF-16 at byte {} (line {}): unpaired surrogate {:#06x}",
                    2 + 2 * position,
                    text.matches('\n').count() + 1,
                    err.unpaired_surrogate()
                ))
            }
        }
    }
    Ok(text)
}

/// `utf-16le` or `utf-16be` when `bytes` look like UTF-16 text without a
/// byte-order mark: in their first 4 KB, nine in ten of the bytes at odd
/// (little-endian) or even (big-endian) positions are NUL, as in text in a
/// Latin script, and hardly any at the others.
fn utf16_without_mark(bytes: &[u8]) -> Option<&'static str> {
    let head = &bytes[..bytes.len().min(4096)];
    let pairs = head.len() / 2;
    if pairs < 8 {
        return None;
    }
    let nul_at = |parity: usize| {
        head.iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (nul_at(0), nul_at(1));
    if 10 * odd >= 9 * pairs && 10 * even <= pairs {
        Some("utf-16le")
    } else if 10 * even >= 9 * pairs && 10 * odd <= pairs {
        Some("utf-16be")
    } else {
        None
    }
}

fn binary(at: usize) -> String {
    format!("binary file (NUL byte at byte {at}); expected text")
}

/// The 1-based line number of byte `at`.
fn line_of(bytes: &[u8], at: usize) -> usize {
    bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text of `bytes` under `--encoding auto`, without the note.
    fn auto(bytes: &[u8]) -> Result<Cow<'_, str>, String> {
        text(bytes, TextEncoding::Auto, false).map(|read| read.text)
    }

    fn utf16le(text: &str) -> Vec<u8> {
        let mut bytes = UTF16_LE_BOM.to_vec();
        bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        bytes
    }

    #[test]
    fn utf8_is_borrowed_and_its_mark_dropped() {
        assert!(matches!(auto(b"Plain."), Ok(Cow::Borrowed("Plain."))));
        assert_eq!(auto(b"\xEF\xBB\xBFMarked.").unwrap(), "Marked.");
    }

    #[test]
    fn utf16_with_a_mark_is_decoded_either_way_round() {
        let sample = "Caf\u{e9} \u{1F44B} opened.\r\nSecond line.";
        assert_eq!(auto(&utf16le(sample)).unwrap(), sample);
        let mut be = UTF16_BE_BOM.to_vec();
        be.extend(sample.encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(auto(&be).unwrap(), sample);
        assert_eq!(jsonl_bytes(&be).unwrap().as_ref(), sample.as_bytes());
    }

    #[test]
    fn broken_utf16_and_utf32_are_refused_with_the_place() {
        let mut odd = utf16le("ab");
        odd.push(b'c');
        assert!(auto(&odd).unwrap_err().contains("odd number of bytes (7)"));
        let mut lone = utf16le("a\nb");
        lone.extend(0xD800u16.to_le_bytes());
        lone.extend(utf16le("c")[2..].to_vec());
        let err = auto(&lone).unwrap_err();
        assert!(
            err.contains("byte 8 (line 2)") && err.contains("0xd800"),
            "{err}"
        );
        assert!(auto(b"\xFF\xFE\x00\x00a\x00\x00\x00")
            .unwrap_err()
            .contains("UTF-32"));
    }

    #[test]
    fn utf16_without_a_byte_order_mark_is_named_with_the_way_to_read_it() {
        let text = "The council met on Monday to discuss the budget.";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        let message = auto(&le).unwrap_err();
        assert!(
            message.contains("read it with --encoding utf-16le"),
            "{message}"
        );
        assert!(auto(&be).unwrap_err().contains("--encoding utf-16be"));
        // A binary file with NUL bytes here and there is just binary.
        let mut bin = vec![7u8; 200];
        bin[3] = 0;
        bin[100] = 0;
        assert_eq!(auto(&bin).unwrap_err(), binary(3));
    }

    #[test]
    fn nul_bytes_and_strictly_refused_utf8_name_the_byte() {
        let mut late_nul = "text ".repeat(5000).into_bytes();
        late_nul.push(0);
        assert_eq!(auto(&late_nul).unwrap_err(), binary(25_000));
        assert!(auto(&utf16le("a\0b"))
            .unwrap_err()
            .contains("NUL character"));
        assert_eq!(
            text(b"line one\nCaf\xe9", TextEncoding::Label(UTF_8), false).unwrap_err(),
            "invalid UTF-8 at byte 12 (line 2); convert the file to UTF-8"
        );
    }
}
