#!/usr/bin/env python3
"""The similarity study of docs/similarity.md: runs `brief pairs` on the
development pairs and `brief dedup` on the DUC 2007 update fact clusters.

usage, from the checkout (with ../shared beside it, or /work/shared):
  python3 tools/similarity/study.py [--bin target/release/brief] [--eval ../shared/eval]
         [--what sts,msrp,scu] [--brief-args "..."]

  sts   Spearman and Pearson of lexical, semantic and combined similarity
        against the STS benchmark's human scores (train and dev)
  msrp  precision, recall, F1 and accuracy of `similarity >= t` against the
        MSRP paraphrase labels (train), for each measure and a range of t,
        and the best-F1 threshold
  scu   scu_score.py's pairwise figures of `brief dedup` for each measure
        at a range of thresholds

Python 3 standard library only; brief is the only program it runs."""
import argparse
import csv
import json
import os
import shlex
import subprocess
import sys
import tempfile


def ranks(xs):
    order = sorted(range(len(xs)), key=lambda i: xs[i])
    r = [0.0] * len(xs)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and xs[order[j + 1]] == xs[order[i]]:
            j += 1
        for k in range(i, j + 1):
            r[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return r


def pearson(x, y):
    n = len(x)
    mx, my = sum(x) / n, sum(y) / n
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    return sxy / (sxx * syy) ** 0.5


def spearman(x, y):
    return pearson(ranks(x), ranks(y))


def read_tsv(path, label_col, s1, s2):
    with open(path, encoding="utf-8") as fh:
        rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]
    return [(float(r[label_col]), r[s1], r[s2]) for r in rows if len(r) > max(s1, s2)]


def brief_pairs(bin_, pairs, extra=()):
    with tempfile.NamedTemporaryFile("w", suffix=".tsv", delete=False, encoding="utf-8") as fh:
        for _, a, b in pairs:
            fh.write(a.replace("\t", " ") + "\t" + b.replace("\t", " ") + "\n")
        path = fh.name
    try:
        r = subprocess.run([bin_, "pairs", "--format", "json", *extra, path], capture_output=True)
        if r.returncode != 0:
            sys.exit(f"brief pairs failed: {r.stderr.decode(errors='replace')}")
        return json.loads(r.stdout)["pairs"]
    finally:
        os.unlink(path)


MEASURES = ("lexical", "semantic", "combined")


def sts(bin_, evaldir):
    print("STS benchmark: Spearman (Pearson) of each similarity with the human scores")
    print(f"{'split':<8}{'pairs':>7}" + "".join(f"{m:>20}" for m in MEASURES))
    for split in ("train", "dev"):
        data = read_tsv(os.path.join(evaldir, "stsb", f"{split}.tsv"), 0, 1, 2)
        scores = brief_pairs(bin_, data)
        gold = [g for g, _, _ in data]
        cells = []
        for m in MEASURES:
            xs = [s[m] for s in scores]
            cells.append(f"{spearman(xs, gold):.4f} ({pearson(xs, gold):.4f})")
        print(f"{split:<8}{len(data):>7}" + "".join(f"{c:>20}" for c in cells))


def msrp(bin_, evaldir):
    data = [(g, a.replace("<QUOTE>", '"'), b.replace("<QUOTE>", '"'))
            for g, a, b in read_tsv(os.path.join(evaldir, "msrp", "train.tsv"), 0, 1, 2)]
    scores = brief_pairs(bin_, data)
    gold = [g == 1.0 for g, _, _ in data]
    positives = sum(gold)
    print(f"MSRP train: {len(data)} pairs, {positives} paraphrases; P/R/F1/accuracy of similarity >= t")
    for m in MEASURES:
        xs = [s[m] for s in scores]
        best = None
        print(f"  {m}")
        for step in range(4, 19):
            t = step * 0.05
            tp = sum(1 for x, g in zip(xs, gold) if x >= t and g)
            fp = sum(1 for x, g in zip(xs, gold) if x >= t and not g)
            tn = sum(1 for x, g in zip(xs, gold) if x < t and not g)
            p = tp / max(tp + fp, 1)
            r = tp / positives
            f = 2 * p * r / max(p + r, 1e-12)
            acc = (tp + tn) / len(xs)
            print(f"    t {t:.2f}  P {p:.3f}  R {r:.3f}  F1 {f:.3f}  acc {acc:.3f}")
            if best is None or f > best[1]:
                best = (t, f, acc)
        print(f"    best F1 {best[1]:.3f} at t {best[0]:.2f} (accuracy {best[2]:.3f})")


def scu(bin_, evaldir, extra):
    scorer = os.path.join(evaldir, "scu_score.py")
    gold = os.path.join(evaldir, "duc2007_update_scu")
    grid = {"lexical": [0.3, 0.35, 0.4, 0.5], "semantic": [0.5, 0.6, 0.7], "combined": [0.4, 0.45, 0.5, 0.55, 0.6]}
    print("DUC 2007 update SCUs: pairwise P/R/F1 of brief dedup (cross-document gold sentence pairs)")
    for m in MEASURES:
        for t in grid[m]:
            args = f"--similarity {m} --threshold {t} {extra}".strip()
            r = subprocess.run([sys.executable, scorer, bin_, gold, "--brief-args", args], capture_output=True, text=True)
            if r.returncode != 0:
                sys.exit(r.stderr)
            lines = [l.strip() for l in r.stdout.splitlines()]
            pw = next(l for l in lines if l.startswith("pairwise micro"))
            pr = next(l for l in lines if l.startswith("pairwise (cross-doc"))
            full = next(l for l in lines if l.startswith("SCUs fully joined"))
            print(f"  {m:<9} t {t:.2f}  {pw}  [{pr.split(':', 1)[1].strip()}]  {full}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default="target/release/brief")
    ap.add_argument("--eval", default=None)
    ap.add_argument("--what", default="sts,msrp,scu")
    ap.add_argument("--brief-args", default="")
    args = ap.parse_args()
    evaldir = args.eval
    if evaldir is None:
        for cand in ("../shared/eval", "/work/shared/eval"):
            if os.path.isdir(cand):
                evaldir = cand
                break
        else:
            sys.exit("evaluation data not found: pass --eval DIR")
    what = args.what.split(",")
    if "sts" in what:
        sts(args.bin, evaldir)
    if "msrp" in what:
        msrp(args.bin, evaldir)
    if "scu" in what:
        scu(args.bin, evaldir, args.brief_args)


if __name__ == "__main__":
    main()
