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
    /// Only for input that was not UTF-8 (docs/encodings.md).
    #[serde(default)]
    encoding: Option<String>,
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
    /// `lexical`, `semantic` or `combined`: the measure that ran.
    similarity: String,
    /// Present only when a query was given (`--query`, batch `query`).
    query: Option<String>,
    /// The fact-splitting rules in force.
    facts: Vec<String>,
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
    /// On a summary sentence's citations only: indices into its `facts`.
    facts: Option<Vec<usize>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Fact {
    start: usize,
    end: usize,
    text: String,
    support: u32,
    citations: Vec<Citation>,
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
    facts: Vec<Fact>,
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
    facts: usize,
    multi_source_facts: usize,
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
    /// `brief batch` only, and only when some documents of the topic were
    /// left out or changed.
    warnings: Option<Vec<String>>,
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
    fact_clusters: Vec<Cluster>,
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
    assert_eq!(summary.options.similarity, "lexical");
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
    assert_eq!(summary.options.facts.len(), 6, "all fact rules by default");
    for (i, s) in summary.summary.iter().enumerate() {
        assert_eq!(s.rank as usize, i + 1, "rank order is the default order");
        // The sentence as shown (past a dateline, to a budget's cut) lies
        // within its own citation.
        assert!(s
            .citations
            .iter()
            .any(|c| c.document == s.document && c.start <= s.start && s.end <= c.end));
        assert!(!s.facts.is_empty());
        for fact in &s.facts {
            assert!(s.start <= fact.start && fact.end <= s.end);
        }
        // A sentence citation names the facts it states, and each fact's
        // citations come from sentences that name it.
        for c in &s.citations {
            let facts = c
                .facts
                .as_ref()
                .expect("summary citations list their facts");
            assert!(!facts.is_empty() && facts.iter().all(|&i| i < s.facts.len()));
        }
        for (i, fact) in s.facts.iter().enumerate() {
            for fc in &fact.citations {
                assert!(fc.facts.is_none(), "fact citations carry no fact list");
                assert!(s.citations.iter().any(|c| c.document == fc.document
                    && c.sentence == fc.sentence
                    && c.start <= fc.start
                    && fc.end <= c.end
                    && c.facts.as_ref().unwrap().contains(&i)));
            }
        }
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
    // Fact clusters: the same shape, each member a fact unit's range.
    assert!(!dedup.fact_clusters.is_empty());
    assert!(dedup
        .fact_clusters
        .windows(2)
        .all(|w| w[0].size >= w[1].size));
    for c in dedup.clusters.iter().chain(&dedup.fact_clusters) {
        assert!(c.size >= 2 && c.members.len() == c.size);
        assert!(c.members.iter().all(|m| m.facts.is_none()));
    }
    // Some sentences divide into several facts; without the rules, every
    // sentence is one.
    assert!(dedup.stats.facts > dedup.stats.sentences);
    let value = json(&brief(&[
        "dedup", "corpus/", "--format", "json", "--facts", "none",
    ]));
    let whole: Dedup = serde_json::from_value(value).expect("brief.dedup/1 shape");
    assert_eq!(whole.stats.facts, whole.stats.sentences);
    assert!(whole.options.facts.is_empty());
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct PairsOptions {
    language: String,
    similarity: String,
    threshold: f64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct ScoredPair {
    location: String,
    lexical: f64,
    semantic: Option<f64>,
    combined: Option<f64>,
    same: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct PairsStats {
    pairs: usize,
    same: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Pairs {
    schema: String,
    options: PairsOptions,
    pairs: Vec<ScoredPair>,
    stats: PairsStats,
}

#[test]
fn pairs_json_matches_the_contract() {
    let input = "The talks ended without a deal.\tThe summit produced no agreement.\n\
                 Prices rose sharply.\tThe bakery opened at dawn.\n";
    let output = crate::brief_with_stdin(&["pairs", "--format", "json"], input);
    let pairs: Pairs = serde_json::from_value(json(&output)).expect("brief.pairs/1 shape");
    assert_eq!(pairs.schema, "brief.pairs/1");
    // The decision is the default (lexical) measure's; all three are shown.
    assert_eq!(pairs.options.similarity, "lexical");
    assert_eq!(pairs.pairs.len(), 2);
    assert_eq!(pairs.pairs[1].location, "<stdin>:2");
    assert!(pairs.pairs.iter().all(|p| p.semantic.is_some()));
}

#[test]
fn pairs_without_the_semantic_table_leave_its_fields_out_and_say_why() {
    // They were written as null, which the contract does not allow.
    let input = "Der Hund schläft im Haus.\tDer Hund schläft im Garten.\n";
    let args = [
        "pairs",
        "--format",
        "json",
        "--lang",
        "de",
        "--similarity",
        "semantic",
    ];
    let output = crate::brief_with_stdin(&args, input);
    let value = json(&output);
    let pair = value["pairs"][0].as_object().unwrap();
    assert!(
        !pair.contains_key("semantic") && !pair.contains_key("combined"),
        "{value}"
    );
    assert_eq!(value["options"]["similarity"], "lexical");
    assert!(
        crate::stderr(&output).contains("the semantic table is English only"),
        "{}",
        crate::stderr(&output)
    );
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
    min_shared_terms: usize,
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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct BatchError {
    schema: String,
    file: String,
    line: usize,
    id: Option<String>,
    error: String,
}

#[test]
fn batch_error_lines_match_the_contract() {
    let output = crate::brief_with_stdin(&["batch", "-"], "{\"id\": \"t\", \"documents\": []}\n");
    let line = crate::stdout(&output);
    let error: BatchError = serde_json::from_str(line.trim()).expect("brief.error/1 shape");
    assert_eq!(error.schema, "brief.error/1");
    assert_eq!(error.file, "<stdin>");
    assert_eq!(error.line, 1);
    assert_eq!(error.id.as_deref(), Some("t"));
}

#[test]
fn a_bad_document_costs_a_batch_topic_that_document_only() {
    // One document whose text was a number failed the whole topic.
    let good = "The central bank raised interest rates by half a point on Tuesday.";
    let topic = serde_json::json!({"id": "t", "querry": "rates", "documents": [
        {"id": "a", "text": good},
        {"id": "b", "text": 12345},
        {"text": "A document without an id."},
        {"id": "c", "text": format!("On Tuesday, {good}"), "date": "yesterday"},
    ]});
    let output = crate::brief_with_stdin(&["batch", "-"], &format!("{topic}\n"));
    assert_eq!(output.status.code(), Some(0), "{}", crate::stderr(&output));
    let line = crate::stdout(&output);
    let summary: Summary = serde_json::from_str(line.trim()).expect("brief.summary/1 shape");
    assert_eq!(summary.documents.len(), 2);
    let warnings = summary.warnings.expect("warnings");
    assert_eq!(warnings.len(), 4, "{warnings:?}");
    assert!(
        warnings[0].starts_with("field \"querry\" is not read"),
        "{warnings:?}"
    );
    assert!(
        warnings[1].starts_with("document 2: invalid type: integer"),
        "{warnings:?}"
    );
    assert!(
        warnings[2].starts_with("document 3: missing field `id`"),
        "{warnings:?}"
    );
    assert!(warnings[3].contains("field `date`"), "{warnings:?}");
    // A clean topic has no warnings field.
    let clean = serde_json::json!({"id": "t", "documents": [{"id": "a", "text": good}]});
    let output = crate::brief_with_stdin(&["batch", "-"], &format!("{clean}\n"));
    assert!(!crate::stdout(&output).contains("warnings"));
}
