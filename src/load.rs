//! Stage 1, *load*: read documents from files, directories, standard input
//! or JSON Lines.
//!
//! Loading never fails as a whole because of one bad document: each problem
//! (a missing path, a binary file, an empty text, a malformed JSONL line)
//! becomes a [`LoadProblem`] naming the file (and line), and the other
//! documents are still returned. Which encodings are read is decided in
//! `decode`, legacy ones (text that is not UTF-8) in `encoding`; the
//! policy for every kind of bad input is the table in the README ("Bad
//! input").

mod decode;
mod encoding;
mod html;
mod markdown;

pub(crate) use decode::UTF8_BOM;
pub use encoding::TextEncoding;

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Deserialize;

/// How input files are to be read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum InputFormat {
    /// Each file is one document (`.txt` and `.md` when walking directories).
    #[default]
    Text,
    /// Each line of each file is one JSON object with at least `id` and `text`.
    Jsonl,
    /// Each file is one HTML page, whose text is extracted (`.html` and
    /// `.htm` when walking directories). Text input that is an HTML page,
    /// and files named `.html` or `.htm`, are read this way too.
    Html,
    /// Each file is one Markdown article, whose text as rendered is
    /// extracted (`.md` and `.markdown` when walking directories). Files
    /// named so are read this way with [`InputFormat::Text`] too.
    Markdown,
}

/// One input document. `text` is the original text, unchanged: every byte
/// offset the pipeline reports is an offset into it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    /// Identifier: the file stem, or the JSONL `id`; unique within a run.
    pub id: String,
    /// Where the document came from: a path, `<stdin>` for standard input, or
    /// `path:line` for a JSONL record.
    pub source: String,
    /// Optional title (JSONL `title`, an HTML page's headline).
    pub title: Option<String>,
    /// Publication date, `YYYY-MM-DD`: from JSONL `date`, or a leading
    /// `date YYYY-MM-DD` header in the text.
    pub date: Option<String>,
    /// Optional URL (JSONL `url`, an HTML page's canonical link).
    pub url: Option<String>,
    /// What the text was decoded from when the input was not UTF-8: an
    /// encoding's name (`windows-1252`, `koi8-u`, `shift_jis`,
    /// `utf-16le`...), or `utf-8+windows-1252` for UTF-8 with stray bytes
    /// read as Windows-1252. `None` for UTF-8 (and JSON Lines).
    pub encoding: Option<String>,
    /// The original text.
    pub text: String,
    /// Where the body starts: past a recognized `date YYYY-MM-DD` header.
    pub body_start: usize,
}

impl Document {
    /// A document from text, recognizing a leading date header.
    pub fn new(id: impl Into<String>, source: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        let (date, body_start) = match parse_date_header(&text) {
            Some((date, body_start)) => (Some(date), body_start),
            None => (None, 0),
        };
        Document {
            id: id.into(),
            source: source.into(),
            title: None,
            date,
            url: None,
            encoding: None,
            text,
            body_start,
        }
    }

    /// The document's body, past any date header.
    pub fn body(&self) -> &str {
        &self.text[self.body_start..]
    }
}

/// A problem with one input, reported while the rest of the run goes on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadProblem {
    /// The file, and line for JSON Lines, e.g. `news.jsonl:7`.
    pub location: String,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for LoadProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}

/// The documents that loaded, and the problems met on the way.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Documents in input order (paths as given, directories walked in
    /// sorted order), with unique ids.
    pub documents: Vec<Document>,
    /// One entry per input that was skipped or partly skipped, or read
    /// with a note (a legacy encoding, a `.jsonl` file read as text).
    pub problems: Vec<LoadProblem>,
}

/// Reads every path (`-` is standard input) in `format`.
///
/// Directories are walked recursively in sorted order and yield their `.txt`
/// and `.md` files (`.jsonl` files for [`InputFormat::Jsonl`]); files named
/// explicitly are read whatever their extension.
pub fn load_paths(paths: &[PathBuf], format: InputFormat) -> Loaded {
    read_listed(list_paths(paths, format), format, TextEncoding::Auto)
}

