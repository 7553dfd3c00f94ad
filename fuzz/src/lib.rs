//! What the fuzz targets check: one function per target, taking the
//! fuzzer's bytes and panicking when an invariant of brief's output fails.
//!
//! The same file is compiled into the integration tests
//! (`tests/it/fuzz_replay.rs`), which replay the committed seeds and every
//! minimized crash under `fuzz/regressions/` through these functions, so a
//! crash once found stays a test of the normal suite. It therefore uses
//! only `brief`, `serde_json`, `rayon` and `encoding_rs` (all dependencies
//! of brief), and no crate-level attributes.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use brief::analyze::{Analyzer, SentenceSource};
use brief::batch;
use brief::eval::{self, Limit, RougeConfig, SkipBigram};
use brief::lang::Language;
use brief::load::{self, Document, InputFormat};
use brief::pipeline::{Config, Pipeline};
use brief::render::{self, Format, RenderOptions};
use brief::score::Algorithm;
use brief::segment::{Segmenter, Unit, UnitKind, MAX_UNIT_CHARS};
use brief::select::{Budget, Order};
use brief::similarity::Measure;
use serde_json::Value;

/// Documents of a multi-document input are separated by this byte, which
/// never occurs in UTF-8.
pub const DOCUMENT_SEPARATOR: u8 = 0xFF;

/// At most this many documents per pipeline input.
const MAX_DOCUMENTS: usize = 8;

/// A one-thread pool: running a computation there and in the global pool
/// must give the same result (brief promises output independent of the
/// thread count).
fn single_thread() -> &'static rayon::ThreadPool {
    static POOL: OnceLock<rayon::ThreadPool> = OnceLock::new();
    POOL.get_or_init(|| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .expect("a one-thread pool")
    })
}

/// `f` run in the global pool and in a one-thread pool, checked equal.
fn same_on_any_thread_count<T: PartialEq + std::fmt::Debug + Send>(f: impl Fn() -> T + Sync) -> T {
    let result = f();
    let alone = single_thread().install(&f);
    assert_eq!(result, alone, "result depends on the thread count");
    result
}

/// The language a selector byte picks.
fn language(selector: u8) -> Language {
    Language::ALL[selector as usize % Language::ALL.len()]
}

/// Splits `data` at its first `n` bytes (padded with zeros).
fn header<const N: usize>(data: &[u8]) -> ([u8; N], &[u8]) {
    let mut head = [0u8; N];
    let n = data.len().min(N);
    head[..n].copy_from_slice(&data[..n]);
    (head, &data[n..])
}

// ---------------------------------------------------------------- segment

/// Target `segment`: language byte, body-start byte, then text.
pub fn segment(data: &[u8]) {
    let ([lang, body_start], rest) = header::<2>(data);
    let text = String::from_utf8_lossy(rest);
    let segmenter = Segmenter::new(language(lang));
    let units = segmenter.segment(&text, body_start as usize);
    check_units(&text, body_start as usize, &units);
    assert_eq!(
        units,
        segmenter.segment(&text, body_start as usize),
        "not deterministic"
    );
}

/// The segmentation contract: units in order, disjoint, trimmed,
/// non-empty, on character boundaries, within one line (or a hard-wrapped
/// line and its continuation), at most
/// [`MAX_UNIT_CHARS`] characters, and covering every non-white-space
/// character of the body.
/// What segmentation trims off lines and units: white space and the
/// invisible characters pages leave in text.
fn is_blank(c: char) -> bool {
    c.is_whitespace() || brief::segment::is_invisible(c)
}

/// `line` after its leading blanks and the references to white space
/// among them (`&nbsp;`, `&#10;`: segmentation reads those as spaces).
fn skip_blanks(mut line: &str) -> &str {
    loop {
        let trimmed = line.trim_start_matches(is_blank);
        match brief::charrefs::reference_at(trimmed) {
            Some((len, read)) if read.chars().all(is_blank) => line = &trimmed[len..],
            _ => return trimmed,
        }
    }
}

/// The byte ranges of `text[body_start..]` that read as blank: character
/// references to white space or invisible characters (`&nbsp;`,
/// `&#8203;`), which segmentation reads as what they stand for (one cut by
/// `body_start` is no reference).
fn blank_references(text: &str, body_start: usize) -> Vec<(usize, usize)> {
    let body = &text[body_start..];
    body.match_indices('&')
        .filter_map(|(at, _)| {
            let (len, decoded) = brief::charrefs::reference_at(&body[at..])?;
            let at = body_start + at;
            decoded.chars().all(is_blank).then_some((at, at + len))
        })
        .collect()
}

