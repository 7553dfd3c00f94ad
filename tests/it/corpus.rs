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
    for sentences in ["7", "12"] {
        let summary = summary_json(&["--sentences", sentences]);
        let sentences = summary["summary"].as_array().unwrap();
        // Every fact unit is cited by one summary sentence at most: a source
        // sentence with two facts can be cited twice, once for each.
        // (A sentence matched with the representative as a whole is cited
        // for each of its facts, within the one summary sentence.)
        let mut seen = std::collections::BTreeSet::new();
        for s in sentences {
            let own: std::collections::BTreeSet<(String, u64)> = s["facts"]
                .as_array()
                .unwrap()
                .iter()
                .flat_map(|fact| fact["citations"].as_array().unwrap())
                .map(|c| (c["document"].to_string(), c["start"].as_u64().unwrap()))
                .collect();
            for key in own {
                assert!(seen.insert(key.clone()), "fact unit {key:?} cited twice");
            }
        }
        // The refrain every outlet quotes appears once.
        let refrain = texts(&summary)
            .iter()
            .filter(|t| t.replace('’', "'").contains("no deal until there's a deal"))
            .count();
        assert_eq!(refrain, 1, "the 'no deal' quote appears {refrain} times");
    }
    // Four outlets open with the summit ending without a deal, in four
    // wordings: the summary states it once.
    let texts = texts(&summary_json(&[]));
    let opening = texts
        .iter()
        .filter(|t| {
            t.starts_with("At their high-stakes summit on Friday")
                || t.starts_with("An eagerly awaited meeting")
                || t.contains("did not yield an agreement to pause")
                || t.contains("without securing a ceasefire")
                || t.contains(
                    "concluded their high-stakes summit on Friday without any breakthrough",
                )
        })
        .count();
    assert_eq!(
        opening, 1,
        "the opening fact is stated {opening} times: {texts:#?}"
    );
}

/// The summary sentence whose text contains `needle`.
fn summary_sentence<'a>(summary: &'a Value, needle: &str) -> &'a Value {
    summary["summary"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| {
            s["text"]
                .as_str()
                .unwrap()
                .replace('’', "'")
                .contains(needle)
        })
        .unwrap_or_else(|| panic!("no summary sentence contains {needle:?}"))
}

#[test]
fn the_no_deal_quote_is_cited_from_all_five_outlets() {
    let summary = summary_json(&[]);
    let sentence = summary_sentence(&summary, "no deal until there's a deal");
    let fact = sentence["facts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| {
            f["text"].as_str().unwrap().replace('’', "'") == "There's no deal until there's a deal"
        })
        .expect("the quote is a fact of its own");
    assert_eq!(fact["support"], 5);
    let citations = fact["citations"].as_array().unwrap();
    let documents: Vec<&str> = citations
        .iter()
        .map(|c| c["document"].as_str().unwrap())
        .collect();
    assert_eq!(
        documents,
        [
            "000_62f8772c7c445775",
            "001_ea413e61223932fb",
            "002_78b38a8f6085c137",
            "003_5b9f92d980bf3a62",
            "004_03aaff8ea2b48128"
        ]
    );
    for c in citations {
        let quote = c["text"].as_str().unwrap().replace('’', "'");
        assert!(
            quote.trim_matches(['“', '”', '.']) == "There's no deal until there's a deal",
            "{quote}"
        );
    }
    // Three outlets put the quote in a longer sentence with another fact:
    // "We're not there yet" (000, 004), the briefing of NATO leaders (003).
    let segments = json(&brief(&["segment", "corpus/", "--format", "json"]));
    let sentence_of = |c: &Value| {
        segments["units"]
            .as_array()
            .unwrap()
            .iter()
            .find(|u| u["document"] == c["document"] && u["index"] == c["sentence"])
            .unwrap()["text"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let longer: Vec<&str> = citations
        .iter()
        .filter(|c| sentence_of(c).len() > c["text"].as_str().unwrap().len() + 20)
        .map(|c| c["document"].as_str().unwrap())
        .collect();
    assert_eq!(
        longer,
        [
            "000_62f8772c7c445775",
            "003_5b9f92d980bf3a62",
            "004_03aaff8ea2b48128"
        ]
    );
    assert!(sentence_of(&citations[3]).contains("adding that he would brief NATO leaders"));
    // The summary sentence cites all five, each for the facts it states.
    assert_eq!(sentence["support"], 5);
    for c in sentence["citations"].as_array().unwrap() {
        let facts = c["facts"].as_array().unwrap();
        assert!(!facts.is_empty());
    }
}

#[test]
fn a_fact_that_is_the_whole_sentence_behaves_as_today() {
    let needle = "Zelensky has ruled out formally handing Moscow any territory";
    let with_facts = summary_json(&[]);
    let without = summary_json(&["--facts", "none"]);
    let (a, b) = (
        summary_sentence(&with_facts, needle),
        summary_sentence(&without, needle),
    );
    // One fact, the whole sentence, stated by the same sentences as the
    // sentence cluster's.
    let facts = a["facts"].as_array().unwrap();
    assert_eq!(facts.len(), 1);
    assert_eq!(
        (&facts[0]["start"], &facts[0]["end"]),
        (&a["start"], &a["end"])
    );
    let strip = |citations: &Value| -> Vec<Value> {
        citations
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                let mut c = c.clone();
                c.as_object_mut().unwrap().remove("facts");
                c
            })
            .collect()
    };
    assert_eq!(strip(&a["citations"]), strip(&b["citations"]));
    assert_eq!(strip(&facts[0]["citations"]), strip(&b["citations"]));
    assert_eq!(a["support"], 3);
    assert_eq!(a["support"], b["support"]);
}

