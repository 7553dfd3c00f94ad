//! One cited summary per story: the pipeline run on each story's documents,
//! stories in parallel, output written in story order as it is made.
//!
//! Stories are summarized in blocks: each block's stories run in parallel
//! and are rendered to bytes, which are written before the next block
//! starts, so memory holds one block of pipeline state, not all of them.

use std::io::{self, Write};

use rayon::prelude::*;

use super::render;
use super::{Stories, StoryConfig};
use crate::load::Document;
use crate::pipeline::Pipeline;
use crate::render::Format;

/// Stories summarized per block.
const STORIES_PER_BLOCK: usize = 64;

/// What happened to one story's summary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Written.
    Summarized,
    /// Not summarized, and why (listed with the story).
    Failed(String),
}

/// Summarizes every story and writes the output: in `Format::Json`, one
/// `brief.summary/1` line per story and a final `brief.stories/1` line; in
/// text or Markdown, each story's summary under a heading, then the
/// documents in no story.
pub fn write(
    out: &mut dyn Write,
    format: Format,
    pipeline: &Pipeline,
    documents: &[Document],
    stories: &Stories,
    config: &StoryConfig,
) -> io::Result<Vec<Outcome>> {
    let groups = &stories.grouping.groups;
    if format != Format::Json {
        render::text_header(out, format, documents.len(), stories)?;
    }
    let mut outcomes = Vec::with_capacity(groups.len());
    for (block, chunk) in groups.chunks(STORIES_PER_BLOCK).enumerate() {
        let rendered: Vec<(Vec<u8>, Outcome)> = chunk
            .par_iter()
            .enumerate()
            .map(|(k, group)| {
                let index = block * STORIES_PER_BLOCK + k;
                let docs: Vec<Document> = group
                    .documents
                    .iter()
                    .map(|&d| documents[d as usize].clone())
                    .collect();
                let mut bytes = Vec::new();
                let outcome = summarize_story(&mut bytes, format, pipeline, docs, stories, index);
                (bytes, outcome)
            })
            .collect();
        for (bytes, outcome) in rendered {
            out.write_all(&bytes)?;
            outcomes.push(outcome);
        }
    }
    match format {
        Format::Json => render::listing_json_line(out, documents, stories, config, &outcomes)?,
        _ => render::text_alone(out, format, documents, stories)?,
    }
    Ok(outcomes)
}

/// Runs the pipeline on one story and renders its summary into `out`.
fn summarize_story(
    out: &mut Vec<u8>,
    format: Format,
    pipeline: &Pipeline,
    documents: Vec<Document>,
    stories: &Stories,
    index: usize,
) -> Outcome {
    let id = Stories::id(index);
    let group = &stories.grouping.groups[index];
    let terms = match format {
        Format::Json => Vec::new(),
        _ => render::shown_terms(group, stories, &documents, pipeline.analyzer()),
    };
    let result = (|| -> Result<(), String> {
        let prepared = pipeline.prepare(documents).map_err(|e| e.to_string())?;
        if prepared.analysis.sentences.is_empty() {
            return Err("no sentences found in the topic's documents".to_string());
        }
        let summary = pipeline.summarize(&prepared);
        if summary.sentences.is_empty() {
            return Err(pipeline.why_empty(&prepared));
        }
        let written = match format {
            Format::Json => crate::render::story_summary_json_line(
                out,
                &prepared,
                &summary,
                pipeline.config(),
                &id,
            ),
            _ => render::text_story(out, format, &id, group, &terms, |out| {
                crate::render::summary(
                    out,
                    format,
                    &prepared,
                    &summary,
                    pipeline.config(),
                    crate::render::RenderOptions {
                        heading_depth: 2,
                        ..Default::default()
                    },
                )
            }),
        };
        written.map_err(|e| e.to_string())
    })();
    match result {
        Ok(()) => Outcome::Summarized,
        Err(message) => {
            out.clear();
            if format != Format::Json {
                let _ = render::text_story(out, format, &id, group, &terms, |out| {
                    writeln!(out, "(no summary: {message})")
                });
            }
            Outcome::Failed(message)
        }
    }
}
