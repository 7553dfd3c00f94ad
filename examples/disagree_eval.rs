//! Precision and recall of disagreement detection on the labelled set in
//! `tests/data/disagreements.jsonl` (how it was built: `docs/disagreements.md`).
//!
//! Usage: `cargo run --release --example disagree_eval [-- --split dev|heldout|all] [--errors]
//! [--study] [--min-shared-words N] [--hits]` (`--errors` lists the wrong
//! and missed predictions, `--hits` the correct conflicts; both quote
//! evaluation text: never save their output in the repository)
//!
//! Each labelled item is a group of sentences (by document and byte range)
//! that state one fact: a DUC 2007 summary content unit, a brief cluster,
//! a near-miss or number-differing pair, or a group from `corpus/`. Its
//! slots say which values the sources give (byte ranges) and whether they
//! conflict, differ only in precision (nuance), are one value written
//! differently (same) or measure different things (distinct). The texts
//! are read at run time from `../shared/eval/` (evaluation data is never
//! copied into the repository) and `corpus/`; items whose text is absent
//! are skipped with a message.
//!
//! A predicted disagreement *hits* a labelled slot when its statements
//! cover two or more of the slot's values. A predicted conflict is correct
//! when it hits a conflict slot of the same kind; a labelled conflict is
//! found when some predicted conflict of its kind hits it. Nuances are
//! scored the same way, separately.
//!
//! The `predicted` stratum holds the disagreements an earlier detector
//! reported on whole DUC topics, labelled afterwards: it measures precision
//! where the detector speaks in real use, and is left out of recall (its
//! conflicts were found by construction). The per-stratum table shows its
//! recall for reference only.

use std::collections::BTreeMap;
use std::path::PathBuf;

use brief::cite::SentenceRef;
use brief::disagree::{Detector, Disagreement, Kind, Member, Settings, Severity};
use brief::Language;
use serde::Deserialize;

#[derive(Deserialize)]
struct Item {
    id: String,
    set: String,
    topic: String,
    split: String,
    /// `(document id, start, end)` of each sentence.
    members: Vec<(String, usize, usize)>,
    slots: Vec<Slot>,
}

#[derive(Deserialize)]
struct Slot {
    kind: String,
    /// `conflict`, `nuance`, `same` or `distinct`.
    label: String,
    /// `(member index, start, end)` of each value as written.
    values: Vec<(usize, usize, usize)>,
    reason: String,
}

#[derive(Default, Clone, Copy)]
struct Tally {
    gold: usize,
    found: usize,
    predicted: usize,
    correct: usize,
}

impl Tally {
    fn row(&self) -> String {
        let ratio = |a: usize, b: usize| {
            if b == 0 {
                "    -".to_string()
            } else {
                format!("{:.3}", a as f64 / b as f64)
            }
        };
        format!(
            "{:>4} {:>5} {:>5} {:>5}  {}  {}",
            self.gold,
            self.found,
            self.predicted,
            self.correct,
            ratio(self.correct, self.predicted),
            ratio(self.found, self.gold)
        )
    }

