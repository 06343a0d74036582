"""Every command the README names, run as a user runs it: the real ``quiz`` in a subprocess (a
pseudo-terminal for the TUI ones) on a clean data dir.

The list of commands is read from the README itself, so a command added there without a run
here fails :func:`test_every_readme_command_has_a_run` — a crash in a command nobody ran is how
``quiz author`` once broke. Then the teacher's path of issue 15, end to end: an article with a
trailing blank line -> generate -> home -> author -> play -> export -> results -> report.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from quiz.bank import load_bank
from quiz.bank.model import Cloze, MultipleChoice, Question, ShortAnswer
from quiz.commands.author import model_installed
from quiz.session import Options, Session
from tests.cli_run import run_quiz
from tests.conftest import FOUNDING_BANK, ROOT
from tests.reliability.pty_app import AppInPty

README = ROOT / "README.md"
ARTICLE = ROOT / "question_banks" / "japan-korea-summit-2025.txt"
#: an article none of whose questions passes the gate (teacher model of rounds 8-31)
DOUBTED_ARTICLE = ROOT / "tests" / "data" / "articles" / "wikinews-mandela-collapsed-lung.txt"
#: an article some of whose questions pass the quality gate
PASSING_ARTICLE = (
    ROOT / "tests" / "data" / "articles" / "heldout2" / "voa-le-earth-electric-field.txt"
)
#: The buttons of the dialog that ends a quiz early ("Quit" or "End", then its key).
QUIT_DIALOG = r"(?:Quit|End)\s+y"
needs_model = pytest.mark.skipif(not model_installed(), reason="spaCy's English model is missing")


def readme_commands() -> set[str]:
    """The subcommands of the README's "Command line" block (``""`` for bare ``quiz``, and
    ``"results export"``)."""
    block = README.read_text(encoding="utf-8").split("## Command line", 1)[1].split("```")[1]
    names = set()
    for line in block.splitlines():
        words = re.split(r"\s{2,}", line.strip())[0].split()  # the command, not its gloss
        if not words or words[0] != "quiz":
            continue
        rest = [w for w in words[1:] if re.fullmatch(r"[a-z]+", w)]
        name = rest[0] if rest else ""
        if name == "results" and len(rest) > 1:
            name = f"results {rest[1]}"
        names.add(name)
    return names


def quiz(data_dir: Path, *args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return run_quiz(data_dir, *args, cwd=cwd)


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout


@pytest.fixture()
def app_runs(tmp_path: Path) -> Iterator[Callable[..., AppInPty]]:
    apps: list[AppInPty] = []

    def start(*args: str, size: tuple[int, int] = (100, 30)) -> AppInPty:
        app = AppInPty(list(args), tmp_path / "data", size=size)
        apps.append(app)
        return app

    yield start
    for app in apps:
        app.close()


def leave_quiz(app: AppInPty) -> int:
    """End a quiz as a learner does: q, confirm, then quit from the summary it shows (asking
    once more when the app asks), and the exit code."""
    import time

    app.send("q")
    app.wait_for(QUIT_DIALOG)
    app.send("y")
    deadline = time.monotonic() + 20
    while app.process.poll() is None and time.monotonic() < deadline:
        app.pump(0.3)
        tail = app.text[-3000:]
        if re.search(r"(?:Quit|End)\s+y\s*│?\s*$", tail.rstrip()) or "Quit quiz?" in tail[-600:]:
            app.send("y")
        elif "Retry" in tail[-400:] or "q Quit" in tail[-300:]:
            app.send("q")
    return ended(app)


def ended(app: AppInPty, timeout: float = 20.0) -> int:
    """The app's exit code once it has gone (reading what it paints meanwhile)."""
    import time

    deadline = time.monotonic() + timeout
    while app.process.poll() is None and time.monotonic() < deadline:
        app.pump(0.1)
    assert app.process.poll() is not None, app.text[-800:]
    assert "Traceback" not in app.text
    return app.process.returncode


# -- one run per README command ---------------------------------------------------------------


def run_home(tmp_path: Path, start: Callable[..., AppInPty]) -> None:
    app = start()
    app.wait_for("your banks")
    app.wait_for("Japan–South Korea summit")
    app.send("q")
    app.wait_for("Quit quiz")
    app.send("y")
    assert ended(app) == 0


def run_play(tmp_path: Path, start: Callable[..., AppInPty]) -> None:
    app = start("play", str(FOUNDING_BANK), "--count", "2", "--type", "true_false", "--seed", "1")
    app.wait_for("1 of 2")
    app.send("t")
    app.wait_for("Right|Not quite")
    assert leave_quiz(app) == 0


def run_review(tmp_path: Path, start: Callable[..., AppInPty]) -> None:
    app = start("review")
    app.wait_for("new today")
    app.send("q")
    app.wait_for("Quit quiz")
    app.send("y")
    assert ended(app) == 0