/// The files a set of paths names, before any is read.
#[derive(Debug, Default)]
pub struct Listing {
    /// Files in input order (`-` is standard input).
    pub files: Vec<PathBuf>,
    /// Their total size in bytes, as the file system reports it (standard
    /// input counts 0: its size is known only once it is read).
    pub bytes: u64,
    /// Paths that will not be read, and why.
    pub problems: Vec<LoadProblem>,
    /// Standard input, when [`Listing::read_stdin`] has read it (or why it
    /// could not).
    stdin: Option<std::result::Result<Vec<u8>, String>>,
}

impl Listing {
    /// Reads standard input now, when it is one of the files, and adds its
    /// size to [`Listing::bytes`]: at most `most` bytes of it (`None`: all).
    /// `Err(read)` when it holds more, after reading one byte past `most`,
    /// so that a caller can refuse it before it fills the memory.
    pub fn read_stdin(&mut self, most: Option<u64>) -> std::result::Result<(), u64> {
        if self.stdin.is_some() || !self.files.iter().any(|path| path.as_os_str() == "-") {
            return Ok(());
        }
        let mut buf = Vec::new();
        let take = most.map_or(u64::MAX, |most| most.saturating_add(1));
        match std::io::stdin().lock().take(take).read_to_end(&mut buf) {
            Err(err) => self.stdin = Some(Err(describe_io_error(&err))),
            Ok(read) if most.is_some_and(|most| read as u64 > most) => return Err(read as u64),
            Ok(read) => {
                self.bytes += read as u64;
                self.stdin = Some(Ok(buf));
            }
        }
        Ok(())
    }
}

/// Lists the files `paths` name (see [`load_paths`]) and their total size,
/// so a caller can weigh the input before reading it.
pub fn list_paths(paths: &[PathBuf], format: InputFormat) -> Listing {
    let mut problems = Vec::new();
    let mut files = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            files.push(path.clone());
            continue;
        }
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => {
                let before = files.len();
                walk_dir(path, format, &mut files, &mut problems);
                if files.len() == before {
                    problems.push(LoadProblem {
                        location: path.display().to_string(),
                        message: format!(
                            "directory holds no {} files{}",
                            extensions(format).join(" or "),
                            pages_hint(path, format)
                        ),
                    });
                } else if let Some(pages) = unread_pages(path, format) {
                    // Found in review: a folder of notes and saved pages
                    // was summarized from the notes alone, without a word.
                    problems.push(LoadProblem {
                        location: path.display().to_string(),
                        message: format!(
                            "{pages} not read; pass --input-format html to read pages"
                        ),
                    });
                }
            }
            Ok(meta) if meta.is_file() => files.push(path.clone()),
            Ok(_) => problems.push(LoadProblem {
                location: path.display().to_string(),
                message: not_a_regular_file(),
            }),
            Err(err) => problems.push(LoadProblem {
                location: path.display().to_string(),
                message: format!("{}; skipped", describe_io_error(&err)),
            }),
        }
    }

    let bytes = files
        .iter()
        .filter(|path| path.as_os_str() != "-")
        .filter_map(|path| fs::metadata(path).ok())
        .map(|meta| meta.len())
        .sum();
    Listing {
        files,
        bytes,
        problems,
        stdin: None,
    }
}

/// Reads the files of a [`Listing`]; text and pages in `encoding`
/// (`--encoding`; JSON Lines is always UTF-8).
pub fn read_listed(listing: Listing, format: InputFormat, encoding: TextEncoding) -> Loaded {
    let Listing {
        files,
        mut problems,
        stdin,
        ..
    } = listing;
    let stdin = std::sync::Mutex::new(stdin);
    // Reading and checking files is independent per file; collect keeps the
    // input order, so the result does not depend on the thread count.
    let per_file: Vec<(Vec<Document>, Vec<LoadProblem>)> = files
        .par_iter()
        .map(|path| {
            // Standard input read beforehand goes to its first `-`.
            let read = if path.as_os_str() == "-" {
                stdin.lock().map_or(None, |mut stdin| stdin.take())
            } else {
                None
            };
            read_file(path, read, format, encoding)
        })
        .collect();
    let mut documents = Vec::new();
    for (docs, file_problems) in per_file {
        documents.extend(docs);
        problems.extend(file_problems);
    }
    let documents = dedupe_documents(documents, &mut problems);
    Loaded {
        documents,
        problems,
    }
}

