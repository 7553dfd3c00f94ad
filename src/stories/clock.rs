//! Wall and CPU time of each grouping step, for `brief stories --stats`.
//!
//! Wall time alone misleads on a shared machine (a step waiting for a core
//! looks slow); the process's CPU time says how much work a step did, so
//! how the steps grow with the input can be read from it whatever the load.

use std::time::{Duration, Instant};

/// Wall and process CPU time of one step.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Span {
    /// Elapsed time.
    pub wall: Duration,
    /// CPU time of the whole process (all threads, user and system) during
    /// the step; zero where the platform does not tell.
    pub cpu: Duration,
}

impl std::fmt::Display for Span {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{:.0} ms ({:.0} ms CPU)",
            self.wall.as_secs_f64() * 1e3,
            self.cpu.as_secs_f64() * 1e3
        )
    }
}

/// A started step.
#[derive(Clone, Copy, Debug)]
pub struct Clock {
    wall: Instant,
    cpu: Duration,
}

impl Clock {
    /// Starts timing.
    pub fn start() -> Self {
        Clock {
            wall: Instant::now(),
            cpu: process_cpu(),
        }
    }

    /// The time since [`Clock::start`].
    pub fn span(&self) -> Span {
        Span {
            wall: self.wall.elapsed(),
            cpu: process_cpu().saturating_sub(self.cpu),
        }
    }
}

/// CPU time of this process so far: user and system time of all its
/// threads, from `/proc/self/stat` (in clock ticks of 1/100 s, the value
/// Linux reports to user space); zero elsewhere.
fn process_cpu() -> Duration {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return Duration::ZERO;
    };
    // Fields after the command name (which may hold spaces) start at the
    // state, field 3; utime and stime are fields 14 and 15.
    let Some((_, rest)) = stat.rsplit_once(')') else {
        return Duration::ZERO;
    };
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| fields.get(i).and_then(|f| f.parse::<u64>().ok());
    match (ticks(11), ticks(12)) {
        (Some(user), Some(system)) => Duration::from_millis((user + system) * 10),
        _ => Duration::ZERO,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpu_time_counts_work_done() {
        // Spin until the process's CPU time has moved on by 50 ms (however
        // busy the machine, 20 s of spinning gets that much CPU).
        let clock = Clock::start();
        let deadline = Instant::now() + Duration::from_secs(20);
        let mut x = 0u64;
        while clock.span().cpu < Duration::from_millis(50) && Instant::now() < deadline {
            for _ in 0..100_000 {
                x = x.wrapping_mul(6364136223846793005).wrapping_add(1);
            }
            std::hint::black_box(x);
        }
        let span = clock.span();
        if cfg!(target_os = "linux") {
            assert!(span.cpu >= Duration::from_millis(50), "{span:?}");
        }
    }
}
