//! HTML pages as input (README, "Input"): a page is read as the text a
//! reader sees, and every offset brief reports is into that text
//! (docs/json-contract.md, "Offsets").

use std::fs;

use serde_json::Value;

use crate::{brief, json, scratch, stderr};

/// Writes `text` to `file` in the scratch directory `dir`; its path.
fn written(dir: &str, file: &str, text: &str) -> String {
    let path = scratch(dir).join(file);
    fs::write(&path, text).expect("write");
    path.to_str().expect("UTF-8 path").to_string()
}

/// Asserts that the run's standard error holds `message`.
fn assert_warns(out: &std::process::Output, message: &str) {
    assert!(stderr(out).contains(message), "{}", stderr(out));
}

/// `(kind, start, end, text)` of every unit `brief segment` finds in `path`.
fn units(args: &[&str]) -> Vec<(String, u64, u64, String)> {
    let mut all = vec!["segment", "--format", "json"];
    all.extend_from_slice(args);
    let value = json(&brief(&all));
    value["units"]
        .as_array()
        .expect("units")
        .iter()
        .map(|u| {
            (
                u["kind"].as_str().expect("kind").to_string(),
                u["start"].as_u64().expect("start"),
                u["end"].as_u64().expect("end"),
                u["text"].as_str().expect("text").to_string(),
            )
        })
        .collect()
}

#[test]
fn offsets_point_into_the_text_extracted_from_the_page() {
    // No <html>: a fragment, read as a page because of its name.
    let page = written(
        "html_input_offsets",
        "frag.htm",
        "<h1>Rivers rise</h1>\n<p>The river rose by <b>two</b>&nbsp;metres &amp; more.</p>",
    );
    let extracted = "Rivers rise\n\nThe river rose by two metres & more.";
    let found = units(&[&page]);
    assert_eq!(
        found,
        vec![
            ("heading".to_string(), 0, 11, "Rivers rise".to_string()),
            (
                "sentence".to_string(),
                13,
                extracted.len() as u64,
                "The river rose by two metres & more.".to_string()
            ),
        ]
    );
    for (_, start, end, text) in &found {
        assert_eq!(&extracted[*start as usize..*end as usize], text);
    }
}

#[test]
fn input_format_html_walks_html_files_and_skips_pages_without_text() {
    let dir = scratch("html_input_walk");
    fs::create_dir_all(dir.join("site/sub")).expect("mkdir");
    fs::write(
        dir.join("site/a.html"),
        "<!doctype html><title>A</title><p>The council approved the new budget on Monday evening.</p>",
    )
    .expect("write");
    fs::write(
        dir.join("site/sub/b.HTM"),
        "<div>On Monday evening the council approved the new budget.</div>",
    )
    .expect("write");
    fs::write(
        dir.join("site/notes.txt"),
        "Not a page, and not read with --input-format html.",
    )
    .expect("write");
    fs::write(
        dir.join("site/empty.html"),
        "<html><head><script>document.write('Loading the budget news.')</script></head></html>",
    )
    .expect("write");
    let site = dir.join("site");
    let out = brief(&[
        "--input-format",
        "html",
        "--format",
        "json",
        site.to_str().expect("UTF-8 path"),
    ]);
    let err = stderr(&out);
    assert!(
        err.contains(
            "empty.html: HTML page without text (only markup, scripts or styles); skipped"
        ),
        "{err}"
    );
    let value = json(&out);
    let documents: Vec<(&str, &Value)> = value["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .map(|d| (d["id"].as_str().expect("id"), &d["title"]))
        .collect();
    assert_eq!(
        documents,
        vec![("a", &Value::from("A")), ("b", &Value::Null)]
    );
    assert_eq!(value["summary"][0]["support"], 2);
}

#[test]
fn a_page_gives_its_publication_date_and_sources_are_ordered_by_it() {
    let dir = scratch("html_input_dates");
    fs::write(
        dir.join("a.html"),
        "<html><head><meta property=\"article:published_time\" content=\"2026-11-24T09:00:00Z\"></head>\
         <body><p>The council approved the new budget on Monday evening after a long debate.</p>\
         <p>Taxes on property will rise by four percent next year, the finance committee said.</p></body></html>",
    )
    .expect("write");
    fs::write(
        dir.join("b.html"),
        "<html><head><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \
         \"datePublished\": \"2026-11-23T18:30:00-05:00\"}</script></head>\
         <body><p>On Monday evening the council approved the new budget after a long debate.</p>\
         <p>Schools across the city will receive more money for teachers and books, the mayor said.</p></body></html>",
    )
    .expect("write");
    // Pages are not walked by default; the message says how.
    let out = brief(&[dir.to_str().expect("UTF-8 path")]);
    assert_eq!(out.status.code(), Some(1));
    assert_warns(
        &out,
        "directory holds no txt or md or markdown files (it holds 2 .html pages: pass \
         --input-format html to read pages)",
    );
    let value = json(&brief(&[
        "--input-format",
        "html",
        "--format",
        "json",
        "--order",
        "date",
        "--sentences",
        "3",
        dir.to_str().expect("UTF-8 path"),
    ]));
    let dates: Vec<(&str, &str)> = value["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .map(|d| {
            (
                d["id"].as_str().unwrap(),
                d["date"].as_str().unwrap_or("none"),
            )
        })
        .collect();
    assert_eq!(dates, [("a", "2026-11-24"), ("b", "2026-11-23")]);
    // In date order, b's own sentence comes before a's.
    let texts: Vec<&str> = value["summary"]
        .as_array()
        .expect("summary")
        .iter()
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    let schools = texts
        .iter()
        .position(|t| t.starts_with("Schools"))
        .expect("b's sentence");
    let taxes = texts
        .iter()
        .position(|t| t.starts_with("Taxes"))
        .expect("a's sentence");
    assert!(schools < taxes, "{texts:?}");
}

