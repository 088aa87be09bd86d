#!/usr/bin/env python3
"""Builds tests/data/ml_rouge_reference.jsonl, the agreement fixture for the multilingual ROUGE of
src/bin/brief/eval/multilingual.rs, and tests/data/snowball_reference.tsv, for its stemmers.

Scores summary/reference pairs as ../shared/eval/ml_rouge.py does (the XL-Sum authors'
multilingual tokenizer, copied below from that script, on top of Google's rouge-score 0.1.2):

    RougeScorer(["rouge1", "rouge2", "rougeLsum"], tokenizer=Tokenizer(lang)).score(reference, summary)

Pinned versions used to build the committed fixture (Python 3.11.7, unicodedata 14.0.0):
    rouge-score==0.1.2  nltk==3.10.4  absl-py==2.5.1  numpy==2.4.6  six==1.17.0

Re-run from the repository root (the brief predictions come from `brief eval --predictions`):
    python3 -m venv /tmp/mlvenv
    /tmp/mlvenv/bin/pip install rouge-score==0.1.2 nltk==3.10.4
    cargo run --release -- eval --data ../shared/eval/ml/fr_dev.jsonl --predictions /tmp/fr_pred.jsonl
    cargo run --release -- eval --data ../shared/eval/ml/zh_dev.jsonl --predictions /tmp/zh_pred.jsonl
    /tmp/mlvenv/bin/python scripts/ml_rouge_reference.py --brief /tmp/fr_pred.jsonl /tmp/zh_pred.jsonl

Pairs: for each of ../shared/eval/ml/fr_dev.jsonl and ../shared/eval/ml/zh_dev.jsonl, 30 articles
drawn with a fixed seed, each giving a Lead-3 summary and a summary of 3 random sentences
(sentences split with a simple regex: after . ! ? and a space, or after 。！？), and brief's
summary when --brief gives the predictions; plus hand-written cases in other languages.

With --full DIR it also writes DIR/ml_rouge_full.jsonl: every article of both files with brief's
summary (needs --brief) and its regex Lead-3, in the fixture's format, for checking the whole
sets by hand:
    BRIEF_ML_ROUGE_FIXTURE=DIR/ml_rouge_full.jsonl cargo test multilingual_rouge -- --nocapture

snowball_reference.tsv: lang<TAB>word<TAB>NLTK SnowballStemmer(lang).stem(word), for the words
longer than 3 characters of the chosen articles and the hand-written cases (French and the other
languages of the cases, and an Arabic text that is only stemmed); with --full, DIR/snowball_all.tsv holds every French word of fr_dev.
"""

import argparse
import json
import os
import random
import re
import sys
import unicodedata

from nltk.stem.snowball import SnowballStemmer
from rouge_score import rouge_scorer

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EVAL_DIR = os.path.join(ROOT, "..", "shared", "eval", "ml")
OUT_DIR = os.path.join(ROOT, "tests", "data")
SEED = 20261205
ARTICLES_PER_FILE = 30
METRICS = ("rouge1", "rouge2", "rougeLsum")

# --- copied from ml_rouge.py -------------------------------------------------------------------
SNOWBALL = {"fr": "french", "de": "german", "es": "spanish", "ru": "russian", "pt": "portuguese",
            "it": "italian", "nl": "dutch", "ar": "arabic", "en": "english", "sv": "swedish",
            "da": "danish", "no": "norwegian", "fi": "finnish", "hu": "hungarian", "ro": "romanian"}


def is_separator(ch):
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    cat = unicodedata.category(ch)
    return cat.startswith("P") or (cat.startswith("C") and ch not in "\t\n\r")


def is_cjk(cp):
    return (0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x2A6DF or
            0x2A700 <= cp <= 0x2B73F or 0x2B740 <= cp <= 0x2B81F or 0x2B820 <= cp <= 0x2CEAF or
            0xF900 <= cp <= 0xFAFF or 0x2F800 <= cp <= 0x2FA1F)


class Tokenizer:
    def __init__(self, lang):
        name = SNOWBALL.get(lang)
        self.stem = SnowballStemmer(name).stem if name else None

    def tokenize(self, text):
        out = []
        for ch in text.lower():
            if is_separator(ch):
                out.append(" ")
            elif is_cjk(ord(ch)):
                out.append(f" {ch} ")
            else:
                out.append(ch)
        toks = "".join(out).split()
        if self.stem:
            toks = [self.stem(t) if len(t) > 3 else t for t in toks]
        return [t for t in toks if t]
