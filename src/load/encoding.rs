//! Text that is not UTF-8: which legacy encoding it is in, and its
//! decoding.
//!
//! News archives and files saved on Windows are often in Windows-1252
//! (curly quotes as 0x93/0x94, `é` as 0xE9), ISO-8859-x, KOI8-R or
//! Windows-1251, Shift_JIS, GBK... Such a file is decoded, not refused,
//! and a note names the encoding used. The decoding is `encoding_rs`'s
//! (the WHATWG Encoding Standard, as browsers decode); the guess is
//! `chardetng`'s (the detector Firefox uses for unlabeled pages). Only
//! input that failed the UTF-8 check comes here, so valid UTF-8 costs
//! nothing more.
//!
//! In order, for bytes that are not valid UTF-8:
//!
//! 1. *Mostly UTF-8*: text whose non-ASCII characters are almost all valid
//!    UTF-8, with a few stray bytes (one Latin-1 `é` pasted into UTF-8
//!    text). Decoding the whole file as a legacy encoding would garble all
//!    its real UTF-8, so the UTF-8 is kept and only each stray byte is
//!    read as Windows-1252 (what a stray byte most often is).
//! 2. *A page's declared charset*: an HTML page naming its encoding in a
//!    `<meta charset>` (or `http-equiv` `content-type`) within its first
//!    1,024 bytes, as browsers honour it.
//! 3. *Detected*: `chardetng`'s guess over the whole text. The guess is
//!    always used (the file is text, refusing it would lose it); when it
//!    rests on few non-ASCII bytes the note says so and suggests
//!    `--encoding`.
//!
//! Offsets are then into the decoded text, as for UTF-16.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{
    DecoderResult, Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252, X_USER_DEFINED,
};

/// How the encoding of text files (and HTML pages) is chosen:
/// `--encoding`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TextEncoding {
    /// UTF-8 (and UTF-16 with a byte-order mark) as it is; other bytes
    /// are decoded as this module describes.
    #[default]
    Auto,
    /// Every text file is in this encoding (a byte-order mark still
    /// wins, as in the WHATWG "decode" algorithm). `UTF_8` is strict:
    /// a file that is not valid UTF-8 is refused, as brief did before it
    /// read legacy encodings.
    Label(&'static Encoding),
}

impl TextEncoding {
    /// Parses `--encoding`: `auto`, or a WHATWG label (`windows-1252`,
    /// `latin1`, `koi8-r`, `shift_jis`, `gbk`, `utf-8`...; any case).
    pub fn parse(label: &str) -> Result<Self, String> {
        if label.trim().eq_ignore_ascii_case("auto") {
            return Ok(TextEncoding::Auto);
        }
        match Encoding::for_label(label.as_bytes()) {
            // The labels of ISO-2022-KR, HZ and ISO-2022-CN name the
            // "replacement" encoding, which decodes nothing.
            Some(encoding) if encoding.name() == "replacement" => Err(format!(
                "{label:?} names an encoding that cannot be decoded (the WHATWG \
                 \"replacement\" encoding)"
            )),
            Some(encoding) => Ok(TextEncoding::Label(encoding)),
            None => Err(format!(
                "unknown encoding {label:?}: expected `auto` or a WHATWG label such as \
                 utf-8, windows-1252, iso-8859-2, windows-1251, koi8-r, shift_jis, euc-kr, \
                 gbk, big5"
            )),
        }
    }
}

impl std::fmt::Display for TextEncoding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TextEncoding::Auto => f.write_str("auto"),
            TextEncoding::Label(encoding) => f.write_str(&encoding.name().to_ascii_lowercase()),
        }
    }
}

/// Text decoded from bytes that were not UTF-8, and the note that says
/// how.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Decoded {
    pub(super) text: String,
    /// The encoding's name (see `Document::encoding`).
    pub(super) encoding: String,
    /// `not UTF-8; read as windows-1252 (detected); ...`: reported as a
    /// problem of the file, which is still read.
    pub(super) note: String,
}

