"""Done when: a teacher collects five learners' results files, one question of which is rigged
so that only the two weakest learners answer it right, runs ``quiz report`` (the real command,
in a subprocess), and sees a negative discrimination figure and that question flagged, in the
text, the JSON, the CSV and the HTML alike.

The expected figure is not taken from :mod:`quiz.report`: :func:`oracle` recomputes it from the
files with the standard library (first answers, share right on the other questions,
``statistics.correlation``)."""

from __future__ import annotations

import csv
import json
import os
import re
import statistics
import subprocess
import sys
from pathlib import Path

import pytest

from tests.report.class_results import BANK, DISTRACTOR, LOW, RIGGED, STRONG, WEAK, write_class

REASON = "the key may be wrong, or a distractor attracts strong students"


@pytest.fixture(scope="module")
def class_files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    files = write_class(tmp_path_factory.mktemp("class"))
    return list(files.values())


def quiz(*args: str | Path, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QUIZ_DATA_DIR": str(data_dir / "env-data")}  # --data-dir wins
    return subprocess.run(
        [sys.executable, "-m", "quiz", *map(str, args), "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


def report(
    files: list[Path], tmp_path: Path, *more: str | Path
) -> subprocess.CompletedProcess[str]:
    results = [arg for path in files for arg in ("--results", path)]
    result = quiz("report", BANK, *results, *more, data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    return result


def oracle(files: list[Path], question_id: str) -> float:
    """The corrected item-total correlation of ``question_id``, two decimals, from scratch."""
    first: dict[str, dict[str, tuple[str, int]]] = {}
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            mine = first.setdefault(r["learner_id"], {})
            seen = mine.get(r["question_id"])
            if seen is None or r["answered_at"] < seen[0]:
                mine[r["question_id"]] = (r["answered_at"], int(r["outcome"] != "wrong"))
    item, rest = [], []
    for answers in first.values():
        scores = {qid: right for qid, (_, right) in answers.items()}
        item.append(scores[question_id])
        rest.append((sum(scores.values()) - scores[question_id]) / (len(scores) - 1))
    return round(statistics.correlation(item, rest), 2)


def test_the_rigged_question_is_rigged(class_files: list[Path]) -> None:
    right = {}
    for path in class_files:
        lines = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]
        rigged = [x for x in lines if x["question_id"] == RIGGED]
        assert len(rigged) == 1
        right[path.stem] = rigged[0]["outcome"] == "right"
        if path.stem in STRONG:
            assert rigged[0]["given"] == DISTRACTOR
    assert sorted(name for name, ok in right.items() if ok) == sorted(WEAK)
    assert oracle(class_files, RIGGED) < 0


def test_text_shows_the_negative_figure_and_flags_the_question(
    class_files: list[Path], tmp_path: Path
) -> None:
    out = report(class_files, tmp_path).stdout
    figure = f"{oracle(class_files, RIGGED):.2f}"
    lines = out.splitlines()
    assert lines[1].startswith("5 learners, ")
    assert "discr: point-biserial discrimination" in out  # which index, said
    assert lines[4] == f"to check: {RIGGED} ({figure}), {LOW} ({oracle(class_files, LOW):.2f})"
    row = next(n for n, line in enumerate(lines) if line.endswith(f"{RIGGED} · multiple choice"))
    assert re.fullmatch(
        rf"\s+40%\s+5\s+\S+\s+{re.escape(figure)}\s+{RIGGED} · multiple choice", lines[row]
    )
    details = lines[row + 1 : row + 4]
    assert details[1].strip().startswith(f"wrong options picked: {DISTRACTOR} (3)")
    assert details[2].strip() == (
        f"check: negative discrimination {figure}, upper/lower 27% -1.00: {REASON}; "
        f"the upper group chose “{DISTRACTOR}” most"
    )
    low = next(line for line in lines if line.strip().startswith("check: low discrimination"))
    assert low.endswith("does not separate strong from weak learners")
    # the per-student table: every learner by the name of their file, lowest score first
    table = lines[lines.index("learners (lowest score first)") + 2 :]
    assert [line.split()[2] for line in table] == ["dev", "eli", "chloe", "ben", "ana"]
    ana = table[-1].split(maxsplit=3)
    assert ana[:3] == ["81%", "16", "ana"]  # 13 of 16
    assert RIGGED in ana[3]
    assert not (tmp_path / "quiz.db").exists()  # a report never creates a database


def test_json_carries_the_same(class_files: list[Path], tmp_path: Path) -> None:
    data = json.loads(report(class_files, tmp_path, "--json").stdout)
    assert data["format"] == "quiz-report/1"
    assert data["discrimination"]["method"] == "point-biserial"
    assert data["discrimination"]["min_learners"] == 5
    assert data["discrimination"]["flagged"] == [RIGGED, LOW]
    rigged = next(q for q in data["questions"] if q["id"] == RIGGED)
    assert rigged["percent_right"] == 40.0 and rigged["facility"] == 0.4
    assert rigged["discrimination"] == {
        "method": "point-biserial",
        "point_biserial": oracle(class_files, RIGGED),
        "upper_lower": -1.0,
        "learners": 5,
        "status": "negative",
        "flagged": True,
        "reason": f"{REASON}; the upper group chose “{DISTRACTOR}” most",
        "upper_group_choice": DISTRACTOR,
    }
    assert rigged["wrong_options"][0] == {"text": DISTRACTOR, "count": 3, "in_bank": True}
    students = {s["name"]: s for s in data["students"]}
    assert sorted(students) == ["ana", "ben", "chloe", "dev", "eli"]
    assert RIGGED in students["ana"]["missed"] and RIGGED not in students["eli"]["missed"]
    assert students["eli"]["attempts"] == 19  # 16 and three retries


def test_csv_carries_the_same(class_files: list[Path], tmp_path: Path) -> None:
    out = tmp_path / "report.csv"
    result = report(class_files, tmp_path, "--format", "csv", "-o", out)
    assert result.stdout == ""
    assert result.stderr == f"wrote the report (csv) to {out}\n"
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    blank = rows.index([])
    questions = [dict(zip(rows[0], row, strict=True)) for row in rows[1:blank]]
    assert len(questions) == 70
    rigged = next(q for q in questions if q["question"] == RIGGED)
    assert rigged["discrimination_point_biserial"] == f"{oracle(class_files, RIGGED):.2f}"
    assert float(rigged["discrimination_point_biserial"]) < 0  # a number, not guarded text
    assert rigged["discrimination_status"] == "negative"
    assert rigged["check"].startswith(REASON)
    assert rigged["upper_group_choice"] == DISTRACTOR
    assert rigged["percent_right"] == "40"
    students = [dict(zip(rows[blank + 1], row, strict=True)) for row in rows[blank + 2 :]]
    assert [s["learner"] for s in students] == ["dev", "eli", "chloe", "ben", "ana"]


def test_html_carries_the_same(class_files: list[Path], tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    report(class_files, tmp_path, "--format", "html", "-o", out)
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert "<link" not in page and "<script" not in page  # standalone
    figure = f"{oracle(class_files, RIGGED):.2f}"
    row = next(line for line in page.splitlines() if f"<td>{RIGGED}<br>" in line)
    assert row.startswith('<tr class="negative">')
    assert f"{figure} (upper/lower -1.00)" in row
    assert f"check: {REASON}; the upper group chose “{DISTRACTOR}” most" in row
    assert f"to check: {RIGGED} ({figure})" in page
    assert "<td>ana</td>" in page


def test_contradictory_options_are_usage_errors(class_files: list[Path], tmp_path: Path) -> None:
    results = ["--results", str(class_files[0])]
    both = quiz("report", BANK, *results, "--json", "--format", "csv", data_dir=tmp_path)
    assert both.returncode == 2
    assert "--json and --format csv ask for two formats" in both.stderr
    tui = quiz("report", BANK, *results, "--tui", "-o", tmp_path / "x.csv", data_dir=tmp_path)
    assert tui.returncode == 2
    assert not (tmp_path / "x.csv").exists()
