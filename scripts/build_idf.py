#!/usr/bin/env python3
"""Builds data/idf_en.tsv, the background inverse-document-frequency table that ships inside brief.

Source: the English "large" word-frequency list of the `wordfreq` package (PyPI; data CC-BY-SA 4.0,
by Robyn Speer and contributors, aggregated from Wikipedia, subtitles, news, books, web text and
more). A word's frequency in that general-language mix stands in for its document frequency: the
rarer a word is in general, the more it says about the article that uses it.

For the WORDS most frequent words: case-fold, stem with the Snowball English stemmer (the same
algorithm brief uses, via rust-stemmers), add up the frequencies of the words that share a stem,
and store idf = ln(1 / frequency), scaled to 0..255 between the most frequent stem (0) and the
rarest listed frequency (255). A stem that is not in the table is rarer than every listed one and
gets the maximum.

Re-run (from the repository root):
    python3 -m venv /tmp/idfvenv && /tmp/idfvenv/bin/pip install wordfreq==3.1.1 snowballstemmer==3.1.1
    /tmp/idfvenv/bin/python scripts/build_idf.py > data/idf_en.tsv
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
    for word in wordfreq.top_n_list("en", WORDS, wordlist="large"):
        word = word.replace("\u2019", "'")
        if not re.fullmatch(r"[^\W_]+(?:'[^\W\d_]+)*", word) or word.isdigit() or len(word) < 2:
            continue
        stem = stemmer.stemWord(word)
        freq[stem] = freq.get(stem, 0.0) + wordfreq.word_frequency(word, "en", wordlist="large")
    top = max(freq.values())
    floor = min(freq.values())
    lo, hi = math.log(1 / top), math.log(1 / floor)
    out = sys.stdout
    out.write(f"# idf of English stems, 0..255; built by scripts/build_idf.py from wordfreq 3.1.1 (data CC-BY-SA 4.0)\n")
    for stem in sorted(freq):
        idf = (math.log(1 / freq[stem]) - lo) / (hi - lo)
        out.write(f"{stem}\t{round(255 * idf)}\n")


if __name__ == "__main__":
    main()
