//! The fuzz targets' checks (`fuzz/src/lib.rs`, compiled in here) run on
//! the committed seed inputs and on every minimized crash the fuzzers
//! found (`fuzz/regressions/<target>/`), so each crash stays a regression
//! test of the normal suite, without nightly or cargo-fuzz.

#[allow(dead_code)]
#[path = "../../fuzz/src/lib.rs"]
mod checks;

use std::path::Path;

/// Runs `check` on every file of `fuzz/seeds/<target>` and
/// `fuzz/regressions/<target>`; returns how many there were.
fn replay(target: &str, check: fn(&[u8])) -> usize {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut count = 0;
    for kind in ["seeds", "regressions"] {
        let Ok(entries) = std::fs::read_dir(root.join(kind).join(target)) else {
            continue;
        };
        let mut paths: Vec<_> = entries
            .map(|e| e.expect("a directory entry").path())
            .collect();
        paths.sort();
        for path in paths {
            let data = std::fs::read(&path).expect("readable input");
            let result = std::panic::catch_unwind(|| check(&data));
            assert!(
                result.is_ok(),
                "{target}: {} fails its check",
                path.display()
            );
            count += 1;
        }
    }
    count
}

macro_rules! replay_tests {
    ($($target:ident),* $(,)?) => {$(
        #[test]
        fn $target() {
            assert!(replay(stringify!($target), checks::$target) > 0, "no inputs to replay");
        }
    )*};
}

replay_tests!(segment, analyze, load_text, load_jsonl, pipeline, batch, eval);