    fn add(&mut self, other: &Tally) {
        self.gold += other.gold;
        self.found += other.found;
        self.predicted += other.predicted;
        self.correct += other.correct;
    }
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn document_path(item: &Item, doc: &str) -> PathBuf {
    if item.set == "corpus" {
        root().join("corpus").join(format!("{doc}.txt"))
    } else {
        root()
            .join("../shared/eval")
            .join(&item.set)
            .join(&item.topic)
            .join("docs")
            .join(format!("{doc}.txt"))
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let split = args
        .iter()
        .position(|a| a == "--split")
        .and_then(|i| args.get(i + 1))
        .map(String::as_str)
        .unwrap_or("dev")
        .to_string();
    let show_errors = args.iter().any(|a| a == "--errors");
    let labels = root().join("tests/data/disagreements.jsonl");
    let data =
        std::fs::read_to_string(&labels).map_err(|e| format!("{}: {e}", labels.display()))?;
    let items: Vec<Item> = data
        .lines()
        .enumerate()
        .map(|(n, line)| {
            serde_json::from_str(line).map_err(|e| format!("{}:{}: {e}", labels.display(), n + 1))
        })
        .collect::<Result<_, _>>()?;

    if args.iter().any(|a| a == "--study") {
        study(&items, &split);
        return Ok(());
    }
    // `--min-shared-words N`: evaluate other alignment settings (the value
    // links between clusters use 2).
    let mut settings = Settings::default();
    if let Some(n) = args
        .iter()
        .position(|a| a == "--min-shared-words")
        .and_then(|i| args.get(i + 1))
    {
        settings.min_shared_words = n.parse()?;
    }
    let detector = Detector::new(Language::English).with_settings(settings);
    let show_hits = args.iter().any(|a| a == "--hits");
    let report = evaluate(&items, &split, &detector, show_errors, show_hits);
    let Report {
        conflicts,
        nuances,
        false_alarms,
        by_origin,
        used,
        skipped,
    } = report;
    if skipped > 0 {
        println!(
            "note: {skipped} items skipped: their texts are not under {} (evaluation data is read from ../shared/eval at run time)",
            root().join("../shared/eval").display()
        );
    }
    println!("split {split}: {used} labelled groups");
    for (name, table) in [("conflicts", &conflicts), ("nuances", &nuances)] {
        println!("\n{name}\nkind      gold found  pred  corr  precision recall");
        let mut total = Tally::default();
        for kind in Kind::ALL.iter().map(|k| k.name()).chain(["other"]) {
            if let Some(t) = table.get(kind) {
                println!("{kind:<9} {}", t.row());
                total.add(t);
            }
        }
        println!("{:<9} {}", "all", total.row());
    }
    println!("\nconflicts by stratum\nstratum   items gold found  pred  corr  precision recall");
    for (origin, (n, t)) in &by_origin {
        println!("{origin:<9} {n:>5} {}", t.row());
    }
    if !false_alarms.is_empty() {
        println!("\nwrong conflicts, by what the labels say of the values:");
        for (what, n) in &false_alarms {
            println!("  {what}: {n}");
        }
    }
    Ok(())
}

/// Scores `detector` on the items of `split`.
fn evaluate(
    items: &[Item],
    split: &str,
    detector: &Detector,
    show_errors: bool,
    show_hits: bool,
) -> Report {
    let mut conflicts: BTreeMap<&'static str, Tally> = BTreeMap::new();
    let mut nuances: BTreeMap<&'static str, Tally> = BTreeMap::new();
    let mut false_alarms: BTreeMap<String, usize> = BTreeMap::new();
    let mut by_origin: BTreeMap<String, (usize, Tally)> = BTreeMap::new();
    let (mut used, mut skipped) = (0, 0);
    for item in items.iter().filter(|i| split == "all" || i.split == split) {
        let mut texts = BTreeMap::new();
        let mut missing = false;
        for (doc, _, _) in &item.members {
            let path = document_path(item, doc);
            match std::fs::read(&path) {
                Ok(bytes) => {
                    texts.insert(doc.clone(), bytes);
                }
                Err(_) => missing = true,
            }
        }
        if missing {
            skipped += 1;
            continue;
        }
        used += 1;
        let docs: Vec<&String> = {
            let mut seen: Vec<&String> = Vec::new();
            for (doc, _, _) in &item.members {
                if !seen.contains(&doc) {
                    seen.push(doc);
                }
            }
            seen
        };
        let doc_index = |doc: &str| docs.iter().position(|d| *d == doc).unwrap() as u32;
        let members: Vec<Member> = item
            .members
            .iter()
            .enumerate()
            .map(|(i, (doc, start, end))| Member {
                sentence: SentenceRef {
                    document: doc_index(doc),
                    unit: i as u32,
                    start: *start,
                    end: *end,
                },
                text: std::str::from_utf8(&texts[doc][*start..*end]).expect("UTF-8 sentence"),
            })
            .collect();
        let found = detector.group(&members);

        // Which labelled slots each prediction hits.
        let covers = |d: &Disagreement, slot: &Slot| -> usize {
            slot.values
                .iter()
                .filter(|&&(m, s, e)| {
                    let (doc, _, _) = &item.members[m];
                    d.values.iter().flat_map(|v| &v.statements).any(|st| {
                        st.sentence.document == doc_index(doc) && st.start < e && s < st.end
                    })
                })
                .count()
        };
        let hits = |d: &Disagreement| -> Vec<&Slot> {
            item.slots.iter().filter(|s| covers(d, s) >= 2).collect()
        };
        let origin = item.id.split(':').next().unwrap_or("").to_string();
        let from_predictions = origin == "predicted";
        let entry = by_origin.entry(origin).or_default();
        entry.0 += 1;
        for slot in &item.slots {
            let table = match slot.label.as_str() {
                "conflict" => &mut conflicts,
                "nuance" => &mut nuances,
                _ => continue,
            };
            let kind = Kind::ALL
                .iter()
                .find(|k| k.name() == slot.kind)
                .map(|k| k.name())
                .unwrap_or("other");
            let want = if slot.label == "conflict" {
                Severity::Conflict
            } else {
                Severity::Nuance
            };
            let detected = found
                .iter()
                .any(|d| d.severity == want && d.kind.name() == slot.kind && covers(d, slot) >= 2);
            let t = table.entry(kind).or_default();
            // The `predicted` stratum was drawn from what the detector says:
            // its labels judge precision only, never recall.
            if !from_predictions {
                t.gold += 1;
                t.found += usize::from(detected);
            }
            if slot.label == "conflict" {
                entry.1.gold += 1;
                entry.1.found += usize::from(detected);
            }
            if !detected && show_errors {
                println!(
                    "MISSED {} {} {}: {} ({})",
                    slot.label,
                    slot.kind,
                    item.id,
                    values_text(item, slot, &texts),
                    slot.reason
                );
            }
        }
        // The values of a prediction as written (first statement of each).
        let shown = |d: &Disagreement| -> Vec<String> {
            d.values
                .iter()
                .map(|v| {
                    let st = &v.statements[0];
                    let doc = docs[st.sentence.document as usize];
                    String::from_utf8_lossy(&texts[doc][st.start..st.end]).into_owned()
                })
                .collect()
        };
        for d in &found {
            let table = match d.severity {
                Severity::Conflict => &mut conflicts,
                Severity::Nuance => &mut nuances,
            };
            let label = match d.severity {
                Severity::Conflict => "conflict",
                Severity::Nuance => "nuance",
            };
            let hit = hits(d);
            let correct = hit
                .iter()
                .any(|s| s.label == label && s.kind == d.kind.name());
            let t = table.entry(d.kind.name()).or_default();
            t.predicted += 1;
            t.correct += usize::from(correct);
            if d.severity == Severity::Conflict {
                entry.1.predicted += 1;
                entry.1.correct += usize::from(correct);
            }
            if correct && show_hits && d.severity == Severity::Conflict {
                println!(
                    "RIGHT {label} {} {}: {}",
                    d.kind.name(),
                    item.id,
                    shown(d).join(" / ")
                );
            }
            if !correct {
                let what = hit
                    .first()
                    .map(|s| format!("{} {}", s.label, s.kind))
                    .unwrap_or_else(|| "unlabelled".to_string());
                if d.severity == Severity::Conflict {
                    *false_alarms.entry(what.clone()).or_default() += 1;
                }
                if show_errors {
                    println!(
                        "WRONG {label} {} {}: {} (labelled: {what})",
                        d.kind.name(),
                        item.id,
                        shown(d).join(" / ")
                    );
                }
            }
        }
    }
    Report {
        conflicts,
        nuances,
        false_alarms,
        by_origin,
        used,
        skipped,
    }
}

struct Report {
    conflicts: BTreeMap<&'static str, Tally>,
    nuances: BTreeMap<&'static str, Tally>,
    false_alarms: BTreeMap<String, usize>,
    by_origin: BTreeMap<String, (usize, Tally)>,
    used: usize,
    skipped: usize,
}

fn total(table: &BTreeMap<&'static str, Tally>) -> Tally {
    let mut t = Tally::default();
    table.values().for_each(|x| t.add(x));
    t
}

/// The alignment settings around the defaults, one line each.
fn study(items: &[Item], split: &str) {
    let base = Settings::default();
    let mut variants = vec![("default", base)];
    for words in [1, 2, 3] {
        variants.push((
            "min shared words",
            Settings {
                min_shared_words: words,
                ..base
            },
        ));
    }
    variants.push((
        "no shared head",
        Settings {
            require_shared_head: false,
            ..base
        },
    ));
    variants.push((
        "no shared name",
        Settings {
            require_shared_name: false,
            ..base
        },
    ));
    for head_words in [1, 3] {
        variants.push(("head words", Settings { head_words, ..base }));
    }
    for max_ratio in [1.5, 2.0, 5.0, f64::INFINITY] {
        variants.push(("max ratio", Settings { max_ratio, ..base }));
    }
    println!("split {split}\n{:<18} {:>6} {:>6} {:>6}  conflicts: gold found pred corr  P      R     | nuances: gold found pred corr  P      R", "variant", "words", "heads", "ratio");
    for (name, settings) in variants {
        let report = evaluate(
            items,
            split,
            &Detector::new(Language::English).with_settings(settings),
            false,
            false,
        );
        println!(
            "{name:<18} {:>6} {:>6} {:>6}  {}  | {}",
            settings.min_shared_words,
            if settings.require_shared_head {
                settings.head_words.to_string()
            } else {
                "-".into()
            },
            settings.max_ratio,
            total(&report.conflicts).row(),
            total(&report.nuances).row()
        );
    }
}

/// The values of a labelled slot as written (for `--errors` only; never saved).
fn values_text(item: &Item, slot: &Slot, texts: &BTreeMap<String, Vec<u8>>) -> String {
    slot.values
        .iter()
        .map(|&(m, s, e)| {
            let doc = &item.members[m].0;
            String::from_utf8_lossy(&texts[doc][s..e]).into_owned()
        })
        .collect::<Vec<_>>()
        .join(" / ")
}
