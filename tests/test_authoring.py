"""The authoring draft without a screen: review states, edits checked by the bank validator,
other wrong options, and saving a bank that loads."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from msgspec.structs import replace

from quiz.authoring import (
    Draft,
    DraftError,
    DraftItem,
    ItemState,
    fact_alternatives,
    form_fields,
    form_values,
    question_from_form,
    save_draft,
)
from quiz.bank import load_bank
from quiz.bank.model import Cloze, Fact, Matching, MultipleChoice, Numeric, ShortAnswer, TrueFalse
from tests.conftest import ALL_TYPES_BANK, DATA, FOUNDING_BANK


def _draft(pending: bool = True) -> Draft:
    bank = load_bank(ALL_TYPES_BANK)
    return Draft(bank) if pending else Draft.from_bank(bank)


def _index(draft: Draft, qid: str) -> int:
    return next(i for i, item in enumerate(draft.items) if item.question.id == qid)


def test_states() -> None:
    draft = _draft()
    assert draft.counts() == {ItemState.PENDING: 9}
    draft.accept(0)
    draft.reject(1)
    assert [draft.items[i].state for i in (0, 1, 2)] == [
        ItemState.ACCEPTED,
        ItemState.REJECTED,
        ItemState.PENDING,
    ]
    assert draft.dirty
    assert draft.visible(state=ItemState.PENDING) == list(range(2, 9))
    assert draft.visible("multiple_choice") == [0, 1]
    assert draft.visible("multiple_choice", ItemState.ACCEPTED) == [0]
    assert draft.types() == [
        "multiple_choice",
        "true_false",
        "cloze",
        "short_answer",
        "matching",
        "numeric",
        "ordering",
    ]
    draft.restore(1)
    assert draft.items[1].state is ItemState.PENDING


def test_a_loaded_bank_starts_accepted() -> None:
    draft = _draft(pending=False)
    assert draft.counts() == {ItemState.ACCEPTED: 9}
    assert not draft.dirty


def test_edit_keeps_the_id_and_marks_it_edited() -> None:
    draft = _draft()
    i = _index(draft, "q-mayor-short")
    values = form_values(draft.items[i].question)
    assert values == {
        "prompt": "Who is the mayor of Riverton?",
        "explanation": "",
        "answer": "Ana Costa",
        "accept": "Costa",
    }
    values["prompt"] = "Who is Riverton's mayor?"
    values["accept"] = "Costa\nMayor Costa"
    edited = draft.edit(i, values)
    assert isinstance(edited, ShortAnswer)
    assert edited.id == "q-mayor-short"
    assert edited.answers == ("Ana Costa", "Costa", "Mayor Costa")
    assert draft.items[i].state is ItemState.EDITED
    assert draft.items[i].original.prompt == "Who is the mayor of Riverton?"
    draft.accept(i)  # accepting an edited question keeps the edit
    assert draft.items[i].state is ItemState.EDITED
    draft.restore(i)
    assert draft.items[i].question.prompt == "Who is the mayor of Riverton?"


def test_saving_the_form_unchanged_accepts() -> None:
    draft = _draft()
    draft.edit(0, form_values(draft.items[0].question))
    assert draft.items[0].state is ItemState.ACCEPTED


def test_invalid_edits_are_refused_with_every_problem() -> None:
    draft = _draft()
    i = _index(draft, "q-mayor-mc")
    values = form_values(draft.items[i].question)
    values["wrong"] = "Ana Costa\nB\nC\nD\nE\nF"
    with pytest.raises(DraftError) as raised:
        draft.edit(i, values)
    assert raised.value.problems == (
        "Give 2 to 6 choices, not 7",
        "Duplicate choice 'Ana Costa'",
    )
    assert draft.items[i].state is ItemState.PENDING
    assert not draft.dirty


@pytest.mark.parametrize(
    ("qid", "change", "problems"),
    [
        (
            "q-cost-cloze",
            {"blanks": "12"},
            ["The prompt has 2 blank(s) (___) but 'blanks' lists 1"],
        ),
        ("q-cars-numeric", {"answer": "lots"}, ["'answer' must be a number like 80000 or 2.5"]),
        ("q-cars-numeric", {"tolerance": "-5"}, ["'tolerance' cannot be negative"]),
        ("q-numbers-match", {"pairs": "a -> b\nc -> d"}, ["Give 3 to 8 pairs, not 2"]),
        ("q-numbers-match", {"pairs": "a -> b\nc"}, ["pair 2: write it as left -> right"]),
        ("q-timeline-order", {"items": "only one"}, ["Give 2 to 8 items, not 1"]),
        ("q-cost-tf", {"prompt": ""}, ["'prompt' is empty"]),
        (
            "q-mayor-short",
            {"prompt": "Who?\x1b[31m"},
            ["'prompt' contains control characters (such as escape codes); remove them"],
        ),
        ("q-facts-multi", {"answer": ""}, ["write the right answer"]),
    ],
)
def test_form_problems(qid: str, change: dict[str, str], problems: list[str]) -> None:
    draft = _draft()
    base = draft.items[_index(draft, qid)].question
    values = {**form_values(base), **change}
    question, found = question_from_form(draft, base, values)
    assert question is None
    assert found == problems


def test_every_type_round_trips_through_its_form() -> None:
    draft = _draft()
    for item in draft.items:
        names = [f.name for f in form_fields(item.question)]
        values = form_values(item.question)
        assert set(values) == set(names), item.question.id
        question, problems = question_from_form(draft, item.question, values)
        assert problems == [], item.question.id
        assert question == item.question, item.question.id


def test_edits_of_each_type() -> None:
    draft = _draft()
    tf = draft.edit(
        _index(draft, "q-cost-tf"),
        {
            "prompt": "The bridge cost approximately 12 million euros.",
            "answer": "true",
            "explanation": "",
        },
    )
    assert isinstance(tf, TrueFalse) and tf.answer is True
    cloze = draft.edit(
        _index(draft, "q-cost-cloze"),
        {
            "prompt": "The bridge cost approximately ___ million euros.",
            "blanks": "12 | twelve | XII",
            "explanation": "",
        },
    )
    assert isinstance(cloze, Cloze) and cloze.blanks == (("12", "twelve", "XII"),)
    numeric = draft.edit(
        _index(draft, "q-cars-numeric"),
        {
            "prompt": "How many cars a day?",
            "answer": "4,000",
            "tolerance": "500",
            "unit": "cars",
            "explanation": "About 4,000.",
        },
    )
    assert isinstance(numeric, Numeric)
    assert (numeric.answer, numeric.tolerance, numeric.explanation) == (4000, 500, "About 4,000.")
    matching = draft.edit(
        _index(draft, "q-numbers-match"),
        {
            "prompt": "Match.",
            "explanation": "",
            "pairs": "12 million → euros\n4,000 -> cars a day\nthree => years",
        },
    )
    assert isinstance(matching, Matching)
    assert [(p.left, p.right) for p in matching.pairs] == [
        ("12 million", "euros"),
        ("4,000", "cars a day"),
        ("three", "years"),
    ]
    multi = draft.edit(
        _index(draft, "q-facts-multi"),
        {
            "prompt": "Which are true?",
            "explanation": "",
            "answer": "It cost about 12 million euros",
            "wrong": "It replaced a tunnel\nIt has four lanes",
        },
    )
    assert isinstance(multi, MultipleChoice) and multi.multiple
    assert multi.answers == ("It cost about 12 million euros",)
    assert multi.choices == (
        "It cost about 12 million euros",
        "It replaced a tunnel",
        "It has four lanes",
    )


def test_other_wrong_options_from_the_facts() -> None:
    # the shipped bank before its revisions: it still asks the month of the first meeting
    draft = Draft.from_bank(load_bank(DATA / "item-review" / "shipped-before-revision.yaml"))
    i = _index(draft, "q-g7-month-mc")
    question = draft.items[i].question
    assert isinstance(question, MultipleChoice)
    assert question.choices == ("April", "May", "June", "July")
    first = draft.other_wrong_options(i)
    # months near the answer not offered yet; the answer keeps its place
    assert first.choices == ("April", "August", "June", "September")
    assert first.id == question.id
    assert draft.items[i].state is ItemState.EDITED
    with pytest.raises(DraftError, match="no other wrong options"):
        draft.other_wrong_options(i)


def test_other_wrong_options_never_the_answer_nor_in_the_stem() -> None:
    facts = [
        Fact("f1", "Ana Costa is mayor.", "person", "Ana Costa", "s"),
        Fact("f2", "Rui Lopes spoke.", "person", "Rui Lopes", "s"),
        Fact("f3", "Marta Silva spoke.", "person", "Marta Silva", "s"),
        Fact("f4", "Costa spoke.", "person", "Costa", "s"),  # contained in the answer
        Fact("f5", "Riverton: Mayor.", "person", "Mayor", "s"),  # a role, not a person
        Fact("f6", "The bridge cost 12 million euros.", "number", "12 million euros", "s"),
    ]
    question = MultipleChoice(
        id="q",
        prompt="Who, after Rui Lopes spoke, opened it?",
        source="s",
        fact="f1",
        choices=("Ana Costa", "João Pires"),
        answers=("Ana Costa",),
    )
    # not the answer, not one inside it (Costa), not a role, not a number, not in the stem
    assert fact_alternatives(question, facts) == ["Marta Silva"]
    draft = Draft(load_bank(ALL_TYPES_BANK), alternatives=lambda q: fact_alternatives(q, facts))
    draft.items[0] = DraftItem(question, question, offered={"ana costa", "joão pires"})
    changed = draft.other_wrong_options(0)
    assert changed.choices == ("Ana Costa", "Marta Silva")


def test_numbers_keep_their_format() -> None:
    question = MultipleChoice(
        id="q",
        prompt="How much did it cost?",
        source="s",
        choices=("a", "b"),
        answers=("approximately 12 million euros",),
    )
    assert fact_alternatives(question, []) == [
        "approximately 24 million euros",
        "approximately 6 million euros",
        "approximately 120 million euros",
        "approximately 1.2 million euros",
        "approximately 18 million euros",
        "approximately 36 million euros",
    ]


def test_other_wrong_options_are_for_multiple_choice() -> None:
    draft = _draft()
    with pytest.raises(DraftError, match="multiple-choice"):
        draft.other_wrong_options(_index(draft, "q-cost-tf"))


def test_save_writes_a_bank_that_loads(tmp_path: Path) -> None:
    draft = _draft()
    for qid in ("q-mayor-mc", "q-cost-cloze", "q-cars-numeric"):
        draft.accept(_index(draft, qid))
    draft.reject(_index(draft, "q-cost-tf"))
    values = form_values(draft.items[_index(draft, "q-mayor-short")].question)
    draft.edit(_index(draft, "q-mayor-short"), {**values, "prompt": "Riverton's mayor?"})
    target = tmp_path / "out" / "riverton.yaml"
    result = save_draft(draft, target)
    assert (result.questions, result.left_out, result.rejected) == (4, 4, 1)
    assert result.article == target.parent / "article.txt"
    bank = load_bank(target)
    assert [q.id for q in bank.questions] == [
        "q-mayor-mc",
        "q-cost-cloze",
        "q-mayor-short",
        "q-cars-numeric",
    ]
    assert bank.question("q-mayor-short").prompt == "Riverton's mayor?"  # type: ignore[union-attr]
    assert [f.id for f in bank.facts] == ["f-mayor"]  # the facts the saved questions rest on
    assert not draft.dirty and draft.saved_to == target
    assert not list(target.parent.glob(".*.tmp"))  # nothing left behind
    again = target.read_bytes()
    save_draft(draft, target)
    assert target.read_bytes() == again  # same draft, same bytes


def test_save_refuses_an_empty_bank(tmp_path: Path) -> None:
    with pytest.raises(DraftError, match="accept at least one question"):
        save_draft(_draft(), tmp_path / "x.yaml")
    assert not (tmp_path / "x.yaml").exists()


def test_save_needs_a_yaml_name(tmp_path: Path) -> None:
    draft = _draft(pending=False)
    with pytest.raises(DraftError, match=r"must end in \.yaml"):
        save_draft(draft, tmp_path / "bank.txt")


def test_save_never_overwrites_another_article(tmp_path: Path) -> None:
    (tmp_path / "article.txt").write_text("Another article altogether.\n")
    target = tmp_path / "riverton.yaml"
    result = save_draft(_draft(pending=False), target)
    assert result.article == tmp_path / "riverton.txt"
    assert (tmp_path / "article.txt").read_text() == "Another article altogether.\n"
    assert load_bank(target).source.file == "riverton.txt"


def test_save_over_the_opened_bank(tmp_path: Path) -> None:
    shutil.copy(ALL_TYPES_BANK, tmp_path / "b.yaml")
    shutil.copy(DATA / "valid" / "article.txt", tmp_path / "article.txt")
    draft = Draft.from_bank(load_bank(tmp_path / "b.yaml"))
    draft.reject(0)
    save_draft(draft, tmp_path / "b.yaml")
    assert len(load_bank(tmp_path / "b.yaml").questions) == 8
    assert sorted(p.name for p in tmp_path.iterdir()) == ["article.txt", "b.yaml"]


def test_inline_article_stays_inline(tmp_path: Path) -> None:
    bank = load_bank(ALL_TYPES_BANK)
    bank = replace(bank, source=replace(bank.source, file=""))
    save_draft(Draft.from_bank(bank), tmp_path / "inline.yaml")
    assert load_bank(tmp_path / "inline.yaml").source.file == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["inline.yaml"]


ARTICLE = DATA / "articles" / "wikinews-hurricane-florence.txt"


def test_a_generated_draft(tmp_path: Path) -> None:
    """From an article through the generator: pending questions, the generator's own wrong
    options, ids stable through edits, and a saved bank that loads."""
    pytest.importorskip("spacy")
    from quiz.generate import generate
    from quiz.generate.nlp import ModelMissing

    text = ARTICLE.read_text(encoding="utf-8")
    try:
        generated = generate(text, bank_id="florence", title="Florence", source_file=ARTICLE.name)
    except ModelMissing:
        pytest.skip("no English model")
    draft = Draft.from_generated(generated)
    ids = [item.question.id for item in draft.items]
    assert draft.counts() == {ItemState.PENDING: len(ids)}
    mc = next(i for i, item in enumerate(draft.items) if isinstance(item.question, MultipleChoice))
    before = draft.items[mc].question
    after = draft.other_wrong_options(mc)
    assert after.id == before.id and after.answers == before.answers
    assert set(after.choices) != set(before.choices)
    # more questions the generator drafted but did not choose
    reserve = [q.id for q in draft.reserve]
    assert reserve and not set(reserve) & set(ids)
    added = draft.more(2)
    assert [draft.items[i].question.id for i in added] == reserve[:2]
    assert [draft.items[i].state for i in added] == [ItemState.PENDING] * 2
    assert [q.id for q in draft.reserve] == reserve[2:]
    for i in range(len(draft.items)):
        draft.accept(i)
    result = save_draft(draft, tmp_path / "florence.yaml")
    bank = load_bank(result.path)
    assert [q.id for q in bank.questions] == ids + reserve[:2]
    assert all(bank.fact(q.fact) is not None for q in bank.questions if q.fact)
    assert (tmp_path / ARTICLE.name).read_text(encoding="utf-8") == text


def test_bank_details() -> None:
    draft = _draft(pending=False)
    assert draft.set_details("", "x") == ["the bank needs a title"]
    assert draft.bank.title == "Riverton opens its bridge" and not draft.dirty
    assert draft.set_details("Riverton's  new bridge", "Opened in May.", "local, , roads") == []
    assert (draft.bank.title, draft.bank.description, draft.bank.tags) == (
        "Riverton's new bridge",
        "Opened in May.",
        ("local", "roads"),
    )
    assert draft.bank.source.title == "Riverton bridge opens"  # the article's own title stays
    assert draft.dirty


def test_a_drafted_title_names_the_article_too() -> None:
    bank = load_bank(ALL_TYPES_BANK)
    bank = replace(bank, source=replace(bank.source, title=bank.title))
    draft = Draft(bank)
    draft.set_details("A better title")
    assert draft.bank.source.title == "A better title"


ARTICLE_VARIANTS = {
    "trailing blank lines": lambda t: t.rstrip("\n") + "\n\n\n",
    "CRLF": lambda t: t.replace("\n", "\r\n"),
    "BOM": lambda t: "\ufeff" + t,
    "tabs": lambda t: t.replace(" ", "\t", 3) + "\t\n",
    "no final newline": lambda t: t.rstrip("\n"),
    "spaces on the last line": lambda t: t + "   \n \n",
}


@pytest.mark.parametrize("inline", [False, True], ids=["file", "inline"])
@pytest.mark.parametrize("variant", sorted(ARTICLE_VARIANTS))
def test_any_article_text_saves(tmp_path: Path, variant: str, inline: bool) -> None:
    """Whatever the article's line ends, BOM, tabs or trailing blank lines, the edited bank
    saves, and what is saved loads and checks."""
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(ALL_TYPES_BANK, folder / "b.yaml")
    text = (DATA / "valid" / "article.txt").read_text(encoding="utf-8")
    (folder / "article.txt").write_bytes(ARTICLE_VARIANTS[variant](text).encode("utf-8"))
    bank = load_bank(folder / "b.yaml")
    if inline:
        bank = replace(bank, source=replace(bank.source, file=""))
    draft = Draft.from_bank(bank)
    draft.reject(0)
    target = tmp_path / "out" / "b.yaml"
    save_draft(draft, target)
    saved = load_bank(target)
    assert len(saved.questions) == len(bank.questions) - 1
    assert "\n...\n" not in target.read_text(encoding="utf-8")
    assert saved.source.text.strip() == bank.source.text.strip()


def test_an_unedited_bank_saves_byte_for_byte(tmp_path: Path) -> None:
    """Opening a bank and saving it without an edit keeps the file, comments and all, wherever
    it is saved."""
    for name in (FOUNDING_BANK.name, "japan-korea-summit-2025.txt"):
        shutil.copy(FOUNDING_BANK.parent / name, tmp_path / name)
    path = tmp_path / FOUNDING_BANK.name
    before = path.read_bytes()
    assert b"\n#" in before  # the shipped bank has comments
    draft = Draft.from_bank(load_bank(path))
    save_draft(draft, path)
    assert path.read_bytes() == before
    save_draft(draft, tmp_path / "copy" / "summit.yaml")
    assert (tmp_path / "copy" / "summit.yaml").read_bytes() == before
    assert load_bank(tmp_path / "copy" / "summit.yaml").questions == load_bank(path).questions


def test_advice_for_a_kept_question_ignores_the_drafts_it_would_leak_to() -> None:
    """The kept questions are reviewed as the saved bank will hold them; a question still to
    review, as if promoted."""
    draft = _draft(pending=False)
    leaks = [n for n in draft.advice().get("q-facts-multi", []) if n.startswith("answer-leak")]
    assert leaks and "q-cost-cloze" in leaks[0]
    draft.reject(_index(draft, "q-cost-cloze"))
    assert not any(n.startswith("answer-leak") for n in draft.advice().get("q-facts-multi", []))
    fresh = _draft()  # everything still to review: reviewed together, as if all were promoted
    fresh.accept(_index(fresh, "q-cost-cloze"))
    assert any(n.startswith("answer-leak") for n in fresh.advice().get("q-facts-multi", []))
