//! Integration tests: one binary (fast to link), one module per concern.

mod acceptance;
mod bad_input;
mod browser;
mod budgets;
mod cli;
mod corpus;
mod determinism;
mod disagreements;
mod encodings;
mod facts;
mod fuzz_replay;
mod html;
mod html_input;
mod json_contract;
mod limits;
mod markdown_input;
mod messy_input;
mod output;
mod spark;
mod stories;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The sample corpus shipped with the repository.
pub fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// Runs the `brief` binary with `args` in the crate root.
pub fn brief(args: &[&str]) -> Output {
    brief_with_env(args, &[])
}

/// Runs the `brief` binary with extra environment variables.
pub fn brief_with_env(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_brief"));
    command.args(args).current_dir(env!("CARGO_MANIFEST_DIR"));
    for (k, v) in env {
        command.env(k, v);
    }
    command.output().expect("the brief binary runs")
}

/// Runs the `brief` binary with `input` on its standard input.
pub fn brief_with_stdin(args: &[&str], input: &str) -> Output {
    use std::io::Write;
    let mut child = spawn_brief(args);
    let mut stdin = child.stdin.take().expect("piped stdin");
    match stdin.write_all(input.as_bytes()) {
        Ok(()) => {}
        // The binary may exit before it reads its input (a refusal that
        // needs none of it); its exit status and output are what count.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        Err(e) => panic!("write stdin: {e}"),
    }
    drop(stdin);
    child.wait_with_output().expect("the brief binary finishes")
}

/// The brief binary started with `args`, its standard streams piped.
pub fn spawn_brief(args: &[&str]) -> std::process::Child {
    use std::process::Stdio;
    Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the brief binary runs")
}

/// Standard output as UTF-8.
pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

/// Standard error as UTF-8.
pub fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

/// Parses JSON output, failing with the output shown.
pub fn json(output: &Output) -> serde_json::Value {
    assert!(
        output.status.success(),
        "brief failed: {}\n{}",
        output.status,
        stderr(output)
    );
    serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("invalid JSON ({e}): {}", stdout(output)))
}

/// The ids of the documents of a JSON output, in order.
pub fn document_ids(value: &serde_json::Value) -> Vec<String> {
    value["documents"]
        .as_array()
        .expect("documents array")
        .iter()
        .map(|d| d["id"].as_str().expect("string id").to_string())
        .collect()
}

/// A fresh scratch directory under the target dir, removed first if left over.
pub fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}
