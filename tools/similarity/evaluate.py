"""Quick comparison of table variants on the STS benchmark and MSRP (train
splits for choosing, dev for reporting), mirroring brief's embedding:
the weighted sum of a sentence's wordpiece rows, common components removed,
unit length, centered on the collection's shrunk mean (CENTER_PRIOR 16).

  python evaluate.py WORK TABLE.bin [TABLE.bin ...]

The lexical cosine comes from `brief pairs --format json` (BRIEF env: the
binary), so combined figures use brief's own TF-IDF. Development use only; the figures in docs/similarity.md
come from study.py, which runs brief itself."""
import csv
import json
import os
import struct
import subprocess
import sys
import tempfile

import numpy as np
from scipy.stats import spearmanr

from minilm import MiniLM

EVAL = os.environ.get("EVAL", "/work/shared/eval")
BRIEF = os.environ.get("BRIEF", "/work/wt/sem/target/release/brief")


def read_table(path):
    with open(path, "rb") as fh:
        data = fh.read()
    assert data[:8] == b"BRIEFSV1"
    dim, n, k = struct.unpack("<III", data[8:20])
    at = 20
    vocab = []
    for _ in range(n):
        l = data[at]
        vocab.append(data[at + 1 : at + 1 + l].decode())
        at += 1 + l
    scales = np.frombuffer(data, "<f4", n, at)
    at += 4 * n
    rows = np.frombuffer(data, np.int8, n * dim, at).reshape(n, dim).astype(np.float32)
    at += n * dim
    comps = np.frombuffer(data, "<f4", k * dim, at).reshape(k, dim)
    return vocab, rows * scales[:, None], comps


def embed(table, comps, ids_list, prior=16.0):
    out = np.zeros((len(ids_list), table.shape[1]), np.float32)
    for i, ids in enumerate(ids_list):
        if ids:
            out[i] = table[ids].sum(0)
    for u in comps:
        out -= np.outer(out @ u, u)
    out /= np.linalg.norm(out, axis=1, keepdims=True) + 1e-12
    n = len(out)
    out -= out.sum(0) / (n + prior)
    out /= np.linalg.norm(out, axis=1, keepdims=True) + 1e-12
    return out


def load(name, split):
    path = {"sts": f"{EVAL}/stsb/{split}.tsv", "msrp": f"{EVAL}/msrp/{split}.tsv"}[name]
    with open(path, encoding="utf-8") as fh:
        rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]
    a = [r[1].replace("<QUOTE>", '"') for r in rows]
    b = [r[2].replace("<QUOTE>", '"') for r in rows]
    return np.array([float(r[0]) for r in rows]), a, b


def lexical(a, b):
    with tempfile.NamedTemporaryFile("w", suffix=".tsv", delete=False) as fh:
        for x, y in zip(a, b):
            fh.write(x.replace("\t", " ") + "\t" + y.replace("\t", " ") + "\n")
    r = subprocess.run([BRIEF, "pairs", "--format", "json", "--similarity", "lexical", fh.name], capture_output=True, check=True)
    os.unlink(fh.name)
    return np.array([p["lexical"] for p in json.loads(r.stdout)["pairs"]])


def best_f1(x, y):
    best = (0, 0, 0)
    for t in np.arange(0.2, 0.95, 0.025):
        pred = x >= t
        tp = (pred & y).sum()
        p = tp / max(pred.sum(), 1)
        r = tp / y.sum()
        f = 2 * p * r / max(p + r, 1e-9)
        if f > best[0]:
            best = (f, t, (pred == y).mean())
    return best


def main():
    m = MiniLM()
    sets = {}
    for name, split in [("sts", "train"), ("sts", "dev"), ("msrp", "train")]:
        g, a, b = load(name, split)
        ids = m.tokenize(a + b)
        ids = [x[1:-1] for x in ids]
        sets[(name, split)] = (g, ids, len(a), lexical(a, b))
    for path in sys.argv[2:]:
        vocab, table, comps = read_table(path)
        cells = []
        for (name, split), (g, ids, n, lex) in sets.items():
            e = embed(table, comps, ids)
            sem = (e[:n] * e[n:]).sum(1)
            for w in (0.0, 0.3, 0.5, 0.7):
                comb = w * lex + (1 - w) * np.maximum(sem, 0)
                if name == "sts":
                    cells.append(f"{name}-{split} w{w}: {spearmanr(comb, g).correlation:.4f}")
                else:
                    f, t, acc = best_f1(comb, g == 1)
                    cells.append(f"{name}-{split} w{w}: F1 {f:.3f}@{t:.2f} acc {acc:.3f}")
        print(os.path.basename(path))
        for c in cells:
            print("   ", c)


if __name__ == "__main__":
    main()
