//! Where results go: standard output, or a file given with `--output` that
//! is never left half-written.
//!
//! A file is written under a temporary name in its own directory
//! (`.NAME.PID.brief-tmp`), then flushed, synced to disk and renamed over
//! `NAME` (rename within a directory is atomic), and the directory is
//! synced. A run that fails (a full disk, any write error) or is
//! interrupted removes the temporary file, so `NAME` is either the whole new
//! output or whatever it was before (or absent). A path that is not a
//! regular file (`/dev/stdout`, a FIFO, a terminal) cannot be replaced by a
//! rename and is written directly.
//!
//! Interruption: the temporary files of a run are listed in a registry,
//! and [`remove_pending`] deletes them; the command-line front end calls it
//! when SIGINT, SIGTERM or SIGHUP arrives, before exiting.

use std::fs::{self, File};
use std::io::{self, BufWriter, StdoutLock, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use crate::error::Error;

/// Temporary files not yet renamed into place.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn pending() -> MutexGuard<'static, Vec<PathBuf>> {
    // A panic elsewhere while holding the lock leaves a usable list.
    PENDING
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Deletes every temporary output file of this process, and keeps any
/// from being committed or created afterwards: call it only when the
/// process is about to exit (from a signal handler's thread).
pub fn remove_pending() {
    let mut guard = pending();
    for path in guard.drain(..) {
        let _ = fs::remove_file(path);
    }
    // Holding the lock until exit stops a commit racing with the exit.
    std::mem::forget(guard);
}

/// A destination for output: standard output or a file.
pub struct Output {
    target: Target,
    /// How errors name the destination: the path, or `standard output`.
    name: String,
}

enum Target {
    Stdout(BufWriter<StdoutLock<'static>>),
    /// Written under `temp`, renamed to `path` on [`Output::finish`].
    Atomic {
        file: BufWriter<File>,
        temp: PathBuf,
        path: PathBuf,
    },
    /// A FIFO, device or terminal, written in place.
    Direct(BufWriter<File>),
}

/// Checks an output file against the inputs of the same run: one of the
/// input files, or a file an input directory's walk reads (a name with one
/// of `walked`, the walk's extensions), is refused (the run would replace
/// an article with a summary); a new file of such a name inside an input
/// directory gives a warning, returned for the caller to print (a later
/// run over that directory would read it as a document and cite it).
/// The output is compared both as named (a symbolic link inside an input
/// directory is a document there) and resolved (`./a.txt`,
/// `dir/../a.txt` and a link to an input are that input).
pub fn check_against_inputs(
    output: &Path,
    inputs: &[PathBuf],
    walked: &[&str],
) -> Result<Option<String>, Error> {
    // Standard output, or a directory (which `Output::open` refuses as one).
    if output.as_os_str() == "-" || output.is_dir() {
        return Ok(None);
    }
    // The output's directory resolved, its own name kept.
    let named = output.file_name().and_then(|name| {
        let parent = output.parent().filter(|p| !p.as_os_str().is_empty());
        Some(
            fs::canonicalize(parent.unwrap_or(Path::new(".")))
                .ok()?
                .join(name),
        )
    });
    let resolved = fs::canonicalize(output).ok();
    let places: Vec<PathBuf> = named.into_iter().chain(resolved).collect();
    let exists = fs::symlink_metadata(output).is_ok();
    let also_an_input = |what: &str| Error::Output {
        destination: output.display().to_string(),
        source: io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{what}: writing it would replace that document with a summary"),
        ),
    };
    let mut warning = None;
    for input in inputs.iter().filter(|p| p.as_os_str() != "-") {
        let Ok(input_resolved) = fs::canonicalize(input) else {
            continue;
        };
        if places.contains(&input_resolved) {
            return Err(also_an_input("is also an input"));
        }
        if !input_resolved.is_dir() {
            continue;
        }
        let read_by_walk = places.iter().any(|place| {
            let readable = place
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| walked.contains(&e.to_ascii_lowercase().as_str()));
            readable && place.starts_with(&input_resolved)
        });
        if !read_by_walk {
            continue;
        }
        if exists {
            return Err(also_an_input(&format!(
                "is also an input (a document of {})",
                input.display()
            )));
        }
        warning.get_or_insert_with(|| {
            format!(
                "--output {} is inside the input directory {}: a later run over that \
                 directory would read it as a document",
                output.display(),
                input.display()
            )
        });
    }
    Ok(warning)
}

