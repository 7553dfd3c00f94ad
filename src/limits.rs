//! Memory limits: the peak memory a run will need, estimated from the
//! input's size before any of it is read, checked against `--max-memory`.
//!
//! Every stage keeps bounded state per sentence (the text, its units, terms,
//! TF-IDF row, near-duplicate links and at most 64 similarity-graph edges),
//! so peak memory grows linearly with the input's bytes. The coefficients
//! below are measured peaks (`/usr/bin/time -v`, release build) on generated
//! news of 100 and 300 MB (summarize and dedup re-measured at 100 MB after fact
//! units and disagreements were added), rounded up; the measurements are in
//! `docs/limits.md`. A run whose estimate exceeds the limit is refused
//! before it reads its input, so it cannot fail hours later, or take the
//! machine's memory from everything else.

use std::str::FromStr;

use crate::error::Error;

/// The limit when `--max-memory` is not given: 4 GiB, so a default run
/// fits a small machine and 1 GB of input is refused in a second rather
/// than grinding through swap.
pub const DEFAULT_MAX_MEMORY: u64 = 4 << 30;

/// What a run does with its input; each has its own memory profile.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Work {
    /// One summary of everything (`brief summarize`).
    Summarize,
    /// Near-duplicate clusters (`brief dedup`).
    Dedup,
    /// One summary per story (`brief stories`).
    Stories,
    /// Units only (`brief segment`).
    Segment,
}

impl Work {
    /// The command's name, as the user typed it.
    pub fn name(self) -> &'static str {
        match self {
            Work::Summarize => "summarize",
            Work::Dedup => "dedup",
            Work::Stories => "stories",
            Work::Segment => "segment",
        }
    }

    /// Peak bytes of memory per byte of input, and a fixed part (the
    /// binary, thread stacks, stop-word lists and stemmers).
    fn profile(self) -> (f64, u64) {
        const MB: u64 = 1 << 20;
        match self {
            Work::Summarize => (15.5, 100 * MB),
            Work::Dedup => (12.5, 100 * MB),
            // 3.42 GB peak at 1 GB, 1.07 GB at 300 MB (docs/limits.md).
            Work::Stories => (3.6, 100 * MB),
            Work::Segment => (5.0, 100 * MB),
        }
    }
}

/// Estimated peak memory, in bytes, of `work` over `input_bytes` of input.
pub fn estimated_peak(work: Work, input_bytes: u64) -> u64 {
    let (per_byte, fixed) = work.profile();
    fixed + (input_bytes as f64 * per_byte).ceil() as u64
}

/// A `--max-memory` value: a byte count, or no limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MemoryLimit(pub Option<u64>);

impl Default for MemoryLimit {
    fn default() -> Self {
        MemoryLimit(Some(DEFAULT_MAX_MEMORY))
    }
}

impl std::fmt::Display for MemoryLimit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            None => f.write_str("none"),
            Some(bytes) => f.write_str(&human(bytes)),
        }
    }
}

impl FromStr for MemoryLimit {
    type Err = String;

    /// `none`, or a number with an optional binary unit: `512M`, `4G`,
    /// `1.5GiB`, `2T`; a bare number is bytes.
    fn from_str(s: &str) -> Result<Self, String> {
        let s = s.trim();
        if s.eq_ignore_ascii_case("none") {
            return Ok(MemoryLimit(None));
        }
        let split = s
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(s.len());
        let (number, unit) = s.split_at(split);
        let number: f64 = number
            .parse()
            .map_err(|_| format!("`{s}` is not a size such as 512M, 4G or none"))?;
        let unit = unit.trim().to_ascii_uppercase();
        let scale: u64 = match unit.trim_end_matches("IB").trim_end_matches('B') {
            "" => 1,
            "K" => 1 << 10,
            "M" => 1 << 20,
            "G" => 1 << 30,
            "T" => 1 << 40,
            _ => return Err(format!("`{s}` has an unknown unit (use K, M, G or T)")),
        };
        let bytes = number * scale as f64;
        if !(bytes >= 1.0 && bytes < u64::MAX as f64) {
            return Err(format!("`{s}` is not a size above zero"));
        }
        Ok(MemoryLimit(Some(bytes as u64)))
    }
}

