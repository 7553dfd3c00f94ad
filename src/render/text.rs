//! Text and Markdown for people. The two differ only in markup, so one
//! writer serves both, switched by `markdown`.

use std::io::{self, Write};

use super::{count, timing_rows, RenderOptions, TimingRows};
use crate::cite::{Citation, SummarySentence};
use crate::disagree::Severity;
use crate::layout::{code_span, Layout};
use crate::load::Document;
use crate::pipeline::{Dedup, Prepared, Summary};
use crate::segment::{Unit, UnitKind};

/// How source text is written: on one line (a hard-wrapped sentence's line
/// breaks become spaces), and for Markdown with the characters that would
/// start emphasis, links, headings, HTML or table cells backslash-escaped.
fn layout(markdown: bool) -> Layout {
    if markdown {
        Layout::MARKDOWN
    } else {
        Layout::TEXT
    }
}

fn escape(text: &str, markdown: bool) -> std::borrow::Cow<'_, str> {
    layout(markdown).write(text)
}

/// `[1][3][4]`: the 1-based numbers of the documents cited (citations are
/// sorted by document).
fn markers(citations: &[Citation]) -> String {
    let mut docs: Vec<u32> = citations.iter().map(|c| c.sentence.document).collect();
    docs.dedup();
    docs.iter().map(|d| format!("[{}]", d + 1)).collect()
}

/// One line per disagreement among a fact's sources, each value as its
/// first source wrote it: "sources differ: just 12 minutes [1][5] / barely
/// 10 minutes [4]" for a conflict, "sources differ in precision:
/// three-hour [2] / nearly three hours [3]" for a nuance (values that can
/// all be true).
fn differences(
    out: &mut dyn Write,
    prepared: &Prepared,
    sentence: &SummarySentence,
    indent: &str,
    markdown: bool,
) -> io::Result<()> {
    for d in &sentence.disagreements {
        let values: Vec<String> = d
            .values
            .iter()
            .map(|v| {
                let first = &v.statements[0];
                let written = &prepared.documents[first.sentence.document as usize].text
                    [first.start..first.end];
                let mut docs: Vec<u32> = v.statements.iter().map(|s| s.sentence.document).collect();
                docs.dedup();
                let marks: String = docs.iter().map(|d| format!("[{}]", d + 1)).collect();
                format!("{} {}", escape(written, markdown), marks)
            })
            .collect();
        // Markdown: a list item, nested under a summary sentence or after
        // a cluster's members.
        let label = match (d.severity, markdown) {
            (Severity::Conflict, false) => "sources differ:",
            (Severity::Conflict, true) => "- _sources differ:_",
            (Severity::Nuance, false) => "sources differ in precision:",
            (Severity::Nuance, true) => "- _sources differ in precision:_",
        };
        writeln!(out, "{indent}{label} {}", values.join(" / "))?;
    }
    Ok(())
}

/// A Markdown heading of `level` (1 is `#`), `depth` levels deeper.
fn heading(level: usize, depth: usize) -> String {
    "#".repeat(level + depth)
}

fn sources(
    out: &mut dyn Write,
    documents: &[Document],
    markdown: bool,
    depth: usize,
) -> io::Result<()> {
    writeln!(out)?;
    if markdown {
        writeln!(out, "{} Sources\n", heading(2, depth))?;
    } else {
        writeln!(out, "Sources:")?;
    }
    // Ids, titles and paths come from the input: written so that none can
    // break a line or carry markup (`Layout::label`).
    let layout = layout(markdown);
    for (i, doc) in documents.iter().enumerate() {
        let date = doc
            .date
            .as_deref()
            .map(|d| format!(" ({d})"))
            .unwrap_or_default();
        let title = doc
            .title
            .as_deref()
            .map(|t| format!(" \"{}\"", layout.label(t)))
            .unwrap_or_default();
        let id = layout.label(&doc.id);
        if markdown {
            let source = code_span(&doc.source);
            writeln!(out, "{}. **{id}**{title}{date}: {source}", i + 1)?;
        } else {
            let source = layout.label(&doc.source);
            writeln!(out, "  [{}] {id}{title}{date} {source}", i + 1)?;
        }
    }
    Ok(())
}

fn timings(out: &mut dyn Write, rows: TimingRows, markdown: bool, depth: usize) -> io::Result<()> {
    writeln!(out)?;
    if markdown {
        writeln!(out, "{} Timings (ms)\n", heading(2, depth))?;
    } else {
        writeln!(out, "Timings (ms):")?;
    }
    for (stage, ms) in rows {
        if markdown {
            writeln!(out, "- {stage}: {ms:.3}")?;
        } else {
            writeln!(out, "  {stage:<10} {ms:>10.3}")?;
        }
    }
    Ok(())
}

