"""Every text the TUI draws, made safe: control characters, escape codes and bidi overrides
become visible placeholders (:func:`quiz.safe_text.visible`) before Textual lays them out.

Why here and not at each place text is shown: bank text, article text, learner names and file
names reach the screen through some two hundred ``Content(...)``, ``Content.assemble(...)``,
markup strings and Rich ``Text`` cells, in every screen. Textual and Rich already pass every such
string through one function that strips a few control codes (bell, backspace, vertical tab,
form feed, carriage return) and let the rest through raw: ESC, C1 controls and U+202E (issue 20
found a bidi override in a prompt reaching the terminal). Widening that one function catches all
of them at once, including text added to a screen later. Markup is untouched (``[b]`` stays
three characters where it was literal, and styles markup where the app wrote markup).

Carriage return is still removed, as Textual does; every other character is replaced one for
one, so a style set on a span of the text stays on the same characters.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

import rich.text
import textual.content

from quiz.safe_text import VISIBLE_TABLE

#: The table both libraries' stripping now uses: theirs (carriage return dropped) and ours.
_TABLE: Final[dict[int, str | None]] = {**VISIBLE_TABLE, 0x0D: None}


def shown(text: str, _translate_table: Mapping[int, str | None] = _TABLE) -> str:
    """``text`` as the screen may show it: the replacement of the libraries' own stripping
    (whose signature, table argument included, it keeps)."""
    return text.translate(_translate_table)


def install() -> None:
    """Make Textual's ``Content`` and Rich's ``Text`` show unsafe characters as placeholders.

    Both look their stripping function up as a module global on every call, so replacing it
    there takes effect for every text made afterwards; idempotent. Checked by
    ``tests/reliability/test_tui_safe_text.py``, which fails if a Textual or Rich upgrade stops
    calling it (the screen would show the raw character again).
    """
    textual.content._strip_control_codes = shown
    rich.text.strip_control_codes = shown
