//! How well `brief stories` recovers true topics from a mixed pile, and how
//! that depends on its two thresholds; with a plain baseline (TF-IDF
//! document vectors, all pairs, single-link and average-link clustering
//! cut at a threshold tuned on the same dev data).
//!
//! ```text
//! cargo run --release --example stories_study                 # the full study
//! cargo run --release --example stories_study -- --topics 'DIR/*/docs' ...
//! ```
//!
//! Datasets (built in memory at run time; nothing is copied anywhere):
//! - `duc-mix`: every `duc2003/*/docs` and `duc2007/*/docs` folder of
//!   `--eval` (default `../shared/eval`) mixed: 53 topics, 873 files, 864
//!   distinct articles (9 articles belong to two DUC 2003 topics each and
//!   are scored with both, by extended B-cubed);
//! - `duc2003`, `duc2007`: each alone (topics of 10 and of 25 documents);
//! - `duc-mix-10`: the mixture with every topic cut to its first 10
//!   documents (all topics the same size);
//! - `generated`: the benchmark generator's corpus (`--generated-docs`,
//!   default 5,000 documents in events of 10), and `generated-25` (events
//!   of 25), whose generator knows each document's event.
//!
//! `--quick` leaves the baseline out. `--signal names:NAMES:NUMBERS` or
//! `--signal shingles:K:ALPHA` scores a signal that was tried and dropped
//! instead of brief's signatures (docs/stories.md). `--sharing` prints how
//! often pairs of documents share a passage, within and across topics. `--topics GLOB...` scores any folders of topic folders instead (each
//! folder is a topic; its `.txt` files are the documents), e.g. a held-out
//! set. B-cubed counts a document left alone as a group of one. ARI is
//! computed over the documents with one true topic.

#[path = "../benches/support/corpus.rs"]
mod corpus;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use brief::analyze::Analyzer;
use brief::load::Document;
use brief::segment::Segmenter;
use brief::stories::metrics::{adjusted_rand, bcubed};
use brief::stories::signature::{strongest_row, weight, Signatures, TermBags};
use brief::stories::{group_signatures, StoryConfig, DEFAULT_COHESION, DEFAULT_LINK_THRESHOLD};
use brief::Language;

/// Documents with their true topics.
struct Dataset {
    name: String,
    documents: Vec<Document>,
    topics: Vec<Vec<usize>>,
    topic_names: Vec<String>,
}

/// A grouping as one group id per document.
type Labels = Vec<usize>;

#[derive(Clone, Copy)]
struct Score {
    precision: f64,
    recall: f64,
    f1: f64,
    ari: f64,
    groups: usize,
}

fn score(labels: &Labels, data: &Dataset) -> Score {
    let b = bcubed(labels, &data.topics);
    let single: Vec<usize> = (0..labels.len())
        .filter(|&i| data.topics[i].len() == 1)
        .collect();
    let ari = adjusted_rand(
        &single.iter().map(|&i| labels[i]).collect::<Vec<_>>(),
        &single
            .iter()
            .map(|&i| data.topics[i][0])
            .collect::<Vec<_>>(),
    );
    let mut distinct = labels.clone();
    distinct.sort_unstable();
    distinct.dedup();
    Score {
        precision: b.precision,
        recall: b.recall,
        f1: b.f1,
        ari,
        groups: distinct.len(),
    }
}

/// Topic folders: each `DIR` is a topic, its `.txt` files (walked in
/// sorted order) are documents. A file met again (same name and text) is
/// one document with both topics.
fn load_topics(name: &str, dirs: &[PathBuf], cap: Option<usize>) -> Dataset {
    let mut by_key: BTreeMap<String, usize> = BTreeMap::new();
    let mut data = Dataset {
        name: name.to_string(),
        documents: Vec::new(),
        topics: Vec::new(),
        topic_names: Vec::new(),
    };
    for dir in dirs {
        let topic = data.topic_names.len();
        let label = dir
            .components()
            .rev()
            .find(|c| c.as_os_str() != "docs")
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .unwrap_or_default();
        data.topic_names.push(label);
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        files.truncate(cap.unwrap_or(usize::MAX));
        for file in files {
            let text = std::fs::read_to_string(&file)
                .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            let stem = file.file_stem().unwrap().to_string_lossy().into_owned();
            let key = format!("{stem}\u{0}{text}");
            match by_key.get(&key) {
                Some(&d) => data.topics[d].push(topic),
                None => {
                    by_key.insert(key, data.documents.len());
                    data.documents
                        .push(Document::new(stem, file.display().to_string(), text));
                    data.topics.push(vec![topic]);
                }
            }
        }
    }
    data
}

