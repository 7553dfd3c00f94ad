//! HTML pages to text: what a reader of the page sees, as paragraphs.
//!
//! A page saved with its markup (`--input-format html`, a file named
//! `.html`/`.htm`, or a text file that starts as a page does) is tokenized
//! by `html5gum` (the WHATWG tokenizer: entities decoded, `<script>` and
//! `<style>` read as raw text, comments and broken markup recovered as a
//! browser does). Kept: the text of the page, block elements (`<p>`,
//! headings, list items, table rows, ...) ending paragraphs, white space
//! collapsed as a browser shows it (kept inside `<pre>`). Dropped: markup,
//! comments, and whatever a reader never reads as the article: scripts,
//! styles, `<noscript>`, `<template>`, SVG and MathML, forms, navigation
//! menus (`<nav>`) and side panels (`<aside>`). The page's `<title>` becomes
//! the document's title, and its publication date, where the page states it
//! for machines (see [`PUBLISHED_KEYS`]), the document's date.
//!
//! The extracted text is the document's text: every offset brief reports
//! for the page is an offset into it (docs/json-contract.md, "Offsets").
//! Where the page shows a character reference as text (`&amp;nbsp;`, shown
//! `&nbsp;`), the extracted text writes it `&amp;nbsp;`, as plain text
//! would, so that brief reads it once ([`crate::charrefs::escape_literal`]).

use std::collections::BTreeMap;

use html5gum::{HtmlString, Spanned, Token, Tokenizer};

/// The text and title of an HTML page.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Page {
    /// Paragraphs separated by blank lines; a `<br>` is a line break.
    pub(crate) text: String,
    /// The `<title>`, white space collapsed; `None` when absent or empty.
    pub(crate) title: Option<String>,
    /// The publication day, `YYYY-MM-DD`: from the first `<meta>` tag
    /// before `<body>` that gives one, or else from JSON-LD (see
    /// [`json_ld_date`]).
    pub(crate) date: Option<String>,
}

/// `<meta>` names (in `property`, `name` or `itemprop`, any case) whose
/// `content` is the publication date: Open Graph's article namespace,
/// schema.org microdata, Dublin Core, and the names news sites and their
/// analytics use. What a crawler reads; the date a reader sees in the page
/// text is free-form and left alone.
const PUBLISHED_KEYS: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "parsely-pub-date",
    "sailthru.date",
];

/// The publication day of a `<meta>` tag, when its name is one of
/// [`PUBLISHED_KEYS`] and its content starts with an ISO date.
fn meta_date(attributes: &BTreeMap<HtmlString, Spanned<HtmlString, ()>>) -> Option<String> {
    let value = |key: &[u8]| attributes.get(key).map(|v| v.value.as_slice());
    let published = [b"property".as_slice(), b"name", b"itemprop"]
        .into_iter()
        .filter_map(value)
        .any(|name| {
            PUBLISHED_KEYS
                .iter()
                .any(|key| name.trim_ascii().eq_ignore_ascii_case(key.as_bytes()))
        });
    if !published {
        return None;
    }
    iso_day(value(b"content")?)
}

/// The publication day in `script`, the text of a `<script
/// type="application/ld+json">`: the `datePublished` of its article (an
/// item whose `@type` names an article, at the top, in a list or in an
/// `@graph`), or else of its first item that has one at its top level.
/// Dates of nested items (a video in the article, a comment) are not the
/// page's.
fn json_ld_date(script: &str) -> Option<String> {
    let value: serde_json::Value = serde_json::from_str(script).ok()?;
    let items: Vec<&serde_json::Value> = match &value {
        serde_json::Value::Array(items) => items.iter().collect(),
        serde_json::Value::Object(object) => match object.get("@graph") {
            Some(serde_json::Value::Array(graph)) => graph.iter().collect(),
            _ => vec![&value],
        },
        _ => return None,
    };
    let published = |item: &&serde_json::Value| {
        item.get("datePublished")
            .and_then(serde_json::Value::as_str)
            .and_then(|date| iso_day(date.as_bytes()))
    };
    let is_article = |item: &&&serde_json::Value| {
        let names = |t: &serde_json::Value| t.as_str().is_some_and(|t| t.ends_with("Article"));
        match item.get("@type") {
            Some(serde_json::Value::Array(types)) => types.iter().any(names),
            Some(t) => names(t),
            None => false,
        }
    };
    items
        .iter()
        .filter(is_article)
        .find_map(published)
        .or_else(|| items.iter().find_map(published))
}

