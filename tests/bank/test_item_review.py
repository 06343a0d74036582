"""Item review (issue 16): each advice fires on a flawed item and keeps quiet on its sound twin,
and the review reports, sorts and silences advice as ``quiz check`` shows it."""

from __future__ import annotations

import subprocess
import sys

from quiz.bank.model import (
    Bank,
    Cloze,
    Matching,
    MultipleChoice,
    Pair,
    Question,
    ShortAnswer,
    Source,
    TrueFalse,
)
from quiz.bank.review.codes import ADVICE_CODES
from quiz.bank.review.registry import BY_CODE, CHECKS, review, run
from tests.conftest import DATA

#: The founding bank as issue 16 found it, before its revision with the item review.
SHIPPED_BEFORE_REVISION = DATA / "item-review" / "shipped-before-revision.yaml"

ARTICLE = (
    "Environment ministers from Kenya, Norway and Chile signed a pact in Nairobi on Tuesday. "
    "Kenya’s environment minister, Amina Wanjiru, spoke at a joint press conference. "
    "The three countries agreed to share river-monitoring data and fund clean-up crews along "
    "the worst-affected stretches. "
    "Rojas warned that the pledge would be “a drop in the ocean.” "
    "The ministers have invited Uganda and Peru to join."
)
S1, S2, S3, S4, S5 = (
    "Environment ministers from Kenya, Norway and Chile signed a pact in Nairobi on Tuesday.",
    "Kenya’s environment minister, Amina Wanjiru, spoke at a joint press conference.",
    "The three countries agreed to share river-monitoring data and fund clean-up crews along "
    "the worst-affected stretches.",
    "Rojas warned that the pledge would be “a drop in the ocean.”",
    "The ministers have invited Uganda and Peru to join.",
)


def _bank(*questions: Question, as_of: str = "2025-05-20") -> Bank:
    return Bank(
        id="b",
        title="B",
        source=Source(title="A", text=ARTICLE),
        questions=questions,
        as_of=as_of,
    )


def _mc(qid: str, prompt: str, choices: list[str], answer: str, source: str = S1) -> MultipleChoice:
    return MultipleChoice(
        id=qid, prompt=prompt, source=source, choices=tuple(choices), answers=(answer,)
    )


def _codes(bank: Bank, code: str) -> set[str]:
    return {a.question for a in run(bank, [BY_CODE[code]])}


def test_registry_lists_every_code_once_in_order_with_a_reason() -> None:
    assert tuple(c.code for c in CHECKS) == ADVICE_CODES
    assert all(c.why and not c.why.endswith(".") for c in CHECKS)


def test_key_longest() -> None:
    flawed = _mc(
        "q1",
        "What did they sign?",
        ["A deal", "A pact to clean the rivers of Kenya", "A law"],
        "A pact to clean the rivers of Kenya",
    )
    sound = _mc(
        "q2", "What did they sign?", ["A trade deal", "A river pact", "A new law"], "A river pact"
    )
    assert _codes(_bank(flawed, sound), "key-longest") == {"q1"}


def test_key_verbatim_but_not_for_names_terms_or_questions_about_wording() -> None:
    flawed = _mc(
        "q1",
        "What will the countries do?",
        ["Fund clean-up crews", "Build walls", "Plant trees"],
        "Fund clean-up crews",
        S3,
    )
    term = _mc(
        "q2",
        "What data will they share?",
        ["River-monitoring data", "Weather data", "Census data"],
        "River-monitoring data",
        S3,
    )
    wording = _mc(
        "q3",
        "Which words did Rojas use?",
        ["A drop in the ocean", "A step too far", "A race to the bottom"],
        "A drop in the ocean",
        S4,
    )
    also_copied = _mc(
        "q4",
        "What will they do?",
        ["Fund clean-up crews", "Share river-monitoring data", "Plant trees"],
        "Fund clean-up crews",
        S3,
    )
    assert _codes(_bank(flawed, term, wording, also_copied), "key-verbatim") == {"q1"}