fn generated(name: &str, documents: usize, per_topic: usize) -> Dataset {
    let docs = corpus::generate(&corpus::CorpusSpec {
        documents,
        docs_per_topic: per_topic,
        seed: 1,
    });
    let topics = docs.iter().map(|d| vec![d.topic]).collect();
    let count = docs.last().map_or(0, |d| d.topic + 1);
    Dataset {
        name: name.to_string(),
        documents: docs
            .into_iter()
            .map(|d| Document::new(d.id.clone(), d.id, d.text))
            .collect(),
        topics,
        topic_names: (0..count).map(|t| format!("event-{t}")).collect(),
    }
}

fn glob_dirs(pattern: &str) -> Vec<PathBuf> {
    // `PARENT/*/docs`-style patterns: one `*` standing for a directory.
    let (head, tail) = pattern.split_once('*').unwrap_or((pattern, ""));
    let parent = Path::new(head);
    let mut dirs: Vec<PathBuf> = match std::fs::read_dir(parent) {
        Ok(entries) => entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_dir())
            .map(|p| p.join(tail.trim_start_matches('/')))
            .filter(|p| p.is_dir())
            .filter(|p| {
                !p.components()
                    .any(|c| c.as_os_str().to_string_lossy().starts_with('_'))
            })
            .collect(),
        Err(_) => Vec::new(),
    };
    dirs.sort();
    dirs
}

/// What every method needs: bags and signatures, computed once.
struct Prepared<'a> {
    data: &'a Dataset,
    bags: TermBags,
    signatures: Signatures,
}

/// What the signatures are made of: brief's (word terms), or one of the
/// signals tried and dropped (docs/stories.md, *Signals beyond shared
/// vocabulary*), kept so their figures can be reproduced.
#[derive(Clone, Copy, Debug)]
enum Signal {
    /// brief's signatures.
    Words,
    /// Terms of capitalized words (not a sentence's first) weighted
    /// `names` times, terms of words with digits `numbers` times.
    Names { names: f64, numbers: f64 },
    /// Word signature and a signature of `k`-term shingles (content terms
    /// in a row within a sentence), cosine `(1 − alpha) · words + alpha ·
    /// shingles`.
    Shingles { k: usize, alpha: f64 },
}

impl Signal {
    /// `names:NAMES:NUMBERS` or `shingles:K:ALPHA`.
    fn parse(text: &str) -> Self {
        let parts: Vec<&str> = text.split(':').collect();
        let number = |i: usize| -> f64 {
            parts
                .get(i)
                .and_then(|v| v.parse().ok())
                .unwrap_or_else(|| {
                    panic!("--signal {text}: names:NAMES:NUMBERS or shingles:K:ALPHA")
                })
        };
        match parts[0] {
            "names" => Signal::Names {
                names: number(1),
                numbers: number(2),
            },
            "shingles" => Signal::Shingles {
                k: number(1) as usize,
                alpha: number(2),
            },
            _ => panic!("--signal {text}: names:NAMES:NUMBERS or shingles:K:ALPHA"),
        }
    }
}

fn prepare(data: &Dataset, signal: Signal) -> Prepared<'_> {
    let bags = TermBags::build(
        &data.documents,
        &Segmenter::new(Language::English),
        &Analyzer::new(Language::English),
    );
    let df = bags.document_frequencies();
    let mut signatures = Signatures::build(bags.clone(), &df, bags.len());
    match signal {
        Signal::Words => {}
        Signal::Names { names, numbers } => {
            let marks = name_terms(data, &bags);
            signatures = weighted_signatures(&bags, &marks, names, numbers);
        }
        Signal::Shingles { k, alpha } => {
            let shingles = shingle_bags(data, k);
            let df = shingles.document_frequencies();
            let n = shingles.len();
            signatures = combine(&signatures, &Signatures::build(shingles, &df, n), alpha);
        }
    }
    Prepared {
        data,
        bags,
        signatures,
    }
}

