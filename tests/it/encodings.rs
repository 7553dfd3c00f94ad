//! Text in legacy encodings (README "Bad input", src/load/encoding.rs):
//! decoded with a note naming the encoding, never refused; offsets are
//! into the decoded text. Every input is generated here, encoded with
//! `encoding_rs`; the expected text is the Rust string it was encoded from.

use std::path::{Path, PathBuf};

use encoding_rs::{Encoding, KOI8_R, SHIFT_JIS, UTF_16LE, WINDOWS_1251, WINDOWS_1252};
use serde_json::Value;

use crate::{brief, brief_with_env, json, scratch, stderr};

/// A French wire story, as a Windows news archive keeps it: curly quotes,
/// accented words.
const FRENCH: &str = "\u{201c}La banque centrale a relev\u{e9} ses taux d\u{2019}un demi-point \
                      mardi,\u{201d} a d\u{e9}clar\u{e9} le minist\u{e8}re des Finances. \
                      Les syndicats ont r\u{e9}agi avec col\u{e8}re \u{e0} cette d\u{e9}cision. \
                      L\u{2019}inflation reste \u{e9}lev\u{e9}e selon les \u{e9}conomistes \
                      interrog\u{e9}s \u{e0} Gen\u{e8}ve.\n";

/// The same story from a second outlet, in UTF-8: its first fact is the
/// first fact above.
const FRENCH_UTF8: &str = "La banque centrale a relev\u{e9} ses taux d\u{2019}un demi-point \
                           mardi, selon le minist\u{e8}re des Finances. Les march\u{e9}s \
                           ont progress\u{e9} dans la matin\u{e9}e.\n";

const RUSSIAN: &str = "Центральный банк повысил ключевую ставку во вторник. \
                       Аналитики ожидают замедления инфляции.\n";

fn encode(encoding: &'static Encoding, text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding.encode(text);
    assert!(!unmappable, "{text:?} is not all {}", encoding.name());
    bytes.into_owned()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write");
    path
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("UTF-8 scratch path")
}

