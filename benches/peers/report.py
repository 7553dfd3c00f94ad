"""Bookkeeping for run.sh (standard library only, runs on the system python3).

  report.py record RESULTS TASK TOOL CORPUS_JSON TIME_FILE RC STDOUT_FILE [QUALITY_FILE]
      append one JSON line to RESULTS: input sizes from make_corpus's JSON
      line, wall time and peak RSS from `/usr/bin/time -v`, status from the
      exit code, the tool's own JSON report (last JSON line of stdout), and
      for dedup the scores against the truth (dedup_quality.py's line)
  report.py table RESULTS
      print the comparison table and the verdict on the two claims
"""

import json
import sys

TIMEOUT_RC = 124  # GNU timeout's exit code when the limit is hit


def parse_time_v(path):
    """(wall s, user + system CPU s, peak RSS KB) from `/usr/bin/time -v`."""
    wall = rss_kb = None
    cpu = 0.0
    try:
        lines = open(path, encoding="utf-8").read().splitlines()
    except OSError:
        return None, None, None
    for line in lines:
        key, _, value = line.strip().rpartition(": ")
        if key.startswith("Elapsed (wall clock) time"):
            seconds = 0.0
            for part in value.split(":"):  # [h:]m:ss.ss
                seconds = seconds * 60 + float(part)
            wall = seconds
        elif key in ("User time (seconds)", "System time (seconds)"):
            cpu += float(value)
        elif key == "Maximum resident set size (kbytes)":
            rss_kb = int(value)
    return wall, cpu, rss_kb


def last_json_line(path):
    try:
        lines = open(path, encoding="utf-8", errors="replace").read().splitlines()
    except OSError:
        return None
    for line in reversed(lines):
        try:
            value = json.loads(line)
        except ValueError:
            continue
        if isinstance(value, dict):
            return value
    return None


def record(results, task, tool, corpus_json, time_file, rc, stdout_file, quality_file=None):
    corpus = json.load(open(corpus_json, encoding="utf-8"))
    wall, cpu, rss_kb = parse_time_v(time_file)
    rc = int(rc)
    status = "ok" if rc == 0 else "timeout" if rc == TIMEOUT_RC else f"failed (exit {rc})"
    own = last_json_line(stdout_file) if tool != "brief" else None
    # brief writes its JSON result to stdout; check it parses at all.
    if tool == "brief" and rc == 0:
        try:
            json.load(open(stdout_file, encoding="utf-8"))
        except (OSError, ValueError):
            status = "failed (output is not JSON)"
    if own and own.get("sentences") not in (None, corpus["sentences"]):
        status = f"ok, but saw {own['sentences']} sentences"
    row = {"task": task, "tool": tool, "documents": corpus["documents"],
           "sentences": corpus["sentences"], "mb": corpus["mb"], "status": status,
           "wall_s": wall, "cpu_s": cpu, "peak_mb": rss_kb / 1024 if rss_kb else None,
           "report": own, "quality": last_json_line(quality_file) if quality_file else None}
    with open(results, "a", encoding="utf-8") as f:
        f.write(json.dumps(row) + "\n")


def table(results):
    rows = [json.loads(line) for line in open(results, encoding="utf-8")]
    brief = {(r["task"], r["documents"]): r for r in rows
             if r["tool"] == "brief" and r["status"] == "ok"}
    # CPU time is shown because a shared machine inflates wall time; the
    # ratio (and the claims) use wall time.
    header = ("task", "tool", "docs", "sentences", "MB", "wall s", "CPU s", "peak MB",
              "vs brief", "precision", "recall", "status")
    lines = [header]
    for r in rows:
        ok = r["status"].startswith("ok")
        wall = "-" if r["wall_s"] is None else f"{r['wall_s']:.2f}"
        if r["status"] == "timeout":
            wall = f">{wall}"
        ref = brief.get((r["task"], r["documents"]))
        if r["tool"] == "brief" or ref is None or r["wall_s"] is None or not (ok or r["status"] == "timeout"):
            ratio = "-" if r["tool"] == "brief" else "n/a"
        else:
            ratio = ("" if ok else ">") + f"{r['wall_s'] / max(ref['wall_s'], 0.01):.0f}x"
        peak = "-" if r["peak_mb"] is None else f"{r['peak_mb']:.0f}"
        cpu = "-" if r["cpu_s"] is None else f"{r['cpu_s']:.2f}"
        quality = r.get("quality") or {}
        precision, recall = (f"{quality[k]:.4f}" if k in quality else "-"
                             for k in ("precision", "recall"))
        lines.append((r["task"], r["tool"], f"{r['documents']:,}", f"{r['sentences']:,}",
                      f"{r['mb']:.2f}", wall, cpu, peak, ratio, precision, recall, r["status"]))
    widths = [max(len(str(line[i])) for line in lines) for i in range(len(header))]
    for line in lines:
        print("  ".join(str(c).ljust(w) for c, w in zip(line, widths)).rstrip())

    print()
    # Precision and recall are over sentence pairs put in one group, against
    # the generator's truth (which sentences restate one fact). A peer's
    # verified pairs alone, before union-find groups them, are scored too.
    for r in rows:
        pairs = (r.get("quality") or {}).get("pairs")
        if pairs:
            print(f"{r['tool']} on {r['documents']:,} docs, verified pairs before union-find: "
                  f"precision {pairs['precision']:.4f}, recall {pairs['recall']:.4f}")
    print()
    claims = [("summarize", "sumy-lexrank", 300, 100), ("dedup", "datasketch-minhash-lsh", 10000, 100)]
    for task, tool, docs, factor in claims:
        peer = next((r for r in rows if (r["task"], r["tool"], r["documents"]) == (task, tool, docs)), None)
        ref = brief.get((task, docs))
        claim = f"claim: brief >= {factor}x faster than {tool} on {docs:,} docs ({task}):"
        if peer is None or ref is None or peer["wall_s"] is None:
            print(claim, "not measured (a row is missing or failed)")
        else:
            ratio = peer["wall_s"] / max(ref["wall_s"], 0.01)
            lower_bound = peer["status"] == "timeout"
            verdict = "PASS" if ratio >= factor else ("UNDECIDED" if lower_bound else "FAIL")
            print(claim, f"{'>' if lower_bound else ''}{ratio:.0f}x -> {verdict}")
            quality, peer_quality = ref.get("quality"), peer.get("quality")
            if task == "dedup" and quality and peer_quality:
                better = all(quality[k] > peer_quality[k] for k in ("precision", "recall"))
                print(f"claim: brief's precision and recall above {tool}'s on {docs:,} docs: "
                      f"precision {quality['precision']:.4f} vs {peer_quality['precision']:.4f}, "
                      f"recall {quality['recall']:.4f} vs {peer_quality['recall']:.4f} -> "
                      f"{'PASS' if better else 'FAIL'}")


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    {"record": record, "table": table}[command](*args)
