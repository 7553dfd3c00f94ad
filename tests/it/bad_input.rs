//! The bad-input matrix (README, "Bad input"): one row per kind of bad
//! input. Each row runs `brief` on a good document plus the bad input and
//! checks the exit code, the message naming the input (and line, for JSON
//! Lines), and that the good document's results are still there; most rows
//! also run the bad input alone, to check the exit code when nothing else is
//! left. Big inputs are generated in a scratch directory.

use std::ffi::OsString;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use serde_json::Value;

use crate::scratch;

const GOOD: &str = "The central bank raised interest rates by half a point on Tuesday.\n\
                    Officials said inflation remained far too high for comfort.\n";

/// How the inputs are read.
#[derive(Clone, Copy, PartialEq)]
enum Mode {
    /// `brief summarize --format json` on files.
    Text,
    /// The same with `--input-format jsonl`; the bad line is line 2 of its
    /// file, after a good record with id `other`.
    Jsonl,
    /// `brief batch`: the bad line is line 2, after a good topic.
    Batch,
    /// `brief pairs --format json`, after a file with one good pair.
    Pairs,
}

/// What a row's `make` builds in the scratch directory.
enum Made {
    /// Extra arguments (the bad input), and a guard kept alive while brief
    /// runs (e.g. a thread writing to a file).
    Input {
        args: Vec<OsString>,
        guard: Option<Box<dyn std::any::Any>>,
    },
    /// The row cannot run here, and why.
    Skip(String),
}

fn input(paths: &[PathBuf]) -> Made {
    Made::Input {
        args: paths.iter().map(|p| p.clone().into_os_string()).collect(),
        guard: None,
    }
}

struct Case {
    name: &'static str,
    mode: Mode,
    make: fn(&Path) -> Made,
    /// Exit code with the good document beside the bad input.
    code: i32,
    /// Exit code with the bad input alone; `None`: not run alone.
    alone: Option<i32>,
    /// Fragments stderr must contain: the input's name, what is wrong.
    messages: &'static [&'static str],
    /// Extra checks of the JSON output (summary, or the batch lines) and
    /// stderr.
    check: Option<fn(&Value, &str)>,
}

/// A JSON Lines file with a good record (id `other`) on line 1 and `line`
/// (raw bytes) on line 2.
fn jsonl_with_line_2(dir: &Path, line: &[u8]) -> PathBuf {
    let path = dir.join("bad.jsonl");
    let mut file = fs::File::create(&path).expect("create");
    file.write_all(
        br#"{"id": "other", "text": "Exports to the region fell sharply in the second quarter of the year."}"#,
    )
    .expect("write");
    file.write_all(b"\n").expect("write");
    file.write_all(line).expect("write");
    file.write_all(b"\n").expect("write");
    path
}

/// A batch input with a good topic on line 1 and `line` on line 2.
fn batch_with_line_2(dir: &Path, line: &[u8]) -> PathBuf {
    let path = dir.join("topics.jsonl");
    let mut bytes = format!(
        "{}\n",
        serde_json::json!({"id": "good", "documents": [
            {"id": "a", "text": GOOD},
            {"id": "b", "text": "On Tuesday the central bank raised interest rates by half a point."}
        ]})
    )
    .into_bytes();
    bytes.extend_from_slice(line);
    bytes.push(b'\n');
    fs::write(&path, bytes).expect("write");
    path
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, bytes).expect("write");
    path
}

/// Words from a 160,000-word pseudo-vocabulary, `bytes` long, without
/// punctuation: a 10 MB "sentence".
fn unpunctuated(bytes: usize) -> String {
    const SYLLABLES: [&str; 16] = [
        "ka", "ri", "to", "ne", "mu", "sa", "lo", "pe", "di", "va", "zo", "gu", "he", "bi", "fa",
        "ko",
    ];
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut text = String::with_capacity(bytes + 16);
    while text.len() < bytes {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let mut r = state;
        for _ in 0..3 + r % 3 {
            text.push_str(SYLLABLES[(r >> 8) as usize % 16]);
            r >>= 4;
        }
        text.push(' ');
    }
    text.truncate(bytes);
    text.trim_end().to_string()
}

