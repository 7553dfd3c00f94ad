"""Shared input handling for the peer timing scripts.

Every peer sees exactly the same sentences: documents are the `*.txt` files
of a corpus directory written by `examples/make_corpus.rs`, the
` date YYYY-MM-DD ` header some documents start with is stripped, and text
is split with the same rule as `split_sentences` in
`benches/support/corpus.rs` (terminal `.`/`!`/`?`, optionally followed by a
closing quote, before whitespace, except after known abbreviations). That
rule is exact on generated text, so no peer needs NLTK's punkt data, which
cannot be downloaded here.
"""

import json
import re
import sys
import time
from pathlib import Path

DATE_HEADER = re.compile(r"^\s*date \d{4}-\d{2}-\d{2}\s+")
# Candidate boundary: terminal punctuation, optional closing quote, whitespace.
BOUNDARY = re.compile(r"[.!?]\u201d?(?=\s)")
ABBREVIATIONS = frozenset(
    "Mr. Mrs. Dr. U.S. U.N. Jan. Feb. Aug. Sept. Oct. Nov. Dec. St.".split()
)
WORD = re.compile(r"\w+")


def split_sentences(text):
    sentences, start = [], 0
    for m in BOUNDARY.finditer(text):
        word = text[:m.start() + 1].rsplit(None, 1)[-1].lstrip("\u201c")
        if word in ABBREVIATIONS:
            continue
        sentence = text[start:m.end()].strip()
        if sentence:
            sentences.append(sentence)
        start = m.end()
    if text[start:].strip():
        sentences.append(text[start:].strip())
    return sentences


def document_paths(directory):
    """The corpus's `*.txt` files in file-name order (the generator's order)."""
    paths = sorted(Path(directory).glob("*.txt"))
    if not paths:
        sys.exit(f"no *.txt documents in {directory}")
    return paths


def load_corpus(directory):
    """Returns one list of sentences per document, in file-name order."""
    return [split_sentences(DATE_HEADER.sub("", p.read_text(encoding="utf-8")))
            for p in document_paths(directory)]


def words(sentence):
    """Lower-cased word tokens (Unicode \\w runs)."""
    return WORD.findall(sentence.lower())


class Stopwatch:
    """Seconds spent in the algorithm proper, excluding imports and I/O."""

    def __enter__(self):
        self.start = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.seconds = round(time.perf_counter() - self.start, 3)


def report(**fields):
    """The one JSON line the runner reads back to sanity-check the job."""
    print(json.dumps(fields), flush=True)
