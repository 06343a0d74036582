"""The real app on a real ``quiz.db`` with one damaged page (header intact), repeated: each run
damages a different page, answers a few questions in a pseudo-terminal, then quits or is
killed with SIGKILL. Every time: the damaged file is set aside byte for byte, the notice says
where, and every acknowledged answer is in the new, sound ``quiz.db``.

Before issue 20 item 4 was fixed, a damaged page near the sessions table made every answer
"Not saved" and lost at quit, and a damaged page elsewhere took answers into the damaged file.
"""

from __future__ import annotations

import os
import random
import sqlite3
from pathlib import Path

from quiz.bank import load_bank
from quiz.session import Options, Session
from quiz.store import DB_NAME
from tests.conftest import FOUNDING_BANK
from tests.reliability.pty_app import VERDICT, AppInPty, answer_keys
from tests.store.test_damaged_db import PAGE, a_real_db

RUNS = int(os.environ.get("QUIZ_DAMAGE_RUNS", "4"))  # more for the figures in the docs


def one_run(data_dir: Path, seed: int, template: Path) -> tuple[int, int]:
    rng = random.Random(seed)
    data_dir.mkdir(parents=True)
    original = template.read_bytes()
    pages = len(original) // PAGE
    page = rng.randrange(1, pages)  # never page 0: the header stays intact
    damaged = bytearray(original)
    damaged[page * PAGE : (page + 1) * PAGE] = b"\xde\xad\xbe\xef" * (PAGE // 4)
    (data_dir / DB_NAME).write_bytes(bytes(damaged))
    questions = [
        item.question
        for item in Session.start(
            load_bank(FOUNDING_BANK), Options(seed=seed, types=("true_false",))
        ).items
    ]
    answers = rng.randint(1, 4)
    kill = rng.random() < 0.5
    app = AppInPty(
        ["play", str(FOUNDING_BANK), "--seed", str(seed), "--type", "true_false"], data_dir
    )
    acknowledged = 0
    try:
        app.wait_for(r"Question 1(?!\d)", timeout=60)
        for n in range(answers):
            app.send(answer_keys(questions[n], right=rng.random() < 0.7))
            app.wait_for(VERDICT, timeout=30)
            acknowledged += 1
            if n + 1 < answers:
                app.send("\r")
                app.wait_for(rf"Question {n + 2}(?!\d)", timeout=30)
        assert "Not saved" not in app.text
        app.mark = 0  # the notice is painted once the scores are open: by now, or soon
        app.wait_for("Your scores file was damaged", timeout=15)
        if kill:
            app.kill()
        else:
            app.send("q")
            app.wait_for("End this quiz", timeout=10)
            app.send("y")
            app.wait_for("Home", timeout=10)  # the summary's key bar
            app.send("q")
            app.wait_for("Quit quiz", timeout=10)
            app.send("y")
            while app.pump(0.05):
                pass
            assert app.process.wait(30) == 0
    finally:
        app.close()
    aside = [
        p
        for p in data_dir.iterdir()
        if p.name.startswith(f"{DB_NAME}.damaged-") and not p.name.endswith(("-wal", "-shm"))
    ]
    assert len(aside) == 1 and aside[0].read_bytes() == bytes(damaged), page
    with sqlite3.connect(data_dir / DB_NAME) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        ids = [row[0] for row in conn.execute("SELECT question_id FROM attempts ORDER BY id")]
    assert ids[:acknowledged] == [q.id for q in questions[:acknowledged]], (page, ids)
    return acknowledged, len(ids)


def test_a_damaged_database_loses_no_acknowledged_answer(tmp_path: Path) -> None:
    template_dir = tmp_path / "template"
    a_real_db(template_dir, answers=1500)
    template = template_dir / DB_NAME
    acknowledged = saved = 0
    for seed in range(1, RUNS + 1):
        ack, kept = one_run(tmp_path / f"run-{seed}", seed, template)
        acknowledged += ack
        saved += kept
    print(
        f"\ndamaged database: {RUNS} runs, {acknowledged} answers acknowledged, {saved} saved, "
        "0 lost"
    )
    assert saved >= acknowledged
