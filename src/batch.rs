//! Batch mode: many topics, each a set of documents, summarized in one run.
//!
//! Input is JSON Lines, one topic per line:
//! `{"id": "t1", "documents": [{"id": "a", "text": "...", "title"?, "date"?, "url"?}, ...], "query"?: "..."}`;
//! a topic with a `query` gets a summary that answers it (as `--query`).
//! Output is JSON Lines in input order: one `brief.summary/1` object per
//! topic (with a `topic` field), or a `brief.error/1` object
//! `{"schema", "file", "line", "id", "error"}` for a topic that could not be
//! summarized, after which the batch goes on.
//!
//! Input is read in blocks of topics: each block is parsed in parallel, its
//! topic ids checked against the earlier ones (a repeated id is a warning),
//! summarized in parallel and written before the next is read, so memory
//! holds one block (and the ids),
//! not the whole input.

use std::io::{self, BufRead, Write};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::load::{dedupe_documents, JsonlRecord, ObjectOnly, UTF8_BOM};
use crate::pipeline::{Config, Pipeline};
use crate::render::{self, RenderOptions};

/// Schema of the error objects in batch output.
pub const ERROR_SCHEMA: &str = "brief.error/1";

/// Topics read and summarized per block: enough to keep every core busy,
/// few enough to bound memory.
const TOPICS_PER_BLOCK: usize = 64;

/// Counts of one batch run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BatchStats {
    /// Topics summarized.
    pub summarized: usize,
    /// Topics reported as errors.
    pub failed: usize,
}

/// The fields of a topic line.
const TOPIC_FIELDS: [&str; 3] = ["id", "documents", "query"];

#[derive(Deserialize)]
struct TopicRecord {
    id: serde_json::Value,
    /// Read one by one, so that a bad document costs itself only.
    documents: Vec<serde_json::Value>,
    /// A question this topic's summary should answer.
    #[serde(default)]
    query: Option<String>,
}

#[derive(Serialize)]
struct ErrorJson<'a> {
    schema: &'static str,
    /// The input the line is in (`<stdin>` for standard input): with
    /// several inputs, `line` alone does not say where.
    file: &'a str,
    line: usize,
    id: Option<&'a str>,
    error: &'a str,
}

/// Summarizes every topic of `input` (named `source` in messages) with
/// `pipeline`, writing one JSON line per topic to `out`. `on_topic` is
/// called once per finished topic (from any thread), e.g. for progress.
///
/// Fails only when the input cannot be read ([`Error::Input`]) or the
/// output written ([`Error::Output`], destination `output`); a bad topic
/// is an error line, and the batch goes on.
pub fn run(
    pipeline: &Pipeline,
    mut input: impl BufRead,
    source: &str,
    out: &mut dyn Write,
    on_topic: &(dyn Fn() + Sync),
) -> Result<BatchStats> {
    let read_error = |err: io::Error| Error::Input {
        location: source.to_string(),
        message: crate::load::describe_io_error(&err),
    };
    let write_error = |source: io::Error| Error::Output {
        destination: "output".to_string(),
        source,
    };
    let mut stats = BatchStats::default();
    let mut line_number = 0;
    // The line of each topic id's first topic (ids only, however long the
    // input; looked up, never iterated, so the seed cannot show).
    let mut first_line_of: rustc_hash::FxHashMap<String, usize> = Default::default();
    loop {
        let mut block: Vec<(usize, Vec<u8>)> = Vec::with_capacity(TOPICS_PER_BLOCK);
        while block.len() < TOPICS_PER_BLOCK {
            let mut line = Vec::new();
            if input.read_until(b'\n', &mut line).map_err(read_error)? == 0 {
                break;
            }
            line_number += 1;
            // A UTF-8 byte-order mark before the first line (as editors on
            // Windows write it) is no part of the JSON.
            if line_number == 1 && line.starts_with(UTF8_BOM) {
                line.drain(..UTF8_BOM.len());
            }
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            block.push((line_number, line));
        }
        if block.is_empty() {
            break;
        }
        let mut topics: Vec<Topic> = block
            .par_iter()
            .map(|(line, bytes)| read_topic(*line, bytes))
            .collect();
        // A repeated topic id: both topics are summarized, and the later
        // one says which line had the id first (a program that keys the
        // output by id would lose one).
        for topic in &mut topics {
            let (Some(id), Ok(_)) = (&topic.id, &topic.record) else {
                continue;
            };
            match first_line_of.entry(id.clone()) {
                std::collections::hash_map::Entry::Occupied(first) => topic.warnings.push(format!(
                    "topic id {id:?} is also the id of the topic on line {}",
                    first.get()
                )),
                std::collections::hash_map::Entry::Vacant(slot) => {
                    slot.insert(topic.line);
                }
            }
        }
        let results: Vec<(Vec<u8>, bool)> = topics
            .into_par_iter()
            .map(|topic| {
                let result = summarize_topic(pipeline, source, topic);
                on_topic();
                result
            })
            .collect();
        for (json, ok) in results {
            out.write_all(&json).map_err(write_error)?;
            if ok {
                stats.summarized += 1;
            } else {
                stats.failed += 1;
            }
        }
    }
    Ok(stats)
}