pub fn check_units(text: &str, body_start: usize, units: &[Unit]) {
    let body_start = (body_start..text.len())
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(text.len());
    let mut previous_end = body_start;
    let mut covered = Vec::with_capacity(units.len());
    let blank_references = blank_references(text, body_start);
    // Whether the body (as segmentation reads it) is hard-wrapped text.
    let wrapped = brief::segment::wrap_width(text, body_start).is_some();
    for unit in units {
        assert!(unit.start < unit.end, "empty unit {unit:?}");
        assert!(
            unit.start >= previous_end,
            "unit {unit:?} overlaps or is out of order"
        );
        assert!(unit.end <= text.len(), "unit {unit:?} past the end");
        assert!(
            text.is_char_boundary(unit.start) && text.is_char_boundary(unit.end),
            "unit {unit:?} not on character boundaries"
        );
        let unit_text = &text[unit.start..unit.end];
        assert_eq!(
            unit_text.trim_matches(is_blank),
            unit_text,
            "unit {unit:?} not trimmed"
        );
        assert!(
            !blank_references
                .iter()
                .any(|&(start, end)| start == unit.start || end == unit.end),
            "unit {unit:?} starts or ends with a reference to white space"
        );
        // A unit goes on past a line break only where a hard-wrapped line
        // continues: one break, then a lowercase letter, or anything in a
        // text wrapped at a width (`wrap_width`) or after a line that
        // stops mid-clause (`stops_mid_clause`; English has the most
        // words for it); never a blank line.
        let unit_lines = unit_text.replace("\r\n", "\n");
        let mut lines = unit_lines.split([
            '\n', '\r', '\u{0B}', '\u{0C}', '\u{2028}', '\u{2029}', '\u{85}',
        ]);
        let mut before = lines.next().unwrap_or_default();
        for line in lines {
            let next = skip_blanks(line);
            let mid_clause = brief::segment::stops_mid_clause(before, Language::English);
            assert!(
                next.starts_with(char::is_lowercase)
                    || ((wrapped || mid_clause) && !next.is_empty()),
                "unit {unit:?} spans a line break into {line:?}"
            );
            before = line;
        }
        let chars = unit_text.chars().count();
        assert!(
            chars <= MAX_UNIT_CHARS,
            "unit {unit:?} has {chars} characters"
        );
        covered.push((unit.start, unit.end));
        previous_end = unit.end;
    }
    let mut next = covered.iter().peekable();
    let mut next_blank = blank_references.iter().peekable();
    for (at, c) in text[body_start..].char_indices() {
        let at = body_start + at;
        while next.next_if(|(_, end)| *end <= at).is_some() {}
        let inside = next.peek().is_some_and(|(start, _)| *start <= at);
        while next_blank.next_if(|(_, end)| *end <= at).is_some() {}
        let blank_reference = next_blank.peek().is_some_and(|(start, _)| *start <= at);
        assert!(
            is_blank(c) || inside || blank_reference,
            "character {c:?} at {at} is in no unit"
        );
    }
}

// ---------------------------------------------------------------- analyze

/// Target `analyze`: language byte, then sentences, one per line.
pub fn analyze(data: &[u8]) {
    let ([lang], rest) = header::<1>(data);
    let text = String::from_utf8_lossy(rest);
    let analyzer = Analyzer::new(language(lang));
    let sentences: Vec<(SentenceSource, &str)> = text
        .split('\n')
        .enumerate()
        .map(|(i, s)| {
            let source = SentenceSource {
                document: (i / 3) as u32,
                unit: i as u32,
            };
            (source, s)
        })
        .collect();
    let analysis = same_on_any_thread_count(|| {
        let a = analyzer.analyze(&sentences);
        (a.vocabulary, a.sentences)
    });
    let (vocabulary, analyzed) = analysis;
    assert!(
        vocabulary.windows(2).all(|w| w[0] < w[1]),
        "vocabulary not sorted and unique"
    );
    assert!(vocabulary.iter().all(|t| !t.is_empty()), "empty term");
    assert_eq!(analyzed.len(), sentences.len(), "a sentence was lost");
    for (a, (source, text)) in analyzed.iter().zip(&sentences) {
        assert_eq!(a.source, *source, "sentences out of order");
        let terms: Vec<&str> = a
            .terms
            .iter()
            .map(|&t| {
                vocabulary
                    .get(t as usize)
                    .map(String::as_str)
                    .expect("term id in the vocabulary")
            })
            .collect();
        // The interned, cached path agrees with analyzing the text alone.
        assert_eq!(terms, analyzer.terms(text), "for {text:?}");
        assert!(a.words as usize <= text.len(), "more words than bytes");
    }
}

// ---------------------------------------------------------------- loaders

