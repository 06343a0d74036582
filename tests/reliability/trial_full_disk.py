"""A real full filesystem at a random moment of a real quiz (issue 20, item 5): repeated runs.

Each run mounts a small tmpfs (:data:`DISK_SIZE`) as the data dir, starts the real app
(``python -m quiz play BANK --seed S --type true_false --type multiple_choice``) in a
pseudo-terminal, answers a random number of questions (or none: the disk may be full before
quiz starts), then fills the filesystem with a filler file (to the last page, or leaving a few
pages free, where the pending-answers journal could take a line the database cannot; on
tmpfs SQLite's write-ahead log takes them first), answers a random number more, and quits as a
learner does: ``q``,
``y`` (end the quiz), ``q``, ``y`` (quit). When the answers are in neither the database nor the
journal, the app asks before quitting (the unsaved-answers dialog); the learner then either
frees space and presses ``r`` (try again), or presses ``s`` and saves them to the file the
dialog suggests (on another disk), adding its lines to the journal once there is room, as the
exit message says. Space is freed, quiz is started again (``quiz stats --json``, which replays
the journal), and ``quiz.db`` is read with sqlite3: every answer whose feedback was painted
(acknowledged) must be there, once, in the quiz's order.

Only what the learner sees counts as acknowledged (:mod:`tests.reliability.pty_app`). Run::

    .venv/bin/python -m tests.reliability.trial_full_disk --runs 20

It needs root (``mount -t tmpfs``); without it, it says so and exits 2. The pytest side is
``tests/reliability/test_full_disk_real.py``, which skips when mounting is refused.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import json
import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from tests.reliability.pty_app import ROOT, VERDICT, AppInPty, answer_keys

BANK = ROOT / "question_banks" / "japan-korea-summit-2025.yaml"
TYPES = ("true_false", "multiple_choice")
#: A new scores file is some 450 KiB of write-ahead log and grows by a few pages an answer:
#: on 512 KiB the disk would fill by itself after a few answers, not when the trial says.
DISK_SIZE = "2m"
PAGE = 4096
UNSAVED_FILE = "quiz-unsaved-answers.jsonl"
JOURNAL = "pending-answers.jsonl"

#: The feedback's note on an answer the database refused (quiz/tui/screens/quiz.py).
JOURNALED_NOTE = "Not saved to your scores yet"
IN_MEMORY_NOTE = "Not saved: kept in memory only"

QuitWay = Literal["retry", "file"]


class CannotMount(RuntimeError):
    """The small filesystem could not be mounted here (not root, no ``mount``, a container
    that forbids it): the trial cannot run, which is not a failure of quiz."""


@contextlib.contextmanager
def small_disk(where: Path, size: str = DISK_SIZE) -> Iterator[Path]:
    """A tmpfs of ``size`` mounted on ``where`` for the block; always unmounted after it (the
    caller ends every process using it first). Raises :class:`CannotMount` when mounting
    fails, so that a test can skip with the reason."""
    if os.geteuid() != 0:
        raise CannotMount("mounting a tmpfs needs root")
    mount = shutil.which("mount")
    if mount is None:
        raise CannotMount("no mount command")
    where.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [mount, "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(where)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        reason = (done.stderr.strip().splitlines() or [f"exit {done.returncode}"])[0]
        raise CannotMount(f"mount -t tmpfs failed: {reason}")
    try:
        yield where
    finally:
        unmount(where)


def unmount(where: Path) -> None:
    """Unmounts ``where``, waiting out a process that is still closing files on it, and as a
    last resort detaching it lazily: a trial must never leave a mount behind."""
    for _ in range(50):
        if subprocess.run(["umount", str(where)], capture_output=True, check=False).returncode:
            if not os.path.ismount(where):
                return
            time.sleep(0.1)
            continue
        return
    subprocess.run(["umount", "-l", str(where)], capture_output=True, check=False)


def fill(disk: Path, leave: int = 0) -> Path:
    """Fills ``disk`` with a filler file until the filesystem says ENOSPC (to the last page),
    then gives back ``leave`` bytes (whole pages on tmpfs). Returns the filler's path."""
    filler = disk / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        for chunk in (b"\0" * 65536, b"\0" * PAGE, b"\0"):
            while True:
                try:
                    if os.write(fd, chunk) == 0:
                        break
                except OSError as error:
                    if error.errno != errno.ENOSPC:
                        raise
                    break
        if leave:
            os.ftruncate(fd, max(0, os.fstat(fd).st_size - leave))
    finally:
        os.close(fd)
    return filler