/// Experiment: word k-gram shingles of each document's sentences (content
/// terms in text order) as a bag of strings.
fn shingle_bags(data: &Dataset, k: usize) -> TermBags {
    let segmenter = Segmenter::new(Language::English);
    let analyzer = Analyzer::new(Language::English);
    let units: Vec<_> = data
        .documents
        .iter()
        .map(|doc| segmenter.segment(&doc.text, doc.body_start))
        .collect();
    let sentences = brief::pipeline::sentence_texts(&data.documents, &units);
    let analysis = analyzer.analyze(&sentences);
    let mut per_doc: Vec<Vec<(String, u32)>> = vec![Vec::new(); data.documents.len()];
    for s in &analysis.sentences {
        for w in s.terms.windows(k) {
            let text: Vec<&str> = w
                .iter()
                .map(|&t| analysis.vocabulary[t as usize].as_str())
                .collect();
            per_doc[s.source.document as usize].push((text.join(" "), 1));
        }
    }
    TermBags::from_strings(&per_doc)
}

/// Experiment: word signature scaled by sqrt(1 - alpha) and shingle
/// signature by sqrt(alpha), one vector; keys are the word keys.
fn combine(words: &Signatures, shingles: &Signatures, alpha: f64) -> Signatures {
    let base = words.vocabulary.len() as u32;
    let mut vocabulary = words.vocabulary.clone();
    vocabulary.extend(shingles.vocabulary.iter().cloned());
    let (a, b) = ((1.0 - alpha).sqrt(), alpha.sqrt());
    let rows: Vec<brief::stories::signature::SignatureRow> = (0..words.len())
        .map(|d| {
            let w = words.get(d);
            let s = shingles.get(d);
            let mut row: Vec<(u32, u16)> = w
                .terms
                .iter()
                .zip(w.weights)
                .map(|(&t, &x)| (t, (f64::from(x) * a).round() as u16))
                .collect();
            row.extend(
                s.terms
                    .iter()
                    .zip(s.weights)
                    .map(|(&t, &x)| (base + t, (f64::from(x) * b).round() as u16)),
            );
            row.retain(|&(_, x)| x > 0);
            (row, words.keys(d).to_vec())
        })
        .collect();
    Signatures::from_rows(vocabulary, rows)
}

/// Experiment: for each document, the terms of words written capitalized
/// other than as a sentence's first word (names), and of words with digits.
fn name_terms(data: &Dataset, bags: &TermBags) -> Vec<(Vec<u32>, Vec<u32>)> {
    use unicode_segmentation::UnicodeSegmentation;
    let segmenter = Segmenter::new(Language::English);
    let analyzer = Analyzer::new(Language::English);
    data.documents
        .iter()
        .map(|doc| {
            let units = segmenter.segment(&doc.text, doc.body_start);
            let one = std::slice::from_ref(doc);
            let sentences = brief::pipeline::sentence_texts(one, std::slice::from_ref(&units));
            let (mut names, mut numbers) = (Vec::new(), Vec::new());
            for (_, text) in sentences {
                for (i, word) in text.unicode_words().enumerate() {
                    let capital = word.chars().next().is_some_and(|c| c.is_uppercase());
                    let digit = word.chars().any(|c| c.is_ascii_digit());
                    let name = capital && i > 0;
                    if !(name || digit) {
                        continue;
                    }
                    for term in analyzer.terms(word) {
                        if let Ok(t) = bags.vocabulary.binary_search(&term) {
                            if digit {
                                numbers.push(t as u32);
                            } else {
                                names.push(t as u32);
                            }
                        }
                    }
                }
            }
            names.sort_unstable();
            names.dedup();
            numbers.sort_unstable();
            numbers.dedup();
            (names, numbers)
        })
        .collect()
}

