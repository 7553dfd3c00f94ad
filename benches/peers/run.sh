#!/usr/bin/env bash
# Side-by-side timing of brief against peer tools on generated corpora.
#
#   benches/peers/run.sh [--quick]
#
# Full run: summarization (brief, sumy LexRank, lexrank package) on 300 and
# 1,000 documents; near-duplicate search (brief, datasketch MinHash LSH) on
# 10,000 and 30,000 documents. --quick: summarization on 300 documents and
# near-duplicate search on 1,000. Every run gets /usr/bin/time -v (wall time,
# peak RSS) and a timeout (PEER_TIMEOUT seconds, default 600); a failed or
# timed-out row is reported as such and the table goes on.
#
# Not run by CI. Needs network access to PyPI for the first run. Corpora,
# outputs and the virtualenv live under ${TMPDIR:-/tmp}; nothing is written
# into the work tree except cargo's target/.
#   PEER_VENV      virtualenv to create or reuse (default ${TMPDIR:-/tmp}/brief-peers-venv)
#   PEER_TIMEOUT   per-run limit in seconds (default 600)
#   KEEP_WORK=1    keep the corpora and outputs directory
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
tmp=${TMPDIR:-/tmp}
venv=${PEER_VENV:-$tmp/brief-peers-venv}
limit=${PEER_TIMEOUT:-600}
seed=1
summary_sentences=10
dedup_threshold=0.5

quick=0
case "${1:-}" in
  --quick) quick=1 ;;
  "") ;;
  *) echo "usage: $0 [--quick]" >&2; exit 2 ;;
esac
if ((quick)); then
  summarize_sizes=(300)
  dedup_sizes=(1000)
else
  summarize_sizes=(300 1000)
  dedup_sizes=(10000 30000)
fi
# PEER_SUMMARIZE_SIZES / PEER_DEDUP_SIZES (space-separated document counts)
# pick other sizes, e.g. just the two the claims name: "300" and "10000".
if [[ -n "${PEER_SUMMARIZE_SIZES:-}" ]]; then read -r -a summarize_sizes <<<"$PEER_SUMMARIZE_SIZES"; fi
if [[ -n "${PEER_DEDUP_SIZES:-}" ]]; then read -r -a dedup_sizes <<<"$PEER_DEDUP_SIZES"; fi

# Keep the work tree clean: common.py is imported by the peer scripts.
export PYTHONDONTWRITEBYTECODE=1

work=$(mktemp -d "$tmp/brief-peers.XXXXXX")
if [[ "${KEEP_WORK:-0}" != 1 ]]; then
  trap 'rm -rf "$work"' EXIT
fi
results=$work/results.jsonl
: >"$results"
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# --- builds --------------------------------------------------------------
cd "$root"
log "building make_corpus (release)"
cargo build --release --quiet --example make_corpus
make_corpus=$root/target/release/examples/make_corpus
brief=$root/target/release/brief
log "building brief (release)"
# A broken engine build must not stop the peers from being measured: the
# brief rows then fail on their own.
if ! cargo build --release --quiet --bin brief; then
  log "cargo build --release failed; brief rows will fail"
  brief=/nonexistent/brief
fi

# --- peers' virtualenv ---------------------------------------------------
if [[ ! -x "$venv/bin/python" ]]; then
  log "creating virtualenv $venv"
  python3 -m venv "$venv"
fi
log "installing peers (pip)"
"$venv/bin/pip" install --quiet --disable-pip-version-check sumy lexrank datasketch nltk
python=$venv/bin/python

# --- corpora -------------------------------------------------------------
mapfile -t sizes < <(printf '%s\n' "${summarize_sizes[@]}" "${dedup_sizes[@]}" | sort -nu)
for n in "${sizes[@]}"; do
  log "generating corpus of $n documents"
  "$make_corpus" --docs "$n" --seed "$seed" --out "$work/c$n" --sentence-truth "$work/c$n.truth.jsonl" \
    >"$work/c$n.json"
  cat "$work/c$n.json" >&2
done

# --- measurement ---------------------------------------------------------
# measure TASK TOOL DOCS -- COMMAND...: run COMMAND with stdout to a file,
# record wall time, peak RSS and status; never fails the script. With
# QUALITY set ("brief" or "groups FILE"), the near-duplicate groups are
# scored against the generator's truth (dedup_quality.py) after the run.
measure() {
  local task=$1 tool=$2 n=$3
  shift 4
  local tag=$work/$task-$tool-$n rc=0
  log "$task: $tool on $n documents"
  /usr/bin/time -v -o "$tag.time" timeout --kill-after=10 "$limit" "$@" \
    >"$tag.out" 2>"$tag.err" || rc=$?
  if ((rc != 0)); then
    log "  exit $rc; stderr tail:"
    tail -n 3 "$tag.err" | sed 's/^/    /' >&2
  fi
  if [[ -n "${QUALITY:-}" ]] && ((rc == 0)); then
    local kind file
    read -r kind file <<<"$QUALITY"
    python3 "$here/dedup_quality.py" "$work/c$n.truth.jsonl" "$kind" "${file:-$tag.out}" \
      >"$tag.quality" || log "  scoring against the truth failed"
  fi
  python3 "$here/report.py" record "$results" "$task" "$tool" "$work/c$n.json" \
    "$tag.time" "$rc" "$tag.out" "$tag.quality"
}

for n in "${summarize_sizes[@]}"; do
  dir=$work/c$n
  measure summarize brief "$n" -- "$brief" summarize "$dir" --sentences "$summary_sentences" --format json
  measure summarize sumy-lexrank "$n" -- "$python" "$here/sumy_lexrank.py" "$dir" "$summary_sentences"
  measure summarize lexrank "$n" -- "$python" "$here/lexrank_pkg.py" "$dir" "$summary_sentences"
done
for n in "${dedup_sizes[@]}"; do
  dir=$work/c$n
  QUALITY=brief measure dedup brief "$n" -- "$brief" dedup "$dir" --format json
  QUALITY="groups $work/groups-$n.json" measure dedup datasketch-minhash-lsh "$n" -- \
    "$python" "$here/minhash_dedup.py" "$dir" "$dedup_threshold" "$work/groups-$n.json"
done

echo
echo "machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GB RAM; timeout ${limit}s; seed $seed"
python3 "$here/report.py" table "$results"
if [[ "${KEEP_WORK:-0}" == 1 ]]; then
  echo "outputs kept in $work"
fi
