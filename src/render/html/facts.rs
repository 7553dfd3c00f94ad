//! The facts of a report (summary sentences, or dedup clusters) as a list
//! with citation markers, and the source × fact matrix.

use std::io::{self, Write};

use super::differ;
use super::escape::{Escaped, Shown};
use crate::cite::SummarySentence;
use crate::disagree::{Disagreement, Severity};
use crate::pipeline::Prepared;
use crate::render::count;

/// The matrix is drawn only up to this many sources (columns): beyond, a
/// row of checkmarks is no longer something a person can take in, and each
/// fact's markers already name its sources.
pub(super) const MATRIX_MAX_SOURCES: usize = 40;
/// The matrix shows at most this many facts (rows), the first ones in the
/// report's order (for dedup, the largest clusters).
pub(super) const MATRIX_MAX_FACTS: usize = 200;
/// Row labels of the matrix quote this many bytes of the fact at most.
const EXCERPT_BYTES: usize = 72;

/// One row of the report: a sentence of the summary or a near-duplicate
/// cluster, with the sentences stating it grouped by source.
pub(super) struct Fact<'a> {
    /// The text standing for the fact (cut short by a length budget when
    /// `truncated`).
    pub text: &'a str,
    /// True when a length budget cut `text`.
    pub truncated: bool,
    /// The sentences stating the fact, one entry per source document, in
    /// document order.
    pub statements: Vec<Statement>,
    /// Values its sources give differently.
    pub disagreements: &'a [Disagreement],
}

/// The sentences of one source document that state a fact.
#[derive(Clone, Debug)]
pub(super) struct Statement {
    /// Document index, in input order.
    pub document: u32,
    /// Unit indices of the citing sentences, in text order.
    pub units: Vec<u32>,
}

impl<'a> Fact<'a> {
    /// The fact a summary sentence (or dedup cluster) stands for.
    pub fn new(prepared: &'a Prepared, sentence: &'a SummarySentence) -> Self {
        let mut statements: Vec<Statement> = Vec::new();
        // Citations come by document, then position.
        for citation in &sentence.citations {
            let at = citation.sentence;
            match statements.last_mut() {
                Some(last) if last.document == at.document => last.units.push(at.unit),
                _ => statements.push(Statement {
                    document: at.document,
                    units: vec![at.unit],
                }),
            }
        }
        Fact {
            text: prepared.text(&sentence.representative),
            truncated: sentence.truncated,
            statements,
            disagreements: &sentence.disagreements,
        }
    }

    fn statement(&self, document: u32) -> Option<&Statement> {
        self.statements.iter().find(|s| s.document == document)
    }

    fn sentence_count(&self) -> usize {
        self.statements.iter().map(|s| s.units.len()).sum()
    }
}

/// The anchor of unit `unit` of document `document` (0-based): `d3-u7` is
/// unit 7 of source [3]. Built from indices only, never from input text.
pub(super) struct UnitAnchor(pub u32, pub u32);

impl std::fmt::Display for UnitAnchor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "d{}-u{}", self.0 + 1, self.1)
    }
}

/// A citation marker: a link to the first citing sentence, listing all of
/// them in `data-units` when there are several (the script highlights them
/// all and shows them in its popup). `class` is `cite`, or `cite stated` for
/// a marker of a value that sources give differently. `label` is written
/// as is: the caller escapes it.
pub(super) fn marker(
    out: &mut dyn Write,
    statement: &Statement,
    class: &str,
    label: &str,
    text: &str,
) -> io::Result<()> {
    let d = statement.document;
    write!(
        out,
        "<a class=\"{class}\" href=\"#{}\"",
        UnitAnchor(d, statement.units[0])
    )?;
    if statement.units.len() > 1 {
        write!(out, " data-units=\"")?;
        for (i, &u) in statement.units.iter().enumerate() {
            let space = if i == 0 { "" } else { " " };
            write!(out, "{space}{}", UnitAnchor(d, u))?;
        }
        write!(out, "\"")?;
    }
    write!(out, " aria-label=\"{label}\">{text}</a>")
}

/// The facts as a numbered list, each with a marker per citing source.
/// `counts` adds a line with the number of sentences and sources (for
/// clusters, where that is the point).
pub(super) fn list(
    out: &mut dyn Write,
    prepared: &Prepared,
    facts: &[Fact],
    lang: &str,
    counts: bool,
) -> io::Result<()> {
    writeln!(out, "<ol class=\"facts\" lang=\"{lang}\">")?;
    for (i, fact) in facts.iter().enumerate() {
        write!(
            out,
            "<li id=\"f{}\"><p class=\"fact\"><span class=\"text\">{}</span>",
            i + 1,
            Shown(fact.text)
        )?;
        if fact.truncated {
            write!(out, "<span class=\"cut\"> …</span>")?;
        }
        write!(out, " <span class=\"cites\">")?;
        for statement in &fact.statements {
            let n = statement.document + 1;
            let label = format!("source {n}");
            marker(out, statement, "cite", &label, &format!("[{n}]"))?;
        }
        write!(out, "</span></p>")?;
        differ::notes(out, prepared, fact.disagreements)?;
        if counts {
            write!(
                out,
                "<p class=\"support\">{} in {}</p>",
                count(fact.sentence_count(), "sentence"),
                count(fact.statements.len(), "source")
            )?;
        }
        writeln!(out, "</li>")?;
    }
    writeln!(out, "</ol>")
}

