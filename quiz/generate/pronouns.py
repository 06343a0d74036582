"""Which entity a pronoun refers to, so a question never asks about "he" without naming him."""

from __future__ import annotations

from quiz.generate.article import Entity, Mention, Sentence

# -- pronouns ----------------------------------------------------------------------------------


def _maybe_person(entity: Entity) -> bool:
    if entity.label == "PERSON":
        return True
    words = entity.name.split()
    return (
        entity.label == "ORG"
        and len(words) in (1, 2, 3)
        and all(w[:1].isupper() and w[1:].islower() and w.isalpha() for w in words)
    )


def _near(mentions: list[Mention], sentence_index: int) -> list[Mention]:
    """Mentions of this sentence and the one before (``mentions`` is sorted by sentence)."""
    import bisect

    keys = [m.sentence for m in mentions]
    lo = bisect.bisect_left(keys, sentence_index - 1)
    hi = bisect.bisect_right(keys, sentence_index)
    return mentions[lo:hi]


def resolve_pronoun(
    sentences: list[Sentence],
    mentions: list[Mention],
    entities: dict[str, Entity],
    sentence_index: int,
    char: int,
) -> str:
    """The person a "he"/"she" at ``char`` of sentence ``sentence_index`` refers to: the last
    named person before it, when no other person is named in that sentence or the previous one
    before the pronoun. "" when it is ambiguous or there is none."""
    near = (
        [m for m in mentions if m.sentence in (sentence_index - 1, sentence_index)]
        if len(mentions) < 64
        else _near(mentions, sentence_index)
    )
    window = [
        m
        for m in near
        if entities.get(m.entity) is not None
        and _maybe_person(entities[m.entity])
        and (m.sentence == sentence_index - 1 or (m.sentence == sentence_index and m.start < char))
    ]
    if any(entities[m.entity].label != "PERSON" for m in window):
        return ""  # a name the model could not place: it might be the one meant
    people = {m.entity for m in window}
    if len(people) == 1:
        return next(iter(people))
    return ""  # no person named just before: never guess further back