/// Every unit of a `brief.segment/1` output whose document is `id`, as
/// (start, end, text).
fn units_of(value: &Value, id: &str) -> Vec<(usize, usize, String)> {
    value["units"]
        .as_array()
        .expect("units")
        .iter()
        .filter(|u| u["document"] == id)
        .map(|u| {
            (
                u["start"].as_u64().unwrap() as usize,
                u["end"].as_u64().unwrap() as usize,
                u["text"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn windows_1252_news_is_summarized_with_its_own_characters() {
    let dir = scratch("encodings_1252");
    let legacy = write(&dir, "archive.txt", &encode(WINDOWS_1252, FRENCH));
    assert!(std::str::from_utf8(&std::fs::read(&legacy).unwrap()).is_err());
    let other = write(&dir, "wire.txt", FRENCH_UTF8.as_bytes());
    let out = brief(&[
        "summarize",
        "--format",
        "json",
        "--lang",
        "fr",
        "--sentences",
        "2",
        path_str(&legacy),
        path_str(&other),
    ]);
    let value = json(&out);
    let warning = format!(
        "{}: not UTF-8; read as windows-1252 (detected); offsets are into the decoded text",
        legacy.display()
    );
    assert!(stderr(&out).contains(&warning), "{}", stderr(&out));
    // The JSON names what the archive's text was decoded from, so that a
    // consumer slicing the file decodes it first; the UTF-8 file names
    // nothing.
    let documents = value["documents"].as_array().expect("documents");
    assert_eq!(documents[0]["id"], "archive");
    assert_eq!(documents[0]["encoding"], "windows-1252");
    assert_eq!(documents[1]["id"], "wire");
    assert!(documents[1].get("encoding").is_none(), "{}", documents[1]);
    // The shared fact is summarized, citing both outlets, with the legacy
    // file's characters right, and every offset into the archive's
    // decoded text slices back to the cited text.
    let summary = value["summary"].as_array().expect("summary");
    let shared = summary
        .iter()
        .find(|s| s["support"] == 2)
        .unwrap_or_else(|| panic!("no sentence cites both: {value:#}"));
    let mut seen_archive = false;
    for citation in shared["citations"].as_array().unwrap() {
        let text = citation["text"].as_str().unwrap();
        let (start, end) = (
            citation["start"].as_u64().unwrap() as usize,
            citation["end"].as_u64().unwrap() as usize,
        );
        let source = match citation["document"].as_str().unwrap() {
            "archive" => {
                seen_archive = true;
                assert!(
                    text.starts_with("\u{201c}La banque centrale a relev\u{e9}"),
                    "{text}"
                );
                FRENCH
            }
            _ => FRENCH_UTF8,
        };
        assert_eq!(&source[start..end], text);
    }
    assert!(seen_archive, "{shared:#}");
    let all: String = summary
        .iter()
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    assert!(
        !all.contains('\u{FFFD}') && !all.contains("\u{c3}"),
        "{all}"
    );
}

#[test]
fn cyrillic_files_are_detected_windows_1251_and_koi8() {
    let dir = scratch("encodings_cyrillic");
    let w1251 = write(&dir, "w1251.txt", &encode(WINDOWS_1251, RUSSIAN));
    let koi8 = write(&dir, "koi8.txt", &encode(KOI8_R, RUSSIAN));
    // One run each: the two decode to the same text, which a run reads
    // once.
    let segment = |path: &Path| {
        let out = brief(&[
            "segment",
            "--format",
            "json",
            "--lang",
            "ru",
            path_str(path),
        ]);
        (json(&out), stderr(&out))
    };
    let (value, err) = segment(&w1251);
    assert!(
        err.contains(&format!(
            "{}: not UTF-8; read as windows-1251 (detected)",
            w1251.display()
        )),
        "{err}"
    );
    check_units(&value, "w1251");
    // chardetng names KOI8-U, which decodes Russian exactly as KOI8-R
    // does (they differ in a few Ukrainian letters).
    let (value, err) = segment(&koi8);
    let named_koi8 = ["koi8-r", "koi8-u"].iter().any(|name| {
        err.contains(&format!(
            "{}: not UTF-8; read as {name} (detected)",
            koi8.display()
        ))
    });
    assert!(named_koi8, "{err}");
    check_units(&value, "koi8");
}

/// The Russian text's two sentences, with offsets into it.
fn check_units(value: &Value, id: &str) {
    let units = units_of(value, id);
    assert_eq!(units.len(), 2, "{id}: {units:?}");
    for (start, end, text) in units {
        assert_eq!(&RUSSIAN[start..end], text, "{id}");
    }
}

#[test]
fn one_stray_byte_in_utf8_keeps_the_utf8() {
    let dir = scratch("encodings_stray");
    let mut bytes = "Zo\u{eb} Salda\u{f1}a arrived in S\u{e3}o Paulo on Tuesday. \u{201c}We are \
                     ready,\u{201d} she said.\n"
        .as_bytes()
        .to_vec();
    bytes.extend_from_slice(b"The caf\xe9 in Z\xfcrich was closed.\n");
    bytes.extend_from_slice("Officials in M\u{fc}nchen confirmed it.\n".as_bytes());
    let path = write(&dir, "mostly.txt", &bytes);
    let out = brief(&["segment", "--format", "json", path_str(&path)]);
    let value = json(&out);
    let expected = "Zo\u{eb} Salda\u{f1}a arrived in S\u{e3}o Paulo on Tuesday. \u{201c}We are \
                    ready,\u{201d} she said.\nThe caf\u{e9} in Z\u{fc}rich was closed.\n\
                    Officials in M\u{fc}nchen confirmed it.\n";
    let units = units_of(&value, "mostly");
    assert_eq!(units.len(), 4, "{units:?}");
    for (start, end, text) in &units {
        assert_eq!(&expected[*start..*end], text);
    }
    assert_eq!(units[2].2, "The caf\u{e9} in Z\u{fc}rich was closed.");
    assert_eq!(value["documents"][0]["encoding"], "utf-8+windows-1252");
    assert!(
        stderr(&out).contains("not UTF-8: 2 stray bytes in UTF-8 text (first at byte 85, line 2)"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_encoding_option_overrides_detection() {
    let dir = scratch("encodings_option");
    let koi8 = write(&dir, "koi8.txt", &encode(KOI8_R, RUSSIAN));
    let segment = |args: &[&str]| {
        let mut all = vec!["segment", "--format", "json", "--lang", "ru"];
        all.extend_from_slice(args);
        brief(&all)
    };
    // Named: decoded as asked, without a note.
    let out = segment(&["--encoding", "KOI8-R", path_str(&koi8)]);
    let units = units_of(&json(&out), "koi8");
    assert_eq!(&RUSSIAN[units[0].0..units[0].1], units[0].2);
    assert!(!stderr(&out).contains("koi8.txt"), "{}", stderr(&out));
    // Named wrongly: still what was asked (the KOI8 bytes read as
    // Windows-1251), not the detector's choice.
    let out = segment(&["--encoding", "windows-1251", path_str(&koi8)]);
    let koi8_bytes = encode(KOI8_R, RUSSIAN);
    let (asked, _) = WINDOWS_1251.decode_without_bom_handling(&koi8_bytes);
    let units = units_of(&json(&out), "koi8");
    assert_eq!(&asked[units[0].0..units[0].1], units[0].2);
    assert_ne!(&RUSSIAN[..20], &asked[..20]);
    // UTF-16 without a byte-order mark, which only a label can name.
    let text = "The central bank raised rates on Tuesday. Markets rose.\n";
    let utf16 = write(&dir, "utf16.txt", &encode_utf16le(text));
    let out = segment(&["--encoding", "utf-16le", path_str(&utf16)]);
    let units = units_of(&json(&out), "utf16");
    assert_eq!(units[0].2, "The central bank raised rates on Tuesday.");
    // `utf-8` is strict: the file is refused, as before legacy encodings.
    let out = segment(&["--encoding", "utf-8", path_str(&koi8)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out)
            .contains("invalid UTF-8 at byte 0 (line 1); convert the file to UTF-8; skipped"),
        "{}",
        stderr(&out)
    );
    // A label that names nothing, and JSON Lines, are usage errors.
    let out = segment(&["--encoding", "latin-9000", path_str(&koi8)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("unknown encoding \"latin-9000\""));
    let out = segment(&[
        "--encoding",
        "koi8-r",
        "--input-format",
        "jsonl",
        path_str(&koi8),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("JSON Lines is always UTF-8"));
}

fn encode_utf16le(text: &str) -> Vec<u8> {
    assert_eq!(UTF_16LE.name(), "UTF-16LE");
    text.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

#[test]
fn a_page_is_read_in_the_charset_it_declares() {
    let dir = scratch("encodings_meta");
    // Shift_JIS, declared the old way (http-equiv); a short page, where
    // the declaration is what a browser goes by.
    let body = "\u{6771}\u{4eac}\u{3067}\u{5927}\u{96e8}\u{3002}";
    let page = format!(
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; \
         charset=Shift_JIS\"><title>\u{901f}\u{5831}</title></head><body><p>{body}</p></body></html>"
    );
    let path = write(&dir, "page.html", &encode(SHIFT_JIS, &page));
    let out = brief(&["segment", "--format", "json", path_str(&path)]);
    let value = json(&out);
    assert_eq!(value["documents"][0]["title"], "\u{901f}\u{5831}");
    assert_eq!(units_of(&value, "page")[0].2, body);
    assert!(
        stderr(&out)
            .contains("not UTF-8; read as shift_jis (declared by the page's <meta charset>)"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn legacy_input_gives_the_same_output_on_every_run_and_thread_count() {
    let dir = scratch("encodings_determinism");
    write(&dir, "a.txt", &encode(WINDOWS_1252, FRENCH));
    write(&dir, "b.txt", FRENCH_UTF8.as_bytes());
    write(&dir, "c.txt", &encode(KOI8_R, RUSSIAN));
    write(&dir, "d.txt", &encode(WINDOWS_1251, RUSSIAN));
    let run = |threads: &str| {
        let out = brief_with_env(
            &["summarize", "--format", "json", path_str(&dir)],
            &[("RAYON_NUM_THREADS", threads)],
        );
        assert!(out.status.success(), "{}", stderr(&out));
        (out.stdout, out.stderr)
    };
    let first = run("1");
    assert_eq!(first, run("2"));
    assert_eq!(first, run("2"));
}