/// Target `load_text`: the bytes of one file read as one document.
pub fn load_text(data: &[u8]) {
    check_markdown(data);
    let (documents, problems) = load::load_bytes("in.txt", "in", data, InputFormat::Text);
    assert_eq!(
        load::load_bytes("in.txt", "in", data, InputFormat::Text),
        (documents.clone(), problems.clone()),
        "not deterministic"
    );
    // Text that is an HTML page is read as one: exactly what
    // `--input-format html` reads from the same bytes.
    let decoded = match data {
        [0xFF, 0xFE, rest @ ..] | [0xFE, 0xFF, rest @ ..] if rest.len() % 2 == 0 => {
            let le = data[0] == 0xFF;
            let units: Vec<u16> = rest
                .chunks_exact(2)
                .map(|b| {
                    if le {
                        u16::from_le_bytes([b[0], b[1]])
                    } else {
                        u16::from_be_bytes([b[0], b[1]])
                    }
                })
                .collect();
            String::from_utf16(&units).ok()
        }
        [0xEF, 0xBB, 0xBF, rest @ ..] => std::str::from_utf8(rest).ok().map(str::to_string),
        _ => std::str::from_utf8(data).ok().map(str::to_string),
    };
    let page = decoded.as_deref().is_some_and(|text| {
        !text.trim().is_empty() && !text.contains('\0') && load::looks_like_html(text)
    });
    if page {
        assert_eq!(
            (documents.clone(), problems.clone()),
            load::load_bytes("in.txt", "in", data, InputFormat::Html),
            "a page read as text differs from the page read as HTML"
        );
    }
    // Bytes that are not UTF-8 (nor UTF-16 with a mark) and hold no NUL
    // are text in a legacy encoding: decoded, with a note naming it.
    let body = data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data);
    let legacy = decoded.is_none()
        && !data.starts_with(b"\xFF\xFE")
        && !data.starts_with(b"\xFE\xFF")
        && !data.starts_with(b"\x00\x00\xFE\xFF")
        && !body.contains(&0);
    if legacy {
        check_legacy(body, &documents, &problems);
        return;
    }
    match (documents.as_slice(), problems.as_slice()) {
        ([doc], []) if page => {
            assert!(!doc.text.trim().is_empty(), "an empty page was loaded");
            assert!(!doc.text.contains('\0'), "a NUL reached a document");
            check_document(doc);
        }
        ([doc], []) => {
            assert_eq!((doc.id.as_str(), doc.source.as_str()), ("in", "in.txt"));
            assert!(!doc.text.trim().is_empty(), "an empty document was loaded");
            assert!(!doc.text.contains('\0'), "a NUL reached a document");
            check_document(doc);
            // Text is the file's own bytes (past a UTF-8 mark), or, for
            // UTF-16, exactly what the file encodes.
            let utf16 = |le: bool| -> Vec<u8> {
                doc.text
                    .encode_utf16()
                    .flat_map(|u| if le { u.to_le_bytes() } else { u.to_be_bytes() })
                    .collect()
            };
            let expected = match data {
                [0xFF, 0xFE, rest @ ..] => rest == utf16(true).as_slice(),
                [0xFE, 0xFF, rest @ ..] => rest == utf16(false).as_slice(),
                [0xEF, 0xBB, 0xBF, rest @ ..] => rest == doc.text.as_bytes(),
                _ => data == doc.text.as_bytes(),
            };
            assert!(expected, "document text differs from the input");
        }
        ([], [problem]) => {
            assert_eq!(problem.location, "in.txt");
            assert!(problem.message.ends_with("; skipped"), "{problem}");
            // Plain UTF-8 text with something in it is never refused (a
            // page without text is).
            if let Ok(text) = std::str::from_utf8(data) {
                let plain = !text.starts_with(['\u{feff}', '\u{fffe}'])
                    && !text.contains('\0')
                    && !load::looks_like_html(text);
                assert!(!plain || text.trim().is_empty(), "refused: {problem}");
            }
        }
        other => panic!("one input must give one document or one problem: {other:?}"),
    }
}

/// Text in a legacy encoding (`body`: past a UTF-8 mark, not UTF-8, no
/// NUL) is never refused for its encoding: it gives a document and one
/// note naming the encoding, and the document is exactly what loading
/// `encoding_rs`'s decoding of the bytes with that encoding gives (for
/// mostly-UTF-8 text, the UTF-8 kept and each stray byte decoded as
/// Windows-1252); or it is skipped as that decoding would be (blank, or
/// a page without text).
fn check_legacy(body: &[u8], documents: &[Document], problems: &[load::LoadProblem]) {
    let expected_load = |text: &str| {
        // The decoding, loaded as the UTF-8 text it now is.
        load::load_bytes("in.txt", "in", text.as_bytes(), InputFormat::Text)
    };
    match (documents, problems) {
        ([doc], [note]) => {
            assert_eq!(note.location, "in.txt");
            check_document(doc);
            assert!(!doc.text.contains('\0'), "a NUL reached a document");
            let message = &note.message;
            assert!(
                message.starts_with("not UTF-8")
                    && message.ends_with("offsets are into the decoded text"),
                "{note}"
            );
            let stray = message.contains("the stray bytes as windows-1252");
            let expected = if stray {
                let mut text = String::new();
                for chunk in body.utf8_chunks() {
                    text.push_str(chunk.valid());
                    for &byte in chunk.invalid() {
                        let byte = [byte];
                        text.push_str(
                            &encoding_rs::WINDOWS_1252
                                .decode_without_bom_handling(&byte)
                                .0,
                        );
                    }
                }
                text
            } else {
                let label = message
                    .strip_prefix("not UTF-8; read as ")
                    .and_then(|rest| rest.split(' ').next())
                    .unwrap_or_else(|| panic!("no encoding named: {note}"));
                let encoding = encoding_rs::Encoding::for_label(label.as_bytes())
                    .unwrap_or_else(|| panic!("not a WHATWG label: {label}"));
                assert_eq!(doc.encoding.as_deref(), Some(label), "{note}");
                encoding.decode_without_bom_handling(body).0.into_owned()
            };
            // A decoding that starts with U+FEFF would lose it as a mark
            // when loaded again as UTF-8: compare the text itself then.
            if expected.starts_with('\u{feff}') {
                assert_eq!(doc.text, expected, "not the named encoding's decoding");
                return;
            }
            if stray {
                assert_eq!(doc.encoding.as_deref(), Some("utf-8+windows-1252"));
            }
            let (again, notes) = expected_load(&expected);
            assert!(notes.is_empty(), "{notes:?}");
            // Loaded again as UTF-8, the document is the same but for the
            // encoding it names.
            let mut unnamed = doc.clone();
            unnamed.encoding = None;
            assert_eq!(again, vec![unnamed], "not the named encoding's decoding");
        }
        ([], [problem]) => {
            assert_eq!(problem.location, "in.txt");
            assert!(
                problem.message == "empty document: no text; skipped"
                    || problem.message.starts_with("HTML page without text"),
                "text in a legacy encoding refused: {problem}"
            );
        }
        other => {
            panic!("legacy text must give one document and its note, or one problem: {other:?}")
        }
    }
}