/// Fewer non-ASCII bytes than this make a weak guess: the note says so.
/// Sixteen is a handful of accented words or a short CJK phrase; with
/// fewer, several single-byte encodings read the bytes equally well.
const WEAK_EVIDENCE: usize = 16;

/// At most one stray (invalid) sequence per this many valid non-ASCII
/// UTF-8 characters for text to count as mostly UTF-8. Legacy text is
/// far from it: in Windows-1252, ISO-8859-x, KOI8-R or Windows-1251 text
/// a valid multi-byte UTF-8 sequence is a rare accident (none in the
/// samples of docs/encodings.md), and in Shift_JIS, EUC-JP, GBK, Big5 or
/// EUC-KR text the accidental ones are outnumbered by the invalid ones
/// (0.18 to 0.28 valid per invalid there): 2 leaves a margin of seven
/// while one stray byte beside two accented words is still mostly UTF-8.
const STRAY_RATIO: usize = 2;

/// At most this many bytes (of lines with a non-ASCII byte) are read by
/// the detector.
const DETECT_BYTES: usize = 1 << 20;

/// How many bytes of a page are searched for its `<meta charset>`, as
/// the WHATWG prescan does.
const PRESCAN_BYTES: usize = 1024;

/// Decodes `bytes` that are not valid UTF-8 (and hold no NUL byte):
/// mostly UTF-8, a page's declared charset, or the detected encoding, in
/// that order. `page` says whether the bytes are an HTML page.
pub(super) fn decode_legacy(bytes: &[u8], page: bool) -> Decoded {
    let declared = if page { meta_charset(bytes) } else { None };
    // A declared charset outweighs pasted punctuation, not a few stray
    // bytes in UTF-8 text.
    if let Some(decoded) = mostly_utf8(bytes, declared.is_none()) {
        return decoded;
    }
    if let Some(declared) = declared {
        let (text, errors) = decode_with(declared, bytes);
        return Decoded {
            text,
            encoding: name(declared),
            note: note(declared, "declared by the page's <meta charset>", errors),
        };
    }
    let guess = detect(bytes);
    let non_ascii = bytes.iter().filter(|b| !b.is_ascii()).count();
    let how = if non_ascii < WEAK_EVIDENCE {
        format!(
            "guessed from only {non_ascii} non-ASCII byte{}; pass --encoding LABEL if \
             characters look wrong",
            if non_ascii == 1 { "" } else { "s" }
        )
    } else {
        "detected".to_string()
    };
    let (text, errors) = decode_with(guess, bytes);
    Decoded {
        text,
        encoding: name(guess),
        note: note(guess, &how, errors),
    }
}

/// Decodes `bytes` with an encoding the user named (`--encoding`), and a
/// note only when some bytes were not valid in it.
pub(super) fn decode_as(encoding: &'static Encoding, bytes: &[u8]) -> (String, Option<String>) {
    let (text, errors) = decode_with(encoding, bytes);
    let note = (errors > 0).then(|| {
        format!(
            "not valid {}: {errors} malformed sequence{} replaced by U+FFFD; offsets are \
             into the decoded text",
            name(encoding),
            if errors == 1 { "" } else { "s" }
        )
    });
    (text, note)
}

/// The encoding `chardetng` guesses for `bytes` (never UTF-8, which they
/// failed; never ISO-2022-JP, which is ASCII and so valid UTF-8).
///
/// The detector reads the lines that hold a non-ASCII byte, the only
/// evidence it weighs, up to [`DETECT_BYTES`] of them: it scores every
/// byte it is fed for each of its 27 candidates (about 90 ns a byte), and
/// a megabyte of such lines is ample evidence (docs/encodings.md).
fn detect(bytes: &[u8]) -> &'static Encoding {
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    let mut fed = 0;
    let mut whole = true;
    for line in bytes.split_inclusive(|&b| b == b'\n') {
        if line.is_ascii() {
            continue;
        }
        let take = &line[..line.len().min(DETECT_BYTES - fed)];
        detector.feed(take, false);
        fed += take.len();
        if fed == DETECT_BYTES {
            whole = false;
            break;
        }
    }
    if whole {
        detector.feed(&[], true);
    }
    detector.guess(None, Utf8Detection::Deny)
}