/// `YYYY-MM-DD` when `text` starts with a valid ISO date.
fn iso_day(text: &[u8]) -> Option<String> {
    let day = std::str::from_utf8(text.trim_ascii_start().get(..10)?).ok()?;
    super::is_existing_iso_date(day).then(|| day.to_string())
}

/// True when a text document starts as an HTML page does (`<!DOCTYPE
/// html`, `<html`, `<head`, `<body`, or a comment before one of them):
/// a page saved with its markup, not its text.
pub(crate) fn looks_like_html(text: &str) -> bool {
    let mut rest = text.trim_start();
    // Pages saved by browsers often start with a comment (`<!-- saved
    // from url=... -->`).
    while let Some(comment) = rest.strip_prefix("<!--") {
        match comment.find("-->") {
            Some(end) => rest = comment[end + 3..].trim_start(),
            None => return false,
        }
    }
    let start = rest.as_bytes();
    ["<!doctype html", "<html", "<head", "<body"]
        .iter()
        .any(|prefix| {
            start.get(..prefix.len()).is_some_and(|head| {
                head.eq_ignore_ascii_case(prefix.as_bytes())
                    && start
                        .get(prefix.len())
                        .is_none_or(|&next| next == b'>' || next.is_ascii_whitespace())
            })
        })
}

/// Elements whose content a reader does not read as the page's text.
fn is_skipped(name: &[u8]) -> bool {
    matches!(
        name,
        b"script"
            | b"style"
            | b"noscript"
            | b"template"
            | b"svg"
            | b"math"
            | b"nav"
            | b"aside"
            | b"form"
            | b"button"
            | b"select"
            | b"textarea"
            | b"iframe"
            | b"object"
            | b"canvas"
    )
}

/// Elements that begin and end a paragraph of their own.
fn is_block(name: &[u8]) -> bool {
    matches!(
        name,
        b"address"
            | b"article"
            | b"blockquote"
            | b"body"
            | b"caption"
            | b"dd"
            | b"details"
            | b"div"
            | b"dl"
            | b"dt"
            | b"fieldset"
            | b"figcaption"
            | b"figure"
            | b"footer"
            | b"h1"
            | b"h2"
            | b"h3"
            | b"h4"
            | b"h5"
            | b"h6"
            | b"header"
            | b"hr"
            | b"html"
            | b"legend"
            | b"li"
            | b"main"
            | b"ol"
            | b"p"
            | b"pre"
            | b"section"
            | b"summary"
            | b"table"
            | b"td"
            | b"th"
            | b"tr"
            | b"ul"
    )
}

/// Builds the text: paragraphs of collapsed white space.
#[derive(Default)]
struct TextBuilder {
    text: String,
    /// A space is owed before the next word of the paragraph.
    space: bool,
}

impl TextBuilder {
    fn push_str(&mut self, s: &str, preformatted: bool) {
        if preformatted {
            let mut lines = s.split('\n');
            if let Some(first) = lines.next() {
                self.push_words(first);
            }
            for line in lines {
                self.line_break();
                self.push_words(line);
            }
            return;
        }
        self.push_words(s);
    }

    fn push_words(&mut self, s: &str) {
        if s.starts_with(char::is_whitespace) {
            self.space = true;
        }
        for word in s.split_whitespace() {
            if self.space && !self.at_line_start() {
                self.text.push(' ');
            }
            self.text.push_str(word);
            self.space = true;
        }
        self.space = s.ends_with(char::is_whitespace) || (self.space && s.trim().is_empty());
    }

    fn at_line_start(&self) -> bool {
        self.text.is_empty() || self.text.ends_with('\n')
    }

    fn line_break(&mut self) {
        if !self.at_line_start() {
            self.text.push('\n');
        }
        self.space = false;
    }

    fn paragraph_break(&mut self) {
        if self.text.is_empty() || self.text.ends_with("\n\n") {
            self.space = false;
            return;
        }
        self.line_break();
        self.text.push('\n');
    }

