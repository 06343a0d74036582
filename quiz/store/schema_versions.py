"""The SQL of each schema version, as released: never edited once released (a learner's file
at version N runs the steps after N; see :mod:`quiz.store.schema`).

* v1: sessions and attempts. A score keeper: every answer, nothing scheduled.
* v2: spaced repetition. ``cards`` (one FSRS schedule per bank + question), ``review_log``
  (one row per scheduled answer, with the card as it was before so undo is exact), ``flags``
  (learners reporting bad questions), ``attempts`` gains what stats and scheduling need
  (``correct``, the learner's ``day``, ``answer_key``, ``tags``, ``cram``), ``sessions`` gains
  running counts, and ``meta`` a learner id for exported results. The v1 history is replayed
  through FSRS so that upgrading keeps what the learner already knows.
* v3: ``daily``, answers and Review-state recalls per learner day and bank, kept exact by
  triggers on ``attempts`` and ``review_log`` (so any writer, even a bulk loader, keeps it
  right). Stats then read a few thousand summary rows instead of scanning every answer ever
  given; the covering indexes v2 added for those scans are dropped, making each answer's
  commit cheaper. ``review_log`` rows are only ever deleted with their attempt, which is
  where the trigger takes their share back out.
* v4: coarser summaries, because a learner with 100 banks used daily makes ``daily`` tens of
  thousands of rows: ``day_totals`` (per learner day) and ``bank_totals`` (per bank) replace
  it, with the same kind of triggers; ``cards_bank_tags (bank_id, tags, state, stability)``
  lets mastery per bank and per tag be one ordered, index-only scan, and ``cards_due`` gains
  ``bank_id`` so due counts per bank never visit the table.
* v5: undo keeps the truth. Undo used to delete the attempt and put the card back; now the
  attempt stays, marked ``undone``, and keeps counting (totals, reports, and the schedule it
  set). The answer given when the question is asked again is kept with ``retake_of`` naming
  the undone attempt; it counts nowhere (the totals triggers skip it, it has no review log,
  the sessions' counts leave it out, results files leave it out).
"""

from __future__ import annotations

__all__ = ["APPLICATION_ID", "CARD_COLUMNS", "V1", "V2", "V2_CARD_COLUMNS", "V3", "V4", "V5"]

#: "QUIZ" in ASCII, written into the SQLite header.
APPLICATION_ID = 0x5155495A

V1: tuple[str, ...] = (
    f"PRAGMA application_id = {APPLICATION_ID}",
    """CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) WITHOUT ROWID""",
    """CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        bank_id TEXT NOT NULL,
        mode TEXT NOT NULL CHECK (mode IN ('play', 'review', 'cram')),
        started_at TEXT NOT NULL,
        ended_at TEXT
    )""",
    """CREATE TABLE attempts (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        bank_id TEXT NOT NULL,
        question_id TEXT NOT NULL,
        question_type TEXT NOT NULL,
        given TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('right', 'near_miss', 'wrong')),
        seconds REAL NOT NULL,
        answered_at TEXT NOT NULL
    )""",
    "CREATE INDEX attempts_question ON attempts(bank_id, question_id)",
    "CREATE INDEX attempts_answered_at ON attempts(answered_at)",
    "CREATE INDEX attempts_session ON attempts(session_id)",
    """INSERT INTO meta (key, value)
       VALUES ('created_at', strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now'))""",
)

