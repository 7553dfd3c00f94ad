//! Pair-level study of brief's similarities on human-marked same-fact
//! sentences (the DUC 2007 update SCU clusters): before any clustering, how
//! well does each measure rank the cross-document pairs of gold sentences
//! that share a fact above those that do not?
//!
//! Usage: `cargo run --release --example scu_pairs [-- GOLD_DIR]` (default
//! `../shared/eval/duc2007_update_scu`). Each topic folder's documents go
//! through brief's own pipeline (so IDF and the semantic centering come
//! from the topic, as in `brief dedup`); gold sentences are located by byte
//! overlap. Prints, per measure, the area under the ROC curve and the
//! precision at which each recall level is first reached, with the
//! threshold that gives it (`scu_score.py` scores whole clusterings; this
//! shows the raw signal).

use std::path::{Path, PathBuf};

use brief::load::{self, InputFormat};
use brief::pipeline::{Config, Pipeline};
use brief::similarity::Measure;

struct Member {
    doc: String,
    start: usize,
    end: usize,
    scus: Vec<u64>,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/duc2007_update_scu")
        });
    let mut topics: Vec<PathBuf> = std::fs::read_dir(&root)
        .map_err(|e| format!("{}: {e}", root.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("gold.json").is_file())
        .collect();
    topics.sort();
    let pipeline = Pipeline::new(Config {
        similarity: Measure::Combined,
        ..Config::default()
    })?;
    // (label, lexical, semantic) of every cross-document gold pair.
    let mut pairs: Vec<(bool, f32, f32)> = Vec::new();
    // BRIEF_SCU_DUMP=FILE writes every pair (topic, both members, label,
    // cosines) as TSV, to study other signals on the same pairs.
    let mut dump = match std::env::var_os("BRIEF_SCU_DUMP") {
        Some(path) => Some(std::io::BufWriter::new(std::fs::File::create(path)?)),
        None => None,
    };
    for topic in &topics {
        let gold: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(topic.join("gold.json"))?)?;
        let mut members: Vec<Member> = Vec::new();
        for scu in gold.as_array().into_iter().flatten() {
            let id = scu["scu_id"].as_u64().unwrap_or(0);
            for m in scu["members"].as_array().into_iter().flatten() {
                let (Some(doc), Some(start), Some(end)) =
                    (m["doc"].as_str(), m["start"].as_u64(), m["end"].as_u64())
                else {
                    continue;
                };
                let (start, end) = (start as usize, end as usize);
                match members
                    .iter_mut()
                    .find(|x| x.doc == doc && x.start == start && x.end == end)
                {
                    Some(x) => x.scus.push(id),
                    None => members.push(Member {
                        doc: doc.to_string(),
                        start,
                        end,
                        scus: vec![id],
                    }),
                }
            }
        }
        let loaded = load::load_paths(&[topic.join("docs")], InputFormat::Text);
        let prepared = pipeline.prepare(loaded.documents)?;
        let similarity = prepared.similarity();
        // Each gold member's sentence: the one covering most of its bytes.
        let located: Vec<Option<usize>> = members
            .iter()
            .map(|m| {
                (0..prepared.analysis.sentences.len())
                    .filter_map(|s| {
                        let r = prepared.sentence_ref(s as u32);
                        let doc = &prepared.documents[r.document as usize].id;
                        let overlap = m.end.min(r.end).saturating_sub(m.start.max(r.start));
                        (doc == &m.doc && overlap > 0).then_some((overlap, s))
                    })
                    .max()
                    .map(|(_, s)| s)
            })
            .collect();
        for a in 0..members.len() {
            for b in a + 1..members.len() {
                let (Some(x), Some(y)) = (located[a], located[b]) else {
                    continue;
                };
                if members[a].doc == members[b].doc {
                    continue;
                }
                let same = members[a].scus.iter().any(|s| members[b].scus.contains(s));
                let (lexical, semantic) = (
                    similarity.lexical_cosine(x, y),
                    similarity.semantic_cosine(x, y),
                );
                if let Some(out) = dump.as_mut() {
                    use std::io::Write;
                    let (ma, mb) = (&members[a], &members[b]);
                    writeln!(
                        out,
                        "{}\t{}:{}:{}\t{}:{}:{}\t{}\t{lexical}\t{semantic}",
                        topic.display(),
                        ma.doc,
                        ma.start,
                        ma.end,
                        mb.doc,
                        mb.start,
                        mb.end,
                        u8::from(same)
                    )?;
                }
                pairs.push((same, lexical, semantic));
            }
        }
    }
    let positives = pairs.iter().filter(|p| p.0).count();
    println!(
        "{} topics, {} cross-document gold pairs, {} share a fact",
        topics.len(),
        pairs.len(),
        positives
    );
    for measure in [Measure::Lexical, Measure::Semantic, Measure::Combined] {
        let mut scored: Vec<(f32, bool)> = pairs
            .iter()
            .map(|&(label, l, s)| (measure.combine(l, s), label))
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        // AUC: the chance a positive outranks a negative.
        let (mut negatives_below, mut auc) = (pairs.len() - positives, 0.0f64);
        for &(_, label) in &scored {
            if label {
                auc += negatives_below as f64;
            } else {
                negatives_below -= 1;
            }
        }
        auc /= (positives * (pairs.len() - positives)).max(1) as f64;
        print!("{:<9} AUC {auc:.3}  precision at recall:", measure.name());
        let mut tp = 0;
        let mut next = 0.05;
        for (k, &(value, label)) in scored.iter().enumerate() {
            tp += usize::from(label);
            let recall = tp as f64 / positives as f64;
            if recall >= next {
                print!(
                    "  {next:.2}: {:.3} (t {value:.2})",
                    tp as f64 / (k + 1) as f64
                );
                next += 0.05;
                if next > 0.31 {
                    break;
                }
            }
        }
        println!();
    }
    Ok(())
}
