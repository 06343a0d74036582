"""The precision gate (generation v2): what a generated bank guarantees, on every article we
have — the questions pass ``quiz check``'s item review, the true/false statements are balanced,
the keys are spread over the positions, and whatever was held back is a draft with its reason."""

from __future__ import annotations

import math
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from quiz.bank import load_bank
from quiz.bank.model import MultipleChoice, TrueFalse
from quiz.bank.review.registry import review
from quiz.generate.balance import TURNED, balance_true_false, deal_positions, deal_truths
from quiz.generate.candidate import Candidate
from quiz.generate.gate import question_target
from tests.generate.conftest import ARTICLES, FOUNDING_ARTICLE

DEV_ARTICLES = [
    FOUNDING_ARTICLE,
    *sorted(ARTICLES.glob("*.txt")),
    *sorted(ARTICLES.glob("*/*.txt")),
]


@pytest.fixture(scope="module")
def generated(make: Any) -> dict[str, Any]:
    return {p.stem: make(p.read_text(encoding="utf-8")) for p in DEV_ARTICLES}


@pytest.fixture(scope="module")
def banks(generated: dict[str, Any]) -> dict[str, Any]:
    return {name: g.bank for name, g in generated.items()}


def test_every_question_passes_the_item_review(banks: dict[str, Any]) -> None:
    for name, bank in banks.items():
        shown = [f"{a.code} {a.question}: {a.finding}" for a in review(bank).shown]
        assert shown == [], name


def test_attribution_and_trivia_are_held_back(banks: dict[str, Any]) -> None:
    for name, bank in banks.items():
        for q in bank.questions:
            assert not re.match(r"Who (?:said|told)\b", q.prompt), (name, q.prompt)
            if isinstance(q, MultipleChoice):
                days = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}
                assert not set(q.choices) & days, (name, q.prompt)


def test_true_and_false_statements_are_balanced(banks: dict[str, Any]) -> None:
    for name, bank in banks.items():
        statements = [q for q in bank.questions if isinstance(q, TrueFalse)]
        keyed = [q.answer for q in statements]
        if len(statements) == 1:  # a lone one only when its truth is a seeded coin (scale)
            assert "gives the figure as" in statements[0].explanation, name
        elif keyed:
            assert 0.4 <= sum(keyed) / len(keyed) <= 0.6, name


def test_the_right_option_is_spread_over_the_positions(banks: dict[str, Any]) -> None:
    for name, bank in banks.items():
        single = [q for q in bank.questions if isinstance(q, MultipleChoice) and not q.multiple]
        places = Counter(q.choices.index(q.answers[0]) for q in single)
        if single:
            assert max(places.values()) <= math.ceil(len(single) / 3) + 1, (name, places)


def test_drafts_carry_their_reason_and_the_bank_follows_the_article(
    banks: dict[str, Any],
) -> None:
    for name, bank in banks.items():
        assert all(q.held_back for q in bank.drafts), name
        assert not {q.id for q in bank.drafts} & {q.id for q in bank.questions}, name
        words = sum(len(s.split()) for s in bank.source.text.splitlines())
        assert len(bank.questions) <= question_target(words, 25), name


def test_question_target() -> None:
    assert question_target(120, 25) == 5
    assert question_target(400, 25) == 11
    assert question_target(350, 25) == 10  # 350 / 35
    assert question_target(2000, 25) == 25
    assert question_target(600, 8) == 8


def test_balance_holds_back_the_surplus_never_pads() -> None:
    class C:  # the fields balance reads
        def __init__(self, answer: bool | None, qtype: str = "true_false", form: str = "") -> None:
            self.type, self.fields, self.form = qtype, {"answer": answer}, form

    false = [C(False) for _ in range(4)]
    true = [C(True)]
    other = C(None, "cloze")
    kept, held = balance_true_false([*false, *true, other])  # type: ignore[list-item]
    assert kept == [false[0], true[0], other] and held == false[1:]
    # a lone statement stands only when its truth is a coin's (a figure's scale), not a lean
    swaps = [C(False), C(False)]
    coin = C(False, form="magnitude")
    kept, held = balance_true_false([*swaps, coin, other])  # type: ignore[list-item]
    assert kept == [coin, other] and held == swaps
    kept, held = balance_true_false([*swaps, other])  # type: ignore[list-item]
    assert kept == [other] and held == swaps
    kept, held = balance_true_false(false)  # type: ignore[arg-type]
    assert kept == [] and held == false


