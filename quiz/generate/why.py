""" "Why …?" and "What followed …?" questions from the article's own cause and sequence links.

Blanking names and numbers tests whether a reader noticed a detail; asking why something
happened, or what followed it, tests whether they followed the story. The links come from
:func:`quiz.generate.rank.cause_links` (only where the article writes a connective: "because",
"due to", "led to", "as a result", "after", "so that" …), so the question never states a cause
the article does not.

* a link of kind ``cause`` or ``purpose`` gives "Why was the launch delayed?" (or, when the
  effect is a noun phrase a causing verb takes, "What led to the loss of communications?"),
  answered by the cause;
* a link of kind ``sequence`` gives "What happened after the bank collapsed?", answered by the
  effect.

The right answer is a slice of the article's text (cut to a readable option by
:func:`quiz.generate.option_text.option_span`), so the item review and ``hard_rules.violations``
find it in the cited sentence. The wrong options are the article's other causes (for a "Why …?")
or other consequences (for a "What followed …?"), then the main clauses of its other sentences:
each true of the article but not the answer to this question. None of them is a cause of the
same effect (or a cause of the cause), none shares most of its words with the answer or restates
the question, and all have the answer's form (a clause, a noun phrase, "to …"), about its
length, and its casing. Without two such options there is no question: a "Why …?" with one
giveaway distractor teaches nothing.
"""

from __future__ import annotations

from quiz.generate.article import Article, Sentence, XFact, normalise_key, usable_sentence
from quiz.generate.candidate import Candidate, mentions_any
from quiz.generate.cause_words import CAUSE_VERBS
from quiz.generate.causes import CAUSE, PURPOSE, SEQUENCE, CauseLink
from quiz.generate.distractors import order_choices
from quiz.generate.option_text import (
    content_words,
    option_span,
)
from quiz.generate.rank import cause_links
from quiz.generate.why_options import (
    FRAMES,
    MIN_CHOICES,
    NOT_EVENTS,
    PERSONAL,
    PRONOUNS,
    VAGUE,
    Option,
    Pool,
    shares,
)
from quiz.generate.why_text import (
    clause_subject,
    lemminflect,
    name_pronouns,
    render,
    subject_text,
    token_ids,
    what_caused_question,
    why_question,
)


def why_candidates(article: Article) -> list[Candidate]:
    """One "Why …?" per cause or purpose link and one "What followed …?" per sequence link,
    where the article gives the question a grammatical stem and two plausible wrong options.
    Without lemminflect (the ``generate`` extra) there are none: the other builders go on."""
    try:
        lemminflect()
    except ImportError:
        return []
    links = cause_links(article)
    if not links:
        return []
    pool = Pool(article, links)
    out: list[Candidate] = []
    for n, link in enumerate(links):
        built = _why(article, n, link, pool) if link.kind in (CAUSE, PURPOSE) else None
        if link.kind == SEQUENCE:
            built = _followed(article, n, link, pool)
        if built is not None:
            out.append(built)
    return out


# -- the two questions ---------------------------------------------------------------------------


def _why(article: Article, n: int, link: CauseLink, pool: Pool) -> Candidate | None:
    sentence = article.sentences[link.sentence]
    source = article.sentences[link.cause_sentence]
    if not (usable_sentence(sentence) and usable_sentence(source)):
        return None
    effect = pool.effect_ids(n)
    verb = next(
        (
            t
            for t in (sentence.span.doc[i] for i in sorted(pool.connective_ids(n)))
            if t.pos_ == "VERB" and t.lemma_ in CAUSE_VERBS
        ),
        None,
    )
    if verb is not None:
        prompt = what_caused_question(sentence, verb, effect)
    else:
        prompt = why_question(article, sentence, effect)
    key = pool.cause_option(n)
    if prompt is None or key is None or not _good_key(key, prompt):
        return None
    if link.kind == PURPOSE and key.form != "to" and link.connective.lower() != "so that":
        return None
    effect_words = content_words(sentence.span.doc, effect)
    related = {
        m
        for m in range(len(pool.links))
        if shares(pool.effect_content(m), effect_words)
        or shares(pool.effect_content(m), key.content)
    }
    wrong = pool.pick(key, prompt, {link.sentence, link.cause_sentence}, related, "cause")
    return _candidate("why", link, key, wrong, prompt, article)


