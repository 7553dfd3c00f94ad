#!/usr/bin/env python3
"""Does "both sentences state numbers and share none" mark different facts?

A cheap proxy for matching numbers to their slots, measured on the DUC 2007
same-fact pairs (docs/similarity.md, "Alignment measures, a study"):

  BRIEF_SCU_DUMP=/tmp/scu_pairs.tsv cargo run --release --example scu_pairs
  python3 tools/similarity/number_overlap.py --pairs /tmp/scu_pairs.tsv --eval ../shared/eval

Prints how many pairs state numbers on both sides, how many of those share
none and how many of those are same-fact pairs; then the precision at
recall 0.10 / 0.15 / 0.20 of brief's combined cosine with a penalty for
such pairs. Python 3 standard library only.
"""
import argparse
import os
import re

NUMBER = re.compile(r"\d[\d,.]*")


def numbers(text):
    return {n.rstrip(".,").replace(",", "") for n in NUMBER.findall(text)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pairs", required=True, help="the scu_pairs dump")
    ap.add_argument("--eval", required=True, help="the eval folder (holds duc2007_update_scu/)")
    args = ap.parse_args()
    rows = []
    for line in open(args.pairs, encoding="utf-8"):
        topic, a, b, same, lexical, semantic = line.rstrip("\n").split("\t")
        topic = os.path.join(args.eval, "duc2007_update_scu", os.path.basename(topic))

        def text(ref):
            doc, start, end = ref.rsplit(":", 2)
            raw = open(os.path.join(topic, "docs", doc + ".txt"), "rb").read()
            return raw[int(start):int(end)].decode("utf-8", "replace")

        na, nb = numbers(text(a)), numbers(text(b))
        rows.append((int(same), 0.5 * float(lexical) + 0.5 * float(semantic), bool(na and nb), bool(na & nb)))
    positives = sum(r[0] for r in rows)
    both = [r for r in rows if r[2]]
    apart = [r for r in both if not r[3]]
    print(f"{len(rows)} pairs, {positives} same-fact ({positives / len(rows):.0%})")
    print(f"numbers on both sides: {len(both)} pairs, {sum(r[0] for r in both)} same-fact")
    print(f"  of which sharing none: {len(apart)} pairs, {sum(r[0] for r in apart)} same-fact "
          f"({sum(r[0] for r in apart) / max(1, len(apart)):.0%})")

    def precision_at(scores, recall):
        order = sorted(range(len(rows)), key=lambda i: -scores[i])
        hits = 0
        for k, i in enumerate(order, 1):
            hits += rows[i][0]
            if hits >= recall * positives:
                return hits / k
        return 0.0

    for penalty in (0.0, 0.05, 0.1, 0.2, 1.0):
        scores = [r[1] - penalty * (r[2] and not r[3]) for r in rows]
        figures = " / ".join(f"{precision_at(scores, rc):.3f}" for rc in (0.10, 0.15, 0.20))
        print(f"combined - {penalty} x (numbers, none shared): P at R 0.10 / 0.15 / 0.20 = {figures}")


if __name__ == "__main__":
    main()