def run_stats(tmp_path: Path, start: Callable[..., AppInPty]) -> None:
    app = start("stats")
    app.wait_for("[Ss]treak|Due|due")
    app.send("q")
    assert ended(app) == 0
    figures = json.loads(ok(quiz(tmp_path / "data", "stats", "--json")))
    assert "attempts" in figures


def run_check(tmp_path: Path, start: Callable[..., AppInPty]) -> None:
    out = ok(quiz(tmp_path / "data", "check", str(FOUNDING_BANK)))
    assert out.startswith(f"OK {FOUNDING_BANK}")
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: quiz-bank/1\nid: [unclosed\n", encoding="utf-8")
    result = quiz(tmp_path / "data", "check", str(broken))
    assert result.returncode == 1 and result.stdout.startswith(f"{broken}:2: ")
    assert "Traceback" not in result.stdout + result.stderr


def run_generate(tmp_path: Path, start: Callable[..., AppInPty]) -> None:
    if not model_installed():
        pytest.skip("spaCy's English model is missing")
    article = tmp_path / "article.txt"
    shutil.copy(PASSING_ARTICLE, article)
    out = ok(quiz(tmp_path / "data", "generate", str(article)))
    assert "wrote" in out and "in your library as" in out
    (bank,) = (tmp_path / "data" / "banks").glob("*.yaml")
    ok(quiz(tmp_path / "data", "check", str(bank)))
    # an article whose candidates the gate all doubts: nothing is written unless the best few
    # are asked for
    doubted = tmp_path / DOUBTED_ARTICLE.name  # its name is its default title
    shutil.copy(DOUBTED_ARTICLE, doubted)
    refused = quiz(tmp_path / "data", "generate", str(doubted), "-o", str(tmp_path / "s.yaml"))
    assert refused.returncode == 1 and "--at-least" in refused.stderr
    assert "Traceback" not in refused.stderr and not (tmp_path / "s.yaml").exists()
    out = ok(quiz(tmp_path / "data", "generate", str(doubted), "--at-least", "3"))
    assert re.search(r"wrote .*: [123] questions? \(", out)


def run_author(tmp_path: Path, start: Callable[..., AppInPty]) -> None:
    if not model_installed():
        pytest.skip("spaCy's English model is missing")
    article = tmp_path / "news" / "article.txt"
    article.parent.mkdir()
    article.write_bytes(b"\xef\xbb\xbf" + ARTICLE.read_bytes().replace(b"\n", b"\r\n") + b"\r\n")
    app = start("author", str(article))
    app.wait_for("to review", timeout=120)
    app.send("a")
    app.send("\x13")  # ctrl+s
    app.wait_for("Saved")
    app.send("q")
    assert ended(app) == 0
    (bank,) = (tmp_path / "data" / "banks").glob("*.yaml")
    ok(quiz(tmp_path / "data", "check", str(bank)))
    assert len(load_bank(bank).questions) == 1

    # the bank itself: opened, saved unedited, and the file is the same bytes
    mine = tmp_path / "mine"
    mine.mkdir()
    for name in (FOUNDING_BANK.name, ARTICLE.name):
        shutil.copy(FOUNDING_BANK.parent / name, mine / name)
    before = (mine / FOUNDING_BANK.name).read_bytes()
    app = start("author", str(mine / FOUNDING_BANK.name))
    app.wait_for("to review|✓")
    app.send("\x13")
    app.wait_for("Saved")
    app.send("q")
    assert ended(app) == 0
    assert (mine / FOUNDING_BANK.name).read_bytes() == before


def run_export(tmp_path: Path, start: Callable[..., AppInPty]) -> None:
    for fmt, name in [("gift", "q.gift"), ("csv", "q.csv"), ("html", "q.html")]:
        ok(
            quiz(
                tmp_path / "data",
                "export",
                str(FOUNDING_BANK),
                "--format",
                fmt,
                "-o",
                str(tmp_path / name),
            )
        )
        assert (tmp_path / name).stat().st_size > 1000


def run_results_export(tmp_path: Path, start: Callable[..., AppInPty]) -> None:
    run_play(tmp_path, start)
    out = tmp_path / "me.jsonl"
    ok(quiz(tmp_path / "data", "results", "export", "-o", str(out)))
    lines = out.read_text(encoding="utf-8").splitlines()
    assert any('"question_id"' in line for line in lines)


def run_report(tmp_path: Path, start: Callable[..., AppInPty]) -> None:
    run_results_export(tmp_path, start)
    out = ok(
        quiz(
            tmp_path / "data", "report", str(FOUNDING_BANK), "--results", str(tmp_path / "me.jsonl")
        )
    )
    assert "%" in out
    report = json.loads(
        ok(
            quiz(
                tmp_path / "data",
                "report",
                "japan-korea-summit-2025",
                "--results",
                str(tmp_path / "me.jsonl"),
                "--json",
            )
        )
    )
    assert report["questions"]


def run_banks(tmp_path: Path, start: Callable[..., AppInPty]) -> None:
    out = ok(quiz(tmp_path / "data", "banks"))
    assert "japan-korea-summit-2025" in out and "shipped" in out
    copy = tmp_path / "copy"
    copy.mkdir()
    for name in (FOUNDING_BANK.name, ARTICLE.name):
        shutil.copy(FOUNDING_BANK.parent / name, copy / name)
    edited = copy / FOUNDING_BANK.name
    text = edited.read_text(encoding="utf-8")
    edited.write_text(text.replace("\ntitle: ", "\ntitle: My copy of ", 1), encoding="utf-8")
    out = ok(quiz(tmp_path / "data", "banks", "add", str(edited)))
    assert "japan-korea-summit-2025-2" in out and "already used" in out
    listing = json.loads(ok(quiz(tmp_path / "data", "banks", "list", "--json")))
    assert {b["id"] for b in listing["banks"]} == {
        "japan-korea-summit-2025",
        "japan-korea-summit-2025-2",
    }
    ok(quiz(tmp_path / "data", "banks", "remove", "japan-korea-summit-2025-2"))
    assert edited.exists()


RUNS: dict[str, Callable[[Path, Callable[..., AppInPty]], None]] = {
    "": run_home,
    "play": run_play,
    "review": run_review,
    "stats": run_stats,
    "check": run_check,
    "generate": run_generate,
    "author": run_author,
    "export": run_export,
    "report": run_report,
    "results export": run_results_export,
    "banks": run_banks,
}


def test_every_readme_command_has_a_run() -> None:
    assert readme_commands() == set(RUNS)


@pytest.mark.parametrize("name", sorted(RUNS))
def test_readme_command(name: str, tmp_path: Path, app_runs: Callable[..., AppInPty]) -> None:
    RUNS[name](tmp_path, app_runs)


# -- the teacher's path, end to end -----------------------------------------------------------


@needs_model
def test_the_teachers_path(tmp_path: Path, app_runs: Callable[..., AppInPty]) -> None:
    """Generate from an article that ends in a blank line, find the bank on the home screen,
    review and save it in ``quiz author``, play it, export it, report on it."""
    data = tmp_path / "data"
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE.read_text(encoding="utf-8").rstrip("\n") + "\n\n", "utf-8")
    ok(quiz(data, "generate", str(article), "--title", "Summit of neighbours", "--at-least", "3"))
    (bank_path,) = (data / "banks").glob("*.yaml")
    bank = load_bank(bank_path)
    assert bank.id.startswith("summit-of-neighbours-")
    assert bank.id != "japan-korea-summit-2025"  # the same article as the shipped bank

    home = app_runs()
    home.wait_for("Summit of neighbours")
    home.send("q")
    home.send("y")
    assert ended(home) == 0

    author = app_runs("author", bank.id)
    author.wait_for("Summit of neighbours")
    author.send("x")  # reject the first question
    author.send("\x13")
    author.wait_for("Saved")
    author.send("q")  # saved: it quits without asking
    assert ended(author) == 0
    saved = load_bank(bank_path)
    assert len(saved.questions) == len(bank.questions) - 1
    ok(quiz(data, "check", str(bank_path)))

    qtype = next(
        t for t in ("multiple_choice", "cloze", "short_answer") if t in saved.count_by_type()
    )
    first = Session.start(saved, Options(count=1, types=(qtype,), seed=3)).items[0].question
    play = app_runs("play", bank.id, "--count", "1", "--type", qtype, "--seed", "3")
    play.wait_for("1 of 1")
    play.send(_keys_for(first))
    play.wait_for("Right|Not quite")
    assert leave_quiz(play) == 0

    ok(quiz(data, "export", bank.id, "--format", "gift", "-o", str(tmp_path / "b.gift")))
    ok(quiz(data, "results", "export", "-o", str(tmp_path / "me.jsonl")))
    ok(quiz(data, "report", bank.id, "--results", str(tmp_path / "me.jsonl")))


def _keys_for(question: Question) -> str:
    """What a learner types to answer ``question`` right (the types the walk plays)."""
    if isinstance(question, MultipleChoice):
        return str(question.choices.index(question.answers[0]) + 1)
    if isinstance(question, Cloze):
        return question.blanks[0][0] + "\r"
    assert isinstance(question, ShortAnswer)
    return question.answers[0] + "\r"


def test_the_readme_example_bank_checks(tmp_path: Path) -> None:
    """The bank shown in the README is valid as it stands, with no other file beside it."""
    text = README.read_text(encoding="utf-8").split("## A bank, in short", 1)[1]
    example = text.split("```yaml\n", 1)[1].split("```", 1)[0]
    path = tmp_path / "example.yaml"
    path.write_text(example, encoding="utf-8")
    out = ok(quiz(tmp_path / "data", "check", str(path)))
    assert out.startswith(f"OK {path}: 1 question")
