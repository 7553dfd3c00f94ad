//! Agreement with official ROUGE-1.5.5 figures: DUC 2003 (task 2: ROUGE-1/2,
//! ROUGE-L, ROUGE-SU4) and DUC 2007 (ROUGE-2 and ROUGE-SU4 with the DUC
//! 2005–2007 jackknife).
//!
//! Reads the evaluation data from `../shared/eval/` next to the crate
//! (never copied into the repository) and checks every averaged R, P and F
//! against `_rouge155/official_scores.jsonl`, both brief's plain mean and
//! its reproduction of the bootstrap mean ROUGE-1.5.5 prints. Skips, with a
//! message, when the data is absent.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use brief::eval::bootstrap;
use brief::eval::{load_topic_dirs, Limit, Report, RougeConfig, SkipBigram};
use serde_json::Value;

/// The brief's tolerance: |brief − official| for every averaged R, P, F.
const TOLERANCE: f64 = 0.005;

/// `../shared/eval/<name>` and its official scores file, or `None` (with a
/// message) when the data is absent.
fn official_data(name: &str) -> Option<(PathBuf, PathBuf)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/eval")
        .join(name);
    let official = dir.join("_rouge155/official_scores.jsonl");
    if official.is_file() {
        return Some((dir, official));
    }
    println!(
        "SKIPPED: official ROUGE-1.5.5 figures not found: {} is missing",
        official.display()
    );
    None
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
            "-2" => {
                let gap: i64 = value().parse().expect("-2 value");
                let unigrams = config.skip_bigram.is_some_and(|s| s.unigrams);
                config.skip_bigram = Some(SkipBigram {
                    max_gap: usize::try_from(gap).ok(),
                    unigrams,
                });
            }
            "-u" => {
                let skip = config.skip_bigram.get_or_insert(SkipBigram {
                    max_gap: None,
                    unigrams: true,
                });
                skip.unigrams = true;
            }
            "-f" => assert_eq!(value(), "A", "only -f A is implemented"),
            "-t" => assert_eq!(value(), "0", "only -t 0 is implemented"),
            "-c" => assert_eq!(value(), "95", "only -c 95 is implemented"),
            "-r" => assert_eq!(value(), "1000", "only -r 1000 is implemented"),
            // "All systems" does not affect the scores.
            "-a" => {}
            other => panic!("unexpected ROUGE-1.5.5 flag {other} in {args:?}"),
        }
    }
    config
}

fn read_jsonl(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("official line is JSON"))
        .collect()
}

/// Largest gaps to the official figures over one setting.
#[derive(Default)]
struct Gaps {
    /// brief's plain mean against the official (bootstrap) figure.
    plain: f64,
    /// brief's reproduction of the bootstrap mean against the official one.
    rouge155: f64,
    /// The same for the interval bounds.
    interval: f64,
    checked: usize,
}

impl Gaps {
    /// Compares one measure's R, P and F. `ours(key)` gives brief's plain
    /// mean and ROUGE-1.5.5 estimate `[mean, low, high]`.
    fn compare(&mut self, label: &str, official: &Value, ours: impl Fn(&str) -> (f64, [f64; 3])) {
        assert!(official.is_object(), "{label}: no official figures");
        for key in ["R", "P", "F"] {
            let theirs: Vec<f64> = (0..3)
                .map(|i| official[key][i].as_f64().expect("official figure"))
                .collect();
            let (plain, estimate) = ours(key);
            let gap = (plain - theirs[0]).abs();
            assert!(
                gap <= TOLERANCE,
                "{label} {key}: brief {plain:.5}, ROUGE-1.5.5 {:.5}",
                theirs[0]
            );
            let reproduced = (estimate[0] - theirs[0]).abs();
            assert!(
                reproduced <= TOLERANCE,
                "{label} {key}: brief's bootstrap mean {:.5}, ROUGE-1.5.5 {:.5}",
                estimate[0],
                theirs[0]
            );
            self.plain = self.plain.max(gap);
            self.rouge155 = self.rouge155.max(reproduced);
            for i in 1..3 {
                self.interval = self.interval.max((estimate[i] - theirs[i]).abs());
            }
            self.checked += 3;
        }
    }

    fn report(&self, label: &str) {
        println!(
            "{label}: max |brief - official| plain mean {:.5}, bootstrap mean {:.5}, interval {:.5}",
            self.plain, self.rouge155, self.interval
        );
    }
}

