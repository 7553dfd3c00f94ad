//! Text and Markdown for people. The two differ only in markup, so one
//! writer serves both, switched by `markdown`.

use std::io::{self, Write};

use super::{timing_rows, RenderOptions};
use crate::cite::SummarySentence;
use crate::disagree::Severity;
use crate::load::Document;
use crate::pipeline::{Dedup, Prepared, Summary};
use crate::segment::{Unit, UnitKind};

/// Source text as Markdown shows it literally: characters that would start
/// emphasis, links, headings, HTML or table cells are backslash-escaped.
fn escape(text: &str, markdown: bool) -> std::borrow::Cow<'_, str> {
    const SPECIAL: &[char] = &['\\', '`', '*', '_', '[', ']', '<', '>', '#', '|'];
    if !markdown || !text.contains(SPECIAL) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if SPECIAL.contains(&c) {
            out.push('\\');
        }
        out.push(c);
    }
    std::borrow::Cow::Owned(out)
}

/// "1 document", "2 documents".
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// `[1][3][4]`: the 1-based numbers of the documents a sentence cites.
fn markers(sentence: &SummarySentence) -> String {
    let mut docs: Vec<u32> = sentence
        .citations
        .iter()
        .map(|c| c.sentence.document)
        .collect();
    docs.dedup();
    docs.iter().map(|d| format!("[{}]", d + 1)).collect()
}

/// One line per conflict among a fact's sources: "sources differ: 12
/// minutes [1][5] / 10 minutes [4]", each value as its first source wrote
/// it. Nuances ("nearly three hours" against "three hours") are left to
/// the JSON.
fn differences(
    out: &mut dyn Write,
    prepared: &Prepared,
    sentence: &SummarySentence,
    indent: &str,
    markdown: bool,
) -> io::Result<()> {
    for d in sentence
        .disagreements
        .iter()
        .filter(|d| d.severity == Severity::Conflict)
    {
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
        let label = if markdown {
            "- _sources differ:_"
        } else {
            "sources differ:"
        };
        writeln!(out, "{indent}{label} {}", values.join(" / "))?;
    }
    Ok(())
}

fn sources(out: &mut dyn Write, documents: &[Document], markdown: bool) -> io::Result<()> {
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        if markdown { "## Sources\n" } else { "Sources:" }
    )?;
    for (i, doc) in documents.iter().enumerate() {
        let date = doc
            .date
            .as_deref()
            .map(|d| format!(" ({d})"))
            .unwrap_or_default();
        let title = doc
            .title
            .as_deref()
            .map(|t| format!(" {t:?}"))
            .unwrap_or_default();
        if markdown {
            writeln!(
                out,
                "{}. **{}**{title}{date}: `{}`",
                i + 1,
                doc.id,
                doc.source
            )?;
        } else {
            writeln!(out, "  [{}] {}{title}{date} {}", i + 1, doc.id, doc.source)?;
        }
    }
    Ok(())
}

fn timings(out: &mut dyn Write, rows: [(&'static str, f64); 8], markdown: bool) -> io::Result<()> {
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        if markdown {
            "## Timings (ms)\n"
        } else {
            "Timings (ms):"
        }
    )?;
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
        writeln!(out, "# Summary\n\n_{heading}_\n")?;
    } else {
        writeln!(out, "{heading}\n")?;
    }
    for (i, sentence) in summary.sentences.iter().enumerate() {
        let text = escape(prepared.text(&sentence.representative), markdown);
        let cut = if sentence.truncated { " …" } else { "" };
        writeln!(out, "{}. {text}{cut} {}", i + 1, markers(sentence))?;
        differences(out, prepared, sentence, "   ", markdown)?;
    }
    sources(out, &prepared.documents, markdown)?;
    if options.timings {
        timings(out, timing_rows(&summary.timings, options), markdown)?;
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
            "{} near-duplicate clusters in {} documents ({} sentences)",
            dedup.clusters.len(),
            prepared.documents.len(),
            prepared.analysis.sentences.len()
        ))
    )?;
    for (i, cluster) in dedup.clusters.iter().enumerate() {
        writeln!(
            out,
            "\n{}",
            if markdown {
                format!(
                    "### Cluster {}: {} sentences, {} documents\n",
                    i + 1,
                    cluster.citations.len(),
                    cluster.support
                )
            } else {
                format!(
                    "Cluster {}: {} sentences, {} documents",
                    i + 1,
                    cluster.citations.len(),
                    cluster.support
                )
            }
        )?;
        for c in &cluster.citations {
            let doc = &prepared.documents[c.sentence.document as usize];
            let bullet = if markdown { "-" } else { " " };
            writeln!(
                out,
                "{bullet} [{}] {} #{} ({:.2}): {}",
                c.sentence.document + 1,
                doc.id,
                c.sentence.unit,
                c.similarity,
                escape(prepared.text(&c.sentence), markdown)
            )?;
        }
        differences(
            out,
            prepared,
            cluster,
            if markdown { "" } else { "  " },
            markdown,
        )?;
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
    sources(out, &prepared.documents, markdown)?;
    if options.timings {
        timings(out, timing_rows(&prepared.timings, options), markdown)?;
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
        if markdown {
            writeln!(out, "## {}\n", doc.id)?;
            writeln!(out, "| # | kind | bytes | text |\n|---|---|---|---|")?;
        } else {
            writeln!(out, "== {} ({})", doc.id, doc.source)?;
        }
        for (i, u) in doc_units.iter().enumerate() {
            let text = &doc.text[u.start..u.end];
            let kind = match u.kind {
                UnitKind::Sentence => "sentence",
                UnitKind::Heading => "heading",
                UnitKind::Byline => "byline",
                UnitKind::Boilerplate => "boilerplate",
            };
            if markdown {
                writeln!(
                    out,
                    "| {i} | {kind} | {}..{} | {} |",
                    u.start,
                    u.end,
                    escape(text, true)
                )?;
            } else {
                writeln!(out, "{i:>4} {kind:<11} {:>6}..{:<6} {text}", u.start, u.end)?;
            }
        }
        writeln!(out)?;
    }
    Ok(())
}
