//! `brief stories`: a mixed pile in, one summary per story out; the
//! grouping's JSON Lines stages reproduce it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::process::Output;

use serde_json::Value;

use crate::{brief, brief_with_env, brief_with_stdin, corpus_dir, scratch, stderr, stdout};

#[path = "../../benches/support/corpus.rs"]
mod generator;

/// A folder with `events` generated events of 10 documents each, plus one
/// unrelated article from the sample corpus. Returns the folder.
pub fn mixed_corpus(name: &str, events: usize) -> PathBuf {
    let dir = scratch(name);
    for doc in generated(events) {
        std::fs::write(dir.join(format!("{}.txt", doc.id)), &doc.text).unwrap();
    }
    std::fs::copy(
        corpus_dir().join("000_62f8772c7c445775.txt"),
        dir.join("zz_lone.txt"),
    )
    .unwrap();
    dir
}

fn generated(events: usize) -> Vec<generator::GeneratedDoc> {
    generator::generate(&generator::CorpusSpec {
        documents: events * 10,
        docs_per_topic: 10,
        seed: 3,
    })
}

/// Every line of JSON Lines output, parsed.
pub fn json_lines(output: &Output) -> Vec<Value> {
    assert!(output.status.success(), "brief failed: {}", stderr(output));
    stdout(output)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

/// The grouping listing (the last JSON line) of `brief stories DIR`.
fn listing_of(dir: &std::path::Path) -> Value {
    let lines = json_lines(&brief(&[
        "stories",
        dir.to_str().unwrap(),
        "--format",
        "json",
    ]));
    lines.last().expect("a listing line").clone()
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .expect("array")
        .iter()
        .map(|v| v.as_str().expect("string").to_string())
        .collect()
}

#[test]
fn stories_recover_the_generated_events_and_list_the_lone_document() {
    let dir = mixed_corpus("stories_events", 4);
    let lines = json_lines(&brief(&[
        "stories",
        dir.to_str().unwrap(),
        "--format",
        "json",
    ]));
    let listing = lines.last().unwrap();
    assert_eq!(listing["schema"], "brief.stories/1");
    assert_eq!(strings(&listing["unassigned"]), ["zz_lone"]);

    let mut truth: BTreeMap<usize, BTreeSet<String>> = BTreeMap::new();
    for doc in generated(4) {
        truth.entry(doc.topic).or_default().insert(doc.id);
    }
    let found: BTreeSet<BTreeSet<String>> = listing["stories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| strings(&s["documents"]).into_iter().collect())
        .collect();
    let expected: BTreeSet<BTreeSet<String>> = truth.into_values().collect();
    assert_eq!(found, expected);

    for (story, summary) in listing["stories"].as_array().unwrap().iter().zip(&lines) {
        assert_eq!(summary["schema"], "brief.summary/1");
        assert_eq!(summary["story"], story["id"]);
        let ids: Vec<String> = crate::document_ids(summary);
        assert_eq!(ids, strings(&story["documents"]));
        assert!(summary["summary"][0]["support"].as_u64().unwrap() >= 2);
        // Each link explains itself.
        for link in story["links"].as_array().unwrap() {
            assert!(link["similarity"].as_f64().unwrap() >= 0.1);
            assert!(link["average"].as_f64().unwrap() >= 0.1);
            assert!(!link["shared"].as_array().unwrap().is_empty());
        }
    }
}

/// The sample corpus is five reports of one summit: one story, whatever
/// words all five share (a term in every document still weighs in).
#[test]
fn the_sample_corpus_is_one_story() {
    let text = stdout(&brief(&["stories", "corpus/"]));
    assert!(
        text.starts_with("1 story from 5 documents; 0 in no story"),
        "{text}"
    );
    // Terms as the articles write them, not as analyzed ("meet" for the
    // stem of "meeting"; found in review: "peopl, cabl, quak").
    assert!(
        text.contains("terms: Trump, Putin, Ukraine, meet, Zelensky"),
        "{text}"
    );
    let json = stdout(&brief(&["stories", "corpus/", "--format", "json"]));
    // JSON keeps the analyzed terms, as the contract says.
    assert!(
        json.contains(r#""terms":["trump","putin","ukrain","meet","zelenski"]"#),
        "{json}"
    );
}

#[test]
fn unrelated_articles_sharing_common_words_are_no_story() {
    // Found in review: a school budget and an earthquake sharing only
    // "Monday" were one story (similarity 1.0); beside the sample corpus,
    // a budget, an earthquake and a market report were one story through
    // "said", "Friday", "president".
    let dir = scratch("stories_common_words");
    for entry in std::fs::read_dir(corpus_dir()).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
    }
    let write = |name: &str, text: &str| std::fs::write(dir.join(name), text).unwrap();
    write(
        "budget.txt",
        "The city council approved a new budget for public schools on Friday. Teachers will \
         get a raise of three percent next year, the mayor said. The council president said \
         the vote was a victory for families.",
    );
    write(
        "quake.txt",
        "A magnitude 6.1 earthquake struck off the coast of Chile on Friday, geologists said. \
         No tsunami warning was issued. The president said emergency teams had been sent.",
    );
    write(
        "markets.txt",
        "Stocks fell sharply on Friday as investors worried about interest rates. The central \
         bank said inflation remained too high. Analysts said markets would stay volatile.",
    );
    let listing = &listing_of(&dir);
    let stories = listing["stories"].as_array().unwrap();
    assert_eq!(stories.len(), 1, "{listing}");
    assert_eq!(stories[0]["size"], 5, "{listing}");
    let mut alone = strings(&listing["unassigned"]);
    alone.sort();
    assert_eq!(alone, ["budget", "markets", "quake"], "{listing}");
    assert_eq!(listing["options"]["min_shared_terms"], 5);
    // Two articles and nothing in common but the day.
    let two = scratch("stories_one_word");
    std::fs::write(
        two.join("a.txt"),
        "The city council approved a new budget for public schools on Monday.",
    )
    .unwrap();
    std::fs::write(
        two.join("b.txt"),
        "A magnitude 6.1 earthquake struck off the coast of Chile on Monday.",
    )
    .unwrap();
    let listing = &listing_of(&two);
    assert_eq!(listing["stories"].as_array().unwrap().len(), 0, "{listing}");
}

#[test]
fn stories_text_and_markdown_for_people() {
    let dir = mixed_corpus("stories_text", 4);
    let text = stdout(&brief(&["stories", dir.to_str().unwrap()]));
    assert!(
        text.starts_with("4 stories from 41 documents; 1 in no story"),
        "{text}"
    );
    assert!(text.contains("== story-0001: 10 documents; terms: "));
    assert!(text.contains("Summary of 10 documents"));
    assert!(text.contains("== Documents in no story (1)"));
    let markdown = stdout(&brief(&[
        "stories",
        dir.to_str().unwrap(),
        "--format",
        "markdown",
    ]));
    assert!(markdown.starts_with("# Stories"));
    assert!(markdown.contains("## story-0002: 10 documents"));
    // Each story's summary and sources nest under the story's heading.
    let levels: Vec<(usize, &str)> = markdown
        .lines()
        .filter(|l| l.starts_with('#'))
        .map(|l| {
            let level = l.chars().take_while(|&c| c == '#').count();
            (level, l[level..].trim())
        })
        .collect();
    for (level, title) in &levels {
        let expected = if *title == "Stories" {
            1
        } else if title.starts_with("story-") || title.starts_with("Documents in no story") {
            2
        } else if *title == "Summary" {
            3
        } else {
            4
        };
        assert_eq!(*level, expected, "heading {title:?} in {markdown}");
    }
    assert!(levels
        .iter()
        .any(|&(level, t)| level == 4 && t == "Sources"));
}

#[test]
fn stories_output_is_identical_across_thread_counts() {
    let dir = mixed_corpus("stories_threads", 5);
    let path = dir.to_str().unwrap();
    let args = ["stories", path, "--format", "json"];
    let one = brief_with_env(&args, &[("RAYON_NUM_THREADS", "1")]);
    let three = brief_with_env(&args, &[("RAYON_NUM_THREADS", "3")]);
    assert!(one.status.success());
    assert_eq!(one.stdout, three.stdout);
}

#[test]
fn bad_options_and_stage_input_are_named() {
    let out = brief(&["stories", "corpus/", "--cohesion", "2"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--cohesion"));
    let out = brief_with_stdin(
        &["stories", "--from-links"],
        "{\"documents\": [], \"links\": []}\nnot json\n",
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("<stdin>:2"), "{}", stderr(&out));
}

/// What the Spark job does, done here with plain Rust collections: the
/// stages' outputs, glued by an engine's shuffle, give the same stories as
/// `brief stories`.
#[test]
fn the_json_lines_stages_reproduce_the_stories() {
    let dir = scratch("stories_stages");
    let docs = generated(6);
    let mut jsonl = String::new();
    for doc in &docs {
        jsonl += &serde_json::json!({"id": doc.id, "text": doc.text}).to_string();
        jsonl.push('\n');
    }
    let input = dir.join("docs.jsonl");
    std::fs::write(&input, &jsonl).unwrap();
    let input = input.to_str().unwrap();

    let single = json_lines(&brief(&[
        "stories",
        "--input-format",
        "jsonl",
        input,
        "--format",
        "json",
    ]));
    let listing = single.last().unwrap();

    // 1. Term bags; 2. document frequencies.
    let bags = json_lines(&brief(&[
        "stories",
        "--emit-terms",
        "--input-format",
        "jsonl",
        input,
    ]));
    let mut df: BTreeMap<String, u32> = BTreeMap::new();
    for bag in &bags {
        for term in bag["terms"].as_array().unwrap() {
            *df.entry(term[0].as_str().unwrap().to_string()).or_default() += 1;
        }
    }
    let df_file = dir.join("df.tsv");
    let df_text: String = df
        .iter()
        .filter(|(_, &n)| n >= 2)
        .map(|(t, n)| format!("{t}\t{n}\n"))
        .collect();
    std::fs::write(&df_file, df_text).unwrap();
    let bags_text: String = stdout(&brief(&[
        "stories",
        "--emit-terms",
        "--input-format",
        "jsonl",
        input,
    ]));
    // 3. Signatures and keys, the input split in two "partitions".
    let half = bags_text.lines().count() / 2;
    let parts: Vec<String> = [
        bags_text.lines().take(half).collect::<Vec<_>>(),
        bags_text.lines().skip(half).collect::<Vec<_>>(),
    ]
    .iter()
    .map(|lines| lines.join("\n") + "\n")
    .collect();
    let documents = docs.len().to_string();
    let mut signatures = Vec::new();
    for part in &parts {
        let out = brief_with_stdin(
            &[
                "stories",
                "--emit-keys",
                "--df",
                df_file.to_str().unwrap(),
                "--documents",
                &documents,
            ],
            part,
        );
        signatures.extend(json_lines(&out));
    }
    // 4. Window pairs per key, integer dot, components.
    let position: BTreeMap<String, u64> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.clone(), i as u64))
        .collect();
    let vector = |s: &Value| -> BTreeMap<String, u64> {
        s["vector"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| (p[0].as_str().unwrap().to_string(), p[1].as_u64().unwrap()))
            .collect()
    };
    let by_n: BTreeMap<u64, &Value> = signatures
        .iter()
        .map(|s| (position[s["id"].as_str().unwrap()], s))
        .collect();
    let mut lists: BTreeMap<String, Vec<u64>> = BTreeMap::new();
    for (&n, s) in &by_n {
        for key in s["keys"].as_array().unwrap() {
            lists
                .entry(key.as_str().unwrap().to_string())
                .or_default()
                .push(n);
        }
    }
    let window = listing["options"]["window"].as_u64().unwrap() as usize;
    let min_shared = listing["options"]["min_shared_terms"].as_u64().unwrap() as usize;
    let mut pairs = BTreeSet::new();
    for list in lists.values() {
        for (i, &a) in list.iter().enumerate() {
            for &b in &list[i + 1..(i + 1 + window).min(list.len())] {
                pairs.insert((a, b));
            }
        }
    }
    let minimum = (0.1f64 * 32768.0 * 32768.0).ceil() as u64;
    let mut links = Vec::new();
    for &(a, b) in &pairs {
        let (va, vb) = (vector(by_n[&a]), vector(by_n[&b]));
        let products: Vec<u64> = va
            .iter()
            .filter_map(|(t, w)| vb.get(t).map(|v| v * w))
            .collect();
        let dot: u64 = products.iter().sum();
        if dot >= minimum && dot > 0 && products.len() >= min_shared {
            links.push((a, b));
        }
    }
    let mut parent: Vec<u64> = (0..docs.len() as u64).collect();
    fn find(p: &mut [u64], mut x: u64) -> u64 {
        while p[x as usize] != x {
            x = p[x as usize];
        }
        x
    }
    for &(a, b) in &links {
        let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
        parent[ra.max(rb) as usize] = ra.min(rb);
    }
    let mut components: BTreeMap<u64, Vec<u64>> = BTreeMap::new();
    for n in 0..docs.len() as u64 {
        components.entry(find(&mut parent, n)).or_default().push(n);
    }
    // 5. Stories per component.
    let mut component_lines = String::new();
    for members in components.values().filter(|m| m.len() >= 2) {
        let documents: Vec<Value> = members
            .iter()
            .map(|n| {
                let s = by_n[n];
                serde_json::json!({"n": n, "id": s["id"], "vector": s["vector"]})
            })
            .collect();
        let inner: Vec<[u64; 2]> = links
            .iter()
            .filter(|(a, _)| members.contains(a))
            .map(|&(a, b)| [a, b])
            .collect();
        component_lines += &serde_json::json!({"documents": documents, "links": inner}).to_string();
        component_lines.push('\n');
    }
    let refined = json_lines(&brief_with_stdin(
        &["stories", "--from-links"],
        &component_lines,
    ));
    let mut stories: Vec<&Value> = refined.iter().filter(|l| l.get("size").is_some()).collect();
    stories.sort_by_key(|s| {
        (
            std::cmp::Reverse(s["size"].as_u64().unwrap()),
            s["n"].as_u64().unwrap(),
        )
    });
    let expected = listing["stories"].as_array().unwrap();
    assert_eq!(stories.len(), expected.len());
    for (got, want) in stories.iter().zip(expected) {
        for field in ["size", "documents", "terms", "links"] {
            assert_eq!(got[field], want[field], "{field}");
        }
    }
    assert_eq!(
        listing["stats"]["links"].as_u64().unwrap(),
        links.len() as u64
    );
    assert_eq!(
        listing["stats"]["candidate_pairs"].as_u64().unwrap(),
        pairs.len() as u64
    );
}
