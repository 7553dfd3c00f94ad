//! The JSON output is a public, versioned contract: these strict types
//! (unknown fields rejected) fail when a field is renamed, removed or added
//! without a schema decision.

use serde::Deserialize;

use crate::{brief, json};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Document {
    id: String,
    path: String,
    title: Option<String>,
    date: Option<String>,
    url: Option<String>,
    sentences: usize,
    units: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Options {
    language: String,
    threshold: f64,
    budget: serde_json::Map<String, serde_json::Value>,
    order: String,
    algorithm: String,
    /// Present only when a query was given (`--query`, batch `query`).
    query: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Citation {
    document: String,
    sentence: u32,
    start: usize,
    end: usize,
    text: String,
    similarity: f64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct SummarySentence {
    rank: u32,
    document: String,
    sentence: u32,
    start: usize,
    end: usize,
    text: String,
    score: f64,
    support: u32,
    /// Present (true) only on a sentence cut by a length budget.
    truncated: Option<bool>,
    citations: Vec<Citation>,
    /// Present only when the fact's sources give different values.
    disagreements: Option<Vec<Disagreement>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Disagreement {
    kind: String,
    severity: String,
    values: Vec<DisagreementValue>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct DisagreementValue {
    value: String,
    statements: Vec<Located>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Stats {
    documents: usize,
    units: usize,
    sentences: usize,
    clusters: usize,
    multi_source_clusters: usize,
    summary_sentences: Option<usize>,
    summary_words: Option<usize>,
    timings_ms: Option<serde_json::Map<String, serde_json::Value>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Summary {
    schema: String,
    /// Present in `brief batch` output only.
    topic: Option<String>,
    options: Options,
    documents: Vec<Document>,
    summary: Vec<SummarySentence>,
    stats: Stats,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Located {
    document: String,
    sentence: u32,
    start: usize,
    end: usize,
    text: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Cluster {
    id: u32,
    size: usize,
    support: u32,
    representative: Located,
    members: Vec<Citation>,
    /// Present only when the cluster's sources give different values.
    disagreements: Option<Vec<Disagreement>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct DocumentPair {
    a: String,
    b: String,
    shared: u32,
    overlap: f64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Dedup {
    schema: String,
    options: Options,
    documents: Vec<Document>,
    clusters: Vec<Cluster>,
    document_pairs: Vec<DocumentPair>,
    stats: Stats,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Unit {
    document: String,
    index: usize,
    kind: String,
    start: usize,
    end: usize,
    text: String,
    /// Present (true) only on a piece of an over-long stretch.
    split: Option<bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct SegmentStats {
    documents: usize,
    units: usize,
    sentences: usize,
    headings: usize,
    bylines: usize,
    boilerplate: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Segment {
    schema: String,
    documents: Vec<Document>,
    units: Vec<Unit>,
    stats: SegmentStats,
}

#[test]
fn summary_json_matches_the_contract() {
    let value = json(&brief(&[
        "summarize",
        "corpus/",
        "--format",
        "json",
        "--stats",
    ]));
    let summary: Summary = serde_json::from_value(value).expect("brief.summary/1 shape");
    assert_eq!(summary.schema, "brief.summary/1");
    assert_eq!(summary.documents.len(), 5);
    assert_eq!(summary.summary.len(), 7);
    assert_eq!(summary.stats.summary_sentences, Some(7));
    assert!(summary.stats.timings_ms.is_some(), "--stats adds timings");
    assert_eq!(
        summary
            .options
            .budget
            .get("sentences")
            .and_then(|v| v.as_u64()),
        Some(7)
    );
    assert_eq!(summary.options.query, None);
    for (i, s) in summary.summary.iter().enumerate() {
        assert_eq!(s.rank as usize, i + 1, "rank order is the default order");
        // The sentence as shown (past a dateline, to a budget's cut) lies
        // within its own citation.
        assert!(s
            .citations
            .iter()
            .any(|c| c.document == s.document && c.start <= s.start && s.end <= c.end));
    }
}

#[test]
fn query_is_recorded_in_the_options() {
    let question = "What did Zelensky say about territory?";
    let value = json(&brief(&[
        "summarize",
        "corpus/",
        "--format",
        "json",
        "--query",
        question,
    ]));
    let summary: Summary = serde_json::from_value(value).expect("brief.summary/1 shape");
    assert_eq!(summary.options.query.as_deref(), Some(question));
}

#[test]
fn timings_appear_only_on_request() {
    let value = json(&brief(&["summarize", "corpus/", "--format", "json"]));
    assert!(value["stats"].get("timings_ms").is_none());
}

#[test]
fn dedup_json_matches_the_contract() {
    let value = json(&brief(&["dedup", "corpus/", "--format", "json"]));
    let dedup: Dedup = serde_json::from_value(value).expect("brief.dedup/1 shape");
    assert_eq!(dedup.schema, "brief.dedup/1");
    assert!(!dedup.clusters.is_empty());
    // Largest first; every cluster spans two or more sentences.
    assert!(dedup.clusters.windows(2).all(|w| w[0].size >= w[1].size));
    assert!(dedup
        .clusters
        .iter()
        .all(|c| c.size >= 2 && c.members.len() == c.size));
}

/// Every disagreement names a known kind and severity, gives two or more
/// distinct values, and locates each statement: its range slices the
/// value out of the document's text, inside the stated sentence.
fn check_disagreements(found: &[Disagreement], documents: &[Document]) {
    for d in found {
        assert!(
            ["duration", "count", "money", "percent", "measure", "date", "time"]
                .contains(&d.kind.as_str()),
            "{}",
            d.kind
        );
        assert!(["conflict", "nuance"].contains(&d.severity.as_str()));
        assert!(d.values.len() >= 2);
        let mut normalized: Vec<&str> = d.values.iter().map(|v| v.value.as_str()).collect();
        normalized.sort_unstable();
        normalized.dedup();
        assert_eq!(normalized.len(), d.values.len(), "values are distinct");
        for s in d.values.iter().flat_map(|v| &v.statements) {
            let doc = documents.iter().find(|x| x.id == s.document).unwrap();
            let text = std::fs::read_to_string(&doc.path).unwrap();
            assert_eq!(&text[s.start..s.end], s.text);
        }
    }
}

#[test]
fn disagreements_match_the_contract_and_slice_back() {
    let value = json(&brief(&[
        "summarize",
        "corpus/",
        "--format",
        "json",
        "--sentences",
        "20",
    ]));
    let summary: Summary = serde_json::from_value(value).expect("brief.summary/1 shape");
    let mut seen = 0;
    for s in &summary.summary {
        if let Some(found) = &s.disagreements {
            assert!(!found.is_empty(), "absent rather than empty");
            check_disagreements(found, &summary.documents);
            seen += found.len();
        }
    }
    assert!(seen > 0, "the sample corpus has disagreements");
    let value = json(&brief(&["dedup", "corpus/", "--format", "json"]));
    let dedup: Dedup = serde_json::from_value(value).expect("brief.dedup/1 shape");
    for c in &dedup.clusters {
        check_disagreements(c.disagreements.as_deref().unwrap_or(&[]), &dedup.documents);
    }
}

#[test]
fn segment_json_matches_the_contract() {
    let value = json(&brief(&["segment", "corpus/", "--format", "json"]));
    let segment: Segment = serde_json::from_value(value).expect("brief.segment/1 shape");
    assert_eq!(segment.schema, "brief.segment/1");
    let kinds: std::collections::BTreeSet<&str> =
        segment.units.iter().map(|u| u.kind.as_str()).collect();
    assert!(kinds
        .iter()
        .all(|k| ["sentence", "heading", "byline", "boilerplate"].contains(k)));
    assert_eq!(segment.stats.units, segment.units.len());
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct StorySummary {
    schema: String,
    story: String,
    options: Options,
    documents: Vec<Document>,
    summary: Vec<SummarySentence>,
    stats: Stats,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct StoryOptions {
    language: String,
    link_threshold: f64,
    cohesion: f64,
    min_documents: usize,
    keys: usize,
    terms: usize,
    window: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct StoryLink {
    a: String,
    b: String,
    similarity: f64,
    average: f64,
    shared: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Story {
    id: String,
    size: usize,
    documents: Vec<String>,
    terms: Vec<String>,
    links: Vec<StoryLink>,
    /// Present only when the story could not be summarized.
    error: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct StoryStats {
    documents: usize,
    stories: usize,
    story_documents: usize,
    unassigned: usize,
    candidate_pairs: usize,
    links: usize,
    components: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct StoriesListing {
    schema: String,
    options: StoryOptions,
    stories: Vec<Story>,
    unassigned: Vec<String>,
    stats: StoryStats,
}

#[test]
fn stories_json_lines_match_the_contract() {
    let dir = crate::stories::mixed_corpus("contract_stories", 3);
    let output = brief(&["stories", dir.to_str().unwrap(), "--format", "json"]);
    let lines = crate::stories::json_lines(&output);
    let (last, summaries) = lines.split_last().expect("a listing line");
    let listing: StoriesListing =
        serde_json::from_value(last.clone()).expect("brief.stories/1 shape");
    assert_eq!(listing.schema, "brief.stories/1");
    assert_eq!(listing.stories.len(), summaries.len());
    for (story, line) in listing.stories.iter().zip(summaries) {
        let summary: StorySummary =
            serde_json::from_value(line.clone()).expect("brief.summary/1 with story");
        assert_eq!(summary.schema, "brief.summary/1");
        assert_eq!(summary.story, story.id);
        assert_eq!(
            story.links.len(),
            story.size - 1,
            "a spanning tree of links"
        );
    }
}
