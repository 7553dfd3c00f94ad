//! brief's summaries on the dev sets, scored like ROUGE-1.5.5 `-n 2 -x -m`:
//! DUC 2003 task 2 (generic, 100 words) and DUC 2007 (query-focused, 250
//! words; its `topic.txt` is the query).
//!
//! Reads the evaluation data from `../shared/eval/` next to the crate
//! (never copied into the repository); skips, with a message, when it is
//! absent. The floors sit below the figures in `docs/quality.md` by about
//! the spread of the cross-validated estimates, so they catch a regression
//! of the method, not the noise of a re-tuning.

use std::path::{Path, PathBuf};
use std::time::Instant;

use brief::eval::{dev, Limit, RougeConfig};
use brief::pipeline::Config;
use brief::score::Algorithm;
use brief::select::Budget;

fn data_dir(set: &str) -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/eval")
        .join(set);
    if dir.is_dir() {
        Some(dir)
    } else {
        println!(
            "skipped: {} not found (evaluation data is not in the repository)",
            dir.display()
        );
        None
    }
}

/// Mean ROUGE-1 and ROUGE-2 recall of `algorithm`'s summaries of `words`
/// words, answering each topic's `topic.txt` when `queries` says so.
fn recall(dir: &Path, algorithm: Algorithm, words: usize, queries: dev::Queries) -> (f64, f64) {
    let config = Config {
        algorithm,
        budget: Budget::Words(words),
        ..Config::default()
    };
    let clock = Instant::now();
    let topics = dev::summarize_topics(dir, &config, queries).expect("the dev set summarizes");
    let elapsed = clock.elapsed();
    assert!(topics.warnings.is_empty(), "{:?}", topics.warnings);
    for topic in &topics.topics {
        let count = topic.candidate.split_ascii_whitespace().count();
        assert!(count <= words, "{}: {count} words", topic.id);
    }
    // Well under a second per topic, even in a debug build on a busy machine.
    assert!(
        elapsed.as_secs_f64() < topics.topics.len() as f64,
        "{elapsed:?} for {} topics",
        topics.topics.len()
    );
    let scorer = RougeConfig {
        stem: true,
        remove_stopwords: false,
        limit: Some(Limit::Words(words)),
        max_n: 2,
        rouge_l: false,
        ..RougeConfig::default()
    }
    .validate()
    .expect("valid options");
    let report = scorer.evaluate(&topics.topics);
    let (r1, r2) = (report.averages[0].r, report.averages[1].r);
    println!(
        "{:<9} {queries:?} R-1 {r1:.5}  R-2 {r2:.5}  ({:.0} ms for {} topics)",
        algorithm.name(),
        elapsed.as_secs_f64() * 1e3,
        topics.topics.len()
    );
    (r1, r2)
}

#[test]
fn brief_beats_its_baselines_on_duc_2003() {
    let Some(dir) = data_dir("duc2003") else {
        return;
    };
    let brief = recall(&dir, Algorithm::Brief, 100, dev::Queries::Ignore);
    // Cross-validated estimate 0.417 / 0.122 (docs/quality.md).
    assert!(brief.0 > 0.41 && brief.1 > 0.117, "brief {brief:?}");
    for baseline in [Algorithm::Lexrank, Algorithm::Lead] {
        let (r1, r2) = recall(&dir, baseline, 100, dev::Queries::Ignore);
        assert!(
            brief.0 > r1 + 0.02 && brief.1 > r2 + 0.015,
            "brief {brief:?} does not clearly beat {} ({r1:.5}, {r2:.5})",
            baseline.name()
        );
    }
}

#[test]
fn query_focused_summaries_on_duc_2007() {
    let Some(dir) = data_dir("duc2007") else {
        return;
    };
    let answered = recall(&dir, Algorithm::Brief, 250, dev::Queries::FromTopic);
    // Cross-validated estimate 0.444 / 0.127 (docs/quality.md); the best
    // DUC 2007 system had R-2 0.124 (jackknifed).
    assert!(answered.0 > 0.435 && answered.1 > 0.122, "{answered:?}");
    let lexrank = recall(&dir, Algorithm::Lexrank, 250, dev::Queries::Ignore);
    assert!(
        answered.1 > lexrank.1 + 0.008,
        "{answered:?} vs lexrank {lexrank:?}"
    );
}