def _dealt(key: str, answer: bool, lead: str = "") -> Candidate:
    """A scale statement that can be said both ways, as the magnitude builder makes it."""
    said, other = f"{key} rose more than 100.", f"{key} rose more than 500."
    if not answer:
        said, other = other, said
    fields = {
        "answer": answer,
        "statement": said,
        TURNED: {"answer": not answer, "statement": other, "explanation": f"{not answer}."},
    }
    return Candidate("true_false", "magnitude", [], [], lead + said, fields, f"{answer}.", key=key)


def _swap(key: str) -> Candidate:
    return Candidate("true_false", "statement-false", [], [], key, {"answer": False}, key=key)


def test_dealt_statements_make_the_bank_half_true() -> None:
    for n in range(2, 9):
        chosen = [_dealt(f"figure {i}", False) for i in range(n)]
        deal_truths(chosen)
        assert sum(c.fields["answer"] for c in chosen) in (n // 2, (n + 1) // 2), n
        for c in chosen:  # the prompt, key and explanation agree
            assert c.prompt == c.fields["statement"] and c.explanation == f"{c.fields['answer']}."
    # beside swaps (always false) the dealt ones are still half true, so that a threshold's
    # wording does not tell its key (set R: every threshold true, every swap false); the
    # surplus swaps are held back
    chosen = [_swap("a"), _swap("b"), _swap("c"), _dealt("x", False), _dealt("y", False)]
    deal_truths(chosen)
    assert sorted(c.fields["answer"] for c in chosen[3:]) == [False, True]
    kept, held = balance_true_false(chosen)
    keyed = [c.fields["answer"] for c in kept]
    assert 0.4 <= sum(keyed) / len(keyed) <= 0.6 and len(held) == 3
    # the sentences shown before a statement for context stay before it
    shown = _dealt("z", True, lead="The port closed in May. ")
    deal_truths([shown, _dealt("w", True, lead="")])
    assert shown.prompt.startswith("The port closed in May. ")
    assert shown.prompt.endswith(shown.fields["statement"])


def test_a_lone_dealt_statement_is_true_or_false_by_a_seeded_draw() -> None:
    lone = []
    for i in range(40):
        c = _dealt(f"figure {i}", bool(i % 2))
        deal_truths([c])
        again = _dealt(f"figure {i}", not i % 2)
        deal_truths([again])
        assert again.fields["answer"] == c.fields["answer"]  # the same on every run
        lone.append(c.fields["answer"])
    assert 10 <= sum(lone) <= 30


def test_deal_positions_moves_only_the_key() -> None:
    def mc(n: int) -> MultipleChoice:
        return MultipleChoice(
            id=f"q{n}", prompt="?", source="s", choices=("k", "a", "b", "c"), answers=("k",)
        )

    dealt = deal_positions(tuple(mc(n) for n in range(8)))
    assert [q.choices.index("k") for q in dealt] == [0, 1, 2, 3, 0, 1, 2, 3]  # type: ignore[union-attr]
    assert [tuple(c for c in q.choices if c != "k") for q in dealt] == [("a", "b", "c")] * 8  # type: ignore[union-attr]


def test_the_gate_is_part_of_the_path_a_user_takes(tmp_path: Path, nlp: Any) -> None:
    from quiz.cli import main

    article = tmp_path / "summit.txt"
    article.write_text(FOUNDING_ARTICLE.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "summit.yaml"
    assert main(["generate", str(article), "-o", str(out), "--at-least", "3"]) == 0
    text = out.read_text(encoding="utf-8")
    assert "\ndrafts:\n" in text and "held_back:" in text


def test_no_question_is_kept_to_fill_a_count(tmp_path: Path, nlp: Any, capsys: Any) -> None:
    """Generation v2: a bank holds only what passes the gate. The Mandela article's
    candidates are all doubted or flawed (with the teacher model of rounds 8-31), so by default
    nothing is written and the command says where the drafts are; ``--at-least`` is the user's
    own request for the best few."""
    from quiz.cli import main

    article = tmp_path / "wikinews-mandela-collapsed-lung.txt"  # its name is its default title
    article.write_text(
        (ARTICLES / "wikinews-mandela-collapsed-lung.txt").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    out = tmp_path / "waste.yaml"
    assert main(["generate", str(article), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "passed the quality gate" in err and "quiz author" in err and "--at-least" in err
    assert not out.exists()
    assert main(["generate", str(article), "-o", str(out), "--at-least", "2"]) == 0
    bank = load_bank(out)  # the best doubted ones; the flawed stay drafts whatever is asked
    assert 1 <= len(bank.questions) <= 2
    assert bank.drafts and all(q.held_back for q in bank.drafts)
    with pytest.raises(SystemExit) as usage:  # a bad value is a usage error, as --count 0 is
        main(["generate", str(article), "--at-least", "26"])
    assert usage.value.code == 2
    assert "--at-least 26 asks for more than --max 25" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("prompt", "answer", "flagged"),
    [
        ("___, Russia and Syria agreed on a route for Iranian military aid.", "Iran", True),
        ("London Olympics - the ___ movement grew.", "Olympic", True),
        ("Chinese exports to ___ rose by a fifth.", "China", True),
        ("The Irish Sea lies to the east of ___.", "Ireland", False),
        ("Exports to ___ rose by a fifth.", "China", False),
    ],
)
def test_a_stem_with_a_word_made_from_the_answer_gives_it_away(
    prompt: str, answer: str, flagged: bool
) -> None:
    from types import SimpleNamespace

    from quiz.generate.flaws import RULES

    rule = dict(RULES)["derived-in-stem"]
    c = SimpleNamespace(type="cloze", prompt=prompt, fact=SimpleNamespace(key=answer, kind="place"))
    assert bool(rule(c, None)) is flagged  # type: ignore[arg-type]


def test_a_draft_names_only_questions_the_bank_holds(banks: dict[str, Any]) -> None:
    """A reason that names another question ("gives away the answer of cz-…") names one the
    teacher can find, in the questions or the drafts; one left out is named by its prompt."""
    named = re.compile(r"\b(?:cz|mc|tf|sa|nu|or|ma)-[a-z0-9-]+[a-z0-9]")
    for name, bank in banks.items():
        ids = {q.id for q in (*bank.questions, *bank.drafts)}
        for draft in bank.drafts:
            for qid in named.findall(draft.held_back):
                assert qid in ids, (name, draft.id, draft.held_back)


def test_a_question_left_out_is_named_by_its_prompt() -> None:
    from types import SimpleNamespace

    from quiz.generate.gate import _named

    questions = {
        "cz-four-0d240": SimpleNamespace(prompt="New fines for failing to self-isolate: £___."),
        "cz-85-dc759": SimpleNamespace(prompt="Venues must not play music above ___ decibels."),
    }
    reason = "answer-leak: it gives away the answer of cz-four-0d240"
    assert _named(reason, {"cz-85-dc759"}, questions) == (  # type: ignore[arg-type]
        "answer-leak: it gives away the answer of another question "
        "(“New fines for failing to self-isolate: £___.”)"
    )
    kept = "answer-leak: it gives away the answer of cz-85-dc759"
    assert _named(kept, {"cz-85-dc759"}, questions) == kept  # type: ignore[arg-type]


def test_an_institution_everyone_knows_is_not_asked(analyse: Any) -> None:
    """ "Comey's ___" is the FBI, "MPs … a key vote in the ___" the House of Commons: blind
    raters kept 1 such question in 31 (rounds 10–25); the gate holds it back with its reason."""
    from quiz.generate.flaws import own_flaws
    from quiz.generate.questions import build_candidates

    text = (
        "Comey fired\n\n"
        "President Trump fired James Comey, who led the FBI for four years, on Tuesday.\n\n"
        "The Federal Aviation Administration approved 240 new routes, the agency said.\n\n"
        "The committee will hear from 12 former officials in June, its chairman said.\n"
    )
    article = analyse(text)
    asked = [c for c in build_candidates(article) if c.type in ("cloze", "multiple_choice")]
    famous = [c for c in asked if c.fact.key in ("FBI", "Federal Aviation Administration")]
    assert famous, [c.fact.key for c in asked]
    for c in famous:
        assert any("institution everyone knows" in r for r in own_flaws(c, article)), c.prompt
    others = [c for c in asked if c.fact.key == "240"]
    assert others and not any("institution" in r for c in others for r in own_flaws(c, article))


@pytest.mark.parametrize(
    ("sentence", "answer", "rule"),
    [
        (
            "Remedies are diluted 100 times, or 30 times in a “30c” formulation.",
            "30",
            "figure-in-stem",
        ),
        (
            "The 712 superdelegates make up about 30 percent of the 2,382 delegates.",
            "30",
            "figure-in-stem",
        ),
        (  # set Y (tuned): the rest of a whole the stem gives
            "In 2013, 56% of Americans got the sleep they needed while 43% did not.",
            "43",
            "figure-in-stem",
        ),
        ("Shoppers took to Twitter to complain about the charge on Friday.", "Twitter", "platform"),
        ("Three executives left the company in 2015, the magazine reported.", "2015", "own-year"),
        (
            "Shoppers at the House of Fraser store were charged for bags.",
            "Fraser",
            "part-of-a-name",
        ),
        (  # set Y (tuned): a number that starts a name
            "Sherman concurred, calling Rudolph a 30 Rock legend on the show.",
            "30",
            "part-of-a-name",
        ),
        ("Just spent £180 on shoes and you make me pay 5p for a bag.", "180", "first-person"),
        (
            "Suzanne Foley said: '£162 for a suit and then get charged 10p for a bag'",
            "162",
            "first-person",
        ),
        (
            "It recalled the 1 trillion pounds ($1.5 trillion) of support to banks.",
            "1.5 trillion",
            "conversion",
        ),
        (  # set CC (tuned): the stem calls the blank the country's capital
            "Cyclone Sidr crashed into the coast before sweeping north over the capital, Dhaka.",
            "Dhaka",
            "common-answer",
        ),
        (
            "In Berlin, the German capital is launching a new five-year project.",
            "Berlin",
            "common-answer",
        ),
        (  # set AA (tuned): the figure written as a word
            "Bats give US agriculture a three billion dollar (£2.28 billion) yearly boost.",
            "2.28 billion",
            "conversion",
        ),
        (  # a new user's trial (session 13): three words of unit before the bracket
            "The storm brought gusts of 112 km per hour (70 miles/hour) to Massachusetts.",
            "70",
            "conversion",
        ),
    ],
)
def test_set_s_flaws_hold_a_question_back(
    analyse: Any, sentence: str, answer: str, rule: str
) -> None:
    """Each flaw every rater of fresh set S rejected (docs/generation-quality.md, round 27),
    found by its rule in a question of the same shape."""
    from quiz.generate.candidate import Candidate
    from quiz.generate.flaws import RULES

    article = analyse(f"Shops and banks\n\n{sentence}\n")
    article.published = "2015-11-13"
    facts = [f for f in article.facts if answer in f.key and f.sentence.text in sentence]
    assert facts, [f.key for f in article.facts]
    named = dict(RULES)

    def flagged(f: Any) -> str:
        prompt = f.sentence.text[: f.start] + "___" + f.sentence.text[f.end :]
        c = Candidate("cloze", "blank", [f], [f.sentence], prompt, {"blanks": [[f.key]]})
        return named[rule](c, article)

    assert any(flagged(f) for f in facts), (rule, [f.key for f in facts])


@pytest.mark.parametrize(
    ("sentence", "answer"),
    [
        ("The company hired 240 workers in 2014, the report said.", "2014"),
        ("The company hired 240 workers in 2014, the report said.", "240"),
        ("Bank of England staff will vote on the plan in March.", "England"),
        ("About 30 percent of the 400 staff joined the strike.", "30"),
        ("Sales rose 56% in May and 12% in June, the firm said.", "12"),
        ("Officials counted 12 Republicans and 40 Democrats at the vote on Monday.", "12"),
        ("World War I ended with an armistice signed by 12 delegates.", "12"),
    ],
)
def test_the_set_s_rules_leave_plain_questions_alone(
    analyse: Any, sentence: str, answer: str
) -> None:
    from quiz.generate.candidate import Candidate
    from quiz.generate.flaws import RULES

    article = analyse(f"Shops and banks\n\n{sentence}\n")
    article.published = "2015-11-13"
    facts = [f for f in article.facts if answer in f.key and f.sentence.text in sentence]
    new_rules = ("own-year", "platform", "figure-in-stem", "part-of-a-name", "first-person")
    assert facts, [f.key for f in article.facts]
    for f in facts:
        prompt = f.sentence.text[: f.start] + "___" + f.sentence.text[f.end :]
        c = Candidate("cloze", "blank", [f], [f.sentence], prompt, {"blanks": [[f.key]]})
        assert not [name for name, rule in RULES if name in new_rules and rule(c, article)]


def test_a_lone_false_statement_says_why_it_waits(make: Any) -> None:
    """With no true statement that passed, a false one is held back for that reason, not for
    "balance" in a bank that holds no true/false question at all (a new-user trial)."""
    from quiz.generate.gate import NO_TRUE, UNBALANCED

    text = (ARTICLES / "voa-who-booster.txt").read_text(encoding="utf-8")
    bank = make(text, title="voa-who-booster").bank
    assert not any(q.type == "true_false" for q in bank.questions)
    reasons = {q.held_back for q in bank.drafts if q.type == "true_false"}
    assert NO_TRUE in reasons and UNBALANCED not in reasons


def test_a_leak_is_settled_for_the_question_a_teacher_would_rather_keep(
    generated: dict[str, Any],
) -> None:
    """Of two questions where one gives the other away, the one held back is never the one the
    teacher model rates higher. Settled by the generator's own score, a name's blank (11%)
    held back its sentence's key figure (66%) and was then doubted itself, so the bank lost
    both (fresh set X, 327: "in seven of the 19 mineral water brands")."""
    from quiz.generate.keep_model import judge_each

    by_id = re.compile(r"\b((?:cz|mc|tf|sa|nu|or|ma)-[a-z0-9-]+[a-z0-9])")
    by_prompt = re.compile(r"another question \(“(.+?)…?”\)")
    settled = 0
    for name, g in generated.items():
        bank, candidates = g.bank, list(g.candidates.values())
        for draft in bank.drafts:
            if not draft.held_back.startswith(("answer-leak", "duplicate-test")):
                continue
            quoted = by_prompt.search(draft.held_back)
            ids = by_id.findall(draft.held_back)
            if quoted:
                said = quoted.group(1).rstrip("…")
                others = [q for q in candidates if " ".join(q.prompt.split()).startswith(said)]
            else:
                others = [g.candidates[i] for i in ids if i in g.candidates]
            assert others, (name, draft.held_back)
            if any("gives the figure as" in q.explanation for q in others):
                continue  # a scale statement is ranked by the chance raters kept its kind
            mine, *theirs = judge_each([draft, *others], bank.source.text, bank.title)
            assert max(theirs) >= mine - 1e-9, (name, draft.prompt, others[0].prompt, mine)
            settled += 1
    assert settled >= 5  # the articles have leaks to settle: the test is not empty


def test_a_distance_that_places_somewhere_or_days_between_events_is_held_back(
    analyse: Any,
) -> None:
    """ "farms around Fallon, ___ miles east of Reno", "by Tuesday evening, ___ days after polls
    closed": blind raters rejected 17 of 18 ratings of such questions (sets CC and DD; tuned on
    DD). A distance or a count of days that is the news itself stays askable."""
    from quiz.generate.flaws import own_flaws
    from quiz.generate.questions import build_candidates

    text = (
        "Flood hits farm town\n\n"
        "Water from the broken canal flooded 590 homes in Fernley, 30 miles east of Reno.\n\n"
        "Officials released the results on Friday, 5 days after the polls closed.\n\n"
        "The new levee will run for 12 miles along the canal, the district said.\n\n"
        "Crews worked for 9 days to close the breach, the governor said.\n"
    )
    article = analyse(text)
    asked = [c for c in build_candidates(article) if c.type in ("cloze", "numeric")]
    flaws = {c.fact.key: own_flaws(c, article) for c in asked}
    assert any("how far one place is" in r for r in flaws.get("30", [])), flaws
    assert any("days lay between" in r for r in flaws.get("5", [])), flaws
    for key in ("590", "12", "9"):
        assert key in flaws, flaws
        assert not any("how far" in r or "days lay" in r for r in flaws[key]), (key, flaws)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("225,000", "225000", True),
        ("$225,000", "225000", True),
        ("3.5", "3.50", True),
        ("22", "23", False),
        ("Neumann", "22", False),
        ("2,000", "2000.5", False),
    ],
)
def test_one_figure_written_two_ways_is_one_answer(a: str, b: str, same: bool) -> None:
    """A bank of set DD asked "$___" (a cloze, 225,000) and "What number…" (225000) of the same
    sum in two sentences: the gate's one-question-per-answer rule now reads them as one."""
    from quiz.generate.keep_features import same_figure

    assert same_figure(a, b) is same


def test_a_sentence_cut_at_a_company_suffix_or_saying_nothing_asks_nothing(analyse: Any) -> None:
    """Set EE (tuned): spaCy cut "… Wal-Mart Stores Inc. and HMV will also sell the cards"
    after "Inc.", and a true/false statement was built on "Amazon.com Inc. said in a
    statement.": neither is a sentence a question may rest on."""
    from quiz.generate.article import usable_sentence

    for text, usable in (
        ("Inc. and HMV will also sell the cards at their stores.", False),
        ("Amazon.com Inc. said in a statement on Tuesday.", False),
        ("Amazon.com Inc. said it would sell the cards on Tuesday.", True),
        ("Retailers will sell the new album cards from Tuesday, the company said.", True),
    ):
        found = [s for s in analyse(f"Music sales news\n\n{text}\n").sentences if s.text == text]
        assert found, text
        assert usable_sentence(found[0]) is usable, text


def test_a_figure_the_stem_writes_in_a_code_is_given_away(analyse: Any) -> None:
    """ "Sarkozy wants the Group of ___ industrialised nations (G8) enlarged" (eight): the code
    gives the number away (set EE; tuned), as "a '30c' formulation" gave 30 (set S)."""
    from quiz.generate.flaws import own_flaws
    from quiz.generate.questions import build_candidates

    article = analyse(
        "Summit plans\n\nSarkozy said he wanted the Group of eight industrialised nations (G8) "
        "to take in five more countries, officials said on Tuesday.\n"
    )
    asked = [
        c
        for c in build_candidates(article)
        if c.fact.key == "eight" and c.type in ("cloze", "numeric", "multiple_choice")
    ]
    assert asked
    for c in asked:
        assert any("carry the answer" in r for r in own_flaws(c, article)), c.prompt
