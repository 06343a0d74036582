"""An Anki package (``.apkg``, via genanki): one note per question, in one deck per bank.

Note types (their ids are fixed, so every bank shares the same three), chosen by the
question's export shape (``quiz/bank/types/shapes.py``: a new type presenting as one of them
needs no change here; one that cannot be exported is left out, with a note):

- ``quiz basic`` (Front, Back, Source, Explanation): true/false, short answer, numeric,
  matching (both columns on the front, the pairs on the back), ordering (shuffled items on
  the front, the right order on the back).
- ``quiz multiple choice`` (Question, Choices, Answer, Source, Explanation).
- ``quiz cloze`` (Text, Source, Explanation), an Anki cloze type: blank N is ``{{cN::...}}``,
  so each blank is its own card.

Choices, the right-hand column of a matching question and the items of an ordering question
are shown in their seeded shuffle (``quiz.export.arrange``), the answer letters following it:
the same bank gives the same cards, so a re-import does not reorder them.

The back shows the source sentence and the explanation. Tags are kept, with spaces as ``_``
(Anki tags cannot hold spaces), plus the bank id as a tag. The deck id comes from the bank
id and each note's GUID from the bank id and question id, so importing a newer export of the
same bank updates its notes instead of adding copies (Anki's default: update if newer).

Bank text is untrusted: every field is HTML-escaped, and ``{``/``}`` (and ``:`` inside a
cloze) are written as character references so bank text can never form a ``{{c1::...}}``.
"""

from __future__ import annotations

import hashlib
import html
import io
import itertools
import json
import re
import sqlite3
import tempfile
import time
import zipfile
from pathlib import Path

from quiz.bank.model import Bank, Question
from quiz.bank.types.shapes import (
    Blanks,
    Choice,
    Number,
    Pairs,
    Sequence,
    Statement,
    TextAnswers,
)
from quiz.export import ExportResult
from quiz.export.arrange import Arranger
from quiz.export.common import clean, exportable, one_line, skipped_notes, split_blanks

MODEL_VERSION = 1  # bump when the fields or templates of a note type change

CSS = """\
.card { font-family: system-ui, sans-serif; font-size: 20px; text-align: left;
  color: black; background-color: white; max-width: 40em; margin: 0 auto; }
.hint { color: #666; font-size: 0.8em; }
.answer { font-weight: bold; }
.source { margin-top: 1em; color: #444; font-size: 0.85em; font-style: italic; }
.explanation { margin-top: 0.6em; font-size: 0.9em; }
ol.choices { list-style-type: upper-alpha; }
.cloze { font-weight: bold; color: blue; }
.nightMode .cloze { color: lightblue; }
"""

_BACK_EXTRA = (
    "{{#Source}}<div class=source>Source: {{Source}}</div>{{/Source}}"
    "{{#Explanation}}<div class=explanation>{{Explanation}}</div>{{/Explanation}}"
)


def stable_id(*parts: str) -> int:
    """An id in genanki's recommended range [2**30, 2**31), the same on every machine."""
    digest = hashlib.sha256("\x1f".join(("quiz", *parts)).encode()).digest()
    return (1 << 30) + int.from_bytes(digest[:8], "big") % (1 << 30)


def field(text: str, *, strip: bool = True) -> str:
    """Bank text as an Anki field: escaped HTML, newlines as ``<br>``, braces as references."""
    escaped = html.escape(clean(text, strip=strip), quote=True)
    escaped = escaped.replace("{", "&#123;").replace("}", "&#125;")
    return escaped.replace("\n", "<br>")


def cloze_answer(text: str) -> str:
    return field(text).replace(":", "&#58;")


def listing(items: list[str] | tuple[str, ...], tag: str = "ul", css: str = "") -> str:
    cls = f' class="{css}"' if css else ""
    return f"<{tag}{cls}>" + "".join(f"<li>{field(i)}</li>" for i in items) + f"</{tag}>"


def tag_name(text: str) -> str:
    return re.sub(r"\s+", "_", one_line(text))


def _models():
    import genanki

    basic = genanki.Model(
        stable_id("model", "quiz basic", str(MODEL_VERSION)),
        "quiz basic",
        fields=[{"name": "Front"}, {"name": "Back"}, {"name": "Source"}, {"name": "Explanation"}],
        templates=[
            {
                "name": "Card 1",
                "qfmt": "{{Front}}",
                "afmt": "{{FrontSide}}<hr id=answer><div class=answer>{{Back}}</div>" + _BACK_EXTRA,
            }
        ],
        css=CSS,
    )
    choice = genanki.Model(
        stable_id("model", "quiz multiple choice", str(MODEL_VERSION)),
        "quiz multiple choice",
        fields=[
            {"name": "Question"},
            {"name": "Choices"},
            {"name": "Answer"},
            {"name": "Source"},
            {"name": "Explanation"},
        ],
        templates=[
            {
                "name": "Card 1",
                "qfmt": "{{Question}}{{Choices}}",
                "afmt": "{{FrontSide}}<hr id=answer><div class=answer>{{Answer}}</div>"
                + _BACK_EXTRA,
            }
        ],
        css=CSS,
    )
    cloze = genanki.Model(
        stable_id("model", "quiz cloze", str(MODEL_VERSION)),
        "quiz cloze",
        fields=[{"name": "Text"}, {"name": "Source"}, {"name": "Explanation"}],
        templates=[
            {
                "name": "Cloze",
                "qfmt": "{{cloze:Text}}",
                "afmt": "{{cloze:Text}}<hr id=answer>" + _BACK_EXTRA,
            }
        ],
        css=CSS,
        model_type=genanki.Model.CLOZE,
    )
    return basic, choice, cloze


