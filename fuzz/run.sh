#!/usr/bin/env bash
# Runs every fuzz target (or those named) for SECONDS each, one after the
# other, one job at a time, at nice 10; appends each run's execution count
# to fuzz/runs.tsv and prints the totals per target.
#
#   fuzz/run.sh SECONDS [TARGET...]    fuzz (builds first)
#   fuzz/run.sh --report               totals from fuzz/runs.tsv only
#   fuzz/run.sh --build                build the targets only
#
# Needs the nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`).
# A target that crashes leaves its input in fuzz/artifacts/TARGET/; the
# script goes on with the next target and exits 1 at the end.
# Environment: FUZZ_NICE (default 10), FUZZ_MAX_LEN (default 4096 bytes),
# FUZZ_LOG (where runs are recorded, default fuzz/runs.tsv), FUZZ_NO_BUILD=1
# (run the targets as last built), FUZZ_BIN (a directory holding the target
# binaries and their built-from file, e.g. a copy kept apart so that the
# tree can be rebuilt during a long run; implies FUZZ_NO_BUILD=1),
# FUZZ_TRACE_COMPARES=0 (build without libFuzzer's comparison tracing:
# about three times the executions per second on `pipeline`, where it
# spent 65% of the instructions, at the cost of comparison-guided
# mutations).
set -uo pipefail
cd "$(dirname "$0")"

TARGETS=(segment analyze load_text load_jsonl pipeline batch eval)
LOG=${FUZZ_LOG:-runs.tsv}
NICE=${FUZZ_NICE:-10}
MAX_LEN=${FUZZ_MAX_LEN:-4096}
BIN=${FUZZ_BIN:-target/$(rustc +nightly -vV | sed -n 's/^host: //p')/release}
[ -n "${FUZZ_BIN:-}" ] && FUZZ_NO_BUILD=1

report() {
    [ -f "$LOG" ] || { echo "no runs recorded in $LOG"; return; }
    awk -F'\t' '
        NR > 1 { runs[$2] += $3; secs[$2] += $4; crashes[$2] += $5; if (!($2 in seen)) { seen[$2] = 1; order[n++] = $2 } }
        END {
            printf "%-12s %15s %10s %8s\n", "target", "executions", "seconds", "crashes"
            for (i = 0; i < n; i++) { t = order[i]; printf "%-12s %15d %10d %8d\n", t, runs[t], secs[t], crashes[t] }
        }' "$LOG"
}

# Findings kept in artifacts/TARGET: crashes, timeouts, out-of-memory and
# leaks. libFuzzer also saves "slow units" there (over 10 s), which on a
# busy machine at nice 19 are starved inputs, not findings.
findings() {
    find "artifacts/$1" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'timeout-*' \
        -o -name 'oom-*' -o -name 'leak-*' \) | wc -l
}

build() {
    # No sanitizer: brief has no unsafe code, so AddressSanitizer would only
    # slow the search down. fuzz/Cargo.toml turns on debug assertions and
    # overflow checks for brief itself.
    local flags=(--sanitizer none)
    [ "${FUZZ_TRACE_COMPARES:-1}" = 0 ] && flags+=(--no-trace-compares)
    nice -n "$NICE" cargo +nightly fuzz build "${flags[@]}" || return 1
    # What the binaries were built from, for the tally.
    local commit
    commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
    git diff --quiet HEAD -- ../src ../Cargo.toml ../Cargo.lock src Cargo.toml fuzz_targets 2>/dev/null || commit="$commit+wip"
    [ "${FUZZ_TRACE_COMPARES:-1}" = 0 ] && commit="$commit (--no-trace-compares)"
    echo "$commit" > "$BIN/built-from"
}

case "${1:-}" in
    --report) report; exit 0 ;;
    --build) build; exit $? ;;
    ''|-h|--help) awk 'NR > 1 && /^#/ { print; next } NR > 1 { exit }' "$(basename "$0")"; exit 2 ;;
esac
SECONDS_EACH=$1
shift
[ $# -gt 0 ] && TARGETS=("$@")
[ "${FUZZ_NO_BUILD:-}" = 1 ] || build || exit 1

[ -s "$LOG" ] || printf 'date\ttarget\texecutions\tseconds\tcrashes\tcommit\n' > "$LOG"
COMMIT=$(cat "$BIN/built-from" 2>/dev/null || echo unknown)
status=0
for target in "${TARGETS[@]}"; do
    mkdir -p "corpus/$target" "artifacts/$target"
    out=$(mktemp)
    start=$(date +%s)
    found_before=$(findings "$target")
    # -rss_limit_mb: the machine is shared. -timeout: a hang is a finding;
    # it is wall time, and a niced process on a busy machine can wait for
    # its CPU long (at 10 s, libFuzzer's timeout handler once fired that
    # way and deadlocked in malloc), hence 60 s.
    nice -n "$NICE" "$BIN/$target" "corpus/$target" "seeds/$target" -artifact_prefix="artifacts/$target/" \
        -max_total_time="$SECONDS_EACH" -max_len="$MAX_LEN" -timeout=60 \
        -rss_limit_mb=2048 -print_final_stats=1 >"$out" 2>&1
    code=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out" | tail -1)
    secs=$(( $(date +%s) - start ))
    # A finding is a new file in artifacts/ (crash, timeout, out of memory);
    # a run stopped by a signal is not one.
    crashes=$(( $(findings "$target") - found_before ))
    if [ "$crashes" -gt 0 ]; then
        status=1
        echo "== $target: FAILED (exit $code); last lines:"
        tail -30 "$out"
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$target" "${runs:-0}" \
        "$secs" "$crashes" "$COMMIT" >> "$LOG"
    echo "== $target: ${runs:-0} executions in $secs s, exit $code"
    rm -f "$out"
done
report
exit $status
