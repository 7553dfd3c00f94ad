//! The text a reader sees in a Markdown file: what `.md` articles (saved
//! by web clippers and note apps) look like once rendered.
//!
//! Markup never reaches a sentence: emphasis marks, link targets, images,
//! HTML tags and code blocks are dropped; a link keeps its words
//! ("[northern Italy](https://...)" reads "northern Italy"). Block
//! structure becomes what the segmenter reads in plain text: headings and
//! paragraphs are paragraphs (a paragraph's wrapped lines one line), list
//! items are bulleted lines, a rule is a paragraph break. YAML front matter
//! (`---` ... `---`) gives the title and date. The parser is
//! `pulldown-cmark` (CommonMark, with tables and strikethrough).
//!
//! The extracted text is the document's text: offsets point into it, as
//! for an HTML page.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// A Markdown file's readable text and what its front matter says.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Article {
    /// Paragraphs separated by blank lines; list items one per line.
    pub text: String,
    /// `title:` of the front matter.
    pub title: Option<String>,
    /// `date:` of the front matter, when it starts with `YYYY-MM-DD`.
    pub date: Option<String>,
}

/// The readable text of `markdown`.
pub fn extract(markdown: &str) -> Article {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let mut article = Article::default();
    let mut out = String::with_capacity(markdown.len());
    // Inside a code block, an image or front matter: their text is not
    // prose (an image's is its alt text).
    let mut hidden = 0usize;
    let mut in_metadata = false;
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Start(Tag::MetadataBlock(_)) => in_metadata = true,
            Event::End(TagEnd::MetadataBlock(_)) => in_metadata = false,
            Event::Text(text) if in_metadata => read_front_matter(&text, &mut article),
            Event::Start(Tag::CodeBlock(_) | Tag::Image { .. }) => hidden += 1,
            Event::End(TagEnd::CodeBlock | TagEnd::Image) => hidden = hidden.saturating_sub(1),
            _ if hidden > 0 => {}
            Event::Start(Tag::Paragraph | Tag::Heading { .. } | Tag::BlockQuote(_)) => {
                block_break(&mut out)
            }
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::BlockQuote(_)) => {
                block_break(&mut out)
            }
            Event::Start(Tag::Item) => {
                line_break(&mut out);
                out.push_str("- ");
            }
            Event::End(TagEnd::Item | TagEnd::TableRow | TagEnd::TableHead) => line_break(&mut out),
            Event::End(TagEnd::List(_) | TagEnd::Table) | Event::Rule => block_break(&mut out),
            Event::End(TagEnd::TableCell) => out.push_str("  "),
            Event::Text(text) | Event::Code(text) => out.push_str(&text),
            Event::SoftBreak => out.push(' '),
            Event::HardBreak => out.push('\n'),
            _ => {}
        }
    }
    // What the article shows as a reference stays one (charrefs).
    article.text = crate::charrefs::escape_literal(out.trim().to_string());
    article
}

/// Ends the current line, once.
fn line_break(out: &mut String) {
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

/// Ends the current paragraph: one blank line, however many blocks end.
fn block_break(out: &mut String) {
    line_break(out);
    if !out.is_empty() && !out.ends_with("\n\n") {
        out.push('\n');
    }
}

/// Reads `title:` and `date:` from front matter (plain `key: value` lines;
/// quotes around the value are dropped).
fn read_front_matter(text: &str, article: &mut Article) {
    for line in text.lines() {
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim().trim_matches(['"', '\'']).trim();
        if value.is_empty() {
            continue;
        }
        match key.trim().to_ascii_lowercase().as_str() {
            "title" => article.title = Some(value.to_string()),
            "date" => {
                let day = value.get(..10).filter(|d| super::is_iso_date(d));
                article.date = day.map(str::to_string);
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_dropped_and_words_kept() {
        let a = extract(
            "# Floods in the north\n\n\
             Heavy rain hit **Rome** and [northern Italy](https://example.com/italy) on \
             *Monday*, officials said.\nMore rain is\nexpected.\n\n\
             ![A flooded street](https://example.com/a.jpg)\n\n\
             - First item\n- Second `item`\n\n\
             ```\nlet x = 1;\n```\n\n\
             <div class=\"ad\">Advertisement</div>\n\n\
             > A quoted paragraph.\n",
        );
        assert_eq!(
            a.text,
            "Floods in the north\n\n\
             Heavy rain hit Rome and northern Italy on Monday, officials said. More rain is \
             expected.\n\n\
             - First item\n- Second item\n\n\
             A quoted paragraph."
        );
        assert_eq!(a.title, None);
    }

    #[test]
    fn front_matter_gives_title_and_date() {
        let a = extract(
            "---\ntitle: \"Talks end without a deal\"\ndate: 2026-11-24T10:05:00Z\n\
             tags: [news]\n---\n\nThe talks ended on Friday.\n",
        );
        assert_eq!(a.title.as_deref(), Some("Talks end without a deal"));
        assert_eq!(a.date.as_deref(), Some("2026-11-24"));
        assert_eq!(a.text, "The talks ended on Friday.");
    }

    #[test]
    fn plain_prose_is_unchanged() {
        let prose = "The council met today.\n\nIt approved the budget.";
        assert_eq!(extract(prose).text, prose);
    }
}
