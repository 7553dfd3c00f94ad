//! `--output PATH`: the file appears whole or not at all. A failed run, a
//! write error (a full disk) and an interrupt (SIGINT, SIGTERM) leave no
//! partial file, keep an older file as it was, and exit with their code
//! (README, "Exit codes").

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::{brief, scratch, stderr, stdout};

/// The names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("listable")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn arg(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

#[test]
fn output_file_holds_exactly_what_stdout_would() {
    let dir = scratch("output_same");
    let path = dir.join("summary.json");
    let to_file = brief(&["corpus/", "--format", "json", "-o", arg(&path)]);
    assert_eq!(to_file.status.code(), Some(0), "{}", stderr(&to_file));
    assert!(to_file.stdout.is_empty());
    let to_stdout = brief(&["corpus/", "--format", "json"]);
    assert_eq!(
        fs::read_to_string(&path).expect("written"),
        stdout(&to_stdout)
    );
    assert_eq!(names(&dir), ["summary.json"], "a temporary file was left");

    // Every command that writes output takes --output.
    for args in [
        vec!["dedup", "corpus/"],
        vec!["segment", "corpus/"],
        vec!["batch", "--sentences", "1"],
    ] {
        let path = dir.join(format!("{}.out", args[0]));
        let mut all = args.clone();
        all.extend(["--output", arg(&path)]);
        let out = if args[0] == "batch" {
            let input = r#"{"id": "t", "documents": [{"id": "a", "text": "The bank raised rates on Tuesday to fight inflation."}]}"#;
            crate::brief_with_stdin(&all, input)
        } else {
            brief(&all)
        };
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        assert!(fs::metadata(&path).is_ok_and(|m| m.len() > 0), "{args:?}");
    }
}

