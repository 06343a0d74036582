"""``quiz check`` names the line of a YAML syntax error where the teacher must look: the
bracket left open (``title: [unclosed``), not the next line where the parser noticed."""

from __future__ import annotations

from pathlib import Path

from tests.cli_run import run_quiz
from tests.conftest import DATA


def test_an_unclosed_bracket_is_reported_on_its_own_line(tmp_path: Path) -> None:
    bank = tmp_path / "bank.yaml"
    bank.write_bytes((DATA / "invalid" / "unclosed-bracket.yaml").read_bytes())
    lines = bank.read_text(encoding="utf-8").splitlines()
    assert lines[2] == "title: [unclosed"  # line 3
    result = run_quiz(tmp_path / "data", "check", str(bank))
    assert result.returncode == 1
    assert result.stdout.startswith(
        f"{bank}:3: YAML syntax error: did not find expected ',' or ']' (while parsing a flow "
        "sequence), which starts on this line and is not closed before line 4"
    ), result.stdout + result.stderr


def test_an_unclosed_bracket_in_a_question_keeps_its_line(tmp_path: Path) -> None:
    bank = tmp_path / "bank.yaml"
    bank.write_text(
        "format: quiz-bank/1\nid: riverton\ntitle: Riverton\nquestions:\n"
        "  - id: q1\n    prompt: {a: 1,\n      b: 2\n      c: 3}\n    type: true_false\n",
        encoding="utf-8",
    )
    result = run_quiz(tmp_path / "data", "check", str(bank))
    assert result.returncode == 1
    assert result.stdout.startswith(f"{bank}:6: YAML syntax error:"), result.stdout


def test_an_unclosed_quote_is_reported_on_its_own_line(tmp_path: Path) -> None:
    """`prompt: "Match each …` left open: libyaml reads on to the next quote and fails two lines
    later; the line to look at is the quote's (a new-user walk-through was sent to line 190 for
    a quote opened on line 161)."""
    bank = tmp_path / "bank.yaml"
    bank.write_text(
        "format: quiz-bank/1\nid: riverton\ntitle: Riverton\nquestions:\n"
        '  - id: q1\n    type: matching\n    prompt: "Match each person to their role.\n'
        '    pairs:\n      - {left: "Ana", right: "mayor"}\n'
        '      - {left: "Rui", right: "engineer"}\n',
        encoding="utf-8",
    )
    result = run_quiz(tmp_path / "data", "check", str(bank))
    assert result.returncode == 1
    assert result.stdout.startswith(f"{bank}:7: YAML syntax error:"), result.stdout
    assert "the quoted text that starts on this line is not closed before line 9" in result.stdout


def test_a_quote_closed_on_a_later_line_is_not_blamed(tmp_path: Path) -> None:
    bank = tmp_path / "bank.yaml"
    bank.write_text(
        "format: quiz-bank/1\nid: riverton\ntitle: Riverton\nquestions:\n"
        '  - id: q1\n    type: true_false\n    prompt: "The bridge opened\n      in May."\n'
        "    answer: true\n  - id: q2\n    type: true_false\n    prompt: [broken\n",
        encoding="utf-8",
    )
    result = run_quiz(tmp_path / "data", "check", str(bank))
    assert result.returncode == 1
    assert "quoted text" not in result.stdout and f"{bank}:7:" not in result.stdout, result.stdout
