"""GIFT: every export is read back by gift-pegjs, an independent GIFT parser (npm), and the
parts a teacher relies on are checked: types, answers, weights, feedback, names, categories,
tags, and escaping of GIFT's special characters."""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from typing import Any

import pytest

from quiz.bank import load_bank
from quiz.bank.model import (
    Cloze,
    Matching,
    MultipleChoice,
    Numeric,
    Ordering,
    Pair,
    ShortAnswer,
    TrueFalse,
)
from quiz.export import ExportWarning, export_bank
from quiz.export.gift import percent
from tests.conftest import ALL_TYPES_BANK, FOUNDING_BANK
from tests.export.conftest import (
    GiftParser,
    assert_spread,
    export_twice,
    make_bank,
    quiz_export,
)

# Moodle's list of grades (question_bank::fraction_options_full); imports must hit one of
# them within 1e-5 or Moodle refuses the question.
MOODLE_GRADES = [
    1.0,
    0.9,
    0.8333333,
    0.8,
    0.75,
    0.7,
    0.6666667,
    0.6,
    0.5,
    0.4,
    0.3333333,
    0.3,
    0.25,
    0.2,
    0.1666667,
    0.1428571,
    0.125,
    0.1111111,
    0.1,
    0.05,
    0.0,
]
SPECIALS = "a~b=c#d{e}f:g\\h"


def gift(bank: Any) -> str:
    return export_bank(bank, "gift").data.decode("utf-8")


