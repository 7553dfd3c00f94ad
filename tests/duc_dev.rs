//! brief's default algorithm against its own baselines on the DUC 2003 dev
//! set (task 2), scored like ROUGE-1.5.5 `-n 2 -x -m -l 100`.
//!
//! Reads the evaluation data from `../shared/eval/duc2003` next to the crate
//! (never copied into the repository); skips, with a message, when it is
//! absent.

use std::path::{Path, PathBuf};
use std::time::Instant;

use brief::eval::{dev, Limit, RougeConfig};
use brief::pipeline::Config;
use brief::score::Algorithm;
use brief::select::Budget;

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/duc2003")
}

/// Mean ROUGE-1 and ROUGE-2 recall of `algorithm`'s 100-word summaries.
fn recall(dir: &Path, algorithm: Algorithm) -> (f64, f64) {
    let config = Config {
        algorithm,
        budget: Budget::Words(100),
        ..Config::default()
    };
    let clock = Instant::now();
    let topics = dev::summarize_topics(dir, &config).expect("the dev set summarizes");
    let elapsed = clock.elapsed();
    assert_eq!(topics.topics.len(), 30);
    assert!(topics.warnings.is_empty(), "{:?}", topics.warnings);
    for topic in &topics.topics {
        let words = topic.candidate.split_ascii_whitespace().count();
        assert!(words <= 100, "{}: {words} words", topic.id);
    }
    let scorer = RougeConfig {
        stem: true,
        remove_stopwords: false,
        limit: Some(Limit::Words(100)),
        max_n: 2,
        rouge_l: false,
        ..RougeConfig::default()
    }
    .validate()
    .expect("valid options");
    let report = scorer.evaluate(&topics.topics);
    let (r1, r2) = (report.averages[0].r, report.averages[1].r);
    println!(
        "{:<9} R-1 {r1:.5}  R-2 {r2:.5}  ({:.0} ms to summarize 30 topics)",
        algorithm.name(),
        elapsed.as_secs_f64() * 1e3
    );
    (r1, r2)
}

#[test]
fn brief_beats_lexrank_and_lead_on_duc_2003() {
    let dir = data_dir();
    if !dir.join("d30003t/docs").is_dir() {
        println!(
            "skipped: DUC 2003 dev set not found at {} (evaluation data is not in the repository)",
            dir.display()
        );
        return;
    }
    let brief = recall(&dir, Algorithm::Brief);
    for baseline in [Algorithm::Lexrank, Algorithm::Lead] {
        let (r1, r2) = recall(&dir, baseline);
        assert!(
            brief.0 > r1 && brief.1 > r2,
            "brief {brief:?} does not beat {} ({r1:.5}, {r2:.5})",
            baseline.name()
        );
    }
}