/// One topic line as read: its id, the warnings so far, and its record or
/// why it has none.
struct Topic {
    line: usize,
    id: Option<String>,
    warnings: Vec<String>,
    record: std::result::Result<TopicRecord, String>,
}

/// Reads the topic on input line `line`.
fn read_topic(line: usize, bytes: &[u8]) -> Topic {
    let mut id = None;
    let mut warnings: Vec<String> = Vec::new();
    let record = (|| -> std::result::Result<TopicRecord, String> {
        let text = std::str::from_utf8(bytes)
            .map_err(|e| format!("invalid UTF-8 at byte {}", e.valid_up_to()))?;
        // Read the id on its own first, so an error about the rest of the
        // record can still name the topic.
        if let Ok(serde_json::Value::Object(fields)) =
            serde_json::from_str::<serde_json::Value>(text)
        {
            id = fields.get("id").and_then(json_id);
            // A misspelt field (`querry`) would be ignored without a word.
            warnings.extend(
                fields
                    .keys()
                    .filter(|k| !TOPIC_FIELDS.contains(&k.as_str()))
                    .map(|k| {
                        format!(
                            "field {k:?} is not read (a topic has {})",
                            TOPIC_FIELDS.join(", ")
                        )
                    }),
            );
        }
        let record = serde_json::from_str::<ObjectOnly<TopicRecord>>(text);
        let record = record.map(|r| r.0).map_err(|e| {
            if e.is_data() {
                format!("not a topic object: {e} (expected {{\"id\": ..., \"documents\": [...]}})")
            } else {
                format!("malformed JSON: {e}")
            }
        })?;
        id = Some(json_id(&record.id).ok_or("field `id` must be a non-empty string or a number")?);
        Ok(record)
    })();
    Topic {
        line,
        id,
        warnings,
        record,
    }
}

/// The output line of one topic, and whether it is a summary.
fn summarize_topic(pipeline: &Pipeline, source: &str, topic: Topic) -> (Vec<u8>, bool) {
    let mut out = Vec::new();
    let Topic {
        line,
        id: topic_id,
        mut warnings,
        record,
    } = topic;
    let result = (|| -> Result<(), String> {
        let record = record?;
        let id = topic_id.clone().expect("a topic read has an id");
        // Documents are read as `--input-format jsonl` reads them: a bad
        // document (not an object, no id, text that is no string) is left
        // out and the rest summarized; a bad date or title is dropped, a
        // document without text or repeating an earlier one's text is left
        // out, repeated ids are renamed. Each is a warning in the output.
        let mut documents = Vec::with_capacity(record.documents.len());
        let mut positions = Vec::with_capacity(record.documents.len());
        for (k, value) in record.documents.into_iter().enumerate() {
            let n = k + 1;
            let doc = match serde_json::from_value::<ObjectOnly<JsonlRecord>>(value) {
                Ok(ObjectOnly(doc)) => doc,
                Err(e) => {
                    warnings.push(format!("document {n}: {e}; left out"));
                    continue;
                }
            };
            if !doc.has_text() {
                warnings.push(format!("document {n}: no text; left out"));
                continue;
            }
            match doc.into_document(format!("{source}:{line}")) {
                Ok((document, notes)) => {
                    let id = &document.id;
                    warnings.extend(
                        notes
                            .iter()
                            .map(|note| format!("document {n} ({id:?}): {note}")),
                    );
                    documents.push(document);
                    positions.push(n);
                }
                Err(message) => warnings.push(format!("document {n}: {message}; left out")),
            }
        }
        // Repeated texts and ids, named by position as above: each
        // document's source is its position while they are checked.
        let location = format!("{source}:{line}");
        for (document, n) in documents.iter_mut().zip(&positions) {
            document.source = format!("document {n}");
        }
        let mut problems = Vec::new();
        let mut documents = dedupe_documents(documents, &mut problems);
        warnings.extend(problems.iter().map(ToString::to_string));
        for document in &mut documents {
            document.source.clone_from(&location);
        }
        if documents.is_empty() {
            return Err(if warnings.is_empty() {
                "topic has no document with text".to_string()
            } else {
                format!("topic has no usable document ({})", warnings.join("; "))
            });
        }
        // The topic's own query, checked like --query.
        let config = Config {
            query: record.query,
            ..pipeline.config().clone()
        };
        config.validate().map_err(|e| match e {
            crate::Error::Config { message, .. } => format!("field `query` {message}"),
            other => other.to_string(),
        })?;
        let prepared = pipeline.prepare(documents).map_err(|e| e.to_string())?;
        if prepared.analysis.sentences.is_empty() {
            return Err("no sentences found in the topic's documents".to_string());
        }
        // A query none of whose words the documents use: the generic
        // summary, said so (as on the command line).
        let mut config = config;
        if let Some(query) = config.query.as_deref() {
            if !pipeline.query_matches(&prepared, query) {
                warnings.push(format!(
                    "no word of the query {query:?} occurs in the documents; the summary \
                     is the generic one"
                ));
                config.query = None;
            }
        }
        let summary = pipeline.summarize_query(&prepared, config.query.as_deref());
        if summary.sentences.is_empty() {
            return Err(pipeline.why_empty(&prepared));
        }
        render::summary_json_line(
            &mut out,
            &prepared,
            &summary,
            &config,
            &id,
            &warnings,
            RenderOptions::default(),
        )
        .map_err(|e| e.to_string())
    })();
    match result {
        Ok(()) => (out, true),
        Err(error) => {
            let json = ErrorJson {
                schema: ERROR_SCHEMA,
                file: source,
                line,
                id: topic_id.as_deref(),
                error: &error,
            };
            let mut out = serde_json::to_vec(&json).unwrap_or_default();
            out.push(b'\n');
            (out, false)
        }
    }
}

