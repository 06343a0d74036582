"""A real full filesystem mid-quiz (issue 20, item 5), not one injected at the write.

A 2 MiB tmpfs is mounted as the data dir, the real app plays in a pseudo-terminal, a filler
file takes the filesystem's last page part-way through, more questions are answered, and the
learner quits through the dialogs; space is freed, quiz starts again, and ``quiz.db`` (read
with sqlite3) holds every acknowledged answer, once, in order. The steps are those of
:mod:`tests.reliability.trial_full_disk`, which repeats them at random moments
(``python -m tests.reliability.trial_full_disk --runs 20``).

Mounting needs root and a kernel that lets the process mount: where it is refused (a CI
container), these tests skip and say why. Every mount is undone in a ``finally``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.reliability.trial_full_disk import CannotMount, QuitWay, Run, one_run


def _run(
    work: Path,
    seed: int,
    *,
    before: int,
    after: int,
    quit_way: QuitWay,
    leave: int = 0,
    full_from_start: bool = False,
) -> Run:
    try:
        run = one_run(
            work,
            seed,
            before=before,
            after=after,
            leave=leave,
            quit_way=quit_way,
            full_from_start=full_from_start,
        )
    except CannotMount as error:
        pytest.skip(f"cannot mount a small filesystem here: {error}")
    finally:
        assert not os.path.ismount(work / "disk"), "the small filesystem was left mounted"
    return run


def _check(run: Run) -> None:
    assert run.acknowledged == run.before + run.after
    assert run.doubled == 0, run.stored_ids
    assert run.lost == 0, (run.stored_ids, run.wanted_ids)
    assert run.stored_ids == run.wanted_ids  # exactly those, in the quiz's order
    # the disk was full for quiz too: answers given on it were refused by the database (the
    # WAL may still take one into the slack of its last page), their feedback said so, and
    # quitting asked before it could lose them
    assert run.in_memory + run.journaled >= 1, run
    assert run.asked, run


def test_answers_on_a_full_disk_are_saved_once_the_learner_makes_room(tmp_path: Path) -> None:
    """Full after 2 answers, 3 more; quitting asks; the learner frees space and tries again."""
    run = _run(tmp_path, 7, before=2, after=3, quit_way="retry")
    _check(run)


def test_answers_saved_to_a_file_on_a_full_disk_are_replayed_at_the_next_start(
    tmp_path: Path,
) -> None:
    """The variant through the journal: full after 1 answer, 2 more, quit while still full;
    the learner saves the answers to the file the dialog suggests (on another disk), the
    exit message says where; once space is freed, its lines go into the pending-answers
    journal and the next start replays them into the database."""
    run = _run(tmp_path, 9, before=1, after=2, quit_way="file")
    _check(run)
    assert run.asked and run.told
    assert run.replayed, run.notes


def test_a_disk_full_from_the_first_answer_loses_nothing(tmp_path: Path) -> None:
    """Full as soon as the scores file is made, before any answer: every answer of the quiz
    is given on a full disk."""
    run = _run(tmp_path, 10, before=0, after=2, quit_way="retry")
    _check(run)


def test_a_disk_full_before_quiz_starts_loses_nothing(tmp_path: Path) -> None:
    """Full before quiz starts: the scores file cannot be made, quiz keeps scores in memory
    and says answers are kept in the journal, which it could open but cannot write a byte
    to. Found by the trial: each answer was then acknowledged as saved, the end dialog said
    "every answer saved", quitting did not ask, and every answer was lost. Now the journal's
    refusal makes the answer "kept in memory only", and quitting asks."""
    run = _run(tmp_path, 12, before=0, after=2, quit_way="retry", full_from_start=True)
    _check(run)
