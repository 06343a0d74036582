"""Anki: the package is imported by Anki's own library (the ``anki`` package from PyPI) into a
fresh collection, then a newer export is imported on top: notes are updated, never duplicated.
The package's database is also checked directly (zip + sqlite), which needs no Anki."""

from __future__ import annotations

import html
import json
import re
import sqlite3
import zipfile
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import genanki
import msgspec
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.bank import load_bank
from quiz.bank.model import Bank, Cloze, Matching, MultipleChoice, Ordering, ShortAnswer
from quiz.export import export_bank
from quiz.export.anki import field, note_fields, stable_id
from quiz.export.arrange import Arranger
from quiz.export.common import clean
from tests.conftest import ALL_TYPES_BANK, FOUNDING_BANK
from tests.export.conftest import assert_spread, examples, make_bank, quiz_export

T0 = 1_750_000_000.0


def write_apkg(bank: Bank, folder: Path, name: str, timestamp: float = T0) -> Path:
    path = folder / name
    path.write_bytes(export_bank(bank, "anki", timestamp=timestamp).data)
    return path


def read_db(apkg: Path, folder: Path) -> sqlite3.Connection:
    with zipfile.ZipFile(apkg) as archive:
        assert sorted(archive.namelist()) == ["collection.anki2", "media"]
        assert json.loads(archive.read("media")) == {}
        (folder / "db.anki2").write_bytes(archive.read("collection.anki2"))
    return sqlite3.connect(folder / "db.anki2")


class TestPackageDatabase:
    def test_notes_guids_models_and_deck(self, tmp_path: Path) -> None:
        bank = load_bank(ALL_TYPES_BANK)
        db = read_db(write_apkg(bank, tmp_path, "a.apkg"), tmp_path)
        rows = db.execute("SELECT guid, mid, tags, flds FROM notes ORDER BY id").fetchall()
        assert [r[0] for r in rows] == [genanki.guid_for(bank.id, q.id) for q in bank.questions]
        models = json.loads(db.execute("SELECT models FROM col").fetchone()[0])
        names = {int(mid): m["name"] for mid, m in models.items()}
        assert sorted(names.values()) == ["quiz basic", "quiz cloze", "quiz multiple choice"]
        assert {names[r[1]] for r in rows} == set(names.values())
        assert names[rows[0][1]] == "quiz multiple choice"
        assert names[rows[3][1]] == "quiz cloze"
        decks = json.loads(db.execute("SELECT decks FROM col").fetchone()[0])
        assert decks[str(stable_id("deck", bank.id))]["name"] == "Riverton opens its bridge"
        assert rows[0][2].split() == ["people", "riverton-bridge"]
        first = rows[0][3].split("\x1f")
        assert first[0] == "Who opened the new bridge?"
        assert first[2] == "B. Ana Costa"  # the choices in their seeded shuffle
        assert first[3] == "The mayor of Riverton, Ana Costa, opened the new bridge on Monday."
        assert first[4] == "The mayor, Ana Costa, opened it on Monday."

    def test_ids_are_stable_and_differ_per_bank(self, tmp_path: Path) -> None:
        bank = load_bank(ALL_TYPES_BANK)
        assert (
            export_bank(bank, "anki", timestamp=T0).data
            == export_bank(bank, "anki", timestamp=T0).data
        )
        other = msgspec.structs.replace(bank, id="another-bank")
        assert stable_id("deck", bank.id) != stable_id("deck", other.id)
        db = read_db(write_apkg(other, tmp_path, "b.apkg"), tmp_path)
        guids = {r[0] for r in db.execute("SELECT guid FROM notes")}
        assert guids.isdisjoint(genanki.guid_for(bank.id, q.id) for q in bank.questions)

    def test_bank_text_is_escaped_in_every_field(self, tmp_path: Path) -> None:
        hostile = '<script>alert(1)</script> {{c1::x}} & "q"'
        bank = make_bank(
            ShortAnswer(
                id="s",
                prompt=hostile,
                source=hostile,
                explanation=hostile,
                answers=(hostile,),
                tags=("two words", "x"),
            ),
            Cloze(id="c", prompt=f"{hostile} ___ end", source="s", blanks=(("a::b}}",),)),
        )
        db = read_db(write_apkg(bank, tmp_path, "h.apkg"), tmp_path)
        (short_fields, short_tags), (cloze_fields, _) = db.execute(
            "SELECT flds, tags FROM notes ORDER BY id"
        ).fetchall()
        assert "<script>" not in short_fields + cloze_fields
        assert "{{c1::x}}" not in short_fields + cloze_fields
        assert short_tags.split() == ["two_words", "x", "test-bank"]
        text = cloze_fields.split("\x1f")[0]
        assert text.count("{{c") == 1 and text.endswith("{{c1::a&#58;&#58;b&#125;&#125;}} end")