#[test]
fn different_claims_about_a_three_way_meeting_stay_apart() {
    let claims = [
        (
            "002_78b38a8f6085c137",
            "He said if Friday's talks went well",
        ),
        (
            "002_78b38a8f6085c137",
            "Zelenskiy said Friday's summit should open the way",
        ),
        (
            "003_5b9f92d980bf3a62",
            "Trump acknowledged earlier in the week",
        ),
        (
            "004_03aaff8ea2b48128",
            "Trump had previously proposed a three-way meeting",
        ),
    ];
    let segments = json(&brief(&["segment", "corpus/", "--format", "json"]));
    let unit_of = |doc: &str, prefix: &str| -> u64 {
        segments["units"]
            .as_array()
            .unwrap()
            .iter()
            .find(|u| u["document"] == doc && u["text"].as_str().unwrap().starts_with(prefix))
            .unwrap_or_else(|| panic!("no unit {doc}: {prefix}"))["index"]
            .as_u64()
            .unwrap()
    };
    let units: Vec<(&str, u64)> = claims.iter().map(|&(d, p)| (d, unit_of(d, p))).collect();
    // Apart by words, and by meaning too (all five are "about a three-way
    // meeting", which is what the semantic centering discounts).
    for measure in ["lexical", "combined", "semantic"] {
        let dedup = json(&brief(&[
            "dedup",
            "corpus/",
            "--format",
            "json",
            "--similarity",
            measure,
        ]));
        for kind in ["clusters", "fact_clusters"] {
            for cluster in dedup[kind].as_array().unwrap() {
                let held = units
                    .iter()
                    .filter(|(doc, unit)| {
                        cluster["members"]
                            .as_array()
                            .unwrap()
                            .iter()
                            .any(|m| m["document"] == *doc && m["sentence"] == *unit)
                    })
                    .count();
                assert!(
                    held <= 1,
                    "{measure} {kind}: {held} three-way claims joined: {cluster:#}"
                );
            }
        }
    }
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
    let summary = summary_json(&["--sentences", "20"]);
    for s in summary["summary"].as_array().unwrap() {
        check(s);
        s["citations"].as_array().unwrap().iter().for_each(check);
        for fact in s["facts"].as_array().unwrap() {
            // A fact lies in its summary sentence, and so does its text.
            let mut located = fact.clone();
            located["document"] = s["document"].clone();
            check(&located);
            assert!(fact["start"].as_u64() >= s["start"].as_u64());
            assert!(fact["end"].as_u64() <= s["end"].as_u64());
            fact["citations"].as_array().unwrap().iter().for_each(check);
        }
    }
    let dedup = dedup_json();
    for cluster in dedup["fact_clusters"].as_array().unwrap() {
        check(&cluster["representative"]);
        cluster["members"]
            .as_array()
            .unwrap()
            .iter()
            .for_each(check);
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
    let date_of: std::collections::HashMap<&str, Option<&str>> = by_date["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["id"].as_str().unwrap(), d["date"].as_str()))
        .collect();
    // Each fact's date is the earliest of the documents that state it,
    // whichever wording is shown; dated facts first, in date order.
    let dates: Vec<Option<&str>> = by_date["summary"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            s["citations"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(|c| date_of[c["document"].as_str().unwrap()])
                .min()
        })
        .collect();
    assert!(dates.iter().any(Option::is_some), "{dates:?}");
    assert!(
        dates
            .windows(2)
            .all(|w| (w[0].is_none(), w[0]) <= (w[1].is_none(), w[1])),
        "{dates:?}"
    );

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

/// `--similarity combined` (semantic vectors beside TF-IDF): the summit's
/// outcome, opened by the five outlets in five wordings ("concluded ...
/// without any agreement", "failed to make any breakthroughs", ...), is
/// one fact cited by all five, and the summary states it once.
#[test]
fn combined_similarity_joins_the_opening_fact_of_all_five_outlets() {
    let dedup = json(&brief(&[
        "dedup",
        "corpus/",
        "--format",
        "json",
        "--similarity",
        "combined",
    ]));
    assert_eq!(dedup["options"]["similarity"], "combined");
    let all = [
        "000_62f8772c7c445775",
        "001_ea413e61223932fb",
        "002_78b38a8f6085c137",
        "003_5b9f92d980bf3a62",
        "004_03aaff8ea2b48128",
    ];
    let outcome = cited_documents(
        &dedup,
        "000_62f8772c7c445775",
        "At their high-stakes summit on Friday",
    );
    assert_eq!(outcome, all);
    assert_eq!(
        cited_documents(
            &dedup,
            "001_ea413e61223932fb",
            "An eagerly awaited meeting between"
        ),
        all,
        "\"concluded without any agreement\" and \"failed to make any breakthroughs\" are one fact"
    );
    // Lexically the two wordings stay apart (the default's known limit).
    assert_ne!(
        cited_documents(
            &dedup_json(),
            "001_ea413e61223932fb",
            "An eagerly awaited meeting between"
        ),
        all
    );
    let summary = summary_json(&["--similarity", "combined"]);
    let outcome_sentences = texts(&summary)
        .iter()
        .filter(|t| {
            t.contains("without any agreement")
                || t.contains("failed to make any breakthroughs")
                || t.contains("without any breakthrough")
        })
        .count();
    assert_eq!(outcome_sentences, 1, "{:#?}", texts(&summary));
}