/// The first words of a fact, cut at a word boundary near `EXCERPT_BYTES`.
fn excerpt(text: &str) -> (&str, bool) {
    if text.len() <= EXCERPT_BYTES {
        return (text, false);
    }
    let mut end = EXCERPT_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let cut = text[..end].rfind(' ').filter(|&i| i > 0).unwrap_or(end);
    (text[..cut].trim_end(), true)
}

/// The source × fact matrix: a row per fact, a column per source, a marker
/// where the source states the fact. Left out (with a note saying so) when
/// there are more sources than fit.
pub(super) fn matrix(
    out: &mut dyn Write,
    prepared: &Prepared,
    facts: &[Fact],
    noun: &str,
) -> io::Result<()> {
    let documents = &prepared.documents;
    if documents.len() > MATRIX_MAX_SOURCES {
        return writeln!(
            out,
            "<p class=\"legend\">The matrix is left out: {} sources are more columns than a \
             page can show ({MATRIX_MAX_SOURCES} at most). Each {noun}'s markers above name its \
             sources.</p>",
            documents.len()
        );
    }
    let shown = &facts[..facts.len().min(MATRIX_MAX_FACTS)];
    writeln!(out, "<div class=\"matrix-wrap\"><table class=\"matrix\">")?;
    write!(out, "<thead><tr><th scope=\"col\">{noun}</th>")?;
    for (d, doc) in documents.iter().enumerate() {
        write!(
            out,
            "<th scope=\"col\"><a href=\"#d{n}\" title=\"{}\">[{n}]</a></th>",
            Escaped(&doc.id),
            n = d + 1
        )?;
    }
    writeln!(out, "<th scope=\"col\">sources</th></tr></thead><tbody>")?;
    for (i, fact) in shown.iter().enumerate() {
        let n = i + 1;
        let (words, cut) = excerpt(fact.text);
        write!(
            out,
            "<tr><th scope=\"row\"><a href=\"#f{n}\">{n}</a>{}{}</th>",
            Shown(words),
            if cut { "…" } else { "" }
        )?;
        for d in 0..documents.len() as u32 {
            let label = format!("{noun} {n} in source {}", d + 1);
            let differs = differ::value_of(fact.disagreements, d);
            let class = match (&differs, fact.statement(d)) {
                (Some((Severity::Conflict, ..)), _) => "differs conflict",
                (Some((Severity::Nuance, ..)), _) => "differs nuance",
                (None, Some(_)) => "yes",
                (None, None) => "no",
            };
            write!(out, "<td class=\"{class}\"")?;
            if let Some((_, value, _)) = &differs {
                write!(out, " data-value=\"{}\"", Escaped(&value.normalized))?;
            }
            write!(out, ">")?;
            match fact.statement(d) {
                Some(statement) => marker(out, statement, "cite", &label, "●")?,
                None if differs.is_none() => write!(out, "–")?,
                None => {}
            }
            if let Some((_, value, cited)) = &differs {
                // The fact's own marker already leads to a cited sentence.
                let elsewhere = fact.statement(d).is_none().then_some(cited);
                let label = format!("{label} gives {}", Escaped(&value.normalized));
                differ::cell_value(out, value, elsewhere, &label)?;
            }
            write!(out, "</td>")?;
        }
        writeln!(
            out,
            "<td class=\"count\">{}</td></tr>",
            fact.statements.len()
        )?;
    }
    writeln!(out, "</tbody></table></div>")?;
    if shown.len() < facts.len() {
        writeln!(
            out,
            "<p class=\"legend\">The first {} of {} {noun}s are shown.</p>",
            shown.len(),
            facts.len()
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_end_at_a_word_within_the_limit() {
        assert_eq!(excerpt("Short fact."), ("Short fact.", false));
        let long = "Trump said he would call Zelenskiy and Nato leaders to update them on the talks with Putin.";
        let (words, cut) = excerpt(long);
        assert!(cut);
        assert!(words.len() <= EXCERPT_BYTES, "{words}");
        assert!(long.starts_with(words) && long[words.len()..].starts_with(' '));
        // No space at all, multi-byte characters at the limit.
        let accents = "é".repeat(60);
        let (words, cut) = excerpt(&accents);
        assert!(cut && words.len() <= EXCERPT_BYTES && words.chars().all(|c| c == 'é'));
    }

    #[test]
    fn anchors_are_one_based_documents_and_unit_indices() {
        assert_eq!(UnitAnchor(0, 7).to_string(), "d1-u7");
        assert_eq!(UnitAnchor(41, 0).to_string(), "d42-u0");
    }
}
