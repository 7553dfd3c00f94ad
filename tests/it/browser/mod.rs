//! The HTML report in a real browser: headless Chromium opens the pages of
//! `corpus/` from `file://` and the test checks, through the DOM and the
//! DevTools protocol, what a reader relies on:
//!
//! - every summary sentence is on the page, in order;
//! - every citation marker (in the text and in the matrix) resolves to the
//!   cited sentences of its source, as the JSON output locates them;
//! - the source × fact matrix has a row per fact and a column per source,
//!   marked exactly where the source states the fact;
//! - no request leaves the page, and nothing is logged as an error;
//! - hovering a marker, or focusing it with the keyboard, shows the cited
//!   sentence in its paragraph; Enter opens the source at the sentence;
//! - on a phone-sized screen nothing overflows sideways and the popup
//!   docks to the bottom; without JavaScript the sources are all readable;
//! - a document carrying `<script>`, markup and a `javascript:` URL stays
//!   inert text.
//!
//! Screenshots go to `target/browser/`. Without Chromium the test is
//! skipped with a message, unless `BRIEF_REQUIRE_BROWSER` is set (as
//! `.ci/run` does after installing it), when that is a failure.

mod cdp;

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde_json::{json, Value};

use crate::html::hostile_input;
use crate::{brief, json, scratch, stderr};
use cdp::Browser;

/// A unit cited or marked in the page: (document index, unit index, text).
type Located = (usize, u64, String);

/// The page as the test reads it: the facts with their markers, the matrix.
const READ_PAGE: &str = r#"(() => {
  const resolve = (a) => (a.getAttribute('data-units') || a.getAttribute('href').slice(1))
    .split(' ')
    .map((id) => {
      const node = document.getElementById(id);
      return { id, text: node && node.classList.contains('u') ? node.textContent : null };
    });
  const facts = [...document.querySelectorAll('ol.facts > li')].map((li) => ({
    text: li.querySelector('.fact > .text').textContent,
    markers: [...li.querySelectorAll('.fact a.cite')].map((a) => ({ label: a.textContent, units: resolve(a) })),
    differ: [...li.querySelectorAll('p.differ')].map((p) => ({
      severity: p.dataset.severity,
      kind: p.dataset.kind,
      values: [...p.querySelectorAll('span.value')].map((v) => v.textContent),
      markers: [...p.querySelectorAll('a.cite.stated')].map((a) => ({ label: a.textContent, units: resolve(a) })),
    })),
  }));
  const table = document.querySelector('table.matrix');
  const matrix = table && {
    columns: table.querySelectorAll('thead th').length,
    rows: [...table.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td:not(.count)')].map((td) => {
        const a = td.querySelector('a.cite:not(.stated)');
        return a ? resolve(a) : null;
      })),
    values: [...table.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td:not(.count)')].map((td) => td.classList.contains('differs') ? {
        value: td.dataset.value,
        shown: td.querySelector('span.value').textContent,
        marker: td.querySelector('a.cite.stated') ? resolve(td.querySelector('a.cite.stated')) : null,
        background: getComputedStyle(td.querySelector('a.cite') || td).backgroundColor,
      } : null)),
  };
  return { facts, matrix, title: document.title };
})()"#;

/// The state of the popup and the focused element.
const POPUP_STATE: &str = r#"(() => {
  const popup = document.getElementById('popup');
  const box = popup.getBoundingClientRect();
  const active = document.activeElement;
  return {
    visible: !popup.hidden && box.width > 0 && box.height > 0,
    text: popup.textContent,
    highlighted: [...popup.querySelectorAll('.hl')].map((n) => n.textContent),
    paragraphs: [...popup.querySelectorAll('p:not(.pop-head):not(.pop-more)')].map((p) => p.textContent),
    box: { left: box.left, right: box.right, top: box.top, bottom: box.bottom },
    viewport: { width: innerWidth, height: innerHeight },
    active: active.matches('a.cite') ? {
      href: active.getAttribute('href'),
      describedBy: active.getAttribute('aria-describedby'),
      outline: getComputedStyle(active).outlineStyle,
    } : null,
  };
})()"#;

fn located_id(id: &str) -> (usize, u64) {
    let (doc, unit) = id
        .strip_prefix('d')
        .and_then(|rest| rest.split_once("-u"))
        .unwrap_or_else(|| panic!("not a unit anchor: {id}"));
    (doc.parse::<usize>().unwrap() - 1, unit.parse().unwrap())
}

