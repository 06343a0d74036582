"""Build the keep model's training table from the blind ratings of rounds 8-14.

Reads each rated bank (the questions the rater saw) with its article, computes the features of
quiz.generate.keep_features for every rated question, and writes features.csv: article,
question id, round, label, then one column per feature. The articles themselves are not in the
repository (their copyright is their publishers'); the table of numbers is.

    python docs/quality/v2/keep-model/extract.py RATING_DIR \
        docs/quality/v2/keep-model/features.csv
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from quiz.bank.loader import load_bank
from quiz.generate.keep_features import NAMES, bank_features

ROUNDS = {  # ratings file -> (round, folder of the banks rated)
    "setA/ratings-1.csv": ("8", "setA"),
    "setA/ratings-2.csv": ("8", "setA"),
    "setA-tuned/ratings-3.csv": ("9", "setA-tuned"),
    "setB/ratings-4.csv": ("10", "setB"),
    "setB/ratings-5.csv": ("10", "setB"),
    "setC/ratings-6.csv": ("11", "setC"),
    "setC/ratings-7.csv": ("11", "setC"),
    "setC-base/ratings-8.csv": ("11-baseline", "setC-base"),
    "setD/ratings-9.csv": ("12", "setD"),
    "setD-base/ratings-10.csv": ("12-baseline", "setD-base"),
    "setE/ratings-11.csv": ("13", "setE"),
    "setE-base/ratings-12.csv": ("13-baseline", "setE-base"),
    "setF/ratings-14.csv": ("14", "setF"),
    "setG/ratings-15.csv": ("15", "setG"),
    "setG-base/ratings-16.csv": ("15-baseline", "setG-base"),
    "setH/ratings-17.csv": ("16", "setH"),
    "setH-base/ratings-18.csv": ("16-baseline", "setH-base"),
    "setI-top-rater/ratings-19.csv": ("17", "setI-top"),
    "setJ-rater/ratings-20.csv": ("18", "setJ"),
    "setJ-base-rater/ratings-21.csv": ("18-baseline", "setJ-base"),
}


def main(root: Path, out: Path) -> None:
    rows: list[list[str]] = []
    for ratings, (round_, folder) in ROUNDS.items():
        labels: dict[tuple[str, str], str] = {}
        with open(root / ratings, newline="") as f:
            for r in csv.DictReader(f):
                labels[(r["article"], r["question_id"])] = r["label"]
        for article in sorted({a for a, _ in labels}):
            bank = load_bank(next((root / folder / article / "generated").glob("*.yaml")))
            shown = bank.questions  # the rater saw the questions, not the held-back drafts
            rated = [q for q in shown if (article, q.id) in labels]
            vectors = bank_features(shown, bank.source.text, bank.title)
            for q, v in zip(shown, vectors, strict=True):
                if q in rated:
                    label = labels[(article, q.id)]
                    rows.append([article, q.id, round_, label, *(f"{x:.4f}" for x in v)])
    with open(out, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["article", "question_id", "round", "label", *NAMES])
        w.writerows(rows)
    print(f"{len(rows)} rated questions -> {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