/// Appends to a file from another thread until dropped.
struct Appender {
    stop: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Drop for Appender {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn running_as_root() -> bool {
    // Root reads files whatever their mode: probe that directly.
    let dir = scratch("bad_input_root_probe");
    let probe = write(&dir, "probe", "x");
    let mut perms = fs::metadata(&probe).expect("stat").permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o000);
    fs::set_permissions(&probe, perms).expect("chmod");
    fs::read(&probe).is_ok()
}

fn cases() -> Vec<Case> {
    vec![
        Case {
            name: "missing path",
            mode: Mode::Text,
            make: |dir| input(&[dir.join("missing.txt")]),
            code: 0,
            alone: Some(1),
            messages: &["missing.txt: no such file or directory; skipped"],
            check: None,
        },
        Case {
            name: "permission denied",
            mode: Mode::Text,
            make: |dir| {
                let path = write(dir, "secret.txt", GOOD.replace("Tuesday", "Friday"));
                let mut perms = fs::metadata(&path).expect("stat").permissions();
                std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o000);
                fs::set_permissions(&path, perms).expect("chmod");
                input(&[path])
            },
            code: 0,
            alone: Some(1),
            messages: &["secret.txt: permission denied; skipped"],
            check: None,
        },
        Case {
            name: "directory symlink loop",
            mode: Mode::Text,
            make: |dir| {
                let tree = dir.join("tree");
                fs::create_dir_all(tree.join("sub")).expect("mkdir");
                fs::write(tree.join("sub/note.txt"), "Short note here.").expect("write");
                std::os::unix::fs::symlink("..", tree.join("sub/up")).expect("symlink");
                std::os::unix::fs::symlink("self.txt", tree.join("self.txt")).expect("symlink");
                std::os::unix::fs::symlink("b", dir.join("a")).expect("symlink");
                std::os::unix::fs::symlink("a", dir.join("b")).expect("symlink");
                input(&[tree, dir.join("a")])
            },
            code: 0,
            alone: None,
            messages: &[
                "sub/up: symbolic link to a directory: not followed",
                "self.txt: symbolic link that does not resolve",
                "a: Too many levels of symbolic links",
            ],
            check: None,
        },
        Case {
            name: "FIFO",
            mode: Mode::Text,
            make: |dir| {
                let fifo = dir.join("pipe.txt");
                let made = Command::new("mkfifo").arg(&fifo).status();
                if !made.is_ok_and(|s| s.success()) {
                    return Made::Skip("mkfifo is not available".into());
                }
                let walked = dir.join("walked");
                fs::create_dir_all(&walked).expect("mkdir");
                Command::new("mkfifo")
                    .arg(walked.join("queue.md"))
                    .status()
                    .expect("mkfifo");
                input(&[fifo, walked])
            },
            code: 0,
            alone: Some(1),
            messages: &[
                "pipe.txt: not a regular file",
                "queue.md: not a regular file",
            ],
            check: None,
        },
        Case {
            name: "file that changes while being read",
            mode: Mode::Text,
            make: |dir| {
                // A 20 MB file another thread keeps appending to: every
                // read sees the size or the time change.
                let path = dir.join("growing.txt");
                let line = "The council met again today to discuss the budget.\n";
                fs::write(&path, line.repeat(400_000)).expect("write");
                let stop = Arc::new(AtomicBool::new(false));
                let file = fs::OpenOptions::new().append(true).open(&path).expect("open");
                let thread = std::thread::spawn({
                    let stop = Arc::clone(&stop);
                    move || {
                        let mut file = file;
                        while !stop.load(Ordering::Relaxed) {
                            let _ = file.write_all(b"More. ");
                        }
                    }
                });
                Made::Input {
                    args: vec![path.into_os_string()],
                    guard: Some(Box::new(Appender {
                        stop,
                        thread: Some(thread),
                    })),
                }
            },
            code: 0,
            alone: None,
            messages: &["growing.txt: file changed while being read (3 attempts); skipped"],
            check: None,
        },
        Case {
            name: "empty file",
            mode: Mode::Text,
            make: |dir| input(&[write(dir, "empty.txt", "")]),
            code: 0,
            alone: Some(1),
            messages: &["empty.txt: empty document: no text; skipped"],
            check: None,
        },
        Case {
            name: "only white space",
            mode: Mode::Text,
            make: |dir| input(&[write(dir, "blank.txt", " \n\t\r\n\u{a0}\u{3000}\n")]),
            code: 0,
            alone: Some(1),
            messages: &["blank.txt: empty document: no text; skipped"],
            check: None,
        },
        Case {
            name: "only headings",
            mode: Mode::Text,
            make: |dir| {
                input(&[write(
                    dir,
                    "headings.txt",
                    "Breaking News\n\nMarkets In Focus\nBy Jane Smith\n",
                )])
            },
            code: 0,
            alone: Some(1),
            messages: &["headings.txt: no sentences (only headings, bylines or boilerplate)"],
            check: None,
        },
        Case {
            name: "NUL bytes",
            mode: Mode::Text,
            make: |dir| {
                let mut bytes = "Plain text at first. ".repeat(1000).into_bytes();
                bytes.extend_from_slice(b"\0\x01\x02 then binary");
                input(&[write(dir, "data.txt", bytes)])
            },
            code: 0,
            alone: Some(1),
            messages: &["data.txt: binary file (NUL byte at byte 21000); expected text; skipped"],
            check: None,
        },
        Case {
            name: "not UTF-8: Windows-1252 (decoded)",
            mode: Mode::Text,
            make: |dir| {
                let text = "\u{201c}The central bank raised interest rates by half a point on \
                            Tuesday,\u{201d} the caf\u{e9} owners\u{2019} association said.\n";
                let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(text);
                input(&[write(dir, "windows.txt", bytes)])
            },
            code: 0,
            alone: Some(0),
            messages: &["windows.txt: not UTF-8; read as windows-1252 (guessed from only 4 \
                         non-ASCII bytes; pass --encoding LABEL if characters look wrong); \
                         offsets are into the decoded text"],
            check: Some(|value, _| {
                // Decoded: the fact is matched with the good document's,
                // and the curly quotes are the right characters.
                let first = &value["summary"][0];
                assert_eq!(first["support"], 2, "{first}");
                let cited = first["citations"].as_array().unwrap().iter();
                let texts: Vec<&str> = cited.filter_map(|c| c["text"].as_str()).collect();
                assert!(
                    texts.iter().any(|t| t.starts_with("\u{201c}The central bank")),
                    "{texts:?}"
                );
            }),
        },
        Case {
            name: "not UTF-8: Windows-1251 Russian (decoded)",
            mode: Mode::Text,
            make: |dir| {
                let text = "Центральный банк повысил ключевую ставку во вторник, \
                            сообщили в правительстве.\n";
                let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(text);
                input(&[write(dir, "russian.txt", bytes)])
            },
            code: 0,
            alone: Some(0),
            messages: &["russian.txt: not UTF-8; read as windows-1251 (detected); offsets are \
                         into the decoded text"],
            check: None,
        },
        Case {
            name: "UTF-8 with a stray Latin-1 byte",
            mode: Mode::Text,
            make: |dir| {
                let mut bytes = "Zo\u{eb} Salda\u{f1}a arrived in S\u{e3}o Paulo on Tuesday.\n"
                    .as_bytes()
                    .to_vec();
                bytes.extend_from_slice(b"The caf\xe9 was closed.\n");
                input(&[write(dir, "mostly.txt", bytes)])
            },
            code: 0,
            alone: Some(0),
            messages: &["mostly.txt: not UTF-8: 1 stray byte in UTF-8 text (first at byte 55, \
                         line 2); read as UTF-8, the stray bytes as windows-1252; offsets are \
                         into the decoded text"],
            check: None,
        },
        Case {
            name: "not UTF-8, with --encoding utf-8 (refused)",
            mode: Mode::Text,
            make: |dir| {
                let path = write(dir, "latin1.txt", b"First line.\nCaf\xe9 au lait.\n");
                Made::Input {
                    args: vec!["--encoding".into(), "utf-8".into(), path.into_os_string()],
                    guard: None,
                }
            },
            code: 0,
            alone: Some(1),
            messages: &[
                "latin1.txt: invalid UTF-8 at byte 15 (line 2); convert the file to UTF-8; skipped",
            ],
            check: None,
        },
        Case {
            name: "UTF-16 with a byte-order mark (decoded)",
            mode: Mode::Text,
            make: |dir| {
                let text = "The central bank raised its interest rates by half a point on Tuesday, officials said.\r\n";
                let mut bytes = vec![0xFF, 0xFE];
                bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
                input(&[write(dir, "windows.txt", bytes)])
            },
            code: 0,
            alone: Some(0),
            messages: &[],
            check: Some(|value, _| {
                assert!(document_ids(value).contains(&"windows".to_string()));
                let documents = value["documents"].as_array().unwrap();
                let windows = documents.iter().find(|d| d["id"] == "windows").unwrap();
                assert_eq!(windows["encoding"], "utf-16le", "{windows}");
                // Decoded: the fact is matched with the good document's.
                let first = &value["summary"][0];
                assert_eq!(first["support"], 2, "{first}");
            }),
        },
        Case {
            name: "CRLF and lone CR line ends",
            mode: Mode::Text,
            make: |dir| {
                input(&[write(
                    dir,
                    "oldmac.txt",
                    "Heading Here\r\rThe mayor opened the new bridge on Friday morning.\rCrowds cheered as the first cars crossed it.\r\nTraffic was light.\r\n",
                )])
            },
            code: 0,
            alone: Some(0),
            messages: &[],
            check: Some(|value, _| {
                for sentence in value["summary"].as_array().expect("summary") {
                    let text = sentence["text"].as_str().expect("text");
                    assert!(!text.contains(['\r', '\n']), "{text:?}");
                }
                assert!(document_ids(value).contains(&"oldmac".to_string()));
            }),
        },
        Case {
            name: "mixed scripts",
            mode: Mode::Text,
            make: |dir| {
                input(&[write(
                    dir,
                    "mixed.txt",
                    "Президент встретился с Trump в 東京 on Tuesday. 会谈结束了。他说：“好。”\n\
                     قال المتحدث إن المحادثات كانت مثمرة؟ The talks ended… then what? 👋🏽 Café e\u{301}.\n",
                )])
            },
            code: 0,
            alone: Some(0),
            messages: &[],
            check: Some(|value, _| {
                assert!(document_ids(value).contains(&"mixed".to_string()));
            }),
        },
        Case {
            name: "file name that is not UTF-8",
            mode: Mode::Text,
            make: |dir| {
                use std::os::unix::ffi::OsStrExt;
                let name = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
                let path = dir.join(name);
                if fs::write(&path, "The mayor opened the new bridge on Friday morning.").is_err() {
                    return Made::Skip("the file system refuses non-UTF-8 names".into());
                }
                input(&[path])
            },
            code: 0,
            alone: Some(0),
            messages: &[],
            check: Some(|value, _| {
                // Read; its name is shown with U+FFFD for the bad byte.
                assert!(document_ids(value).contains(&"caf\u{fffd}".to_string()));
            }),
        },
        Case {
            name: "10 MB line without punctuation",
            mode: Mode::Text,
            make: |dir| input(&[write(dir, "run-on.txt", unpunctuated(10_000_000))]),
            code: 0,
            alone: None,
            messages: &[
                "run-on.txt: line 1: text without sentence ends longer than 1000 characters, cut into",
            ],
            check: Some(|value, _| {
                for sentence in value["summary"].as_array().expect("summary") {
                    let chars = sentence["text"].as_str().expect("text").chars().count();
                    assert!(chars <= brief::segment::MAX_UNIT_CHARS, "{chars} characters");
                }
                assert!(document_ids(value).contains(&"run-on".to_string()));
            }),
        },
        Case {
            name: "JSON Lines line of 100 MB",
            mode: Mode::Jsonl,
            make: |dir| {
                // A valid record padded to 100 MB, then one cut short.
                let mut line = br#"{"id": "padded", "text": "The mayor opened the new bridge on Friday morning.""#.to_vec();
                line.resize(100_000_000, b' ');
                line.push(b'}');
                line.extend_from_slice(b"\n{\"id\": \"cut\", \"text\": \"");
                line.resize(line.len() + 1_000_000, b'a');
                input(&[jsonl_with_line_2(dir, &line)])
            },
            code: 0,
            alone: None,
            messages: &["bad.jsonl:3: malformed JSON: EOF while parsing a string"],
            check: Some(|value, _| {
                assert!(document_ids(value).contains(&"padded".to_string()));
            }),
        },
        Case {
            name: "deeply nested JSON",
            mode: Mode::Jsonl,
            make: |dir| {
                let line = format!(
                    r#"{{"id": {}{}, "text": "Deep."}}"#,
                    "[".repeat(100_000),
                    "]".repeat(100_000)
                );
                input(&[jsonl_with_line_2(dir, line.as_bytes())])
            },
            code: 0,
            alone: None,
            messages: &["bad.jsonl:2: malformed JSON: recursion limit exceeded", "line skipped"],
            check: None,
        },
        Case {
            name: "deeply nested JSON in a batch",
            mode: Mode::Batch,
            make: |dir| {
                let line = format!(
                    r#"{{"id": {}"#,
                    "[".repeat(100_000)
                );
                input(&[batch_with_line_2(dir, line.as_bytes())])
            },
            code: 0,
            alone: None,
            messages: &["1 failed"],
            check: Some(|value, _| {
                assert_eq!(value[1]["line"], 2);
                assert_eq!(value[1]["id"], Value::Null);
                assert!(value[1]["error"]
                    .as_str()
                    .expect("message")
                    .contains("recursion limit exceeded"));
            }),
        },
        Case {
            name: "invalid UTF-8 in a JSON Lines line",
            mode: Mode::Jsonl,
            make: |dir| input(&[jsonl_with_line_2(dir, b"{\"id\": \"x\", \"text\": \"caf\xe9\"}")]),
            code: 0,
            alone: None,
            messages: &["bad.jsonl:2: invalid UTF-8 at byte 24 of the line; line skipped"],
            check: Some(|value, _| {
                assert!(document_ids(value).contains(&"other".to_string()));
            }),
        },
        Case {
            name: "100,000 tiny documents",
            mode: Mode::Jsonl,
            make: |dir| {
                let path = dir.join("tiny.jsonl");
                let mut out = std::io::BufWriter::new(fs::File::create(&path).expect("create"));
                for i in 0..100_000 {
                    writeln!(
                        out,
                        "{}",
                        serde_json::json!({"id": format!("t{i}"), "text": format!("Report {i} says the council met on day {i}.")})
                    )
                    .expect("write");
                }
                out.flush().expect("flush");
                input(&[path])
            },
            code: 0,
            alone: None,
            messages: &[],
            check: Some(|value, _| {
                assert_eq!(value["stats"]["documents"], 100_001);
            }),
        },
        Case {
            name: "duplicate ids (kept, renamed)",
            mode: Mode::Jsonl,
            make: |dir| {
                input(&[jsonl_with_line_2(
                    dir,
                    br#"{"id": "other", "text": "Imports from the region rose in the third quarter of the year."}"#,
                )])
            },
            code: 0,
            alone: None,
            messages: &["bad.jsonl:2: duplicate document id \"other\"; renamed to \"other~2\""],
            check: Some(|value, _| {
                let ids = document_ids(value);
                assert!(ids.contains(&"other".to_string()) && ids.contains(&"other~2".to_string()));
            }),
        },
        Case {
            name: "JSON Lines file named without --input-format jsonl",
            mode: Mode::Text,
            make: |dir| {
                input(&[write(
                    dir,
                    "feed.jsonl",
                    "{\"id\": \"x\", \"text\": \"Exports to the region fell sharply in the second quarter of the year.\"}\n",
                )])
            },
            code: 0,
            alone: Some(0),
            messages: &[
                "feed.jsonl: read as one text document; for one document per line (JSON Lines) pass --input-format jsonl",
            ],
            check: None,
        },
        Case {
            name: "HTML page saved as .txt",
            mode: Mode::Text,
            make: |dir| {
                input(&[write(
                    dir,
                    "page.txt",
                    "<!DOCTYPE html>\n<html><head><title>Trade &amp; exports</title>\
                     <script>var claim = \"Exports rose to a record high.\";</script></head><body>\n\
                     <nav><a href=\"/\">Home</a> <a href=\"/trade\">Trade</a></nav>\n\
                     <p>Exports to the region <b>fell sharply</b> in the second quarter. \
                     Officials blamed the strong currency&nbsp;&ndash; and weak demand.</p>\n</body></html>\n",
                )])
            },
            code: 0,
            alone: Some(0),
            messages: &[],
            check: Some(|value, stderr| {
                // Read as a page: its text, not its markup, scripts or menus.
                assert!(!stderr.contains("page.txt"), "{stderr}");
                let page = document(value, "page").expect("the page is a document");
                assert_eq!(page["title"], "Trade & exports");
                assert_eq!(page["sentences"], 2);
                assert_eq!(page["units"], 2);
                let texts: Vec<&str> = value["summary"]
                    .as_array()
                    .expect("summary")
                    .iter()
                    .flat_map(|s| s["citations"].as_array().expect("citations"))
                    .filter(|c| c["document"] == "page")
                    .map(|c| c["text"].as_str().expect("text"))
                    .collect();
                assert!(
                    texts.contains(&"Officials blamed the strong currency \u{2013} and weak demand."),
                    "{texts:?}"
                );
                assert!(texts.iter().all(|t| !t.contains('<') && !t.contains("record")));
            }),
        },
        Case {
            name: "JSON Lines title that is a number, url that is an array",
            mode: Mode::Jsonl,
            make: |dir| {
                input(&[jsonl_with_line_2(
                    dir,
                    br#"{"id": "x", "title": 2024, "url": ["https://a.example/1"], "date": true, "text": "Imports from the region rose in the third quarter of the year."}"#,
                )])
            },
            code: 0,
            alone: None,
            messages: &[
                "bad.jsonl:2: field `url` is an array, expected a string; field ignored",
                "bad.jsonl:2: field `date` is a boolean, expected a string; field ignored",
            ],
            check: Some(|value, stderr| {
                assert!(!stderr.contains("line skipped"), "{stderr}");
                let x = document(value, "x").expect("the document is read, its text kept");
                assert_eq!(x["title"], "2024");
                assert_eq!(x["url"], Value::Null);
                assert_eq!(x["date"], Value::Null);
                assert_eq!(x["sentences"], 1);
            }),
        },
        Case {
            name: "JSON Lines text that is an HTML page",
            mode: Mode::Jsonl,
            make: |dir| {
                input(&[jsonl_with_line_2(
                    dir,
                    br#"{"id": "x", "text": "<!DOCTYPE html><p>Imports from the region rose in the third quarter.</p>"}"#,
                )])
            },
            code: 0,
            alone: None,
            messages: &["bad.jsonl:2: field `text` is an HTML page; read as it is"],
            check: Some(|value, _| {
                assert!(document(value, "x").is_some());
            }),
        },
        Case {
            name: "batch document whose title is a number",
            mode: Mode::Batch,
            make: |dir| {
                let line = serde_json::json!({"id": "numbers", "documents": [
                    {"id": "a", "title": 7, "text": "Exports to the region fell sharply in the second quarter of the year."},
                    {"id": "b", "title": {"main": "x"}, "text": "In the second quarter, exports to the region fell sharply."}
                ]});
                input(&[batch_with_line_2(dir, line.to_string().as_bytes())])
            },
            code: 0,
            alone: None,
            messages: &[],
            check: Some(|value, stderr| {
                assert!(!stderr.contains("failed"), "{stderr}");
                assert_eq!(value[1]["topic"], "numbers");
                assert_eq!(value[1]["documents"][0]["title"], "7");
                assert_eq!(value[1]["documents"][1]["title"], Value::Null);
                assert_eq!(value[1]["summary"][0]["support"], 2);
            }),
        },
        Case {
            name: "batch: a repeated topic id, and repeated documents named by position",
            mode: Mode::Batch,
            make: |dir| {
                let line = serde_json::json!({"id": "good", "documents": [
                    {"id": "a", "text": "Exports to the region fell sharply in the second quarter of the year."},
                    {"id": "a", "text": "In the second quarter, exports to the region fell sharply."},
                    {"id": "c", "text": "Exports to the region fell sharply in the second quarter of the year."}
                ]});
                input(&[batch_with_line_2(dir, line.to_string().as_bytes())])
            },
            code: 0,
            alone: None,
            messages: &[],
            check: Some(|value, _| {
                // Both topics are summarized; the later one says so.
                assert_eq!(value[0]["topic"], "good");
                assert_eq!(value[1]["topic"], "good");
                assert_eq!(
                    value[1]["warnings"],
                    serde_json::json!([
                        "topic id \"good\" is also the id of the topic on line 1",
                        "document 3: same text as document \"a\"; skipped",
                        "document 2: duplicate document id \"a\"; renamed to \"a~2\""
                    ])
                );
                assert_eq!(value[1]["documents"][1]["id"], "a~2");
            }),
        },
        Case {
            name: "batch: missing file and a directory",
            mode: Mode::Batch,
            make: |dir| {
                fs::create_dir_all(dir.join("topics")).expect("mkdir");
                input(&[
                    batch_with_line_2(dir, b""),
                    dir.join("missing.jsonl"),
                    dir.join("topics"),
                ])
            },
            code: 0,
            alone: None,
            messages: &[
                "missing.jsonl: no such file or directory; skipped",
                "topics: is a directory, expected a file; skipped",
            ],
            check: Some(|value, stderr| {
                assert!(!stderr.contains("os error"), "{stderr}");
                assert_eq!(value.as_array().expect("lines").len(), 1);
            }),
        },
        Case {
            name: "pairs: missing file and a directory",
            mode: Mode::Pairs,
            make: |dir| {
                fs::create_dir_all(dir.join("pairs")).expect("mkdir");
                input(&[dir.join("missing.tsv"), dir.join("pairs")])
            },
            code: 0,
            alone: Some(1),
            messages: &[
                "missing.tsv: no such file or directory; skipped",
                "pairs: is a directory, expected a file; skipped",
            ],
            check: Some(|_, stderr| assert!(!stderr.contains("os error"), "{stderr}")),
        },
        Case {
            name: "pairs: invalid UTF-8 in a line",
            mode: Mode::Pairs,
            make: |dir| input(&[write(dir, "bad.tsv", b"caf\xe9 opens\tthe caf\xc3\xa9 opens\n")]),
            code: 0,
            alone: Some(1),
            messages: &["bad.tsv:1: invalid UTF-8 at byte 3 of the line; skipped"],
            check: None,
        },
        Case {
            name: "duplicate text (skipped)",
            mode: Mode::Text,
            make: |dir| input(&[write(dir, "copy.txt", GOOD)]),
            code: 0,
            alone: None,
            messages: &["copy.txt: same text as document \"good\"; skipped"],
            check: None,
        },
    ]
}

