"""Time sumy's LexRankSummarizer: summarize all documents of DIR to N sentences.

Usage: sumy_lexrank.py DIR N

Sentences come pre-split (common.py) and are wrapped in sumy's document
model directly, because sumy's default Tokenizer needs NLTK's punkt data.
Words use a regex tokenizer; stemming (Snowball, no data needed) and
sumy's English stop words are on, as in sumy's README example.
"""

import sys

from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
from sumy.nlp.stemmers import Stemmer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.utils import get_stop_words

from common import Stopwatch, load_corpus, report, words


class RegexWordTokenizer:
    """The one method sumy's Sentence needs from a tokenizer."""

    @staticmethod
    def to_words(sentence):
        return words(sentence)


def main():
    directory, n = sys.argv[1], int(sys.argv[2])
    corpus = load_corpus(directory)
    tokenizer = RegexWordTokenizer()
    document = ObjectDocumentModel([
        Paragraph([Sentence(s, tokenizer) for s in doc]) for doc in corpus
    ])
    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    with Stopwatch() as clock:
        summary = summarizer(document, n)
    report(tool="sumy-lexrank", documents=len(corpus),
           sentences=sum(map(len, corpus)), summary_sentences=len(summary),
           algorithm_seconds=clock.seconds)


if __name__ == "__main__":
    main()
