"""Golden tests for each question builder on a short text written for the purpose."""

from __future__ import annotations

from typing import Any

import pytest

from quiz.generate.hard_rules import violations
from quiz.generate.questions import build_candidates

TEXT = (
    "The mayor of Riverton, Ana Costa, opened the new bridge on Monday.\n"
    "Costa said the bridge cost approximately 12 million euros and took three years to build.\n"
    "“This bridge joins two halves of one town,” she said.\n"
    "Around 4,000 cars are expected to cross it every day, according to city engineer Rui Lopes.\n"
    "Last week, the city council agreed to build a second bridge over the river.\n"
    "Marta Silva, a professor at Riverton University, has studied the river for 20 years.\n"
)


@pytest.fixture(scope="module")
def candidates(analyse: Any) -> dict[tuple[str, str, str], Any]:
    article = analyse(TEXT)
    out = {}
    for c in build_candidates(article):
        assert violations(c, article) == [], (c.prompt, violations(c, article))
        out.setdefault((c.type, c.form, c.prompt), c)
    return out


def _find(candidates: dict[tuple[str, str, str], Any], qtype: str, form: str, prompt: str) -> Any:
    found = candidates.get((qtype, form, prompt))
    assert found is not None, sorted(p for t, f, p in candidates if t == qtype and f == form)
    return found


def test_cloze_blanks_the_key_span(candidates: Any) -> None:
    c = _find(
        candidates,
        "cloze",
        "blank",
        "Costa said the bridge cost approximately ___ million euros and took three years to build.",
    )
    # the scale stays in the stem, so the number is what is typed (the figure as written counts)
    assert c.fields["blanks"] == (("12", "12 million"),)
    person = _find(
        candidates, "cloze", "blank", "The mayor of Riverton, ___, opened the new bridge on Monday."
    )
    assert person.fields["blanks"] == (("Ana Costa", "Costa"),)  # the surname is accepted too


def test_multiple_choice_numbers_are_perturbed_in_the_same_format(candidates: Any) -> None:
    c = _find(
        candidates,
        "multiple_choice",
        "blank",
        "Which number fills the blank? Around ___ cars are expected to cross it every day, "
        "according to city engineer Rui Lopes.",
    )
    assert sorted(c.fields["choices"]) == ["2,000", "4,000", "40,000", "8,000"]
    assert c.fields["answers"] == ("4,000",)


def test_multiple_choice_people_come_from_the_article(candidates: Any) -> None:
    c = _find(candidates, "multiple_choice", "who", "Who has studied the river for 20 years?")
    assert c.fields["answers"] == ("Marta Silva",)
    assert set(c.fields["choices"]) == {"Marta Silva", "Ana Costa", "Rui Lopes"}


def test_true_false_swaps_one_fact_for_one_of_the_same_kind(candidates: Any) -> None:
    c = _find(
        candidates,
        "true_false",
        "statement-false",
        "Costa said the bridge cost approximately 24 million euros and took three years to build.",
    )
    assert c.fields["answer"] is False
    _find(
        candidates,
        "true_false",
        "statement-false",
        "The mayor of Riverton, Ana Costa, opened the new bridge on Tuesday.",
    )


def test_short_answer_who_when_how_many(candidates: Any) -> None:
    who = _find(candidates, "short_answer", "who", "Who has studied the river for 20 years?")
    assert who.fields["answers"] == ("Marta Silva", "Silva")
    when = _find(
        candidates,
        "short_answer",
        "when",
        "When did the mayor of Riverton, Ana Costa, open the new bridge?",
    )
    assert when.fields["answers"] == ("Monday",)
    # "Last week" means nothing out of the article's day: never asked (blind rating, fault 5)
    assert not any(
        c.fields.get("answers") == ("Last week",) or c.fields.get("blanks") == (("Last week",),)
        for c in candidates.values()
    )
    many = _find(
        candidates,
        "short_answer",
        "how-many",
        "About how many cars are expected to cross it every day, according to city "
        "engineer Rui Lopes?",
    )
    assert many.fields["answers"] == ("4,000", "4000")


def test_quote_to_speaker_cites_the_sentence_that_names_her(candidates: Any) -> None:
    c = _find(
        candidates, "short_answer", "quote", "Who said: “This bridge joins two halves of one town”?"
    )
    assert c.fields["answers"][0] == "Ana Costa"
    assert [s.index for s in c.sentences] == [1, 2]


def test_role_questions(candidates: Any) -> None:
    c = _find(
        candidates,
        "short_answer",
        "role",
        "Who is described in the article as the mayor of Riverton?",
    )
    assert c.fields["answers"][0] == "Ana Costa"