def note_fields(question: Question, arrange: Arranger) -> tuple[str, list[str]]:
    """(``basic`` / ``choice`` / ``cloze``, the fields before Source and Explanation), by the
    question's export shape; ``arrange`` gives the order options are shown in. A type that
    cannot be exported is a ValueError (:func:`build_package` leaves it out first)."""
    prompt = field(question.prompt)
    shape = arrange.shape(question)
    if isinstance(shape, Choice):
        hint = "<div class=hint>Choose all that apply.</div>" if shape.multiple else ""
        letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
        right = [
            f"{letters[i]}. {field(c)}" for i, c in enumerate(shape.options) if c in shape.answers
        ]
        return "choice", [
            prompt + hint,
            listing(shape.options, "ol", "choices"),
            "<br>".join(right),
        ]
    if isinstance(shape, Blanks):
        pieces = split_blanks(clean(question.prompt))
        text = field(pieces[0], strip=False)
        for i, blank in enumerate(shape.blanks):
            deletion = "{{c%d::%s}}" % (i + 1, cloze_answer(blank[0]))  # noqa: UP031
            text += deletion + field(pieces[i + 1], strip=False)
        return "cloze", [text]
    if isinstance(shape, Statement):
        return "basic", [
            prompt + "<div class=hint>True or false?</div>",
            "True" if shape.answer else "False",
        ]
    if isinstance(shape, TextAnswers):
        back = field(shape.answers[0])
        if len(shape.answers) > 1:
            others = ", ".join(field(a) for a in shape.answers[1:])
            back += f"<div class=hint>Also accepted: {others}</div>"
        return "basic", [prompt, back]
    if isinstance(shape, Number):
        unit = f"<div class=hint>(in {field(shape.unit)})</div>" if shape.unit.strip() else ""
        return "basic", [prompt + unit, field(question.answer_text())]
    if isinstance(shape, Pairs):
        lefts = [left for left, _ in shape.pairs]
        rights = arrange.pair_rights(question.id, shape)
        front = prompt + listing(lefts) + "<div class=hint>Options:</div>" + listing(rights)
        back = (
            "<ul>"
            + "".join(f"<li>{field(left)} → {field(right)}</li>" for left, right in shape.pairs)
            + "</ul>"
        )
        return "basic", [front, back]
    if isinstance(shape, Sequence):
        shuffled = arrange.sequence(question.id, shape)
        return "basic", [prompt + listing(shuffled), listing(shape.items, "ol")]
    raise ValueError(f"no Anki note for {question.TYPE}: {shape.reason}")


def deck_name(bank: Bank) -> str:
    # "::" in a deck name makes a sub-deck; a title is one deck.
    return one_line(bank.title).replace("::", ": ") or bank.id


def build_package(bank: Bank, seed: int | None = None):
    import genanki

    arrange = Arranger.for_bank(bank, seed)
    models = dict(zip(("basic", "choice", "cloze"), _models(), strict=True))
    deck = genanki.Deck(stable_id("deck", bank.id), deck_name(bank))
    deck.description = field(bank.description or bank.source.title)
    bank_tag = tag_name(bank.id)
    for question in exportable(bank.questions):
        kind, fields = note_fields(question, arrange)
        tags = list(
            dict.fromkeys([t for t in (tag_name(t) for t in question.tags) if t] + [bank_tag])
        )
        deck.add_note(
            genanki.Note(
                model=models[kind],
                fields=[*fields, field(question.source), field(question.explanation)],
                tags=tags,
                guid=genanki.guid_for(bank.id, question.id),
            )
        )
    return genanki.Package(deck)


def export(bank: Bank, *, timestamp: float | None = None, seed: int | None = None) -> ExportResult:
    """The ``.apkg`` bytes. ``timestamp`` (seconds) dates the notes; Anki updates a note on
    re-import when the new one is newer. Defaults to now, so two exports differ in their dates
    (and only there)."""
    package = build_package(bank, seed)
    when = time.time() if timestamp is None else timestamp
    with tempfile.TemporaryDirectory(prefix="quiz-anki-") as tmp:
        db_path = Path(tmp) / "collection.anki2"
        connection = sqlite3.connect(db_path)
        try:
            package.write_to_db(connection.cursor(), when, itertools.count(int(when * 1000)))
            connection.commit()
        finally:
            connection.close()
        database = db_path.read_bytes()
    out = io.BytesIO()
    stamp = time.gmtime(max(when, 315532800))[:6]  # zip dates start in 1980
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("collection.anki2", stamp), database, zipfile.ZIP_DEFLATED)
        archive.writestr(zipfile.ZipInfo("media", stamp), json.dumps({}), zipfile.ZIP_DEFLATED)
    return ExportResult(
        out.getvalue(), len(exportable(bank.questions)), skipped_notes(bank.questions)
    )