class TextOnly(HTMLParser):
    """The text a browser would show, and every tag it would build."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        self.tags.append(tag)
        if tag == "br":
            self.text.append("\n")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


@settings(max_examples=examples(300), deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from([*"<>&\"'{}:/=\n", "<script>", "{{c1::", "&amp;"]),
            st.characters(blacklist_categories=("Cs",)),
        )
    ).map("".join)
)
def test_any_text_is_shown_as_text(text: str) -> None:
    parser = TextOnly()
    parser.feed(field(text))
    parser.close()
    assert parser.tags == ["br"] * clean(text).count("\n")
    assert "".join(parser.text) == clean(text)
    assert "{" not in field(text) and "}" not in field(text)


def test_every_note_kind_only_has_our_tags() -> None:
    allowed = {"div", "ol", "ul", "li", "br"}
    bank = load_bank(ALL_TYPES_BANK)
    for question in bank.questions:
        for value in note_fields(question, Arranger.for_bank(bank))[1]:
            parser = TextOnly()
            parser.feed(value)
            assert set(parser.tags) <= allowed, (question.id, parser.tags)


# --- Anki's own importer -------------------------------------------------------------------

anki_collection = pytest.importorskip("anki.collection")


@pytest.fixture
def collection(tmp_path: Path) -> Iterator[Any]:
    col = anki_collection.Collection(str(tmp_path / "collection.anki2"))
    try:
        yield col
    finally:
        col.close()


def import_apkg(col: Any, path: Path) -> Any:
    from anki.import_export_pb2 import ImportAnkiPackageOptions

    request = anki_collection.ImportAnkiPackageRequest(
        package_path=str(path), options=ImportAnkiPackageOptions()
    )  # Anki's defaults
    return col.import_anki_package(request)


def notes_by_guid(col: Any) -> dict[str, Any]:
    return {(n := col.get_note(nid)).guid: n for nid in col.find_notes("")}


def test_anki_imports_every_question_as_a_note(collection: Any, tmp_path: Path) -> None:
    bank = load_bank(ALL_TYPES_BANK)
    import_apkg(collection, write_apkg(bank, tmp_path, "v1.apkg"))
    notes = notes_by_guid(collection)
    assert len(notes) == len(bank.questions) == 9
    mc = notes[genanki.guid_for(bank.id, "q-mayor-mc")]
    assert mc.note_type()["name"] == "quiz multiple choice"
    assert mc["Question"] == "Who opened the new bridge?"
    assert mc["Answer"] == "B. Ana Costa"
    assert sorted(mc.tags) == ["people", "riverton-bridge"]
    cloze = notes[genanki.guid_for(bank.id, "q-cost-cloze")]
    assert cloze.note_type()["name"] == "quiz cloze"
    assert len(cloze.cards()) == 2  # one card per blank
    literal = notes[genanki.guid_for(bank.id, "q-quote-literal")]
    card = literal.cards()[0]
    assert "[b]Who[/b] said" in card.question() and "<b>" not in card.question()
    assert "Source: “This bridge joins two halves of one town,” she said." in card.answer()
    assert collection.card_count() == 10
    deck_names = [d.name for d in collection.decks.all_names_and_ids()]
    assert "Riverton opens its bridge" in deck_names


def test_importing_a_newer_export_updates_notes_instead_of_duplicating(
    collection: Any, tmp_path: Path
) -> None:
    bank = load_bank(ALL_TYPES_BANK)
    import_apkg(collection, write_apkg(bank, tmp_path, "v1.apkg", T0))
    first = notes_by_guid(collection)

    edited = tuple(
        msgspec.structs.replace(q, prompt="Who cut the ribbon on the new bridge?")
        if q.id == "q-mayor-mc"
        else q
        for q in bank.questions
    )
    added = MultipleChoice(
        id="q-new", prompt="New?", source="s", choices=("a", "b"), answers=("a",)
    )
    newer = msgspec.structs.replace(bank, questions=(*edited, added))
    result = import_apkg(collection, write_apkg(newer, tmp_path, "v2.apkg", T0 + 3600))

    notes = notes_by_guid(collection)
    assert len(notes) == 10  # 9 updated in place + 1 new, no duplicates
    assert len(result.log.new) == 1
    assert len(result.log.duplicate) == 0
    assert notes.keys() == first.keys() | {genanki.guid_for(bank.id, "q-new")}
    mc = notes[genanki.guid_for(bank.id, "q-mayor-mc")]
    assert mc.id == first[mc.guid].id
    assert mc["Question"] == "Who cut the ribbon on the new bridge?"

    # The same export again changes nothing.
    import_apkg(collection, write_apkg(newer, tmp_path, "v3.apkg", T0 + 3600))
    assert len(notes_by_guid(collection)) == 10


def items(value: str) -> list[str]:
    """The texts of the ``<li>`` of an HTML field, as shown."""
    return [html.unescape(t) for t in re.findall(r"<li>(.*?)</li>", value)]


def export_apkg(folder: Path, name: str) -> Path:
    out = folder / name
    result = quiz_export("japan-korea-summit-2025", "-o", str(out), data_dir=folder / "data")
    assert result.returncode == 0, result.stderr
    return out


def test_two_exports_show_the_same_cards(tmp_path: Path) -> None:
    """Two runs of ``quiz export`` differ only in the notes' dates (Anki updates a note when
    the import is newer): every field, the shuffles included, is the same."""
    fields = []
    for name in ("one.apkg", "two.apkg"):
        folder = tmp_path / name.removesuffix(".apkg")
        folder.mkdir()
        db = read_db(export_apkg(folder, name), folder)
        fields.append(db.execute("SELECT guid, flds, tags FROM notes ORDER BY guid").fetchall())
        db.close()
    assert fields[0] == fields[1] and len(fields[0]) == 34


def test_founding_bank_imports(collection: Any, tmp_path: Path) -> None:
    """Imported by Anki's library: every answer letter names its right choice, the letters
    are spread, matching options and ordering items are never shown in the right order."""
    bank = load_bank(FOUNDING_BANK)
    import_apkg(collection, export_apkg(tmp_path, "jk.apkg"))
    notes = notes_by_guid(collection)
    assert len(notes) == len(bank.questions)
    for note in notes.values():
        for value in note.fields:
            assert "<script" not in value
    expected_cards = sum(len(q.blanks) if isinstance(q, Cloze) else 1 for q in bank.questions)
    assert collection.card_count() == expected_cards
    assert html.unescape(next(iter(notes.values())).fields[0])
    single: list[int] = []
    multi: list[set[int]] = []
    for q in bank.questions:
        note = notes[genanki.guid_for(bank.id, q.id)]
        if isinstance(q, MultipleChoice):
            shown = items(note["Choices"])
            assert sorted(shown) == sorted(q.choices)
            right = {ord(line[0]) - ord("A"): line[3:] for line in note["Answer"].split("<br>")}
            assert {i: shown[i] for i in right} == {i: html.unescape(t) for i, t in right.items()}
            assert sorted(shown[i] for i in right) == sorted(q.answers)
            if q.multiple:
                multi.append(set(right))
            else:
                single.append(*right)
        elif isinstance(q, Matching):
            options = items(note["Front"].split("Options:", 1)[1])
            assert sorted(options) == sorted(p.right for p in q.pairs)
            assert options != [p.right for p in q.pairs]
        elif isinstance(q, Ordering):
            shown, answer = items(note["Front"]), items(note["Back"])
            assert answer == list(q.items) and sorted(shown) == sorted(answer) and shown != answer
    assert_spread(single, multi)