V2: tuple[str, ...] = (
    # attempts: what stats aggregate without parsing, and what undo needs to rebuild an Answer
    "ALTER TABLE attempts ADD COLUMN correct INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE attempts ADD COLUMN day TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE attempts ADD COLUMN answer_key TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE attempts ADD COLUMN tags TEXT NOT NULL DEFAULT '[]'",
    "ALTER TABLE attempts ADD COLUMN cram INTEGER NOT NULL DEFAULT 0",
    # v1 kept no time zone: its answers are filed under their UTC day
    """UPDATE attempts SET
        correct = (outcome <> 'wrong'),
        day = substr(answered_at, 1, 10),
        cram = coalesce((SELECT s.mode = 'cram' FROM sessions s WHERE s.id = session_id), 0)""",
    # covering index: answers per day and per bank in one ordered scan, no table lookups
    "CREATE INDEX attempts_day ON attempts(day, bank_id, correct)",
    "ALTER TABLE sessions ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE sessions ADD COLUMN correct INTEGER NOT NULL DEFAULT 0",
    """UPDATE sessions SET
        attempts = (SELECT count(*) FROM attempts a WHERE a.session_id = sessions.id),
        correct = (SELECT coalesce(sum(a.correct), 0) FROM attempts a
                   WHERE a.session_id = sessions.id)""",
    "CREATE INDEX sessions_bank_ended ON sessions(bank_id, ended_at)",
    """CREATE TABLE cards (
        id INTEGER PRIMARY KEY,
        bank_id TEXT NOT NULL,
        question_id TEXT NOT NULL,
        answer_key TEXT NOT NULL DEFAULT '',
        tags TEXT NOT NULL DEFAULT '[]',
        state INTEGER NOT NULL CHECK (state IN (1, 2, 3)),
        step INTEGER,
        stability REAL,
        difficulty REAL,
        due TEXT NOT NULL,
        last_review TEXT,
        reps INTEGER NOT NULL DEFAULT 0,
        lapses INTEGER NOT NULL DEFAULT 0,
        introduced_day TEXT NOT NULL,
        UNIQUE (bank_id, question_id)
    )""",
    "CREATE INDEX cards_due ON cards(due)",
    "CREATE INDEX cards_introduced ON cards(introduced_day)",
    """CREATE TABLE review_log (
        attempt_id INTEGER PRIMARY KEY REFERENCES attempts(id) ON DELETE CASCADE,
        card_id INTEGER NOT NULL REFERENCES cards(id) ON DELETE CASCADE,
        rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
        state_before INTEGER,
        state_after INTEGER NOT NULL,
        due_after TEXT NOT NULL,
        reviewed_at TEXT NOT NULL,
        duration_ms INTEGER,
        schedule_reset INTEGER NOT NULL DEFAULT 0,
        card_before TEXT
    )""",
    "CREATE INDEX review_log_card ON review_log(card_id, attempt_id)",
    "CREATE INDEX review_log_retention ON review_log(state_before, rating)",
    """CREATE TABLE flags (
        id INTEGER PRIMARY KEY,
        bank_id TEXT NOT NULL,
        question_id TEXT NOT NULL,
        reason TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
    )""",
    "CREATE INDEX flags_question ON flags(bank_id, question_id)",
    "INSERT OR IGNORE INTO meta (key, value) VALUES ('learner_id', lower(hex(randomblob(16))))",
)

V3: tuple[str, ...] = (
    """CREATE TABLE daily (
        day TEXT NOT NULL,
        bank_id TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        correct INTEGER NOT NULL DEFAULT 0,
        reviews INTEGER NOT NULL DEFAULT 0,
        recalled INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (day, bank_id)
    ) WITHOUT ROWID""",
    """INSERT INTO daily (day, bank_id, attempts, correct)
       SELECT day, bank_id, count(*), sum(correct) FROM attempts GROUP BY day, bank_id""",
    """UPDATE daily SET reviews = r.reviews, recalled = r.recalled
       FROM (SELECT a.day, a.bank_id, count(*) AS reviews, sum(l.rating > 1) AS recalled
             FROM review_log l JOIN attempts a ON a.id = l.attempt_id
             WHERE l.state_before = 2
             GROUP BY a.day, a.bank_id) AS r
       WHERE daily.day = r.day AND daily.bank_id = r.bank_id""",
    """CREATE TRIGGER daily_attempt_added AFTER INSERT ON attempts BEGIN
        INSERT INTO daily (day, bank_id, attempts, correct)
        VALUES (NEW.day, NEW.bank_id, 1, NEW.correct)
        ON CONFLICT (day, bank_id) DO UPDATE
            SET attempts = attempts + 1, correct = correct + excluded.correct;
    END""",
    """CREATE TRIGGER daily_review_added AFTER INSERT ON review_log
       WHEN NEW.state_before = 2 BEGIN
        UPDATE daily SET reviews = reviews + 1, recalled = recalled + (NEW.rating > 1)
        WHERE (day, bank_id) = (SELECT day, bank_id FROM attempts WHERE id = NEW.attempt_id);
    END""",
    """CREATE TRIGGER daily_attempt_removed BEFORE DELETE ON attempts BEGIN
        UPDATE daily SET
            attempts = attempts - 1,
            correct = correct - OLD.correct,
            reviews = reviews - coalesce(
                (SELECT state_before = 2 FROM review_log WHERE attempt_id = OLD.id), 0),
            recalled = recalled - coalesce(
                (SELECT state_before = 2 AND rating > 1 FROM review_log
                 WHERE attempt_id = OLD.id), 0)
        WHERE day = OLD.day AND bank_id = OLD.bank_id;
    END""",
    "DROP INDEX attempts_day",
    "DROP INDEX review_log_retention",
)