/// Parses JSON Lines text (one document per line) from `source`, e.g. a
/// file name used in problem locations.
pub fn parse_jsonl(source: &str, text: &str) -> (Vec<Document>, Vec<LoadProblem>) {
    parse_jsonl_bytes(source, text.as_bytes())
}

/// Parses JSON Lines whose lines are checked for UTF-8 one by one, so a bad
/// line costs only itself. Lines end at `\n`, `\r\n` or a lone `\r` (JSON
/// strings cannot hold a raw line break, so this never splits a record).
fn parse_jsonl_bytes(source: &str, bytes: &[u8]) -> (Vec<Document>, Vec<LoadProblem>) {
    let mut documents = Vec::new();
    let mut problems = Vec::new();
    for (index, line) in jsonl_lines(bytes).enumerate() {
        let location = format!("{source}:{}", index + 1);
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let skip = |message: String| LoadProblem {
            location: location.clone(),
            message: format!("{message}; line skipped"),
        };
        let line = match std::str::from_utf8(line) {
            Ok(line) => line,
            Err(err) => {
                problems.push(skip(format!(
                    "invalid UTF-8 at byte {} of the line",
                    err.valid_up_to()
                )));
                continue;
            }
        };
        match parse_jsonl_record(line).and_then(|record| record.into_document(location.clone())) {
            Ok((doc, notes)) => {
                problems.extend(notes.into_iter().map(|message| LoadProblem {
                    location: location.clone(),
                    message,
                }));
                documents.push(doc)
            }
            Err(message) => problems.push(skip(message)),
        }
    }
    if documents.is_empty() && problems.is_empty() {
        problems.push(LoadProblem {
            location: source.to_string(),
            message: "empty input: no JSON lines".to_string(),
        });
    }
    (documents, problems)
}

/// The lines of JSON Lines input, without their line ends.
fn jsonl_lines(bytes: &[u8]) -> impl Iterator<Item = &[u8]> {
    let mut rest = bytes;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = rest
            .iter()
            .position(|&b| b == b'\n' || b == b'\r')
            .unwrap_or(rest.len());
        let line = &rest[..end];
        let skip = match rest[end..] {
            [b'\r', b'\n', ..] => 2,
            [] => 0,
            _ => 1,
        };
        rest = &rest[end + skip..];
        Some(line)
    })
}

/// One JSONL document record as written by users (also the documents of a
/// `brief batch` topic).
#[derive(Deserialize)]
pub(crate) struct JsonlRecord {
    id: serde_json::Value,
    text: String,
    // The optional fields are read as any JSON value, so that a title
    // written as a number, or a url as an object, costs that field only
    // (see [`optional_string`]), never the document's text.
    #[serde(default)]
    title: Option<serde_json::Value>,
    #[serde(default)]
    date: Option<serde_json::Value>,
    #[serde(default)]
    url: Option<serde_json::Value>,
}

impl JsonlRecord {
    /// True when the record has some text to summarize.
    pub(crate) fn has_text(&self) -> bool {
        !self.text.trim().is_empty()
    }

    /// The document, and a note for each optional field that was ignored.
    pub(crate) fn into_document(self, source: String) -> Result<(Document, Vec<String>), String> {
        let id = match self.id {
            serde_json::Value::String(s) if !s.trim().is_empty() => s,
            serde_json::Value::Number(n) => n.to_string(),
            other => {
                return Err(format!(
                    "field `id` must be a non-empty string or a number, found {other}"
                ))
            }
        };
        if self.text.trim().is_empty() {
            return Err(format!("document {id:?} has an empty `text`"));
        }
        let mut notes = Vec::new();
        // A record's offsets are promised into its `text` string, so a page
        // there is read as it is, and said so.
        if html::looks_like_html(&self.text) {
            notes.push(
                "field `text` is an HTML page; read as it is, markup included (offsets are \
                 into `text`: put the page's text there, or read pages with --input-format html)"
                    .to_string(),
            );
        }
        let mut doc = Document::new(id, source, self.text);
        doc.title = optional_string("title", self.title, &mut notes);
        doc.url = optional_string("url", self.url, &mut notes);
        if let Some(date) = optional_string("date", self.date, &mut notes) {
            // Dates order summaries (`--order date`) and are promised as
            // YYYY-MM-DD: accept that, or a timestamp starting with it.
            match date.get(..10).filter(|d| is_iso_date(d)) {
                Some(day) => doc.date = Some(day.to_string()),
                None => notes.push(format!("field `date` {date:?} is not YYYY-MM-DD; ignored")),
            }
        }
        Ok((doc, notes))
    }
}