def test_key_only_quoted_ignores_apostrophes() -> None:
    flawed = _mc(
        "q1",
        "What did Rojas say?",
        ["Too little", "“A drop in the ocean”", "Too late"],
        "“A drop in the ocean”",
        S4,
    )
    apostrophes = _mc(
        "q2", "Whose minister spoke?", ["Kenya’s", "Norway's", "Chile's"], "Kenya’s", S2
    )
    all_quoted = _mc(
        "q3",
        "Which words?",
        ["“a drop in the ocean”", "“a step”", "“a race”"],
        "“a drop in the ocean”",
        S4,
    )
    assert _codes(_bank(flawed, apostrophes, all_quoted), "key-only-quoted") == {"q1"}


def test_key_names_stem_person_but_not_a_country() -> None:
    flawed = _mc(
        "q1",
        "Which statement about Amina Wanjiru is true?",
        ["Wanjiru spoke at a press conference", "Rojas chaired the talks", "The ministers left"],
        "Wanjiru spoke at a press conference",
        S2,
    )
    country = _mc(
        "q2",
        "What did Kenya do?",
        ["Kenya signed a pact", "Built a dam", "Left the talks"],
        "Kenya signed a pact",
    )
    assert _codes(_bank(flawed, country), "key-names-stem-person") == {"q1"}


def test_tf_true_verbatim_only_for_true_copied_statements() -> None:
    copied = TrueFalse(
        id="q1",
        prompt="The ministers have invited Uganda and Peru to join.",
        answer=True,
        source=S5,
    )
    false_copy = TrueFalse(
        id="q2",
        prompt="The ministers have invited Ghana and Peru to join.",
        answer=False,
        source=S5,
    )
    paraphrase = TrueFalse(
        id="q3", prompt="Two more countries were asked to take part.", answer=True, source=S5
    )
    assert _codes(_bank(copied, false_copy, paraphrase), "tf-true-verbatim") == {"q1"}


def test_a_true_statement_of_a_bound_the_article_does_not_print_is_not_copied() -> None:
    """ "more than 100 crane operators" for the article's 240: the learner judges the figure's
    scale, so the statement is not flagged (the generator's true statements of this kind were
    all held back, and every true/false question it kept was false)."""
    said = "The harbour authority agreed to hire 240 crane operators."
    bank = Bank(
        id="b",
        title="B",
        source=Source(title="A", text=said),
        questions=(
            TrueFalse(id="q1", prompt=said, answer=True, source=said),
            TrueFalse(
                id="q2",
                prompt="The harbour authority agreed to hire more than 100 crane operators.",
                answer=True,
                source=said,
            ),
        ),
    )
    assert _codes(bank, "tf-true-verbatim") == {"q1"}


def test_guessable_blank_stock_phrase_or_answer_in_the_prompt() -> None:
    idiom = Cloze(
        id="q1",
        prompt="Rojas said it would be “a drop in the ___.”",
        blanks=(("ocean",),),
        source=S4,
    )
    shown = Cloze(
        id="q2",
        prompt="The ministers ___ Uganda; the ministers invited Peru.",
        blanks=(("invited",),),
        source=S5,
    )
    fact = Cloze(
        id="q3",
        prompt="The ministers have invited ___ and Peru to join.",
        blanks=(("Uganda",),),
        source=S5,
    )
    assert _codes(_bank(idiom, shown, fact), "guessable-blank") == {"q1", "q2"}


