//! The dev-set runner: summarize every topic of a DUC-style folder with
//! brief itself, then score the summaries like any others.
//!
//! A topic is a folder `<topic>/` with the articles in `docs/*.txt` and the
//! human summaries in `refs/*.txt`, and for a query-focused task (DUC
//! 2005-2007) the question in `topic.txt` (`title: ...` and `narrative:
//! ...` lines), which becomes the summary's query. Topics are summarized in
//! parallel; the result is sorted by topic id and does not depend on the
//! thread count.

use std::path::Path;

use rayon::prelude::*;

use super::data::{is_txt, list_dir, read_text};
use super::{LoadedTopics, Topic};
use crate::error::{Error, Result};
use crate::layout::Layout;
use crate::load::{self, InputFormat};
use crate::pipeline::{Config, Pipeline, Prepared, Summary};

/// A summary as ROUGE reads it: one sentence per line, written as
/// [`Layout::LINES`] writes it (a hard-wrapped sentence's line break becomes
/// a space), which is the form the summary's length budget counted.
pub fn summary_text(prepared: &Prepared, summary: &Summary) -> String {
    let layout = Layout::LINES;
    summary
        .sentences
        .iter()
        .map(|s| layout.write(prepared.text(&s.representative)))
        .collect::<Vec<_>>()
        .join(layout.separator)
}

/// Whether `<topic>/topic.txt` is the summary's query.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Queries {
    /// Query-focused: a topic with a `topic.txt` is summarized to answer it.
    FromTopic,
    /// Generic summaries, whatever the topic folders hold.
    Ignore,
}

/// Summarizes `<dir>/<topic>/docs/` for every topic that also has
/// `refs/`, with `config` (and each topic's query, see [`Queries`]), and
/// returns the topics with brief's summary as the candidate. A topic whose
/// documents yield no sentence gets an empty summary and a warning; a topic
/// without documents or references is an error.
pub fn summarize_topics(dir: &Path, config: &Config, queries: Queries) -> Result<LoadedTopics> {
    // The budget counts what ROUGE reads: the summary as `summary_text`
    // writes it, a sentence per line.
    let pipeline = Pipeline::new(Config {
        layout: Layout::LINES,
        ..config.clone()
    })?;
    let topic_dirs = list_dir(dir, |p| p.join("refs").is_dir() && p.join("docs").is_dir())?;
    if topic_dirs.is_empty() {
        return Err(Error::Input {
            location: dir.display().to_string(),
            message: "no topic folders with docs/ and refs/ subfolders".to_string(),
        });
    }
    let results: Vec<Result<(Topic, Option<String>)>> = topic_dirs
        .par_iter()
        .map(|topic_dir| summarize_topic(&pipeline, topic_dir, queries))
        .collect();
    let mut loaded = LoadedTopics::default();
    for result in results {
        let (topic, warning) = result?;
        loaded.warnings.extend(warning);
        loaded.topics.push(topic);
    }
    loaded.topics.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(loaded)
}

fn summarize_topic(
    pipeline: &Pipeline,
    topic_dir: &Path,
    queries: Queries,
) -> Result<(Topic, Option<String>)> {
    let id = topic_dir
        .file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let references = list_dir(&topic_dir.join("refs"), is_txt)?
        .iter()
        .map(|path| read_text(path))
        .collect::<Result<Vec<_>>>()?;
    let docs = list_dir(&topic_dir.join("docs"), is_txt)?;
    if references.is_empty() || docs.is_empty() {
        return Err(Error::Input {
            location: topic_dir.display().to_string(),
            message: "a topic needs docs/*.txt and refs/*.txt".to_string(),
        });
    }
    let query_path = topic_dir.join("topic.txt");
    let query = match queries {
        Queries::FromTopic if query_path.is_file() => Some(read_text(&query_path)?),
        _ => pipeline.config().query.clone(),
    };
    let loaded = load::load_paths(&docs, InputFormat::Text);
    let mut warning = None;
    let candidate = match pipeline.prepare(loaded.documents) {
        Ok(prepared) if !prepared.analysis.sentences.is_empty() => summary_text(
            &prepared,
            &pipeline.summarize_query(&prepared, query.as_deref()),
        ),
        _ => {
            warning = Some(format!(
                "topic {id}: no sentences, scored as an empty summary"
            ));
            String::new()
        }
    };
    Ok((
        Topic {
            id,
            candidate,
            references,
        },
        warning,
    ))
}
