//! The sources section: each document's id, title, date, path and URL, and
//! its full text with every unit an anchor (`d2-u5`) that citations point
//! to. Each source text appears once in the page; popups copy from here.

use std::io::{self, Write};

use super::escape::{link_url, Escaped, Shown};
use super::facts::UnitAnchor;
use crate::load::Document;
use crate::segment::{Unit, UnitKind};

/// Where a paragraph ends: the line breaks the segmenter splits
/// paragraphs at.
fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}')
}

/// Uncited sources are listed open up to this many; a longer list starts
/// closed (the matrix, which links to every source, has at most as many
/// columns).
const OPEN_UNCITED_MAX: usize = super::facts::MATRIX_MAX_SOURCES;

/// Writes the documents. Those with `with_text[d]` come with their text, as
/// `details` that the script collapses; the others (sources nothing in the
/// report cites) follow as one compact list, which keeps the report of a
/// large input about the size of what it cites. `lang` is the texts'
/// language code, or empty when unknown.
pub(super) fn sources(
    out: &mut dyn Write,
    documents: &[Document],
    units: &[Vec<Unit>],
    with_text: &[bool],
    lang: &str,
) -> io::Result<()> {
    writeln!(out, "<div class=\"sources\">")?;
    for (d, doc) in documents.iter().enumerate() {
        if !with_text[d] {
            continue;
        }
        write!(
            out,
            "<details class=\"source\" id=\"d{}\" open><summary>",
            d + 1
        )?;
        label(out, d, doc)?;
        write!(out, "</summary><p class=\"where\">")?;
        location(out, doc)?;
        match lang {
            "" => write!(out, "</p>\n<div class=\"body\">")?,
            lang => write!(out, "</p>\n<div class=\"body\" lang=\"{lang}\">")?,
        }
        text(out, d as u32, doc, &units[d])?;
        writeln!(out, "</div></details>")?;
    }
    let uncited = with_text.iter().filter(|&&t| !t).count();
    if uncited > 0 {
        let open = if uncited <= OPEN_UNCITED_MAX {
            " open"
        } else {
            ""
        };
        writeln!(
            out,
            "<details class=\"uncited\"{open}><summary>{} not cited in this report \
             (listed without their text)</summary><ul>",
            crate::render::count(uncited, "source")
        )?;
        for (d, doc) in documents.iter().enumerate().filter(|&(d, _)| !with_text[d]) {
            write!(out, "<li id=\"d{}\">", d + 1)?;
            label(out, d, doc)?;
            write!(out, " <span class=\"where\">")?;
            location(out, doc)?;
            writeln!(out, "</span></li>")?;
        }
        writeln!(out, "</ul></details>")?;
    }
    writeln!(out, "</div>")
}

/// `[3] id title date`.
fn label(out: &mut dyn Write, d: usize, doc: &Document) -> io::Result<()> {
    write!(
        out,
        "<span class=\"num\">[{}]</span> <span class=\"doc-id\">{}</span>",
        d + 1,
        Escaped(&doc.id)
    )?;
    if let Some(title) = &doc.title {
        write!(out, " <span class=\"title\">{}</span>", Escaped(title))?;
    }
    if let Some(date) = &doc.date {
        write!(out, " <span class=\"date\">{}</span>", Escaped(date))?;
    }
    Ok(())
}

/// The path, and the URL (a link only if it is http or https).
fn location(out: &mut dyn Write, doc: &Document) -> io::Result<()> {
    write!(out, "{}", Escaped(&doc.source))?;
    if let Some(url) = &doc.url {
        match link_url(url) {
            Some(url) => write!(
                out,
                " · <a href=\"{0}\" rel=\"noreferrer noopener\">{0}</a>",
                Escaped(url)
            )?,
            None => write!(out, " · {}", Escaped(url))?,
        }
    }
    Ok(())
}

/// A document's text as paragraphs (one per line, as the segmenter reads
/// it), each unit a `span` with its anchor. Text outside every unit is
/// white space, or a date header before the body, shown muted.
fn text(out: &mut dyn Write, d: u32, doc: &Document, units: &[Unit]) -> io::Result<()> {
    let mut paragraph = Paragraph { open: false };
    let mut at = 0;
    for (i, unit) in units.iter().enumerate() {
        paragraph.between(out, &doc.text[at..unit.start])?;
        paragraph.open(out)?;
        let kind = match unit.kind {
            UnitKind::Sentence => "",
            UnitKind::Heading => " k-heading",
            UnitKind::Byline => " k-byline",
            UnitKind::Boilerplate => " k-boilerplate",
        };
        write!(
            out,
            "<span class=\"u{kind}\" id=\"{}\">{}</span>",
            UnitAnchor(d, i as u32),
            Shown(&doc.text[unit.start..unit.end])
        )?;
        at = unit.end;
    }
    paragraph.between(out, &doc.text[at..])?;
    paragraph.close(out)
}

/// The paragraph being written.
struct Paragraph {
    open: bool,
}

impl Paragraph {
    fn open(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if !self.open {
            write!(out, "<p>")?;
            self.open = true;
        }
        Ok(())
    }

    fn close(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if self.open {
            writeln!(out, "</p>")?;
            self.open = false;
        }
        Ok(())
    }

    /// Text between units: line breaks end the paragraph, spaces separate
    /// units within it, anything else (a date header) is shown muted.
    fn between(&mut self, out: &mut dyn Write, gap: &str) -> io::Result<()> {
        for (i, line) in gap.split(is_line_break).enumerate() {
            if i > 0 {
                self.close(out)?;
            }
            let words = line.trim();
            if !words.is_empty() {
                self.open(out)?;
                write!(out, "<span class=\"k-header\">{}</span> ", Escaped(words))?;
            } else if self.open && !line.is_empty() {
                write!(out, " ")?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(doc: &Document, units: &[Unit]) -> String {
        let mut out = Vec::new();
        text(&mut out, 0, doc, units).unwrap();
        String::from_utf8(out).unwrap()
    }

    fn unit(kind: UnitKind, start: usize, end: usize) -> Unit {
        Unit {
            kind,
            start,
            end,
            split: false,
        }
    }

    #[test]
    fn lines_become_paragraphs_and_units_anchors() {
        let doc = Document::new(
            "a",
            "a.txt",
            "date 2025-08-16 Headline here\nFirst <b>one</b>. Second.\r\n\r\nThird.",
        );
        let units = [
            unit(UnitKind::Heading, 16, 29),
            unit(UnitKind::Sentence, 30, 47),
            unit(UnitKind::Sentence, 48, 55),
            unit(UnitKind::Sentence, 59, 65),
        ];
        assert_eq!(
            render(&doc, &units),
            "<p><span class=\"k-header\">date 2025-08-16</span> \
             <span class=\"u k-heading\" id=\"d1-u0\">Headline here</span></p>\n\
             <p><span class=\"u\" id=\"d1-u1\">First &lt;b&gt;one&lt;/b&gt;.</span> \
             <span class=\"u\" id=\"d1-u2\">Second.</span></p>\n\
             <p><span class=\"u\" id=\"d1-u3\">Third.</span></p>\n"
        );
    }

    #[test]
    fn text_without_units_is_still_shown() {
        let doc = Document::new("a", "a.txt", "  \n");
        assert_eq!(render(&doc, &[]), "");
        let doc = Document::new("a", "a.txt", "date 2025-01-02");
        assert_eq!(
            render(&doc, &[]),
            "<p><span class=\"k-header\">date 2025-01-02</span> </p>\n"
        );
    }
}
