//! Same input and options give byte-identical output, whatever the thread
//! count.

use crate::{brief_with_env, stderr};

#[test]
fn output_is_identical_across_runs_and_thread_counts() {
    for args in [
        vec!["corpus/"],
        vec![
            "summarize",
            "corpus/",
            "--format",
            "json",
            "--sentences",
            "15",
        ],
        vec![
            "summarize",
            "corpus/",
            "--format",
            "markdown",
            "--order",
            "date",
        ],
        vec![
            "summarize",
            "corpus/",
            "--format",
            "json",
            "--words",
            "120",
            "--query",
            "What did Zelensky say?",
        ],
        vec!["dedup", "corpus/", "--format", "json"],
        vec![
            "dedup",
            "corpus/",
            "--format",
            "json",
            "--similarity",
            "combined",
        ],
        vec!["summarize", "corpus/", "--format", "html"],
        vec!["dedup", "corpus/", "--format", "html"],
        vec!["segment", "corpus/", "--format", "json"],
    ] {
        let runs: Vec<Vec<u8>> = ["1", "2", "2", "4"]
            .iter()
            .map(|threads| {
                let out = brief_with_env(&args, &[("RAYON_NUM_THREADS", threads)]);
                assert!(out.status.success(), "{args:?}: {}", stderr(&out));
                out.stdout
            })
            .collect();
        for run in &runs[1..] {
            assert!(run == &runs[0], "{args:?}: output differs between runs");
        }
    }
}
