//! Agreement with official ROUGE-1.5.5 figures on DUC 2003 (task 2).
//!
//! Reads the evaluation data from `../shared/eval/duc2003` next to the crate
//! (never copied into the repository) and checks every averaged R, P and F
//! against `_rouge155/official_scores.jsonl`. Skips, with a message, when
//! the data is absent.

use std::path::{Path, PathBuf};
use std::time::Instant;

use brief::eval::{load_topic_dirs, Limit, RougeConfig};
use serde_json::Value;

/// The brief's tolerance. ROUGE-1.5.5 prints the mean of 1,000 bootstrap
/// resamples rather than the plain mean brief reports; the rest of the
/// difference comes from how the official run was set up (see the report
/// printed by the test).
const TOLERANCE: f64 = 0.005;

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/duc2003")
}

/// Translates the official run's ROUGE-1.5.5 flags into a config, checking
/// that the fixed ones are the ones brief implements.
fn config_from_args(args: &str) -> RougeConfig {
    let mut config = RougeConfig::default();
    let mut it = args.split_whitespace();
    while let Some(flag) = it.next() {
        let mut value = || {
            it.next()
                .unwrap_or_else(|| panic!("{flag} needs a value in {args:?}"))
        };
        match flag {
            "-n" => config.max_n = value().parse().expect("-n value"),
            "-l" => config.limit = Some(Limit::Words(value().parse().expect("-l value"))),
            "-b" => config.limit = Some(Limit::Bytes(value().parse().expect("-b value"))),
            "-p" => config.alpha = value().parse().expect("-p value"),
            "-x" => config.rouge_l = false,
            "-m" => config.stem = true,
            "-s" => config.remove_stopwords = true,
            "-f" => assert_eq!(value(), "A", "only -f A is implemented"),
            "-t" => assert_eq!(value(), "0", "only -t 0 is implemented"),
            // Bootstrap settings and "all systems" do not affect the means.
            "-c" | "-r" => {
                value();
            }
            "-a" => {}
            other => panic!("unexpected ROUGE-1.5.5 flag {other} in {args:?}"),
        }
    }
    config
}

#[test]
fn matches_official_rouge_155_means() {
    let dir = data_dir();
    let official = dir.join("_rouge155/official_scores.jsonl");
    if !official.is_file() {
        println!(
            "SKIPPED: official ROUGE-1.5.5 figures not found: {} is missing",
            official.display()
        );
        return;
    }
    let text = std::fs::read_to_string(&official).expect("read official scores");
    let mut worst = 0.0f64;
    let mut checked = 0;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let entry: Value = serde_json::from_str(line).expect("official line is JSON");
        let system = entry["system"].as_str().expect("system");
        let args = entry["args"].as_str().expect("args");
        let scorer = config_from_args(args).validate().expect("valid config");
        let loaded =
            load_topic_dirs(&dir, &dir.join("_rouge155").join(system)).expect("load topics");
        assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
        assert_eq!(Some(loaded.topics.len() as u64), entry["topics"].as_u64());

        let start = Instant::now();
        let report = scorer.evaluate(&loaded.topics);
        let elapsed = start.elapsed();

        let mut setting_worst = 0.0f64;
        for avg in &report.averages {
            let measure = &entry[avg.measure.as_str()];
            assert!(
                measure.is_object(),
                "{system} {args}: no official {}",
                avg.measure
            );
            for (key, ours) in [("R", avg.r), ("P", avg.p), ("F", avg.f)] {
                let theirs = measure[key][0].as_f64().expect("official mean");
                let diff = (ours - theirs).abs();
                assert!(
                    diff <= TOLERANCE,
                    "{system} [{args}] {} {key}: brief {ours:.5}, ROUGE-1.5.5 {theirs:.5}",
                    avg.measure
                );
                setting_worst = setting_worst.max(diff);
                checked += 1;
            }
        }
        println!(
            "{system:>10} [{args}]: max |brief - official| = {setting_worst:.5} ({} topics in {elapsed:?})",
            report.topics
        );
        worst = worst.max(setting_worst);
    }
    assert!(checked > 0, "no official figures in {}", official.display());
    println!("{checked} means checked, max deviation {worst:.5} (tolerance {TOLERANCE})");
}