/// An optional string field of a JSONL record: a string as it is, a number
/// as written (`"title": 2024` is the title "2024"), `null` as absent. Any
/// other value (`true`, an array, an object) is ignored with a note: the
/// document is still read.
fn optional_string(
    field: &str,
    value: Option<serde_json::Value>,
    notes: &mut Vec<String>,
) -> Option<String> {
    use serde_json::Value;
    let kind = match value? {
        Value::Null => return None,
        Value::String(s) => return Some(s),
        Value::Number(n) => return Some(n.to_string()),
        Value::Bool(_) => "a boolean",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    };
    notes.push(format!(
        "field `{field}` is {kind}, expected a string; field ignored"
    ));
    None
}

/// A `T` that was written as a JSON object. serde's derive also accepts
/// an array of the fields in order (`[7, "text"]`), which no user means
/// and which would make a document of any array with a string second.
pub(crate) struct ObjectOnly<T>(pub(crate) T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for ObjectOnly<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Fields<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for Fields<T> {
            type Value = T;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
                T::deserialize(serde::de::value::MapAccessDeserializer::new(map))
            }
        }
        deserializer
            .deserialize_map(Fields(std::marker::PhantomData))
            .map(ObjectOnly)
    }
}

fn parse_jsonl_record(line: &str) -> Result<JsonlRecord, String> {
    let record = serde_json::from_str::<ObjectOnly<JsonlRecord>>(line);
    record.map(|r| r.0).map_err(|err| {
        if err.is_data() {
            format!("not a valid document object: {err} (expected {{\"id\": ..., \"text\": ...}})")
        } else {
            format!("malformed JSON: {err}")
        }
    })
}

/// The file name extensions a directory walk reads for `format`.
pub fn extensions(format: InputFormat) -> &'static [&'static str] {
    match format {
        InputFormat::Text => &["txt", "md", "markdown"],
        InputFormat::Jsonl => &["jsonl"],
        InputFormat::Html => &["html", "htm"],
        InputFormat::Markdown => &["md", "markdown"],
    }
}

/// True when `path`'s extension is one of `format`'s.
fn has_extension(path: &Path, format: InputFormat) -> bool {
    path.extension()
        .and_then(|ext| ext.to_str())
        .is_some_and(|ext| {
            extensions(format)
                .iter()
                .any(|known| ext.eq_ignore_ascii_case(known))
        })
}

/// For a directory of saved pages walked as text: how to read them. Pages
/// are not walked by default: a folder often holds an article both as
/// text and as its saved page, and a browser's "complete page" folders
/// hold ads and frames as pages of their own.
fn pages_hint(dir: &Path, format: InputFormat) -> String {
    if format != InputFormat::Text {
        return String::new();
    }
    let mut pages = Vec::new();
    walk_dir(dir, InputFormat::Html, &mut pages, &mut Vec::new());
    match pages.len() {
        0 => String::new(),
        1 => " (it holds 1 .html page: pass --input-format html to read pages)".to_string(),
        n => format!(" (it holds {n} .html pages: pass --input-format html to read pages)"),
    }
}

/// "3 .html pages" when reading `dir` as text leaves pages below it unread.
fn unread_pages(dir: &Path, format: InputFormat) -> Option<String> {
    if format != InputFormat::Text {
        return None;
    }
    let mut pages = Vec::new();
    walk_dir(dir, InputFormat::Html, &mut pages, &mut Vec::new());
    match pages.len() {
        0 => None,
        1 => Some("1 .html page".to_string()),
        n => Some(format!("{n} .html pages")),
    }
}

