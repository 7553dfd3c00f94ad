//! `--format html` as bytes: self-contained, escaped, complete. The same
//! pages are opened in a real browser by `browser.rs`.

use std::fs;
use std::path::PathBuf;

use crate::{brief, json, scratch, stderr, stdout};

/// Two documents that state one fact, carrying markup and script in every
/// field a user controls: id, title, URL and text. Nothing of it may run or
/// become markup.
pub const HOSTILE_JSONL: &str = concat!(
    r#"{"id": "evil\"><script>window.__brief_pwned = 'id'</script>", "#,
    r#""title": "<img src=x onerror=\"window.__brief_pwned = 'title'\">", "date": "2025-03-04", "#,
    r#""url": "javascript:window.__brief_pwned = 'url'", "#,
    r#""text": "The harbour council approved the new budget for the ferry terminal on Monday evening. <script>window.__brief_pwned = 'text'</script> Residents were surprised by the <b>vote</b>.\n\n<style>body { display: none }</style> <a href=\"javascript:window.__brief_pwned = 'link'\">Read more</a> about the terminal & its costs."}"#,
    "\n",
    r#"{"id": "plain", "title": "Budget & ferries", "url": "https://example.com/news?id=1&page=<2>", "#,
    r#""text": "The harbour council approved the new budget for the ferry terminal on Monday evening after a long debate. Two members objected to its costs."}"#,
    "\n"
);

/// Writes the hostile input to a scratch file and returns its path.
pub fn hostile_input(name: &str) -> PathBuf {
    let path = scratch(name).join("hostile.jsonl");
    fs::write(&path, HOSTILE_JSONL).unwrap();
    path
}

fn html(args: &[&str]) -> String {
    let out = brief(args);
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    stdout(&out)
}

/// The page's tags (`<p class="x">`, `</p>`), the contents of its style
/// sheet and script skipped. All input text is escaped, so every `<` left
/// starts a tag the renderer wrote.
fn tags(page: &str) -> Vec<&str> {
    let mut tags = Vec::new();
    let mut rest = page;
    while let Some(open) = rest.find('<') {
        let close = open + rest[open..].find('>').expect("tag is closed");
        let tag = &rest[open..=close];
        tags.push(tag);
        rest = &rest[close + 1..];
        for raw in ["<style>", "<script>"] {
            if tag == raw {
                let end = rest
                    .find(&raw.replace('<', "</"))
                    .expect("raw text is closed");
                rest = &rest[end..];
            }
        }
    }
    tags
}

/// Every value of attribute `name` in the page's tags, e.g. every `href`.
fn attribute_values<'a>(page: &'a str, name: &str) -> Vec<&'a str> {
    let needle = format!(" {name}=\"");
    tags(page)
        .into_iter()
        .flat_map(|tag| tag.match_indices(&needle).map(move |(i, _)| (tag, i)))
        .map(|(tag, i)| {
            let value = &tag[i + needle.len()..];
            &value[..value.find('"').unwrap()]
        })
        .collect()
}

/// Only the renderer's own elements and attributes: nothing that loads,
/// embeds or runs anything, and links only within the page or to http(s).
fn assert_self_contained(page: &str) {
    const ELEMENTS: &[&str] = &[
        "!DOCTYPE", "html", "head", "meta", "title", "style", "body", "div", "header", "main",
        "footer", "section", "h1", "h2", "p", "ol", "li", "span", "a", "table", "thead", "tbody",
        "tr", "th", "td", "details", "summary", "script", "q", "ul", "strong",
    ];
    let mut scripts = 0;
    for tag in tags(page) {
        let name = tag[1..]
            .trim_start_matches('/')
            .split([' ', '>'])
            .next()
            .unwrap();
        assert!(ELEMENTS.contains(&name), "unexpected element {tag}");
        scripts += usize::from(name == "script" && !tag.starts_with("</"));
        for attribute in tag.split(' ').skip(1) {
            let attribute = attribute.split('=').next().unwrap().to_ascii_lowercase();
            assert!(
                !attribute.starts_with("on") && attribute != "src" && attribute != "style",
                "unexpected attribute in {tag}"
            );
        }
    }
    assert_eq!(scripts, 1, "only the page's own script");
    for href in attribute_values(page, "href") {
        assert!(
            href.starts_with('#') || href.starts_with("https://") || href.starts_with("http://"),
            "unexpected link target {href:?}"
        );
    }
    let style = &page[page.find("<style>").unwrap()..page.find("</style>").unwrap()];
    for reference in ["@import", "url("] {
        assert!(
            !style.contains(reference),
            "the style refers outside: {reference}"
        );
    }
    assert!(page.contains(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'sha256-"
    ));
}