/// A loaded document's own invariants.
/// The same bytes read as a Markdown article: one document or one
/// problem; a document has text and no NUL, and its text grows at most
/// linearly with the input; the same result twice.
fn check_markdown(data: &[u8]) {
    let read = || load::load_bytes("in.md", "in", data, InputFormat::Markdown);
    let (documents, problems) = read();
    assert_eq!(
        read(),
        (documents.clone(), problems.clone()),
        "not deterministic"
    );
    assert!(documents.len() <= 1, "one article, one document");
    assert!(
        documents.len() + problems.len() >= 1,
        "neither a document nor a problem"
    );
    for doc in &documents {
        check_document(doc);
        assert!(!doc.text.trim().is_empty(), "a document without text");
        assert!(!doc.text.contains('\0'), "NUL in a document");
        assert!(
            doc.text.len() <= 8 * data.len() + 64,
            "{} bytes of text from {} bytes of Markdown",
            doc.text.len(),
            data.len()
        );
    }
}

fn check_document(doc: &Document) {
    assert!(
        doc.body_start <= doc.text.len() && doc.text.is_char_boundary(doc.body_start),
        "body start {} outside the text",
        doc.body_start
    );
    if let Some(date) = &doc.date {
        let b = date.as_bytes();
        assert!(
            b.len() == 10 && b[4] == b'-' && b[7] == b'-',
            "date {date:?} not YYYY-MM-DD"
        );
    }
}

/// Target `load_jsonl`: the bytes of one JSON Lines file.
pub fn load_jsonl(data: &[u8]) {
    let (documents, problems) = load::load_bytes("in.jsonl", "in", data, InputFormat::Jsonl);
    assert_eq!(
        load::load_bytes("in.jsonl", "in", data, InputFormat::Jsonl),
        (documents.clone(), problems.clone()),
        "not deterministic"
    );
    let line_of = |location: &str| -> usize {
        let line = location
            .strip_prefix("in.jsonl:")
            .unwrap_or_else(|| panic!("location {location:?} does not name the file and line"));
        line.parse().expect("a line number")
    };
    let mut lines_used = BTreeSet::new();
    for doc in &documents {
        check_document(doc);
        let line = line_of(&doc.source);
        assert!(lines_used.insert(line), "two documents from line {line}");
        assert!(!doc.id.trim().is_empty() && !doc.text.trim().is_empty());
    }
    for problem in &problems {
        if problem.location == "in.jsonl" {
            continue; // about the whole input
        }
        let line = line_of(&problem.location);
        if problem.message.ends_with("; line skipped") {
            assert!(
                lines_used.insert(line),
                "line {line} both loaded and skipped"
            );
        } else {
            // A note about an ignored field of a loaded document.
            assert!(
                documents.iter().any(|d| line_of(&d.source) == line),
                "{problem}"
            );
        }
    }
    // Every line with something on it gives a document or a problem, and a
    // document's text is the line's own `text` field.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if text.starts_with('\u{feff}') {
        return;
    }
    for (index, line) in jsonl_lines(text).into_iter().enumerate() {
        let number = index + 1;
        if line.trim().is_empty() {
            continue;
        }
        match documents.iter().find(|d| line_of(&d.source) == number) {
            Some(doc) => {
                let parsed: Option<Value> = serde_json::from_str(line).ok();
                let field = parsed
                    .as_ref()
                    .and_then(|v| v.get("text"))
                    .and_then(Value::as_str);
                assert_eq!(Some(doc.text.as_str()), field, "line {number}");
            }
            None => assert!(
                lines_used.contains(&number),
                "line {number} neither loaded nor reported"
            ),
        }
    }
}

/// JSON Lines lines: ended by `\n`, `\r\n` or a lone `\r`.
fn jsonl_lines(text: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let end = rest.find(['\n', '\r']).unwrap_or(rest.len());
        lines.push(&rest[..end]);
        rest = &rest[end..];
        rest = rest
            .strip_prefix("\r\n")
            .or_else(|| rest.strip_prefix(['\n', '\r']))
            .unwrap_or(rest);
    }
    lines
}

// ---------------------------------------------------------------- pipeline