    /// The text, with what the page shows as a reference kept one.
    fn finish(mut self) -> String {
        let end = self.text.trim_end().len();
        self.text.truncate(end);
        crate::charrefs::escape_literal(self.text)
    }
}

/// The text and title of the page `html`.
pub(crate) fn extract(html: &str) -> Page {
    let mut emitter = html5gum::DefaultEmitter::default();
    // Reads <script>, <style>, <title>, ... content as raw text, as a
    // browser's tree builder would tell its tokenizer to.
    emitter.naively_switch_states(true);
    let mut text = TextBuilder::default();
    let mut title: Option<String> = None;
    let mut meta_day: Option<String> = None;
    let mut json_ld_day: Option<String> = None;
    // Past `<body>`: a `<meta>` there belongs to an item of the page (a
    // comment's microdata), not to the page.
    let mut in_body = false;
    let mut in_title = false;
    // The text of the `<script type="application/ld+json">` being read,
    // for its `datePublished` only.
    let mut json_ld: Option<String> = None;
    let mut pre_depth = 0usize;
    // The skipped element being passed over, and how deeply it is nested
    // in itself.
    let mut skipping: Option<(Vec<u8>, usize)> = None;
    for token in Tokenizer::new_with_emitter(html, emitter).flatten() {
        match token {
            Token::StartTag(tag) => {
                let name = tag.name.as_slice();
                if name == b"title" && !tag.self_closing {
                    // The page's own title, not an SVG image's.
                    in_title = skipping.is_none() && title.is_none();
                    continue;
                }
                if let Some((skipped, depth)) = &mut skipping {
                    if skipped.as_slice() == name && !tag.self_closing {
                        *depth += 1;
                    }
                    continue;
                }
                in_body |= name == b"body";
                if name == b"meta" && !in_body && meta_day.is_none() {
                    meta_day = meta_date(&tag.attributes);
                }
                if is_skipped(name) {
                    if !tag.self_closing {
                        skipping = Some((name.to_vec(), 1));
                        let ld = name == b"script"
                            && tag.attributes.get(b"type".as_slice()).is_some_and(|t| {
                                let t = t.value.trim_ascii();
                                t.len() >= 19
                                    && t[..19].eq_ignore_ascii_case(b"application/ld+json")
                            });
                        json_ld = (ld && json_ld_day.is_none()).then(String::new);
                    }
                } else if name == b"br" {
                    text.line_break();
                } else if is_block(name) {
                    text.paragraph_break();
                    if name == b"pre" {
                        pre_depth += 1;
                    }
                }
            }
            Token::EndTag(tag) => {
                let name = tag.name.as_slice();
                if name == b"title" {
                    in_title = false;
                    continue;
                }
                if let Some((skipped, depth)) = &mut skipping {
                    if skipped.as_slice() == name {
                        *depth -= 1;
                        if *depth == 0 {
                            skipping = None;
                            if let Some(script) = json_ld.take() {
                                json_ld_day = json_ld_date(&script);
                            }
                        }
                    }
                    continue;
                }
                if name == b"br" {
                    text.line_break();
                } else if is_block(name) {
                    text.paragraph_break();
                    if name == b"pre" {
                        pre_depth = pre_depth.saturating_sub(1);
                    }
                }
            }
            Token::String(string) => {
                let string = String::from_utf8_lossy(&string.value);
                if let Some(script) = &mut json_ld {
                    script.push_str(&string);
                }
                if in_title {
                    title.get_or_insert_with(String::new).push_str(&string);
                } else if skipping.is_none() {
                    text.push_str(&string, pre_depth > 0);
                }
            }
            Token::Comment(_) | Token::Doctype(_) | Token::Error(_) => {}
        }
    }
    let title = title
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|t| !t.is_empty());
    Page {
        text: text.finish(),
        title,
        date: meta_day.or(json_ld_day),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_text_as_paragraphs_and_drops_what_no_reader_reads() {
        let page = extract(
            "<!DOCTYPE html><html><head><title> Flood \n news </title>\
             <style>p { color: red }</style><script>var x = '<p>not text</p>';</script></head>\
             <body><nav><a href=/>Home</a> <a href=/world>World</a></nav>\
             <h1>Rivers rise</h1><p>The river rose by <b>two</b>&nbsp;metres &amp; more.\n   \
             Roads closed.</p><!-- a comment --><aside>Related: other floods</aside>\
             <ul><li>One</li><li>Two</li></ul><p>Line one<br>line two</p></body></html>",
        );
        assert_eq!(page.title.as_deref(), Some("Flood news"));
        assert_eq!(
            page.text,
            "Rivers rise\n\nThe river rose by two metres & more. Roads closed.\n\n\
             One\n\nTwo\n\nLine one\nline two"
        );
    }

    #[test]
    fn the_publication_date_comes_from_meta_tags_or_json_ld() {
        let date = |head: &str| {
            extract(&format!(
                "<html><head>{head}</head><body><p>Text.</p></body></html>"
            ))
            .date
        };
        assert_eq!(
            date("<meta property=\"article:published_time\" content=\"2026-11-24T10:05:00Z\">"),
            Some("2026-11-24".to_string())
        );
        assert_eq!(
            date("<meta name=\"PubDate\" content=\" 2026-11-23\"><meta name=\"date\" content=\"2020-01-01\">"),
            Some("2026-11-23".to_string()),
            "the first wins"
        );
        assert_eq!(
            date("<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"datePublished\" : \"2026-11-22T08:00:00+01:00\"}</script>"),
            Some("2026-11-22".to_string())
        );
        assert_eq!(
            date("<meta name=\"description\" content=\"2026-11-24\">"),
            None
        );
        assert_eq!(
            date("<meta property=\"article:published_time\" content=\"Nov 24\">"),
            None
        );
        assert_eq!(date("<meta name=\"date\" content=\"2026-13-01\">"), None);
        assert_eq!(
            date("<script>var x = {\"datePublished\": \"2026-11-24\"};</script>"),
            None,
            "only JSON-LD scripts"
        );
        // Found in review: a nested item's date, a site's, a comment's.
        assert_eq!(
            date("<script type=\"application/ld+json; charset=utf-8\">{\"@type\": \"NewsArticle\", \"video\": {\"@type\": \"VideoObject\", \"datePublished\": \"2019-05-01\"}, \"datePublished\": \"2026-11-24\"}</script>"),
            Some("2026-11-24".to_string())
        );
        assert_eq!(
            date("<script type=\"application/ld+json\">{\"@graph\": [{\"@type\": \"WebSite\", \"datePublished\": \"2010-01-01\"}, {\"@type\": [\"NewsArticle\"], \"datePublished\": \"2026-11-24\"}]}</script>"),
            Some("2026-11-24".to_string())
        );
        assert_eq!(
            date("<meta property=\"article:published_time\" content=\"2026-02-30\">"),
            None,
            "no such day"
        );
        let page = extract(
            "<html><head></head><body><p>Text.</p><div itemscope><meta itemprop=\"datePublished\" content=\"2019-01-01\"></div>\
             <script type=\"application/ld+json\">{\"datePublished\": \"2026-11-24\"}</script></body></html>",
        );
        assert_eq!(
            page.date.as_deref(),
            Some("2026-11-24"),
            "a comment's microdata"
        );
        // JSON-LD text is never page text.
        let page = extract("<script type=\"application/ld+json\">{\"datePublished\": \"2026-11-22\"}</script><p>Body.</p>");
        assert_eq!(page.text, "Body.");
    }

    #[test]
    fn keeps_line_breaks_inside_pre() {
        let page = extract("<html><body><pre>a  b\nc</pre><p>d</p></body></html>");
        assert_eq!(page.text, "a b\nc\n\nd");
    }

    #[test]
    fn recognizes_pages_not_text_that_mentions_tags() {
        for page in [
            "<!DOCTYPE html><p>x</p>",
            "  <!doctype HTML>\n<html>",
            "<html lang=en>",
            "<!-- saved from url=(0042)https://example.com/ -->\n<html>",
            "\u{feff}<HTML>",
            "<body>",
        ] {
            assert!(
                looks_like_html(page.trim_start_matches('\u{feff}')),
                "{page}"
            );
        }
        for text in [
            "The <html> tag starts a page.",
            "<htmlx>",
            "<!-- unfinished",
            "Plain text.",
        ] {
            assert!(!looks_like_html(text), "{text}");
        }
    }
}