def test_general_knowledge_capitals_and_leaders_of_the_year() -> None:
    capital = ShortAnswer(
        id="q1", prompt="In which Kenyan city was the pact signed?", answers=("Nairobi",), source=S1
    )
    leader = ShortAnswer(
        id="q2", prompt="Who is the US President?", answers=("Donald Trump",), source=S1
    )
    pronoun = ShortAnswer(
        id="q3",
        prompt="Who told us about the pact in Nairobi?",
        answers=("Donald Trump",),
        source=S1,
    )
    plain = ShortAnswer(
        id="q4", prompt="In which city was the pact signed?", answers=("Nairobi",), source=S1
    )
    assert _codes(_bank(capital, leader, pronoun, plain), "general-knowledge") == {"q1", "q2"}
    assert _codes(_bank(leader, as_of="2019-01-01"), "general-knowledge") == {"q2"}
    assert _codes(_bank(leader, as_of="2022-01-01"), "general-knowledge") == set()


def test_general_knowledge_knows_the_capitals_of_countries_in_the_news() -> None:
    """ "France will have no more contact with Syria until ___ shows willingness" (Damascus) and
    the capital of Bangladesh: both sets' raters called them general knowledge (sets CC, DD)."""
    damascus = Cloze(
        id="q1",
        prompt="France will have no more contact with Syria until ___ shows willingness to talk.",
        blanks=(("Damascus",),),
        source=S1,
    )
    dhaka = ShortAnswer(
        id="q2",
        prompt="Which Bangladeshi city did the cyclone spare?",
        answers=("Dhaka",),
        source=S1,
    )
    elsewhere = Cloze(
        id="q3",
        prompt="The envoy flew on to ___ after the talks.",
        blanks=(("Damascus",),),
        source=S1,
    )
    assert _codes(_bank(damascus, dhaka, elsewhere), "general-knowledge") == {"q1", "q2"}


def test_general_knowledge_knows_a_country_by_its_long_serving_leader() -> None:
    """ "Sarkozy invited ___'s Muammar Gaddafi" (Libya): every rater of set EE called it
    general knowledge; a leader counts only in the years he led (tuned)."""
    libya = Cloze(
        id="q1",
        prompt="Sarkozy defended his decision to invite ___'s Muammar Gaddafi to Paris.",
        blanks=(("Libya",),),
        source=S1,
    )
    assert _codes(_bank(libya, as_of="2008-01-08"), "general-knowledge") == {"q1"}
    assert _codes(_bank(libya, as_of="2015-01-08"), "general-knowledge") == set()


def test_distractor_true_elsewhere_unless_the_article_is_named() -> None:
    flawed = _mc(
        "q1",
        "Which country have the ministers invited to join?",
        ["Uganda", "Peru", "Ghana"],
        "Uganda",
        S5,
    )
    qualified = _mc(
        "q2",
        "According to the article, which country have the ministers invited to join?",
        ["Uganda", "Peru", "Ghana"],
        "Uganda",
        S5,
    )
    assert _codes(_bank(flawed, qualified), "distractor-true-elsewhere") == {"q1"}


def test_stem_key_mismatch() -> None:
    where = _mc(
        "q1",
        "Where did Wanjiru speak?",
        ["In a joint statement with Rojas", "In Oslo", "In Geneva"],
        "In a joint statement with Rojas",
        S2,
    )
    where_ok = _mc(
        "q2",
        "Where did Wanjiru speak?",
        ["At a press conference", "In Oslo", "In Geneva"],
        "At a press conference",
        S2,
    )
    a_an = _mc(
        "q3",
        "Rojas said the pledge would be a",
        ["drop in the ocean", "empty promise", "act of charity"],
        "drop in the ocean",
        S4,
    )
    who = _mc(
        "q4",
        "Who signed a pact in Nairobi?",
        ["Kenya", "Amina Wanjiru", "Valentina Rojas"],
        "Kenya",
    )
    how_many = _mc(
        "q5",
        "How many countries signed?",
        ["Kenya, Norway and Chile", "Two", "Four"],
        "Kenya, Norway and Chile",
    )
    found = _codes(_bank(where, where_ok, a_an, who, how_many), "stem-key-mismatch")
    assert found == {"q1", "q3", "q4", "q5"}


