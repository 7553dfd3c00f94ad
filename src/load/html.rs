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
//! the document's title.
//!
//! The extracted text is the document's text: every offset brief reports
//! for the page is an offset into it (docs/json-contract.md, "Offsets").

use html5gum::{Token, Tokenizer};

/// The text and title of an HTML page.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Page {
    /// Paragraphs separated by blank lines; a `<br>` is a line break.
    pub(crate) text: String,
    /// The `<title>`, white space collapsed; `None` when absent or empty.
    pub(crate) title: Option<String>,
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

    fn finish(mut self) -> String {
        let end = self.text.trim_end().len();
        self.text.truncate(end);
        self.text
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
    let mut in_title = false;
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
                if is_skipped(name) {
                    if !tag.self_closing {
                        skipping = Some((name.to_vec(), 1));
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