/// True when `dir` is the folder of resources a browser saves beside a
/// page ("Save Page As, complete": `story.html` and `story_files/`, whose
/// ads and frames are pages of their own; found in review, they became
/// sources of the summary).
fn is_saved_page_resources(dir: &Path) -> bool {
    let Some(page) = dir
        .file_name()
        .and_then(|name| name.to_str())
        .and_then(|name| name.strip_suffix("_files"))
        .filter(|page| !page.is_empty())
    else {
        return false;
    };
    ["html", "htm"]
        .iter()
        .any(|ext| dir.with_file_name(format!("{page}.{ext}")).is_file())
}

/// Collects matching files below `dir`, sorted, so runs are reproducible.
fn walk_dir(
    dir: &Path,
    format: InputFormat,
    files: &mut Vec<PathBuf>,
    problems: &mut Vec<LoadProblem>,
) {
    let problem = |path: &Path, message: String| LoadProblem {
        location: path.display().to_string(),
        message,
    };
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) => {
            problems.push(problem(
                dir,
                format!("{}; skipped", describe_io_error(&err)),
            ));
            return;
        }
    };
    let mut paths = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => paths.push(entry.path()),
            Err(err) => problems.push(problem(
                dir,
                format!("{} while listing; entry skipped", describe_io_error(&err)),
            )),
        }
    }
    paths.sort();
    for path in paths {
        let Ok(link_meta) = fs::symlink_metadata(&path) else {
            continue; // removed while we were listing
        };
        if link_meta.is_dir() {
            if format == InputFormat::Html && is_saved_page_resources(&path) {
                problems.push(problem(
                    &path,
                    "the resources a browser saved with the page beside it (frames, ads); not read"
                        .to_string(),
                ));
            } else {
                walk_dir(&path, format, files, problems);
            }
            continue;
        }
        // Symlinked directories are not followed (as in ripgrep without
        // -L): a link back up the tree would otherwise read every file again
        // and again as a new source. Symlinked files are read.
        let meta = match fs::metadata(&path) {
            Ok(meta) => meta,
            Err(err) if link_meta.is_symlink() => {
                problems.push(problem(
                    &path,
                    format!(
                        "symbolic link that does not resolve ({}); skipped",
                        describe_io_error(&err)
                    ),
                ));
                continue;
            }
            Err(_) => continue,
        };
        if meta.is_dir() {
            problems.push(problem(
                &path,
                "symbolic link to a directory: not followed (name it to read it)".to_string(),
            ));
        } else if has_extension(&path, format) {
            if meta.is_file() {
                files.push(path);
            } else {
                // A FIFO or device named `*.txt` would block or never end.
                problems.push(problem(&path, not_a_regular_file()));
            }
        }
    }
}

fn not_a_regular_file() -> String {
    "not a regular file (a pipe or device would block); skipped".to_string()
}

/// Reads one input and turns it into documents.
fn read_file(
    path: &Path,
    stdin: Option<std::result::Result<Vec<u8>, String>>,
    format: InputFormat,
    encoding: TextEncoding,
) -> (Vec<Document>, Vec<LoadProblem>) {
    let is_stdin = path.as_os_str() == "-";
    let location = if is_stdin {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    };
    let bytes = if let Some(read) = stdin {
        read
    } else if is_stdin {
        let mut buf = Vec::new();
        std::io::stdin()
            .lock()
            .read_to_end(&mut buf)
            .map(|_| buf)
            .map_err(|err| describe_io_error(&err))
    } else {
        read_stable(path)
    };
    let bytes = match bytes {
        Ok(bytes) => bytes,
        Err(message) => return skipped(&location, message),
    };
    let id = if is_stdin {
        "stdin".to_string()
    } else {
        path.file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| location.clone())
    };
    // A page named explicitly is read as a page, whatever its first bytes
    // (a fragment saved without `<html>`).
    let format = match format {
        InputFormat::Text if has_extension(path, InputFormat::Html) => InputFormat::Html,
        InputFormat::Text if has_extension(path, InputFormat::Markdown) => InputFormat::Markdown,
        format => format,
    };
    let (documents, mut problems) = load_bytes_in(&location, &id, &bytes, format, encoding);
    let named_jsonl = has_extension(path, InputFormat::Jsonl);
    if format == InputFormat::Text && named_jsonl && !documents.is_empty() {
        problems.push(LoadProblem {
            location,
            message: "read as one text document; for one document per line \
                      (JSON Lines) pass --input-format jsonl"
                .to_string(),
        });
    }
    (documents, problems)
}

