//! Length budgets hold for the summary as printed: its sentences joined by
//! the format's separator (a line break), with the " …" after a cut
//! sentence in text and Markdown, Markdown's escapes, and a hard-wrapped
//! sentence written on one line (see `src/layout.rs`).

use serde_json::Value;

use super::{brief, brief_with_stdin, json, stderr, stdout};

/// The summary body of text or Markdown output: each numbered sentence line
/// without its number and citation markers, joined by line breaks.
fn printed_body(output: &str) -> String {
    let mut sentences = Vec::new();
    let summary = output
        .lines()
        .take_while(|l| !l.starts_with("Sources:") && !l.starts_with("## Sources"));
    for line in summary {
        let Some((number, rest)) = line.split_once(". ") else {
            continue;
        };
        if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let (sentence, markers) = rest.rsplit_once(' ').expect("citation markers");
        assert!(
            markers.starts_with('[') && markers.ends_with(']'),
            "no markers in {line:?}"
        );
        sentences.push(sentence.to_string());
    }
    sentences.join("\n")
}

/// The JSON summary's sentence texts joined by line breaks.
fn json_body(summary: &Value) -> String {
    summary["summary"]
        .as_array()
        .expect("summary array")
        .iter()
        .map(|s| s["text"].as_str().expect("text").to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

fn measure(unit: &str, text: &str) -> usize {
    match unit {
        "--bytes" => text.len(),
        "--chars" => text.chars().count(),
        _ => text.split_ascii_whitespace().count(),
    }
}

#[test]
fn budgets_hold_for_the_printed_summary_in_every_format() {
    for (unit, n) in [
        ("--bytes", 665),
        ("--bytes", 300),
        ("--chars", 300),
        ("--words", 60),
    ] {
        let limit = n.to_string();
        for format in ["text", "markdown", "json"] {
            let out = brief(&["corpus/", unit, &limit, "--format", format]);
            assert!(out.status.success(), "{}", stderr(&out));
            let body = if format == "json" {
                json_body(&json(&out))
            } else {
                printed_body(&stdout(&out))
            };
            let used = measure(unit, &body);
            // Filled to the budget, less at most the cut mark that did not
            // fit and a character that a byte cut cannot split.
            assert!(
                used <= n && used + 4 >= n,
                "{format} {unit} {n}: {used} printed\n{body}"
            );
        }
    }
}

#[test]
fn markdown_escapes_and_wrapped_lines_count_as_printed() {
    // Hard-wrapped sentences (their line breaks are printed as spaces) and
    // Markdown's special characters (printed with a backslash).
    let text = "The *first* report on the [central] bank's plan was\nreleased on Monday after a long delay.\n\
                Officials said the_bank's #1 priority was inflation, which\r\nhad risen for months.\n\
                Markets <rallied> after the announcement and bond yields fell sharply.\n\
                Analysts said the decision was widely expected by the markets.\n";
    for n in [40, 77, 120, 163, 200, 251, 300] {
        let limit = n.to_string();
        for format in ["markdown", "text"] {
            let out = brief_with_stdin(
                &[
                    "-", "--bytes", &limit, "--format", format, "--order", "source",
                ],
                text,
            );
            assert!(out.status.success(), "{}", stderr(&out));
            let printed = stdout(&out);
            let body = printed_body(&printed);
            // Filled to the budget, less at most what a fragment would need
            // before its first byte (a line break and the cut mark): the
            // default selector takes whole sentences while one fits.
            assert!(
                body.len() <= n && body.len() + 5 >= n,
                "{format} --bytes {n}: {} printed\n{printed}",
                body.len()
            );
            if format == "markdown" && n >= 120 {
                assert!(body.contains("\\*first\\*"), "{printed}");
            }
            // Every sentence is printed on its line.
            assert!(!body.contains("was\nreleased"), "{printed}");
        }
    }
}
