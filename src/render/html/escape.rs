//! Untrusted text made safe for HTML: every piece of input (document text,
//! ids, titles, paths, URLs) goes through [`Escaped`] on its way out, and
//! only `http`/`https` URLs ever become links ([`link_url`]).

use std::fmt;

use crate::layout::Layout;

/// Text written with `&`, `<`, `>`, `"` and `'` replaced by character
/// references, so it is inert both as element content and inside a quoted
/// attribute value.
pub(super) struct Escaped<'a>(pub &'a str);

impl fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = self.0;
        let mut plain = 0;
        for (i, byte) in text.bytes().enumerate() {
            let reference = match byte {
                b'&' => "&amp;",
                b'<' => "&lt;",
                b'>' => "&gt;",
                b'"' => "&quot;",
                b'\'' => "&#39;",
                _ => continue,
            };
            f.write_str(&text[plain..i])?;
            f.write_str(reference)?;
            plain = i + 1;
        }
        f.write_str(&text[plain..])
    }
}

/// Source text as a reader sees it, escaped: written as the text format
/// writes it ([`Layout::TEXT`]: character references such as `&#8217;`
/// read as their characters, invisible characters dropped, a wrapped line
/// joined), so the report shows what the summary shows.
pub(super) struct Shown<'a>(pub &'a str);

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        Escaped(&Layout::TEXT.write(self.0)).fmt(f)
    }
}

/// The URL if it may become a link: an absolute `http` or `https` URL
/// without white space or control characters. Anything else
/// (`javascript:`, `data:`, relative paths, text with spaces) is shown as
/// text only.
pub(super) fn link_url(url: &str) -> Option<&str> {
    let url = url.trim();
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &url[8..]
    } else if lower.starts_with("http://") {
        &url[7..]
    } else {
        return None;
    };
    let clean = !rest.is_empty() && !url.chars().any(|c| c.is_whitespace() || c.is_control());
    clean.then_some(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_become_references() {
        let cases = [
            ("plain text", "plain text"),
            (
                "<script>alert('x')</script>",
                "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;",
            ),
            ("a & b \"c\"", "a &amp; b &quot;c&quot;"),
            ("“curly” — ünïcode", "“curly” — ünïcode"),
            ("&amp;", "&amp;amp;"),
            ("", ""),
        ];
        for (input, expected) in cases {
            assert_eq!(Escaped(input).to_string(), expected, "{input:?}");
        }
    }

    #[test]
    fn only_http_and_https_urls_are_links() {
        for good in [
            "https://example.com/a?b=1&c=2",
            "http://example.com",
            "HTTPS://EXAMPLE.COM/",
        ] {
            assert_eq!(link_url(good), Some(good), "{good}");
        }
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "//example.com",
            "example.com",
            "https://",
            "https://exa mple.com",
            "https://example.com/\n<script>",
            "vbscript:msgbox",
            "",
        ] {
            assert_eq!(link_url(bad), None, "{bad:?}");
        }
    }
}
