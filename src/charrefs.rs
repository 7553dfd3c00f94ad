//! Character references left in plain text (`&amp;`, `&#8217;`, `&quot;`,
//! `&nbsp;`): text scraped from pages and exported from feeds often keeps
//! them, and a reader never means the six characters of `&#39;`.
//!
//! The document text, and every offset into it, stays as written (JSON
//! `text` is the source range). What reads the text reads each reference
//! as the character it stands for: analysis (`"company&#8217;s"` and
//! `"company’s"` are the same terms), the semantic tokenizer, and the
//! summary as written for people (`crate::layout`). Only exact references
//! ending in `;` count, named (the HTML table) or numeric: `AT&T`, `R&D`
//! and `&copy` without a semicolon are text. Pages (`--input-format html`)
//! and Markdown are decoded when they are read, so this concerns text and
//! JSON Lines input.

use std::borrow::Cow;

/// The longest named reference (`&CounterClockwiseContourIntegral;`) is 33
/// bytes; numeric ones are shorter.
const MAX_REFERENCE_BYTES: usize = 40;

/// `text` with its character references decoded; borrowed when it has
/// none.
pub fn decode(text: &str) -> Cow<'_, str> {
    if memchr::memchr(b'&', text.as_bytes()).is_none() {
        return Cow::Borrowed(text);
    }
    html_escape::decode_html_entities(text)
}

/// The reference that starts `text` (at its `&`), if any: its length in
/// bytes and what it stands for.
pub fn reference_at(text: &str) -> Option<(usize, String)> {
    let window = &text.as_bytes()[..text.len().min(MAX_REFERENCE_BYTES)];
    let end = memchr::memchr(b';', window)? + 1;
    let reference = &text[..end];
    if !reference.starts_with('&') || reference[1..].contains('&') {
        return None;
    }
    match html_escape::decode_html_entities(reference) {
        Cow::Owned(decoded) => Some((end, decoded)),
        Cow::Borrowed(_) => None,
    }
}

/// True when the `;` at byte `semicolon` of `text` ends a character
/// reference (`company&#8217;s`), so it is no punctuation of the sentence.
pub fn ends_reference(text: &str, semicolon: usize) -> bool {
    let from = semicolon.saturating_sub(MAX_REFERENCE_BYTES);
    let before = &text.as_bytes()[from..semicolon];
    memchr::memrchr(b'&', before).is_some_and(|amp| {
        reference_at(&text[from + amp..]).is_some_and(|(len, _)| from + amp + len == semicolon + 1)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_exact_references_only() {
        assert_eq!(
            decode("The company&#8217;s AT&amp;T unit &quot;grew&quot;&nbsp;fast"),
            "The company\u{2019}s AT&T unit \"grew\"\u{a0}fast"
        );
        assert_eq!(decode("&#x2014; and &#39;"), "\u{2014} and '");
        for text in ["AT&T and R&D", "&copy 2026", "a &b; c", "&#0;", "&#xD800;"] {
            assert!(matches!(decode(text), Cow::Borrowed(_)), "{text:?}");
        }
    }

    #[test]
    fn finds_the_reference_at_a_position() {
        assert_eq!(reference_at("&amp;T"), Some((5, "&".to_string())));
        assert_eq!(reference_at("&#8217;s"), Some((7, "\u{2019}".to_string())));
        assert_eq!(reference_at("&T and more; text"), None);
        assert_eq!(reference_at("& &amp;"), None);
        assert_eq!(reference_at("&amp"), None);
    }

    #[test]
    fn tells_a_reference_semicolon_from_punctuation() {
        let text = "the company&#8217;s plan; AT&T; &quot;";
        let semicolons: Vec<usize> = text.match_indices(';').map(|(at, _)| at).collect();
        let ends: Vec<bool> = semicolons
            .iter()
            .map(|&at| ends_reference(text, at))
            .collect();
        assert_eq!(ends, [true, false, false, true]);
    }
}