/// Refuses `work` over `input_bytes` when its estimated peak exceeds
/// `limit`, with a message that names the limit, the option that raises
/// it and the value that would do.
pub fn check(work: Work, input_bytes: u64, limit: MemoryLimit) -> Result<(), Error> {
    match limit.0 {
        Some(max) if estimated_peak(work, input_bytes) > max => {
            Err(refusal(work, human(input_bytes), input_bytes, limit))
        }
        _ => Ok(()),
    }
}

/// The most input `work` may have under `limit` (`None`: no limit): what a
/// caller reading input of unknown size (standard input) reads at most.
pub fn max_input_bytes(work: Work, limit: MemoryLimit) -> Option<u64> {
    let (per_byte, fixed) = work.profile();
    limit
        .0
        .map(|max| (max.saturating_sub(fixed) as f64 / per_byte).floor() as u64)
}

/// The refusal of `work` over input of unknown size (standard input)
/// that holds more than the `most` bytes left to it of what
/// [`max_input_bytes`] allows.
pub fn refuse_larger(work: Work, most: u64, limit: MemoryLimit) -> Error {
    Error::InputOverLimit {
        work: work.name(),
        most: human(most),
        limit: limit.to_string(),
    }
}

fn refusal(work: Work, input: String, input_bytes: u64, limit: MemoryLimit) -> Error {
    let estimate = estimated_peak(work, input_bytes);
    Error::MemoryLimit {
        work: work.name(),
        input,
        estimate: human(estimate),
        limit: limit.to_string(),
        needed: format!("{}G", estimate.div_ceil(1 << 30)),
    }
}

/// A byte count for people, in binary units: `3.2G`, `512M`.
fn human(bytes: u64) -> String {
    const UNITS: [(&str, u64); 4] = [
        ("T", 1 << 40),
        ("G", 1 << 30),
        ("M", 1 << 20),
        ("K", 1 << 10),
    ];
    for (unit, scale) in UNITS {
        if bytes >= scale {
            let value = bytes as f64 / scale as f64;
            return if value.fract() == 0.0 {
                format!("{value}{unit}")
            } else {
                format!("{value:.1}{unit}")
            };
        }
    }
    format!("{bytes}B")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_in_binary_units() {
        let parse = |s: &str| s.parse::<MemoryLimit>().map(|l| l.0);
        assert_eq!(parse("4G"), Ok(Some(4 << 30)));
        assert_eq!(parse("512m"), Ok(Some(512 << 20)));
        assert_eq!(parse("1.5GiB"), Ok(Some(3 << 29)));
        assert_eq!(parse("2048"), Ok(Some(2048)));
        assert_eq!(parse("none"), Ok(None));
        assert!(parse("4X").is_err());
        assert!(parse("0").is_err());
        assert!(parse("-1G").is_err());
        assert!(parse("G").is_err());
    }

    #[test]
    fn the_estimate_grows_linearly_and_the_check_names_the_way_out() {
        let gb = 1_000_000_000;
        let one = estimated_peak(Work::Summarize, gb);
        let two = estimated_peak(Work::Summarize, 2 * gb);
        let fixed = estimated_peak(Work::Summarize, 0);
        assert_eq!(two - fixed, 2 * (one - fixed));
        // 1 GB of input does not fit the default limit; 200 MB does.
        assert!(check(Work::Summarize, 2 * gb / 10, MemoryLimit::default()).is_ok());
        let refused = check(Work::Summarize, gb, MemoryLimit::default()).unwrap_err();
        let message = refused.to_string();
        assert!(message.contains("--max-memory 4G"), "{message}");
        assert!(message.contains("--max-memory 15G"), "{message}");
        assert!(check(Work::Summarize, gb, MemoryLimit(None)).is_ok());
        // What is most under a limit fits it, a byte more does not.
        let limit = MemoryLimit(Some(1 << 30));
        let most = max_input_bytes(Work::Summarize, limit).unwrap();
        assert!(check(Work::Summarize, most, limit).is_ok());
        assert!(check(Work::Summarize, most + 1, limit).is_err());
        assert_eq!(
            max_input_bytes(Work::Summarize, MemoryLimit(Some(1 << 20))),
            Some(0)
        );
        assert_eq!(max_input_bytes(Work::Summarize, MemoryLimit(None)), None);
    }
}
