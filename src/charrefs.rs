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
//! and Markdown are decoded when they are read; what they still show as a
//! reference (an article about HTML writing `&amp;nbsp;` to show `&nbsp;`)
//! is kept from a second reading by [`escape_literal`].

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
/// reference, as written (`company&#8217;s`) or as shown once the text is
/// read (`&amp;nbsp;`, shown `&nbsp;`), so it is no punctuation of the
/// sentence.
pub fn ends_reference(text: &str, semicolon: usize) -> bool {
    let from = semicolon.saturating_sub(MAX_REFERENCE_BYTES);
    let before = &text.as_bytes()[from..semicolon];
    let Some(amp) = memchr::memrchr(b'&', before).map(|amp| from + amp) else {
        return false;
    };
    match reference_at(&text[amp..]) {
        Some((len, _)) if amp + len == semicolon + 1 => true,
        Some((len, decoded)) if decoded == "&" => {
            let shown = format!("&{}", &text[amp + len..=semicolon]);
            reference_at(&shown).is_some_and(|(len, _)| len == shown.len())
        }
        _ => false,
    }
}

/// A text with its references read, and where each byte of it came from:
/// what segmentation reads (`&quot;` after a period closes the sentence,
/// `&nbsp;` at a line's edge is white space), with every span it finds
/// mapped back to the source.
pub struct Decoded {
    /// The text, each reference replaced by what it stands for.
    pub text: String,
    /// For each reference, two marks (offset in `text`, offset in the
    /// source): where it starts and where it ends. Between marks the two
    /// texts are the same bytes, so memory grows with the number of
    /// references, not with the text. Offsets fit in `u32`: a longer text
    /// is not decoded.
    marks: Vec<[u32; 2]>,
}

impl Decoded {
    /// `source` with its references read, each character a reference
    /// stands for passed through `read`; `None` when it has none (or is
    /// longer than 4 GiB).
    pub fn new(source: &str, read: impl Fn(char) -> char) -> Option<Decoded> {
        let bytes = source.as_bytes();
        let starts = |at: usize| reference_at(&source[at..]);
        if u32::try_from(source.len()).is_err() {
            return None;
        }
        let first = memchr::memchr_iter(b'&', bytes).find(|&at| starts(at).is_some())?;
        let mut text = String::with_capacity(source.len());
        let mut marks = Vec::new();
        let mut copied = 0;
        let mut at = first;
        while let Some(amp) = memchr::memchr(b'&', &bytes[at..]).map(|i| at + i) {
            let Some((len, decoded)) = starts(amp) else {
                at = amp + 1;
                continue;
            };
            text.push_str(&source[copied..amp]);
            marks.push([text.len() as u32, amp as u32]);
            text.extend(decoded.chars().map(&read));
            marks.push([text.len() as u32, (amp + len) as u32]);
            copied = amp + len;
            at = copied;
        }
        text.push_str(&source[copied..]);
        Some(Decoded { text, marks })
    }

    /// The source offset of the character boundary `at` of the text (up to
    /// its length): a reference's first character maps to its start, a
    /// later one to its end, so spans map to whole references.
    pub fn source(&self, at: usize) -> usize {
        let marks_before = self.marks.partition_point(|m| m[0] as usize <= at);
        let Some(last) = marks_before.checked_sub(1) else {
            return at;
        };
        let [read, source] = self.marks[last];
        let (read, source) = (read as usize, source as usize);
        if last % 2 == 1 {
            // Past a reference's end: the same bytes from there on.
            source + (at - read)
        } else if at == read {
            source
        } else {
            // Inside a reference of several characters.
            self.marks[last + 1][1] as usize
        }
    }
}

/// Whether text following a `&` has the shape of a character reference
/// (`lt;`, `#8217;`, `#x2019;`: a name or number and a semicolon), known
/// or not. What Markdown may read as one, and what a reader takes for a
/// token rather than a word and a semicolon.
pub fn has_reference_shape(after: &str) -> bool {
    let body = after.strip_prefix('#').unwrap_or(after);
    let name = body.len()
        - body
            .trim_start_matches(|c: char| c.is_ascii_alphanumeric())
            .len();
    name > 0 && body[name..].starts_with(';')
}

/// Text whose references were already read (a page's or a Markdown
/// article's readable text), with each `&` that would start a reference
/// written `&amp;`: read as plain text is, it gives back what the page
/// shows (`&nbsp;`, not a no-break space).
pub fn escape_literal(text: String) -> String {
    let starts = |at: usize| reference_at(&text[at..]).is_some();
    if !memchr::memchr_iter(b'&', text.as_bytes()).any(starts) {
        return text;
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut written = 0;
    for at in memchr::memchr_iter(b'&', text.as_bytes()).filter(|&at| starts(at)) {
        out.push_str(&text[written..at]);
        out.push_str("&amp;");
        written = at + 1;
    }
    out.push_str(&text[written..]);
    out
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
    fn escapes_what_a_page_shows_as_a_reference() {
        let shown = "editors type &nbsp; or &#8217; in AT&T's pages &copy".to_string();
        let kept = escape_literal(shown.clone());
        assert_eq!(
            kept,
            "editors type &amp;nbsp; or &amp;#8217; in AT&T's pages &copy"
        );
        assert_eq!(decode(&kept), shown);
        assert_eq!(escape_literal("AT&T".to_string()), "AT&T");
    }

    #[test]
    fn maps_read_text_back_to_the_source() {
        let source = "He said &quot;no.&quot;&nbsp;Then\u{e9} &NotEqualTilde;&#10;end";
        let as_space = |c: char| if c == '\n' { ' ' } else { c };
        let read = Decoded::new(source, as_space).expect("references");
        assert_eq!(
            read.text,
            "He said \"no.\"\u{a0}Then\u{e9} \u{2242}\u{338} end"
        );
        // "no." and its quotes, in the source.
        let (start, end) = (
            read.text.find('"').unwrap(),
            read.text.rfind('"').unwrap() + 1,
        );
        assert_eq!(
            &source[read.source(start)..read.source(end)],
            "&quot;no.&quot;"
        );
        // A reference of two characters maps whole.
        let tilde = read.text.find('\u{2242}').unwrap();
        let after = tilde + "\u{2242}\u{338}".len();
        assert_eq!(
            &source[read.source(tilde)..read.source(after)],
            "&NotEqualTilde;"
        );
        assert_eq!(read.source(tilde + 3), read.source(after));
        assert_eq!(read.source(read.text.len()), source.len());
        assert!(Decoded::new("AT&T, R&D", as_space).is_none());
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
        let text = "the company&#8217;s plan; AT&T; &quot; &amp;nbsp; &amp;T;";
        let semicolons: Vec<usize> = text.match_indices(';').map(|(at, _)| at).collect();
        let ends: Vec<bool> = semicolons
            .iter()
            .map(|&at| ends_reference(text, at))
            .collect();
        assert_eq!(ends, [true, false, false, true, true, true, true, false]);
    }
}