/// Experiment: signatures as built by brief, with name terms' weights
/// times `names` and number terms' times `numbers` before the top 256.
fn weighted_signatures(
    bags: &TermBags,
    marks: &[(Vec<u32>, Vec<u32>)],
    names: f64,
    numbers: f64,
) -> Signatures {
    let df = bags.document_frequencies();
    let n = bags.len();
    let rows: Vec<brief::stories::signature::SignatureRow> = (0..n)
        .map(|d| {
            let (terms, counts) = bags.bag(d);
            let weighted: Vec<(f64, u32)> = terms
                .iter()
                .zip(counts)
                .filter(|(&t, _)| df[t as usize] >= 2)
                .map(|(&t, &c)| {
                    let mut w = weight(c, df[t as usize], n);
                    if marks[d].0.binary_search(&t).is_ok() {
                        w *= names;
                    }
                    if marks[d].1.binary_search(&t).is_ok() {
                        w *= numbers;
                    }
                    (w, t)
                })
                .filter(|(w, _)| *w > 0.0)
                .collect();
            strongest_row(weighted)
        })
        .collect();
    Signatures::from_rows(bags.vocabulary.clone(), rows)
}

/// Word 5-grams (lowercased words of the whole text), hashed, sorted.
fn five_grams(text: &str) -> Vec<u64> {
    use std::hash::{Hash, Hasher};
    use unicode_segmentation::UnicodeSegmentation;
    let words: Vec<String> = text.unicode_words().map(str::to_lowercase).collect();
    let mut grams: Vec<u64> = words
        .windows(5)
        .map(|w| {
            let mut h = std::hash::DefaultHasher::new();
            w.hash(&mut h);
            h.finish()
        })
        .collect();
    grams.sort_unstable();
    grams.dedup();
    grams
}

/// Pairs of documents that share a passage (3 or more word 5-grams: a
/// sentence or a quote repeated), by whether they share a true topic and
/// whether brief's default grouping put them together. All pairs: for
/// small datasets only.
fn print_sharing(data: &Dataset, labels: &Labels) {
    let grams: Vec<Vec<u64>> = data.documents.iter().map(|d| five_grams(&d.text)).collect();
    let common = |a: &[u64], b: &[u64]| {
        let (mut i, mut j, mut n) = (0, 0, 0);
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    n += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        n
    };
    // [same topic?][same group?] -> (pairs, pairs sharing a passage)
    let mut counts = [[(0usize, 0usize); 2]; 2];
    // (first topic, first topic) -> (pairs, sharing, pairs in one story)
    let mut by_topics: BTreeMap<(usize, usize), (usize, usize, usize)> = BTreeMap::new();
    for a in 0..grams.len() {
        for b in a + 1..grams.len() {
            let topic = data.topics[a].iter().any(|t| data.topics[b].contains(t));
            let group = labels[a] == labels[b];
            let shares = common(&grams[a], &grams[b]) >= 3;
            let cell = &mut counts[usize::from(topic)][usize::from(group)];
            cell.0 += 1;
            cell.1 += usize::from(shares);
            let (ta, tb) = (data.topics[a][0], data.topics[b][0]);
            let cell = by_topics.entry((ta.min(tb), ta.max(tb))).or_default();
            cell.0 += 1;
            cell.1 += usize::from(shares);
            cell.2 += usize::from(group);
        }
    }
    println!("\nPairs sharing a passage (3+ word 5-grams):\n");
    println!("| pairs | brief: same story | pairs | sharing |\n|---|---|---|---|");
    for (topic, name) in [(1, "same topic"), (0, "different topics")] {
        for (group, verdict) in [(1, "yes"), (0, "no")] {
            let (pairs, shared) = counts[topic][group];
            println!(
                "| {name} | {verdict} | {pairs} | {:.1}% |",
                100.0 * shared as f64 / pairs.max(1) as f64
            );
        }
    }
    let rate = |&(pairs, shared, _): &(usize, usize, usize)| 100.0 * shared as f64 / pairs as f64;
    let within: Vec<String> = by_topics
        .iter()
        .filter(|((a, b), _)| a == b)
        .map(|((a, _), c)| format!("{} {:.0}%", data.topic_names[*a], rate(c)))
        .collect();
    if within.len() <= 60 {
        println!("\nWithin each topic: {}", within.join("; "));
    }
    // Topic pairs with 10 or more of their pairs in one story.
    let joined: Vec<String> = by_topics
        .iter()
        .filter(|((a, b), c)| a != b && c.2 >= 10)
        .map(|((a, b), c)| {
            format!(
                "{} ~ {} {:.0}% of {}",
                data.topic_names[*a],
                data.topic_names[*b],
                rate(c),
                c.0
            )
        })
        .collect();
    println!("Across topics brief joins: {}", joined.join("; "));
}