V4: tuple[str, ...] = (
    """CREATE TABLE day_totals (
        day TEXT PRIMARY KEY,
        attempts INTEGER NOT NULL DEFAULT 0,
        correct INTEGER NOT NULL DEFAULT 0,
        reviews INTEGER NOT NULL DEFAULT 0,
        recalled INTEGER NOT NULL DEFAULT 0
    ) WITHOUT ROWID""",
    """CREATE TABLE bank_totals (
        bank_id TEXT PRIMARY KEY,
        attempts INTEGER NOT NULL DEFAULT 0,
        correct INTEGER NOT NULL DEFAULT 0
    ) WITHOUT ROWID""",
    """INSERT INTO day_totals (day, attempts, correct, reviews, recalled)
       SELECT day, sum(attempts), sum(correct), sum(reviews), sum(recalled)
       FROM daily GROUP BY day""",
    """INSERT INTO bank_totals (bank_id, attempts, correct)
       SELECT bank_id, sum(attempts), sum(correct) FROM daily GROUP BY bank_id""",
    "DROP TRIGGER daily_attempt_added",
    "DROP TRIGGER daily_review_added",
    "DROP TRIGGER daily_attempt_removed",
    "DROP TABLE daily",
    """CREATE TRIGGER totals_attempt_added AFTER INSERT ON attempts BEGIN
        INSERT INTO day_totals (day, attempts, correct) VALUES (NEW.day, 1, NEW.correct)
        ON CONFLICT (day) DO UPDATE
            SET attempts = attempts + 1, correct = correct + excluded.correct;
        INSERT INTO bank_totals (bank_id, attempts, correct) VALUES (NEW.bank_id, 1, NEW.correct)
        ON CONFLICT (bank_id) DO UPDATE
            SET attempts = attempts + 1, correct = correct + excluded.correct;
    END""",
    """CREATE TRIGGER totals_review_added AFTER INSERT ON review_log
       WHEN NEW.state_before = 2 BEGIN
        UPDATE day_totals SET reviews = reviews + 1, recalled = recalled + (NEW.rating > 1)
        WHERE day = (SELECT day FROM attempts WHERE id = NEW.attempt_id);
    END""",
    """CREATE TRIGGER totals_attempt_removed BEFORE DELETE ON attempts BEGIN
        UPDATE day_totals SET
            attempts = attempts - 1,
            correct = correct - OLD.correct,
            reviews = reviews - coalesce(
                (SELECT state_before = 2 FROM review_log WHERE attempt_id = OLD.id), 0),
            recalled = recalled - coalesce(
                (SELECT state_before = 2 AND rating > 1 FROM review_log
                 WHERE attempt_id = OLD.id), 0)
        WHERE day = OLD.day;
        UPDATE bank_totals SET attempts = attempts - 1, correct = correct - OLD.correct
        WHERE bank_id = OLD.bank_id;
    END""",
    "CREATE INDEX cards_bank_tags ON cards(bank_id, tags, state, stability)",
    # due counts per bank read the index alone
    "DROP INDEX cards_due",
    "CREATE INDEX cards_due ON cards(due, bank_id)",
)

V5: tuple[str, ...] = (
    "ALTER TABLE attempts ADD COLUMN undone INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE attempts ADD COLUMN retake_of INTEGER",
    "DROP TRIGGER totals_attempt_added",
    "DROP TRIGGER totals_attempt_removed",
    """CREATE TRIGGER totals_attempt_added AFTER INSERT ON attempts
       WHEN NEW.retake_of IS NULL BEGIN
        INSERT INTO day_totals (day, attempts, correct) VALUES (NEW.day, 1, NEW.correct)
        ON CONFLICT (day) DO UPDATE
            SET attempts = attempts + 1, correct = correct + excluded.correct;
        INSERT INTO bank_totals (bank_id, attempts, correct) VALUES (NEW.bank_id, 1, NEW.correct)
        ON CONFLICT (bank_id) DO UPDATE
            SET attempts = attempts + 1, correct = correct + excluded.correct;
    END""",
    """CREATE TRIGGER totals_attempt_removed BEFORE DELETE ON attempts
       WHEN OLD.retake_of IS NULL BEGIN
        UPDATE day_totals SET
            attempts = attempts - 1,
            correct = correct - OLD.correct,
            reviews = reviews - coalesce(
                (SELECT state_before = 2 FROM review_log WHERE attempt_id = OLD.id), 0),
            recalled = recalled - coalesce(
                (SELECT state_before = 2 AND rating > 1 FROM review_log
                 WHERE attempt_id = OLD.id), 0)
        WHERE day = OLD.day;
        UPDATE bank_totals SET attempts = attempts - 1, correct = correct - OLD.correct
        WHERE bank_id = OLD.bank_id;
    END""",
)

#: The columns of a ``cards`` row in the order ``review_log.card_before`` snapshots them.
#: Frozen with v2: a later version adding card columns snapshots them in a new format.
V2_CARD_COLUMNS: tuple[str, ...] = (
    "id",
    "bank_id",
    "question_id",
    "answer_key",
    "tags",
    "state",
    "step",
    "stability",
    "difficulty",
    "due",
    "last_review",
    "reps",
    "lapses",
    "introduced_day",
)
#: The ``cards`` columns of the current version.
CARD_COLUMNS = V2_CARD_COLUMNS