#[test]
fn summary_page_is_self_contained_and_has_every_sentence_and_source() {
    let page = html(&["corpus/", "--format", "html"]);
    let summary = json(&brief(&["corpus/", "--format", "json"]));
    assert!(page.starts_with("<!DOCTYPE html>\n") && page.ends_with("</html>\n"));
    assert_self_contained(&page);
    for sentence in summary["summary"].as_array().unwrap() {
        let text = sentence["text"].as_str().unwrap();
        // The corpus's sentences hold apostrophes, which are escaped.
        let escaped = text
            .replace('&', "&amp;")
            .replace('\'', "&#39;")
            .replace('"', "&quot;");
        assert!(
            page.contains(&format!("<span class=\"text\">{escaped}</span>")),
            "missing summary sentence {text:?}"
        );
    }
    for (d, doc) in summary["documents"].as_array().unwrap().iter().enumerate() {
        let n = d + 1;
        assert!(page.contains(&format!(
            "<details class=\"source\" id=\"d{n}\" open><summary><span class=\"num\">[{n}]</span>"
        )));
        assert!(page.contains(&format!(
            "<span class=\"doc-id\">{}</span>",
            doc["id"].as_str().unwrap()
        )));
        if let Some(date) = doc["date"].as_str() {
            assert!(page.contains(&format!("<span class=\"date\">{date}</span>")));
        }
    }
    // Each source text appears once: a heading of one source, which the
    // summary never quotes.
    assert_eq!(
        page.matches("Battlefield context").count(),
        1,
        "a source text is repeated"
    );
}

#[test]
fn dedup_page_lists_every_cluster() {
    let page = html(&["dedup", "corpus/", "--format", "html"]);
    let dedup = json(&brief(&["dedup", "corpus/", "--format", "json"]));
    assert_self_contained(&page);
    let clusters = dedup["clusters"].as_array().unwrap().len();
    assert!(clusters > 10);
    assert_eq!(page.matches("<li id=\"f").count(), clusters);
    assert!(page.contains("<h1>Near-duplicates in 5 documents</h1>"));
}

#[test]
fn hostile_input_is_escaped_everywhere() {
    let input = hostile_input("html_hostile");
    let input = input.to_str().unwrap();
    for command in ["summarize", "dedup", "segment"] {
        let page = html(&[
            command,
            "--input-format",
            "jsonl",
            input,
            "--format",
            "html",
        ]);
        assert_self_contained(&page);
        let lower = page.to_ascii_lowercase();
        for markup in ["<img", "<style>body", "<b>", "<a href=\"javascript"] {
            assert!(!lower.contains(markup), "{command}: {markup} got through");
        }
        assert!(!lower.contains("href=\"javascript:"), "{command}");
        // (The segmenter splits the script at its period.)
        assert!(
            page.contains("&lt;script&gt;window.")
                && page.contains("__brief_pwned = &#39;text&#39;&lt;/script&gt;"),
            "{command}: the text's script is not shown as text"
        );
        assert!(
            page.contains("<span class=\"doc-id\">evil&quot;&gt;&lt;script&gt;"),
            "{command}: the id is not escaped"
        );
        assert!(
            page.contains("&lt;img src=x onerror=&quot;"),
            "{command}: the title is not escaped"
        );
        // The javascript: URL is shown as text, the https one is a link.
        assert!(page.contains(" · javascript:window.__brief_pwned = &#39;url&#39;</p>"));
        assert!(page.contains(
            "<a href=\"https://example.com/news?id=1&amp;page=&lt;2&gt;\" rel=\"noreferrer noopener\">"
        ));
    }
}

