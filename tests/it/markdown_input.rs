//! Markdown articles (`.md`, `--input-format markdown`) are read as the
//! text a reader sees: no markup in sentences, front matter as title and
//! date, and offsets into that text.

use std::fs;

use crate::{brief, json, scratch, stdout};

const ARTICLE: &str = "---\n\
title: \"Floods hit northern Italy\"\n\
date: 2026-11-24\n\
---\n\
\n\
# Floods hit northern Italy\n\
\n\
Heavy rain flooded **Rome** and [northern Italy](https://example.com/italy) on Monday, \
officials said.\n\
\n\
Rescue teams evacuated *hundreds of residents* from the valley towns overnight.\n\
\n\
![A flooded street](https://example.com/a.jpg)\n\
\n\
```\nignored = true\n```\n";

const PLAIN: &str = "Heavy rain flooded Rome and northern Italy on Monday, officials said.\n\n\
Rescue teams evacuated hundreds of residents from the valley towns overnight.\n";

#[test]
fn markdown_articles_are_read_without_markup() {
    let dir = scratch("markdown_input");
    fs::write(dir.join("a.md"), ARTICLE).unwrap();
    fs::write(dir.join("b.txt"), PLAIN).unwrap();
    let dir = dir.to_str().unwrap();

    let text = stdout(&brief(&[dir]));
    for markup in ["**", "](", "https://", "![", "ignored", "---"] {
        assert!(!text.contains(markup), "{markup:?} in\n{text}");
    }
    // Without markup, the article's sentences are the plain copy's: each
    // is one fact cited by both files.
    assert!(
        text.contains(
            "1. Heavy rain flooded Rome and northern Italy on Monday, officials said. [1][2]"
        ),
        "{text}"
    );

    let summary = json(&brief(&[dir, "--format", "json"]));
    let article = &summary["documents"][0];
    assert_eq!(article["id"], "a");
    assert_eq!(article["title"], "Floods hit northern Italy");
    assert_eq!(article["date"], "2026-11-24");
    // Offsets point into the extracted text: the sentence's range there
    // is what `segment` reports for it.
    let segments = json(&brief(&["segment", dir, "--format", "json"]));
    let unit = segments["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["document"] == "a" && u["text"].as_str().unwrap().starts_with("Heavy rain"))
        .expect("the sentence is a unit");
    let cited = summary["summary"][0]["citations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["document"] == "a")
        .expect("the article is cited");
    assert_eq!(
        (cited["start"].clone(), cited["end"].clone()),
        (unit["start"].clone(), unit["end"].clone())
    );

    // `--input-format markdown` reads any file name this way; `text`
    // reads a file named .md this way too.
    let renamed = scratch("markdown_input_renamed");
    fs::write(renamed.join("a.txt"), ARTICLE).unwrap();
    let forced = stdout(&brief(&[
        renamed.join("a.txt").to_str().unwrap(),
        "--input-format",
        "markdown",
    ]));
    assert!(
        !forced.contains("**") && forced.contains("Heavy rain flooded Rome"),
        "{forced}"
    );
}
