"""Time the `lexrank` PyPI package: summarize all documents of DIR to N sentences.

Usage: lexrank_pkg.py DIR N

As in the package's README: IDF is fitted on the documents (lists of
sentences) with its bundled English stop words, then the summary is taken
from all sentences at threshold 0.1.
"""

import sys

from lexrank import STOPWORDS, LexRank

from common import Stopwatch, load_corpus, report


def main():
    directory, n = sys.argv[1], int(sys.argv[2])
    corpus = load_corpus(directory)
    sentences = [s for doc in corpus for s in doc]
    with Stopwatch() as clock:
        lxr = LexRank(corpus, stopwords=STOPWORDS["en"])
        summary = lxr.get_summary(sentences, summary_size=n, threshold=.1)
    report(tool="lexrank", documents=len(corpus), sentences=len(sentences),
           summary_sentences=len(summary), algorithm_seconds=clock.seconds)


if __name__ == "__main__":
    main()
