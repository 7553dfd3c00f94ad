//! `--max-memory`: input too large for the limit is refused before it is
//! read, with exit code 3 and a message naming the limit and the option.

use std::fs;
use std::time::Instant;

use crate::{brief, brief_with_stdin, corpus_dir, scratch, stderr};

#[test]
fn input_over_the_limit_is_refused_with_exit_3_and_the_way_out() {
    let corpus = corpus_dir();
    let corpus = corpus.to_str().unwrap();
    for command in ["summarize", "dedup", "stories", "segment"] {
        let out = brief(&[command, corpus, "--max-memory", "1M"]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(3), "{command}: {err}");
        assert!(out.stdout.is_empty(), "{command} wrote output");
        assert!(
            err.contains(&format!("for `brief {command}`"))
                && err.contains("--max-memory 1M allows"),
            "{command}: {err}"
        );
        assert!(err.contains("--max-memory none"), "{err}");
    }
    // The same input under a limit it fits, or none, is summarized.
    for limit in ["1G", "none"] {
        let out = brief(&[corpus, "--max-memory", limit]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert!(!out.stdout.is_empty());
    }
}

#[test]
fn the_default_limit_refuses_a_huge_input_before_reading_it() {
    let dir = scratch("limits_huge");
    fs::write(
        dir.join("small.txt"),
        "The bridge reopened on Monday after repairs.\n",
    )
    .unwrap();
    // A sparse 2 GB file: reading it would take seconds and 2 GB; the
    // check looks only at its size.
    let huge = fs::File::create(dir.join("huge.txt")).unwrap();
    huge.set_len(2_000_000_000).unwrap();
    drop(huge);
    let output = dir.join("summary.txt");
    let clock = Instant::now();
    let out = brief(&[dir.to_str().unwrap(), "--output", output.to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert!(
        clock.elapsed().as_secs() < 10,
        "refusal took {:?}",
        clock.elapsed()
    );
    assert!(err.contains("1.9G of input"), "{err}");
    assert!(err.contains("more than --max-memory 4G allows"), "{err}");
    assert!(!output.exists(), "no output file is left behind");
}

#[test]
fn standard_input_is_weighed_once_read() {
    let text = "The bridge reopened on Monday after repairs to its deck.\n".repeat(200);
    let out = brief_with_stdin(&["-", "--max-memory", "64K"], &text);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let out = brief_with_stdin(&["-", "--max-memory", "1G"], &text);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn standard_input_is_not_read_past_the_limit() {
    // An endless stream (`yes | brief -`) is refused once it holds more
    // than the limit leaves room for (about 1.3 MB under 120M): it used to
    // be read whole before it was weighed.
    use std::io::Write;
    let mut child = crate::spawn_brief(&["-", "--max-memory", "120M"]);
    let mut stdin = child.stdin.take().expect("piped stdin");
    let line = "The bridge reopened on Monday after repairs to its deck.\n".repeat(1000);
    let mut written = 0usize;
    // At most 200 MB, in case the stream is read whole.
    while written < 200 << 20 {
        if stdin.write_all(line.as_bytes()).is_err() {
            break;
        }
        written += line.len();
    }
    drop(stdin);
    let out = child.wait_with_output().expect("the brief binary finishes");
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert!(err.contains("standard input holds more than 1.3M"), "{err}");
    assert!(
        written < 8 << 20,
        "{written} bytes were taken before the refusal"
    );
}

#[test]
fn a_malformed_limit_is_a_usage_error() {
    let out = brief(&[corpus_dir().to_str().unwrap(), "--max-memory", "4X"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--max-memory"), "{}", stderr(&out));
}

#[test]
fn one_gigabyte_of_stories_is_admitted_by_the_default_limit_and_fits_it() {
    use brief::limits::{estimated_peak, Work, DEFAULT_MAX_MEMORY};
    // Measured (docs/limits.md): `brief stories` on 1 GB of generated news
    // (1,000,000,026 bytes) peaked at 3,417,052 KiB; on 300 MB at
    // 1,047,732 KiB. The estimate must cover both, and 1 GB must fit 4G.
    let gb = estimated_peak(Work::Stories, 1_000_000_026);
    assert!(gb >= 3_417_052 * 1024, "{gb}");
    assert!(estimated_peak(Work::Stories, 300_000_009) >= 1_047_732 * 1024);
    assert!(gb <= DEFAULT_MAX_MEMORY, "{gb}");
    // Twice as much is refused by the default.
    assert!(estimated_peak(Work::Stories, 2_000_000_000) > DEFAULT_MAX_MEMORY);
}
