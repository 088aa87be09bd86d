#!/usr/bin/env python3
"""Random search over brief's ranking weights, scored by `brief eval --grid` on both dev sets.

Usage: scripts/tune.py N [SEED] [BASE]   (BASE: a weight setting to perturb instead of sampling
from scratch). Prints each setting's scores as it goes, and at the end the Pareto frontier of
(cnndm R1, bbc R1) among settings whose cnndm scores all beat Lead-3.
Needs a release build: cargo build --release.
"""
import random
import subprocess
import sys
import tempfile

LEAD3_CNN = (28.59, 10.61, 25.38)
RANGES = {
    "idf": (0.0, 2.0),
    "position": (0.0, 1.5),
    "position_decay": (1.0, 20.0),
    "keyword": (0.0, 1.5),
    "density": (0.0, 4.0),
    "centrality": (0.0, 3.0),
    "title": (0.0, 2.0),
    "length": (-1.5, 0.5),
    "substance": (0.0, 3.0),
    "paragraph_start": (0.0, 0.6),
    "short": (-1.0, 0.0),
    "dangling": (-0.6, 0.0),
    "quote": (-0.6, 0.0),
}


def sample(rng, base):
    if base is None:
        return {k: round(rng.uniform(lo, hi), 3) for k, (lo, hi) in RANGES.items()}
    out = dict(base)
    for k in rng.sample(sorted(RANGES), 3):
        lo, hi = RANGES[k]
        out[k] = round(min(hi, max(lo, out.get(k, 0.0) + rng.gauss(0, (hi - lo) / 8))), 3)
    return out


def main():
    n = int(sys.argv[1])
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 0)
    base = None
    if len(sys.argv) > 3:
        base = {k: float(v) for k, v in (p.split("=") for p in sys.argv[3].split(","))}
    specs = [",".join(f"{k}={v}" for k, v in sample(rng, base).items()) for _ in range(n)]
    if base is not None:
        specs.insert(0, sys.argv[3])
    with tempfile.NamedTemporaryFile("w", suffix=".grid", delete=False) as f:
        f.write("\n".join(specs) + "\n")
    proc = subprocess.Popen(
        ["target/release/brief", "eval", "--data", "../shared/eval/cnndm_dev.jsonl",
         "--data", "../shared/eval/bbc_dev.jsonl", "--grid", f.name],
        stdout=subprocess.PIPE, text=True)
    rows = []
    for line in proc.stdout:
        print(line, end="", flush=True)
        cnn, bbc, spec = [p.strip() for p in line.split("|")]
        c = [float(x) for x in cnn.split()]
        b = [float(x) for x in bbc.split()]
        rows.append((c, b, spec))
    ok = [r for r in rows if all(x >= y for x, y in zip(r[0], LEAD3_CNN))]
    frontier = [r for r in ok if not any(o[0][0] >= r[0][0] and o[1][0] > r[1][0] for o in ok)]
    print("\nfrontier (cnndm beats Lead-3 on all three):")
    for c, b, spec in sorted(frontier, key=lambda r: -r[0][0]):
        print(f"cnndm {c[0]:.2f}/{c[1]:.2f}/{c[2]:.2f}  bbc {b[0]:.2f}/{b[1]:.2f}/{b[2]:.2f}  {spec}")


if __name__ == "__main__":
    main()