/// brief's plain mean and ROUGE-1.5.5 estimate of one measure and key.
fn from_report(report: &Report, measure: &str, key: &str) -> (f64, [f64; 3]) {
    let avg = report
        .averages
        .iter()
        .find(|a| a.measure == measure)
        .unwrap_or_else(|| panic!("brief computed no {measure}"));
    let (plain, e) = match key {
        "R" => (avg.r, avg.rouge155.r),
        "P" => (avg.p, avg.rouge155.p),
        _ => (avg.f, avg.rouge155.f),
    };
    (plain, [e.mean, e.low, e.high])
}

fn measures(entry: &Value) -> Vec<String> {
    entry
        .as_object()
        .expect("object")
        .keys()
        .filter(|k| k.starts_with("ROUGE-"))
        .cloned()
        .collect()
}

#[test]
fn matches_official_rouge_155_on_duc_2003() {
    let Some((dir, official)) = official_data("duc2003") else {
        return;
    };
    let mut all = Gaps::default();
    let mut skip_bigram_lines = 0;
    for entry in read_jsonl(&official) {
        let system = entry["system"].as_str().expect("system");
        let args = entry["args"].as_str().expect("args");
        let config = config_from_args(args);
        skip_bigram_lines += usize::from(config.skip_bigram.is_some());
        let scorer = config.validate().expect("valid config");
        let loaded =
            load_topic_dirs(&dir, &dir.join("_rouge155").join(system)).expect("load topics");
        assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
        assert_eq!(Some(loaded.topics.len() as u64), entry["topics"].as_u64());

        let start = Instant::now();
        let report = scorer.evaluate(&loaded.topics);
        let elapsed = start.elapsed();
        assert_eq!(
            measures(&entry).len(),
            report.averages.len(),
            "{system} [{args}]: measures"
        );
        let mut gaps = Gaps::default();
        for avg in &report.averages {
            let label = format!("{system} [{args}] {}", avg.measure);
            gaps.compare(&label, &entry[avg.measure.as_str()], |key| {
                from_report(&report, &avg.measure, key)
            });
        }
        gaps.report(&format!("{system:>10} [{args}] ({elapsed:?})"));
        // The reproduction is exact (to ROUGE's five printed decimals).
        assert!(
            gaps.rouge155 < 5e-6 && gaps.interval < 5e-6,
            "{system} [{args}]: bootstrap not reproduced"
        );
        all.plain = all.plain.max(gaps.plain);
        all.rouge155 = all.rouge155.max(gaps.rouge155);
        all.checked += gaps.checked;
    }
    assert!(
        skip_bigram_lines >= 2,
        "no ROUGE-SU4 lines in {}",
        official.display()
    );
    println!(
        "DUC 2003: {} means checked; max gap: plain mean {:.5}, bootstrap mean {:.5} (tolerance {TOLERANCE})",
        all.checked, all.plain, all.rouge155
    );
}

/// The DUC 2007 procedures of `official_scores.jsonl`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Procedure {
    /// Every topic against all its references.
    AllReferences,
    /// Four ROUGE runs, run `i` leaving out each topic's `i`-th reference;
    /// every figure is the mean of the four runs' figures.
    FourRuns,
    /// NIST's layout: one run, one eval per (topic, left-out reference).
    Nist,
}

fn procedure(entry: &Value) -> Procedure {
    match entry["procedure"].as_str() {
        None => Procedure::AllReferences,
        Some(p) if p.starts_with("jackknife: mean over") => Procedure::FourRuns,
        Some(p) if p.starts_with("jackknife: one run") => Procedure::Nist,
        Some(other) => panic!("unknown procedure {other:?}"),
    }
}

/// The four-run figure: for each left-out index, ROUGE-1.5.5's estimate
/// over that run's evals (one per topic, in topic order), then the mean of
/// the four estimates, printed to five decimals like them; and the same for
/// the plain means.
fn four_runs(report: &Report, k: usize, key: &str) -> (f64, [f64; 3]) {
    let runs = report.per_topic[0].jackknife.len();
    let mut plain = 0.0;
    let mut estimate = [0.0; 3];
    for i in 0..runs {
        let values: Vec<f64> = report
            .per_topic
            .iter()
            .map(|topic| {
                let s = &topic.jackknife[i].scores[k].score;
                match key {
                    "R" => s.r,
                    "P" => s.p,
                    _ => s.f,
                }
            })
            .collect();
        plain += values.iter().sum::<f64>() / values.len() as f64;
        let e = bootstrap::estimate(&values);
        for (sum, x) in estimate.iter_mut().zip([e.mean, e.low, e.high]) {
            *sum += x;
        }
    }
    let five_decimals = |x: f64| format!("{x:.5}").parse::<f64>().expect("a number");
    (
        plain / runs as f64,
        estimate.map(|x| five_decimals(x / runs as f64)),
    )
}

