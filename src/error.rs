//! The library's error type.
//!
//! Library functions return [`Error`]; only the binary turns errors into
//! messages and exit codes. Problems that concern one document (unreadable,
//! not UTF-8, a malformed JSONL line) are not errors of the whole run: the
//! loader reports them as [`crate::load::LoadProblem`]s and carries on.

use std::path::PathBuf;

/// Everything that can stop a library call as a whole.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An option has a value the pipeline cannot work with.
    #[error("invalid value for {option}: {message}")]
    Config {
        /// The option's name as the CLI spells it, e.g. `--threshold`.
        option: &'static str,
        /// What is wrong with the value.
        message: String,
    },
    /// A file or directory could not be read. The cause is the `source`
    /// (printed after the path by `{:#}`), not repeated in the message.
    #[error("{}", path.display())]
    Io {
        /// The path that failed.
        path: PathBuf,
        /// The underlying I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The input held no document with any text to work on.
    #[error("no documents to work on{}", if problems == &0 { String::new() } else { format!(" ({problems} input problem(s) reported above)") })]
    NoDocuments {
        /// How many input problems were reported on the way.
        problems: usize,
    },
    /// Output could not be written: the destination cannot be created, the
    /// disk is full, the pipe is closed. Nothing partial is left behind
    /// (see [`crate::output`]).
    #[error("cannot write {destination}")]
    Output {
        /// The output file, or `standard output`.
        destination: String,
        /// The underlying I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The input is larger than the memory limit allows: refused before it
    /// is read (see [`crate::limits`]).
    #[error(
        "{input} of input would need about {estimate} of memory for `brief {work}`, more than \
         --max-memory {limit} allows; raise it (--max-memory {needed}, or --max-memory none) \
         or give less input at a time"
    )]
    MemoryLimit {
        /// The command refused.
        work: &'static str,
        /// The input's size.
        input: String,
        /// The estimated peak.
        estimate: String,
        /// The limit in force.
        limit: String,
        /// A `--max-memory` value that would let the run go ahead.
        needed: String,
    },
    /// Standard input holds more than `--max-memory` leaves room for (its
    /// size is known only as it is read, so this comes after reading past
    /// that room, and before anything else is done).
    #[error(
        "standard input holds more than {most}, the most input `brief {work}` can take within \
         --max-memory {limit}; raise it (--max-memory none lifts it) or give less input at a time"
    )]
    InputOverLimit {
        /// The command refused.
        work: &'static str,
        /// The most input the limit allows.
        most: String,
        /// The limit in force.
        limit: String,
    },
    /// Input that is malformed as a whole (e.g. evaluation data in the wrong layout).
    #[error("{location}: {message}")]
    Input {
        /// The file (and line) at fault.
        location: String,
        /// What is wrong with it.
        message: String,
    },
}

/// Shorthand for results of library calls.
pub type Result<T, E = Error> = std::result::Result<T, E>;