/// Turns the bytes of one input into documents: one document with id `id`
/// for [`InputFormat::Text`] and [`InputFormat::Html`] (text that is an HTML
/// page is read as one), one per line for [`InputFormat::Jsonl`].
/// `location` names the input in problems (`location:line` for JSONL).
/// Text that is not UTF-8 is decoded as [`TextEncoding::Auto`] does.
pub fn load_bytes(
    location: &str,
    id: &str,
    bytes: &[u8],
    format: InputFormat,
) -> (Vec<Document>, Vec<LoadProblem>) {
    load_bytes_in(location, id, bytes, format, TextEncoding::Auto)
}

/// [`load_bytes`], with text and pages read in `encoding`.
pub fn load_bytes_in(
    location: &str,
    id: &str,
    bytes: &[u8],
    format: InputFormat,
    encoding: TextEncoding,
) -> (Vec<Document>, Vec<LoadProblem>) {
    let decode::Text {
        text,
        encoding,
        note,
    } = match format {
        InputFormat::Jsonl => {
            return match decode::jsonl_bytes(bytes) {
                Ok(bytes) => parse_jsonl_bytes(location, &bytes),
                Err(message) => skipped(location, message),
            }
        }
        InputFormat::Text | InputFormat::Html | InputFormat::Markdown => {
            match decode::text(bytes, encoding, format == InputFormat::Html) {
                Ok(decoded) => decoded,
                Err(message) => return skipped(location, message),
            }
        }
    };
    if text.trim().is_empty() {
        return skipped(location, "empty document: no text".to_string());
    }
    // Pages and Markdown articles: their readable text, title and date,
    // and why a file without readable text is skipped.
    // A file named `.htm` that holds no markup at all is plain text saved
    // under a page's name (found in review: read as a page, its headline,
    // byline and paragraphs ran together as one sentence).
    let is_page =
        (format == InputFormat::Html && text.contains('<')) || html::looks_like_html(&text);
    let extracted = if is_page {
        let page = html::extract(&text);
        let empty = "HTML page without text (only markup, scripts or styles)";
        Some((page.text, page.title, page.date, page.url, empty))
    } else if format == InputFormat::Markdown {
        let article = markdown::extract(&text);
        let empty = "Markdown file without text (only markup, code or images)";
        Some((article.text, article.title, article.date, None, empty))
    } else {
        None
    };
    let mut doc = match extracted {
        Some((readable, title, date, url, empty)) => {
            if readable.trim().is_empty() {
                return skipped(location, empty.to_string());
            }
            let mut doc = Document::new(id, location, readable);
            doc.title = title;
            doc.url = url;
            doc.date = doc.date.or(date);
            doc
        }
        None => Document::new(id, location, text.into_owned()),
    };
    doc.encoding = encoding;
    // A document read from a legacy encoding comes with the note that
    // says which (a skipped one only with why it was skipped).
    let problems = note
        .into_iter()
        .map(|message| LoadProblem {
            location: location.to_string(),
            message,
        })
        .collect();
    (vec![doc], problems)
}

/// True when text starts as an HTML page does (`<!DOCTYPE html`, `<html`,
/// `<head`, `<body`, after comments): text input like that is read as a
/// page, as with [`InputFormat::Html`].
pub fn looks_like_html(text: &str) -> bool {
    html::looks_like_html(text)
}

fn skipped(location: &str, message: String) -> (Vec<Document>, Vec<LoadProblem>) {
    let problem = LoadProblem {
        location: location.to_string(),
        message: format!("{message}; skipped"),
    };
    (Vec::new(), vec![problem])
}

/// How often a file that keeps changing is read before it is skipped.
const READ_ATTEMPTS: usize = 3;

