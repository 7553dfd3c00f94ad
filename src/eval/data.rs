//! Reading evaluation topics from disk.
//!
//! Two layouts are accepted:
//! * folders: `<refs>/<topic>/refs/*.txt` (the human summaries) and
//!   `<candidates>/<topic>.txt`, one sentence per line (the DUC layout);
//! * JSON Lines: one `{"id": ..., "candidate": ..., "references": [...]}`
//!   object per line.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::Topic;
use crate::error::{Error, Result};

/// Topics read from disk, sorted by id, and the non-fatal problems met.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LoadedTopics {
    /// The topics, sorted by id.
    pub topics: Vec<Topic>,
    /// Problems that did not stop loading (e.g. a missing candidate, which
    /// is scored as an empty summary).
    pub warnings: Vec<String>,
}

fn io_error(path: &Path, source: std::io::Error) -> Error {
    Error::Io {
        path: path.to_path_buf(),
        source,
    }
}

pub(super) fn read_text(path: &Path) -> Result<String> {
    let bytes = fs::read(path).map_err(|e| io_error(path, e))?;
    String::from_utf8(bytes).map_err(|_| Error::Input {
        location: path.display().to_string(),
        message: "not valid UTF-8".to_string(),
    })
}

/// Sorted entries of `dir` that satisfy `keep`.
pub(super) fn list_dir(dir: &Path, keep: impl Fn(&Path) -> bool) -> Result<Vec<PathBuf>> {
    let mut paths = Vec::new();
    for entry in fs::read_dir(dir).map_err(|e| io_error(dir, e))? {
        let path = entry.map_err(|e| io_error(dir, e))?.path();
        if keep(&path) {
            paths.push(path);
        }
    }
    paths.sort();
    Ok(paths)
}

pub(super) fn is_txt(path: &Path) -> bool {
    path.is_file() && path.extension().is_some_and(|ext| ext == "txt")
}

fn file_stem(path: &Path) -> Option<String> {
    path.file_stem()
        .and_then(|s| s.to_str())
        .map(str::to_string)
}