/// The units a marker resolves to; each must exist and be a unit.
fn resolved(units: &Value, context: &str) -> BTreeSet<Located> {
    units
        .as_array()
        .unwrap()
        .iter()
        .map(|u| {
            let id = u["id"].as_str().unwrap();
            let text = u["text"]
                .as_str()
                .unwrap_or_else(|| panic!("{context}: marker target #{id} is not a unit"));
            let (d, unit) = located_id(id);
            (d, unit, text.to_string())
        })
        .collect()
}

/// What the JSON output says each fact cites.
fn expected_citations(
    report: &Value,
    facts_key: &str,
    members_key: &str,
) -> Vec<BTreeSet<Located>> {
    let ids: Vec<&str> = report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    report[facts_key]
        .as_array()
        .unwrap()
        .iter()
        .map(|fact| {
            fact[members_key]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| {
                    let d = ids.iter().position(|&id| id == c["document"]).unwrap();
                    let unit = c["sentence"].as_u64().unwrap();
                    (d, unit, c["text"].as_str().unwrap().to_string())
                })
                .collect()
        })
        .collect()
}

/// Checks the facts and the matrix of a page against the JSON output.
fn check_page(page: &Value, report: &Value, facts_key: &str, members_key: &str, texts: &[String]) {
    let expected = expected_citations(report, facts_key, members_key);
    let documents = report["documents"].as_array().unwrap().len();
    let facts = page["facts"].as_array().unwrap();
    assert_eq!(facts.len(), expected.len(), "one list item per fact");
    for (i, (fact, cited)) in facts.iter().zip(&expected).enumerate() {
        let context = format!("{facts_key} {}", i + 1);
        assert_eq!(fact["text"], json!(texts[i]), "{context}: text");
        let mut marked = BTreeSet::new();
        for marker in fact["markers"].as_array().unwrap() {
            let units = resolved(&marker["units"], &context);
            let docs: BTreeSet<usize> = units.iter().map(|u| u.0).collect();
            assert_eq!(docs.len(), 1, "{context}: a marker cites one source");
            let d = *docs.first().unwrap();
            assert_eq!(marker["label"], json!(format!("[{}]", d + 1)), "{context}");
            marked.extend(units);
        }
        assert_eq!(&marked, cited, "{context}: markers and citations differ");
    }
    let matrix = &page["matrix"];
    assert_eq!(
        matrix["columns"].as_u64().unwrap() as usize,
        documents + 2,
        "matrix: a column per source, plus the fact and the count"
    );
    let rows = matrix["rows"].as_array().unwrap();
    assert_eq!(
        rows.len(),
        expected.len().min(200),
        "matrix: a row per fact"
    );
    for (i, (row, cited)) in rows.iter().zip(&expected).enumerate() {
        let cells = row.as_array().unwrap();
        assert_eq!(cells.len(), documents, "matrix row {}", i + 1);
        for (d, cell) in cells.iter().enumerate() {
            let want: BTreeSet<Located> = cited.iter().filter(|u| u.0 == d).cloned().collect();
            let context = format!("matrix row {}, source {}", i + 1, d + 1);
            if want.is_empty() {
                assert!(cell.is_null(), "{context}: marked but not cited");
            } else {
                assert!(!cell.is_null(), "{context}: cited but not marked");
                assert_eq!(resolved(cell, &context), want, "{context}");
            }
        }
    }
}

/// What the JSON output says of each fact's disagreements: per
/// disagreement, its kind, severity, and per value the normalized value,
/// the text of its first statement and the units stating it.
type Differ = (String, String, Vec<(String, String, BTreeSet<Located>)>);

fn expected_disagreements(report: &Value, facts_key: &str) -> Vec<Vec<Differ>> {
    let ids: Vec<&str> = report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    let s = |v: &Value| v.as_str().unwrap().to_string();
    report[facts_key]
        .as_array()
        .unwrap()
        .iter()
        .map(|fact| {
            fact["disagreements"]
                .as_array()
                .cloned()
                .unwrap_or_default()
                .iter()
                .map(|d| {
                    let values = d["values"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|v| {
                            let statements = v["statements"].as_array().unwrap();
                            let units = statements
                                .iter()
                                .map(|st| {
                                    let doc =
                                        ids.iter().position(|&id| id == st["document"]).unwrap();
                                    let unit = st["sentence"].as_u64().unwrap();
                                    (doc, unit, String::new())
                                })
                                .collect();
                            (s(&v["value"]), s(&statements[0]["text"]), units)
                        })
                        .collect();
                    (s(&d["kind"]), s(&d["severity"]), values)
                })
                .collect()
        })
        .collect()
}