/// The options a selector byte picks.
fn config(selector: u8, size: u8) -> Config {
    let n = 1 + size as usize % 40;
    Config {
        algorithm: [
            Algorithm::Brief,
            Algorithm::Lexrank,
            Algorithm::Centroid,
            Algorithm::Lead,
        ][selector as usize % 4],
        budget: match (selector / 4) % 4 {
            0 => Budget::Sentences(1 + n % 8),
            1 => Budget::Words(n),
            2 => Budget::Bytes(n * 8),
            _ => Budget::Chars(n * 6),
        },
        order: [Order::Rank, Order::Source, Order::Date][(selector / 16) as usize % 3],
        threshold: [0.4, 0.2, 0.7, 1.0][(selector / 64) as usize % 4],
        min_words: [6, 1][(size / 128) as usize],
        // Semantic vectors for sentences and fact parts, now and then.
        similarity: [
            Measure::Lexical,
            Measure::Lexical,
            Measure::Combined,
            Measure::Semantic,
        ][(size / 32) as usize % 4],
        ..Config::default()
    }
}

/// Target `pipeline`: an options byte, a size byte, then up to eight
/// documents separated by [`DOCUMENT_SEPARATOR`], each read as a text
/// file. Summarizes, deduplicates and renders every format; checks the
/// JSON against the contract and the output against the thread count.
pub fn pipeline(data: &[u8]) {
    let ([selector, size], rest) = header::<2>(data);
    let config = config(selector, size);
    let mut documents = Vec::new();
    for (i, bytes) in rest
        .split(|&b| b == DOCUMENT_SEPARATOR)
        .take(MAX_DOCUMENTS)
        .enumerate()
    {
        let name = format!("d{i}");
        let (docs, _) = load::load_bytes(&format!("{name}.txt"), &name, bytes, InputFormat::Text);
        documents.extend(docs);
    }
    let budget = config.budget;
    let pipeline = Pipeline::new(config).expect("valid options");
    let outputs = same_on_any_thread_count(|| run_pipeline(&pipeline, documents.clone()));
    let Some([summary, dedup, segment, _text, _markdown]) = outputs else {
        return;
    };
    let summary: Value = serde_json::from_slice(&summary).expect("summary JSON parses");
    let dedup: Value = serde_json::from_slice(&dedup).expect("dedup JSON parses");
    let segment: Value = serde_json::from_slice(&segment).expect("segment JSON parses");
    let docs = check_segment_json(&segment, &documents);
    check_summary_json(&summary, &docs, budget);
    check_dedup_json(&dedup, &docs);
}

/// Every output of one run (summary, dedup and segment JSON, text,
/// Markdown), or `None` when there is nothing to work on.
fn run_pipeline(pipeline: &Pipeline, documents: Vec<Document>) -> Option<[Vec<u8>; 5]> {
    let for_segment = documents.clone();
    let prepared = pipeline.prepare(documents).ok()?;
    let summary = pipeline.summarize(&prepared);
    let dedup = pipeline.dedup(&prepared);
    let config = pipeline.config();
    let options = RenderOptions::default();
    let render = |f: &dyn Fn(&mut Vec<u8>) -> std::io::Result<()>| {
        let mut out = Vec::new();
        f(&mut out).expect("rendering into memory succeeds");
        String::from_utf8(out.clone()).expect("output is UTF-8");
        out
    };
    Some([
        render(&|out| render::summary(out, Format::Json, &prepared, &summary, config, options)),
        render(&|out| render::dedup(out, Format::Json, &prepared, &dedup, config, options)),
        render(&|out| {
            let units = pipeline.segment(&for_segment);
            render::segments(out, Format::Json, &for_segment, &units)
        }),
        render(&|out| render::summary(out, Format::Text, &prepared, &summary, config, options)),
        render(&|out| render::dedup(out, Format::Markdown, &prepared, &dedup, config, options)),
    ])
}

/// A document as the JSON describes it, with its units.
struct JsonDocument<'a> {
    text: &'a str,
    /// (kind, start, end) of every unit.
    units: Vec<(String, usize, usize)>,
}

fn keys(value: &Value) -> BTreeSet<&str> {
    value
        .as_object()
        .unwrap_or_else(|| panic!("not an object: {value}"))
        .keys()
        .map(String::as_str)
        .collect()
}

/// Checks that `value` has exactly the `required` keys, plus any of
/// `optional`.
fn check_keys(value: &Value, required: &[&str], optional: &[&str]) {
    let keys = keys(value);
    for key in required {
        assert!(keys.contains(key), "missing {key:?} in {value}");
    }
    for key in &keys {
        assert!(
            required.contains(key) || optional.contains(key),
            "unknown field {key:?} in {value}"
        );
    }
}

fn usize_of(value: &Value, key: &str) -> usize {
    value[key]
        .as_u64()
        .unwrap_or_else(|| panic!("{key:?} not a count in {value}")) as usize
}

const DOCUMENT_KEYS: &[&str] = &["id", "path", "title", "date", "url", "sentences", "units"];
const OPTION_KEYS: &[&str] = &[
    "language",
    "threshold",
    "budget",
    "order",
    "algorithm",
    "similarity",
    "facts",
];
const LOCATED_KEYS: &[&str] = &["document", "sentence", "start", "end", "text"];