def questions(parsed: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {q["title"]: q for q in parsed if q["type"] != "Category"}


@pytest.fixture(scope="module")
def all_types(gift_parser: GiftParser) -> tuple[str, list[dict[str, Any]]]:
    text = gift(load_bank(ALL_TYPES_BANK))
    return text, gift_parser(text)


class TestEveryType:
    def test_multiple_choice(self, all_types: tuple[str, list[dict[str, Any]]]) -> None:
        q = questions(all_types[1])["q-mayor-mc"]
        assert q["type"] == "MC"
        assert q["stem"] == {"format": "plain", "text": "Who opened the new bridge?"}
        # In their seeded shuffle: the bank lists the right one first.
        assert [(c["text"]["text"], c["isCorrect"]) for c in q["choices"]] == [
            ("Marta Silva", False),
            ("Ana Costa", True),
            ("Rui Lopes", False),
            ("João Pires", False),
        ]
        assert q["globalFeedback"]["text"] == (
            "The mayor, Ana Costa, opened it on Monday.\n"
            "Source: The mayor of Riverton, Ana Costa, opened the new bridge on Monday."
        )

    def test_multiple_answers_have_weights_that_sum_to_zero(
        self, all_types: tuple[str, list[dict[str, Any]]]
    ) -> None:
        q = questions(all_types[1])["q-facts-multi"]
        assert q["type"] == "MC"
        weights = [(c["text"]["text"], c["weight"]) for c in q["choices"]]
        assert weights == [
            ("It replaced a tunnel", -100),
            ("It cost about 12 million euros", 50),
            ("It took three years to build", 50),
        ]
        assert not any(c["isCorrect"] for c in q["choices"])  # no "=": Moodle allows several

    def test_true_false(self, all_types: tuple[str, list[dict[str, Any]]]) -> None:
        q = questions(all_types[1])["q-cost-tf"]
        assert (q["type"], q["isTrue"]) == ("TF", False)

    def test_short_answer_keeps_variants(self, all_types: tuple[str, list[dict[str, Any]]]) -> None:
        q = questions(all_types[1])["q-mayor-short"]
        assert q["type"] == "Short"
        assert [c["text"]["text"] for c in q["choices"]] == ["Ana Costa", "Costa"]
        assert all(c["isCorrect"] for c in q["choices"])

    def test_numeric_with_tolerance(self, all_types: tuple[str, list[dict[str, Any]]]) -> None:
        q = questions(all_types[1])["q-cars-numeric"]
        assert q["type"] == "Numerical"
        assert q["choices"] == {"type": "range", "number": 4000, "range": 0}
        assert q["stem"]["text"].endswith("every day? (in cars)")
        assert "{#4000:0 " in all_types[0]

    def test_matching(self, all_types: tuple[str, list[dict[str, Any]]]) -> None:
        q = questions(all_types[1])["q-numbers-match"]
        assert q["type"] == "Matching"
        assert [(p["subquestion"]["text"], p["subanswer"]) for p in q["matchPairs"]] == [
            ("12 million", "euros the bridge cost"),
            ("4,000", "cars expected every day"),
            ("three", "years of construction"),
        ]

    def test_multi_blank_cloze_becomes_one_question_per_blank(
        self, all_types: tuple[str, list[dict[str, Any]]]
    ) -> None:
        parsed = questions(all_types[1])
        first, second = parsed["q-cost-cloze/blank-1"], parsed["q-cost-cloze/blank-2"]
        assert first["type"] == second["type"] == "Short"
        assert first["stem"]["text"] == (
            "The bridge cost approximately _____ million euros and took three years to build."
        )
        assert [c["text"]["text"] for c in first["choices"]] == ["12", "twelve"]
        assert second["stem"]["text"] == (
            "The bridge cost approximately 12 million euros and took _____ years to build."
        )
        assert [c["text"]["text"] for c in second["choices"]] == ["three", "3"]

    def test_markup_in_bank_text_stays_literal(
        self, all_types: tuple[str, list[dict[str, Any]]]
    ) -> None:
        q = questions(all_types[1])["q-quote-literal"]
        assert q["stem"] == {
            "format": "plain",
            "text": "[b]Who[/b] said “This bridge joins two halves of one town”? "
            "[@click=app.quit]x[/]",
        }

    def test_ordering_is_skipped_and_said(self) -> None:
        result = export_bank(load_bank(ALL_TYPES_BANK), "gift")
        assert "q-timeline-order" not in result.data.decode()
        assert result.notes[0] == "skipped 1 ordering question: GIFT has no ordering type"
        assert "split 1 multi-blank cloze question into 2 short-answer questions" in result.notes[1]
        assert result.exported == 8

    def test_names_ids_categories_and_tags(
        self, all_types: tuple[str, list[dict[str, Any]]]
    ) -> None:
        text, parsed = all_types
        assert [q["title"] for q in parsed if q["type"] == "Category"] == [
            "riverton-bridge/people",
            "riverton-bridge",
        ]
        mc = questions(parsed)["q-mayor-mc"]
        assert (mc["id"], mc["tags"]) == ("q-mayor-mc", ["people"])
        assert "\n// [id:q-mayor-mc] [tag:people]\n::q-mayor-mc::[plain]Who opened" in text
        assert text.startswith("// riverton-bridge: 8 questions exported by quiz (GIFT)\n\n")


def test_founding_bank_reads_back_whole(gift_parser: GiftParser, tmp_path: Path) -> None:
    """``quiz export`` run twice gives the same bytes; gift-pegjs reads every question, every
    right answer where the bank has it, and the right answers spread over the positions."""
    bank = load_bank(FOUNDING_BANK)
    parsed = questions(gift_parser(export_twice("gift", tmp_path).decode()))
    expected: set[str] = set()
    for q in bank.questions:
        if isinstance(q, Ordering):
            continue
        if isinstance(q, Cloze) and len(q.blanks) > 1:
            expected.update(f"{q.id}/blank-{i + 1}" for i in range(len(q.blanks)))
        else:
            expected.add(q.id)
    assert set(parsed) == expected
    kinds = {
        "multiple_choice": "MC",
        "true_false": "TF",
        "short_answer": "Short",
        "cloze": "Short",
        "numeric": "Numerical",
        "matching": "Matching",
    }
    for q in bank.questions:
        if q.id in parsed:
            assert parsed[q.id]["type"] == kinds[q.TYPE], q.id
    single: list[int] = []
    multi: list[set[int]] = []
    for q in bank.questions:
        if not isinstance(q, MultipleChoice):
            continue
        choices = parsed[q.id]["choices"]
        texts = [c["text"]["text"] for c in choices]
        assert sorted(texts) == sorted(q.choices), q.id
        if q.multiple:
            right = {i for i, c in enumerate(choices) if c["weight"] > 0}
            assert {texts[i] for i in right} == set(q.answers), q.id
            multi.append(right)
        else:
            (right_one,) = (i for i, c in enumerate(choices) if c["isCorrect"])
            assert texts[right_one] == q.answers[0], q.id
            single.append(right_one)
    assert_spread(single, multi)


def test_every_special_character_round_trips(gift_parser: GiftParser) -> None:
    bank = make_bank(
        MultipleChoice(
            id="mc",
            prompt=f"P {SPECIALS}\nline two",
            source="s {x}",
            explanation=f"E {SPECIALS}",
            choices=(f"R {SPECIALS}", f"W {SPECIALS}"),
            answers=(f"R {SPECIALS}",),
        ),
        ShortAnswer(id="sa", prompt="Q?", source="s", answers=(f"A {SPECIALS}", "B = C")),
        Matching(
            id="m:1",
            prompt="M",
            source="s",
            pairs=(Pair(f"L {SPECIALS}", f"R {SPECIALS}"), Pair("x", "y"), Pair("z", "w")),
        ),
    )
    parsed = questions(gift_parser(gift(bank)))
    mc = parsed["mc"]
    assert mc["stem"]["text"] == f"P {SPECIALS}\nline two"
    assert sorted((c["text"]["text"], c["isCorrect"]) for c in mc["choices"]) == [
        (f"R {SPECIALS}", True),
        (f"W {SPECIALS}", False),
    ]
    assert mc["globalFeedback"]["text"] == f"E {SPECIALS}\nSource: s {{x}}"
    assert [c["text"]["text"] for c in parsed["sa"]["choices"]] == [f"A {SPECIALS}", "B = C"]
    pairs = parsed["m:1"]["matchPairs"]
    assert (pairs[0]["subquestion"]["text"], pairs[0]["subanswer"]) == (
        f"L {SPECIALS}",
        f"R {SPECIALS}",
    )


def test_escapes_follow_the_moodle_spec() -> None:
    bank = make_bank(ShortAnswer(id="q", prompt="a~b=c#d{e}f:g\\h\ni", source="s", answers=("x",)))
    assert "::q::[plain]a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h\\ni {=x ####Source\\: s}" in gift(bank)


class TestSingleBlankCloze:
    def test_blank_inside_is_the_missing_word_form(self, gift_parser: GiftParser) -> None:
        bank = make_bank(
            Cloze(
                id="c",
                prompt="Lee met ___ in Tokyo.",
                source="s",
                blanks=(("Ishiba", "Shigeru Ishiba"),),
            )
        )
        text = gift(bank)
        assert "::c::[plain]Lee met {=Ishiba =Shigeru Ishiba ####Source\\: s} in Tokyo." in text
        (q,) = questions(gift_parser(text)).values()
        assert q["hasEmbeddedAnswers"] is True
        assert q["stem"]["text"] == "Lee met _____ in Tokyo."

    @pytest.mark.parametrize("prompt", ["___ met Ishiba.", "Lee met ___"])
    def test_blank_at_an_edge_is_written_out(self, prompt: str, gift_parser: GiftParser) -> None:
        # Moodle shows no blank for an answer block at the very end of the text.
        bank = make_bank(Cloze(id="c", prompt=prompt, source="s", blanks=(("Lee",),)))
        (q,) = questions(gift_parser(gift(bank))).values()
        assert q["stem"]["text"] == prompt.replace("___", "_____")
        assert [c["text"]["text"] for c in q["choices"]] == ["Lee"]


def test_numbers_are_plain_decimals(gift_parser: GiftParser) -> None:
    bank = make_bank(
        Numeric(id="big", prompt="?", source="s", answer=1e20, tolerance=5e-7),
        Numeric(id="neg", prompt="?", source="s", answer=-2.5, tolerance=0.5, unit="°C"),
    )
    text = gift(bank)
    assert "{#100000000000000000000:0.0000005 " in text
    parsed = questions(gift_parser(text))
    assert parsed["neg"]["choices"] == {"type": "range", "number": -2.5, "range": 0.5}
    assert parsed["neg"]["stem"]["text"] == "? (in °C)"


@pytest.mark.parametrize(("total", "right"), [(n, k) for n in range(2, 7) for k in range(1, n + 1)])
def test_weights_are_moodle_grades_and_guessing_all_scores_zero(total: int, right: int) -> None:
    choices = tuple(f"c{i}" for i in range(total))
    bank = make_bank(
        MultipleChoice(
            id="m", prompt="?", source="s", choices=choices, answers=choices[:right], multiple=True
        )
    )
    weights = [float(w) for w in re.findall(r"^~%(-?[0-9.]+)%", gift(bank), re.MULTILINE)]
    assert len(weights) == total
    for weight in weights:
        assert any(abs(abs(weight) / 100 - g) < 1e-5 for g in MOODLE_GRADES), weight
    assert sum(w for w in weights if w > 0) == pytest.approx(100, abs=1e-3)
    if right < total:
        assert sum(weights) == pytest.approx(0, abs=1e-3)


def test_percent_format() -> None:
    assert [percent(100 / k) for k in (1, 2, 3, 6)] == ["100", "50", "33.33333", "16.66667"]
    assert percent(-100 / 3) == "-33.33333"


class TestTextMoodleWouldMisread:
    def test_leading_weight_lookalike_and_format_marker(self, gift_parser: GiftParser) -> None:
        bank = make_bank(
            MultipleChoice(
                id="m",
                prompt="[html]<b>x</b>",
                source="s",
                choices=("%50% off", "[html]half", "none"),
                answers=("none",),
            ),
            ShortAnswer(id="s", prompt="?", source="s", answers=("%20", "[markdown]x")),
        )
        text = gift(bank)
        # Moodle reads "~%50%..." as a 50% weight and "[html]" as a format: both are protected.
        assert {"~%0%%50% off", "~[plain][html]half", "=none"} <= set(text.splitlines())
        assert "{=%100%%20 =[plain][markdown]x " in text
        parsed = questions(gift_parser(text))
        assert parsed["m"]["stem"]["text"] == "[html]<b>x</b>"
        assert sorted((c["text"]["text"], c["isCorrect"]) for c in parsed["m"]["choices"]) == [
            ("%50% off", False),
            ("[html]half", False),
            ("none", True),
        ]
        assert [c["text"]["text"] for c in parsed["s"]["choices"]] == ["%20", "[markdown]x"]

    def test_an_arrow_at_the_end_of_a_lone_answer_is_written_as_an_arrow_sign(
        self, gift_parser: GiftParser
    ) -> None:
        """GIFT's one-answer form ``{a->b}`` needs text on both sides: "T->" bare was read as
        a pair with no right side, and gift-pegjs refused the file (the round-trip property
        test found it)."""
        bank = make_bank(ShortAnswer(id="end", prompt="?", source="s", answers=("T->",)))
        result = export_bank(bank, "gift")
        warnings = [w.message for w in result.warnings]
        parsed = questions(gift_parser(result.data.decode()))
        assert parsed["end"]["type"] == "Short"
        assert [c["text"]["text"] for c in parsed["end"]["choices"]] == ["T→"]
        assert any("at either end of an answer" in w for w in warnings)

    def test_arrow_in_answers_and_matching(self, gift_parser: GiftParser) -> None:
        bank = make_bank(
            ShortAnswer(id="one", prompt="?", source="s", answers=("a->b",)),
            ShortAnswer(id="two", prompt="?", source="s", answers=("a->b", "ab")),
            Matching(
                id="m",
                prompt="?",
                source="s",
                pairs=(Pair("x->y", "1->2"), Pair("b", "2"), Pair("c", "3")),
            ),
        )
        text = gift(bank)
        assert "::one::[plain]? {a->b " in text
        parsed = questions(gift_parser(text))
        assert (parsed["one"]["type"], parsed["one"]["choices"][0]["text"]["text"]) == (
            "Short",
            "a->b",
        )
        assert [c["text"]["text"] for c in parsed["two"]["choices"]] == ["a→b", "ab"]
        first = parsed["m"]["matchPairs"][0]
        assert (first["subquestion"]["text"], first["subanswer"]) == ("x→y", "1->2")
        assert [str(w) for w in export_bank(bank, "gift").warnings] == [
            'gift: two: "->" written as "→" in "a->b" '
            "(GIFT cannot escape it in a short answer with several answers)",
            'gift: m: "->" written as "→" in "x->y" (GIFT cannot escape it in a matching pair)',
        ]


def test_tags_and_categories_are_sanitised(gift_parser: GiftParser) -> None:
    bank = make_bank(
        TrueFalse(id="t", prompt="?", source="s", answer=True, tags=("a/b [c]", "two words"))
    )
    text = gift(bank)
    assert "$CATEGORY: test-bank/a-b -c" in text
    (q,) = questions(gift_parser(text)).values()
    assert q["tags"] == ["a/b -c-", "two words"]


def test_every_type_combination_parses(gift_parser: GiftParser) -> None:
    """Every question of the all-types bank, alone and in pairs, parses (no question leaks
    into the next)."""
    bank = load_bank(ALL_TYPES_BANK)
    for a, b in itertools.combinations(bank.questions, 2):
        parsed = [q for q in gift_parser(gift(make_bank(a, b))) if q["type"] != "Category"]
        expected = sum(
            0 if isinstance(q, Ordering) else len(getattr(q, "blanks", (1,))) for q in (a, b)
        )
        assert len(parsed) == expected, (a.id, b.id)


class TestWarnings:
    """Each text GIFT cannot hold as it is comes back as a warning naming its question."""

    def test_every_alteration_is_one_warning(self) -> None:
        bank = make_bank(
            ShortAnswer(id="one", prompt="?", source="s", answers=("a->b",)),  # bare: kept
            ShortAnswer(id="pct", prompt="?", source="s", answers=("%a->b",)),
            Cloze(id="c", prompt="x ___ y ___", source="s", blanks=(("p->q", "r"), ("s->t",))),
            Matching(
                id="m",
                prompt="?",
                source="s",
                pairs=(Pair("x->y", "1->2"), Pair("b->c", "2"), Pair("c", "3")),
            ),
            TrueFalse(id="t", prompt="a\x07b", source="s", answer=True, tags=("a/b [c]", "ok")),
            MultipleChoice(id="mc", prompt="?", source="s", choices=("a->b", "c"), answers=("c",)),
        )
        result = export_bank(bank, "gift")
        assert all(isinstance(w, ExportWarning) and w.format == "gift" for w in result.warnings)
        assert [(w.question_id, w.message) for w in result.warnings] == [
            (
                "pct",
                '"->" written as "→" in "%a->b" (GIFT cannot escape it in an answer that '
                'starts with "%")',
            ),
            (
                "c",
                '"->" written as "→" in "p->q" (GIFT cannot escape it in the answers of a blank)',
            ),
            (
                "c",
                '"->" written as "→" in "s->t" (GIFT cannot escape it in the answers of a blank)',
            ),
            ("m", '"->" written as "→" in "x->y" (GIFT cannot escape it in a matching pair)'),
            ("m", '"->" written as "→" in "b->c" (GIFT cannot escape it in a matching pair)'),
            ("t", 'control character U+0007 written as a space in the prompt "a b"'),
            ("t", 'tag "a/b [c]" written as "a/b -c-" (GIFT cannot hold "[" or "]" in a tag)'),
            (
                "t",
                'category of the tag "a/b [c]" written as "test-bank/a-b -c" '
                '(GIFT cannot hold "/", "\\", "[" or "]" in a category name)',
            ),
        ]

    def test_a_clean_bank_has_none(self) -> None:
        assert export_bank(load_bank(FOUNDING_BANK), "gift").warnings == ()
        assert export_bank(load_bank(ALL_TYPES_BANK), "gift").warnings == ()

    def test_quiz_export_prints_one_line_each_and_exits_0(self, tmp_path: Path) -> None:
        (tmp_path / "article.txt").write_text("The A->B line opened in 2024.\n", encoding="utf-8")
        (tmp_path / "arrows.yaml").write_text(
            """\
format: quiz-bank/1
id: arrows
title: Arrows
source: {title: Arrows, file: article.txt}
questions:
  - id: q-pairs
    type: matching
    prompt: Match them.
    pairs:
      - {left: "A->B", right: "the line"}
      - {left: "2024", right: "the year"}
      - {left: "opened", right: "what it did"}
    source: The A->B line opened in 2024.
  - id: q-line
    type: short_answer
    prompt: Which line opened?
    answer: "A->B"
    accept: ["A to B"]
    source: The A->B line opened in 2024.
""",
            encoding="utf-8",
        )
        out = tmp_path / "arrows.gift"
        result = quiz_export(str(tmp_path / "arrows.yaml"), "-o", str(out), data_dir=tmp_path)
        assert result.returncode == 0, result.stderr
        assert result.stderr.decode().splitlines() == [
            'quiz export: warning: gift: q-pairs: "->" written as "→" in "A->B" '
            "(GIFT cannot escape it in a matching pair)",
            'quiz export: warning: gift: q-line: "->" written as "→" in "A->B" '
            "(GIFT cannot escape it in a short answer with several answers)",
            f"wrote 2 of 2 questions to {out} (gift)",
        ]
        assert "=A→B -> the line" in out.read_text(encoding="utf-8")
