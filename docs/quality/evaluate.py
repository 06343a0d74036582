"""Regenerate the evaluation banks and line them up with the stored ratings.

    .venv/bin/python docs/quality/evaluate.py          # ratings.csv against today's output
    .venv/bin/python docs/quality/evaluate.py --sheet  # sheet.csv: every question, rated or not
    .venv/bin/python docs/quality/evaluate.py --speed  # words/second and start-up time
    .venv/bin/python docs/quality/evaluate.py --sheet --only heldout2  # one held-out set

A rating is keyed by article, question id and a hash of the question as shown (prompt, choices,
answer): when a later change alters a question, its old rating no longer applies and the
question shows up as unrated in the sheet.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

ARTICLES = ROOT / "tests" / "data" / "articles"
HERE = Path(__file__).resolve().parent
RATINGS = HERE / "ratings.csv"
FIELDS = [
    "article",
    "id",
    "hash",
    "type",
    "prompt",
    "answer",
    "options",
    "source",
    "usable",
    "answerable",
    "correct_options",
    "note",
]


def question_hash(q) -> str:
    from quiz.bank.dump import question_to_dict

    shown = question_to_dict(q)
    for key in ("id", "fact", "explanation", "tags", "difficulty", "source"):
        shown.pop(key, None)
    return hashlib.sha1(json.dumps(shown, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[
        :10
    ]


def article_paths(only: str = "") -> list[Path]:
    """Every evaluation article (held-out sets in subfolders too), optionally only those whose
    path inside tests/data/articles contains ``only``."""
    paths = sorted(ARTICLES.rglob("*.txt"), key=lambda p: (len(p.relative_to(ARTICLES).parts), p))
    return [p for p in paths if only in str(p.relative_to(ARTICLES))]


def generate_all(only: str = "") -> dict[str, list]:
    from quiz.generate.pipeline import default_title, generate, slugify

    out = {}
    for path in article_paths(only):
        text = path.read_text(encoding="utf-8")
        bank = generate(
            text,
            bank_id=slugify(path.stem),
            title=default_title(text, path.stem),
            source_file=path.name,
        ).bank
        out[path.stem] = list(bank.questions)
    return out


def options_of(q) -> str:
    if hasattr(q, "choices"):
        return " | ".join(q.choices)
    if hasattr(q, "pairs"):
        return " | ".join(f"{p.left} -> {p.right}" for p in q.pairs)
    if hasattr(q, "items"):
        return " | ".join(q.items)
    if hasattr(q, "blanks"):
        return " | ".join("/".join(b) for b in q.blanks)
    if hasattr(q, "answers") and not hasattr(q, "choices"):
        return " | ".join(q.answers)
    return ""


def load_ratings() -> dict[tuple[str, str, str], dict[str, str]]:
    if not RATINGS.exists():
        return {}
    with RATINGS.open(encoding="utf-8", newline="") as handle:
        return {(r["article"], r["id"], r["hash"]): r for r in csv.DictReader(handle)}


def sheet(banks: dict[str, list]) -> list[dict[str, str]]:
    ratings = load_ratings()
    rows = []
    for article, questions in banks.items():
        for q in questions:
            key = (article, q.id, question_hash(q))
            old = ratings.get(key, {})
            rows.append(
                {
                    "article": article,
                    "id": q.id,
                    "hash": key[2],
                    "type": q.type,
                    "prompt": q.prompt,
                    "answer": q.answer_text(),
                    "options": options_of(q),
                    "source": q.source,
                    "usable": old.get("usable", ""),
                    "answerable": old.get("answerable", ""),
                    "correct_options": old.get("correct_options", ""),
                    "note": old.get("note", ""),
                }
            )
    return rows


def summary(rows: list[dict[str, str]]) -> dict[str, object]:
    rated = [r for r in rows if r["usable"]]
    n = len(rated)
    by_type: dict[str, list[int]] = {}
    for r in rated:
        by_type.setdefault(r["type"], [0, 0])
        by_type[r["type"]][0] += r["usable"] == "usable"
        by_type[r["type"]][1] += 1
    return {
        "questions": len(rows),
        "rated": n,
        "unrated": len(rows) - n,
        "usable_unchanged": sum(r["usable"] == "usable" for r in rated),
        "needs_edit": sum(r["usable"] == "edit" for r in rated),
        "reject": sum(r["usable"] == "reject" for r in rated),
        "answerable": sum(r["answerable"] == "yes" for r in rated),
        "two_correct": sum(r["correct_options"] == "several" for r in rated),
        "usable_by_type": {t: f"{u}/{m}" for t, (u, m) in sorted(by_type.items())},
        "articles": len({r["article"] for r in rows}),
        "per_article": {
            a: f"{sum(r['article'] == a for r in rows)} questions, "
            f"{len({r['type'] for r in rows if r['article'] == a})} types"
            for a in dict.fromkeys(r["article"] for r in rows)
        },
    }


def speed() -> dict[str, float]:
    from quiz.generate.nlp import load_model
    from quiz.generate.pipeline import generate

    texts = [p.read_text(encoding="utf-8") for p in article_paths()]
    corpus = "\n".join(texts)
    words = len(corpus.split())
    copies = -(-20_000 // words)
    big = "\n".join([corpus] * copies)
    t0 = time.perf_counter()
    nlp = load_model()
    load = time.perf_counter() - t0
    t0 = time.perf_counter()
    generate(big, bank_id="speed", title="speed", nlp=nlp, max_questions=25)
    elapsed = time.perf_counter() - t0
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "quiz", "--help"], cwd=ROOT, capture_output=True, check=True
    )
    help_time = time.perf_counter() - t0
    small = ARTICLES / "wikinews-east-timor-pm-resigns.txt"
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "quiz", "generate", str(small), "-o", "-"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    )
    one = time.perf_counter() - t0
    total_words = len(big.split())
    return {
        "words": total_words,
        "seconds": round(elapsed, 2),
        "words_per_second": round(total_words / elapsed),
        "model_load_seconds": round(load, 2),
        "quiz_help_seconds": round(help_time, 2),
        "generate_one_short_article_seconds": round(one, 2),
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sheet", action="store_true")
    parser.add_argument("--speed", action="store_true")
    parser.add_argument("--only", default="", help="only articles whose path contains this")
    args = parser.parse_args()
    if args.speed:
        print(json.dumps(speed(), indent=2))
        return 0
    rows = sheet(generate_all(args.only))
    if args.sheet:
        with (HERE / "sheet.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, FIELDS)
            writer.writeheader()
            writer.writerows(rows)
        print(f"wrote {HERE / 'sheet.csv'}: {len(rows)} questions")
    print(json.dumps(summary(rows), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
