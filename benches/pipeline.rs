//! Throughput of the whole pipeline and of each stage, on the sample corpus
//! and on generated news-like corpora of growing size (generated here,
//! deterministically, by `support/corpus.rs`; nothing large is committed).
//!
//! `cargo bench` reports bytes/s for whole runs and sentences/s per stage
//! (`embed`: semantic sentence vectors; the cluster and rank stages use the
//! default, combined similarity).
//! Set `BRIEF_BENCH_MAX_MB` (default 8) to add larger sizes.
//! `load_10mb` reads one 10 MB file from memory as UTF-8 and as
//! Windows-1252 (detected and decoded, src/load/encoding.rs).

#[path = "support/corpus.rs"]
mod corpus;

use std::hint::black_box;
use std::time::Duration;

use brief::analyze::Analyzer;
use brief::cluster;
use brief::load::{self, Document, InputFormat};
use brief::pipeline::{Config, Pipeline};
use brief::rank::{self, RankConfig};
use brief::similarity::{Measure, SentenceVectors, Similarity, StaticModel};
use brief::tfidf::TfIdfMatrix;
use brief::Language;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

fn generated(bytes: usize) -> Vec<Document> {
    corpus::generate_bytes(bytes, 7)
        .into_iter()
        .map(|d| Document::new(d.id.clone(), d.id, d.text))
        .collect()
}

fn total_bytes(docs: &[Document]) -> u64 {
    docs.iter().map(|d| d.text.len() as u64).sum()
}

fn sizes_mb() -> Vec<usize> {
    let max: usize = std::env::var("BRIEF_BENCH_MAX_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(8);
    [1, 2, 4, 8, 16, 32, 64, 100]
        .into_iter()
        .filter(|&mb| mb <= max)
        .collect()
}

/// The whole pipeline (segment to summary), as `brief summarize` runs it.
fn whole_pipeline(c: &mut Criterion) {
    let pipeline = Pipeline::new(Config::default()).expect("default config is valid");
    let mut group = c.benchmark_group("pipeline");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));

    let sample = load::load_paths(
        &[concat!(env!("CARGO_MANIFEST_DIR"), "/corpus").into()],
        InputFormat::Text,
    );
    group.throughput(Throughput::Bytes(total_bytes(&sample.documents)));
    group.bench_function("corpus", |b| {
        b.iter(|| {
            let prepared = pipeline
                .prepare(sample.documents.clone())
                .expect("corpus loads");
            black_box(pipeline.summarize(&prepared))
        })
    });

    for mb in sizes_mb() {
        let docs = generated(mb << 20);
        group.throughput(Throughput::Bytes(total_bytes(&docs)));
        group.bench_with_input(BenchmarkId::new("generated_mb", mb), &docs, |b, docs| {
            b.iter(|| {
                let prepared = pipeline.prepare(docs.clone()).expect("generated input");
                black_box(pipeline.summarize(&prepared))
            })
        });
    }
    group.finish();
}

/// Each stage alone on a 4 MB generated corpus, in sentences per second.
fn stages(c: &mut Criterion) {
    let docs = generated(4 << 20);
    let pipeline = Pipeline::new(Config::default()).expect("default config is valid");
    let units = pipeline.segment(&docs);
    let sentences = brief::pipeline::sentence_texts(&docs, &units);
    let analyzer = Analyzer::new(Language::English);
    let analysis = analyzer.analyze(&sentences);
    let matrix = TfIdfMatrix::build(&analysis);
    let texts: Vec<&str> = sentences.iter().map(|&(_, t)| t).collect();
    let model = StaticModel::builtin();
    let vectors = SentenceVectors::embed(model, &texts, true);
    let similarity = Similarity::new(&matrix, Some(&vectors), Measure::default());
    let threshold = Config::default().threshold;
    let eligible = vec![true; matrix.len()];
    let relation = cluster::near_duplicates(
        &similarity,
        threshold,
        &eligible,
        cluster::scan_limit(matrix.len()),
    );
    let clusters = cluster::cluster(matrix.len(), &relation, &similarity, threshold);
    let representatives = cluster::representatives(&clusters, &similarity);
    let rank_config = RankConfig::default();

    let mut group = c.benchmark_group("stages_4mb");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(8));
    group.throughput(Throughput::Elements(sentences.len() as u64));
    group.bench_function("segment", |b| b.iter(|| black_box(pipeline.segment(&docs))));
    group.bench_function("analyze", |b| {
        b.iter(|| black_box(analyzer.analyze(&sentences)))
    });
    group.bench_function("tfidf", |b| {
        b.iter(|| black_box(TfIdfMatrix::build(&analysis)))
    });
    group.bench_function("embed", |b| {
        b.iter(|| black_box(SentenceVectors::embed(model, &texts, true)))
    });
    group.bench_function("near_duplicates", |b| {
        b.iter(|| {
            black_box(cluster::near_duplicates(
                &similarity,
                threshold,
                &eligible,
                cluster::scan_limit(matrix.len()),
            ))
        })
    });
    group.bench_function("cluster", |b| {
        b.iter(|| {
            black_box(cluster::cluster(
                matrix.len(),
                &relation,
                &similarity,
                threshold,
            ))
        })
    });
    group.bench_function("rank", |b| {
        b.iter(|| {
            let graph = rank::build_graph(&similarity, &representatives, &rank_config);
            let support = vec![1.0; representatives.len()];
            black_box(rank::lexrank(&graph, &support, &rank_config))
        })
    });
    group.finish();
}

/// Loading one 10 MB text: valid UTF-8 (checked and borrowed), and the
/// same text in Windows-1252 (detected by chardetng, decoded by
/// encoding_rs).
fn load_10mb(c: &mut Criterion) {
    let mut text = String::new();
    for doc in generated(10_000_000) {
        // Curly quotes and accented words, as a Windows news archive has.
        text.push_str(
            &doc.text
                .replace(" said", " d\u{e9}clar\u{e9}")
                .replace('"', "\u{201c}"),
        );
        if text.len() >= 10_000_000 {
            break;
        }
    }
    let (legacy, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&text);
    assert!(!unmappable, "the text has a character Windows-1252 lacks");
    let mut group = c.benchmark_group("load_10mb");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    for (name, bytes) in [("utf8", text.as_bytes()), ("windows_1252", &legacy[..])] {
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| black_box(load::load_bytes("in.txt", "in", bytes, InputFormat::Text)))
        });
    }
    group.finish();
}

criterion_group!(benches, whole_pipeline, stages, load_10mb);
criterion_main!(benches);
