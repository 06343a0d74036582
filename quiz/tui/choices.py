"""What the learner chose last time they started a quiz on each bank (how many questions,
which types and tags, only the ones missed), so that the start dialog opens on it.

One small JSON file in the data dir, ``start-choices.json``, replaced atomically
(:func:`quiz.atomic.write_atomic`) so that a crash never leaves half of it. A file that cannot
be read or makes no sense is treated as empty: remembering is a convenience, never a reason
to stop. Imports nothing from Textual.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from pathlib import Path
from typing import Any

from msgspec import Struct

from quiz.session import Options

__all__ = ["CHOICES_FILE", "FORMAT", "StartChoice", "choices_file", "load_choice", "save_choice"]

CHOICES_FILE = "start-choices.json"
FORMAT = "quiz-start-choices/1"
#: Banks remembered at most: the least recently started are forgotten first.
KEEP = 200


def choices_file(data_dir: Path) -> Path:
    """Where the choices are kept."""
    return Path(data_dir) / CHOICES_FILE


class StartChoice(Struct, frozen=True):
    """How to start a quiz on one bank. ``count`` None: every question that passes the
    filters; empty ``types`` / ``tags``: no filter; ``missed_only``: only the questions whose
    first answer was wrong in the bank's last session; ``new_only``: only those never answered
    (how a quiz left midway goes on where it stopped). With both, either kind is asked."""

    count: int | None = None
    types: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    missed_only: bool = False
    new_only: bool = False

    def options(
        self,
        missed: Collection[str] = (),
        seed: int | None = None,
        unanswered: Collection[str] = (),
    ) -> Options:
        """The session's options; ``missed`` are the question ids missed last time,
        ``unanswered`` those never answered."""
        only = (*(missed if self.missed_only else ()), *(unanswered if self.new_only else ()))
        return Options(
            count=self.count,
            types=self.types,
            tags=self.tags,
            only=tuple(dict.fromkeys(only)),
            seed=seed,
        )


def load_choice(data_dir: Path, bank_id: str) -> StartChoice | None:
    """The choice last saved for ``bank_id``, or None (never saved, or unreadable)."""
    entry = _read(data_dir).get(bank_id)
    if not isinstance(entry, dict):
        return None
    count = entry.get("count")
    types = entry.get("types", [])
    tags = entry.get("tags", [])
    if not (
        count is None or (isinstance(count, int) and not isinstance(count, bool) and count > 0)
    ):
        count = None
    return StartChoice(
        count=count,
        types=tuple(t for t in types if isinstance(t, str)) if isinstance(types, list) else (),
        tags=tuple(t for t in tags if isinstance(t, str)) if isinstance(tags, list) else (),
        missed_only=entry.get("missed_only") is True,
        new_only=entry.get("new_only") is True,
    )


def save_choice(data_dir: Path, bank_id: str, choice: StartChoice) -> None:
    """Remember ``choice`` for ``bank_id`` (the file is rewritten atomically; the most
    recently started bank comes last). Raises :class:`OSError`."""
    from quiz.atomic import write_atomic

    banks = _read(data_dir)
    banks.pop(bank_id, None)
    banks[bank_id] = {
        "count": choice.count,
        "types": list(choice.types),
        "tags": list(choice.tags),
        "missed_only": choice.missed_only,
        "new_only": choice.new_only,
    }
    kept = dict(list(banks.items())[-KEEP:])
    text = json.dumps({"format": FORMAT, "banks": kept}, ensure_ascii=False, indent=1)
    write_atomic(choices_file(data_dir), text + "\n")


def _read(data_dir: Path) -> dict[str, Any]:
    try:
        data = json.loads(choices_file(data_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return {}
    banks = data.get("banks")
    return dict(banks) if isinstance(banks, dict) else {}
