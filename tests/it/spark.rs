//! The Spark job (`examples/spark/stories.py`, PySpark in local mode) gives
//! the stories and summaries of `brief stories`. Needs a Python with
//! `pyspark` and a Java runtime: `BRIEF_PYSPARK_PYTHON`, else
//! `target/pyspark-venv/bin/python` (what `.ci/run` installs); skipped with
//! a message when neither works.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::stories::json_lines;
use crate::{brief, scratch};

fn pyspark_python() -> Option<PathBuf> {
    let candidates = [
        std::env::var_os("BRIEF_PYSPARK_PYTHON").map(PathBuf::from),
        Some(Path::new(env!("CARGO_MANIFEST_DIR")).join("target/pyspark-venv/bin/python")),
    ];
    candidates.into_iter().flatten().find(|python| {
        Command::new(python)
            .args(["-c", "import pyspark"])
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

/// Summary lines by story id (document paths left out: the Spark job's
/// `brief batch` stage names them `<stdin>:LINE`), and the listing.
fn by_story(lines: Vec<Value>) -> (BTreeMap<String, Value>, Value) {
    let mut lines = lines;
    let listing = lines.pop().expect("a listing line");
    let summaries = lines
        .into_iter()
        .map(|mut summary| {
            for doc in summary["documents"].as_array_mut().unwrap() {
                doc.as_object_mut().unwrap().remove("path");
            }
            (summary["story"].as_str().unwrap().to_string(), summary)
        })
        .collect();
    (summaries, listing)
}

#[test]
fn spark_job_equals_brief_stories() {
    let Some(python) = pyspark_python() else {
        eprintln!(
            "skipped: no Python with pyspark (set BRIEF_PYSPARK_PYTHON or run .ci/run, which \
             installs it in target/pyspark-venv)"
        );
        return;
    };
    let dir = scratch("spark_equality");
    let corpus = crate::stories::mixed_corpus("spark_equality_docs", 8);
    let mut jsonl = String::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&corpus)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for file in files {
        let id = file.file_stem().unwrap().to_str().unwrap().to_string();
        let text = std::fs::read_to_string(&file).unwrap();
        jsonl += &serde_json::json!({"id": id, "text": text}).to_string();
        jsonl.push('\n');
    }
    let input = dir.join("docs.jsonl");
    std::fs::write(&input, jsonl).unwrap();

    let single = json_lines(&brief(&[
        "stories",
        "--input-format",
        "jsonl",
        input.to_str().unwrap(),
        "--format",
        "json",
        "--sentences",
        "4",
    ]));
    let output = dir.join("spark.jsonl");
    let run = Command::new(&python)
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/spark/stories.py"))
        .args([
            "--brief",
            env!("CARGO_BIN_EXE_brief"),
            "--master",
            "local[2]",
        ])
        .args(["--partitions", "3", "--summary-args", "--sentences 4"])
        .arg("--input")
        .arg(&input)
        .arg("--output")
        .arg(&output)
        .output()
        .expect("python runs");
    assert!(
        run.status.success(),
        "the Spark job failed:\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let spark: Vec<Value> = std::fs::read_to_string(&output)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();

    let (single_summaries, single_listing) = by_story(single);
    let (spark_summaries, spark_listing) = by_story(spark);
    assert_eq!(single_listing["stats"]["stories"], 8);
    assert_eq!(spark_listing, single_listing);
    assert_eq!(spark_summaries, single_summaries);
}