/// Checks `brief.segment/1` against the documents and returns them by id.
fn check_segment_json<'a>(
    value: &Value,
    documents: &'a [Document],
) -> std::collections::BTreeMap<String, JsonDocument<'a>> {
    check_keys(value, &["schema", "documents", "units", "stats"], &[]);
    assert_eq!(value["schema"], "brief.segment/1");
    let mut docs = std::collections::BTreeMap::new();
    for (doc, json) in documents
        .iter()
        .zip(value["documents"].as_array().expect("documents"))
    {
        check_keys(json, DOCUMENT_KEYS, &["encoding"]);
        assert_eq!(json["id"], doc.id.as_str());
        docs.insert(
            doc.id.clone(),
            JsonDocument {
                text: &doc.text,
                units: Vec::new(),
            },
        );
    }
    assert_eq!(docs.len(), documents.len(), "document ids are not unique");
    for unit in value["units"].as_array().expect("units") {
        check_keys(
            unit,
            &["document", "index", "kind", "start", "end", "text"],
            &["split"],
        );
        let doc = docs
            .get_mut(unit["document"].as_str().expect("document id"))
            .expect("a unit of a known document");
        assert_eq!(
            usize_of(unit, "index"),
            doc.units.len(),
            "unit indices not consecutive"
        );
        let (start, end) = (usize_of(unit, "start"), usize_of(unit, "end"));
        assert_eq!(
            Some(unit["text"].as_str().expect("text")),
            doc.text.get(start..end)
        );
        let kind = unit["kind"].as_str().expect("kind").to_string();
        assert!(["sentence", "heading", "byline", "boilerplate"].contains(&kind.as_str()));
        doc.units.push((kind, start, end));
    }
    for (doc, json) in documents
        .iter()
        .zip(value["documents"].as_array().expect("documents"))
    {
        let units = &docs[&doc.id].units;
        assert_eq!(usize_of(json, "units"), units.len());
        let sentences = units.iter().filter(|u| u.0 == "sentence").count();
        assert_eq!(usize_of(json, "sentences"), sentences);
    }
    docs
}

/// Checks a located sentence (`document`, `sentence`, `start`, `end`,
/// `text`): a real sentence unit, sliced back from its document. A summary
/// sentence as shown (`shown`) may start past a list bullet or quote marker
/// and a news dateline and, when a budget cut it (`may_be_cut`), end early.
fn check_located(
    value: &Value,
    docs: &std::collections::BTreeMap<String, JsonDocument>,
    shown: bool,
    may_be_cut: bool,
) -> (String, usize) {
    let id = value["document"].as_str().expect("document id").to_string();
    let doc = docs
        .get(&id)
        .unwrap_or_else(|| panic!("unknown document {id:?}"));
    let index = usize_of(value, "sentence");
    let (kind, unit_start, unit_end) = doc.units.get(index).expect("a real unit index");
    assert_eq!(kind, "sentence", "a citation of a {kind}");
    let (start, end) = (usize_of(value, "start"), usize_of(value, "end"));
    // What a summary leaves off a sentence's start: a list bullet or quote
    // marker, then a news dateline.
    let lead_in = brief::dateline::lead_in_length(&doc.text[*unit_start..*unit_end]);
    if shown && start != *unit_start {
        assert_eq!(
            start,
            unit_start + lead_in,
            "start is past the unit's but not past a bullet or dateline"
        );
    } else {
        assert_eq!(start, *unit_start, "start is not the unit's");
    }
    if may_be_cut {
        assert!(end <= *unit_end && end > start, "cut outside the unit");
    } else {
        assert_eq!(end, *unit_end, "end is not the unit's");
    }
    let text = value["text"].as_str().expect("text");
    assert_eq!(
        Some(text),
        doc.text.get(start..end),
        "text does not slice back"
    );
    assert!(
        text.chars().count() <= MAX_UNIT_CHARS,
        "an over-long sentence"
    );
    (id, index)
}

fn check_citations(
    citations: &Value,
    docs: &std::collections::BTreeMap<String, JsonDocument>,
) -> Vec<(String, usize)> {
    let mut located = Vec::new();
    for citation in citations.as_array().expect("citations") {
        let mut keys = LOCATED_KEYS.to_vec();
        keys.push("similarity");
        // A summary sentence's citations name the facts they state.
        check_keys(citation, &keys, &["facts"]);
        let similarity = citation["similarity"].as_f64().expect("similarity");
        assert!(
            (0.0..=1.0001).contains(&similarity),
            "similarity {similarity}"
        );
        located.push(check_located(citation, docs, false, false));
    }
    assert!(!located.is_empty(), "no citations");
    // By document (ids d0..d7 sort in input order), then position.
    assert!(
        located.windows(2).all(|w| w[0] < w[1]),
        "citations out of order or repeated: {located:?}"
    );
    located
}