def expected_order(seed: int) -> list[object]:
    """The questions of the seeded quiz, in the order the app asks them."""
    from quiz.bank import load_bank
    from quiz.session import Options, Session

    bank = load_bank(BANK)
    return [item.question for item in Session.start(bank, Options(seed=seed, types=TYPES)).items]


@dataclass
class Run:
    """One run: what was asked of it and what came of it."""

    seed: int
    before: int  # answers before the disk fills
    after: int  # answers while it is full
    leave: int  # bytes left free by the filler
    quit_way: QuitWay  # what the learner does if quitting asks
    full_from_start: bool = False  # filled before quiz started
    acknowledged: int = 0
    stored_ids: list[str] = field(default_factory=list)  # read from quiz.db, in order
    wanted_ids: list[str] = field(default_factory=list)  # the acknowledged answers' questions
    journaled: int = 0  # answers whose feedback said "kept on disk in the journal"
    in_memory: int = 0  # answers whose feedback said "kept in memory only"
    asked: bool = False  # quitting asked (answers in neither the database nor the journal)
    told: bool = False  # after saving them to a file, the exit message said where they are
    replayed: bool = False  # the next start said it saved answers from the journal
    notes: list[str] = field(default_factory=list)

    @property
    def stored(self) -> int:
        return len(self.stored_ids)

    @property
    def lost(self) -> int:
        """Acknowledged answers missing from the database."""
        return sum(1 for question in self.wanted_ids if question not in self.stored_ids)

    @property
    def doubled(self) -> int:
        """Answers stored more than once (each question is asked once in a quiz)."""
        return len(self.stored_ids) - len(set(self.stored_ids))

    @property
    def sound(self) -> bool:
        """Exactly the acknowledged answers, in the quiz's order, each once."""
        return self.stored_ids == self.wanted_ids


def one_run(
    work: Path,
    seed: int,
    *,
    before: int,
    after: int,
    leave: int = 0,
    quit_way: QuitWay = "retry",
    full_from_start: bool = False,
) -> Run:
    """The run described in the module docstring, in ``work`` (a fresh folder; the small disk
    is mounted at ``work/disk``); ``full_from_start``: filled before quiz starts (``before``
    is then 0). Raises :class:`CannotMount` before anything else when the disk cannot be
    mounted; the caller judges what was stored (:attr:`Run.sound`)."""
    assert before == 0 or not full_from_start
    run = Run(seed, before, after, leave, quit_way, full_from_start)
    questions = expected_order(seed)
    assert before + after < len(questions), (before, after, len(questions))
    rng = random.Random(seed)
    home = work / "home"  # another disk: where the dialog suggests writing unsaved answers
    home.mkdir(parents=True, exist_ok=True)
    with small_disk(work / "disk") as disk:
        data_dir = disk
        if full_from_start:
            fill(disk, leave)
        app = _start(data_dir, seed, home)
        try:
            app.wait_for(r"Question 1(?!\d)", timeout=60)
            for n in range(before + after):
                if n == before and not full_from_start:
                    if n == 0:
                        # nothing answered yet: wait for the scores file, or the fill comes
                        # before quiz has even tried to make it (also a moment worth trying,
                        # but then the whole quiz is on a full disk)
                        _wait_for_file(data_dir / "quiz.db", 5)
                    fill(disk, leave)
                _answer(app, n, questions[n], rng.random() < 0.7, run)
            if before + after == 0 and not full_from_start:
                fill(disk, leave)
            _quit(app, disk, run, home)
        finally:
            app.close()
        (disk / "filler").unlink(missing_ok=True)  # space returns
        if run.asked and quit_way == "file":
            # as the exit message says: add the file's lines to the journal once there is room
            with (data_dir / JOURNAL).open("ab") as journal:
                journal.write((home / UNSAVED_FILE).read_bytes())
        _start_again(data_dir, run)
        ids = _stored(data_dir)
    run.stored_ids = ids
    run.wanted_ids = [q.id for q in questions[: run.acknowledged]]  # type: ignore[attr-defined]
    return run