#[test]
fn matches_official_rouge_155_su4_and_jackknife_on_duc_2007() {
    let Some((dir, official)) = official_data("duc2007") else {
        return;
    };
    // Per-eval scores as ROUGE-1.5.5 printed them (-d), by (system, eval).
    let per_eval: BTreeMap<(String, String), Value> =
        read_jsonl(&dir.join("_rouge155/per_eval.jsonl"))
            .into_iter()
            .map(|e| {
                let key = (
                    e["system"].as_str().expect("system").to_string(),
                    e["eval"].as_str().expect("eval").to_string(),
                );
                (key, e)
            })
            .collect();
    let plain_means: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("_rouge155/plain_means.json")).expect("plain means"),
    )
    .expect("plain means are JSON");

    let mut procedures = Vec::new();
    for entry in read_jsonl(&official) {
        let system = entry["system"].as_str().expect("system");
        let args = entry["args"].as_str().expect("args");
        let procedure = procedure(&entry);
        procedures.push(procedure);
        let config = RougeConfig {
            jackknife: procedure != Procedure::AllReferences,
            ..config_from_args(args)
        };
        let loaded =
            load_topic_dirs(&dir, &dir.join("_rouge155").join(system)).expect("load topics");
        assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
        let start = Instant::now();
        let report = config.validate().expect("valid").evaluate(&loaded.topics);
        let elapsed = start.elapsed();
        assert_eq!(Some(report.topics as u64), entry["topics"].as_u64());
        if let Some(evals) = entry["evals"].as_u64() {
            assert_eq!(report.evals as u64, evals);
        }

        // Every eval's R, P and F equal ROUGE-1.5.5's.
        let mut evals_checked = 0;
        for topic in &report.per_topic {
            let evals: Vec<(String, &[brief::eval::NamedScore])> = if config.jackknife {
                topic
                    .jackknife
                    .iter()
                    .map(|run| (format!("{}-{}", topic.id, run.left_out), &run.scores[..]))
                    .collect()
            } else {
                vec![(topic.id.clone(), &topic.scores[..])]
            };
            for (eval, scores) in evals {
                let theirs = &per_eval[&(system.to_string(), eval.clone())];
                for s in scores {
                    for (key, ours) in [("R", s.score.r), ("P", s.score.p), ("F", s.score.f)] {
                        let expected = theirs[s.measure.as_str()][key].as_f64().expect("score");
                        assert!(
                            (ours - expected).abs() < 1e-9,
                            "{system} {eval} {} {key}: brief {ours}, ROUGE-1.5.5 {expected}",
                            s.measure
                        );
                    }
                }
                evals_checked += 1;
            }
        }

        // Plain means equal plain_means.json (six decimals there).
        let plain_key = if config.jackknife {
            format!("{system} / jackknife")
        } else {
            format!("{system} / all refs")
        };
        for avg in &report.averages {
            for (key, ours) in [("R", avg.r), ("P", avg.p), ("F", avg.f)] {
                let expected = plain_means[&plain_key][&avg.measure][key]
                    .as_f64()
                    .expect("plain mean");
                assert!(
                    (ours - expected).abs() < 1e-6,
                    "{plain_key} {} {key}: brief {ours}, plain mean {expected}",
                    avg.measure
                );
            }
        }

        // The printed averages.
        let mut gaps = Gaps::default();
        let names = config.measure_names();
        assert_eq!(measures(&entry).len(), names.len());
        for (k, measure) in names.iter().enumerate() {
            let label = format!("{system} {procedure:?} {measure}");
            gaps.compare(&label, &entry[measure.as_str()], |key| match procedure {
                Procedure::FourRuns => four_runs(&report, k, key),
                _ => from_report(&report, measure, key),
            });
        }
        gaps.report(&format!(
            "{system:>10} {procedure:<13?} ({evals_checked} evals, {elapsed:?})"
        ));
        // The reproduction is exact (to ROUGE's five printed decimals).
        assert!(
            gaps.rouge155 < 5e-6 && gaps.interval < 5e-6,
            "{system} {procedure:?}: bootstrap not reproduced"
        );
    }
    procedures.sort_by_key(|p| *p as u8);
    procedures.dedup();
    assert_eq!(
        procedures,
        [
            Procedure::AllReferences,
            Procedure::FourRuns,
            Procedure::Nist
        ]
    );
}
