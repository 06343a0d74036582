"""Any bank text survives GIFT: Hypothesis writes questions full of GIFT's special characters,
markup, newlines and unusual Unicode; gift-pegjs must read back exactly the same text.

The comparison models what gift-pegjs does to whitespace (it trims, and collapses runs of two
or more whitespace characters to one space, like a browser would); every other character must
come back unchanged. Every text written with ``→`` for ``->`` must come with a warning.
"""

from __future__ import annotations

import re
from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from quiz.bank.model import Cloze, Matching, MultipleChoice, Numeric, Pair, ShortAnswer, TrueFalse
from quiz.export import export_bank
from quiz.export.common import clean
from quiz.export.gift import answer_text
from tests.export.conftest import GiftParser, examples, make_bank

# JavaScript's \s (what gift-pegjs collapses and trims), as a string of characters.
JS_SPACE = "\t\n\v\f\r \u00a0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff" + "".join(
    chr(c) for c in range(0x2000, 0x200B)
)
_RUNS = re.compile(f"[{re.escape(JS_SPACE)}]{{2,}}")

TRICKY = [
    *"~=#{}:\\[]%->/<>&_ \n\t",
    "->",
    "//",
    "::",
    "####",
    "[html]",
    "[plain]",
    "<script>",
    "\\n",
    "%50%",
    "{#1:2}",
    "$CATEGORY:",
]
text = st.lists(
    st.one_of(st.sampled_from(TRICKY), st.characters(blacklist_categories=("Cs",))),
    min_size=1,
    max_size=12,
).map("".join)


def parsed_form(value: str) -> str:
    """What gift-pegjs gives back for bank text ``value``."""
    cleaned = clean(value).replace("\n", "\x00")  # escaped newlines are not whitespace to it
    return _RUNS.sub(" ", cleaned).strip(JS_SPACE).replace("\x00", "\n")


def visible(value: str) -> bool:
    return bool(parsed_form(value))


nonempty = text.filter(visible)


@st.composite
def banks(draw: st.DrawFn) -> Any:
    prompt = draw(nonempty)
    explanation = draw(text)
    source = draw(nonempty)
    choices = draw(st.lists(nonempty, min_size=2, max_size=5, unique_by=parsed_form))
    right = draw(st.sampled_from(choices))
    # gift-pegjs (unlike Moodle) reads a weight after "=": keep the one right choice clear of it.
    assume(not answer_text(right).startswith("%"))
    multiple = draw(st.lists(st.booleans(), min_size=len(choices), max_size=len(choices)))
    accepted = draw(st.lists(nonempty, min_size=1, max_size=3))
    pairs = draw(st.lists(st.tuples(nonempty, nonempty), min_size=3, max_size=4))
    before = draw(text.filter(lambda t: "___" not in t and not t.endswith("_")))
    after = draw(text.filter(lambda t: "___" not in t and not t.startswith("_")))
    blank = draw(st.lists(nonempty.filter(lambda t: "___" not in t), min_size=1, max_size=2))
    unit = draw(text)
    common: dict[str, Any] = {"source": source, "explanation": explanation}
    return make_bank(
        MultipleChoice(id="mc", prompt=prompt, choices=tuple(choices), answers=(right,), **common),
        MultipleChoice(
            id="multi",
            prompt=prompt,
            choices=tuple(choices),
            multiple=True,
            answers=tuple(c for c, m in zip(choices, multiple, strict=True) if m) or (choices[0],),
            **common,
        ),
        TrueFalse(id="tf", prompt=prompt, answer=draw(st.booleans()), **common),
        ShortAnswer(id="sa", prompt=prompt, answers=tuple(accepted), **common),
        Matching(id="match", prompt=prompt, pairs=tuple(Pair(a, b) for a, b in pairs), **common),
        Numeric(id="num", prompt=prompt, answer=draw(st.floats(-1e9, 1e9)), unit=unit, **common),
        Cloze(id="cloze", prompt=f"{before}___{after}", blanks=(tuple(blank),), **common),
    )


def expected_short(answers: tuple[str, ...], *, inline: bool = False) -> list[str]:
    if any("->" in a for a in answers) and (
        inline
        or len(answers) > 1
        or answer_text(answers[0]).startswith("%")
        or not all(part.strip() for part in answers[0].split("->"))
    ):
        answers = tuple(a.replace("->", "→") for a in answers)
    return [parsed_form(a) for a in answers]


@settings(
    max_examples=examples(100),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(bank=banks())
def test_bank_text_round_trips_through_gift_pegjs(bank: Any, gift_parser: GiftParser) -> None:
    result = export_bank(bank, "gift")
    parsed = {q["title"]: q for q in gift_parser(result.data.decode()) if q["type"] != "Category"}
    by_id = {q.id: q for q in bank.questions}
    mc, multi, sa, match, cloze = (by_id[i] for i in ("mc", "multi", "sa", "match", "cloze"))
    prompt = parsed_form(mc.prompt)
    explained = [clean(mc.explanation)] if mc.explanation.strip() else []
    feedback = parsed_form("\n".join([*explained, "Source: " + clean(mc.source)]))

    assert parsed["mc"]["type"] == "MC"
    assert parsed["mc"]["stem"]["text"] == prompt
    # (a right first choice holding "->" is written second: compare without order)
    assert sorted((c["text"]["text"], c["isCorrect"]) for c in parsed["mc"]["choices"]) == sorted(
        (parsed_form(c), c in mc.answers) for c in mc.choices
    )
    assert parsed["mc"]["globalFeedback"]["text"] == feedback

    # (choices in their seeded shuffle: compare without order, each with its weight's sign)
    assert sorted((c["text"]["text"], c["weight"] > 0) for c in parsed["multi"]["choices"]) == (
        sorted((parsed_form(c), c in multi.answers) for c in multi.choices)
    )

    assert parsed["tf"]["stem"]["text"] == prompt
    assert parsed["tf"]["isTrue"] == by_id["tf"].answer

    assert parsed["sa"]["type"] == "Short"
    assert [c["text"]["text"] for c in parsed["sa"]["choices"]] == expected_short(sa.answers)

    assert parsed["match"]["type"] == "Matching"
    assert [(p["subquestion"]["text"], p["subanswer"]) for p in parsed["match"]["matchPairs"]] == [
        (parsed_form(p.left.replace("->", "→")), parsed_form(p.right)) for p in match.pairs
    ]

    assert parsed["num"]["type"] == "Numerical"
    assert parsed["num"]["choices"]["number"] == by_id["num"].answer

    assert parsed["cloze"]["type"] == "Short"
    assert [c["text"]["text"] for c in parsed["cloze"]["choices"]] == expected_short(
        cloze.blanks[0], inline=True
    )
    arrows = [w for w in result.warnings if w.message.startswith('"->" written as "→"')]
    altered = [p.left for p in match.pairs if "->" in p.left]
    for answers, inline in ((sa.answers, False), (cloze.blanks[0], True)):
        if expected_short(answers, inline=inline) != [parsed_form(a) for a in answers]:
            altered += [a for a in answers if "->" in a]
    assert len(arrows) == len(altered)

    stem = parsed["cloze"]["stem"]["text"]
    assert stem.count("_____") >= 1
    assert "{" not in stem.replace("{", "") and "\\" not in stem.replace("\\", "")