/// Checks the disagreement notes under each fact and the marked cells of
/// the matrix against the JSON output; returns the number of marked cells.
fn check_disagreements(page: &Value, report: &Value, facts_key: &str) -> usize {
    let expected = expected_disagreements(report, facts_key);
    let facts = page["facts"].as_array().unwrap();
    let strip = |units: BTreeSet<Located>| -> BTreeSet<Located> {
        units
            .into_iter()
            .map(|(d, u, _)| (d, u, String::new()))
            .collect()
    };
    for (i, (fact, want)) in facts.iter().zip(&expected).enumerate() {
        let context = format!("{facts_key} {}: disagreements", i + 1);
        let notes = fact["differ"].as_array().unwrap();
        assert_eq!(
            notes.len(),
            want.len(),
            "{context}: a note per disagreement"
        );
        for (note, (kind, severity, values)) in notes.iter().zip(want) {
            assert_eq!(note["kind"], json!(kind), "{context}");
            assert_eq!(note["severity"], json!(severity), "{context}");
            let written: Vec<&str> = values.iter().map(|v| v.1.as_str()).collect();
            assert_eq!(
                note["values"],
                json!(written),
                "{context}: values as written"
            );
            let mut marked = BTreeSet::new();
            for marker in note["markers"].as_array().unwrap() {
                marked.extend(strip(resolved(&marker["units"], &context)));
            }
            let stated: BTreeSet<Located> =
                values.iter().flat_map(|v| v.2.iter().cloned()).collect();
            assert_eq!(
                marked, stated,
                "{context}: value markers and statements differ"
            );
        }
    }
    // The matrix: a source's cell shows the value it gives where it takes
    // part in a disagreement of the fact (conflicts first), and only there.
    let mut marked_cells = 0;
    let rows = page["matrix"]["values"].as_array().unwrap();
    for (i, (row, want)) in rows.iter().zip(&expected).enumerate() {
        for (d, cell) in row.as_array().unwrap().iter().enumerate() {
            let context = format!("matrix row {}, source {}", i + 1, d + 1);
            let gives = |severity: &str| {
                want.iter()
                    .filter(|x| x.1 == severity)
                    .flat_map(|x| &x.2)
                    .find(|v| v.2.iter().any(|u| u.0 == d))
            };
            match gives("conflict").or_else(|| gives("nuance")) {
                None => assert!(cell.is_null(), "{context}: marked, but gives no value"),
                Some((value, _, _)) => {
                    assert_eq!(cell["value"], json!(value), "{context}");
                    assert_eq!(cell["shown"], json!(value), "{context}");
                    assert_ne!(
                        cell["background"],
                        json!("rgba(0, 0, 0, 0)"),
                        "{context}: the mark is visible"
                    );
                    if let Some(units) = cell["marker"].as_array() {
                        assert!(!units.is_empty(), "{context}");
                        resolved(&cell["marker"], &context);
                    }
                    marked_cells += 1;
                }
            }
        }
    }
    marked_cells
}

/// Requests other than the page itself, and console errors, exceptions and
/// error log entries, among the events received.
fn problems(events: &[Value], page_url: &str) -> Vec<String> {
    let mut problems = Vec::new();
    for event in events {
        let params = &event["params"];
        match event["method"].as_str().unwrap_or("") {
            "Network.requestWillBeSent" => {
                let url = params["request"]["url"].as_str().unwrap_or("");
                if url.split('#').next() != Some(page_url) {
                    problems.push(format!("request: {url}"));
                }
            }
            "Runtime.consoleAPICalled"
                if params["type"] == "error" || params["type"] == "assert" =>
            {
                problems.push(format!("console: {}", params["args"]))
            }
            "Runtime.exceptionThrown" => {
                problems.push(format!("exception: {}", params["exceptionDetails"]))
            }
            "Log.entryAdded" if params["entry"]["level"] == "error" => {
                problems.push(format!("log: {}", params["entry"]["text"]))
            }
            _ => {}
        }
    }
    problems
}