def test_matching_person_to_role_and_number_to_what_it_counts(candidates: Any) -> None:
    roles = _find(
        candidates, "matching", "match-role", "Match each person to how the article describes them."
    )
    assert roles.fields["pairs"] == (
        ("Costa", "mayor of Riverton"),
        ("Rui Lopes", "city engineer"),
        ("Marta Silva", "professor at Riverton University"),
    )
    numbers = _find(
        candidates,
        "matching",
        "match-number",
        "Match each number to what it counts in the article.",
    )
    assert ("Around 4,000", "cars") in numbers.fields["pairs"]


def test_numeric_with_unit(candidates: Any) -> None:
    c = _find(
        candidates,
        "numeric",
        "how-many",
        "About how many cars are expected to cross it every day, according to city "
        "engineer Rui Lopes?",
    )
    assert c.fields == {"answer": 4000.0, "unit": "cars"}


def test_ordering_puts_dated_events_in_order(candidates: Any) -> None:
    c = _find(
        candidates,
        "ordering",
        "ordering",
        "Put these events in the order they happened, earliest first.",
    )
    assert c.fields["items"] == (
        "The city council agreed to build a second bridge over the river",
        "The mayor of Riverton, Ana Costa, opened the new bridge",
    )


def test_no_false_statement_when_the_swap_is_also_true(analyse: Any) -> None:
    article = analyse(
        "Ana Costa visited Lisbon on Monday to meet investors for the new bridge.\n"
        "Rui Lopes visited Lisbon on Monday to meet investors for the new bridge as well.\n"
        "Marta Silva stayed in Riverton to prepare the opening of the bridge.\n"
    )
    falses = [c.prompt for c in build_candidates(article) if c.form == "statement-false"]
    assert "Rui Lopes visited Lisbon on Monday to meet investors for the new bridge." not in falses
    assert not any(
        p.startswith("Rui Lopes visited Lisbon on Monday") and "as well" not in p for p in falses
    )


def test_unresolved_pronouns_are_never_left_in_a_prompt(analyse: Any) -> None:
    article = analyse(
        "Kenya and Uganda met in Geneva on Friday for a new round of trade talks.\n"
        "They agreed to cut tariffs by 15 percent over the next three years.\n"
    )
    prompts = [c.prompt for c in build_candidates(article) if not violations(c, article)]
    assert prompts and not any(p.startswith("They ") or " they " in p for p in prompts)


def test_where_questions_use_do_support(analyse: Any) -> None:
    article = analyse(
        "Kenya and Uganda met in Geneva on Friday for a new round of trade talks.\n"
        "The ministers signed a deal in Nairobi last month to cut tariffs on maize.\n"
    )
    where = {c.prompt: c.fields["answers"] for c in build_candidates(article) if c.form == "where"}
    assert where == {
        "Where did Kenya and Uganda meet on Friday for a new round of trade talks?": ("Geneva",),
        "Where did the ministers sign a deal last month to cut tariffs on maize?": ("Nairobi",),
    }


def test_nationality_adjectives_are_not_blanked(analyse: Any) -> None:
    article = analyse(
        "Russian media warned on Monday that the new law would drive up prices in Moscow.\n"
    )
    blanks = [c.fields["blanks"][0][0] for c in build_candidates(article) if c.type == "cloze"]
    assert "Russian" not in blanks and "Moscow" in blanks


def test_a_sum_keeps_its_sign_and_scale_and_asks_no_number_question(make: Any) -> None:
    """ "UBS lost more than $___ million": the learner types 350, and the stem says what it
    counts; no number question, since a typed "350 million" would be read as 350,000,000
    (set M's raters: the blank "swallows the $ and million but expects 350000000")."""
    text = (
        "Facebook debut costs banks\n\n"
        "UBS lost more than $350 million in trading Facebook shares, the bank said.\n\n"
        "Nasdaq said it would pay traders back, its chief executive said on Friday.\n"
    )
    asked = [q for q in make(text).candidates.values() if "Facebook shares" in q.prompt]
    clozes = [q for q in asked if q.type == "cloze" and "350" in q.blanks[0][0]]
    assert [q.prompt for q in clozes] == [
        "UBS lost more than $___ million in trading Facebook shares, the bank said."
    ]
    assert clozes[0].blanks[0][0] == "350" and "$350 million" in clozes[0].blanks[0]
    assert not [q for q in asked if q.type == "numeric"]


def test_a_rate_base_is_not_asked(make: Any) -> None:
    """ "65.2 cases per ___ people": the base of a rate is a convention (set M)."""
    text = (
        "Denmark cases rise\n\n"
        "Denmark recorded 65.2 coronavirus cases per 100,000 people, up from 33.8 a week ago.\n\n"
        "The government said bars would close at 10pm from Monday.\n"
    )
    for q in make(text).candidates.values():
        assert "per ___" not in q.prompt