/// `bytes` decoded without byte-order-mark sniffing (a mark was handled
/// before), each malformed sequence as U+FFFD (as `encoding_rs` replaces
/// them), and how many there were.
fn decode_with(encoding: &'static Encoding, bytes: &[u8]) -> (String, usize) {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let room = |decoder: &encoding_rs::Decoder, len: usize| {
        decoder
            .max_utf8_buffer_length_without_replacement(len)
            .unwrap_or(len)
    };
    let mut text = String::with_capacity(room(&decoder, bytes.len()));
    let mut errors = 0;
    let mut rest = bytes;
    loop {
        let (result, read) = decoder.decode_to_string_without_replacement(rest, &mut text, true);
        rest = &rest[read..];
        match result {
            DecoderResult::InputEmpty => return (text, errors),
            DecoderResult::OutputFull => text.reserve(room(&decoder, rest.len()).max(4)),
            DecoderResult::Malformed(..) => {
                errors += 1;
                text.reserve(3);
                text.push('\u{FFFD}');
            }
        }
    }
}

/// Reads text that is UTF-8 but for a few stray bytes: the UTF-8 as it is,
/// each stray byte as Windows-1252. `None` when the invalid sequences are
/// not rare among the non-ASCII characters (see [`STRAY_RATIO`]) and the
/// text is not (or, when `typography` is false, may not be taken for)
/// [`pasted_typography`].
fn mostly_utf8(bytes: &[u8], typography: bool) -> Option<Decoded> {
    let mut valid_non_ascii = 0;
    // Valid characters of three or four bytes: all punctuation, or not.
    let mut wide = 0;
    let mut wide_all_punctuation = true;
    let mut stray = 0;
    let mut isolated = true;
    let mut first_stray = None;
    let mut at = 0;
    for chunk in bytes.utf8_chunks() {
        let valid = chunk.valid();
        // Lead bytes of multi-byte characters: one per character.
        valid_non_ascii += valid.bytes().filter(|&b| b >= 0xC0).count();
        if valid.bytes().any(|b| b >= 0xE0) {
            for c in valid.chars().filter(|c| c.len_utf8() >= 3) {
                wide += 1;
                wide_all_punctuation &= is_typographic(c);
            }
        }
        at += valid.len();
        let invalid = chunk.invalid();
        if !invalid.is_empty() {
            stray += 1;
            first_stray.get_or_insert(at);
            let before = at.checked_sub(1).map(|i| bytes[i]);
            let after = bytes.get(at + invalid.len()).copied();
            isolated &= invalid.len() == 1
                && before.is_none_or(|b| b.is_ascii())
                && after.is_none_or(|b| b.is_ascii());
            at += invalid.len();
        }
    }
    let few_strays = valid_non_ascii > 0 && stray * STRAY_RATIO <= valid_non_ascii;
    let pasted = typography && pasted_typography(wide, wide_all_punctuation, isolated);
    if !(few_strays || pasted) {
        return None;
    }
    let mut text = String::with_capacity(bytes.len() + 2 * stray);
    let mut stray_bytes = 0;
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        for &byte in chunk.invalid() {
            stray_bytes += 1;
            let byte = [byte];
            let (decoded, _) = WINDOWS_1252.decode_without_bom_handling(&byte);
            text.push_str(&decoded);
        }
    }
    let first = first_stray.unwrap_or(0);
    let line = bytes[..first].iter().filter(|&&b| b == b'\n').count() + 1;
    Some(Decoded {
        text,
        encoding: "utf-8+windows-1252".to_string(),
        note: format!(
            "not UTF-8: {stray_bytes} stray byte{} in UTF-8 text (first at byte {first}, line \
             {line}); read as UTF-8, the stray bytes as windows-1252; offsets are into the \
             decoded text",
            if stray_bytes == 1 { "" } else { "s" }
        ),
    })
}