def _start(data_dir: Path, seed: int, home: Path) -> AppInPty:
    """The real app; HOME on another disk so that the unsaved-answers dialog suggests a file
    there (the child takes the environment when it starts)."""
    args = ["play", str(BANK), "--seed", str(seed), "--type", TYPES[0], "--type", TYPES[1]]
    saved_home = os.environ.get("HOME")
    os.environ["HOME"] = str(home)
    try:
        return AppInPty(args, data_dir)
    finally:
        if saved_home is None:
            del os.environ["HOME"]
        else:
            os.environ["HOME"] = saved_home


def _wait_for_file(path: Path, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not path.exists() and time.monotonic() < deadline:
        time.sleep(0.05)


def _answer(app: AppInPty, n: int, question: object, right: bool, run: Run) -> None:
    """Answer question ``n`` (from 0); acknowledged once its verdict is painted. Then on to
    the next question; the feedback's note, painted in between, says whether the database
    took the answer (nothing), the journal did, or only memory."""
    app.send(answer_keys(question, right))
    mark = app.mark
    app.wait_for(VERDICT, timeout=60)
    run.acknowledged += 1
    app.send("\r")
    app.mark = mark
    following = app.wait_for(rf"Question {n + 2}(?!\d)", timeout=60)
    painted = app.text[mark : following.start()]
    run.journaled += JOURNALED_NOTE in painted
    run.in_memory += IN_MEMORY_NOTE in painted


#: The title of the dialog quitting shows when answers are in neither the database nor the
#: journal (quiz/tui/screens/dialogs.py ``UnsavedAnswers``).
ASKING = re.compile(r"Answers not saved")


def _quit(app: AppInPty, disk: Path, run: Run, home: Path) -> None:
    """``q`` ``y`` (end the quiz), ``q`` ``y`` (quit); if quitting asks, the learner's
    answer (``run.quit_way``). Returns once the app has exited."""
    app.send("q")
    app.wait_for("End this quiz?", timeout=60)
    app.send("y")
    app.wait_for(r"Summary", timeout=60)
    app.send("q")
    app.wait_for(r"Quit quiz\?", timeout=60)
    app.send("y")
    if not _exited_or_asked(app, 90):
        return
    run.asked = True
    if run.quit_way == "retry":
        (disk / "filler").unlink()  # the learner makes room, then tries again
        app.send("r")
    else:
        app.send("s")  # the path field opens, holding the suggested file
        app.wait_for(UNSAVED_FILE, timeout=30)
        app.send("\r")
    _wait_for_exit(app, 90)
    if run.quit_way == "file":
        run.told = SAID_WRITTEN.search(app.text, app.mark) is not None


#: The exit message after the learner saved the unsaved answers to a file (quiz/tui/app.py).
SAID_WRITTEN = re.compile(r"that could not be saved (?:are|is) in ")


def _wait_for_exit(app: AppInPty, seconds: float) -> None:
    """The learner's answer to the dialog should end the app; fail (with the screen) if not."""
    deadline = time.monotonic() + seconds
    while app.pump(0.05):
        if time.monotonic() > deadline:
            raise AssertionError(f"the app did not quit: {app.text[-3000:]}")
    app.process.wait(30)


def _exited_or_asked(app: AppInPty, seconds: float) -> bool:
    """Pumps until the app exits (False) or the unsaved-answers dialog is painted (True)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if ASKING.search(app.text, app.mark):
            app.mark = len(app.text)
            return True
        if not app.pump(0.05):
            app.process.wait(30)
            return False
    raise TimeoutError(f"the app neither quit nor asked: {app.text[-1500:]!r}")


def _start_again(data_dir: Path, run: Run) -> None:
    """The next start, with space back: ``quiz stats --json``, which opens the store (and so
    replays the journal) whenever a journal is there."""
    env = {**os.environ, "QUIZ_DATA_DIR": str(data_dir), "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "quiz", "stats", "--json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    json.loads(done.stdout)
    run.replayed = REPLAYED.search(done.stderr) is not None
    if done.stderr.strip():
        run.notes.append(done.stderr.strip())


#: The next start's notice once it saved the journal's answers (quiz/recording/scores.py).
REPLAYED = re.compile(r"answers? kept in pending-answers\.jsonl last time (?:were|was) saved")


def _stored(data_dir: Path) -> list[str]:
    """The question ids in ``quiz.db``, in the order saved, read with sqlite3 directly; the
    file must be sound."""
    db = data_dir / "quiz.db"
    if not db.exists():
        return []
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        return [row[0] for row in conn.execute("SELECT question_id FROM attempts ORDER BY id")]
    finally:
        conn.close()


def trial(runs: int, seed: int, work: Path) -> list[Run]:
    """``runs`` runs with the moment of the fill, the room left and the learner's way out
    drawn from ``seed``; prints one line per run and the totals."""
    rng = random.Random(seed)
    done: list[Run] = []
    for n in range(runs):
        before = rng.randint(-1, 6)  # -1: full before quiz starts
        full_from_start = before < 0
        before = max(before, 0)
        after = rng.randint(1, 5)
        leave = rng.choice([0, 0, PAGE, 2 * PAGE, 4 * PAGE])
        quit_way: QuitWay = rng.choice(["retry", "file"])
        run_seed = rng.randint(1, 10**6)
        started = time.monotonic()
        run = one_run(
            work / f"run-{n}",
            run_seed,
            before=before,
            after=after,
            leave=leave,
            quit_way=quit_way,
            full_from_start=full_from_start,
        )
        done.append(run)
        when = "full from the start" if full_from_start else f"{before} answers then full"
        print(
            f"run {n:2d}: seed {run_seed:6d}, {when} (leaving {leave // 1024}"
            f" KiB), {after} more: acknowledged {run.acknowledged}, stored {run.stored}, lost "
            f"{run.lost}; feedback said journaled {run.journaled}, in memory {run.in_memory}; "
            f"quit asked: {'yes, ' + quit_way if run.asked else 'no'}; "
            f"{time.monotonic() - started:.1f} s"
            + ("" if run.sound else f"; NOT SOUND: stored {run.stored_ids}, want {run.wanted_ids}"),
            flush=True,
        )
    print(summary(done), flush=True)
    return done


def summary(runs: list[Run]) -> str:
    """The totals in one line, as ``docs/reliability.md`` records them."""
    return (
        f"full disk trial: {len(runs)} runs, {sum(r.acknowledged for r in runs)} answers "
        f"acknowledged, {sum(r.stored for r in runs)} stored, "
        f"{sum(r.lost for r in runs)} lost, {sum(r.doubled for r in runs)} doubled; "
        f"{sum(r.after for r in runs)} answered on a full disk: the database took "
        f"{sum(r.after - r.journaled - r.in_memory for r in runs)}, the journal "
        f"{sum(r.journaled for r in runs)}, memory only {sum(r.in_memory for r in runs)}; "
        f"quitting asked in {sum(r.asked for r in runs)} runs (then: try again "
        f"{sum(r.asked and r.quit_way == 'retry' for r in runs)}, save to a file "
        f"{sum(r.asked and r.quit_way == 'file' for r in runs)}, its lines replayed at the "
        f"next start in {sum(r.asked and r.quit_way == 'file' and r.replayed for r in runs)})"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--seed", type=int, default=20)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="quiz-full-disk-") as work:
        try:
            runs = trial(args.runs, args.seed, Path(work))
        except CannotMount as error:
            print(f"cannot run the trial here: {error}", file=sys.stderr)
            return 2
    return 0 if all(r.sound for r in runs) else 1


if __name__ == "__main__":
    raise SystemExit(main())