/// Reads a whole file, checking that it did not change meanwhile (size and
/// modification time before and after): a file still being written would
/// give a torn document. A changing file is read again, up to
/// [`READ_ATTEMPTS`] times, then skipped.
fn read_stable(path: &Path) -> Result<Vec<u8>, String> {
    let describe = |err: std::io::Error| describe_io_error(&err);
    for _ in 0..READ_ATTEMPTS {
        let mut file = fs::File::open(path).map_err(describe)?;
        let before = file.metadata().map_err(describe)?;
        if !before.is_file() {
            return Err(not_a_regular_file().replace("; skipped", ""));
        }
        let mut bytes = Vec::with_capacity(before.len() as usize);
        file.read_to_end(&mut bytes).map_err(describe)?;
        let after = file.metadata().map_err(describe)?;
        let unchanged = bytes.len() as u64 == before.len()
            && after.len() == before.len()
            && after.modified().ok() == before.modified().ok();
        if unchanged {
            return Ok(bytes);
        }
    }
    Err(format!(
        "file changed while being read ({READ_ATTEMPTS} attempts)"
    ))
}

/// Opens a file that is read as a stream (the topics of `brief batch`, the
/// pairs of `brief pairs`): a pipe is welcome, a directory is not. The
/// error is in the words every command uses for a file it cannot read.
pub fn open_stream(path: &Path) -> Result<fs::File, String> {
    let file = fs::File::open(path).map_err(|err| describe_io_error(&err))?;
    match file.metadata() {
        Ok(meta) if meta.is_dir() => Err("is a directory, expected a file".to_string()),
        Ok(_) => Ok(file),
        Err(err) => Err(describe_io_error(&err)),
    }
}

/// An I/O error in brief's words (`no such file or directory`), as every
/// command names a file it cannot read.
pub fn describe_io_error(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => err.to_string(),
    }
}

/// Drops a document whose text is identical to an earlier one's (the same
/// file named twice, or a copy), which would otherwise count as a second
/// source of every sentence; renames documents whose ids repeat (`a`,
/// `a~2`, ...) so citations stay unambiguous. Both are reported.
pub(crate) fn dedupe_documents(
    documents: Vec<Document>,
    problems: &mut Vec<LoadProblem>,
) -> Vec<Document> {
    let mut ids = rustc_hash::FxHashSet::default();
    let mut texts: rustc_hash::FxHashMap<&str, String> = Default::default();
    let mut keep = vec![true; documents.len()];
    for (k, doc) in documents.iter().enumerate() {
        if let Some(first) = texts.get(doc.text.as_str()) {
            problems.push(LoadProblem {
                location: doc.source.clone(),
                message: format!("same text as document {first:?}; skipped"),
            });
            keep[k] = false;
        } else {
            texts.insert(&doc.text, doc.id.clone());
        }
    }
    // A new name never takes an id that a later document has of its own
    // (`a`, `a`, `a~2`: the second `a` becomes `a~3`).
    let given: rustc_hash::FxHashSet<String> = documents
        .iter()
        .zip(&keep)
        .filter(|(_, &keep)| keep)
        .map(|(doc, _)| doc.id.clone())
        .collect();
    let mut kept = Vec::with_capacity(documents.len());
    for (mut doc, keep) in documents.into_iter().zip(keep) {
        if !keep {
            continue;
        }
        if !ids.insert(doc.id.clone()) {
            let unique = (2..)
                .map(|n| format!("{}~{n}", doc.id))
                .find(|candidate| !ids.contains(candidate) && !given.contains(candidate))
                .unwrap_or_default();
            problems.push(LoadProblem {
                location: doc.source.clone(),
                message: format!("duplicate document id {:?}; renamed to {unique:?}", doc.id),
            });
            doc.id = unique.clone();
            ids.insert(unique);
        }
        kept.push(doc);
    }
    kept
}

/// Recognizes a leading `date YYYY-MM-DD` header, which some sources glue to
/// the first sentence (` date 2025-08-16 At their summit...`), scraped pages
/// even without a space (`date 2026-03-02Flood waters rise`). Returns the
/// date and the byte offset where the body starts.
pub fn parse_date_header(text: &str) -> Option<(String, usize)> {
    let trimmed = text.trim_start();
    let keyword = trimmed.get(..4)?;
    if !keyword.eq_ignore_ascii_case("date") {
        return None;
    }
    let rest = trimmed[4..].trim_start_matches([' ', '\t', ':']);
    if rest.len() == trimmed.len() - 4 {
        return None; // "date" must be followed by a separator, e.g. not "dated".
    }
    let date = rest.get(..10)?;
    if !is_iso_date(date) {
        return None;
    }
    let after = &rest[10..];
    if !starts_body(after) {
        return None;
    }
    let body = after.trim_start();
    Some((date.to_string(), text.len() - body.len()))
}

