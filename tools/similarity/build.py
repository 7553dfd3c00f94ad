"""Builds brief's static semantic table from the outputs of distill_jobs.py.

  python build.py WORK OUT.bin [--source trained|token_mean|token_self|input]
                  [--dim 128] [--sif 1e-3] [--components 1] [--lam 1.0]

Steps (each measured in docs/similarity.md):
  1. per-wordpiece vectors: the transformer's output for "[CLS] piece [SEP]"
     (token_mean: mean over the three positions, as the model pools;
     token_self: the piece's own position) or its input embedding (input);
  2. PCA to --dim dimensions;
  3. SIF weights a / (a + p(piece)) (Arora et al. 2017), p from the
     wordpiece frequencies of the training sentences;
  4. (trained) the table refined so that the weighted mean of a training
     sentence's rows reproduces the transformer's sentence vector (PCA'd
     the same way): ridge regression towards the distilled rows, solved by
     conjugate gradients;
  5. common components: the top --components principal directions of the
     training sentences' table vectors, removed at run time;
  6. int8 rows with one f32 scale each.
"""
import argparse
import glob
import json
import os
import struct

import numpy as np
import scipy.sparse as sp
from scipy.sparse.linalg import cg

from minilm import MiniLM


def load_targets(work):
    files = sorted(glob.glob(os.path.join(work, "target_*.npy")))
    shards = [int(os.path.basename(f)[7:11]) for f in files]
    with open(os.path.join(work, "sentences.json"), encoding="utf-8") as fh:
        sentences = json.load(fh)
    texts, vectors = [], []
    for shard, f in zip(shards, files):
        texts += sentences[shard * 1000 : (shard + 1) * 1000]
        vectors.append(np.load(f).astype(np.float32))
    return texts, (np.concatenate(vectors) if vectors else np.zeros((0, 384), np.float32))


def bag(tokenized, vocab_size, weights):
    """Sparse (sentences x vocabulary) matrix of weighted, mean-pooled counts."""
    rows, cols, vals = [], [], []
    for r, ids in enumerate(tokenized):
        ids = ids[1:-1]  # [CLS] and [SEP]: constant, not in the table
        if not ids:
            continue
        for t in ids:
            rows.append(r)
            cols.append(t)
            vals.append(weights[t] / len(ids))
    return sp.csr_matrix((vals, (rows, cols)), shape=(len(tokenized), vocab_size))


def pca(x, dim, weights=None):
    mean = np.average(x, axis=0, weights=weights)
    c = x - mean
    if weights is not None:
        c = c * np.sqrt(weights / weights.sum())[:, None]
    _, _, vt = np.linalg.svd(c, full_matrices=False)
    return mean, vt[:dim]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("work")
    ap.add_argument("out")
    ap.add_argument("--source", default="trained")
    ap.add_argument("--dim", type=int, default=128)
    ap.add_argument("--sif", type=float, default=1e-3)
    ap.add_argument("--components", type=int, default=1)
    ap.add_argument("--lam", type=float, default=1.0)
    ap.add_argument("--train-limit", type=int, default=0)
    args = ap.parse_args()

    m = MiniLM()
    vocab = m.vocab
    n = len(vocab)
    texts, targets = load_targets(args.work)
    if args.train_limit:
        texts, targets = texts[: args.train_limit], targets[: args.train_limit]
    tokenized = m.tokenize(texts)
    print(len(texts), "training sentences")

    counts = np.zeros(n)
    for ids in tokenized:
        np.add.at(counts, ids[1:-1], 1)
    p = (counts + 0.5) / (counts.sum() + 0.5 * n)
    weights = args.sif / (args.sif + p) if args.sif > 0 else np.ones(n)

    if args.source == "input":
        base = m.w["embeddings.word_embeddings.weight"].astype(np.float32)
    else:
        src = "token_self" if args.source == "token_self" else "token_mean"
        base = np.load(os.path.join(args.work, src + ".npy"))
    mean, axes = pca(base, args.dim)
    table = (base - mean) @ axes.T

    if args.source == "trained" and len(texts):
        # Targets in the same PCA space as the table: project the
        # transformer's sentence vectors on axes fitted to them.
        t_mean, t_axes = pca(targets, args.dim)
        y = (targets - t_mean) @ t_axes.T
        # Start from the distilled rows mapped into the target space by
        # least squares, then refine every row.
        x = bag(tokenized, n, weights)
        init = x @ table
        a, *_ = np.linalg.lstsq(init, y, rcond=None)
        table = table @ a
        gram = (x.T @ x).tocsr()
        rhs = x.T @ y + args.lam * table
        system = gram + args.lam * sp.identity(n, format="csr")
        refined = np.zeros_like(table)
        for d in range(args.dim):
            refined[:, d], _ = cg(system, rhs[:, d], x0=table[:, d], maxiter=300)
        table = refined.astype(np.float32)

    rows = table * weights[:, None]
    # Common components of the training sentences' vectors.
    components = np.zeros((0, args.dim), np.float32)
    if args.components and len(texts):
        sv = bag(tokenized, n, np.ones(n)) @ rows
        sv /= np.linalg.norm(sv, axis=1, keepdims=True) + 1e-9
        _, _, vt = np.linalg.svd(sv, full_matrices=False)
        components = vt[: args.components].astype(np.float32)

    write(args.out, vocab, rows.astype(np.float32), components)


def write(path, vocab, rows, components):
    dim = rows.shape[1]
    scale = np.abs(rows).max(1) / 127.0
    scale[scale == 0] = 1.0
    q = np.round(rows / scale[:, None]).astype(np.int8)
    with open(path, "wb") as fh:
        fh.write(b"BRIEFSV1")
        fh.write(struct.pack("<III", dim, len(vocab), len(components)))
        for tok in vocab:
            b = tok.encode("utf-8")
            fh.write(struct.pack("<B", len(b)) + b)
        fh.write(scale.astype("<f4").tobytes())
        fh.write(q.tobytes())
        fh.write(components.astype("<f4").tobytes())
    print(path, os.path.getsize(path), "bytes")


if __name__ == "__main__":
    main()
