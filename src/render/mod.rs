//! Stage 8b, *render*: the summary, the dedup report and the segmentation
//! as text, Markdown, JSON or a self-contained HTML page.
//!
//! Rendering writes to any [`std::io::Write`]; the library never writes to
//! standard output itself.

mod html;
mod json;
mod text;

use std::io::{self, Write};

pub use json::{DEDUP_SCHEMA, SEGMENT_SCHEMA, SUMMARY_SCHEMA};

use crate::layout::Layout;
use crate::load::Document;
use crate::pipeline::{Config, Dedup, Prepared, Summary, Timings};
use crate::segment::Unit;

/// Output format.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Plain text for people: numbered sentences with citation markers.
    #[default]
    Text,
    /// Markdown with the same content as text.
    Markdown,
    /// One JSON object, versioned by its `schema` field (see README).
    Json,
    /// One self-contained HTML page: facts with citation popups, the
    /// source × fact matrix, and the sources' full text.
    Html,
}

impl Format {
    /// How this format writes a summary, which is what a length budget
    /// counts: text and Markdown one sentence per line with ` …` after a cut
    /// sentence (Markdown escaped), JSON the sentences' `text` fields, taken
    /// as one per line; HTML shows what text shows (its escaping is markup,
    /// not characters a reader sees).
    pub fn layout(self) -> Layout {
        match self {
            Format::Text | Format::Html => Layout::TEXT,
            Format::Markdown => Layout::MARKDOWN,
            Format::Json => Layout::JSON,
        }
    }
}

/// What to show besides the results.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RenderOptions {
    /// Include per-stage wall times (makes output differ between runs).
    pub timings: bool,
    /// Time spent loading the input, measured by the caller.
    pub load_time: std::time::Duration,
    /// Levels by which a summary's Markdown headings go deeper: 0 for a
    /// page of its own (`# Summary`), 2 for a summary under a story's `##`
    /// heading (`### Summary`).
    pub heading_depth: usize,
}

/// Writes a summary.
pub fn summary(
    out: &mut dyn Write,
    format: Format,
    prepared: &Prepared,
    summary: &Summary,
    config: &Config,
    options: RenderOptions,
) -> io::Result<()> {
    match format {
        Format::Text => text::summary(out, prepared, summary, false, options),
        Format::Markdown => text::summary(out, prepared, summary, true, options),
        Format::Json => json::summary(out, prepared, summary, config, options),
        Format::Html => html::summary(out, prepared, summary, config, options),
    }
}

/// Writes a summary as one line of JSON (for JSON Lines output), tagged
/// with the topic's id and the warnings about its documents.
pub fn summary_json_line(
    out: &mut dyn Write,
    prepared: &Prepared,
    summary: &Summary,
    config: &Config,
    topic: &str,
    warnings: &[String],
    options: RenderOptions,
) -> io::Result<()> {
    json::summary_line(
        out,
        prepared,
        summary,
        config,
        json::Tag::Topic(topic, warnings),
        options,
    )
}

/// Writes a story's summary as one line of JSON, tagged with the story's id.
pub fn story_summary_json_line(
    out: &mut dyn Write,
    prepared: &Prepared,
    summary: &Summary,
    config: &Config,
    story: &str,
) -> io::Result<()> {
    json::summary_line(
        out,
        prepared,
        summary,
        config,
        json::Tag::Story(story),
        RenderOptions::default(),
    )
}

/// Writes a near-duplicate report.
pub fn dedup(
    out: &mut dyn Write,
    format: Format,
    prepared: &Prepared,
    dedup: &Dedup,
    config: &Config,
    options: RenderOptions,
) -> io::Result<()> {
    match format {
        Format::Text => text::dedup(out, prepared, dedup, false, options),
        Format::Markdown => text::dedup(out, prepared, dedup, true, options),
        Format::Json => json::dedup(out, prepared, dedup, config, options),
        Format::Html => html::dedup(out, prepared, dedup, config, options),
    }
}

/// Writes every unit of every document.
pub fn segments(
    out: &mut dyn Write,
    format: Format,
    documents: &[Document],
    units: &[Vec<Unit>],
) -> io::Result<()> {
    match format {
        Format::Text => text::segments(out, documents, units, false),
        Format::Markdown => text::segments(out, documents, units, true),
        Format::Json => json::segments(out, documents, units),
        Format::Html => html::segments(out, documents, units),
    }
}

/// "1 document", "2 documents".
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// Stage times in milliseconds, in pipeline order.
type TimingRows = [(&'static str, f64); 9];

/// The stage times of a run.
fn timing_rows(timings: &Timings, options: RenderOptions) -> TimingRows {
    let ms = |d: std::time::Duration| d.as_secs_f64() * 1000.0;
    [
        ("load", ms(options.load_time)),
        ("segment", ms(timings.segment)),
        ("analyze", ms(timings.analyze)),
        ("vectorize", ms(timings.vectorize)),
        ("cluster", ms(timings.cluster)),
        ("facts", ms(timings.facts)),
        ("disagree", ms(timings.disagree)),
        ("rank", ms(timings.rank)),
        ("select", ms(timings.select)),
    ]
}