# --- end of the copy ---------------------------------------------------------------------------

SENT_SPLIT = re.compile(r"(?<=[.!?])\s+|(?<=[.!?][\"'»”])\s+|(?<=[。！？])")

EDGE_CASES = [
    # (lang, summary, reference)
    ("fr", "", "Le chat dort sur le tapis."),
    ("fr", "Le chat dort sur le tapis.", ""),
    ("fr", "« … » — ¿¡ !!! ???", "Le chat dort sur le tapis."),
    ("fr", "L'Élysée a déclaré : « réserver naturellement l'ensemble des déclarations ».",
     "L’Élysée déclare réserver l’ensemble de ses déclarations à la justice."),
    ("fr", "Les présidentielles de 2022 : 8h30, 12,5 %, 3 000 €, n°1, 1er, 2e.",
     "La présidentielle 2022 à 8h30 : 12,5% et 3000€ pour le n° 1."),
    ("fr", "chanteuses chantaient chantons chanté rapidement nationalisation",
     "chanteuse chanter chant rapide national nationaux"),
    ("de", "Die Bundesregierung beschloss gestern weitreichende Änderungen.",
     "Bundesregierung beschließt weitreichende Änderung; Straße, Grüße, Häuser."),
    ("es", "El Gobierno aprobó ayer las nuevas medidas económicas.",
     "Gobierno aprueba nuevas medidas económicas: ¡más impuestos!"),
    ("it", "Il governo ha approvato le nuove misure economiche.",
     "Governo approva nuove misure economiche, più tasse."),
    ("pt", "O governo aprovou ontem as novas medidas econômicas.",
     "Governo aprova novas medidas econômicas; mais impostos."),
    ("nl", "De regering keurde gisteren de nieuwe maatregelen goed.",
     "Regering keurt nieuwe maatregelen goed."),
    ("ru", "Правительство вчера одобрило новые экономические меры.",
     "Правительство одобряет новые экономические меры — больше налогов."),
    ("sv", "Regeringen godkände i går de nya ekonomiska åtgärderna.",
     "Regeringen godkänner nya ekonomiska åtgärder."),
    ("fi", "Hallitus hyväksyi eilen uudet talouspoliittiset toimenpiteet.",
     "Hallitus hyväksyy uudet toimenpiteet."),
    ("tr", "Hükümet dün yeni ekonomik önlemleri onayladı.",
     "Hükümet yeni ekonomik önlemleri onaylıyor; İstanbul, ıhlamur."),
    ("ja", "政府は昨日、新しい経済対策を承認した。カタカナとひらがな。",
     "政府が新しい経済対策を承認。カタカナ"),
    ("zh", "雅虎发布2014年第四季度财报，营收12.5亿美元（同比增长2%）。",
     "雅虎2014年第四季度营收12.5亿美元"),
    ("zh", "繁體中文：臺灣總統選舉結果揭曉！\n𠀀𪜀𫝀𫠠 兀 丽",
     "台湾总统选举结果揭晓\n𠀀𪜀 兀"),
    ("zh", "ＡＢＣ１２３全角字符、“引号”《书名》【括号】……——",
     "abc123 全角 字符 引号 书名 括号"),
    ("xx", "a\u0007b\u200bc\td\re\u00a0f\u2028g\u2029h\u0085i\ufeffj\ue000k",
     "a b c d e f g h i j k"),
    ("xx", "x×y ½ e\u0301 ﬁ Σίσυφος ΟΔΟΣ İstanbul ß", "x y e ﬁ σίσυφος οδος i̇stanbul ss"),
    ("fr", "Première phrase.\n\n\n   \nDeuxième phrase.\n", "Première phrase\ndeuxième."),
    ("fr", "a b c d e f", "f e d c b a"),
    ("fr", "a b c\nd e f\na b c", "a b c\na b c\nd e f d e f"),
]

