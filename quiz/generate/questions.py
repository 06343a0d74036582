"""Question builders: each turns facts into candidate questions of one type.

Candidates are over-generated here and filtered and ranked in :mod:`quiz.generate.select`.
Every builder keeps the hard rules itself: the answer comes from the cited sentence, no
distractor is (or contains, or is contained in) the answer or an alias of it, no option occurs
in the stem, and a false statement is never also true elsewhere in the article.
"""

from __future__ import annotations

import re

from quiz.generate.article import Article, Sentence, XFact, normalise_key
from quiz.generate.asking import (
    answer_variants,
    blanked,
    how_many_question,
    number_variants,
    quote_snippet,
    when_question,
    where_question,
    who_question,
)
from quiz.generate.candidate import BLANK, Candidate, _rel, as_statement, mentions_any
from quiz.generate.distractors import (
    date_distractors,
    distractors_for,
    entity_distractors,
    order_choices,
)
from quiz.generate.entities import alias_variants
from quiz.generate.facts import _inside_name
from quiz.generate.grouped import matching_candidates, ordering_candidates
from quiz.generate.lexicon import PERSON_TITLES
from quiz.generate.quality import relative_day
from quiz.generate.statements import _determiner, _false_statement, _swapped, true_statements

# -- builders ----------------------------------------------------------------------------------


def build_candidates(article: Article) -> list[Candidate]:
    out: list[Candidate] = []
    for fact in article.facts:
        if fact.kind == "date" and relative_day(fact.key):
            continue  # "___, she lives in Arkansas" → "Today": means nothing out of the article
        out.extend(_for_fact(fact, article))
    out.extend(true_statements(article))
    out.extend(matching_candidates(article))
    out.extend(ordering_candidates(article))
    return out


def _explain(fact: XFact) -> str:
    return (
        f"The article says: “{fact.sentence.text}”"
        if "“" not in fact.sentence.text
        else f"From the article: {fact.sentence.text}"
    )


#: "$350 million", "£11k", "90%": a sign before the figure, a scale or sign after it.
_WRITTEN_AMOUNT = re.compile(
    r"^(?P<cur>[$€£¥])?(?P<num>\d[\d,]*(?:\.\d+)?)"
    r"(?P<after>%|k|bn|m| thousand| million| billion| trillion)?$"
)


def _typed_blank(text: str, fact: XFact) -> tuple[str, tuple[str, ...]] | None:
    """A typed blank keeps what is written around the figure in the stem ("UBS lost more than
    $___ million", "more than ___% of images"), so the learner types the number and the stem
    says its unit: blind raters marked "lost more than ___" and "___ of images" as missing it.
    The stem and the accepted answers (the number first, then the figure as written), or None
    when the figure is written otherwise ("two", "1.5 per cent")."""
    found = _WRITTEN_AMOUNT.match(fact.key) if fact.kind == "number" else None
    if found is None or not (found["cur"] or found["after"]):
        return None
    number = found["num"]
    stem = text.replace(BLANK, f"{found['cur'] or ''}{BLANK}{found['after'] or ''}", 1)
    return stem, tuple(dict.fromkeys((number, number.replace(",", ""), *number_variants(fact.key))))


