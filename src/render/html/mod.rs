//! `--format html`: the summary or the near-duplicate report as one
//! self-contained page for people.
//!
//! The page needs nothing but its own file: the style sheet and a small
//! script are inline ([`assets`]), and it loads no font, image or anything
//! else, so it works from `file://` and as a mail attachment. Its
//! Content-Security-Policy allows only that style sheet and script.
//!
//! What it shows, top to bottom:
//! - the facts: summary sentences (or dedup clusters), each with a marker
//!   per source that states it ([`facts::list`]);
//! - under a fact whose sources give different values, a note per
//!   disagreement ([`differ::notes`]);
//! - the source × fact matrix ([`facts::matrix`]), with the value each
//!   source gives in the cells of a fact where they differ;
//! - the sources: id, title, date, path, URL, and the full text with every
//!   unit an anchor ([`sources::sources`]).
//!
//! Without the script, a marker is a link to the cited sentence, which
//! `:target` highlights. The script adds popups with the cited sentences in
//! their paragraphs on hover and focus, collapses the sources and opens the
//! one a marker points to. Everything from the input (text, ids, titles,
//! paths, URLs) is escaped; anchors are built from indices only; only
//! `http`/`https` URLs become links. Output is deterministic: no clock, no
//! random ids.

mod assets;
mod differ;
mod escape;
mod facts;
mod sources;

use std::io::{self, Write};

use super::{timing_rows, RenderOptions};
use crate::pipeline::{Config, Dedup, Prepared, Summary, Timings};
use crate::render::count;
use facts::Fact;

/// Document pairs listed in a dedup report at most (the most overlapping).
const MAX_DOCUMENT_PAIRS: usize = 100;

pub(super) fn summary(
    out: &mut dyn Write,
    prepared: &Prepared,
    summary: &Summary,
    config: &Config,
    options: RenderOptions,
) -> io::Result<()> {
    let facts: Vec<Fact> = summary
        .sentences
        .iter()
        .map(|s| Fact::new(prepared, s))
        .collect();
    let shared = summary.sentences.iter().filter(|s| s.support >= 2).count();
    let heading = format!("Summary of {}", count(prepared.documents.len(), "document"));
    let lede = format!(
        "{}, {shared} stated by several sources · {} read · algorithm {}, threshold {}",
        count(facts.len(), "sentence"),
        count(prepared.analysis.sentences.len(), "sentence"),
        config.algorithm.name(),
        config.threshold
    );
    let lang = config.language.code();
    head(out, &heading)?;
    top(out, &heading, &lede, config.query.as_deref())?;
    section(out, "summary", "Summary")?;
    facts::list(out, prepared, &facts, lang, false)?;
    end_section(out)?;
    section(out, "matrix", "Who states what")?;
    facts::matrix(out, prepared, &facts, "sentence")?;
    writeln!(
        out,
        "<p class=\"legend\">A row per summary sentence, a column per source: ● marks a source \
         that states it (open it to read the sentence in the source). A shaded cell gives the \
         value that source states where the sources differ; ○ leads to a sentence outside \
         the fact that states it.</p>"
    )?;
    end_section(out)?;
    documents(out, prepared, &facts, lang)?;
    footer(
        out,
        prepared.documents.len(),
        options.timings.then_some((&summary.timings, options)),
    )
}

pub(super) fn dedup(
    out: &mut dyn Write,
    prepared: &Prepared,
    dedup: &Dedup,
    config: &Config,
    options: RenderOptions,
) -> io::Result<()> {
    let facts: Vec<Fact> = dedup
        .clusters
        .iter()
        .map(|c| Fact::new(prepared, c))
        .collect();
    let heading = format!(
        "Near-duplicates in {}",
        count(prepared.documents.len(), "document")
    );
    let lede = format!(
        "{} of sentences that say the same thing · {} read · threshold {}",
        count(facts.len(), "cluster"),
        count(prepared.analysis.sentences.len(), "sentence"),
        config.threshold
    );
    let lang = config.language.code();
    head(out, &heading)?;
    top(out, &heading, &lede, None)?;
    section(out, "clusters", "Clusters")?;
    if facts.is_empty() {
        writeln!(
            out,
            "<p>No two sentences are near-duplicates at this threshold.</p>"
        )?;
    } else {
        writeln!(
            out,
            "<p class=\"legend\">Largest first; each shows its representative sentence.</p>"
        )?;
        facts::list(out, prepared, &facts, lang, true)?;
    }
    end_section(out)?;
    if !facts.is_empty() {
        section(out, "matrix", "Who states what")?;
        facts::matrix(out, prepared, &facts, "cluster")?;
        writeln!(
            out,
            "<p class=\"legend\">A row per cluster, a column per source: ● marks a source with a \
             sentence in it. A shaded cell gives the value that source states where the sources \
             differ; ○ leads to a sentence outside the cluster that states it.</p>"
        )?;
        end_section(out)?;
    }
    section(out, "pairs", "Documents sharing sentences")?;
    document_pairs(out, prepared, dedup)?;
    end_section(out)?;
    documents(out, prepared, &facts, lang)?;
    footer(
        out,
        prepared.documents.len(),
        options.timings.then_some((&prepared.timings, options)),
    )
}

