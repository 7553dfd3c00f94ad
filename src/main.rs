//! The `brief` binary: all logic lives in the library; see `brief::cli`.

fn main() -> std::process::ExitCode {
    brief::cli::main()
}