def _for_fact(fact: XFact, article: Article) -> list[Candidate]:
    out: list[Candidate] = []
    s = [fact.sentence]
    base_key = fact.fingerprint
    if (
        fact.kind in ("person", "place", "organisation", "number", "date", "term", "policy")
        and fact.label not in ("ROLE", "NORP")  # "___ media": a nationality is a giveaway
        and blankable(fact)
    ):
        text = blanked(fact, article)
        if text is not None:
            answers = answer_variants(fact, article)
            typed = text
            written = _typed_blank(text, fact)  # "$___ million": what is typed is the number
            if written is not None:
                typed, answers = written
            out.append(
                Candidate("cloze", "blank", [fact], s, typed, {"blanks": (answers,)}, key=base_key)
            )
            wrong = (
                distractors_for(fact, article, text)
                if fact.kind not in ("place", "term") and not _in_open_list(fact)
                else []
            )
            if len(wrong) >= 2:
                prompt = f"{_mc_lead(fact)} {text}"
                choices = order_choices(fact.key, wrong, base_key + "mc")
                out.append(
                    Candidate(
                        "multiple_choice",
                        "blank",
                        [fact],
                        s,
                        prompt,
                        {"choices": tuple(choices), "answers": (fact.key,)},
                        key=base_key,
                    )
                )
                if fact.kind not in ("policy", "place", "term"):
                    false = _false_statement(fact, article, wrong)
                    if false is not None:
                        out.append(
                            Candidate(
                                "true_false",
                                "statement-false",
                                [fact],
                                s,
                                false,
                                {"answer": False, "swap": _swapped(fact, article, wrong)},
                                key=base_key,
                                explanation=(
                                    f"False: the article says “{fact.key}”, "
                                    f"not “{_swapped(fact, article, wrong)}”."
                                ),
                            )
                        )
            if fact.kind == "number" and fact.amount is not None:
                question = how_many_question(fact, article)
                unit = fact.counted if len(fact.counted.split()) <= 3 else ""
                if question is not None:
                    out.append(
                        Candidate(
                            "numeric",
                            "how-many",
                            [fact],
                            s,
                            question,
                            {"answer": fact.amount.value, "unit": unit},
                            key=base_key,
                        )
                    )
                    out.append(
                        Candidate(
                            "short_answer",
                            "how-many",
                            [fact],
                            s,
                            question,
                            {"answers": answer_variants(fact, article)},
                            key=base_key,
                        )
                    )
                elif written is None or written[0].count(f"{BLANK}%") or not fact.amount.scale:
                    # a scale word after the blank ("$___ million") and a typed "350 million"
                    # would be read as 350,000,000 against the answer 350: no number question
                    out.append(
                        Candidate(
                            "numeric",
                            "blank",
                            [fact],
                            s,
                            f"What number goes in the blank? {typed}",
                            {"answer": fact.amount.value, "unit": unit},
                            key=base_key,
                        )
                    )
    if fact.kind == "date":
        question = when_question(fact, article)
        if question is not None:
            answers = answer_variants(fact, article)
            out.append(
                Candidate(
                    "short_answer", "when", [fact], s, question, {"answers": answers}, key=base_key
                )
            )
            wrong = date_distractors(fact, article, question)
            if len(wrong) >= 2:
                out.append(
                    Candidate(
                        "multiple_choice",
                        "when",
                        [fact],
                        s,
                        question,
                        {
                            "choices": tuple(order_choices(fact.key, wrong, base_key + "when")),
                            "answers": (fact.key,),
                        },
                        key=base_key,
                    )
                )
    if fact.kind == "place":
        question = where_question(fact, article)
        if question is not None:
            out.append(
                Candidate(
                    "short_answer",
                    "where",
                    [fact],
                    s,
                    question,
                    {"answers": answer_variants(fact, article)},
                    key=base_key,
                )
            )
    if fact.kind == "event":
        question = who_question(fact, article)
        if question is not None:
            entity = article.entities[fact.entity]
            shown = entity.name
            out.append(
                Candidate(
                    "short_answer",
                    "who",
                    [fact],
                    s,
                    question,
                    {"answers": alias_variants(entity, shown)},
                    key=base_key,
                )
            )
            wrong = entity_distractors(fact, article, question)
            if len(wrong) >= 2:
                out.append(
                    Candidate(
                        "multiple_choice",
                        "who",
                        [fact],
                        s,
                        question,
                        {
                            "choices": tuple(order_choices(shown, wrong, base_key + "who")),
                            "answers": (shown,),
                        },
                        key=base_key,
                    )
                )
        statement = as_statement(fact.sentence, article, [])
        if statement is not None and fact.sentence.words <= 35:
            out.append(
                Candidate(
                    "true_false",
                    "statement-true",
                    [fact],
                    s,
                    statement,
                    {"answer": True},
                    key=base_key,
                )
            )
    if fact.kind == "quote" and fact.speaker:
        prompt = f"Who said: “{quote_snippet(fact.key)}”?"
        s = _with_antecedent(fact, article)
        if fact.speaker_is_person:
            speaker = article.entities.get(fact.speaker)
            answers = alias_variants(speaker, fact.speaker)
            out.append(
                Candidate(
                    "short_answer", "quote", [fact], s, prompt, {"answers": answers}, key=base_key
                )
            )
            probe = XFact("person", fact.speaker, fact.sentence, 0, entity=fact.speaker)
            wrong = entity_distractors(probe, article, prompt)
            if len(wrong) >= 2:
                out.append(
                    Candidate(
                        "multiple_choice",
                        "quote",
                        [fact],
                        s,
                        prompt,
                        {
                            "choices": tuple(order_choices(fact.speaker, wrong, base_key + "q")),
                            "answers": (fact.speaker,),
                        },
                        key=base_key,
                    )
                )
    if fact.label == "ROLE" and fact.person and _role_is_unique(fact, article):
        det = _determiner(fact)
        prompt = f"Who is described in the article as {det}{fact.role}?"
        person = article.entities.get(fact.person)
        if person is not None and not mentions_any(prompt, alias_variants(person, person.name)):
            out.append(
                Candidate(
                    "short_answer",
                    "role",
                    [fact],
                    s,
                    prompt,
                    {"answers": alias_variants(person, person.name)},
                    key=base_key,
                )
            )
            probe = XFact("person", person.name, fact.sentence, 0, entity=person.name)
            wrong = entity_distractors(probe, article, prompt)
            if len(wrong) >= 2:
                out.append(
                    Candidate(
                        "multiple_choice",
                        "role",
                        [fact],
                        s,
                        prompt,
                        {
                            "choices": tuple(order_choices(person.name, wrong, base_key + "r")),
                            "answers": (person.name,),
                        },
                        key=base_key,
                    )
                )
    for c in out:
        if not c.explanation:
            c.explanation = _explain(fact)
    return out