pub(super) fn summary(
    out: &mut dyn Write,
    prepared: &Prepared,
    summary: &Summary,
    markdown: bool,
    options: RenderOptions,
) -> io::Result<()> {
    let shared = summary.sentences.iter().filter(|s| s.support >= 2).count();
    let heading = format!(
        "Summary of {}: {}, {} stated by several sources",
        count(prepared.documents.len(), "document"),
        count(summary.sentences.len(), "sentence"),
        shared
    );
    if markdown {
        writeln!(
            out,
            "{} Summary\n\n_{heading}_\n",
            self::heading(1, options.heading_depth)
        )?;
    } else {
        writeln!(out, "{heading}\n")?;
    }
    // The sentences and the cut mark as the budget counted them (see
    // `crate::layout`); numbers and citation markers are apparatus.
    let layout = layout(markdown);
    for (i, sentence) in summary.sentences.iter().enumerate() {
        let text = layout.write(prepared.text(&sentence.representative));
        let cut = if sentence.truncated {
            layout.cut_mark
        } else {
            ""
        };
        let all = markers(&sentence.citations);
        writeln!(out, "{}. {text}{cut} {all}", i + 1)?;
        // Which fact each source states, when not every source states all.
        let by_fact: Vec<String> = sentence
            .facts
            .iter()
            .map(|f| markers(&f.citations))
            .collect();
        if by_fact.len() >= 2 && by_fact.iter().any(|m| *m != all) {
            for (fact, m) in sentence.facts.iter().zip(&by_fact) {
                let text = layout.write(prepared.text(&fact.fact));
                writeln!(out, "   - {text} {m}")?;
            }
        }
        differences(out, prepared, sentence, "   ", markdown)?;
    }
    sources(out, &prepared.documents, markdown, options.heading_depth)?;
    if options.timings {
        timings(
            out,
            timing_rows(&summary.timings, options),
            markdown,
            options.heading_depth,
        )?;
    }
    Ok(())
}

pub(super) fn dedup(
    out: &mut dyn Write,
    prepared: &Prepared,
    dedup: &Dedup,
    markdown: bool,
    options: RenderOptions,
) -> io::Result<()> {
    let title = |s: String| if markdown { format!("## {s}\n") } else { s };
    writeln!(
        out,
        "{}",
        title(format!(
            "{} in {} ({})",
            count(dedup.clusters.len(), "near-duplicate cluster"),
            count(prepared.documents.len(), "document"),
            count(prepared.analysis.sentences.len(), "sentence")
        ))
    )?;
    for (i, cluster) in dedup.clusters.iter().enumerate() {
        cluster_lines(out, prepared, i, cluster, "sentence", markdown)?;
        differences(
            out,
            prepared,
            cluster,
            if markdown { "" } else { "  " },
            markdown,
        )?;
    }
    // Fact clusters of whole sentences only are the sentence clusters above
    // (or nearly): show those that hold a part of a longer sentence.
    let below: Vec<&SummarySentence> = dedup
        .fact_clusters
        .iter()
        .filter(|c| {
            c.citations.iter().any(|m| {
                let sentence =
                    prepared.units[m.sentence.document as usize][m.sentence.unit as usize];
                (m.sentence.start, m.sentence.end) != (sentence.start, sentence.end)
            })
        })
        .collect();
    if !below.is_empty() {
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            title(format!(
                "{} fact clusters with parts of longer sentences",
                below.len()
            ))
        )?;
        for (i, cluster) in below.into_iter().enumerate() {
            cluster_lines(out, prepared, i, cluster, "fact", markdown)?;
        }
    }
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        title("Document pairs sharing sentences".to_string())
    )?;
    if dedup.document_pairs.is_empty() {
        writeln!(out, "  (none)")?;
    }
    for p in &dedup.document_pairs {
        let id = |d: u32| &prepared.documents[d as usize].id;
        let bullet = if markdown { "-" } else { " " };
        writeln!(
            out,
            "{bullet} [{}] {} ~ [{}] {}: {} shared, overlap {:.2}",
            p.a + 1,
            id(p.a),
            p.b + 1,
            id(p.b),
            p.shared,
            p.overlap
        )?;
    }
    sources(out, &prepared.documents, markdown, 0)?;
    if options.timings {
        timings(out, timing_rows(&prepared.timings, options), markdown, 0)?;
    }
    Ok(())
}

/// One cluster of the dedup report: a heading, then each member.
fn cluster_lines(
    out: &mut dyn Write,
    prepared: &Prepared,
    i: usize,
    cluster: &SummarySentence,
    what: &str,
    markdown: bool,
) -> io::Result<()> {
    {
        let heading = format!(
            "Cluster {}: {}, {}",
            i + 1,
            count(cluster.citations.len(), what),
            count(cluster.support as usize, "document")
        );
        if markdown {
            writeln!(out, "\n### {heading}\n")?;
        } else {
            writeln!(out, "\n{heading}")?;
        }
        for c in &cluster.citations {
            let doc = &prepared.documents[c.sentence.document as usize];
            let bullet = if markdown { "-" } else { " " };
            writeln!(
                out,
                "{bullet} [{}] {} #{} ({:.2}): {}",
                c.sentence.document + 1,
                layout(markdown).label(&doc.id),
                c.sentence.unit,
                c.similarity,
                escape(prepared.text(&c.sentence), markdown)
            )?;
        }
    }
    Ok(())
}

pub(super) fn segments(
    out: &mut dyn Write,
    documents: &[Document],
    units: &[Vec<Unit>],
    markdown: bool,
) -> io::Result<()> {
    for (doc, doc_units) in documents.iter().zip(units) {
        let layout = layout(markdown);
        if markdown {
            writeln!(out, "## {}\n", layout.label(&doc.id))?;
            writeln!(out, "| # | kind | bytes | text |\n|---|---|---|---|")?;
        } else {
            let (id, source) = (layout.label(&doc.id), layout.label(&doc.source));
            writeln!(out, "== {id} ({source})")?;
        }
        for (i, u) in doc_units.iter().enumerate() {
            let text = escape(&doc.text[u.start..u.end], markdown);
            let kind = match u.kind {
                UnitKind::Sentence => "sentence",
                UnitKind::Heading => "heading",
                UnitKind::Byline => "byline",
                UnitKind::Boilerplate => "boilerplate",
            };
            if markdown {
                writeln!(out, "| {i} | {kind} | {}..{} | {} |", u.start, u.end, text)?;
            } else {
                writeln!(out, "{i:>4} {kind:<11} {:>6}..{:<6} {text}", u.start, u.end)?;
            }
        }
        writeln!(out)?;
    }
    Ok(())
}
