//! The default summary of the sample corpus, checked against what a reader
//! of the five articles knows to be true.

use serde_json::Value;

use crate::{brief, json};

fn summary_json(extra: &[&str]) -> Value {
    let mut args = vec!["summarize", "corpus/", "--format", "json"];
    args.extend_from_slice(extra);
    json(&brief(&args))
}

fn dedup_json() -> Value {
    json(&brief(&["dedup", "corpus/", "--format", "json"]))
}

fn texts(summary: &Value) -> Vec<String> {
    summary["summary"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap().to_string())
        .collect()
}

/// The document ids cited for the cluster containing a sentence that
/// starts with `prefix` in document `doc`.
fn cited_documents(dedup: &Value, doc: &str, prefix: &str) -> Vec<String> {
    let cluster =
        dedup["clusters"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| {
                c["members"].as_array().unwrap().iter().any(|m| {
                    m["document"] == doc && m["text"].as_str().unwrap().starts_with(prefix)
                })
            })
            .unwrap_or_else(|| panic!("no cluster holds {doc}: {prefix}"));
    let mut docs: Vec<String> = cluster["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["document"].as_str().unwrap().to_string())
        .collect();
    docs.dedup();
    docs
}

#[test]
fn default_summary_has_seven_sentences_and_no_page_furniture() {
    let summary = summary_json(&[]);
    let texts = texts(&summary);
    assert_eq!(texts.len(), 7);
    for text in &texts {
        for furniture in [
            "date 2025",
            "Battlefield context",
            "Putin warns Western allies",
            "High-profile start",
            "Support our Journalism",
            "No-nonsense journalism",
            "Patreon",
        ] {
            assert!(
                !text.contains(furniture),
                "summary contains {furniture:?}: {text}"
            );
        }
        assert_ne!(text.trim(), "Reuters");
        assert!(
            !text.contains('\n'),
            "a summary sentence spans lines: {text}"
        );
    }
}

#[test]
fn no_two_summary_sentences_state_the_same_fact() {
    let summary = summary_json(&["--sentences", "12"]);
    let sentences = summary["summary"].as_array().unwrap();
    // Every citation belongs to exactly one summary sentence.
    let mut seen = std::collections::BTreeSet::new();
    for s in sentences {
        for c in s["citations"].as_array().unwrap() {
            let key = (c["document"].to_string(), c["sentence"].as_u64().unwrap());
            assert!(seen.insert(key.clone()), "sentence {key:?} cited twice");
        }
    }
    // The refrain every outlet quotes appears at most once.
    let refrain = sentences
        .iter()
        .filter(|s| {
            let t = s["text"].as_str().unwrap().replace('’', "'");
            t.contains("no deal until there's a deal")
        })
        .count();
    assert!(refrain <= 1, "the 'no deal' quote appears {refrain} times");
}

#[test]
fn shared_sentences_cite_every_outlet_that_carries_them() {
    let dedup = dedup_json();
    let (d0, d1, d2, d3, d4) = (
        "000_62f8772c7c445775",
        "001_ea413e61223932fb",
        "002_78b38a8f6085c137",
        "003_5b9f92d980bf3a62",
        "004_03aaff8ea2b48128",
    );
    // Same sentence under two spellings of the name (Zelensky / Zelenskiy),
    // plus a third outlet's paraphrase ("vowed not to cede territory").
    assert_eq!(
        cited_documents(&dedup, d0, "Zelensky has ruled out formally handing Moscow"),
        [d0, d1, d2]
    );
    // Same quote with straight and curly apostrophes.
    assert_eq!(
        cited_documents(&dedup, d0, "“We're not there yet, but we've made progress."),
        [d0, d4]
    );
    // "Next time in Moscow": reported by three outlets in three wordings.
    assert_eq!(
        cited_documents(&dedup, d0, "As Trump mused about a second meeting"),
        [d0, d1, d4]
    );
    // Every outlet reports that Trump would brief Zelensky and NATO leaders,
    // one of them with a third spelling (Zelenskyy).
    assert_eq!(
        cited_documents(
            &dedup,
            d2,
            "Trump said he would call Zelenskiy and Nato leaders"
        ),
        [d0, d1, d2, d3, d4]
    );
    // The refrain and the briefing stay separate facts, even though one
    // sentence of 003 combines them.
    let refrain = cited_documents(&dedup, d0, "“We're not there yet");
    assert!(!refrain.contains(&d2.to_string()));
}

#[test]
fn the_summary_leads_with_facts_several_outlets_carry() {
    let summary = summary_json(&[]);
    let sentences = summary["summary"].as_array().unwrap();
    let multi = sentences
        .iter()
        .filter(|s| s["support"].as_u64().unwrap() >= 2)
        .count();
    assert!(multi >= 4, "only {multi} of 7 sentences are multi-source");
    // Support equals the number of distinct cited documents.
    for s in sentences {
        let mut docs: Vec<&str> = s["citations"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["document"].as_str().unwrap())
            .collect();
        docs.dedup();
        assert_eq!(s["support"].as_u64().unwrap() as usize, docs.len());
    }
}

#[test]
fn offsets_slice_back_to_the_sentence_text() {
    let summary = summary_json(&["--sentences", "20"]);
    for s in summary["summary"].as_array().unwrap() {
        let check = |item: &Value| {
            let doc = item["document"].as_str().unwrap();
            let original = std::fs::read(crate::corpus_dir().join(format!("{doc}.txt"))).unwrap();
            let (start, end) = (
                item["start"].as_u64().unwrap() as usize,
                item["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(
                std::str::from_utf8(&original[start..end]).unwrap(),
                item["text"].as_str().unwrap()
            );
        };
        check(s);
        s["citations"].as_array().unwrap().iter().for_each(check);
    }
}

#[test]
fn date_headers_become_document_dates() {
    let summary = summary_json(&[]);
    let docs = summary["documents"].as_array().unwrap();
    let dates: Vec<&Value> = docs.iter().map(|d| &d["date"]).collect();
    assert_eq!(dates[0], "2025-08-16");
    assert_eq!(dates[2], "2025-08-16");
    assert!(dates[1].is_null() && dates[3].is_null() && dates[4].is_null());
    // No sentence starts with the header.
    let segments = json(&brief(&["segment", "corpus/", "--format", "json"]));
    for unit in segments["units"].as_array().unwrap() {
        assert!(!unit["text"].as_str().unwrap().starts_with("date "));
    }
}

#[test]
fn orders_and_budgets() {
    let by_source = summary_json(&["--order", "source"]);
    let positions: Vec<(String, u64)> = by_source["summary"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["document"].as_str().unwrap().to_string(),
                s["sentence"].as_u64().unwrap(),
            )
        })
        .collect();
    let mut sorted = positions.clone();
    sorted.sort();
    assert_eq!(positions, sorted);

    let by_date = summary_json(&["--order", "date"]);
    let dated: Vec<bool> = by_date["summary"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            ["000_62f8772c7c445775", "002_78b38a8f6085c137"]
                .contains(&s["document"].as_str().unwrap())
        })
        .collect();
    // Dated documents first, undated after.
    assert!(dated.windows(2).all(|w| w[0] || !w[1]), "{dated:?}");

    let words = summary_json(&["--words", "60"]);
    let total: usize = texts(&words)
        .iter()
        .map(|t| t.split_whitespace().count())
        .sum();
    // Length budgets are filled exactly: the last sentence is cut.
    assert_eq!(total, 60, "{total} words");
    assert_eq!(words["stats"]["summary_words"], 60);

    // Character and byte budgets count the line breaks between sentences.
    let chars = summary_json(&["--chars", "300"]);
    let total = texts(&chars).join("\n").chars().count();
    assert!((299..=300).contains(&total), "{total} chars");

    let bytes = summary_json(&["--bytes", "665"]);
    let total = texts(&bytes).join("\n").len();
    assert!((664..=665).contains(&total), "{total} bytes");
    assert_eq!(bytes["options"]["budget"]["bytes"], 665);
}

