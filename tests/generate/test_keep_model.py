"""The teacher model: weights learned from the blind ratings, and how the gate uses them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from quiz.bank.model import Cloze, MultipleChoice
from quiz.generate.keep_features import NAMES, ArticleIndex, features, same_answer
from quiz.generate.keep_model import judge, topic, weights
from tests.generate.conftest import ARTICLES, FOUNDING_ARTICLE

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "docs" / "quality" / "v2" / "keep-model"
ARTICLE = (
    "Emirates orders 30 Boeing jets\n"
    "Emirates ordered 30 Boeing 787 jets worth $9 billion on Wednesday, the airline said. "
    "The 787-9 seats 290 passengers and its fuel burn fell 2.375 percent, a spokesman said. "
    "The order replaces an earlier plan for 40 jets."
)
HEADLINE = "Emirates ordered ___ Boeing 787 jets worth $9 billion on Wednesday, the airline said."
SIDE = "The 787-9 seats 290 passengers and its fuel burn fell ___ percent, a spokesman said."


def _cloze(qid: str, prompt: str, answer: str) -> Cloze:
    source = prompt.replace("___", answer)
    return Cloze(id=qid, prompt=prompt, source=source, blanks=((answer,),))


def test_the_shipped_weights_are_what_training_on_the_ratings_gives(tmp_path: Path) -> None:
    """No hand-set weight: the file is reproduced from the committed feature table."""
    out = tmp_path / "weights.json"
    subprocess.run(
        [sys.executable, str(MODEL / "train.py"), str(MODEL / "features.csv"), "--out", str(out)],
        check=True,
        capture_output=True,
        cwd=ROOT,
    )
    shipped = json.loads((ROOT / "quiz" / "generate" / "keep_weights.json").read_text())
    assert json.loads(out.read_text()) == shipped
    assert list(shipped["weights"]) == list(NAMES)


def test_the_feature_table_has_every_rated_question() -> None:
    rows = (MODEL / "features.csv").read_text().splitlines()
    assert rows[0].split(",")[4:] == list(NAMES)
    assert len(rows) - 1 == 3425  # rounds 8 to 34 of docs/generation-quality.md


def test_a_headline_figure_is_judged_better_than_a_decimal_beside_a_speaker() -> None:
    headline = _cloze("cz-a", HEADLINE, "30")
    side = _cloze("cz-b", SIDE, "2.375")
    (good, _), (bad, against) = judge([headline, side], ARTICLE, "Emirates orders 30 Boeing jets")
    assert good > bad
    # what tells the side figure: a number the headline does not carry, next to other numbers
    # or a speaker (which sign weighs most moves as ratings are added)
    signs = ("answer decimal", "attribution", "number off headline", "stem numbers")
    assert any(sign in against for sign in signs), against


def test_an_article_without_its_headline_is_judged_by_its_lead() -> None:
    assert topic(ARTICLE, "Emirates orders 30 Boeing jets") == "Emirates orders 30 Boeing jets"
    body = ARTICLE.split("\n", 1)[1]
    assert topic(body, "Boeing article").startswith("Emirates ordered 30 Boeing 787 jets")


def test_features_see_the_other_questions_of_the_bank() -> None:
    one = _cloze("cz-a", HEADLINE, "30")
    shown = MultipleChoice(
        id="mc-b",
        prompt="How many jets were in the earlier plan?",
        source="The order replaces an earlier plan for 40 jets.",
        choices=("30", "40", "50", "60"),
        answers=("40",),
    )
    index = ArticleIndex(ARTICLE, "Emirates orders 30 Boeing jets")
    alone = features(one, index, [one])
    beside = features(one, index, [one, shown])
    where = NAMES.index("answer_shown_elsewhere")
    assert alone[where] == 0 and beside[where] > 0
    assert len(alone) == len(NAMES) == len(weights().weights)


def test_answers_a_learner_gives_the_same_way() -> None:
    assert same_answer("Neumann", "Adam Neumann")
    assert same_answer("NASA", "nasa")
    assert not same_answer("Canada", "Japan")


@pytest.mark.parametrize(
    "path", [FOUNDING_ARTICLE, *sorted(ARTICLES.glob("heldout2/*.txt"))[:3]], ids=lambda p: p.stem
)
def test_a_bank_asks_once_per_answer_and_sentence(make: Any, path: Path) -> None:
    from quiz.generate.gate import DOUBT
    from quiz.generate.keep_features import answer_of

    bank = make(path.read_text(encoding="utf-8"), at_least=3).bank  # the best three at least
    answers = [answer_of(q) for q in bank.questions if answer_of(q)]
    for i, a in enumerate(answers):
        assert not any(same_answer(a, b) for b in answers[i + 1 :]), (a, answers)
    assert len(bank.questions) >= 3
    sources = [q.source for q in bank.questions]
    assert len(sources) == len(set(sources))  # one question per sentence
    doubted = [q for q in bank.drafts if q.held_back.startswith(DOUBT)]
    assert all("chance kept" in q.held_back for q in doubted)


def test_a_number_is_accepted_as_readers_write_it() -> None:
    from quiz.generate.asking import number_variants

    assert number_variants("seven") == ("seven", "7")
    assert set(number_variants("20%")) == {"20%", "20 percent", "20"}
    assert "1200" in number_variants("1,200")


def test_signs_of_missing_context_count_against_a_question() -> None:
    index = ArticleIndex(ARTICLE, "Emirates orders 30 Boeing jets")
    plain = _cloze("cz-a", "The order replaces an earlier plan for ___ jets.", "40")
    dated = _cloze("cz-b", "On Monday the order replaced those plans for ___ jets.", "40")
    split = _cloze("cz-c", "The order went to Blue ___ and Boeing.", "Origin")
    for name, q in (("relative_time", dated), ("refers_back", dated), ("split_name", split)):
        assert features(q, index, [q])[NAMES.index(name)] == 1.0, name
        assert features(plain, index, [plain])[NAMES.index(name)] == 0.0, name


def test_a_number_the_stem_already_gives_counts_against_it() -> None:
    index = ArticleIndex(ARTICLE, "Emirates orders 30 Boeing jets")
    sums = _cloze("cz-a", "Five companies join nine others, for a total of ___ firms.", "14")
    converted = _cloze("cz-b", "It goes from zero to ___ mph (97 kph) in six seconds.", "60")
    alone = _cloze("cz-c", "The order replaces an earlier plan for ___ jets.", "40")
    stem, conversion = NAMES.index("stem_numbers"), NAMES.index("conversion")
    assert features(sums, index, [sums])[stem] > 0 == features(alone, index, [alone])[stem]
    assert features(converted, index, [converted])[conversion] == 1.0
    assert features(alone, index, [alone])[conversion] == 0.0


def test_a_candidate_judged_alone_is_judged_as_a_bank_of_one() -> None:
    """The gate orders hundreds of candidates by the model before a bank exists; judging each
    alone (linear) must give what a bank of that one question would."""
    from quiz.generate.keep_model import judge_each

    headline = _cloze("cz-a", HEADLINE, "30")
    side = _cloze("cz-b", SIDE, "2.375")
    title = "Emirates orders 30 Boeing jets"
    alone = judge_each([headline, side], ARTICLE, title)
    assert alone == [judge([q], ARTICLE, title)[0][0] for q in (headline, side)]
    assert alone[0] > alone[1]
