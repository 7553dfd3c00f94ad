//! Command-line behaviour: bad input, exit codes, input forms.

use std::fs;

use crate::{brief, brief_with_stdin, document_ids, json, scratch, stderr, stdout};

const GOOD: &str = "The central bank raised interest rates by half a point on Tuesday.\n\
                    Officials said inflation remained far too high for comfort.\n";

#[test]
fn missing_path_is_reported_and_the_rest_is_summarized() {
    let dir = scratch("missing_path");
    fs::write(dir.join("good.txt"), GOOD).unwrap();
    let missing = dir.join("nope.txt");
    let out = brief(&[
        dir.join("good.txt").to_str().unwrap(),
        missing.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("nope.txt"), "{}", stderr(&out));
    assert!(stderr(&out).contains("no such file"), "{}", stderr(&out));
    assert!(stdout(&out).contains("central bank raised interest rates"));
}

#[test]
fn binary_and_empty_files_are_skipped_by_name_and_latin1_is_read() {
    let dir = scratch("bad_files");
    fs::write(dir.join("good.txt"), GOOD).unwrap();
    fs::write(dir.join("binary.txt"), b"\x7fELF\x00\x01\x02 some bytes").unwrap();
    fs::write(dir.join("latin1.txt"), b"Caf\xe9 au lait.\nSecond line.").unwrap();
    fs::write(dir.join("empty.txt"), "  \n\n").unwrap();
    let out = brief(&[dir.to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(
        err.contains("binary.txt") && err.contains("binary file"),
        "{err}"
    );
    // Not UTF-8: decoded, with a note (docs/encodings.md).
    assert!(
        err.contains("latin1.txt: not UTF-8; read as windows-1252"),
        "{err}"
    );
    assert!(!err.contains("latin1.txt: invalid UTF-8"), "{err}");
    assert!(err.contains("empty.txt") && err.contains("empty"), "{err}");
    assert!(stdout(&out).contains("central bank"));
}

#[test]
fn nothing_to_summarize_exits_1() {
    let dir = scratch("nothing");
    fs::write(dir.join("empty.txt"), "").unwrap();
    let out = brief(&[dir.join("empty.txt").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("no documents to work on"),
        "{}",
        stderr(&out)
    );
    let out = brief(&["does/not/exist"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("does/not/exist"));
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        vec!["corpus/", "--threshold", "1.5"],
        vec!["corpus/", "--threshold", "abc"],
        vec!["corpus/", "--sentences", "0"],
        vec!["corpus/", "--lang", "klingon"],
        vec!["corpus/", "--words", "10", "--sentences", "2"],
        vec![],
    ] {
        let out = brief(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(!stderr(&out).is_empty());
    }
    let out = brief(&["corpus/", "--threshold", "1.5"]);
    assert!(stderr(&out).contains("--threshold"), "{}", stderr(&out));
}

#[test]
fn jsonl_input_names_the_bad_line_and_keeps_the_rest() {
    let dir = scratch("jsonl");
    let path = dir.join("news.jsonl");
    fs::write(
        &path,
        concat!(
            r#"{"id": "a", "text": "The central bank raised interest rates by half a point on Tuesday.", "date": "2024-03-02", "title": "Rates"}"#,
            "\n",
            "{not json\n",
            r#"{"id": "c"}"#,
            "\n",
            r#"{"id": 7, "text": "The central bank raised its interest rates by half a point on Tuesday, officials said."}"#,
            "\n"
        ),
    )
    .unwrap();
    let out = brief(&[
        "summarize",
        "--input-format",
        "jsonl",
        "--format",
        "json",
        path.to_str().unwrap(),
    ]);
    let err = stderr(&out);
    assert!(
        err.contains("news.jsonl:2") && err.contains("malformed JSON"),
        "{err}"
    );
    assert!(
        err.contains("news.jsonl:3") && err.contains("text"),
        "{err}"
    );
    let value = json(&out);
    let docs = value["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["id"], "a");
    assert_eq!(docs[0]["date"], "2024-03-02");
    assert_eq!(docs[0]["title"], "Rates");
    assert_eq!(docs[1]["id"], "7");
    // The two records state the same fact: one summary sentence citing both.
    let first = &value["summary"][0];
    assert_eq!(first["support"], 2);
}

#[test]
fn stdin_is_read_with_dash() {
    let out = brief_with_stdin(&["summarize", "-", "--format", "json"], GOOD);
    let value = json(&out);
    assert_eq!(value["documents"][0]["id"], "stdin");
    assert_eq!(value["summary"].as_array().unwrap().len(), 2);
}

#[test]
fn directories_are_walked_recursively_in_sorted_order() {
    let dir = scratch("walk");
    fs::create_dir_all(dir.join("b/nested")).unwrap();
    fs::write(dir.join("b/nested/z.md"), GOOD).unwrap();
    fs::write(dir.join("a.txt"), GOOD.replace("Tuesday", "Monday")).unwrap();
    fs::write(dir.join("ignored.json"), "{}").unwrap();
    let value = json(&brief(&[
        "segment",
        "--format",
        "json",
        dir.to_str().unwrap(),
    ]));
    let ids = document_ids(&value);
    assert_eq!(ids, ["a", "z"]);
}

#[test]
fn help_names_every_command() {
    let out = brief(&["--help"]);
    let help = stdout(&out);
    for word in [
        "summarize",
        "dedup",
        "segment",
        "--threshold",
        "--sentences",
        "--format",
    ] {
        assert!(help.contains(word), "help lacks {word}");
    }
    assert!(
        help.lines().all(|l| l.chars().count() <= 80),
        "help wider than 80 columns"
    );
}

#[test]
fn batch_streams_topics_in_order_and_reports_failures() {
    let input = concat!(
        r#"{"id": "rates", "documents": [{"id": "a", "text": "The central bank raised interest rates by half a point on Tuesday."}, {"id": "b", "text": "On Tuesday the central bank raised interest rates by half a point."}]}"#,
        "\n",
        r#"{"id": "empty", "documents": [{"id": "a", "text": "   "}]}"#,
        "\n",
    );
    let out = brief_with_stdin(&["batch", "--sentences", "1"], input);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["topic"], "rates");
    assert_eq!(lines[0]["summary"][0]["support"], 2);
    assert_eq!(lines[1]["schema"], "brief.error/1");
    assert_eq!(lines[1]["id"], "empty");
    assert!(stderr(&out).contains("1 failed"));

    // Nothing summarized at all: exit 1.
    let dir = scratch("batch_bad");
    let path = dir.join("bad.jsonl");
    fs::write(&path, "{oops\n").unwrap();
    let out = brief(&["batch", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn duplicate_files_do_not_inflate_support_and_links_do_not_loop() {
    let dir = scratch("dupes");
    fs::create_dir_all(dir.join("sub")).unwrap();
    fs::write(dir.join("a.txt"), GOOD).unwrap();
    fs::write(dir.join("sub/a.txt"), GOOD).unwrap(); // same text, same stem
    fs::write(dir.join("sub/b.txt"), GOOD.replace("Tuesday", "Monday")).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink("..", dir.join("sub/up")).unwrap();
    let value = json(&brief(&[
        "summarize",
        "--format",
        "json",
        dir.to_str().unwrap(),
    ]));
    let ids = document_ids(&value);
    assert_eq!(ids, ["a", "b"]);
    let out = brief(&[dir.to_str().unwrap()]);
    assert!(
        stderr(&out).contains("same text as document \"a\"; skipped"),
        "{}",
        stderr(&out)
    );
}

#[cfg(unix)]
#[test]
fn a_fifo_is_skipped_not_waited_on() {
    let dir = scratch("fifo");
    fs::write(dir.join("good.txt"), GOOD).unwrap();
    let fifo = dir.join("pipe.txt");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("SKIPPED: mkfifo is not available");
        return;
    }
    // Walking the directory ignores it; naming it reports it.
    let out = brief(&[dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let out = brief(&[
        fifo.to_str().unwrap(),
        dir.join("good.txt").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stderr(&out).contains("not a regular file"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn jsonl_dates_must_be_iso() {
    let dir = scratch("dates");
    let path = dir.join("d.jsonl");
    fs::write(
        &path,
        concat!(
            r#"{"id": "a", "text": "The minister announced new sanctions against the company on Tuesday.", "date": "2024-01-01T10:00:00Z"}"#,
            "\n",
            r#"{"id": "b", "text": "Exports to the region fell sharply in the second quarter of the year.", "date": "yesterday"}"#,
            "\n"
        ),
    )
    .unwrap();
    let out = brief(&[
        "summarize",
        "--input-format",
        "jsonl",
        "--format",
        "json",
        path.to_str().unwrap(),
    ]);
    assert!(
        stderr(&out).contains("d.jsonl:2") && stderr(&out).contains("not YYYY-MM-DD"),
        "{}",
        stderr(&out)
    );
    let value = json(&out);
    assert_eq!(value["documents"][0]["date"], "2024-01-01");
    assert!(value["documents"][1]["date"].is_null());
}

#[test]
fn nothing_long_enough_for_a_summary_exits_1() {
    let dir = scratch("short");
    fs::write(dir.join("short.txt"), "Short one.\nAnother short.\n").unwrap();
    let out = brief(&[dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("--min-words"), "{}", stderr(&out));
}

#[test]
fn a_query_brings_in_the_sentences_that_answer_it() {
    let args = [
        "summarize",
        "corpus/",
        "--sentences",
        "3",
        "--format",
        "json",
    ];
    let texts = |value: &serde_json::Value| -> Vec<String> {
        value["summary"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["text"].as_str().unwrap().to_string())
            .collect()
    };
    let generic = json(&brief(&args));
    let question = "What did Zelensky and European leaders say?";
    let mut with_query = args.to_vec();
    with_query.extend(["--query", question]);
    let answered = json(&brief(&with_query));
    let mentions = |texts: &[String]| texts.iter().any(|t| t.contains("territory"));
    assert!(!mentions(&texts(&generic)), "{:?}", texts(&generic));
    assert!(mentions(&texts(&answered)), "{:?}", texts(&answered));
    assert_eq!(answered["options"]["query"], question);
    assert!(generic["options"].get("query").is_none());
    // Still one sentence per fact, each citing its sources.
    for s in answered["summary"].as_array().unwrap() {
        assert!(!s["citations"].as_array().unwrap().is_empty());
        assert_eq!(s["support"].as_u64().unwrap() as usize, {
            let mut docs: Vec<&str> = s["citations"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c["document"].as_str().unwrap())
                .collect();
            docs.dedup();
            docs.len()
        });
    }

    // --query-file reads the same question from a file.
    let dir = scratch("query_file");
    let path = dir.join("question.txt");
    fs::write(&path, question).unwrap();
    let mut from_file = args.to_vec();
    from_file.extend(["--query-file", path.to_str().unwrap()]);
    assert_eq!(json(&brief(&from_file)), answered);
}

#[test]
fn bad_queries_are_usage_errors() {
    let missing = scratch("query_missing").join("nope.txt");
    let missing = missing.to_str().unwrap();
    for (args, named) in [
        (vec!["corpus/", "--query-file", missing], "nope.txt"),
        (vec!["corpus/", "--query", "  "], "--query"),
        (
            vec!["corpus/", "--query", "Why?", "--algorithm", "lead"],
            "--query",
        ),
        (
            vec!["corpus/", "--query", "Why?", "--query-file", missing],
            "--query",
        ),
    ] {
        let out = brief(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(named), "{args:?}: {}", stderr(&out));
    }
}

#[test]
fn batch_topics_carry_their_own_query() {
    let docs = r#"[{"id": "a", "text": "The central bank raised interest rates by half a point on Tuesday. Farmers protested new water rules in the valley on Monday."}, {"id": "b", "text": "On Tuesday the central bank raised interest rates by half a point. In the valley, farmers protested the new water rules."}]"#;
    let input = format!(
        "{}\n{}\n{}\n",
        format_args!(r#"{{"id": "plain", "documents": {docs}}}"#),
        format_args!(
            r#"{{"id": "asked", "documents": {docs}, "query": "Why did farmers protest?"}}"#
        ),
        format_args!(r#"{{"id": "blank", "documents": {docs}, "query": " "}}"#),
    );
    let out = brief_with_stdin(&["batch", "--sentences", "1"], &input);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(lines[0]["options"].get("query").is_none());
    assert!(lines[0]["summary"][0]["text"]
        .as_str()
        .unwrap()
        .contains("bank"));
    assert_eq!(lines[1]["options"]["query"], "Why did farmers protest?");
    let answer = lines[1]["summary"][0]["text"].as_str().unwrap();
    assert!(answer.to_lowercase().contains("farmers"), "{answer}");
    assert_eq!(lines[2]["schema"], "brief.error/1");
    assert!(
        lines[2]["error"].as_str().unwrap().contains("query"),
        "{}",
        lines[2]
    );
}

#[test]
fn batch_and_pairs_read_a_byte_order_mark_before_the_first_line() {
    // Both refused the first line as malformed JSON; summarizing JSON
    // Lines and pairs TSV already read past the mark.
    let topic = serde_json::json!({"id": "t", "documents": [
        {"id": "a", "text": "The central bank raised interest rates by half a point on Tuesday."},
        {"id": "b", "text": "On Tuesday the central bank raised interest rates by half a point."}
    ]});
    let output = crate::brief_with_stdin(&["batch"], &format!("\u{feff}{topic}\r\n"));
    assert_eq!(output.status.code(), Some(0), "{}", crate::stderr(&output));
    let line = crate::stdout(&output);
    let value: serde_json::Value = serde_json::from_str(line.trim()).unwrap();
    assert_eq!(value["schema"], "brief.summary/1", "{value}");
    let pair = r#"{"sentence1": "The talks ended.", "sentence2": "The talks ended."}"#;
    let args = ["pairs", "--input-format", "jsonl", "--format", "json"];
    let output = crate::brief_with_stdin(&args, &format!("\u{feff}{pair}\n"));
    assert_eq!(output.status.code(), Some(0), "{}", crate::stderr(&output));
    assert_eq!(crate::json(&output)["stats"]["pairs"], 1);
}

#[test]
fn names_from_the_input_cannot_forge_lines_markup_or_terminal_escapes() {
    // Found in review: an id holding a line break printed a fake source
    // line; an escape sequence in the text reached the terminal; Markdown
    // escaped the sentences but not ids and titles.
    let text = "The fire destroyed the old mill in the town on Monday night.";
    let records = [
        serde_json::json!({"id": "x\n  [9] fake.txt", "title": "T\r\nInjected", "text": text}),
        serde_json::json!({"id": "j<script>x</script>", "text": format!("{text}\u{1b}]0;pwned\u{7}")}),
    ];
    let input: String = records.iter().map(|r| format!("{r}\n")).collect();
    let args = ["-", "--input-format", "jsonl"];
    let shown = crate::stdout(&crate::brief_with_stdin(&args, &input));
    assert!(
        !shown.contains('\u{1b}') && !shown.contains('\u{7}'),
        "{shown:?}"
    );
    assert!(
        !shown.lines().any(|l| l.trim_start().starts_with("[9]")),
        "{shown}"
    );
    assert!(shown.contains(r"[1] x\n  [9] fake.txt"), "{shown}");
    let mut markdown_args = args.to_vec();
    markdown_args.extend(["--format", "markdown"]);
    let markdown = crate::stdout(&crate::brief_with_stdin(&markdown_args, &input));
    assert!(!markdown.contains("<script>"), "{markdown}");
    assert!(markdown.contains(r"j\<script\>x\</script\>"), "{markdown}");
    // Warnings name files too: a file name with a line break.
    let dir = crate::scratch("names_in_warnings");
    std::fs::write(dir.join("evil\n[9] fake.txt"), "Only a heading").unwrap();
    std::fs::write(dir.join("good.txt"), text).unwrap();
    let err = crate::stderr(&crate::brief(&[dir.to_str().unwrap()]));
    assert!(err.contains(r"evil\n[9] fake.txt"), "{err}");
    assert!(!err.lines().any(|l| l.starts_with("[9]")), "{err}");
}

#[test]
fn a_query_without_a_word_from_the_documents_gives_the_generic_summary_and_says_so() {
    // It was accepted silently and changed the summary anyway.
    let corpus = crate::corpus_dir();
    let corpus = corpus.to_str().unwrap();
    let generic = crate::json(&crate::brief(&[corpus, "--format", "json"]));
    for query in ["what is the", "xyzzy plugh"] {
        let output = crate::brief(&[corpus, "--format", "json", "--query", query]);
        let answered = crate::json(&output);
        assert_eq!(answered["summary"], generic["summary"], "{query}");
        // And the JSON says it answers no query.
        assert!(answered["options"].get("query").is_none(), "{query}");
        assert!(
            crate::stderr(&output).contains("no word of the query"),
            "{query}: {}",
            crate::stderr(&output)
        );
    }
    let output = crate::brief(&[corpus, "--format", "json", "--query", "Putin"]);
    assert!(!crate::stderr(&output).contains("no word of the query"));
}

#[test]
fn a_reader_that_stops_early_ends_every_output_quietly() {
    // `brief ... | head`: the closed pipe ended JSON output with "cannot
    // write standard output: Broken pipe" and exit 74 (the JSON writer
    // hid the pipe's error kind); text output was quiet (found in review).
    use std::io::Read;
    let dir = scratch("closed_pipe");
    let text: String = (0..6000)
        .map(|i| {
            format!("The council approved plan number {i} for the harbour district on Monday.\n")
        })
        .collect();
    fs::write(dir.join("a.txt"), &text).unwrap();
    let path = dir.join("a.txt");
    let path = path.to_str().unwrap();
    for args in [
        &["segment", "--format", "json", path][..],
        &["segment", path][..],
        &["dedup", "--format", "json", path][..],
    ] {
        let mut child = crate::spawn_brief(args);
        let mut stdout = child.stdout.take().unwrap();
        let mut first = [0u8; 16];
        stdout.read_exact(&mut first).unwrap();
        drop(stdout);
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).is_empty(), "{args:?}: {}", stderr(&out));
    }
}

/// `--order date` dates a fact by the earliest document that states it,
/// whichever wording is shown (found in review: a fact shown in an
/// undated source's words sorted among the undated).
#[test]
fn order_date_uses_the_earliest_source_of_each_fact() {
    let dir = scratch("order_date");
    let input = dir.join("docs.jsonl");
    fs::write(
        &input,
        r#"{"id": "a", "text": "The city council voted Monday to close the old harbour bridge to traffic. The mayor said repairs would take a year."}
{"id": "b", "date": "2025-09-05", "text": "The city council voted on Monday evening to close the old harbour bridge to all cars and lorries. Engineers found cracks in two of its pillars."}
{"id": "c", "date": "2025-09-07", "text": "Ferry operators said they would add extra crossings while the bridge stays shut."}
"#,
    )
    .unwrap();
    let out = brief(&[
        "--input-format",
        "jsonl",
        input.to_str().unwrap(),
        "--order",
        "date",
        "--format",
        "json",
    ]);
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let summary = value["summary"].as_array().unwrap();
    let cited = |s: &serde_json::Value| -> Vec<String> {
        s["citations"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["document"].as_str().unwrap().to_string())
            .collect()
    };
    // The vote, stated by a (undated, its wording shown) and b (Sept. 5),
    // comes before c's ferries (Sept. 7); a's mayor, undated, comes last.
    assert_eq!(summary[0]["document"], "a", "{value}");
    assert_eq!(cited(&summary[0]), ["a", "b"]);
    assert_eq!(cited(summary.last().unwrap()), ["a"]);
    let c = summary.iter().position(|s| s["document"] == "c").unwrap();
    assert!(c > 0 && c < summary.len() - 1, "{value}");
}