#: Answers a learner guesses without the article.
TRIVIAL = {"earth", "world"}


def blankable(fact: XFact) -> bool:
    """Can the key be blanked (and swapped)? Not a piece of a longer name ("VOA Learning ___",
    "an ___-like planet"), not a place used as an adjective ("___ officials"), not a trivial
    answer, not a whole clause."""
    if fact.kind == "number":
        # "65.2 cases per 100,000 people": the rate's base is a convention, not a fact
        return not re.search(r"\bper\s*$", fact.sentence.text[: fact.start])
    if fact.kind == "date":
        return True
    if normalise_key(fact.key) in TRIVIAL:
        return False
    if fact.kind == "policy" and len(fact.key.split()) > 6:
        return False
    sentence = fact.sentence
    if _inside_name(sentence, fact.start, len(fact.key)):
        return False
    before = sentence.text[: fact.start]
    after = sentence.text[fact.end :]
    prev = re.search(r"(\S+)\s$", before)
    if (
        prev
        and prev.start(1) > 0
        and prev.group(1)[:1].isupper()
        and prev.group(1).isalpha()
        and prev.group(1).lower() not in PERSON_TITLES
    ):
        return False  # "VOA Learning ___": the key continues a name
    following = re.match(r"^ ([A-Z][a-z]+)\b", after)
    if following and fact.kind in ("organisation", "place", "term"):
        nxt = following.group(1)
        if nxt.lower() not in PERSON_TITLES | {"on", "in", "at", "and", "or"}:
            return False  # "___ Deputy Administrator", "___ Wallet"
    if fact.kind == "place":
        tokens = [t for t in sentence.span if fact.start <= _rel(sentence, t) < fact.end]
        if (
            tokens
            and tokens[-1].dep_ in ("compound", "amod", "nmod")
            and tokens[-1].head.pos_ == "NOUN"
        ):
            return False  # "U.S. officials": a place used as an adjective
    return True


def _in_open_list(fact: XFact) -> bool:
    """'members including X and Y': another name may belong to the list too, so neither a
    swapped statement nor a set of options could be judged."""
    before = fact.sentence.text[: fact.start].lower()
    clause = re.split(r"[;:]", before)[-1]
    return any(word in clause for word in (" including ", " such as ", " among ", " like "))


def _role_is_unique(fact: XFact, article: Article) -> bool:
    """'Who is described as the President?' only when one person is."""
    role = normalise_key(fact.role)
    holders = {
        f.person for f in article.facts if f.label == "ROLE" and normalise_key(f.role) == role
    }
    return len(holders) == 1


def _mc_lead(fact: XFact) -> str:
    if fact.kind == "number":
        return "Which number fills the blank?"
    if fact.kind in ("person", "event") or fact.label == "PERSON":
        return "Who fills the blank?"
    if fact.kind == "date":
        return "Which date fills the blank?"
    return "Which fills the blank?"


def _with_antecedent(fact: XFact, article: Article) -> list[Sentence]:
    """The quote's sentence, and back to the sentence that names its speaker if it does not."""
    entity = article.entities.get(fact.speaker)
    names = alias_variants(entity, fact.speaker) if entity else (fact.speaker,)
    if mentions_any(fact.sentence.text, names):
        return [fact.sentence]
    for back in range(fact.sentence.index - 1, max(-1, fact.sentence.index - 3), -1):
        if mentions_any(article.sentences[back].text, names):
            return article.sentences[back : fact.sentence.index + 1]
    return [fact.sentence]


__all__ = ["build_candidates"]