/// True for UTF-8 text with Windows-1252 punctuation pasted in: valid
/// characters of three or four bytes, all of them typographic punctuation
/// (`—`, `’`, `…`, `€`, `™`: three bytes each in UTF-8), and every stray
/// byte a single byte between ASCII bytes (`\x93quoted\x94`, `bank\x92s`).
/// One em dash among three stray quotes fails [`STRAY_RATIO`], and the
/// whole file read as a legacy encoding would garble the dash (`â€”`).
/// Legacy text is not like this: in Windows-1252 or ISO-8859-x an accented
/// letter and two punctuation bytes can form a valid three-byte sequence
/// (`é—”` is the CJK `闔`), but never one of punctuation (that would take
/// the bytes `â€` in a row, itself such garbling); in Cyrillic, Greek or
/// CJK text the non-ASCII bytes come in runs, so no stray byte stands
/// alone between ASCII ones.
fn pasted_typography(wide: usize, wide_all_punctuation: bool, isolated: bool) -> bool {
    wide > 0 && wide_all_punctuation && isolated
}

/// General punctuation, currency signs and letterlike symbols (U+2000 to
/// U+214F): what word processors put into text (dashes, quotes, ellipses,
/// `€`, `™`).
fn is_typographic(c: char) -> bool {
    ('\u{2000}'..='\u{214F}').contains(&c)
}

/// The encoding a page declares in a `<meta>` tag within its first
/// [`PRESCAN_BYTES`] bytes: `<meta charset="...">` or `<meta
/// http-equiv="content-type" content="text/html; charset=...">`. As the
/// WHATWG prescan does, a UTF-16 label means UTF-8 (the bytes are
/// ASCII-compatible, or the prescan would not have read them) and
/// `x-user-defined` means Windows-1252. `None` when nothing is declared,
/// or when UTF-8 is (and the bytes are not: then detection decides).
pub(super) fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    let lower = head.to_ascii_lowercase();
    let mut rest = lower.as_slice();
    while let Some(start) = find(rest, b"<meta") {
        let after = &rest[start + 5..];
        let end = after.iter().position(|&b| b == b'>').unwrap_or(after.len());
        let tag = &after[..end];
        rest = &after[end..];
        if let Some(label) = charset_in(tag) {
            let encoding = Encoding::for_label(label)?;
            let encoding = if encoding == UTF_16LE || encoding == UTF_16BE {
                UTF_8
            } else if encoding == X_USER_DEFINED {
                WINDOWS_1252
            } else {
                encoding
            };
            return (encoding != UTF_8 && encoding.name() != "replacement").then_some(encoding);
        }
    }
    None
}

/// The label after `charset` (and `=`, optionally quoted) in a `<meta>`
/// tag's bytes.
fn charset_in(tag: &[u8]) -> Option<&[u8]> {
    let at = find(tag, b"charset")?;
    let after = tag[at + 7..].trim_ascii_start();
    let after = after.strip_prefix(b"=")?.trim_ascii_start();
    let after = after
        .strip_prefix(b"\"")
        .or_else(|| after.strip_prefix(b"'"))
        .unwrap_or(after);
    let end = after
        .iter()
        .position(|&b| matches!(b, b'"' | b'\'' | b';' | b'/') || b.is_ascii_whitespace())
        .unwrap_or(after.len());
    (end > 0).then(|| &after[..end])
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(haystack, needle)
}

/// An encoding's name as users write labels: `windows-1252`, `koi8-r`,
/// `shift_jis`, `gbk`.
pub(super) fn name(encoding: &'static Encoding) -> String {
    encoding.name().to_ascii_lowercase()
}

