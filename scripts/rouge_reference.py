#!/usr/bin/env python3
"""Builds tests/data/rouge_reference.jsonl, the agreement fixture for src/bin/brief/eval/rouge.rs.

Scores summary/reference pairs with Google's rouge-score, the package the project's ROUGE
figures are quoted in, so the Rust port can be checked pair by pair:

    RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True).score(reference, summary)

Pinned versions used to build the committed fixture (Python 3.11.7):
    rouge-score==0.1.2  nltk==3.10.4  absl-py==2.5.1  numpy==2.4.6  six==1.17.0

Re-run from the repository root:
    python3 -m venv /tmp/rougevenv
    /tmp/rougevenv/bin/pip install rouge-score==0.1.2 nltk==3.10.4
    /tmp/rougevenv/bin/python scripts/rouge_reference.py

Pairs: for each of ../shared/eval/cnndm_dev.jsonl and ../shared/eval/bbc_dev.jsonl, 55 articles
drawn with a fixed seed, each giving a Lead-3 summary and a summary of 3 random sentences
(sentences split with a simple regex, joined by "\n"), plus hand-written edge cases.

It also writes tests/data/porter_reference.tsv (word<TAB>NLTK PorterStemmer().stem(word), a
sample of words chosen to cover the stemmer's rules, kept under 50 KB), and, with --all-words
DIR, DIR/porter_all.tsv with every distinct word of both files (for checking by hand, not
committed).
"""

import argparse
import json
import os
import random
import re
import sys

from nltk.stem import porter
from rouge_score import rouge_scorer

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EVAL_DIR = os.path.join(ROOT, "..", "shared", "eval")
OUT_DIR = os.path.join(ROOT, "tests", "data")
SEED = 20261127
ARTICLES_PER_FILE = 55
PORTER_TSV_LIMIT = 49_000

SENT_SPLIT = re.compile(r"(?<=[.!?])\s+|(?<=[.!?][\"'])\s+")

EDGE_CASES = [
    # (summary, reference)
    ("", "The cat sat on the mat."),
    ("The cat sat on the mat.", ""),
    ("", ""),
    ("... !!! ??? -- ,,, ;;", "The cat sat on the mat."),
    ("The cat sat on the mat.", "--- *** ///\n!!!"),
    (
        "In 2024, 3,000 people paid $1.5m; 2025 saw 4000 more and 1990s prices.",
        "About 3000 people paid 1.5m dollars in 2024.\nIn 2025 there were 4,000 more.",
    ),
    (
        "Café in Zürich: naïve résumé from São Paulo, İstanbul and \u212aelvin.",
        "A cafe in Zurich wrote a naive resume.\nSao Paulo and Istanbul replied.",
    ),
    ("１２３ ｆｕｌｌｗｉｄｔｈ ² ³ ½ x\u00a0y\u2009z", "123 fullwidth x y z"),
    ("the the the the cat cat", "the cat the cat\nthe dog"),
    (
        "runs ran run sing sings eyes ties dies lies cats sky spy fly",
        "run runs ran sung sing eye tie die lie cat skies spies flies",
    ),
    (
        "The dying man was lying about tying the sky to the news.\n"
        "The innings and outings were generously agreed to feed howe.",
        "He died, lied and tied the skies to some news.\n"
        "Inning after inning, outing after outing, they agreed generously and fed Howe.\n"
        "Proceed, exceed, succeed, proceeds, exceeded, succeeding, cannings, canning.",
    ),
    (
        "relational conditional rational valenci hesitanci digitizer conformabli "
        "radicalli differentli vileli analogousli vietnamization predication operator "
        "feudalism decisiveness hopefulness callousness formaliti sensitiviti sensibiliti",
        "relate condition rational valence hesitance digitize conformable radical "
        "different vile analogous vietnamize predicate operate feudal decisive hopeful "
        "callous formal sensitive sensible",
    ),
    (
        "triplicate formative formalize electriciti electrical hopeful goodness revival "
        "allowance inference airliner gyroscopic adjustable defensible irritant "
        "replacement adjustment dependent adoption homologou communism activate "
        "angulariti homologous effective bowdlerize probate rate cease controll roll",
        "triplic form formal electric electric hope good reviv allow infer airlin "
        "gyroscop adjust defens irrit replac adjust depend adopt homolog commun activ "
        "angular homolog effect bowdler probat rate ceas control roll",
    ),
    (
        "caresses ponies ties caress cats feed agreed plastered bled motoring sing "
        "conflated troubled sized hopping tanned falling hissing fizzed failing filing "
        "happy enjoy spied died geology theology archaeology fully",
        "caress poni tie cats fed agree plaster bleed motor sang conflate trouble size "
        "hop tan fall hiss fizz fail file happi enjoy spy die geolog theolog archaeolog full",
    ),
    ("yyyy syzygy toyyying yyyyy says played buying eyeing", "syzygy toy say play buy eye y yy"),
    ("The quick brown fox.\n\n\n   \nJumps over the lazy dog.\n", "The quick brown dog\njumps on the log."),
    ("The quick brown fox.\r\nJumps over the lazy dog.", "The quick brown dog.\r\njumps on the log."),
    ("a b c d e f", "f e d c b a"),
    ("a b c\nd e f\na b c", "a b c\na b c\nd e f d e f"),
    ("news", "news"),
    ("Identical summary here.\nSecond line.", "Identical summary here.\nSecond line."),
    ("Completely different words", "Nothing matches anything"),
    ("don't stop-over U.S. e-mail it's 4th a1b2 co-op", "do not stop over the US email it is fourth co op"),
    ("NEWS News news NeWs", "news NEWS"),
    ("\t\tTabs\tand\x0bvertical\x0cfeeds\u2028and\u2029separators", "tabs and vertical feeds and separators"),
]


