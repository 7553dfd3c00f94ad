#!/usr/bin/env python3
"""Fact-level figures on the DUC 2007 update-task SCU gold (see docs/facts.md).

usage, from the brief checkout with ../shared beside it:
  python3 tools/facts_scu.py target/release/brief ../shared/eval/duc2007_update_scu [--brief-args "--facts none"]

The official scorer (../shared/eval/scu_score.py) scores the sentence clusters of `brief dedup
--format json` (`clusters`): a sentence belongs to one cluster.  A sentence can state several facts,
and brief also lists fact clusters (`fact_clusters`), whose members are fact units: parts of
sentences, or whole sentences.  This script counts a pair of gold sentences as joined by brief when
some unit aligned to one and some unit aligned to the other share

  sentence   a sentence cluster (the scorer's figure, recomputed here as a check),
  fact       a fact cluster (a part or the whole of each sentence states the same fact),
  either     either of the two,

and prints, for each, the scorer's metrics: pairwise precision/recall/F1 over cross-document pairs
of gold sentences (gold positive: the two share an SCU), SCUs fully joined (all aligned members
share one cluster) and SCUs in >= 3 documents with a pair joined.  Alignment of gold sentences to
brief's units is the scorer's own (imported from scu_score.py), so figures are comparable.
Python 3 standard library only; brief is the only program it runs.
"""
import argparse
import json
import os
import shlex
import sys
from collections import defaultdict
from itertools import combinations


def load_scorer(gold_dir):
    """scu_score.py from the eval folder above GOLD_DIR."""
    here = os.path.dirname(os.path.abspath(gold_dir.rstrip("/")))
    sys.path.insert(0, here)
    import scu_score  # noqa: E402
    return scu_score


def score_topic(scorer, bin_, tdir, brief_args):
    with open(os.path.join(tdir, "gold.json"), encoding="utf-8") as fh:
        gold = json.load(fh)
    docs = os.path.join(tdir, "docs")
    seg = scorer.run_json([bin_, "segment", "--format", "json", docs])
    ded = scorer.run_json([bin_, "dedup", "--format", "json", *brief_args, docs])
    units_by_doc = defaultdict(list)
    for u in seg["units"]:
        units_by_doc[u["document"]].append({"uid": (u["document"], u["index"]), "start": u["start"],
                                            "end": u["end"], "key": scorer.key(u["text"])})
    views = {"sentence": defaultdict(set), "fact": defaultdict(set)}
    for c in ded["clusters"]:
        for m in c["members"]:
            views["sentence"][(m["document"], m["sentence"])].add(("s", c["id"]))
    for c in ded.get("fact_clusters", []):
        for m in c["members"]:
            views["fact"][(m["document"], m["sentence"])].add(("f", c["id"]))
    sid, gold_sents, scus_of, scu_members = {}, {}, defaultdict(set), {}
    for g in gold:
        ms = []
        for m in g["members"]:
            k = (m["doc"], m["start"], m["end"]) if m.get("start") is not None else (m["doc"], m["text"])
            if k not in sid:
                sid[k] = len(sid)
                gold_sents[sid[k]] = (m["doc"], m.get("start"), m.get("end"), m["text"])
            scus_of[sid[k]].add(g["scu_id"])
            ms.append(sid[k])
        scu_members[g["scu_id"]] = sorted(set(ms))
    al, _ = scorer.align(gold_sents, units_by_doc, True)
    out = {}
    for view in ("sentence", "fact", "either"):
        def clusters_of(units):
            got = set()
            for u in units:
                if view in ("sentence", "either"):
                    got |= views["sentence"].get(u, set())
                if view in ("fact", "either"):
                    got |= views["fact"].get(u, set())
            return got
        clus = {g: clusters_of(us) for g, us in al.items()}
        r = defaultdict(int)
        for a, b in combinations(sorted(al), 2):
            if gold_sents[a][0] == gold_sents[b][0]:
                continue
            pos = bool(scus_of[a] & scus_of[b])
            pred = bool(clus[a] & clus[b])
            r["pairs"] += 1
            r["gold_pos"] += pos
            r["pred_pos"] += pred
            r["tp"] += pos and pred
        for g in gold:
            ms = [m for m in scu_members[g["scu_id"]] if m in al]
            ndocs = len({gold_sents[m][0] for m in ms})
            if ndocs < 2:
                continue
            r["scus"] += 1
            r["scu_full"] += bool(set.intersection(*(clus[m] for m in ms)))
            if ndocs >= 3:
                r["scus3"] += 1
                r["scu3_pair"] += any(clus[a] & clus[b] for a, b in combinations(ms, 2)
                                      if gold_sents[a][0] != gold_sents[b][0])
        out[view] = r
    out["units"] = len(seg["units"])
    out["fact_units"] = ded["stats"].get("facts", 0)
    out["sentences"] = ded["stats"]["sentences"]
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("brief")
    ap.add_argument("gold_dir")
    ap.add_argument("--brief-args", default="", help="extra arguments for `brief dedup`")
    ap.add_argument("--json", help="write the figures here")
    a = ap.parse_args()
    scorer = load_scorer(a.gold_dir)
    brief_args = shlex.split(a.brief_args)
    topics = sorted(t for t in os.listdir(a.gold_dir) if os.path.isfile(os.path.join(a.gold_dir, t, "gold.json")))
    tot = {v: defaultdict(int) for v in ("sentence", "fact", "either")}
    counts = defaultdict(int)
    for t in topics:
        r = score_topic(scorer, a.brief, os.path.join(a.gold_dir, t), brief_args)
        for v in tot:
            for k, x in r[v].items():
                tot[v][k] += x
        for k in ("units", "fact_units", "sentences"):
            counts[k] += r[k]
    res = {"brief_args": brief_args, "topics": len(topics), **counts}
    print(f"brief dedup {' '.join(brief_args) or '(defaults)'}: {len(topics)} topics, "
          f"{counts['sentences']} sentences, {counts['fact_units']} fact units")
    for v, r in tot.items():
        p, rc, f = scorer.prf(r["tp"], r["pred_pos"], r["gold_pos"])
        res[v] = {"P": round(p, 4), "R": round(rc, 4), "F1": round(f, 4), "tp": r["tp"],
                  "predicted": r["pred_pos"], "gold_positive": r["gold_pos"], "pairs": r["pairs"],
                  "scu_full": r["scu_full"], "scus": r["scus"], "scu3_pair": r["scu3_pair"], "scus3": r["scus3"]}
        print(f"  {v:<8} pairwise P {p:.4f} R {rc:.4f} F1 {f:.4f} (tp {r['tp']}, predicted {r['pred_pos']}, "
              f"gold {r['gold_pos']})   SCUs fully joined {r['scu_full']}/{r['scus']}   "
              f">=3-doc SCUs with a pair {r['scu3_pair']}/{r['scus3']}")
    if a.json:
        with open(a.json, "w") as fh:
            json.dump(res, fh, indent=2)


if __name__ == "__main__":
    main()
