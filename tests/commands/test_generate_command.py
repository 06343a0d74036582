"""``quiz generate`` as a teacher runs it (the real command, in a subprocess): the id it prints
is the id it wrote, an impossible ``--date`` is refused, and a bank is never taken for an
article."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from quiz.commands.author import model_installed
from tests.cli_run import run_quiz
from tests.conftest import ROOT

ARTICLE = ROOT / "question_banks" / "japan-korea-summit-2025.txt"
needs_model = pytest.mark.skipif(not model_installed(), reason="spaCy's English model is missing")


@needs_model
def test_a_bank_given_a_new_id_prints_that_id_and_says_so(tmp_path: Path) -> None:
    data = tmp_path / "data"
    first = run_quiz(data, "generate", str(ARTICLE))
    assert first.returncode == 0, first.stderr
    bank_id = re.search(r"in your library as (\S+):", first.stdout).group(1)  # type: ignore[union-attr]

    target = tmp_path / "class" / "summit.yaml"
    second = run_quiz(data, "generate", str(ARTICLE), "-o", str(target))
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
