"""``quiz generate`` as a teacher runs it (the real command, in a subprocess): the id it prints
is the id it wrote, an impossible ``--date`` is refused, and a bank is never taken for an
article."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from quiz.commands.author import model_installed
from tests.cli_run import run_quiz
from tests.conftest import ALL_TYPES_BANK, FOUNDING_BANK, ROOT

ARTICLE = ROOT / "question_banks" / "japan-korea-summit-2025.txt"
needs_model = pytest.mark.skipif(not model_installed(), reason="spaCy's English model is missing")


@needs_model
def test_a_bank_given_a_new_id_prints_that_id_and_says_so(tmp_path: Path) -> None:
    data = tmp_path / "data"
    first = run_quiz(data, "generate", "--at-least", "3", str(ARTICLE))
    assert first.returncode == 0, first.stderr
    bank_id = re.search(r"in your library as (\S+):", first.stdout).group(1)  # type: ignore[union-attr]

    target = tmp_path / "class" / "summit.yaml"
    second = run_quiz(data, "generate", "--at-least", "3", str(ARTICLE), "-o", str(target))
    assert second.returncode == 0, second.stderr
    written = re.search(r"(?m)^id: (\S+)$", target.read_text(encoding="utf-8")).group(1)  # type: ignore[union-attr]
    assert written == f"{bank_id}-2"
    assert f"in your library as {written}: play it with `quiz play {written}`" in second.stdout
    assert f"in your library as {bank_id}:" not in second.stdout
    # the notice the README promises: the id was taken, the new one is written into the file
    assert f"its id {bank_id!r} is already used by another bank" in second.stderr
    assert f"so it now has the id {written!r} (written into the file" in second.stderr
    played = run_quiz(data, "check", written)
    assert played.returncode == 0 and f"OK {target}" in played.stdout, played.stdout


def _bank_message(name: str) -> str:
    return (
        f"quiz: {name} is a question bank, not an article: play it with `quiz play {name}`, "
        f"check it with `quiz check {name}` or review and edit it with `quiz author {name}`"
    )


@pytest.mark.parametrize("name", ["bank.yaml", "bank.YML", "bank-as-text.txt"])
def test_a_bank_is_not_taken_for_an_article(name: str, tmp_path: Path) -> None:
    bank = tmp_path / name
    shutil.copy(ALL_TYPES_BANK, bank)
    result = run_quiz(tmp_path / "data", "generate", str(bank), cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert result.stderr == _bank_message(str(bank)) + "\n"
    assert result.stdout == ""
    assert not (tmp_path / "data" / "banks").exists()


@needs_model
def test_among_several_a_bank_fails_alone(tmp_path: Path) -> None:
    shutil.copy(ALL_TYPES_BANK, tmp_path / "bank.yaml")
    shutil.copy(ALL_TYPES_BANK, tmp_path / "notes.txt")  # a bank under an article's name
    result = run_quiz(tmp_path / "data", "generate", "bank.yaml", "notes.txt", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [_bank_message("bank.yaml"), _bank_message("notes.txt")]
    assert result.stdout == "0 banks written, 2 failed\n"


@pytest.mark.parametrize("name", ["README.md", "notes.txt"])
def test_a_text_that_quotes_a_bank_is_an_article(name: str, tmp_path: Path) -> None:
    """The README shows a bank's first lines in an example; it is prose, not a bank (a
    new-user trial was told to play it, which then failed as a broken bank)."""
    from quiz.commands.bank_files import holds_a_bank, is_bank_file

    text = tmp_path / name
    shutil.copy(ROOT / "README.md", text)
    assert is_bank_file(text)  # still guarded from being overwritten
    assert not holds_a_bank(text)
    shutil.copy(ALL_TYPES_BANK, tmp_path / "bank.txt")
    assert holds_a_bank(tmp_path / "bank.txt")
    result = run_quiz(tmp_path / "data", "generate", str(text), "-o", "-", cwd=tmp_path)
    assert "is a question bank" not in result.stderr


def test_banks_list_says_one_question(tmp_path: Path) -> None:
    """Banks hold only what passes the gate, so a bank of one question is common."""
    from msgspec.structs import replace

    from quiz.bank import load_bank
    from quiz.bank.dump import dump_bank

    founding = load_bank(FOUNDING_BANK)
    one = tmp_path / "one.yaml"
    shutil.copy(FOUNDING_BANK.parent / founding.source.file, tmp_path / founding.source.file)
    one_bank = replace(founding, id="one-question", questions=founding.questions[:1])
    one.write_text(dump_bank(one_bank), encoding="utf-8")
    assert run_quiz(tmp_path / "data", "banks", "add", str(one)).returncode == 0
    listed = run_quiz(tmp_path / "data", "banks", "list").stdout
    line = next(line for line in listed.splitlines() if line.startswith("one-question"))
    assert "     1 question  " in line and "questions" not in line


@pytest.mark.parametrize(
    ("option", "said"),
    [
        (["--max", "0"], "argument --max: must be 1 or more: 0"),
        (["--at-least", "-1"], "argument --at-least: must be 0 or more: -1"),
        (["--at-least", "30"], "--at-least 30 asks for more than --max 25"),
    ],
)
def test_a_bad_count_is_a_usage_error(option: list[str], said: str, tmp_path: Path) -> None:
    """Exit 2 with the usage, as `quiz play --count 0` does (the README: 2 = usage)."""
    result = run_quiz(tmp_path / "data", "generate", "article.txt", *option, cwd=tmp_path)
    assert result.returncode == 2 and said in result.stderr and "usage:" in result.stderr


@needs_model
def test_each_article_of_several_is_timed_for_the_benchmark(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``benchmarks/generate_per_article.py`` reads, from inside the real command, how long each
    article took from its file to its bank written: one line per article, failed ones too."""
    timings = tmp_path / "timings.txt"
    monkeypatch.setenv("QUIZ_TIMINGS", str(timings))
    shutil.copy(ALL_TYPES_BANK, tmp_path / "bank.yaml")
    articles = ROOT / "tests" / "data" / "articles"
    result = run_quiz(
        tmp_path / "data",
        "generate",
        str(articles / "voa-who-booster.txt"),
        "bank.yaml",
        str(articles / "voa-serbia-rally.txt"),
        "-o",
        str(tmp_path / "out"),
        cwd=tmp_path,
    )
    assert result.stdout.splitlines()[-1] == "2 banks written, 1 failed"
    lines = [line.split() for line in timings.read_text(encoding="utf-8").splitlines()]
    assert [name for name, _wall, _cpu in lines] == ["generate.article"] * 3
    assert all(float(wall) > 0 for _name, wall, _cpu in lines)