/// From the doctype to the opening of the page's container.
fn head(out: &mut dyn Write, title: &str) -> io::Result<()> {
    write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"brief {}\">\n\
         <title>{title} · brief</title>\n<style>{}</style>\n</head>\n<body>\n\
         <div class=\"page\">\n",
        assets::content_security_policy(),
        env!("CARGO_PKG_VERSION"),
        assets::STYLE
    )
}

/// The page's header; `query` is the question a query-focused summary
/// answers.
fn top(out: &mut dyn Write, heading: &str, lede: &str, query: Option<&str>) -> io::Result<()> {
    write!(
        out,
        "<header class=\"top\"><p class=\"brand\">brief report</p><h1>{heading}</h1>"
    )?;
    if let Some(query) = query {
        write!(
            out,
            "<p class=\"query\">Answering: <q>{}</q></p>",
            escape::Escaped(query)
        )?;
    }
    writeln!(out, "<p class=\"lede\">{lede}</p></header>\n<main>")
}

fn section(out: &mut dyn Write, id: &str, title: &str) -> io::Result<()> {
    writeln!(
        out,
        "<section id=\"{id}\" aria-labelledby=\"{id}-h\"><h2 id=\"{id}-h\">{title}</h2>"
    )
}

fn end_section(out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "</section>")
}

/// The sources section; the text of the documents no fact cites is left out.
fn documents(
    out: &mut dyn Write,
    prepared: &Prepared,
    facts: &[Fact],
    lang: &str,
) -> io::Result<()> {
    let mut cited = vec![false; prepared.documents.len()];
    for statement in facts.iter().flat_map(|f| &f.statements) {
        cited[statement.document as usize] = true;
    }
    section(out, "sources", "Sources")?;
    sources::sources(out, &prepared.documents, &prepared.units, &cited, lang)?;
    end_section(out)
}

fn document_pairs(out: &mut dyn Write, prepared: &Prepared, dedup: &Dedup) -> io::Result<()> {
    if dedup.document_pairs.is_empty() {
        return writeln!(out, "<p>No two documents share a sentence.</p>");
    }
    let id = |d: u32| escape::Escaped(&prepared.documents[d as usize].id);
    writeln!(
        out,
        "<div class=\"matrix-wrap\"><table class=\"pairs\"><thead><tr><th scope=\"col\">documents\
         </th><th scope=\"col\">shared clusters</th><th scope=\"col\">overlap</th></tr></thead><tbody>"
    )?;
    let shown = &dedup.document_pairs[..dedup.document_pairs.len().min(MAX_DOCUMENT_PAIRS)];
    for p in shown {
        writeln!(
            out,
            "<tr><th scope=\"row\"><a href=\"#d{}\">[{}]</a> <span class=\"doc-id\">{}</span> ~ \
             <a href=\"#d{}\">[{}]</a> <span class=\"doc-id\">{}</span></th><td>{}</td><td>{:.2}</td></tr>",
            p.a + 1,
            p.a + 1,
            id(p.a),
            p.b + 1,
            p.b + 1,
            id(p.b),
            p.shared,
            p.overlap
        )?;
    }
    writeln!(out, "</tbody></table></div>")?;
    if shown.len() < dedup.document_pairs.len() {
        writeln!(
            out,
            "<p class=\"legend\">The {} most overlapping of {} pairs are shown.</p>",
            shown.len(),
            dedup.document_pairs.len()
        )?;
    }
    writeln!(
        out,
        "<p class=\"legend\">Overlap: shared clusters over the smaller document's distinct \
         sentences' clusters.</p>"
    )
}

fn footer(
    out: &mut dyn Write,
    documents: usize,
    timings: Option<(&Timings, RenderOptions)>,
) -> io::Result<()> {
    writeln!(
        out,
        "</main>\n<footer><p>Made by brief {} from {}. This page is self-contained: it loads \
         nothing from the network.</p>",
        env!("CARGO_PKG_VERSION"),
        count(documents, "document")
    )?;
    if let Some((timings, options)) = timings {
        let rows: Vec<String> = timing_rows(timings, options)
            .iter()
            .map(|(stage, ms)| format!("{stage} {ms:.3}"))
            .collect();
        writeln!(out, "<p>Timings (ms): {}</p>", rows.join(" · "))?;
    }
    write!(
        out,
        "</footer>\n</div>\n<script>{}</script>\n</body>\n</html>\n",
        assets::SCRIPT
    )
}

/// `brief segment --format html`: every document's text with its units
/// marked by kind (headings bold, bylines and boilerplate muted).
pub(super) fn segments(
    out: &mut dyn Write,
    documents: &[crate::load::Document],
    units: &[Vec<crate::segment::Unit>],
) -> io::Result<()> {
    let heading = format!("Segmentation of {}", count(documents.len(), "document"));
    let lede = format!(
        "{} · headings in bold, bylines and boilerplate muted; every unit is an anchor \
         (#d1-u0 is unit 0 of document [1])",
        count(units.iter().map(Vec::len).sum(), "unit")
    );
    head(out, &heading)?;
    top(out, &heading, &lede, None)?;
    section(out, "sources", "Documents")?;
    sources::sources(out, documents, units, &vec![true; documents.len()], "")?;
    end_section(out)?;
    footer(out, documents.len(), None)
}