def sentences(text):
    """Splits an article into sentences with a simple regex."""
    return [s.strip() for s in SENT_SPLIT.split(text) if s.strip()]


def rows_of(name):
    with open(os.path.join(EVAL_DIR, name), encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def make_pairs(rows, rng):
    pairs = []
    for idx in sorted(rng.sample(range(len(rows)), ARTICLES_PER_FILE)):
        row = rows[idx]
        sents = sentences(row["article"])
        if len(sents) < 4:
            continue
        pairs.append(("\n".join(sents[:3]), row["reference"]))
        pick = sorted(rng.sample(range(len(sents)), 3))
        pairs.append(("\n".join(sents[i] for i in pick), row["reference"]))
    return pairs


def porter_sample(words, stemmer, rng):
    """Picks words covering each (removed suffix, added suffix) shape of the stemmer."""
    stems = {w: stemmer.stem(w) for w in words}
    by_shape = {}
    for w in sorted(words):
        s = stems[w]
        k = 0
        while k < min(len(w), len(s)) and w[k] == s[k]:
            k += 1
        by_shape.setdefault((w[k:], s[k:]), []).append(w)
    chosen = []
    for shape in sorted(by_shape):
        group = by_shape[shape]
        chosen.extend(rng.sample(group, min(3, len(group))))
    rest = sorted(set(words) - set(chosen))
    rng.shuffle(rest)
    chosen.extend(rest)
    out, size = [], 0
    for w in chosen:
        line = f"{w}\t{stems[w]}\n"
        if size + len(line) > PORTER_TSV_LIMIT:
            break
        out.append(line)
        size += len(line)
    return sorted(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--all-words", metavar="DIR", help="also dump every word's stem to DIR")
    args = parser.parse_args()

    rng = random.Random(SEED)
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    cnn, bbc = rows_of("cnndm_dev.jsonl"), rows_of("bbc_dev.jsonl")
    pairs = make_pairs(cnn, rng) + make_pairs(bbc, rng) + EDGE_CASES

    os.makedirs(OUT_DIR, exist_ok=True)
    with open(os.path.join(OUT_DIR, "rouge_reference.jsonl"), "w", encoding="utf-8") as f:
        for summary, reference in pairs:
            s = scorer.score(reference, summary)
            line = {"summary": summary, "reference": reference}
            for key in ("rouge1", "rouge2", "rougeLsum"):
                line[key] = [s[key].precision, s[key].recall, s[key].fmeasure]
            f.write(json.dumps(line, ensure_ascii=False) + "\n")

    stemmer = porter.PorterStemmer()
    words = set()
    for row in cnn + bbc:
        for text in (row["article"], row["reference"], row["title"] or ""):
            words.update(w for w in re.split(r"[^a-z0-9]+", text.lower()) if w)
    for summary, reference in EDGE_CASES:
        words.update(w for w in re.split(r"[^a-z0-9]+", (summary + " " + reference).lower()) if w)
    with open(os.path.join(OUT_DIR, "porter_reference.tsv"), "w", encoding="utf-8") as f:
        f.writelines(porter_sample(sorted(words), stemmer, rng))
    if args.all_words:
        with open(os.path.join(args.all_words, "porter_all.tsv"), "w", encoding="utf-8") as f:
            for w in sorted(words):
                f.write(f"{w}\t{stemmer.stem(w)}\n")
    print(f"{len(pairs)} pairs, {len(words)} distinct words", file=sys.stderr)


if __name__ == "__main__":
    main()