/// Reads topics from `<refs_dir>/<topic>/refs/*.txt` and candidates from
/// `<candidates_dir>/<topic>.txt`.
///
/// Every subfolder of `refs_dir` that has a `refs` folder is a topic; other
/// entries are ignored. A topic without a candidate file gets an empty
/// candidate and a warning; a candidate file without a topic is reported
/// and ignored. A topic without any reference file is an error.
pub fn load_topic_dirs(refs_dir: &Path, candidates_dir: &Path) -> Result<LoadedTopics> {
    let topic_dirs = list_dir(refs_dir, |p| p.join("refs").is_dir())?;
    if topic_dirs.is_empty() {
        return Err(Error::Input {
            location: refs_dir.display().to_string(),
            message: "no topic folders with a refs/ subfolder".to_string(),
        });
    }
    let mut candidates: BTreeMap<String, PathBuf> = list_dir(candidates_dir, is_txt)?
        .into_iter()
        .filter_map(|path| file_stem(&path).map(|id| (id, path)))
        .collect();
    let mut loaded = LoadedTopics::default();
    for dir in topic_dirs {
        let Some(id) = dir.file_name().and_then(|s| s.to_str()).map(str::to_string) else {
            continue;
        };
        let ref_dir = dir.join("refs");
        let references = list_dir(&ref_dir, is_txt)?
            .iter()
            .map(|path| read_text(path))
            .collect::<Result<Vec<_>>>()?;
        if references.is_empty() {
            return Err(Error::Input {
                location: ref_dir.display().to_string(),
                message: "no reference summaries (*.txt)".to_string(),
            });
        }
        let candidate = match candidates.remove(&id) {
            Some(path) => read_text(&path)?,
            None => {
                loaded.warnings.push(format!(
                    "topic {id}: no candidate {}, scored as an empty summary",
                    candidates_dir.join(format!("{id}.txt")).display()
                ));
                String::new()
            }
        };
        loaded.topics.push(Topic {
            id,
            candidate,
            references,
        });
    }
    for (id, path) in candidates {
        loaded.warnings.push(format!(
            "{}: no topic {id} in {}, ignored",
            path.display(),
            refs_dir.display()
        ));
    }
    loaded.topics.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(loaded)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonTopic {
    id: String,
    candidate: String,
    references: Vec<String>,
}

/// Reads topics from a JSON Lines file, one
/// `{"id": "...", "candidate": "...", "references": ["...", ...]}` per
/// line. Blank lines are skipped; malformed lines and duplicate ids are
/// errors naming the file and line.
pub fn load_jsonl(path: &Path) -> Result<LoadedTopics> {
    parse_jsonl(&path.display().to_string(), &read_text(path)?)
}

/// Reads topics from JSON Lines text, as [`load_jsonl`] does; `source`
/// names the input in messages (`source:line`).
pub fn parse_jsonl(source: &str, text: &str) -> Result<LoadedTopics> {
    let mut loaded = LoadedTopics::default();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for (index, line) in text.lines().enumerate() {
        let line_no = index + 1;
        if line.trim().is_empty() {
            continue;
        }
        let location = || format!("{source}:{line_no}");
        let topic: JsonTopic = serde_json::from_str(line).map_err(|e| Error::Input {
            location: location(),
            message: e.to_string(),
        })?;
        if let Some(first) = seen.insert(topic.id.clone(), line_no) {
            return Err(Error::Input {
                location: location(),
                message: format!("duplicate id {:?} (first on line {first})", topic.id),
            });
        }
        if topic.references.is_empty() {
            loaded.warnings.push(format!(
                "{}: topic {} has no references, it scores 0",
                location(),
                topic.id
            ));
        }
        loaded.topics.push(Topic {
            id: topic.id,
            candidate: topic.candidate,
            references: topic.references,
        });
    }
    loaded.topics.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(loaded)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("brief-eval-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("create temp dir");
        dir
    }

    #[test]
    fn reads_topic_folders_and_warns_about_missing_candidates() {
        let root = temp_dir("dirs");
        let (refs, cands) = (root.join("topics"), root.join("cands"));
        for topic in ["t2", "t1"] {
            fs::create_dir_all(refs.join(topic).join("refs")).expect("mkdir");
            fs::write(refs.join(topic).join("refs/A.txt"), "ref a").expect("write");
            fs::write(refs.join(topic).join("refs/B.txt"), "ref b").expect("write");
        }
        fs::create_dir_all(refs.join("_other")).expect("mkdir");
        fs::create_dir_all(&cands).expect("mkdir");
        fs::write(cands.join("t1.txt"), "cand one\nline two").expect("write");
        fs::write(cands.join("stray.txt"), "x").expect("write");

        let loaded = load_topic_dirs(&refs, &cands).expect("loads");
        let ids: Vec<_> = loaded.topics.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["t1", "t2"]);
        assert_eq!(loaded.topics[0].references, ["ref a", "ref b"]);
        assert_eq!(loaded.topics[0].candidate, "cand one\nline two");
        assert_eq!(loaded.topics[1].candidate, "");
        assert_eq!(loaded.warnings.len(), 2);
        assert!(loaded.warnings[0].contains("topic t2"));
        assert!(loaded.warnings[1].contains("stray.txt"));
        let _ = fs::remove_dir_all(&root);
    }

    #[test]
    fn reads_jsonl_and_names_the_bad_line() {
        let root = temp_dir("jsonl");
        let good = root.join("good.jsonl");
        fs::write(
            &good,
            "{\"id\":\"b\",\"candidate\":\"x\",\"references\":[\"x\",\"y\"]}\n\n{\"id\":\"a\",\"candidate\":\"\",\"references\":[\"z\"]}\n",
        )
        .expect("write");
        let loaded = load_jsonl(&good).expect("loads");
        assert_eq!(loaded.topics.len(), 2);
        assert_eq!(loaded.topics[0].id, "a");

        let bad = root.join("bad.jsonl");
        fs::write(
            &bad,
            "{\"id\":\"a\",\"candidate\":\"\",\"references\":[]}\n{\"id\":1}\n",
        )
        .expect("write");
        match load_jsonl(&bad) {
            Err(Error::Input { location, .. }) => {
                assert!(location.ends_with("bad.jsonl:2"), "{location}")
            }
            other => panic!("expected an input error, got {other:?}"),
        }

        let dup = root.join("dup.jsonl");
        let line = "{\"id\":\"a\",\"candidate\":\"\",\"references\":[\"r\"]}\n";
        fs::write(&dup, line.repeat(2)).expect("write");
        match load_jsonl(&dup) {
            Err(Error::Input { location, message }) => {
                assert!(location.ends_with("dup.jsonl:2"));
                assert!(message.contains("line 1"));
            }
            other => panic!("expected an input error, got {other:?}"),
        }
        let _ = fs::remove_dir_all(&root);
    }
}
