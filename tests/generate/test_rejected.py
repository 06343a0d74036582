"""A question the teacher rejected in `quiz author` stays rejected: the bank remembers its id
(`rejected:`), and `quiz generate --update` brings it back neither into the quiz nor into the
drafts (a new user's trial: a rejected cloze was "added" again by the update, straight into
the questions students get)."""

from __future__ import annotations

import shutil
from pathlib import Path

from msgspec.structs import replace

from quiz.authoring.draft import Draft
from quiz.authoring.save import save_draft
from quiz.bank.cache import BankCache
from quiz.bank.dump import dump_bank
from quiz.bank.held_back import GONE
from quiz.bank.loader import load_bank
from tests.cli_run import run_quiz
from tests.generate.conftest import ARTICLES, FOUNDING_ARTICLE


def test_update_never_brings_back_a_rejected_question(tmp_path: Path) -> None:
    article = shutil.copy(
        ARTICLES / "heldout2" / "voa-le-virtual-fences-cows.txt", tmp_path / "cows.txt"
    )
    data = tmp_path / "data"
    bank_path = tmp_path / "cows.yaml"
    made = run_quiz(data, "generate", str(article), "-o", str(bank_path))
    assert made.returncode == 0, made.stderr
    bank = load_bank(bank_path)
    assert len(bank.questions) >= 2 and bank.drafts

    # the teacher rejects a question and a draft, accepts the rest, saves (quiz author: x, a);
    # the question rejected is one a draft's reason names, where the article gives one
    asked = {q.id for q in bank.questions}
    naming = [d for d in bank.drafts if any(qid in d.held_back for qid in asked)]
    question = next(
        (qid for qid in asked if naming and qid in naming[0].held_back), bank.questions[0].id
    )
    held = next(d.id for d in bank.drafts if d not in naming[:1])
    draft = Draft.from_bank(bank)
    ids = [item.question.id for item in draft.items]
    draft.reject(ids.index(question))
    draft.reject(ids.index(held))
    save_draft(draft, bank_path)
    saved = load_bank(bank_path)
    assert set(saved.rejected) == {question, held}
    assert question not in {q.id for q in saved.questions}
    assert naming, "the article gives no draft held back for another question"
    # the draft held back for the rejected question says its reason may no longer hold
    kept = {d.id: d for d in saved.drafts}
    assert kept[naming[0].id].held_back == naming[0].held_back + GONE

    # the article changes a little; the update regenerates from it
    changed = tmp_path / "cows-v2.txt"
    changed.write_text(
        article.read_text(encoding="utf-8").replace("Cornell", "Cornell University", 1),
        encoding="utf-8",
    )
    updated = run_quiz(data, "generate", str(changed), "--update", str(bank_path))
    assert updated.returncode == 0, updated.stderr
    after = load_bank(bank_path)
    asked = {q.id for q in after.questions} | {d.id for d in after.drafts}
    assert question not in asked and held not in asked
    assert set(after.rejected) == {question, held}  # remembered for the next update too
    assert f"added: {question}" not in updated.stdout
    assert f"not brought back (you rejected it in quiz author): {question}" in updated.stdout


def test_the_rejected_list_is_checked_and_kept(tmp_path: Path) -> None:
    shutil.copy(FOUNDING_ARTICLE, tmp_path / FOUNDING_ARTICLE.name)
    bank = load_bank(FOUNDING_ARTICLE.with_suffix(".yaml"))
    path = tmp_path / "bank.yaml"
    path.write_text(dump_bank(replace(bank, rejected=("cz-gone-1", "mc-gone-2"))), "utf-8")
    assert load_bank(path).rejected == ("cz-gone-1", "mc-gone-2")
    cache = BankCache(tmp_path / "cache")
    assert cache.load(path).rejected == ("cz-gone-1", "mc-gone-2")  # through the cache
    assert cache.load(path).rejected == ("cz-gone-1", "mc-gone-2")  # and from it

    asked = bank.questions[0].id
    written = path.read_text(encoding="utf-8")
    assert "\nrejected: [cz-gone-1, mc-gone-2]\n" in written  # one readable line
    text = written.replace(
        "rejected: [cz-gone-1, mc-gone-2]", f"rejected:\n- cz-gone-1\n- {asked}\n- cz-gone-1"
    )
    path.write_text(text, encoding="utf-8")
    result = run_quiz(tmp_path / "data", "check", str(path))
    assert result.returncode == 1
    lines = text.splitlines()
    at = lines.index(f"- {asked}") + 1
    assert f"{path}:{at}: rejected: {asked!r} is also a question of this bank" in result.stdout
    assert f"{path}:{at + 1}: rejected: 'cz-gone-1' is listed twice" in result.stdout