def test_answer_leak_needs_the_answer_and_what_the_other_question_asks() -> None:
    asked = ShortAnswer(
        id="q1",
        prompt="Which city hosted the signing of the pact?",
        answers=("Nairobi",),
        source=S1,
    )
    leaks = TrueFalse(
        id="q2", prompt="The pact was signed in Nairobi on Tuesday.", answer=True, source=S1
    )
    name_only = ShortAnswer(
        id="q3",
        prompt="Which river runs through Nairobi?",
        answers=("the Nairobi River",),
        source=S1,
    )
    false = TrueFalse(
        id="q4", prompt="The pact was signed in Nairobi on Monday.", answer=False, source=S1
    )
    found = {
        a.question: a for a in run(_bank(asked, leaks, name_only, false), [BY_CODE["answer-leak"]])
    }
    assert set(found) == {"q2"}
    assert "prompt gives away the answer of q1" in found["q2"].finding


def test_a_figure_beside_the_word_its_blank_stands_by_is_a_leak() -> None:
    """ "gave up ___ floors" is answered by "the cost of releasing the 12 floors" in another
    prompt, though the two share no other word (fresh set O); a word beside a word is not
    enough ("plastic ___" beside "plastic bags" is a set phrase), nor a figure elsewhere."""
    text = (
        "The department gave up 12 floors of real estate in two downtown buildings. "
        "The cost of releasing the 12 floors came to about $58,000, a spokesman said. "
        "The department had 12 teams in the city."
    )
    s1, s2, s3 = (
        "The department gave up 12 floors of real estate in two downtown buildings.",
        "The cost of releasing the 12 floors came to about $58,000, a spokesman said.",
        "The department had 12 teams in the city.",
    )
    asked = Cloze(
        id="q1",
        prompt="The department gave up ___ floors of real estate in two downtown buildings.",
        blanks=(("12", "twelve"),),
        source=s1,
    )
    leaks = Cloze(
        id="q2",
        prompt="The cost of releasing the 12 floors came to about $___, a spokesman said.",
        blanks=(("58,000",),),
        source=s2,
    )
    elsewhere = Cloze(
        id="q3", prompt="The department had 12 ___ in the city.", blanks=(("teams",),), source=s3
    )
    bank = Bank(id="b", title="B", source=Source(title="A", text=text), questions=(asked, leaks))
    found = {a.question: a for a in run(bank, [BY_CODE["answer-leak"]])}
    assert set(found) == {"q2"} and "answer of q1" in found["q2"].finding
    apart = Bank(
        id="b", title="B", source=Source(title="A", text=text), questions=(asked, elsewhere)
    )
    assert not list(run(apart, [BY_CODE["answer-leak"]]))


def test_a_figure_written_in_words_gives_away_the_same_figure() -> None:
    """ "Twenty-two policemen died in the attack, ___ are critically wounded" answers "At least
    ___ police and four civilians were killed" (22): fresh set DD's raters rejected both, and
    the review read the number word as no figure (tuned on set DD)."""
    s1 = "At least 22 police and four civilians were killed when a bomber struck the court."
    s2 = (
        '"Twenty-two policemen died when the bomber struck the court, six are critically '
        'wounded," the police chief said.'
    )
    s3 = "Six police officers guarded the gate."
    asked = Cloze(
        id="q1",
        prompt=s1.replace("22", "___"),
        blanks=(("22",),),
        source=s1,
    )
    leaks = Cloze(id="q2", prompt=s2.replace("six", "___"), blanks=(("six", "6"),), source=s2)
    unrelated = Cloze(id="q3", prompt=s3.replace("gate", "___"), blanks=(("gate",),), source=s3)
    article = Source(title="A", text=f"{s1} {s2} {s3}")
    bank = Bank(id="b", title="B", source=article, questions=(asked, leaks, unrelated))
    found = {a.question: a for a in run(bank, [BY_CODE["answer-leak"]])}
    assert "q2" in found and "answer of q1" in found["q2"].finding
    assert "q3" not in found