/// True when `after`, what follows a header's date, can begin the body:
/// white space, or a word or an opening quote glued on by a scraper. A
/// digit or other punctuation means the ten bytes were not a whole date;
/// `T` and a digit is a time of day.
fn starts_body(after: &str) -> bool {
    let mut chars = after.chars();
    match chars.next() {
        None => true,
        Some(c) if c.is_whitespace() || "\"'‘“(".contains(c) => true,
        Some('T') => !chars.next().is_some_and(|d| d.is_ascii_digit()),
        Some(c) => c.is_alphabetic(),
    }
}

pub(crate) fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if !(digits(0..4) && digits(5..7) && digits(8..10)) {
        return false;
    }
    let month: u32 = s[5..7].parse().unwrap_or(0);
    let day: u32 = s[8..10].parse().unwrap_or(0);
    (1..=12).contains(&month) && (1..=31).contains(&day)
}

/// [`is_iso_date`] for a day that exists: what brief reads out of a page
/// or a stamp, where a bad date is a misreading rather than the user's own
/// (a `date` header or JSON Lines field is kept as written).
pub(crate) fn is_existing_iso_date(s: &str) -> bool {
    is_iso_date(s)
        && is_calendar_day(
            s[..4].parse().unwrap_or(0),
            s[5..7].parse().unwrap_or(0),
            s[8..10].parse().unwrap_or(0),
        )
}

/// True for a day that exists in the Gregorian calendar, in years 1000 to
/// 9999 (`YYYY-MM-DD` with four digits; no "0000-01-01", no February 30).
pub(crate) fn is_calendar_day(year: u32, month: u32, day: u32) -> bool {
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1000..=9999).contains(&year) && (1..=days).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_renamed_duplicate_id_never_takes_an_id_given_later() {
        let documents = ["a", "a", "a~2"]
            .iter()
            .enumerate()
            .map(|(k, id)| Document::new(*id, format!("in:{k}"), format!("Text {k}.")))
            .collect();
        let mut problems = Vec::new();
        let ids: Vec<String> = dedupe_documents(documents, &mut problems)
            .into_iter()
            .map(|d| d.id)
            .collect();
        assert_eq!(ids, ["a", "a~3", "a~2"]);
        assert_eq!(problems.len(), 1);
    }

    #[test]
    fn a_json_lines_record_must_be_an_object() {
        // Found by the load_jsonl fuzz target: `[0, "text"]` was read as a
        // document with id 0 (serde's derive reads an array of the fields).
        let (docs, problems) = parse_jsonl("in.jsonl", "[0, \"Some text here.\"]\n");
        assert!(docs.is_empty());
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].location, "in.jsonl:1");
        assert!(
            problems[0].message.contains("expected a JSON object"),
            "{}",
            problems[0]
        );
        let (docs, _) = parse_jsonl("in.jsonl", "{\"id\": 0, \"text\": \"Some text here.\"}");
        assert_eq!(docs.len(), 1);
    }

    #[test]
    fn a_date_header_may_be_glued_to_the_first_word() {
        let header =
            |text: &'static str| parse_date_header(text).map(|(date, at)| (date, &text[at..]));
        assert_eq!(
            header("date 2026-03-02Flood waters rise"),
            Some(("2026-03-02".to_string(), "Flood waters rise"))
        );
        assert_eq!(
            header("date 2026-03-02 \u{201c}Never,\u{201d} he said"),
            Some(("2026-03-02".to_string(), "\u{201c}Never,\u{201d} he said"))
        );
        assert_eq!(
            header("date 2026-03-02The end"),
            Some(("2026-03-02".to_string(), "The end"))
        );
        for not_a_header in [
            "date 2026-03-021 x",
            "date 2026-03-02T10:00 x",
            "date 2026-03-02-05 x",
            "dated 2026-03-02 x",
        ] {
            assert_eq!(header(not_a_header), None, "{not_a_header}");
        }
    }
}
