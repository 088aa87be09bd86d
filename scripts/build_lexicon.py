#!/usr/bin/env python3
"""Builds crates/brief-core/data/lexicon_en.tsv, the English lexicon with background inverse document frequencies that
ships inside brief.

Source: the English "large" word-frequency list of the `wordfreq` package (PyPI; data CC-BY-SA 4.0,
by Robyn Speer and contributors, aggregated from Wikipedia, subtitles, news, books, web text and
more). A word's frequency in that general-language mix stands in for its document frequency: the
rarer a word is in general, the more it says about the article that uses it.

For the WORDS most frequent words: case-fold, stem with the Snowball English stemmer (the same
algorithm brief uses, via rust-stemmers), add up the frequencies of the words that share a stem,
and compute idf = ln(1 / frequency), scaled to 0..255 between the most frequent stem (0) and the
rarest listed frequency (255). Each listed word form is written with its stem's idf, most frequent
first: brief stems the listed forms once at start-up (so the stems are exactly its own), and a
word that is not listed is stemmed when met; a stem that is not in the table is rarer than every
listed one and gets the maximum.

Re-run (from the repository root):
    python3 -m venv /tmp/idfvenv && /tmp/idfvenv/bin/pip install wordfreq==3.1.1 snowballstemmer==3.1.1
    /tmp/idfvenv/bin/python scripts/build_lexicon.py > crates/brief-core/data/lexicon_en.tsv
"""
import math
import re
import sys

import snowballstemmer
import wordfreq

WORDS = 60000

def main():
    stemmer = snowballstemmer.stemmer("english")
    freq = {}
    forms = []
    for word in wordfreq.top_n_list("en", WORDS, wordlist="large"):
        word = word.replace("\u2019", "'")
        if not re.fullmatch(r"[^\W_]+(?:'[^\W\d_]+)*", word) or word.isdigit():
            continue
        stem = stemmer.stemWord(word)
        forms.append((word, stem))
        freq[stem] = freq.get(stem, 0.0) + wordfreq.word_frequency(word, "en", wordlist="large")
    top = max(freq.values())
    floor = min(freq.values())
    lo, hi = math.log(1 / top), math.log(1 / floor)
    out = sys.stdout
    out.write("# English word forms, most frequent first, with the idf of their stem (0..255); built by\n")
    out.write("# scripts/build_lexicon.py from the wordfreq 3.1.1 English list (data CC-BY-SA 4.0)\n")
    seen = set()
    for word, stem in forms:
        if word in seen:
            continue
        seen.add(word)
        idf = (math.log(1 / freq[stem]) - lo) / (hi - lo)
        out.write(f"{word}\t{round(255 * idf)}\n")


if __name__ == "__main__":
    main()
