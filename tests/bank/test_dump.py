"""dump_bank writes the documented format, deterministically, and every bank reads back equal."""

from __future__ import annotations

import re
from pathlib import Path

import msgspec
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import quiz.bank.dump as dump_module
from quiz.bank import (
    Bank,
    Cloze,
    Fact,
    Matching,
    MultipleChoice,
    Numeric,
    Ordering,
    Pair,
    ShortAnswer,
    Source,
    TrueFalse,
    load_bank,
    parse_bank_text,
)
from quiz.bank.dump import dump_bank
from quiz.bank.text import CONTROL_CHARS
from tests.conftest import ALL_TYPES_BANK, FOUNDING_BANK


def _reload(bank: Bank, path: Path) -> Bank:
    text = dump_bank(bank)
    return parse_bank_text(text, path=path)


def test_shipped_banks_round_trip() -> None:
    for path in (FOUNDING_BANK, ALL_TYPES_BANK):
        bank = load_bank(path)
        assert _reload(bank, path) == bank


def test_a_text_ending_in_three_dots_is_not_taken_for_the_end_of_the_document(
    tmp_path: Path,
) -> None:
    """A teaser line ending in "..." was read as YAML's document-end marker: its dots and the
    line break were dropped and the next item ran into it, and the bank did not load."""
    teaser = (
        "Vietnam will enjoy the fastest economic growth in Southeast Asia in 2020, according "
        "to a new forecast from British multinational ..."
    )
    storm = "The storm reached the coast of Victoria on Friday."
    bank = Bank(
        id="t",
        title="Teasers",
        source=Source(title="Teasers", text=f"{teaser}\n{storm}\n"),
        facts=(
            Fact("f-1", teaser, "date", "2020", teaser),
            Fact("f-2", storm, "place", "Victoria", storm),
        ),
        questions=(
            Cloze(
                id="q1",
                prompt="The storm reached the coast of ___ ...",
                source=storm,
                blanks=(("Victoria",),),
            ),
            Cloze(
                id="q2",
                prompt="Vietnam's growth is forecast for ___ ...",
                source=teaser,
                blanks=(("2020",),),
            ),
        ),
    )
    again = _reload(bank, tmp_path / "bank.yaml")
    assert (again.facts, again.questions) == (bank.facts, bank.questions)


def test_output_is_deterministic_and_in_documented_order() -> None:
    bank = load_bank(ALL_TYPES_BANK)
    first, second = dump_bank(bank), dump_bank(bank)
    assert first == second
    top = [line.split(":")[0] for line in first.splitlines() if re.match(r"^[a-z_]+:", line)]
    assert top == [
        "format",
        "id",
        "title",
        "description",
        "language",
        "tags",
        "as_of",
        "source",
        "facts",
        "questions",
    ]
    assert first.startswith("format: quiz-bank/1\n")
    assert "as_of: 2025-05-12\n" in first  # dates unquoted
    mc = first[first.index("- id: q-mayor-mc") :]
    mc = mc[: mc.index("\n\n")]
    keys = [line.strip().split(":")[0] for line in mc.splitlines() if not line.startswith("      ")]
    assert keys == [
        "- id",
        "type",
        "prompt",
        "choices",
        "answer",
        "fact",
        "source",
        "explanation",
        "tags",
        "difficulty",
    ]
    assert "    choices: [Ana Costa, Marta Silva, João Pires, Rui Lopes]\n" in first


def test_numbers_are_written_as_plain_numbers(tmp_path: Path) -> None:
    article = "About 4,000 cars and 2.5 buses."
    bank = Bank(
        id="n",
        title="N",
        source=Source(title="S", text=article),
        questions=(
            Numeric(id="a", prompt="How many cars?", source=article, answer=4000.0, unit="cars"),
            Numeric(id="b", prompt="How many buses?", source=article, answer=2.5, tolerance=0.5),
        ),
    )
    text = dump_bank(bank)
    assert "answer: 4000\n" in text and "answer: 2.5\n" in text and "tolerance: 0.5\n" in text
    path = tmp_path / "n.yaml"
    assert _reload(bank, path) == msgspec.structs.replace(bank, path=str(path))