fn json_id(value: &serde_json::Value) -> Option<String> {
    match value {
        serde_json::Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_batch(input: &str) -> (Vec<serde_json::Value>, BatchStats) {
        let pipeline = Pipeline::new(Config::default()).unwrap();
        let mut out = Vec::new();
        let stats = run(&pipeline, input.as_bytes(), "in.jsonl", &mut out, &|| {}).unwrap();
        let lines = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        (lines, stats)
    }

    #[test]
    fn failed_topics_become_error_lines_and_the_batch_goes_on() {
        let good = r#"{"id": "t1", "documents": [{"id": "a", "text": "The bank raised rates on Tuesday to fight inflation."}, {"id": "b", "text": "On Tuesday the bank raised rates to fight inflation."}]}"#;
        let input = format!(
            "{good}\n{{broken\n\n{{\"id\": \"t3\", \"documents\": []}}\n{}\n",
            good.replace("t1", "t4")
        );
        let (lines, stats) = run_batch(&input);
        assert_eq!(
            stats,
            BatchStats {
                summarized: 2,
                failed: 2
            }
        );
        assert_eq!(lines.len(), 4);
        assert_eq!(lines[0]["schema"], "brief.summary/1");
        assert_eq!(lines[0]["topic"], "t1");
        assert_eq!(lines[0]["summary"][0]["support"], 2);
        assert_eq!(lines[1]["schema"], ERROR_SCHEMA);
        assert_eq!(lines[1]["line"], 2);
        assert!(lines[1]["error"]
            .as_str()
            .unwrap()
            .contains("malformed JSON"));
        assert_eq!(lines[2]["line"], 4);
        assert_eq!(lines[2]["id"], "t3");
        assert_eq!(lines[3]["topic"], "t4");
    }

    #[test]
    fn topics_and_documents_must_be_objects() {
        // Found by the load_jsonl fuzz target: serde's derive also read an
        // array of the fields in order as a record.
        let input = concat!(
            r#"["t1", [{"id": "a", "text": "The bank raised rates on Tuesday to fight inflation."}]]"#,
            "\n",
            r#"{"id": "t2", "documents": [["a", "The bank raised rates on Tuesday to fight inflation."]]}"#,
            "\n",
        );
        let (lines, stats) = run_batch(input);
        assert_eq!(stats.failed, 2);
        for line in &lines {
            let error = line["error"].as_str().unwrap();
            assert!(error.contains("expected a JSON object"), "{error}");
        }
    }

    #[test]
    fn a_repeated_topic_id_is_summarized_and_named() {
        let topic = |id: &str| {
            format!(
                r#"{{"id": {id}, "documents": [{{"id": "a", "text": "The bank raised rates on Tuesday to fight inflation."}}]}}"#
            ) + "\n"
        };
        // Across blocks too: 70 topics between the two "t1".
        let mut input = topic("\"t1\"");
        input.extend((0..70).map(|i| topic(&format!("\"x{i}\""))));
        input.push_str(&topic("\"t1\""));
        input.push_str(&topic("7"));
        input.push_str(&topic("\"7\""));
        let (lines, stats) = run_batch(&input);
        assert_eq!(stats.summarized, 74);
        assert!(lines[0].get("warnings").is_none(), "{}", lines[0]);
        assert_eq!(lines[71]["topic"], "t1");
        assert_eq!(
            lines[71]["warnings"][0],
            "topic id \"t1\" is also the id of the topic on line 1"
        );
        // The output writes both ids as "7".
        assert_eq!(
            lines[73]["warnings"][0],
            "topic id \"7\" is also the id of the topic on line 73"
        );
    }

    #[test]
    fn output_keeps_input_order_across_blocks() {
        let input: String = (0..150)
            .map(|i| {
                format!(
                    r#"{{"id": "t{i}", "documents": [{{"id": "a", "text": "Topic {i} opened with a vote on the budget bill."}}]}}"#
                ) + "\n"
            })
            .collect();
        let (lines, stats) = run_batch(&input);
        assert_eq!(stats.summarized, 150);
        for (i, line) in lines.iter().enumerate() {
            assert_eq!(line["topic"], format!("t{i}"));
        }
    }
}
