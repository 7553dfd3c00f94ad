//! The dev-set runner: summarize every topic of a DUC-style folder with
//! brief itself, then score the summaries like any others.
//!
//! A topic is a folder `<topic>/` with the articles in `docs/*.txt`, the
//! human summaries in `refs/*.txt` and, for query-focused tasks (DUC
//! 2005–2007), the question in `topic.txt` (`title: ...` and `narrative:
//! ...` lines), which becomes the summary's query ([`Config::query`]).
//! Topics are summarized in parallel; the result is sorted by topic id and
//! does not depend on the thread count.

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

/// Where the topics' queries come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Queries {
    /// A topic's `topic.txt`, when it has one, is its query; topics without
    /// one keep the query of the given config.
    FromTopicFiles,
    /// Every topic is summarized with the given config as it is.
    Ignore,
}

/// The query of a DUC topic file: the values of its `title:` and
/// `narrative:` lines (one per line, labels removed), or its whole text
/// when it has no such labels. `None` for a blank file.
pub fn topic_query(text: &str) -> Option<String> {
    let mut parts = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let value = ["title:", "narrative:"]
            .iter()
            .find_map(|label| line.strip_prefix(label))
            .unwrap_or(line);
        parts.push(value.trim());
    }
    let query = parts.join("\n");
    (!query.trim().is_empty()).then_some(query)
}

/// Summarizes `<dir>/<topic>/docs/` for every topic that also has
/// `refs/`, with `config` and each topic's `topic.txt` as its query, and
/// returns the topics with brief's summary as the candidate. A topic whose
/// documents yield no sentence gets an empty summary and a warning; a topic
/// without documents or references is an error.
pub fn summarize_topics(dir: &Path, config: &Config) -> Result<LoadedTopics> {
    summarize_topics_with(dir, config, Queries::FromTopicFiles).map(|(loaded, _)| loaded)
}

/// [`summarize_topics`], choosing where queries come from; also returns how
/// many topics were summarized with a query.
pub fn summarize_topics_with(
    dir: &Path,
    config: &Config,
    queries: Queries,
) -> Result<(LoadedTopics, usize)> {
    let pipeline = Pipeline::new(config.clone())?;
    let topic_dirs = list_dir(dir, |p| p.join("refs").is_dir() && p.join("docs").is_dir())?;
    if topic_dirs.is_empty() {
        return Err(Error::Input {
            location: dir.display().to_string(),
            message: "no topic folders with docs/ and refs/ subfolders".to_string(),
        });
    }
    let results: Vec<Result<(Topic, Option<String>, bool)>> = topic_dirs
        .par_iter()
        .map(|topic_dir| {
            let query_file = topic_dir.join("topic.txt");
            let query = match queries {
                Queries::FromTopicFiles if query_file.is_file() => {
                    topic_query(&read_text(&query_file)?)
                }
                _ => None,
            };
            match query {
                Some(query) => {
                    let with_query = Pipeline::new(Config {
                        query: Some(query),
                        ..config.clone()
                    })?;
                    summarize_topic(&with_query, topic_dir)
                }
                None => summarize_topic(&pipeline, topic_dir),
            }
        })
        .collect();
    let mut loaded = LoadedTopics::default();
    let mut with_query = 0;
    for result in results {
        let (topic, warning, queried) = result?;
        loaded.warnings.extend(warning);
        loaded.topics.push(topic);
        with_query += usize::from(queried);
    }
    loaded.topics.sort_by(|a, b| a.id.cmp(&b.id));
    Ok((loaded, with_query))
}

/// One topic's summary, a warning if it has none, and whether it was
/// summarized with a query.
fn summarize_topic(pipeline: &Pipeline, topic_dir: &Path) -> Result<(Topic, Option<String>, bool)> {
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
    let loaded = load::load_paths(&docs, InputFormat::Text);
    let mut warning = None;
    let candidate = match pipeline.prepare(loaded.documents) {
        Ok(prepared) if !prepared.analysis.sentences.is_empty() => {
            summary_text(&prepared, &pipeline.summarize(&prepared))
        }
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
        pipeline.config().query.is_some(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn topic_query_drops_the_labels() {
        let text = "title: Southern Poverty Law Center\nnarrative: Describe its activities.\n";
        assert_eq!(
            topic_query(text).as_deref(),
            Some("Southern Poverty Law Center\nDescribe its activities.")
        );
        assert_eq!(
            topic_query("What happened?").as_deref(),
            Some("What happened?")
        );
        assert_eq!(topic_query(" \n\n"), None);
    }
}
