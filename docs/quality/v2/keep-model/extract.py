"""Build the keep model's training table from the blind ratings of rounds 8-34.

Reads each rated bank (the questions the rater saw) with its article, computes the features of
quiz.generate.keep_features for every rated question, and writes features.csv: article,
question id, round, label, then one column per feature. The articles themselves are not in the
repository (their copyright is their publishers'); the table of numbers is.

    python docs/quality/v2/keep-model/extract.py RATING_DIR \
        docs/quality/v2/keep-model/features.csv [PAGE_FOLDER ...]

(PAGE_FOLDER: where the saved pages of rounds 19-29 are, e.g. /work/fresh-articles-l.)
"""

from __future__ import annotations

import csv
import re
import shutil
import sys
import tempfile
from pathlib import Path

from quiz.bank.errors import BankError
from quiz.bank.loader import load_bank
from quiz.bank.model import Bank
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
    # rounds 19-24: each rater's folder holds the banks it saw as ARTICLE/bank.yaml
    "setK-rater/ratings-22.csv": ("19", "setK-rater"),
    "setK-base-rater/ratings-23.csv": ("19-baseline", "setK-base-rater"),
    "setL-rater24/ratings-24.csv": ("20", "setL-rater24"),
    "setL-rater25/ratings-25.csv": ("20", "setL-rater25"),
    "setL-base-rater26/ratings-26.csv": ("20-baseline", "setL-base-rater26"),
    "setL-base-rater27/ratings-27.csv": ("20-baseline", "setL-base-rater27"),
    "setL-tuned-rater28/ratings-28.csv": ("20-tuned", "setL-tuned-rater28"),
    "setL-tuned-rater29/ratings-29.csv": ("20-tuned", "setL-tuned-rater29"),
    "setM-rater30/ratings-30.csv": ("21", "setM-rater30"),
    "setM-rater31/ratings-31.csv": ("21", "setM-rater31"),
    "setM-base-rater32/ratings-32.csv": ("21-baseline", "setM-base-rater32"),
    "setM-base-rater33/ratings-33.csv": ("21-baseline", "setM-base-rater33"),
    "setN-rater34/ratings-34.csv": ("22", "setN-rater34"),
    "setN-rater35/ratings-35.csv": ("22", "setN-rater35"),
    "setN-base-rater36/ratings-36.csv": ("22-baseline", "setN-base-rater36"),
    "setN-base-rater37/ratings-37.csv": ("22-baseline", "setN-base-rater37"),
    "setO-rater38/ratings-38.csv": ("23", "setO-rater38"),
    "setO-rater39/ratings-39.csv": ("23", "setO-rater39"),
    "setO-base-rater40/ratings-40.csv": ("23-baseline", "setO-base-rater40"),
    "setO-base-rater41/ratings-41.csv": ("23-baseline", "setO-base-rater41"),
    "setO-tuned-rater46/ratings-46.csv": ("23-tuned", "setO-tuned-rater46"),
    "setO-tuned-rater47/ratings-47.csv": ("23-tuned", "setO-tuned-rater47"),
    "setP-rater42/ratings-42.csv": ("24", "setP-rater42"),
    "setP-rater43/ratings-43.csv": ("24", "setP-rater43"),
    "setP-base-rater44/ratings-44.csv": ("24-baseline", "setP-base-rater44"),
    "setP-base-rater45/ratings-45.csv": ("24-baseline", "setP-base-rater45"),
    # rounds 25-29 (sessions 9 and 10)
    "setQ-rater48/ratings-48.csv": ("25", "setQ-rater48"),
    "setQ-rater49/ratings-49.csv": ("25", "setQ-rater49"),
    "setQ-base-rater50/ratings-50.csv": ("25-baseline", "setQ-base-rater50"),
    "setQ-base-rater51/ratings-51.csv": ("25-baseline", "setQ-base-rater51"),
    "setR-rater52/ratings-52.csv": ("26", "setR-rater52"),
    "setR-rater53/ratings-53.csv": ("26", "setR-rater53"),
    "setR-base-rater54/ratings-54.csv": ("26-baseline", "setR-base-rater54"),
    "setR-base-rater55/ratings-55.csv": ("26-baseline", "setR-base-rater55"),
    "setS-rater56/ratings-56.csv": ("27", "setS-rater56"),
    "setS-rater57/ratings-57.csv": ("27", "setS-rater57"),
    "setS-base-rater58/ratings-58.csv": ("27-baseline", "setS-base-rater58"),
    "setS-base-rater59/ratings-59.csv": ("27-baseline", "setS-base-rater59"),
    "setT-rater60/ratings-60.csv": ("28", "setT-rater60"),
    "setT-rater61/ratings-61.csv": ("28", "setT-rater61"),
    "setT-base-rater62/ratings-62.csv": ("28-baseline", "setT-base-rater62"),
    "setT-base-rater63/ratings-63.csv": ("28-baseline", "setT-base-rater63"),
    "setU-rater64/ratings-64.csv": ("29", "setU-rater64"),
    "setU-rater65/ratings-65.csv": ("29", "setU-rater65"),
    "setU-base-rater66/ratings-66.csv": ("29-baseline", "setU-base-rater66"),
    "setU-base-rater67/ratings-67.csv": ("29-baseline", "setU-base-rater67"),
    # rounds 30-31 (session 10; set V's final code by raters 72-73 on the one article it changed)
    "setV-rater68/ratings-68.csv": ("30", "setV-rater68"),
    "setV-rater69/ratings-69.csv": ("30", "setV-rater69"),
    "setV-base-rater70/ratings-70.csv": ("30-baseline", "setV-base-rater70"),
    "setV-base-rater71/ratings-71.csv": ("30-baseline", "setV-base-rater71"),
    "setV-final-rater72/ratings-72.csv": ("30-final", "setV-final-rater72"),
    "setV-final-rater73/ratings-73.csv": ("30-final", "setV-final-rater73"),
    "setW-rater74/ratings-74.csv": ("31", "setW-rater74"),
    "setW-rater75/ratings-75.csv": ("31", "setW-rater75"),
    "setW-base-rater76/ratings-76.csv": ("31-baseline", "setW-base-rater76"),
    "setW-base-rater77/ratings-77.csv": ("31-baseline", "setW-base-rater77"),
    # rounds 32-34 (session 11; sets X, X tuned, Y and Z, each arm by its own two raters)
    "setX-base-rater78/ratings-78.csv": ("32-baseline", "setX-base-rater78"),
    "setX-base-rater79/ratings-79.csv": ("32-baseline", "setX-base-rater79"),
    "setX-rater80/ratings-80.csv": ("32", "setX-rater80"),
    "setX-rater81/ratings-81.csv": ("32", "setX-rater81"),
    "setX-tuned-rater82/ratings-82.csv": ("32-tuned", "setX-tuned-rater82"),
    "setX-tuned-rater83/ratings-83.csv": ("32-tuned", "setX-tuned-rater83"),
    "setY-base-rater84/ratings-84.csv": ("33-baseline", "setY-base-rater84"),
    "setY-base-rater85/ratings-85.csv": ("33-baseline", "setY-base-rater85"),
    "setY-rater86/ratings-86.csv": ("33", "setY-rater86"),
    "setY-rater87/ratings-87.csv": ("33", "setY-rater87"),
    "setZ-base-rater88/ratings-88.csv": ("34-baseline", "setZ-base-rater88"),
    "setZ-base-rater89/ratings-89.csv": ("34-baseline", "setZ-base-rater89"),
    "setZ-rater90/ratings-90.csv": ("34", "setZ-rater90"),
    "setZ-rater91/ratings-91.csv": ("34", "setZ-rater91"),
}