/// The good document is loaded whole and, among a few documents, cited in
/// the summary: the bad input cost nothing else.
fn check_good_document_kept(value: &Value, what: &str) {
    let documents = value["documents"].as_array().expect("documents");
    let good = documents.iter().find(|d| d["id"] == "good");
    assert_eq!(
        good.map(|d| &d["sentences"]),
        Some(&Value::from(2)),
        "{what}: the good document was lost"
    );
    let cited = value["summary"]
        .as_array()
        .expect("summary")
        .iter()
        .flat_map(|s| s["citations"].as_array().expect("citations"))
        .any(|c| c["document"] == "good");
    assert!(
        cited || documents.len() > 10,
        "{what}: the good document is not in the summary"
    );
}

/// The entry of `documents[]` with id `id`.
fn document<'a>(value: &'a Value, id: &str) -> Option<&'a Value> {
    value["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .find(|d| d["id"] == id)
}

fn document_ids(value: &Value) -> Vec<String> {
    value["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .map(|d| d["id"].as_str().expect("id").to_string())
        .collect()
}

/// Runs brief as `nobody` when tests run as root (which reads any file),
/// so that "permission denied" is real; `None` when that is impossible.
fn command(unprivileged: bool) -> Option<Command> {
    let brief = env!("CARGO_BIN_EXE_brief");
    if !unprivileged {
        return Some(Command::new(brief));
    }
    let setpriv = Command::new("setpriv").arg("--version").output();
    if !setpriv.is_ok_and(|o| o.status.success()) {
        return None;
    }
    let mut command = Command::new("setpriv");
    command.args(["--reuid=65534", "--regid=65534", "--clear-groups", brief]);
    Some(command)
}

fn run(
    case: &Case,
    dir: &Path,
    extra: &[OsString],
    with_good: bool,
    as_root: bool,
) -> Option<Output> {
    let unprivileged = as_root && case.name == "permission denied";
    let mut command = command(unprivileged)?;
    match case.mode {
        Mode::Text | Mode::Jsonl => {
            command.args(["summarize", "--format", "json", "--sentences", "3"]);
            if case.mode == Mode::Jsonl {
                command.args(["--input-format", "jsonl"]);
            }
            if with_good {
                let good = match case.mode {
                    Mode::Text => write(dir, "good.txt", GOOD),
                    _ => write(
                        dir,
                        "good.jsonl",
                        format!("{}\n", serde_json::json!({"id": "good", "text": GOOD})),
                    ),
                };
                command.arg(good);
            }
        }
        Mode::Batch => {
            command.args(["batch", "--sentences", "2"]);
        }
        Mode::Pairs => {
            command.args(["pairs", "--format", "json"]);
            if with_good {
                command.arg(write(
                    dir,
                    "good.tsv",
                    "The bank raised rates on Tuesday.\tOn Tuesday the bank raised rates.\n",
                ));
            }
        }
    }
    command.args(extra);
    Some(command.output().expect("brief runs"))
}

#[test]
fn bad_input_matrix() {
    let as_root = running_as_root();
    let mut failures = Vec::new();
    for case in cases() {
        let clock = std::time::Instant::now();
        // A file that changes while being read races a writer thread with
        // brief's reads: on a loaded machine the writer can be starved for
        // a whole read, so that case gets three tries.
        let tries = if case.name == "file that changes while being read" {
            3
        } else {
            1
        };
        let mut found = Vec::new();
        for _ in 0..tries {
            found = run_case(&case, as_root);
            if found.is_empty() {
                break;
            }
        }
        failures.extend(found);
        eprintln!("{}: {:.2} s", case.name, clock.elapsed().as_secs_f64());
    }
    assert!(
        failures.is_empty(),
        "{} failure(s):\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

/// Where a case's files go. For "permission denied" as root, `nobody` must
/// reach them, so they go under the system's temporary directory (the
/// checkout may sit in a directory only its owner can enter).
fn case_dir(case: &Case, as_root: bool) -> PathBuf {
    let name = format!(
        "bad_input_{}",
        case.name.replace(|c: char| !c.is_alphanumeric(), "_")
    );
    if !(as_root && case.name == "permission denied") {
        return scratch(&name);
    }
    let dir = std::env::temp_dir().join(format!("brief-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("scratch dir");
    let mut perms = fs::metadata(&dir).expect("stat").permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o755);
    fs::set_permissions(&dir, perms).expect("chmod");
    dir
}

/// Runs one case (with a good document, then alone) and returns what
/// went wrong.
fn run_case(case: &Case, as_root: bool) -> Vec<String> {
    let mut failures = Vec::new();
    let dir = case_dir(case, as_root);
    let (args, guard) = match (case.make)(&dir) {
        Made::Input { args, guard } => (args, guard),
        Made::Skip(reason) => {
            eprintln!("SKIPPED: {}: {reason}", case.name);
            return failures;
        }
    };
    let runs = [(true, case.code), (false, case.alone.unwrap_or(-1))];
    for (with_good, code) in runs {
        if !with_good && case.alone.is_none() {
            continue;
        }
        let Some(out) = run(case, &dir, &args, with_good, as_root) else {
            eprintln!(
                "SKIPPED: {}: running as root and setpriv is not available",
                case.name
            );
            break;
        };
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        let what = format!(
            "{} ({})",
            case.name,
            if with_good {
                "with a good document"
            } else {
                "alone"
            }
        );
        if out.status.code() != Some(code) {
            failures.push(format!(
                "{what}: exit {:?}, expected {code}\n{stderr}",
                out.status.code()
            ));
            continue;
        }
        for message in case.messages {
            if !stderr.contains(message) {
                failures.push(format!("{what}: stderr lacks {message:?}:\n{stderr}"));
            }
        }
        if !with_good || code != 0 {
            continue;
        }
        // Never the loss of the other documents' results.
        let value: Value = match case.mode {
            Mode::Batch => {
                let lines: Result<Vec<Value>, _> = String::from_utf8_lossy(&out.stdout)
                    .lines()
                    .map(serde_json::from_str)
                    .collect();
                let lines = lines.expect("JSON lines");
                assert_eq!(lines[0]["topic"], "good", "{what}");
                assert_eq!(lines[0]["summary"][0]["support"], 2, "{what}");
                Value::Array(lines)
            }
            Mode::Pairs => {
                let value: Value = serde_json::from_slice(&out.stdout).expect("JSON output");
                assert_eq!(value["pairs"][0]["same"], true, "{what}");
                value
            }
            Mode::Text | Mode::Jsonl => {
                let value: Value = serde_json::from_slice(&out.stdout).expect("JSON output");
                check_good_document_kept(&value, &what);
                value
            }
        };
        if let Some(check) = case.check {
            let result = std::panic::catch_unwind(|| check(&value, &stderr));
            if result.is_err() {
                failures.push(format!("{what}: its check failed"));
            }
        }
    }
    drop(guard);
    let _ = fs::remove_dir_all(&dir);
    failures
}