def _followed(article: Article, n: int, link: CauseLink, pool: Pool) -> Candidate | None:
    sentence = article.sentences[link.sentence]
    if not usable_sentence(sentence):
        return None
    key = pool.effect_option(n)
    earlier = _earlier(article, pool, n)
    if key is None or earlier is None or key.form != "clause" or key.pronoun:
        return None
    doc = sentence.span.doc
    subject = clause_subject(doc, token_ids(sentence, key.start, key.start + len(key.key)))
    head = subject.head if subject is not None else None
    if head is None or head.lemma_ in FRAMES or not _past(head):
        return None
    asks = "What followed" if link.connective.lower() == "following" else "What happened after"
    prompt = f"{asks} {earlier}?"
    if not _good_key(key, prompt):
        return None
    cause_words = pool.cause_content(n)
    related = {m for m in range(len(pool.links)) if shares(pool.cause_content(m), cause_words)}
    wrong = pool.pick(key, prompt, {link.sentence, link.cause_sentence}, related, "effect")
    return _candidate("followed", link, key, wrong, prompt, article)


def _earlier(article: Article, pool: Pool, n: int) -> str | None:
    """What came first, as the stem names it: the cause clause with a "he"/"she" subject
    named, or the noun phrase; cut like an option."""
    link = pool.links[n]
    sentence = article.sentences[link.cause_sentence]
    span = option_span(sentence, pool.cause_ids(n))
    if span is None:
        return None
    doc = sentence.span.doc
    ids = token_ids(sentence, *span)
    if any(doc[i].tag_ in ("PRP", "PRP$") and doc[i].lower_ not in PERSONAL for i in ids):
        return None  # "after a fire damaged its roof": whose roof is in the other clause
    subject = clause_subject(doc, ids)
    if subject is not None:
        named = subject_text(article, sentence, subject, ids)
        after = max(t.i for t in subject.subtree if t.i in ids)
        rest = {i for i in ids if i > after}
        names = name_pronouns(article, sentence, ids)
        if named is None or names is None:
            return None
        return f"{named} {render(doc, rest, {i: w for i, w in names.items() if i in rest})}"
    first = doc[min(ids)]
    names = name_pronouns(article, sentence, ids)
    if first.lower_ in PRONOUNS or first.tag_ == "VBG" or len(ids) < 2 or names is None:
        return None  # "emptying out the base": whose doing is not said
    text = render(doc, ids, names)
    return text if first.pos_ == "PROPN" else text[:1].lower() + text[1:]


def _past(verb: object) -> bool:
    """Said as past (or perfect): "What happened after …?" fits; a plan or a rule does not."""
    tag = getattr(verb, "tag_", "")
    auxes = [c for c in getattr(verb, "children", []) if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" or a.tag_ == "TO" for a in auxes):
        return False
    return tag == "VBD" or any(a.tag_ == "VBD" or a.lemma_ == "have" for a in auxes)


def _good_key(key: Option, prompt: str) -> bool:
    """An answer a reader can take in: a clause of three words, or a phrase of two content
    words, at least ("the information" says nothing); no "this …" pointing at another sentence,
    no quotation (it would be the only quoted option), not in the stem."""
    first = key.text.split()[0].lower()
    if key.form == "phrase":
        enough = len(key.content) >= 2 or (
            len(key.content) == 1 and key.head not in VAGUE | NOT_EVENTS
        )
    else:
        enough = key.words >= 3 and bool(key.content)
    return (
        bool(enough)
        and first not in ("this", "these", "that", "those")
        and not any(q in key.text for q in '“”"')
        and not mentions_any(prompt, [key.text])
    )


def _candidate(
    form: str, link: CauseLink, key: Option, wrong: list[Option], prompt: str, article: Article
) -> Candidate | None:
    if len(wrong) < MIN_CHOICES - 1:
        return None
    key_sentence = article.sentences[key.sentence]
    other = article.sentences[link.cause_sentence if form == "followed" else link.sentence]
    sentences = [key_sentence]
    if other.index != key_sentence.index:
        # the pipeline quotes one stretch when both share a paragraph, else the last sentence:
        # the one the answer is in
        pair = sorted([other, key_sentence], key=lambda s: s.index)
        sentences = pair if other.paragraph == key_sentence.paragraph else [other, key_sentence]
    ident = f"{form}|{normalise_key(prompt)[:80]}"
    choices = order_choices(key.text, [w.text for w in wrong], ident)
    fact = XFact("event", key.key, key_sentence, key.start, label=form.upper())
    return Candidate(
        "multiple_choice",
        form,
        [fact],
        sentences,
        prompt,
        {"choices": tuple(choices), "answers": (key.text,)},
        explanation=_explain(sorted(sentences, key=lambda s: s.index)),
        key=ident,
    )


def _explain(sentences: list[Sentence]) -> str:
    text = " ".join(s.text for s in sentences)
    return f"The article says: “{text}”" if "“" not in text else f"From the article: {text}"


__all__ = ["Option", "why_candidates"]