fn write_page(dir: &Path, name: &str, args: &[&str]) -> (PathBuf, String) {
    let out = brief(args);
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    let path = dir.join(name);
    std::fs::write(&path, &out.stdout).unwrap();
    let url = format!("file://{}", path.display());
    (path, url)
}

fn sleep_ms(ms: u64) {
    std::thread::sleep(std::time::Duration::from_millis(ms));
}

/// Opens `url` with fresh logs and returns the problems seen while loading.
fn open(browser: &mut Browser, url: &str) -> Vec<String> {
    browser.take_events();
    browser.navigate(url).unwrap();
    sleep_ms(100);
    let events = browser.take_events();
    problems(&events, url)
}

fn screenshots_dir() -> PathBuf {
    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).parent().unwrap();
    let dir = target.join("browser");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The page is no wider than the screen. (Under mobile emulation a page
/// wider than the screen widens `innerWidth` with it; the root's
/// `clientWidth` stays the screen's.)
fn assert_no_sideways_scrolling(browser: &mut Browser, page: &str) {
    let widths = browser
        .eval(
            "({page: document.documentElement.scrollWidth, \
              screen: document.documentElement.clientWidth})",
        )
        .unwrap();
    assert!(
        widths["page"].as_u64() <= widths["screen"].as_u64(),
        "{page}: the page scrolls sideways on a phone: {widths}"
    );
}

/// Every marker, focused from the keyboard, draws the 3 px focus outline
/// (the matrix's cells where sources differ style their markers too).
fn assert_focus_visible(browser: &mut Browser, page: &str) {
    let unmarked = browser
        .eval(
            "[...document.querySelectorAll('a.cite')].filter((a) => { a.focus(); \
             const s = getComputedStyle(a); return !a.matches(':focus-visible') || \
             s.outlineStyle !== 'solid' || s.outlineWidth !== '3px'; }).map((a) => a.outerHTML)",
        )
        .unwrap();
    assert_eq!(
        unmarked,
        json!([]),
        "{page}: markers without a visible focus"
    );
    browser.eval("document.activeElement.blur()").unwrap();
    sleep_ms(400);
}

#[test]
fn report_in_headless_chromium() {
    let Some(chromium) = cdp::find_chromium() else {
        assert!(
            std::env::var_os("BRIEF_REQUIRE_BROWSER").is_none(),
            "BRIEF_REQUIRE_BROWSER is set, but no Chromium was found (set BRIEF_CHROMIUM)"
        );
        // Written past the test harness's capture, so it is seen.
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED browser::report_in_headless_chromium: no Chromium found (install Debian's \
             `chromium` package, as .ci/run does, or set BRIEF_CHROMIUM to a Chrome binary)"
        );
        return;
    };
    let dir = scratch("browser");
    let shots = screenshots_dir();
    let (_, summary_url) = write_page(&dir, "summary.html", &["corpus/", "--format", "html"]);
    let (_, dedup_url) = write_page(
        &dir,
        "dedup.html",
        &["dedup", "corpus/", "--format", "html"],
    );
    let hostile = hostile_input("browser_hostile");
    let (_, hostile_url) = write_page(
        &dir,
        "hostile.html",
        &[
            "--input-format",
            "jsonl",
            hostile.to_str().unwrap(),
            "--format",
            "html",
        ],
    );
    // Sixteen sources stating one fact: a long row of markers.
    let many = dir.join("many");
    std::fs::create_dir_all(&many).unwrap();
    for i in 1..=16 {
        let text = format!(
            "The harbour council approved the new budget for the ferry terminal on Monday \
             evening after debate number {i}.\n"
        );
        std::fs::write(many.join(format!("doc{i:02}.txt")), text).unwrap();
    }
    // Long unbroken ids, titles, URLs and words, cited and uncited.
    let long = dir.join("long.jsonl");
    let records: Vec<String> = (0..3)
        .map(|i| {
            json!({
                "id": format!("doc-{i}-{}", "x".repeat(150)),
                "title": "T".repeat(200),
                "url": format!("https://example.com/{}", "a".repeat(300)),
                "text": format!(
                    "The harbour council approved the budget number {i} on Monday. \
                     Supercalifragilistic{} words appear here too.",
                    "o".repeat(120)
                ),
            })
            .to_string()
        })
        .collect();
    std::fs::write(&long, records.join("\n")).unwrap();
    let (_, long_url) = write_page(
        &dir,
        "long.html",
        &[
            "dedup",
            "--input-format",
            "jsonl",
            long.to_str().unwrap(),
            "--format",
            "html",
        ],
    );
    let (_, many_url) = write_page(
        &dir,
        "many.html",
        &["dedup", many.to_str().unwrap(), "--format", "html"],
    );
    let summary = json(&brief(&["corpus/", "--format", "json"]));
    let dedup = json(&brief(&["dedup", "corpus/", "--format", "json"]));

    let mut browser = Browser::launch(&chromium, &dir.join("profile"))
        .unwrap_or_else(|e| panic!("Chromium at {}: {e}", chromium.display()));
    for domain in [
        "Page.enable",
        "Runtime.enable",
        "Log.enable",
        "Network.enable",
    ] {
        browser.call(domain, json!({})).unwrap();
    }
    browser
        .call(
            "Emulation.setFocusEmulationEnabled",
            json!({"enabled": true}),
        )
        .unwrap();
    browser.viewport(1100, 820, false).unwrap();

    // The summary: content, citations, matrix; no requests, no errors.
    let problems_seen = open(&mut browser, &summary_url);
    assert!(problems_seen.is_empty(), "summary page: {problems_seen:?}");
    let page = browser.eval(READ_PAGE).unwrap();
    let texts: Vec<String> = summary["summary"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap().to_string())
        .collect();
    check_page(&page, &summary, "summary", "citations", &texts);
    // The talks' length: three-hour [2] against nearly three hours [3].
    assert!(
        check_disagreements(&page, &summary, "summary") >= 2,
        "the summary's matrix marks where its sources differ"
    );
    assert_eq!(page["title"], json!("Summary of 5 documents · brief"));
    browser.screenshot(&shots.join("report.png")).unwrap();

    // Hover: a marker's popup shows the cited sentence highlighted in its
    // paragraph (a marker whose sentence shares its paragraph, so the
    // paragraph is more than the sentence).
    let marker = browser
        .eval(
            "(() => { const a = [...document.querySelectorAll('#summary a.cite')].find((a) => \
             document.getElementById(a.hash.slice(1)).closest('p').querySelectorAll('.u').length > 1); \
             a.scrollIntoView({block: 'center'}); const b = a.getBoundingClientRect(); \
             const unit = document.getElementById(a.hash.slice(1)); \
             return {x: b.left + b.width / 2, y: b.top + b.height / 2, href: a.getAttribute('href'), \
             sentence: unit.textContent, paragraph: unit.closest('p').textContent}; })()",
        )
        .unwrap();
    browser
        .move_mouse(marker["x"].as_f64().unwrap(), marker["y"].as_f64().unwrap())
        .unwrap();
    sleep_ms(100);
    let state = browser.eval(POPUP_STATE).unwrap();
    assert_eq!(
        state["visible"],
        json!(true),
        "hover shows the popup: {state}"
    );
    // A source that states the sentence's facts in several of its own
    // sentences has each of them highlighted (see docs/facts.md).
    let shown = |key: &str, want: &serde_json::Value| {
        state[key].as_array().is_some_and(|all| all.contains(want))
    };
    assert!(shown("highlighted", &marker["sentence"]), "{state}");
    assert!(shown("paragraphs", &marker["paragraph"]), "{state}");
    browser.screenshot(&shots.join("report-hover.png")).unwrap();

    // Away from it, the popup goes; keyboard focus brings it back.
    browser.move_mouse(5.0, 5.0).unwrap();
    sleep_ms(400);
    assert_eq!(browser.eval(POPUP_STATE).unwrap()["visible"], json!(false));
    browser
        .eval("window.scrollTo(0, 0); document.activeElement.blur()")
        .unwrap();
    browser.press("Tab").unwrap();
    sleep_ms(100);
    let state = browser.eval(POPUP_STATE).unwrap();
    let first_cited = summary["summary"][0]["citations"][0]["text"]
        .as_str()
        .unwrap();
    let first_href = browser
        .eval("document.querySelector('#summary a.cite').getAttribute('href')")
        .unwrap();
    assert_eq!(
        state["active"]["href"], first_href,
        "the first Tab reaches the first marker: {state}"
    );
    assert_eq!(
        state["active"]["outline"],
        json!("solid"),
        "focus is visible"
    );
    assert_eq!(state["active"]["describedBy"], json!("popup"));
    assert_eq!(
        state["visible"],
        json!(true),
        "focus shows the popup: {state}"
    );
    assert_eq!(state["highlighted"][0], json!(first_cited));
    browser.screenshot(&shots.join("report-focus.png")).unwrap();
    browser.press("Escape").unwrap();
    assert_eq!(
        browser.eval(POPUP_STATE).unwrap()["visible"],
        json!(false),
        "Escape hides it"
    );

    // Enter follows the marker: its source opens at the highlighted sentence.
    browser.press("Enter").unwrap();
    sleep_ms(200);
    let opened = browser
        .eval(
            "(() => { const t = document.getElementById(location.hash.slice(1)); const b = t.getBoundingClientRect(); \
             return {hash: location.hash, open: t.closest('details').open, text: t.textContent, \
             background: getComputedStyle(t).backgroundColor, inView: b.top >= 0 && b.bottom <= innerHeight, \
             openSources: document.querySelectorAll('details.source[open]').length}; })()",
        )
        .unwrap();
    assert_eq!(opened["hash"], first_href, "{opened}");
    assert_eq!(opened["open"], json!(true), "{opened}");
    assert_eq!(opened["text"], json!(first_cited));
    assert_eq!(opened["inView"], json!(true), "{opened}");
    assert_eq!(
        opened["openSources"],
        json!(1),
        "only the cited source opens: {opened}"
    );
    assert_ne!(
        opened["background"],
        json!("rgba(0, 0, 0, 0)"),
        "highlighted: {opened}"
    );
    browser
        .screenshot(&shots.join("report-source.png"))
        .unwrap();
    assert_focus_visible(&mut browser, "summary");

    // A link to a whole source (the matrix's column heading) opens it.
    let heading = browser
        .eval(
            "(() => { document.querySelector('#matrix thead a[href=\"#d2\"]').click(); \
             return {hash: location.hash, open: document.getElementById('d2').open}; })()",
        )
        .unwrap();
    assert_eq!(heading, json!({"hash": "#d2", "open": true}));
    let events = browser.take_events();
    let seen = problems(&events, &summary_url);
    assert!(seen.is_empty(), "while interacting: {seen:?}");

    // A phone: nothing wider than the screen, the popup docked at the bottom.
    browser.viewport(375, 812, true).unwrap();
    let problems_seen = open(&mut browser, &summary_url);
    assert!(problems_seen.is_empty(), "phone: {problems_seen:?}");
    assert_no_sideways_scrolling(&mut browser, "summary");
    browser.eval("document.activeElement.blur()").unwrap();
    browser.press("Tab").unwrap();
    sleep_ms(100);
    let state = browser.eval(POPUP_STATE).unwrap();
    assert_eq!(state["visible"], json!(true), "phone: {state}");
    let (box_, viewport) = (&state["box"], &state["viewport"]);
    assert!(
        box_["left"].as_f64().unwrap().abs() < 1.0
            && (box_["right"].as_f64().unwrap() - viewport["width"].as_f64().unwrap()).abs() < 1.0
            && (box_["bottom"].as_f64().unwrap() - viewport["height"].as_f64().unwrap()).abs()
                < 1.0,
        "phone: the popup spans the bottom of the screen: {state}"
    );
    browser.screenshot(&shots.join("report-phone.png")).unwrap();
    // The matrix scrolls sideways in its box, its fact column staying put.
    let matrix = browser
        .eval(
            "(() => { const wrap = document.querySelector('#matrix .matrix-wrap'); \
             wrap.scrollLeft = wrap.scrollWidth; const row = wrap.querySelector('tbody th'); \
             const last = wrap.querySelector('tbody td:last-child'); \
             const w = wrap.getBoundingClientRect(); return {scrolled: wrap.scrollLeft, \
             rowLeft: row.getBoundingClientRect().left - w.left, \
             lastRight: w.right - last.getBoundingClientRect().right}; })()",
        )
        .unwrap();
    assert!(
        matrix["scrolled"].as_f64().unwrap() > 0.0
            && matrix["rowLeft"].as_f64().unwrap().abs() < 2.0
            && matrix["lastRight"].as_f64().unwrap() > -1.0,
        "phone: the matrix's fact column scrolls away or its last column is out of reach: {matrix}"
    );
    // Markers wrap: sixteen of them do not widen the page.
    let problems_seen = open(&mut browser, &many_url);
    assert!(
        problems_seen.is_empty(),
        "phone, 16 sources: {problems_seen:?}"
    );
    assert_eq!(
        browser
            .eval("document.querySelectorAll('#clusters a.cite').length")
            .unwrap(),
        json!(16)
    );
    assert_no_sideways_scrolling(&mut browser, "16 sources");
    let problems_seen = open(&mut browser, &long_url);
    assert!(
        problems_seen.is_empty(),
        "phone, long words: {problems_seen:?}"
    );
    assert_no_sideways_scrolling(&mut browser, "long words");
    browser.viewport(1100, 820, false).unwrap();

    // Without JavaScript: every source's text is there to read.
    browser
        .call(
            "Emulation.setScriptExecutionDisabled",
            json!({"value": true}),
        )
        .unwrap();
    let problems_seen = open(&mut browser, &summary_url);
    assert!(
        problems_seen.is_empty(),
        "without JavaScript: {problems_seen:?}"
    );
    let static_page = browser
        .eval(
            "({open: document.querySelectorAll('details.source[open]').length, \
              sources: document.querySelectorAll('details.source').length, \
              popup: document.getElementById('popup'), \
              sentences: [...document.querySelectorAll('ol.facts .text')].map((n) => n.textContent)})",
        )
        .unwrap();
    assert_eq!(static_page["open"], static_page["sources"], "{static_page}");
    assert_eq!(static_page["sources"], json!(5));
    assert!(static_page["popup"].is_null(), "the script ran");
    assert_eq!(static_page["sentences"], json!(texts));
    browser
        .call(
            "Emulation.setScriptExecutionDisabled",
            json!({"value": false}),
        )
        .unwrap();

    // The dedup report: every cluster, resolvable markers, the matrix.
    let problems_seen = open(&mut browser, &dedup_url);
    assert!(problems_seen.is_empty(), "dedup page: {problems_seen:?}");
    let page = browser.eval(READ_PAGE).unwrap();
    let representatives: Vec<String> = dedup["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["representative"]["text"].as_str().unwrap().to_string())
        .collect();
    check_page(&page, &dedup, "clusters", "members", &representatives);
    check_disagreements(&page, &dedup, "clusters");
    browser.press("Tab").unwrap();
    assert_focus_visible(&mut browser, "dedup");
    // The press appearance: 12 minutes [1][5] against 10 minutes [4], a
    // source whose sentence is outside the cluster; its cell leads there.
    let row = dedup["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .position(|c| {
            c["disagreements"][0]["values"][1]["statements"][0]["text"] == "barely 10 minutes"
        })
        .expect("the press appearance's cluster");
    let cell = &page["matrix"]["values"][row][3];
    assert_eq!(cell["value"], json!("10 min"), "{cell}");
    let led_to = resolved(&cell["marker"], "the 10-minute cell");
    assert!(
        led_to
            .iter()
            .all(|(d, _, text)| *d == 3 && text.contains("barely 10 minutes")),
        "{cell}"
    );
    browser.screenshot(&shots.join("dedup.png")).unwrap();

    // Hostile input: shown as text, nothing runs, nothing is requested.
    let problems_seen = open(&mut browser, &hostile_url);
    assert!(problems_seen.is_empty(), "hostile page: {problems_seen:?}");
    browser
        .eval("document.querySelectorAll('a.cite').forEach((a) => a.focus())")
        .unwrap();
    sleep_ms(100);
    let inert = browser
        .eval(
            "({pwned: window.__brief_pwned === undefined ? null : String(window.__brief_pwned), \
              scripts: document.scripts.length, images: document.images.length, \
              styles: document.querySelectorAll('style').length, \
              links: [...document.links].map((a) => a.protocol), \
              shown: document.body.textContent.includes(\"__brief_pwned = 'text'</script>\"), \
              popup: document.getElementById('popup').textContent})",
        )
        .unwrap();
    assert!(inert["pwned"].is_null(), "input script ran: {inert}");
    assert_eq!(inert["scripts"], json!(1), "{inert}");
    assert_eq!(inert["images"], json!(0), "{inert}");
    assert_eq!(inert["styles"], json!(1), "{inert}");
    for protocol in inert["links"].as_array().unwrap() {
        assert!(
            ["file:", "https:"].contains(&protocol.as_str().unwrap()),
            "unexpected link: {inert}"
        );
    }
    assert_eq!(
        inert["shown"],
        json!(true),
        "the script is shown as text: {inert}"
    );
    let events = browser.take_events();
    let seen = problems(&events, &hostile_url);
    assert!(seen.is_empty(), "hostile page: {seen:?}");
}