/// Checks a fact's `disagreements` (when present): a known severity, two
/// or more distinct values, each stated somewhere, every statement a slice
/// of a sentence unit of its document.
fn check_disagreements(fact: &Value, docs: &std::collections::BTreeMap<String, JsonDocument>) {
    let Some(list) = fact.get("disagreements") else {
        return;
    };
    let list = list.as_array().expect("disagreements is an array");
    assert!(!list.is_empty(), "an empty disagreements list is left out");
    for disagreement in list {
        check_keys(disagreement, &["kind", "severity", "values"], &[]);
        assert!(disagreement["kind"].as_str().is_some_and(|k| !k.is_empty()));
        let severity = disagreement["severity"].as_str().expect("severity");
        assert!(matches!(severity, "conflict" | "nuance"), "{severity:?}");
        let values = disagreement["values"].as_array().expect("values");
        assert!(values.len() >= 2, "a disagreement of one value");
        let mut distinct = BTreeSet::new();
        for value in values {
            check_keys(value, &["value", "statements"], &[]);
            assert!(distinct.insert(value["value"].as_str().expect("value")));
            let statements = value["statements"].as_array().expect("statements");
            assert!(!statements.is_empty(), "a value nobody states");
            for statement in statements {
                check_keys(statement, LOCATED_KEYS, &[]);
                let id = statement["document"].as_str().expect("document");
                let doc = docs.get(id).expect("a known document");
                let (kind, unit_start, unit_end) = doc
                    .units
                    .get(usize_of(statement, "sentence"))
                    .expect("a real unit index");
                assert_eq!(kind, "sentence");
                let (start, end) = (usize_of(statement, "start"), usize_of(statement, "end"));
                assert!(*unit_start <= start && start < end && end <= *unit_end);
                assert_eq!(
                    statement["text"].as_str(),
                    doc.text.get(start..end),
                    "a statement does not slice back"
                );
            }
        }
    }
}

fn check_summary_json(
    value: &Value,
    docs: &std::collections::BTreeMap<String, JsonDocument>,
    budget: Budget,
) {
    check_keys(
        value,
        &["schema", "options", "documents", "summary", "stats"],
        &["topic"],
    );
    assert_eq!(value["schema"], "brief.summary/1");
    check_keys(&value["options"], OPTION_KEYS, &[]);
    let summary = value["summary"].as_array().expect("summary");
    let mut ranks = Vec::new();
    let mut seen = BTreeSet::new();
    let mut total = 0;
    for (i, sentence) in summary.iter().enumerate() {
        let mut keys = LOCATED_KEYS.to_vec();
        keys.extend(["rank", "score", "support", "citations"]);
        check_keys(sentence, &keys, &["truncated", "facts", "disagreements"]);
        check_disagreements(sentence, docs);
        let truncated = sentence.get("truncated").is_some();
        if truncated {
            assert_eq!(sentence["truncated"], true);
            assert_eq!(i + 1, summary.len(), "a cut sentence is not last");
        }
        let at = check_located(sentence, docs, true, truncated);
        assert!(seen.insert(at.clone()), "a sentence twice in the summary");
        let cited = check_citations(&sentence["citations"], docs);
        assert!(
            cited.contains(&at),
            "the representative is not among its citations"
        );
        let support: BTreeSet<&String> = cited.iter().map(|(id, _)| id).collect();
        assert_eq!(
            usize_of(sentence, "support"),
            support.len(),
            "support miscounted"
        );
        ranks.push(usize_of(sentence, "rank"));
        assert!(
            sentence["score"].as_f64().is_some_and(f64::is_finite),
            "score"
        );
        total += budget.measure(sentence["text"].as_str().expect("text"));
    }
    ranks.sort_unstable();
    assert!(
        ranks.iter().copied().eq(1..=summary.len()),
        "ranks {ranks:?}"
    );
    let limit = match budget {
        Budget::Sentences(n) | Budget::Words(n) | Budget::Bytes(n) | Budget::Chars(n) => n,
    };
    assert!(
        total <= limit,
        "summary of {total} over the budget {budget:?}"
    );
    let stats = &value["stats"];
    assert_eq!(usize_of(stats, "summary_sentences"), summary.len());
}

fn check_dedup_json(value: &Value, docs: &std::collections::BTreeMap<String, JsonDocument>) {
    check_keys(
        value,
        &[
            "schema",
            "options",
            "documents",
            "clusters",
            "document_pairs",
            "stats",
        ],
        &["fact_clusters"],
    );
    assert_eq!(value["schema"], "brief.dedup/1");
    let mut sizes = Vec::new();
    let mut members_seen = BTreeSet::new();
    for cluster in value["clusters"].as_array().expect("clusters") {
        check_keys(
            cluster,
            &["id", "size", "support", "representative", "members"],
            &["disagreements"],
        );
        check_disagreements(cluster, docs);
        let representative = check_located(&cluster["representative"], docs, false, false);
        let members = check_citations(&cluster["members"], docs);
        assert!(members.contains(&representative));
        assert_eq!(usize_of(cluster, "size"), members.len());
        assert!(members.len() >= 2, "a cluster of one");
        for member in members {
            assert!(members_seen.insert(member), "a sentence in two clusters");
        }
        sizes.push(usize_of(cluster, "size"));
    }
    assert!(
        sizes.windows(2).all(|w| w[0] >= w[1]),
        "clusters not largest first"
    );
    for pair in value["document_pairs"].as_array().expect("pairs") {
        check_keys(pair, &["a", "b", "shared", "overlap"], &[]);
        let (a, b) = (
            pair["a"].as_str().expect("a"),
            pair["b"].as_str().expect("b"),
        );
        assert!(docs.contains_key(a) && docs.contains_key(b) && a != b);
        let overlap = pair["overlap"].as_f64().expect("overlap");
        assert!(overlap > 0.0 && overlap <= 1.0, "overlap {overlap}");
    }
}

// ---------------------------------------------------------------- batch