#[test]
fn pages_beside_text_are_named_and_a_saved_page_resources_are_not_sources() {
    // Found in review: a folder of notes and saved pages was summarized
    // from the notes alone without a word, and the ads and frames a
    // browser saves in `story_files/` became sources.
    let dir = scratch("html_input_beside");
    let sentence = "The council approved the new budget on Monday evening after a long debate.";
    fs::write(dir.join("notes.txt"), format!("{sentence}\n")).expect("write");
    fs::write(
        dir.join("story.html"),
        format!("<html><body><p>{sentence}</p></body></html>"),
    )
    .expect("write");
    fs::create_dir_all(dir.join("story_files")).expect("mkdir");
    fs::write(
        dir.join("story_files/saved_resource.html"),
        "<html><body><p>Save up to 50% on winter breaks in Kent this season.</p></body></html>",
    )
    .expect("write");
    let path = dir.to_str().expect("UTF-8 path");
    let out = brief(&[path]);
    assert_eq!(out.status.code(), Some(0));
    assert_warns(
        &out,
        "1 .html page not read; pass --input-format html to read pages",
    );
    let value = json(&brief(&[
        "--input-format",
        "html",
        "--format",
        "json",
        path,
    ]));
    let ids: Vec<&str> = value["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .map(|d| d["id"].as_str().expect("id"))
        .collect();
    assert_eq!(ids, ["story"]);
}

#[test]
fn a_plain_text_file_named_htm_is_read_as_text() {
    // Found in review: read as a page, its headline, byline and paragraph
    // ran together as one sentence.
    let path = written(
        "html_input_plain_htm",
        "saved.htm",
        "Train derails near Ashford\n\nBy Tom Mills\n\nThree people have died after a train derailed near Ashford on Tuesday.\n",
    );
    let kinds: Vec<(String, String)> = units(&[&path])
        .into_iter()
        .map(|(kind, _, _, text)| (kind, text))
        .collect();
    assert_eq!(
        kinds,
        [
            ("heading", "Train derails near Ashford"),
            ("byline", "By Tom Mills"),
            (
                "sentence",
                "Three people have died after a train derailed near Ashford on Tuesday."
            ),
        ]
        .map(|(k, t)| (k.to_string(), t.to_string()))
    );
}
