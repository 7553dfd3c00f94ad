//! The `brief` binary: all logic lives in the library; see `brief::cli`.

/// mimalloc rather than the system allocator: the pipeline allocates
/// many small, short-lived vectors and strings from several threads at
/// once, where glibc's malloc spends a tenth of a run (see the commit
/// that chose it for the measurements).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    brief::cli::main()
}