fn brief_labels(p: &Prepared, link: f64, cohesion: f64) -> Labels {
    let config = StoryConfig {
        link_threshold: link,
        cohesion,
        ..StoryConfig::default()
    };
    let stories = group_signatures(p.signatures.clone(), &config);
    let n = p.data.documents.len();
    let mut labels: Labels = (0..n).map(|d| n + d).collect();
    for (g, group) in stories.grouping.groups.iter().enumerate() {
        for &d in &group.documents {
            labels[d as usize] = g;
        }
    }
    labels
}

// ---------------------------------------------------------------------------
// Baseline: plain TF-IDF document vectors (tf × ln(N/df), every term, L2),
// all pairs, hierarchical clustering.

struct Dendrogram {
    /// (similarity, a, b): merges of clusters named by a member, in order.
    merges: Vec<(f64, usize, usize)>,
    n: usize,
}

fn tfidf_vectors(bags: &TermBags) -> Vec<Vec<(u32, f64)>> {
    let df = bags.document_frequencies();
    let n = bags.len() as f64;
    (0..bags.len())
        .map(|d| {
            let (terms, counts) = bags.bag(d);
            let mut v: Vec<(u32, f64)> = terms
                .iter()
                .zip(counts)
                .map(|(&t, &c)| (t, f64::from(c) * (n / f64::from(df[t as usize])).ln()))
                .collect();
            let norm = v.iter().map(|(_, w)| w * w).sum::<f64>().sqrt().max(1e-12);
            v.iter_mut().for_each(|(_, w)| *w /= norm);
            v
        })
        .collect()
}

fn similarity_matrix(bags: &TermBags) -> Vec<Vec<f64>> {
    use rayon::prelude::*;
    let vectors = tfidf_vectors(bags);
    let n = vectors.len();
    let dense: Vec<std::collections::HashMap<u32, f64>> = vectors
        .iter()
        .map(|v| v.iter().copied().collect())
        .collect();
    (0..n)
        .into_par_iter()
        .map(|i| {
            (0..n)
                .map(|j| {
                    if i == j {
                        return f64::NEG_INFINITY;
                    }
                    vectors[i]
                        .iter()
                        .filter_map(|(t, w)| dense[j].get(t).map(|v| v * w))
                        .sum()
                })
                .collect()
        })
        .collect()
}

/// Single link (maximum) or average link (UPGMA) by the nearest-neighbour
/// chain algorithm: exact, O(n²) time for a full dendrogram.
fn dendrogram(mut sim: Vec<Vec<f64>>, average: bool) -> Dendrogram {
    let n = sim.len();
    let mut size = vec![1usize; n];
    let mut alive = vec![true; n];
    let mut merges = Vec::new();
    let mut chain: Vec<usize> = Vec::new();
    let mut remaining = n;
    while remaining > 1 {
        if chain.is_empty() {
            chain.push((0..n).find(|&i| alive[i]).unwrap());
        }
        let a = *chain.last().unwrap();
        let prev = if chain.len() >= 2 {
            Some(chain[chain.len() - 2])
        } else {
            None
        };
        // Most similar live cluster; the previous one wins ties (the
        // chain's rule that guarantees termination).
        let mut best = prev.unwrap_or(usize::MAX);
        let mut best_sim = prev.map_or(f64::NEG_INFINITY, |p| sim[a][p]);
        for j in 0..n {
            if alive[j] && j != a && sim[a][j] > best_sim {
                best = j;
                best_sim = sim[a][j];
            }
        }
        if Some(best) == prev {
            chain.pop();
            chain.pop();
            let (keep, gone) = (a.min(best), a.max(best));
            merges.push((best_sim, keep, gone));
            for k in 0..n {
                if alive[k] && k != keep && k != gone {
                    let s = if average {
                        (size[keep] as f64 * sim[keep][k] + size[gone] as f64 * sim[gone][k])
                            / (size[keep] + size[gone]) as f64
                    } else {
                        sim[keep][k].max(sim[gone][k])
                    };
                    sim[keep][k] = s;
                    sim[k][keep] = s;
                }
            }
            alive[gone] = false;
            size[keep] += size[gone];
            remaining -= 1;
        } else {
            chain.push(best);
        }
    }
    Dendrogram { merges, n }
}

