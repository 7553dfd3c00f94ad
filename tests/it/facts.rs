//! Fact units (parts of sentences) matched across sources by the measure
//! in force: by words with `--similarity lexical`, by words and meaning
//! with `combined`, as whole sentences are.

use serde_json::Value;

use crate::{brief, json, scratch};

/// Three short articles: outlet `a` states the talks' outcome in a longer
/// sentence with a second fact; outlet `b` states the outcome alone, in
/// other words ("broke up with no ceasefire deal" / "ended without an
/// agreement on a ceasefire"); `c` is about something else.
fn outlets() -> std::path::PathBuf {
    let dir = scratch("facts_by_meaning");
    let write = |name: &str, text: &str| std::fs::write(dir.join(name), text).expect("write");
    write(
        "a.txt",
        "Envoys met in Vienna on Tuesday for a third day.\n\n\
         The negotiations broke up with no ceasefire deal, officials said, adding that a new \
         round would be held in Geneva next month.\n\n\
         Farmers in the region reported heavy losses from the drought.\n",
    );
    write(
        "b.txt",
        "Delegations gathered in the Austrian capital this week.\n\n\
         The talks ended without an agreement on a ceasefire.\n\n\
         A football match in the capital drew a record crowd.\n",
    );
    write(
        "c.txt",
        "Prices of bread rose again in the markets of the city.\n\n\
         The central bank kept interest rates unchanged at its meeting.\n",
    );
    dir
}

/// The members of each fact cluster as (document, text).
fn fact_clusters(dedup: &Value) -> Vec<Vec<(String, String)>> {
    dedup["fact_clusters"]
        .as_array()
        .expect("fact_clusters")
        .iter()
        .map(|c| {
            c["members"]
                .as_array()
                .expect("members")
                .iter()
                .map(|m| {
                    (
                        m["document"].as_str().unwrap().to_string(),
                        m["text"].as_str().unwrap().to_string(),
                    )
                })
                .collect()
        })
        .collect()
}

#[test]
fn a_part_matches_a_paraphrase_by_meaning_with_the_combined_measure() {
    let dir = outlets();
    let dir = dir.to_str().unwrap();
    let dedup = |measure: &str| {
        json(&brief(&[
            "dedup",
            dir,
            "--format",
            "json",
            "--similarity",
            measure,
        ]))
    };
    // By words alone the two wordings share only "ceasefire".
    assert_eq!(fact_clusters(&dedup("lexical")), Vec::<Vec<_>>::new());
    // By words and meaning, the part of a's sentence that states the
    // outcome (not the whole sentence, not its second fact) joins b's.
    let combined = dedup("combined");
    assert_eq!(
        fact_clusters(&combined),
        vec![vec![
            (
                "a".to_string(),
                "The negotiations broke up with no ceasefire deal".to_string()
            ),
            (
                "b".to_string(),
                "The talks ended without an agreement on a ceasefire.".to_string()
            ),
        ]]
    );
    // The whole sentences are not alike enough: no sentence cluster.
    assert_eq!(combined["clusters"].as_array().map(Vec::len), Some(0));

    // The summary states the outcome once and cites both outlets for it.
    let summary = json(&brief(&[
        dir,
        "--format",
        "json",
        "--similarity",
        "combined",
    ]));
    let outcome: Vec<&Value> = summary["summary"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| {
            let text = s["text"].as_str().unwrap();
            text.contains("ceasefire")
        })
        .collect();
    assert_eq!(outcome.len(), 1, "{summary:#}");
    let mut cited: Vec<&str> = outcome[0]["citations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["document"].as_str().unwrap())
        .collect();
    cited.sort_unstable();
    cited.dedup();
    assert_eq!(cited, ["a", "b"]);
}
