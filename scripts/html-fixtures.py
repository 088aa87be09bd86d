#!/usr/bin/env python3
"""Counts, over the realistic pages of tests/data/html/pages, what a careful editor would not
accept in their default briefs (issue #25's kinds), with any brief binary, old or new:

    scripts/html-fixtures.py [BIN]          # BIN defaults to target/release/brief

Each page is sent to `BIN summarize --jsonl` as FORMAT_HTML with default options, and its brief
checked against NAME.expect (see tests/html_pages.rs): a brief sentence that lies in no `prose:`
line is "non-prose" (a heading, caption, credit, byline, dateline, label, list item, cell, code
line or fragment), a title other than the `title:` line is "wrong title", and a top-ranked
sentence (the highest score) under 4 words is "short top". `known:` lines count as non-prose
here: the test tolerates them, this count does not. Prints one line per page with a finding,
then the totals.
"""
import json
import subprocess
import sys
from pathlib import Path

PAGES = Path(__file__).resolve().parent.parent / "tests/data/html/pages"


def collapse(text):
    return " ".join(text.split())


def expected(path):
    title, prose = "", []
    for line in path.read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        key, _, value = line.partition(":")
        if key == "title":
            title = collapse(value)
        elif key == "prose":
            prose.append(collapse(value))
    return title, prose


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else "target/release/brief"
    pages = sorted(PAGES.glob("*.html"))
    requests = "".join(
        json.dumps({"document": {"id": p.stem, "content": p.read_text(), "format": "FORMAT_HTML"}})
        + "\n"
        for p in pages
    )
    out = subprocess.run(
        [binary, "summarize", "--jsonl"], input=requests, capture_output=True, text=True, check=True
    ).stdout
    totals = {"non-prose sentences": 0, "pages with non-prose": 0, "wrong titles": 0, "short tops": 0}
    for page, line in zip(pages, out.splitlines()):
        response = json.loads(line)
        title, prose = expected(page.with_suffix(".expect"))
        sentences = response.get("sentences", [])
        findings = []
        bad = [s["text"] for s in sentences if not any(collapse(s["text"]) in p for p in prose)]
        if bad:
            totals["non-prose sentences"] += len(bad)
            totals["pages with non-prose"] += 1
            findings += [f"non-prose: {b[:80]!r}" for b in bad]
        if collapse(response.get("title", "")) != title:
            totals["wrong titles"] += 1
            findings.append(f"title: {response.get('title', '')[:80]!r}")
        if sentences:
            top = max(sentences, key=lambda s: s.get("score", 0.0))
            if len(top["text"].split()) < 4 and not any("\u4e00" <= c <= "\u9fff" or "\u3040" <= c <= "\u30ff" for c in top["text"]):
                totals["short tops"] += 1
                findings.append(f"short top: {top['text']!r}")
        for f in findings:
            print(f"{page.stem}: {f}")
    print(f"{len(pages)} pages: " + ", ".join(f"{k} {v}" for k, v in totals.items()))


if __name__ == "__main__":
    main()