/// The note for text decoded as `encoding`, found `how`.
fn note(encoding: &'static Encoding, how: &str, errors: usize) -> String {
    let malformed = match errors {
        0 => String::new(),
        1 => "; 1 malformed sequence replaced by U+FFFD".to_string(),
        n => format!("; {n} malformed sequences replaced by U+FFFD"),
    };
    format!(
        "not UTF-8; read as {} ({how}){malformed}; offsets are into the decoded text",
        name(encoding)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const JAPANESE: &str =
        "東京電力は火曜日、福島第一原子力発電所の処理水の放出を再開したと発表した。\
                            政府は安全性に問題はないと説明している。";
    const CHINESE: &str =
        "国家统计局周二公布的数据显示，第三季度国内生产总值同比增长百分之四点九。\
                           分析人士认为，消费需求仍然疲软。";
    const TRADITIONAL: &str =
        "行政院週二宣布，將擴大對中小企業的補助措施。經濟部表示，出口訂單連續三個月成長。";
    const KOREAN: &str =
        "한국은행은 화요일 기준금리를 동결했다고 밝혔다. 총재는 물가 상승률이 여전히 \
                          목표치를 웃돌고 있다고 말했다.";

    fn encode(encoding: &'static Encoding, text: &str) -> Vec<u8> {
        let (bytes, _, unmappable) = encoding.encode(text);
        assert!(!unmappable);
        bytes.into_owned()
    }

    #[test]
    fn cjk_text_is_not_taken_for_mostly_utf8_and_is_detected() {
        for (text, encoding) in [
            (JAPANESE, encoding_rs::SHIFT_JIS),
            (JAPANESE, encoding_rs::EUC_JP),
            (CHINESE, encoding_rs::GBK),
            (TRADITIONAL, encoding_rs::BIG5),
            (KOREAN, encoding_rs::EUC_KR),
        ] {
            let bytes = encode(encoding, text);
            assert!(mostly_utf8(&bytes, true).is_none(), "{}", encoding.name());
            let decoded = decode_legacy(&bytes, false);
            assert_eq!(decoded.text, text, "{}", encoding.name());
            assert_eq!(
                decoded.note,
                format!(
                    "not UTF-8; read as {} (detected); offsets are into the decoded text",
                    name(encoding)
                )
            );
        }
    }

    #[test]
    fn stray_bytes_in_utf8_are_read_one_by_one() {
        let mut bytes = "Zoë Saldaña in São Paulo, Zürich, München, Curaçao: "
            .as_bytes()
            .to_vec();
        bytes.extend_from_slice(b"caf\xe9 \x93quoted\x94");
        let decoded = mostly_utf8(&bytes, true).expect("mostly UTF-8");
        assert_eq!(
            decoded.text,
            "Zoë Saldaña in São Paulo, Zürich, München, Curaçao: café “quoted”"
        );
        assert!(decoded.note.contains("3 stray bytes"), "{}", decoded.note);
        // Two valid characters cannot outweigh three stray bytes.
        assert!(mostly_utf8(b"\xc3\xa9\xc3\xa9 \xe9 \xe9 \xe9", true).is_none());
        // A malformed sequence in a legacy decoding is replaced and counted.
        let (text, errors) = decode_with(encoding_rs::SHIFT_JIS, b"a\x82\n\x82");
        assert_eq!((text.as_str(), errors), ("a\u{FFFD}\n\u{FFFD}", 2));
    }

    #[test]
    fn windows_1252_punctuation_pasted_into_utf8_is_read_as_such() {
        // One UTF-8 em dash, three Windows-1252 quotes: too many strays for
        // the ratio, but each stands alone between ASCII bytes.
        let bytes =
            b"Prices rose \xe2\x80\x94 sharply \x93this year\x94, the bank\x92s report said.";
        let decoded = decode_legacy(bytes, false);
        assert_eq!(
            decoded.text,
            "Prices rose \u{2014} sharply \u{201c}this year\u{201d}, the bank\u{2019}s report said."
        );
        assert_eq!(decoded.encoding, "utf-8+windows-1252");
        // Legacy text with a dash pasted in stays legacy text: its stray
        // bytes come in runs (the letters of a word).
        let mut russian = encode(encoding_rs::WINDOWS_1251, "Банк повысил ставку ");
        russian.extend_from_slice("\u{2014} ".as_bytes());
        russian.extend(encode(
            encoding_rs::WINDOWS_1251,
            "до шестнадцати процентов.",
        ));
        assert!(mostly_utf8(&russian, true).is_none());
        // Without a three-byte character the ratio alone decides.
        assert!(mostly_utf8(b"caf\xc3\xa9 \x93a\x94 \x93b\x94", true).is_none());
        // Windows-1252 text whose accented letter and two punctuation bytes
        // happen to form a valid three-byte sequence (a CJK character) is
        // not UTF-8 (found in review: "clich\xe9\x97\x94", French
        // "valid\xe9\xa0\xbb").
        for legacy in [
            b"He called it a clich\xe9\x97\x94 and left. The caf\xe9 was closed. \x93We tried,\x94 he said.".as_slice(),
            b"Le ministre a d\xe9clar\xe9 : \xab Le projet est valid\xe9\xa0\xbb hier soir \xe0 Gen\xe8ve.",
        ] {
            assert!(mostly_utf8(legacy, true).is_none());
            assert!(decode_legacy(legacy, false).encoding.starts_with("windows-125"));
        }
        // A page's declared charset outweighs pasted punctuation.
        let mut page = b"<html><head><meta charset=\"windows-1251\"></head><body>".to_vec();
        page.extend_from_slice(bytes);
        assert_eq!(decode_legacy(&page, true).encoding, "windows-1251");
    }

    #[test]
    fn few_non_ascii_bytes_make_a_weak_guess() {
        let decoded = decode_legacy(b"Caf\xe9 au lait.", false);
        assert_eq!(decoded.text, "Café au lait.");
        assert!(
            decoded
                .note
                .contains("windows-1252 (guessed from only 1 non-ASCII byte; pass --encoding"),
            "{}",
            decoded.note
        );
    }

    #[test]
    fn a_page_declares_its_charset_in_a_meta_tag() {
        let found = |head: &str| meta_charset(head.as_bytes()).map(|e| e.name());
        assert_eq!(
            found("<meta charset=\"windows-1251\">"),
            Some("windows-1251")
        );
        assert_eq!(found("<META CHARSET=koi8-r>"), Some("KOI8-R"));
        assert_eq!(
            found("<meta http-equiv='Content-Type' content='text/html; charset=iso-8859-1'>"),
            Some("windows-1252")
        );
        assert_eq!(
            found("<meta charset=\"utf-16le\">"),
            None,
            "UTF-16 means UTF-8"
        );
        assert_eq!(found("<meta charset=\"utf-8\">"), None);
        assert_eq!(found("<meta name=\"x\"><p>charset=koi8-r</p>"), None);
        assert_eq!(found("<meta charset=\"no-such\">"), None);
        let late = format!("{}<meta charset=\"koi8-r\">", " ".repeat(PRESCAN_BYTES));
        assert_eq!(
            found(&late),
            None,
            "only the first 1,024 bytes are searched"
        );
    }

    #[test]
    fn labels_are_whatwg_labels() {
        assert_eq!(TextEncoding::parse("auto"), Ok(TextEncoding::Auto));
        assert_eq!(
            TextEncoding::parse("Latin1"),
            Ok(TextEncoding::Label(WINDOWS_1252))
        );
        assert_eq!(TextEncoding::parse("utf8"), Ok(TextEncoding::Label(UTF_8)));
        assert!(TextEncoding::parse("iso-2022-kr").is_err());
        assert!(TextEncoding::parse("ebcdic").is_err());
        assert_eq!(
            TextEncoding::Label(WINDOWS_1252).to_string(),
            "windows-1252"
        );
    }
}