def test_duplicate_test_is_the_later_of_two_same_questions_not_an_inverse_one() -> None:
    first = ShortAnswer(
        id="q1",
        prompt="Which countries did the ministers invite to join?",
        answers=("Uganda and Peru",),
        source=S5,
    )
    again = Cloze(
        id="q2",
        prompt="The ministers have invited ___ to join.",
        blanks=(("Uganda and Peru",),),
        source=S5,
    )
    inverse = _mc(
        "q3",
        "What did the ministers do with Uganda and Peru?",
        ["Invited them to join", "Left them", "Paid them"],
        "Invited them to join",
        S5,
    )
    assert _codes(_bank(first, again, inverse), "duplicate-test") == {"q2"}


def test_matching_gives_away_two_or_more() -> None:
    q1 = ShortAnswer(
        id="q1",
        prompt="Who is Kenya's environment minister?",
        answers=("Amina Wanjiru",),
        source=S2,
    )
    q2 = ShortAnswer(
        id="q2",
        prompt="Which city hosted the signing of the pact?",
        answers=("Nairobi",),
        source=S1,
    )
    match = Matching(
        id="q3",
        prompt="Match.",
        pairs=(
            Pair("Amina Wanjiru", "Kenya's environment minister"),
            Pair("Nairobi", "where the pact was signed"),
            Pair("Uganda", "invited to join"),
        ),
        source=S1,
    )
    bank = _bank(q1, q2, match)
    assert _codes(bank, "matching-gives-away") == {"q3"}
    assert _codes(bank, "answer-leak") == set()  # the same leaks are not reported twice


def test_review_lines_text_sorting_silencing_and_default_off() -> None:
    flawed = MultipleChoice(
        id="q1",
        prompt="What did they sign?",
        source=S1,
        choices=("A deal", "A pact to clean the rivers of Kenya", "A law"),
        answers=("A pact to clean the rivers of Kenya",),
        silence=(("key-longest", "The full name of the pact is needed."),),
    )
    invited = _mc(
        "q2",
        "Which country have the ministers invited to join?",
        ["Uganda", "Peru", "Ghana"],
        "Uganda",
        S5,
    )
    bank = _bank(flawed, invited)
    result = review(bank, {"q1": 12, "q2": 30})
    assert [s.advice.code for s in result.silenced] == ["key-longest"]
    assert result.silenced[0].reason == "The full name of the pact is needed."
    assert result.off == ("distractor-true-elsewhere",)
    assert "distractor-true-elsewhere" not in {a.code for a in result.shown}
    everything = review(bank, {"q1": 12, "q2": 30}, all_advice=True)
    assert everything.off == ()
    advice = next(a for a in everything.shown if a.code == "distractor-true-elsewhere")
    assert advice.text("b.yaml").startswith(
        "b.yaml:30: advice distractor-true-elsewhere [q2]: the wrong option 'Peru' is true"
    )
    assert " — " in advice.text("b.yaml")
    assert [a.line for a in everything.shown] == sorted(a.line for a in everything.shown)


def test_answer_position_is_bank_wide() -> None:
    questions = [
        _mc(f"q{n}", f"Question {n}?", [f"right {n}", f"wrong {n}a", f"wrong {n}b"], f"right {n}")
        for n in range(7)
    ]
    shown = review(_bank(*questions)).shown
    position = [a for a in shown if a.code == "answer-position"]
    assert len(position) == 1 and position[0].question == "" and position[0].line == 0
    assert position[0].text("b.yaml").startswith("b.yaml: advice answer-position [bank]: the")