impl Output {
    /// Output to `path`, or standard output for `None` or `-`. A file is
    /// created now, so that a directory that does not exist or cannot be
    /// written is reported before any work is done.
    pub fn open(path: Option<&Path>) -> Result<Output, Error> {
        let Some(path) = path.filter(|p| p.as_os_str() != "-") else {
            return Ok(Output {
                target: Target::Stdout(BufWriter::new(io::stdout().lock())),
                name: "standard output".to_string(),
            });
        };
        let name = path.display().to_string();
        let fail = |source: io::Error| Error::Output {
            destination: name.clone(),
            source,
        };
        let existing = fs::metadata(path).ok();
        if existing.as_ref().is_some_and(|m| m.is_dir()) {
            return Err(fail(io::Error::new(
                io::ErrorKind::IsADirectory,
                "is a directory",
            )));
        }
        if existing.as_ref().is_some_and(|m| !m.is_file()) {
            let file = fs::OpenOptions::new()
                .write(true)
                .open(path)
                .map_err(fail)?;
            return Ok(Output {
                target: Target::Direct(BufWriter::new(file)),
                name,
            });
        }
        // A symbolic link to a file: the file it points to is replaced, and
        // the link stays a link.
        let linked = fs::symlink_metadata(path)
            .is_ok_and(|m| m.file_type().is_symlink())
            .then(|| fs::canonicalize(path).ok())
            .flatten();
        let path = linked.as_deref().unwrap_or(path);
        let temp = temporary_path(path).map_err(fail)?;
        let mut registry = pending();
        let file = File::create_new(&temp).map_err(fail)?;
        registry.push(temp.clone());
        drop(registry);
        if let Some(meta) = existing {
            // Keep the replaced file's permissions.
            let _ = fs::set_permissions(&temp, meta.permissions());
        }
        Ok(Output {
            target: Target::Atomic {
                file: BufWriter::new(file),
                temp,
                path: path.to_path_buf(),
            },
            name,
        })
    }

    /// Flushes everything and, for a file, syncs it and moves it into
    /// place. Dropping an `Output` without finishing discards a file.
    pub fn finish(mut self) -> Result<(), Error> {
        let name = std::mem::take(&mut self.name);
        let fail = |source: io::Error| Error::Output {
            destination: name.clone(),
            source,
        };
        match &mut self.target {
            Target::Stdout(out) => out.flush().map_err(fail),
            Target::Direct(file) => file.flush().map_err(fail),
            Target::Atomic { file, temp, path } => {
                file.flush().map_err(fail)?;
                file.get_ref().sync_all().map_err(fail)?;
                let mut registry = pending();
                fs::rename(&*temp, &*path).map_err(fail)?;
                registry.retain(|p| p != temp);
                drop(registry);
                sync_parent(path);
                Ok(())
            }
        }
    }

    /// Wraps an error met while writing, naming the destination.
    pub fn error(&self, source: io::Error) -> Error {
        Error::Output {
            destination: self.name.clone(),
            source,
        }
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.target {
            Target::Stdout(out) => out.write(buf),
            Target::Atomic { file, .. } | Target::Direct(file) => file.write(buf),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match &mut self.target {
            Target::Stdout(out) => out.write_all(buf),
            Target::Atomic { file, .. } | Target::Direct(file) => file.write_all(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.target {
            Target::Stdout(out) => out.flush(),
            Target::Atomic { file, .. } | Target::Direct(file) => file.flush(),
        }
    }
}

impl Drop for Output {
    fn drop(&mut self) {
        if let Target::Atomic { temp, .. } = &self.target {
            let mut registry = pending();
            if let Some(at) = registry.iter().position(|p| p == temp) {
                registry.swap_remove(at);
                let _ = fs::remove_file(temp);
            }
        }
    }
}

/// `.NAME.PID.brief-tmp` beside `path`: the same directory (so the rename
/// is atomic), hidden, and unique to this process.
fn temporary_path(path: &Path) -> io::Result<PathBuf> {
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "not a file name"))?;
    let mut temp = std::ffi::OsString::from(".");
    temp.push(name);
    temp.push(format!(".{}.brief-tmp", std::process::id()));
    Ok(path.with_file_name(temp))
}

/// Syncs the directory holding `path`, so the rename itself survives a
/// crash. Some file systems refuse to sync a directory; that is harmless.
fn sync_parent(path: &Path) {
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if let Ok(dir) = File::open(parent) {
        let _ = dir.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("brief-output-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("scratch dir");
        dir
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .expect("listable")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_finished_file_appears_whole_and_nothing_else_is_left() {
        let dir = scratch("finish");
        let path = dir.join("out.json");
        let mut out = Output::open(Some(&path)).expect("created");
        out.write_all(b"{\"a\": 1}\n").expect("written");
        assert!(!path.exists(), "visible before it is finished");
        assert_eq!(names(&dir).len(), 1, "one temporary file");
        out.finish().expect("finished");
        assert_eq!(fs::read_to_string(&path).expect("readable"), "{\"a\": 1}\n");
        assert_eq!(names(&dir), ["out.json"]);
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn an_unfinished_file_leaves_the_old_content() {
        let dir = scratch("drop");
        let path = dir.join("out.txt");
        fs::write(&path, "old").expect("written");
        let mut out = Output::open(Some(&path)).expect("created");
        out.write_all(b"partial").expect("written");
        drop(out);
        assert_eq!(fs::read_to_string(&path).expect("readable"), "old");
        assert_eq!(names(&dir), ["out.txt"]);
        let _ = fs::remove_dir_all(&dir);
    }

    /// The error with its causes, as the command line prints it.
    fn message(err: Error) -> String {
        format!("{:#}", anyhow::Error::from(err))
    }

    #[test]
    fn bad_destinations_are_named() {
        let dir = scratch("bad");
        let err = message(
            Output::open(Some(&dir))
                .err()
                .expect("a directory is refused"),
        );
        assert!(err.contains("is a directory"), "{err}");
        let missing = dir.join("no/such/dir/out.txt");
        let err = message(Output::open(Some(&missing)).err().expect("refused"));
        assert!(
            err.contains("no/such/dir/out.txt") && err.contains("No such file"),
            "{err}"
        );
        let _ = fs::remove_dir_all(&dir);
    }
}