def test_a_percentage_blank_keeps_its_sign(make: Any) -> None:
    """ "more than ___% of deepfake images": the typed blank is the number and the stem keeps
    the sign (set L's raters: "the % sign went missing"); a choice question's options carry it."""
    text = (
        "Deepfakes on the rise\n\n"
        "According to the security firm Sensity, more than 90% of deepfake images are "
        "pornographic.\n\nThe firm counted 14,000 such videos online in 2019, it said.\n"
    )
    found = [
        q
        for q in make(text).candidates.values()
        if q.type in ("cloze", "numeric") and "than ___" in q.prompt
    ]
    assert found
    for q in found:
        assert "___% of deepfake" in q.prompt


@pytest.mark.parametrize(
    ("sentence", "stripped"),
    [
        ("For instance, Nigeria's jobless rate doubled.", "Nigeria's jobless rate doubled."),
        ("Interestingly, Hotez had a vaccine years ago.", "Hotez had a vaccine years ago."),
        ("After all, the shock was global.", "The shock was global."),
        ("Indeed the port reopened in March.", "The port reopened in March."),
        ("Notable gains came in March.", "Notable gains came in March."),
        # set O: "Verb status aside, ChatGPT … remains …"
        ("Verb status aside, ChatGPT remains small.", "ChatGPT remains small."),
        ("That said, the bill passed.", "The bill passed."),
        ("Politics aside from this, it went well.", "Politics aside from this, it went well."),
        # set R: "So far, though, …" was cut to "Far, though, …"
        (
            "So far, though, the fund has raised £18,000.",
            "So far, though, the fund has raised £18,000.",
        ),
        ("So many people came to the vigil.", "So many people came to the vigil."),
        ("So the bill passed in June.", "The bill passed in June."),
    ],
)
def test_openers_that_lean_on_the_sentence_before_leave(sentence: str, stripped: str) -> None:
    from quiz.generate.candidate import strip_connective

    assert strip_connective(sentence) == stripped


def test_a_pronoun_named_later_in_its_sentence_is_left_as_it_is(analyse: Any) -> None:
    """ "Should she win, Connolly will succeed …, Michael D. Higgins" became "Should Fianna Fáil
    win, Connolly …" (fresh set O): the pronoun of a clause put first means the name that opens
    the main clause, so the stem keeps it; one named only before is still resolved."""
    text = (
        "Election\n\n"
        "Once a post for statesmen backed by the dominant Fianna Fáil party, the office "
        "changed.\n\n"
        "Should she win, Connolly will succeed another Galway socialist, Michael D. Higgins, "
        "who spent the past two terms in office.\n"
    )
    article = analyse(text)
    stems = [c.prompt for c in build_candidates(article) if "Higgins" not in c.prompt]
    asked = [p for p in stems if "succeed" in p]
    assert asked, stems
    assert all(p.startswith("Should she win, Connolly") for p in asked), asked


def test_a_year_the_article_gives_for_the_same_subject_is_no_wrong_answer(analyse: Any) -> None:
    """ "When did Bitcoin rally?" (2021) offered 2020 and 2023, both years in which the article
    has Bitcoin rising (fresh set O): a date given in another sentence about the same subject
    may be as true as the key; years of other subjects and made-up years stay."""
    from quiz.generate.distractors import date_distractors

    text = (
        "Crypto\n\n"
        "Bitcoin and other crypto assets rallied through 2021, a record year for the assets.\n\n"
        "Bitcoin jumped from roughly $10,000 in the summer of 2020 to a peak above $68,000.\n\n"
        "Bitcoin's value is nearly double what it was at the beginning of 2023.\n\n"
        "A third of new investors in 2022 followed a friend's advice, the study found.\n"
    )
    article = analyse(text)
    fact = next(f for f in article.facts if f.kind == "date" and f.key == "2021")
    wrong = date_distractors(fact, article, "When did Bitcoin and other crypto assets rally?")
    assert len(wrong) == 3 and not {"2020", "2023"} & set(wrong), wrong
    assert "2022" in wrong


def test_how_many_asks_about_its_own_clause_only(make: Any) -> None:
    """ "About 1,200 homes were damaged, and 340 people spent at least one night in a shelter"
    gave "About how many homes were damaged, and 340 people spent …?" (a new user's trial,
    session 13): the second clause is left out of the question."""
    text = (
        "Floods hit the town\n\n"
        "About 1,200 homes were damaged, and 340 people spent at least one night in a shelter "
        "at the high school.\n"
    )
    generated = make(text, at_least=5)
    asked = [q.prompt for q in (*generated.bank.questions, *generated.bank.drafts)]
    asked += [q.prompt for q in generated.candidates.values()]
    how_many = [p for p in asked if p.startswith("About how many homes")]
    assert how_many and all(p == "About how many homes were damaged?" for p in how_many)