def test_article_file_is_referenced_not_inlined(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("One sentence here.", encoding="utf-8")
    bank = Bank(
        id="f",
        title="F",
        source=Source(title="S", text="One sentence here.", file="a.txt"),
        questions=(TrueFalse(id="t", prompt="True?", source="One sentence here.", answer=True),),
    )
    text = dump_bank(bank)
    assert "file: a.txt" in text and "text:" not in text
    path = tmp_path / "f.yaml"
    assert _reload(bank, path) == msgspec.structs.replace(bank, path=str(path))


# -- property: any text round-trips ------------------------------------------------------------

_ALPHABET = st.characters(
    blacklist_categories=("Cs",),  # no lone surrogates
    blacklist_characters="\r",
)
_INTERESTING = st.sampled_from(
    [
        "yes",
        "no",
        "null",
        "~",
        "80,000",
        "15",
        "1:30",
        "2025-08-23",
        "- item",
        "key: value",
        "#hash",
        "'quoted'",
        '"double"',
        "“curly”",
        "a\nb",
        "[b]x[/b]",
        "&anchor",
        "*alias",
        "!tag",
        "%",
        "@",
        "`",
        "{x}",
        "a  b",
        "trailing:",
        "0x1F",
        ".inf",
        "1e3",
        "é",
        "日本",
    ]
)


def _clean(text: str) -> str:
    return CONTROL_CHARS.sub("", text).replace("___", "_").strip()


_text = (
    st.one_of(_INTERESTING, st.text(_ALPHABET, min_size=1, max_size=60)).map(_clean).filter(bool)
)
_ids = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,10}", fullmatch=True)


@st.composite
def _banks(draw: st.DrawFn) -> Bank:
    sentences = draw(st.lists(_text, min_size=1, max_size=4))
    article = "\n".join(sentences)
    src = st.sampled_from(sentences)
    qids = draw(st.lists(_ids, min_size=7, max_size=7, unique=True))
    common = lambda i: dict(  # noqa: E731
        id=qids[i],
        source=draw(src),
        explanation=draw(st.one_of(st.just(""), _text)),
        tags=tuple(draw(st.lists(_text, max_size=3))),
        difficulty=draw(st.one_of(st.none(), st.integers(1, 3))),
    )
    distinct = st.lists(_text, min_size=3, max_size=6, unique_by=str.casefold)
    choices = draw(distinct)
    multiple = draw(st.booleans())
    answers = tuple(choices[:2]) if multiple else (choices[0],)
    lefts = draw(distinct)
    rights = draw(st.lists(_text, min_size=len(lefts), max_size=len(lefts), unique_by=str.casefold))
    sentence = sentences[0]
    key_start = draw(st.integers(0, len(sentence) - 1))
    key = sentence[key_start : key_start + draw(st.integers(1, 20))].strip() or sentence
    questions = (
        MultipleChoice(
            **common(0),
            prompt=draw(_text),
            choices=tuple(choices),
            answers=answers,
            multiple=multiple,
        ),
        TrueFalse(**common(1), prompt=draw(_text), answer=draw(st.booleans())),
        Cloze(
            **common(2),
            prompt=draw(_text) + " ___ " + draw(_text),
            blanks=(tuple(draw(st.lists(_text, min_size=1, max_size=3))),),
        ),
        ShortAnswer(
            **common(3),
            prompt=draw(_text),
            answers=tuple(draw(st.lists(_text, min_size=1, max_size=3, unique=True))),
        ),
        Matching(
            **common(4),
            prompt=draw(_text),
            pairs=tuple(Pair(a, b) for a, b in zip(lefts, rights, strict=True)),
        ),
        Numeric(
            **common(5),
            prompt=draw(_text),
            answer=draw(st.floats(allow_nan=False, allow_infinity=False, width=64)),
            tolerance=draw(st.floats(0, 1e9)),
            unit=draw(st.one_of(st.just(""), _text)),
        ),
        Ordering(**common(6), prompt=draw(_text), items=tuple(draw(distinct))),
    )
    facts = (Fact(id="f1", statement=draw(_text), kind="term", key=key, source=sentence),)
    return Bank(
        id=draw(st.from_regex(r"[a-z0-9][a-z0-9_-]{0,20}", fullmatch=True)),
        title=draw(_text),
        description=draw(st.one_of(st.just(""), _text)),
        tags=tuple(draw(st.lists(_text, max_size=3))),
        as_of=draw(st.sampled_from(["", "2025-08-23"])),
        source=Source(title=draw(_text), text=article, outlet=draw(st.one_of(st.just(""), _text))),
        questions=questions,
        facts=facts,
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bank=_banks())
def test_any_bank_round_trips(bank: Bank) -> None:
    path = Path("/nonexistent/bank.yaml")
    text = dump_bank(bank)
    assert dump_bank(bank) == text
    assert parse_bank_text(text, path=path) == msgspec.structs.replace(bank, path=str(path))