/// Target `batch`: `brief batch` input (one topic per line).
pub fn batch(data: &[u8]) {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    let pipeline = PIPELINE.get_or_init(|| {
        Pipeline::new(Config {
            budget: Budget::Sentences(3),
            min_words: 1,
            ..Config::default()
        })
        .expect("valid options")
    });
    let (out, stats) = same_on_any_thread_count(|| {
        let mut out = Vec::new();
        let stats = batch::run(pipeline, data, "in.jsonl", &mut out, &|| {}).expect("in memory");
        (out, (stats.summarized, stats.failed))
    });
    let text = std::str::from_utf8(&out).expect("output is UTF-8");
    let topics: Vec<usize> = data
        .split(|&b| b == b'\n')
        .enumerate()
        .filter(|(_, line)| !line.iter().all(u8::is_ascii_whitespace))
        .map(|(i, _)| i + 1)
        .collect();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), topics.len(), "one output line per topic");
    assert_eq!(stats.0 + stats.1, topics.len());
    let mut summarized = 0;
    for (line, number) in lines.iter().zip(&topics) {
        let value: Value = serde_json::from_str(line).expect("output line parses");
        match value["schema"].as_str() {
            Some("brief.summary/1") => {
                summarized += 1;
                assert!(value["topic"]
                    .as_str()
                    .is_some_and(|t| !t.trim().is_empty()));
                assert!(!value["summary"].as_array().expect("summary").is_empty());
                // Warnings about left-out documents: absent, or messages.
                if let Some(warnings) = value.get("warnings") {
                    let warnings = warnings.as_array().expect("warnings array");
                    assert!(!warnings.is_empty(), "empty warnings");
                    assert!(warnings
                        .iter()
                        .all(|w| w.as_str().is_some_and(|w| !w.is_empty())));
                }
            }
            Some("brief.error/1") => {
                check_keys(&value, &["schema", "file", "line", "id", "error"], &[]);
                assert_eq!(value["file"], "in.jsonl", "error names the wrong file");
                assert_eq!(
                    usize_of(&value, "line"),
                    *number,
                    "error names the wrong line"
                );
                assert!(!value["error"].as_str().expect("message").is_empty());
            }
            other => panic!("unknown schema {other:?}"),
        }
    }
    assert_eq!(summarized, stats.0);
}

// ---------------------------------------------------------------- eval

/// Target `eval`: an options byte, then `brief eval` JSON Lines topics.
pub fn eval(data: &[u8]) {
    let ([selector], rest) = header::<1>(data);
    let Ok(text) = std::str::from_utf8(rest) else {
        return; // the reader refuses it before parsing
    };
    let Ok(loaded) = eval::parse_jsonl("in.jsonl", text) else {
        return;
    };
    let ids: Vec<&str> = loaded.topics.iter().map(|t| t.id.as_str()).collect();
    assert!(
        ids.windows(2).all(|w| w[0] < w[1]),
        "topics not sorted and unique"
    );
    let config = RougeConfig {
        stem: selector & 1 != 0,
        remove_stopwords: selector & 2 != 0,
        limit: match (selector >> 2) & 3 {
            0 => None,
            1 => Some(Limit::Words(1 + (selector >> 4) as usize)),
            _ => Some(Limit::Bytes(1 + 7 * (selector >> 4) as usize)),
        },
        max_n: 1 + (selector >> 6) as usize,
        rouge_l: selector & 0x10 == 0,
        skip_bigram: (selector & 0x40 != 0).then_some(SkipBigram::SU4),
        jackknife: selector & 0x20 != 0,
        alpha: 0.5,
    };
    let scorer = config.validate().expect("valid options");
    let report = same_on_any_thread_count(|| scorer.evaluate(&loaded.topics));
    assert_eq!(report.topics, loaded.topics.len());
    let reported: Vec<&str> = report.per_topic.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(reported, ids);
    for topic in &report.per_topic {
        for s in &topic.scores {
            for x in [s.score.r, s.score.p, s.score.f] {
                assert!((0.0..=1.0).contains(&x), "{} score {x}", s.measure);
            }
            assert!(
                s.score.hits <= s.score.reference_count,
                "{}: more hits than units",
                s.measure
            );
        }
    }
    let json = serde_json::to_string(&report).expect("the report serializes");
    let back: Value = serde_json::from_str(&json).expect("and parses");
    assert_eq!(back["schema"], "brief.eval/1");
    // A reference scored against itself is a perfect match, or empty; but
    // for ROUGE-L under a byte limit, where ROUGE-1.5.5 cuts sentence units
    // and tokens differently (reproduced on purpose, see eval::tokenize).
    let single = RougeConfig {
        jackknife: false,
        ..config
    };
    let scorer = single.validate().expect("valid options");
    if let Some(reference) = loaded.topics.iter().flat_map(|t| &t.references).next() {
        let own = scorer.score_topic("self", reference, &[reference.as_str()]);
        let byte_limit = matches!(config.limit, Some(Limit::Bytes(_)));
        for s in own
            .scores
            .iter()
            .filter(|s| !(byte_limit && s.measure == "ROUGE-L"))
        {
            assert!(
                s.score.r == 1.0 || s.score.reference_count == 0,
                "{} of a text against itself is {}",
                s.measure,
                s.score.r
            );
        }
    }
}

// Kinds the pipeline target relies on being named as in the contract.
const _: [UnitKind; 4] = [
    UnitKind::Sentence,
    UnitKind::Heading,
    UnitKind::Byline,
    UnitKind::Boilerplate,
];