#[test]
fn lead_takes_the_first_document_in_order() {
    let lead = summary_json(&["--algorithm", "lead", "--sentences", "3"]);
    assert_eq!(lead["options"]["algorithm"], "lead");
    let segments = json(&brief(&["segment", "corpus/", "--format", "json"]));
    // The first three sentences of the first document with at least six
    // words (shorter ones are never summary sentences).
    let expected: Vec<&str> = segments["units"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|u| u["document"] == "000_62f8772c7c445775" && u["kind"] == "sentence")
        .map(|u| u["text"].as_str().unwrap())
        .filter(|t| t.split_whitespace().count() >= 6)
        .take(3)
        .collect();
    assert_eq!(texts(&lead), expected);
}

#[test]
fn every_algorithm_cites_and_stays_non_redundant() {
    for algorithm in ["lead", "lexrank", "centroid", "brief"] {
        let summary = summary_json(&["--algorithm", algorithm, "--words", "100"]);
        assert_eq!(summary["options"]["algorithm"], algorithm);
        let texts = texts(&summary);
        let words: usize = texts.iter().map(|t| t.split_whitespace().count()).sum();
        assert_eq!(words, 100, "{algorithm}");
        let mut clusters = std::collections::BTreeSet::new();
        for s in summary["summary"].as_array().unwrap() {
            assert!(!s["citations"].as_array().unwrap().is_empty());
            let first = &s["citations"][0];
            assert!(clusters.insert((first["document"].to_string(), first["sentence"].to_string())));
        }
    }
}