#[test]
fn stories_refuse_html_with_a_usage_error() {
    let out = brief(&["stories", "corpus/", "--format", "html"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("--format"), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    // Nor does its help offer it (found in review).
    let help = brief(&["stories", "--help"]);
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(
        help.contains("[possible values: text, markdown, json]"),
        "{help}"
    );
    assert!(!help.contains("self-contained HTML page"), "{help}");
}

#[test]
fn query_is_shown_escaped() {
    let page = html(&[
        "corpus/",
        "--format",
        "html",
        "--query",
        "How long were the <b>talks</b>?",
    ]);
    assert_self_contained(&page);
    assert!(page.contains(
        "<p class=\"query\">Answering: <q>How long were the &lt;b&gt;talks&lt;/b&gt;?</q></p>"
    ));
}

#[test]
fn uncited_sources_are_listed_without_their_text() {
    let dir = scratch("html_uncited");
    fs::write(
        dir.join("a.txt"),
        "The harbour council approved the new ferry budget on Monday evening.\n",
    )
    .unwrap();
    fs::write(
        dir.join("b.txt"),
        "The harbour council approved the new ferry budget on Monday night.\n",
    )
    .unwrap();
    fs::write(
        dir.join("c.txt"),
        "An unrelated line about gardening tools and seasonal tulips.\n",
    )
    .unwrap();
    let page = html(&[
        dir.to_str().unwrap(),
        "--format",
        "html",
        "--sentences",
        "1",
    ]);
    assert!(page.contains(
        "<details class=\"uncited\" open><summary>1 source not cited in this report (listed \
         without their text)</summary><ul>\n<li id=\"d3\"><span class=\"num\">[3]</span> \
         <span class=\"doc-id\">c</span>"
    ));
    assert!(!page.contains("gardening"), "an uncited text is included");
    assert!(page.contains("on Monday evening.") && page.contains("on Monday night."));
}

/// The summary sentences of a page as a reader sees them, each followed by
/// the cut mark when a budget cut it.
fn page_sentences(page: &str) -> Vec<String> {
    let open = "<span class=\"text\">";
    page.match_indices(open)
        .map(|(i, _)| {
            let rest = &page[i + open.len()..];
            let text = &rest[..rest.find("</span>").unwrap()];
            let cut = rest[text.len()..].starts_with("</span><span class=\"cut\"> …</span>");
            let text = text
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
            if cut {
                format!("{text} …")
            } else {
                text
            }
        })
        .collect()
}

#[test]
fn budgets_cut_the_page_as_they_cut_the_text() {
    for budget in [["--words", "60"], ["--bytes", "300"], ["--sentences", "3"]] {
        let page = html(&["corpus/", "--format", "html", budget[0], budget[1]]);
        let text = html(&["corpus/", budget[0], budget[1]]);
        // "1. sentence [1][2]" lines, up to the blank line before the sources.
        let printed: Vec<String> = text
            .lines()
            .skip(2)
            .take_while(|line| !line.is_empty())
            // Not the notes under a sentence ("   - fact [1]": which source
            // states which of its facts; "   sources differ: ...").
            .filter(|line| !line.starts_with(' '))
            .map(|line| {
                let sentence = line.split_once(". ").unwrap().1;
                let markers = sentence.rfind(" [").unwrap();
                sentence[..markers].to_string()
            })
            .collect();
        assert!(!printed.is_empty());
        assert_eq!(page_sentences(&page), printed, "{budget:?}");
    }
}

/// The text of the unit span with anchor `id`, unescaped.
fn unit_text(page: &str, id: &str) -> Option<String> {
    let open = format!(" id=\"{id}\">");
    let start = page.find(&open)? + open.len();
    let end = start + page[start..].find("</span>")?;
    Some(
        page[start..end]
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&"),
    )
}

/// Byte ranges land on the cited sentence, in the page as in the JSON, in
/// texts full of multi-byte characters (accents, an emoji flag) whose lines
/// end in CRLF or a lone CR.
#[test]
fn cited_sentences_are_their_byte_ranges_with_multibyte_text_and_crlf() {
    let dir = scratch("html_multibyte_crlf");
    let mut files = Vec::new();
    for entry in fs::read_dir(crate::corpus_dir()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        files.push((name, fs::read_to_string(&path).unwrap()));
    }
    files.sort();
    for (i, (name, text)) in files.iter().enumerate() {
        let text = text
            .replace("Putin", "Pütin 🇷🇺")
            .replace("Trump", "Trümp")
            .replace(" the ", " thé ");
        // Alternate CRLF and lone-CR line ends between documents.
        let line_end = if i % 2 == 0 { "\r\n" } else { "\r" };
        fs::write(dir.join(name), text.replace('\n', line_end)).unwrap();
    }
    let input = dir.to_str().unwrap();
    let page = html(&[input, "--format", "html"]);
    let summary = json(&brief(&[input, "--format", "json"]));
    let documents = summary["documents"].as_array().unwrap();
    let mut checked = 0;
    for sentence in summary["summary"].as_array().unwrap() {
        for citation in sentence["citations"].as_array().unwrap() {
            let d = documents
                .iter()
                .position(|doc| doc["id"] == citation["document"])
                .unwrap();
            let bytes = fs::read(documents[d]["path"].as_str().unwrap()).unwrap();
            let (start, end) = (
                citation["start"].as_u64().unwrap() as usize,
                citation["end"].as_u64().unwrap() as usize,
            );
            let text = citation["text"].as_str().unwrap();
            assert_eq!(std::str::from_utf8(&bytes[start..end]).unwrap(), text);
            let anchor = format!("d{}-u{}", d + 1, citation["sentence"]);
            assert_eq!(
                unit_text(&page, &anchor).as_deref(),
                Some(text),
                "the page's {anchor} is not the cited sentence"
            );
            checked += 1;
        }
    }
    assert!(checked > 10, "only {checked} citations");
    assert!(page.contains("Pütin 🇷🇺"));
    assert!(!page.contains('\r'), "a CR reached the page");
}