#: Folders that hold the saved pages the later rounds' banks were made from (the rater saw the
#: reader copy, article.txt; the bank quotes the page's text): from the command line.
PAGES: list[Path] = []


def _rated_bank(folder: Path) -> Bank:
    """The bank a rater saw: ``generated/*.yaml`` beside its article (rounds 8-18), or a rater's
    ``bank.yaml`` beside ``article.txt`` (rounds 19-24), which the bank names by its first file
    name: loaded from a scratch folder that holds the article under that name."""
    if not (folder / "bank.yaml").exists():
        return load_bank(next((folder / "generated").glob("*.yaml")))
    text = (folder / "bank.yaml").read_text(encoding="utf-8")
    named = re.search(r"^\s+file:\s*'?([^'\n]+?)'?\s*$", text, re.M)
    with tempfile.TemporaryDirectory() as scratch:
        (Path(scratch) / "bank.yaml").write_text(text, encoding="utf-8")
        if named:
            name = named.group(1)
            # the article as generated beside the arm's bank (setT/ARTICLE/generated/NAME for
            # setT-rater60): the page's extracted text, which a reader copy may not match
            arm = re.sub(r"-rater\d*$", "", folder.parent.name)
            made = folder.parent.parent / arm / folder.name / "generated" / name
            found = [made] if made.exists() else []
            found += [d / name for d in PAGES if (d / name).exists()]
            shutil.copy(found[0] if found else folder / "article.txt", Path(scratch) / name)
        return load_bank(Path(scratch) / "bank.yaml")


def main(root: Path, out: Path) -> None:
    rows: list[list[str]] = []
    for ratings, (round_, folder) in ROUNDS.items():
        labels: dict[tuple[str, str], str] = {}
        with open(root / ratings, newline="") as f:
            for r in csv.DictReader(f):
                labels[(r["article"], r["question_id"])] = r["label"]
        for article in sorted({a for a, _ in labels}):
            try:
                bank = _rated_bank(root / folder / article)
            except BankError as error:  # an article no longer where its bank was made
                print(f"skipped {folder}/{article}: {str(error).splitlines()[0]}")
                continue
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
    PAGES.extend(Path(p) for p in sys.argv[3:])
    main(Path(sys.argv[1]), Path(sys.argv[2]))