fn cut(d: &Dendrogram, threshold: f64) -> Labels {
    let mut parent: Vec<usize> = (0..d.n).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    for &(s, a, b) in &d.merges {
        if s >= threshold {
            let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
            parent[ra.max(rb)] = ra.min(rb);
        }
    }
    (0..d.n).map(|i| find(&mut parent, i)).collect()
}

// ---------------------------------------------------------------------------

fn row(method: &str, s: Score) -> String {
    format!(
        "| {method} | {:.3} | {:.3} | **{:.3}** | {:.3} | {} |",
        s.precision, s.recall, s.f1, s.ari, s.groups
    )
}

const LINKS: [f64; 7] = [0.05, 0.075, 0.1, 0.125, 0.15, 0.2, 0.25];
const COHESIONS: [f64; 7] = [0.05, 0.075, 0.1, 0.11, 0.125, 0.15, 0.2];
const BASELINE: [f64; 12] = [
    0.02, 0.04, 0.06, 0.08, 0.1, 0.12, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4,
];

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1).cloned())
    };
    let eval = PathBuf::from(
        value("--eval")
            .unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/eval").into()),
    );
    let generated_docs: usize = value("--generated-docs")
        .map(|v| v.parse().expect("--generated-docs N"))
        .unwrap_or(5000);
    // --quick: no baseline (it compares all pairs).
    let quick = args.iter().any(|a| a == "--quick");
    let signal = value("--signal").map_or(Signal::Words, |v| Signal::parse(&v));
    // --sharing: how often pairs of documents share sentences, within a
    // topic and across the topics the default grouping mixes.
    let sharing = args.iter().any(|a| a == "--sharing");
    let topics: Vec<String> = args
        .iter()
        .skip_while(|a| *a != "--topics")
        .skip(1)
        .take_while(|a| !a.starts_with("--"))
        .cloned()
        .collect();

    let mut datasets = Vec::new();
    if !topics.is_empty() {
        let dirs: Vec<PathBuf> = topics.iter().flat_map(|p| glob_dirs(p)).collect();
        datasets.push(load_topics("topics", &dirs, None));
    } else {
        let d03 = glob_dirs(&format!("{}/duc2003/*/docs", eval.display()));
        let d07 = glob_dirs(&format!("{}/duc2007/*/docs", eval.display()));
        if d03.is_empty() || d07.is_empty() {
            eprintln!(
                "no DUC topics under {} (pass --eval DIR); scoring the generated corpus only",
                eval.display()
            );
        } else {
            let all: Vec<PathBuf> = d03.iter().chain(&d07).cloned().collect();
            datasets.push(load_topics("duc-mix", &all, None));
            datasets.push(load_topics("duc2003", &d03, None));
            datasets.push(load_topics("duc2007", &d07, None));
            datasets.push(load_topics("duc-mix-10", &all, Some(10)));
        }
        datasets.push(generated("generated", generated_docs, 10));
        datasets.push(generated("generated-25", generated_docs, 25));
    }

    // Baseline thresholds are tuned on the first dataset (the dev mixture).
    let mut tuned: Option<(f64, f64)> = None;
    for data in &datasets {
        let p = prepare(data, signal);
        println!(
            "\n## {} ({} documents, {} topics)\n",
            data.name,
            data.documents.len(),
            data.topic_names.len()
        );

        println!(
            "B-cubed F1 of `brief stories` by link threshold (rows) and cohesion (columns):\n"
        );
        print!("| link \\ cohesion |");
        for c in COHESIONS {
            print!(" {c:.2} |");
        }
        println!();
        println!("|---|{}", "---|".repeat(COHESIONS.len()));
        for link in LINKS {
            print!("| {link:.2} |");
            for cohesion in COHESIONS {
                let s = score(&brief_labels(&p, link, cohesion), data);
                print!(" {:.3} |", s.f1);
            }
            println!();
        }

        // Baseline on small enough inputs only: it is quadratic.
        let baseline = if data.documents.len() <= 6000 && !quick {
            let sim = similarity_matrix(&p.bags);
            let single = dendrogram(sim.clone(), false);
            let average = dendrogram(sim, true);
            println!("\nBaseline B-cubed F1 by threshold:\n");
            println!("| threshold | single link | average link |\n|---|---|---|");
            let mut best = (0.0, 0.0, 0.0, 0.0);
            for t in BASELINE {
                let s1 = score(&cut(&single, t), data).f1;
                let s2 = score(&cut(&average, t), data).f1;
                println!("| {t:.2} | {s1:.3} | {s2:.3} |");
                if s1 > best.1 {
                    best.0 = t;
                    best.1 = s1;
                }
                if s2 > best.3 {
                    best.2 = t;
                    best.3 = s2;
                }
            }
            let (ts, ta) = *tuned.get_or_insert((best.0, best.2));
            Some((single, average, ts, ta))
        } else {
            None
        };

        println!("\n| method | B³ precision | B³ recall | B³ F1 | ARI | groups |\n|---|---|---|---|---|---|");
        let ours = score(
            &brief_labels(&p, DEFAULT_LINK_THRESHOLD, DEFAULT_COHESION),
            data,
        );
        println!(
            "{}",
            row(
                &format!(
                    "brief stories (link {DEFAULT_LINK_THRESHOLD}, cohesion {DEFAULT_COHESION})"
                ),
                ours
            )
        );
        if let Some((single, average, ts, ta)) = &baseline {
            println!(
                "{}",
                row(
                    &format!("single link at {ts:.2}"),
                    score(&cut(single, *ts), data)
                )
            );
            println!(
                "{}",
                row(
                    &format!("average link at {ta:.2}"),
                    score(&cut(average, *ta), data)
                )
            );
        }

        // Which true topics the default grouping mixes, and which it splits.
        let labels = brief_labels(&p, DEFAULT_LINK_THRESHOLD, DEFAULT_COHESION);
        if sharing && data.documents.len() <= 6000 {
            print_sharing(data, &labels);
        }
        let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for (d, &g) in labels.iter().enumerate() {
            groups.entry(g).or_default().push(d);
        }
        let mut mixed = Vec::new();
        for members in groups.values() {
            let mut count: BTreeMap<usize, usize> = BTreeMap::new();
            for &d in members {
                *count.entry(data.topics[d][0]).or_default() += 1;
            }
            if count.len() > 1 {
                mixed.push(
                    count
                        .iter()
                        .map(|(&t, &c)| format!("{} ×{c}", data.topic_names[t]))
                        .collect::<Vec<_>>()
                        .join(" + "),
                );
            }
        }
        let mut split = Vec::new();
        for (t, name) in data.topic_names.iter().enumerate() {
            let mut parts: BTreeMap<usize, usize> = BTreeMap::new();
            for (d, topics) in data.topics.iter().enumerate() {
                if topics[0] == t {
                    *parts.entry(labels[d]).or_default() += 1;
                }
            }
            if parts.len() > 1 {
                let mut sizes: Vec<usize> = parts.values().copied().collect();
                sizes.sort_unstable_by(|a, b| b.cmp(a));
                split.push(format!("{name} {sizes:?}"));
            }
        }
        if !mixed.is_empty() || !split.is_empty() {
            println!(
                "\nGroups mixing topics ({}): {}",
                mixed.len(),
                mixed
                    .iter()
                    .take(12)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join("; ")
            );
            println!(
                "Topics split ({}): {}",
                split.len(),
                split
                    .iter()
                    .take(12)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join("; ")
            );
        }
    }
}
