"""A pronoun whose person the sentence already names is left as it is: "May has been forced to
abandon her plan" became "May has been forced to abandon Theresa May's plan" when the tagger
read "May" as a modal verb (fresh set Z, tuned). One the sentence does not name is still named."""

from __future__ import annotations

from typing import Any

from quiz.generate.candidate import pronoun_edits

LEAD = "Home secretary Theresa May spoke in London on Sunday."


def test_a_person_named_in_the_sentence_keeps_her_pronoun(analyse: Any) -> None:
    article = analyse(
        "The home secretary, Theresa May, has been forced to drop new rules on speakers.\n"
        "May has been forced to abandon her plan to issue ministerial directions backed by the "
        "threat of contempt of court proceedings against universities.\n"
    )
    assert pronoun_edits(article.sentences[1], article) == []


def test_a_pronoun_with_no_name_in_its_sentence_is_named(analyse: Any) -> None:
    article = analyse(f"{LEAD} She has been forced to abandon her plan to ban speakers on Monday.")
    edits = pronoun_edits(article.sentences[1], article)
    assert edits and edits[0][2] == "Theresa May"