#[test]
fn a_failed_run_writes_nothing_and_keeps_the_old_file() {
    let dir = scratch("output_failed");
    let path = dir.join("summary.txt");
    fs::write(&path, "previous summary\n").expect("write");
    fs::write(dir.join("empty.txt"), "").expect("write");
    let out = brief(&[arg(&dir.join("empty.txt")), "-o", arg(&path)]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        fs::read_to_string(&path).expect("kept"),
        "previous summary\n"
    );
    assert_eq!(names(&dir), ["empty.txt", "summary.txt"]);

    // A destination that cannot be created is reported before any work.
    let out = brief(&["corpus/", "-o", arg(&dir.join("missing/dir/out.txt"))]);
    assert_eq!(out.status.code(), Some(74), "{}", stderr(&out));
    assert!(stderr(&out).contains("cannot write"), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("missing/dir/out.txt"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_full_disk_exits_74_and_leaves_no_file() {
    // A device that is always full.
    if Path::new("/dev/full").exists() {
        let out = brief(&["corpus/", "-o", "/dev/full"]);
        assert_eq!(out.status.code(), Some(74), "{}", stderr(&out));
        assert!(
            stderr(&out).contains("cannot write /dev/full: No space left on device"),
            "{}",
            stderr(&out)
        );
    } else {
        eprintln!("SKIPPED: /dev/full is not available");
    }
    // A file that may not grow past 512 bytes (`ulimit -f 1`, SIGXFSZ
    // ignored so that the write fails instead of killing the process): the
    // error comes in the middle of writing the temporary file.
    let dir = scratch("output_full");
    let path = dir.join("summary.json");
    fs::write(&path, "old\n").expect("write");
    let out = Command::new("sh")
        .args(["-c", "ulimit -f 1 && trap '' XFSZ && exec \"$0\" \"$@\""])
        .arg(env!("CARGO_BIN_EXE_brief"))
        .args(["corpus/", "--format", "json", "-o", arg(&path)])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("sh runs");
    assert_eq!(out.status.code(), Some(74), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("cannot write") && stderr(&out).contains("summary.json"),
        "{}",
        stderr(&out)
    );
    assert_eq!(fs::read_to_string(&path).expect("kept"), "old\n");
    assert_eq!(names(&dir), ["summary.json"], "a partial file was left");
}

/// Generated news-like text: `documents` files of about 40 sentences drawn
/// from a vocabulary of a few thousand words, enough to keep brief busy.
fn generate_corpus(dir: &Path, documents: usize) -> PathBuf {
    let corpus = dir.join("corpus");
    fs::create_dir_all(&corpus).expect("mkdir");
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for d in 0..documents {
        let mut text = String::new();
        for _ in 0..40 {
            let words = 8 + next() % 20;
            for w in 0..words {
                let word = format!("w{}", next() % 4000);
                if w == 0 {
                    text.push_str("The ");
                }
                text.push_str(&word);
                text.push(' ');
            }
            text.push_str("today.\n");
        }
        fs::write(corpus.join(format!("{d:04}.txt")), text).expect("write");
    }
    corpus
}

/// Starts brief, waits until its temporary output file exists (and, with
/// `written`, holds data), sends `signal`, and returns the exit code.
fn interrupt(mut command: Command, dir: &Path, signal: &str, written: bool) -> Option<i32> {
    let mut child: Child = command
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("brief starts");
    let deadline = Instant::now() + Duration::from_secs(60);
    let temporary = loop {
        let found = fs::read_dir(dir)
            .expect("listable")
            .map(|e| e.expect("entry").path())
            .find(|p| p.to_string_lossy().ends_with(".brief-tmp"));
        if let Some(path) = found.filter(|p| !written || fs::metadata(p).is_ok_and(|m| m.len() > 0))
        {
            break path;
        }
        if child.try_wait().expect("waitable").is_some() || Instant::now() > deadline {
            let _ = child.kill();
            panic!("brief finished or stalled before it could be interrupted");
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let sent = Command::new("kill")
        .args([signal, &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(sent.success());
    let status = child.wait().expect("brief ends");
    assert!(!temporary.exists(), "the temporary file was left");
    status.code()
}

#[test]
fn an_interrupted_run_leaves_no_partial_output() {
    let dir = scratch("output_signals");
    let corpus = generate_corpus(&dir, 300);
    let out_dir = dir.join("out");
    fs::create_dir_all(&out_dir).expect("mkdir");
    let path = out_dir.join("summary.json");
    fs::write(&path, "old\n").expect("write");

    // SIGTERM while summarizing: the output file exists from the start.
    let mut command = Command::new(env!("CARGO_BIN_EXE_brief"));
    command
        .arg(&corpus)
        .args(["--format", "json", "-o"])
        .arg(&path);
    assert_eq!(interrupt(command, &out_dir, "-TERM", false), Some(143));
    assert_eq!(fs::read_to_string(&path).expect("kept"), "old\n");
    assert_eq!(names(&out_dir), ["summary.json"]);

    // SIGINT while `brief batch` is streaming results into the file.
    let topics = dir.join("topics.jsonl");
    let mut lines = String::new();
    for t in 0..1000 {
        let docs: Vec<serde_json::Value> = (0..2)
            .map(|d| {
                let text = fs::read_to_string(corpus.join(format!("{:04}.txt", (t + d) % 300)))
                    .expect("generated");
                serde_json::json!({"id": format!("d{d}"), "text": text})
            })
            .collect();
        lines.push_str(&serde_json::json!({"id": t, "documents": docs}).to_string());
        lines.push('\n');
    }
    fs::write(&topics, lines).expect("write");
    let batch_out = out_dir.join("batch.jsonl");
    let mut command = Command::new(env!("CARGO_BIN_EXE_brief"));
    command.arg("batch").arg(&topics).arg("-o").arg(&batch_out);
    assert_eq!(interrupt(command, &out_dir, "-INT", true), Some(130));
    assert!(!batch_out.exists(), "a partial batch output was left");
    assert_eq!(names(&out_dir), ["summary.json"]);
}

#[test]
fn an_output_that_is_an_input_is_refused_and_a_linked_output_stays_a_link() {
    // Found in review: `-o` onto one of the inputs silently replaced the
    // article with the summary, a summary written into the input folder
    // was read by the next run as a sixth source, and `-o` onto a
    // symbolic link replaced the link with a file.
    let dir = scratch("output_is_input");
    let input = dir.join("in");
    fs::create_dir_all(&input).unwrap();
    for entry in fs::read_dir(crate::corpus_dir()).unwrap() {
        let path = entry.unwrap().path();
        fs::copy(&path, input.join(path.file_name().unwrap())).unwrap();
    }
    let article = input.join("000_62f8772c7c445775.txt");
    let before = fs::read(&article).unwrap();
    let indirect = input.join("..").join("in").join("000_62f8772c7c445775.txt");
    for (args, what) in [
        (vec![arg(&input), "-o", arg(&article)], "a document of"),
        (
            vec![arg(&article), "-o", arg(&indirect)],
            "is also an input",
        ),
    ] {
        let output = brief(&args);
        assert_eq!(output.status.code(), Some(74), "{args:?}");
        assert!(stderr(&output).contains(what), "{}", stderr(&output));
        assert_eq!(
            fs::read(&article).unwrap(),
            before,
            "the article was replaced"
        );
    }
    // A new file in the input folder: written, with a warning.
    let summary = input.join("summary.txt");
    let output = brief(&[arg(&input), "-o", arg(&summary)]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stderr(&output).contains("would read it as a document"));
    fs::remove_file(&summary).unwrap();
    // A link inside the input folder is a document there, wherever it
    // points: refused, and what it points to is kept.
    let outside = dir.join("outside.txt");
    fs::write(
        &outside,
        "The outside document says the talks ended in Alaska.",
    )
    .unwrap();
    let inner_link = input.join("linked.txt");
    let _ = fs::remove_file(&inner_link);
    std::os::unix::fs::symlink(&outside, &inner_link).unwrap();
    let output = brief(&[arg(&input), "-o", arg(&inner_link)]);
    assert_eq!(output.status.code(), Some(74), "{}", stderr(&output));
    assert!(fs::read_to_string(&outside)
        .unwrap()
        .starts_with("The outside document"));
    fs::remove_file(&inner_link).unwrap();
    // A name the walk does not read (a report beside the articles) is
    // neither refused nor warned about, however often it is written.
    let report = input.join("report.html");
    for _ in 0..2 {
        let output = brief(&[arg(&input), "--format", "html", "-o", arg(&report)]);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        assert!(!stderr(&output).contains("--output"), "{}", stderr(&output));
    }
    fs::remove_file(&report).unwrap();
    // Through a link: the file it points to is replaced, the link kept.
    let target = dir.join("real.txt");
    fs::write(&target, "old").unwrap();
    let link = dir.join("link.txt");
    let _ = fs::remove_file(&link);
    std::os::unix::fs::symlink("real.txt", &link).unwrap();
    let output = brief(&[arg(&input), "-o", arg(&link)]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    let written = fs::read_to_string(&target).unwrap();
    assert!(written.starts_with("Summary of 5 documents"), "{written}");
}