def test_the_review_never_imports_spacy_or_textual() -> None:
    code = (
        "import sys; from quiz.bank import load_bank; from quiz.bank.review.registry import review;"
        "review(load_bank('question_banks/japan-korea-summit-2025.yaml'), all_advice=True);"
        "print(sorted(m for m in ('spacy', 'textual') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_shipped_bank_as_issue_16_found_it_draws_the_flaws_a_rater_named() -> None:
    """The founding bank before its revision (kept verbatim as test data): key length (52
    against 37, 89 against 57), verbatim keys, verbatim true statements, guessable blanks,
    general knowledge, leakage."""
    from quiz.bank import load_bank

    found: dict[str, set[str]] = {}
    for advice in review(load_bank(SHIPPED_BEFORE_REVISION)).shown:
        found.setdefault(advice.code, set()).add(advice.question)
    assert {"q-joint-announcement-mc", "q-sign-of-importance-mc"} <= found["key-longest"]
    assert found["key-verbatim"] and found["tf-true-verbatim"] and found["answer-leak"]
    assert {"q-north-korea-cloze", "q-virtuous-cycle-cloze", "q-colonial-cloze"} <= found[
        "guessable-blank"
    ]
    assert {"q-trump-role-sa", "q-washington-city-sa"} <= found["general-knowledge"]
    assert "q-joint-announcement-mc" in found["stem-key-mismatch"]
    assert "q-people-roles-match" in found["matching-gives-away"]


def test_the_revised_shipped_bank_has_no_advice_tests_every_fact_and_has_every_type() -> None:
    """Issue 16, Done when: on the revised bank ``quiz check`` prints no advice that is not
    silenced with a reason (the advice off by default included), every fact of the article is
    still tested by a question, and all seven types are there."""
    from quiz.bank import load_bank
    from quiz.bank.model import QUESTION_TYPES
    from tests.conftest import FOUNDING_BANK

    bank = load_bank(FOUNDING_BANK)
    assert review(bank, all_advice=True).shown == ()
    assert all(reason.strip() for q in bank.questions for _, reason in q.silence)
    assert {f.id for f in bank.facts} <= {q.fact for q in bank.questions}
    assert {q.TYPE for q in bank.questions} == set(QUESTION_TYPES)
    before = load_bank(SHIPPED_BEFORE_REVISION)
    # ids kept; the second, third and fourth revisions (after blind ratings) added these
    added = {
        "q-g7-meeting-mc",
        "q-tokyo-first-mc",
        "q-paramount-mc",
        "q-lee-turn-mc",
        "q-officials-reading-mc",
        "q-virtuous-cycle-mc",
        "q-people-match",
        "q-ishiba-statement-mc",
        "q-north-korea-mc",
        "q-common-ground-multi",
        "q-us-forces-mc",
    }
    assert {q.id for q in bank.questions} - added <= {q.id for q in before.questions}


def test_a_year_beside_any_word_its_question_asks_about_is_a_leak() -> None:
    """ "the 1993 outbreak" in one prompt answers "… first thrust into the public's awareness in
    ___, when the virus was identified during an outbreak" (fresh set AA, both raters of the
    arm, tuned): a year names the same thing wherever it stands. A year beside words the
    question does not ask about is not a leak."""
    s1 = "Hantavirus was first noticed in 1993, when the virus was identified during an outbreak."
    s2 = "Officials say the 1993 outbreak infected 42 people from 12 states."
    s3 = "The park opened its 1993 museum to 42 visitors."
    asked = Cloze(
        id="q1",
        prompt="Hantavirus was first noticed in ___, when the virus was identified during an "
        "outbreak.",
        blanks=(("1993",),),
        source=s1,
    )
    leaks = Cloze(
        id="q2",
        prompt="Officials say the 1993 outbreak infected ___ people from 12 states.",
        blanks=(("42",),),
        source=s2,
    )
    elsewhere = Cloze(
        id="q3",
        prompt="The park opened its 1993 museum to ___ visitors.",
        blanks=(("42",),),
        source=s3,
    )
    text = " ".join((s1, s2, s3))
    for other, leaked in ((leaks, True), (elsewhere, False)):
        bank = Bank(
            id="b", title="B", source=Source(title="A", text=text), questions=(asked, other)
        )
        found = {a.question for a in run(bank, [BY_CODE["answer-leak"]])}
        assert (other.id in found) is leaked, other.id