# Stemmed only (snowball_reference.tsv), not scored: NLTK's ArabicStemmer is a port of its own
# that stems some words unlike Snowball's Arabic (rust-stemmers); the Rust test lists those.
STEM_ONLY = [
    ("ar", "وافقت الحكومة أمس على الإجراءات الاقتصادية الجديدة. الحكومة توافق على إجراءات "
           "اقتصادية جديدة، ضرائب أكثر. قال الرئيس إن المفاوضات مع الشركات والمستثمرين "
           "ستستمر في العاصمة خلال الأسبوع المقبل، وأكد الوزراء أنهم سيعملون بسرعة."),
]


def sentences(text):
    """Splits an article into sentences with a simple regex."""
    return [s.strip() for s in SENT_SPLIT.split(text) if s.strip()]


def rows_of(name):
    with open(os.path.join(EVAL_DIR, name), encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def predictions(paths):
    out = {}
    for path in paths or []:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    row = json.loads(line)
                    out[row["id"]] = row["summary"]
    return out


def make_pairs(rows, rng, brief):
    pairs = []
    for idx in sorted(rng.sample(range(len(rows)), ARTICLES_PER_FILE)):
        row = rows[idx]
        lang, ref = row["lang"], row["reference"]
        sents = sentences(row["article"])
        pairs.append((lang, "\n".join(sents[:3]), ref))
        if len(sents) >= 4:
            pick = sorted(rng.sample(range(len(sents)), 3))
            pairs.append((lang, "\n".join(sents[i] for i in pick), ref))
        if row["id"] in brief:
            pairs.append((lang, brief[row["id"]], ref))
    return pairs


def write_pairs(path, pairs):
    scorers = {}
    with open(path, "w", encoding="utf-8") as f:
        for lang, summary, reference in pairs:
            if lang not in scorers:
                scorers[lang] = rouge_scorer.RougeScorer(list(METRICS), tokenizer=Tokenizer(lang))
            s = scorers[lang].score(reference, summary)
            line = {"lang": lang, "summary": summary, "reference": reference}
            for key in METRICS:
                line[key] = [s[key].precision, s[key].recall, s[key].fmeasure]
            f.write(json.dumps(line, ensure_ascii=False) + "\n")


def stem_lines(lang, texts):
    """lang<TAB>word<TAB>stem for each distinct word longer than 3 characters."""
    words = set()
    plain = Tokenizer("zh")  # same splitting, no stemming
    for text in texts:
        words.update(w for w in plain.tokenize(text) if len(w) > 3)
    stem = SnowballStemmer(SNOWBALL[lang]).stem
    return [f"{lang}\t{w}\t{stem(w)}\n" for w in sorted(words)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--brief", nargs="*", help="brief eval --predictions files")
    parser.add_argument("--full", metavar="DIR", help="also score every article of both files")
    args = parser.parse_args()

    rng = random.Random(SEED)
    brief = predictions(args.brief)
    fr, zh = rows_of("fr_dev.jsonl"), rows_of("zh_dev.jsonl")
    pairs = make_pairs(fr, rng, brief) + make_pairs(zh, rng, brief) + EDGE_CASES
    os.makedirs(OUT_DIR, exist_ok=True)
    write_pairs(os.path.join(OUT_DIR, "ml_rouge_reference.jsonl"), pairs)

    stems = []
    for lang in sorted({p[0] for p in pairs + STEM_ONLY if p[0] in SNOWBALL}):
        stems += stem_lines(lang, [t for p in pairs + STEM_ONLY if p[0] == lang for t in p[1:]])
    with open(os.path.join(OUT_DIR, "snowball_reference.tsv"), "w", encoding="utf-8") as f:
        f.writelines(stems)

    if args.full:
        full = [(r["lang"], brief.get(r["id"], ""), r["reference"]) for r in fr + zh]
        full += [(r["lang"], "\n".join(sentences(r["article"])[:3]), r["reference"]) for r in fr + zh]
        write_pairs(os.path.join(args.full, "ml_rouge_full.jsonl"), full)
        texts = [t for r in fr for t in (r["article"], r["reference"], r["title"] or "")]
        with open(os.path.join(args.full, "snowball_all.tsv"), "w", encoding="utf-8") as f:
            f.writelines(stem_lines("fr", texts))
    print(f"{len(pairs)} pairs, {len(stems)} stems", file=sys.stderr)


if __name__ == "__main__":
    main()