# -- libyaml writes what PyYAML's own emitter writes ------------------------------------------

#: Pieces that make libyaml and PyYAML choose a style, fold a line or open a list: long texts
#: (folded at 100 columns), list and key look-alikes, quotes, blank lines, block headers, and
#: what libyaml escapes where PyYAML does not (U+0085, characters beyond U+FFFF).
_piece = st.one_of(
    _text,
    st.text("ab -:#'\"\n\t", min_size=1, max_size=8),
    st.sampled_from(
        [
            *("- ", ": ", " #", "'", '"', "\n", "\n\n", "  ", "|", ">", "key:", "-", "…", "“x”"),
            *("\x85", "🚀", "𐀀", "\\", "|-", "- - x", "a:\n- b"),
        ]
    ),
)
_long = st.lists(_piece, min_size=1, max_size=60).map(" ".join).map(_clean).filter(bool)
_ends = st.sampled_from(["", "\n", "\n\n", " ...", "\n...", "\n...\n", "\n\n\n", "  \n"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bank=_banks(), long=_long, prompt=_long, end=_ends)
def test_libyaml_writes_the_bytes_of_pyyaml_s_emitter(
    bank: Bank, long: str, prompt: str, end: str
) -> None:
    """The bank is written by libyaml for speed, re-indented to the layout PyYAML's emitter
    gives it; any bank must come out byte for byte the same either way (a teacher's
    ``--update`` would otherwise rewrite every list of a bank it did not change)."""
    first = msgspec.structs.replace(bank.questions[0], prompt=prompt + end)
    bank = msgspec.structs.replace(
        bank,
        description=long,
        questions=(first, *bank.questions[1:]),
        source=msgspec.structs.replace(bank.source, text=bank.source.text + end),
    )
    assert dump_module._FastDumper is not None
    fast = dump_bank(bank)
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(dump_module, "_FastDumper", None)
        assert dump_bank(bank) == fast


_TRICKY = [
    "notes:\n- a line that looks like an item\n  - and one deeper\nkey:\n-\nend",
    "- starts like an item\nkey: value\n",
    "a text that ends with a colon:\n- then an item",
    "ends in blank lines\n\n",
    "   leading spaces\nkeep them",
    "x " * 80 + "\n- y",
    "🚀 launch:\n- 𐀀",
]


@pytest.mark.parametrize("text", _TRICKY)
def test_libyaml_writes_the_bytes_of_pyyaml_s_emitter_on_texts_that_look_like_yaml(
    text: str,
) -> None:
    """Literal texts whose lines read as keys and list items are moved whole, never read."""
    every_type = load_bank(ALL_TYPES_BANK)
    first = msgspec.structs.replace(every_type.questions[0], prompt=text)
    bank = msgspec.structs.replace(
        every_type,
        description=text,
        questions=(first, *every_type.questions[1:]),
        source=msgspec.structs.replace(every_type.source, text=text, file=""),
    )
    fast = dump_bank(bank)
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(dump_module, "_FastDumper", None)
        assert dump_bank(bank) == fast
