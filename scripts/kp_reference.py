#!/usr/bin/env python3
"""Builds tests/data/kp_reference.jsonl, the agreement fixture for src/bin/brief/eval/keyphrases.rs.

Scores brief's keyphrases on both keyphrase development sets with ../shared/eval/kp/score.py (the
standard exact-match protocol: lower-case, possessive 's dropped, NLTK Porter stems, duplicates
removed after stemming), document by document, so the Rust port can be checked against it:

    one line per document: {"set", "id", "predictions", "f1_5", "f1_10"}
    and "gold" for the first GOLD_PER_SET documents of each set (the test in CI has only those;
    with ../shared/eval/kp present it checks every document), plus hand-written edge cases
    (set "edge", with their gold).

The predictions are whatever brief listed when the fixture was built: the test checks the
scoring, not brief's output, so the fixture need not change when the keyphrases do.

Pinned version used to build the committed fixture: nltk==3.10.4 (Python 3.11).
Re-run from the repository root after `cargo build --release`:
    pip install nltk==3.10.4
    python3 scripts/kp_reference.py
"""

import importlib.util
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KP_DIR = os.path.join(ROOT, "..", "shared", "eval", "kp")
OUT = os.path.join(ROOT, "tests", "data", "kp_reference.jsonl")
SETS = ["duc2001_dev", "kpcrowd_dev"]
GOLD_PER_SET = 12

EDGE_CASES = [
    # (predictions, gold)
    (["North Korea's", "north korea", "Korea"], [["North Korea"], ["Korea"]]),
    (["Kim Jong-Un", "Kim Jong Un"], [["kim jong un", "Kim Jong-un"]]),
    (["running", "runs", "runner"], [["run"], ["runners"]]),
    ([], [["anything"]]),
    (["something"], []),
    (["--", "...", "a"], [["a"], ["b"]]),
    (["Café owners", "Zürich", "naïve"], [["cafe owners"], ["zürich"], ["naive"]]),
    (["it’s", "Bush's", "Jones'", "the U.S.", "e-mail"], [["it"], ["bush"], ["jones"], ["u s"], ["email"]]),
    (["one", "two", "three", "four", "five", "six"], [["six"], ["five"]]),
    (["a1 b2", "A1_B2", "x__y"], [["a1 b2"], ["x y"]]),
]


def load_score():
    spec = importlib.util.spec_from_file_location("score", os.path.join(KP_DIR, "score.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main():
    score = load_score()
    lines = []
    for name in SETS:
        gold_path = os.path.join(KP_DIR, name + ".jsonl")
        with tempfile.NamedTemporaryFile(suffix=".jsonl") as pred:
            subprocess.run(
                [os.path.join(ROOT, "target", "release", "brief"), "eval", "--keywords",
                 "--data", gold_path, "--predictions", pred.name],
                check=True, stdout=sys.stderr,
            )
            predictions = {}
            for line in open(pred.name, encoding="utf-8"):
                row = json.loads(line)
                predictions[row["id"]] = row["keyphrases"]
        sums = [0.0, 0.0]
        n = 0
        for line in open(gold_path, encoding="utf-8"):
            if not line.strip():
                continue
            row = json.loads(line)
            pred = predictions.get(row["id"], [])
            out = {
                "set": name,
                "id": row["id"],
                "predictions": pred,
                "f1_5": score.score(pred, row["keyphrases"], 5),
                "f1_10": score.score(pred, row["keyphrases"], 10),
            }
            sums[0] += out["f1_5"]
            sums[1] += out["f1_10"]
            if n < GOLD_PER_SET:
                out["gold"] = row["keyphrases"]
            n += 1
            lines.append(out)
        print(f"{name}: {n} documents, F1@5 {100 * sums[0] / n:.2f} F1@10 {100 * sums[1] / n:.2f}",
              file=sys.stderr)
    for i, (pred, gold) in enumerate(EDGE_CASES):
        lines.append({
            "set": "edge",
            "id": str(i),
            "predictions": pred,
            "f1_5": score.score(pred, gold, 5),
            "f1_10": score.score(pred, gold, 10),
            "gold": gold,
        })
    with open(OUT, "w", encoding="utf-8") as f:
        for out in lines:
            f.write(json.dumps(out, ensure_ascii=False) + "\n")
    print(f"wrote {len(lines)} lines to {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
