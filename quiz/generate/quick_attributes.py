"""spaCy's attribute ruler, with its rules looked up per kind of token instead of matched.

The English model's ``attribute_ruler`` sets each token's part of speech and morphology (and
a few lemmas) from 179 rules, nearly all testing one token's tag, lowercase form, dependency
or whitespace. spaCy runs every rule through its ``Matcher`` on every token: about 8 ms of a
416-word article, a tenth of its whole parse. Whether a rule's first token holds depends only
on that token's own values, so it is the same for every token with the same values: found
once per combination and kept, it costs a dictionary lookup a token, and the few rules of
several tokens ("gon na", "let 's") then test the tokens after it. A rule this module cannot
read (an operator such as ``OP``) still goes through a ``Matcher`` of its own.

Every rule's attributes are set as the stock ruler sets them: all matches found first, then
applied in the rules' order, so a later rule wins (``tests/generate/test_nlp_tuning.py``
holds every token of the test articles to the stock pipeline's).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

#: The token attributes a rule may test here: each rule attribute, as the ``Matcher`` reads it.
_ATTR = {
    "ORTH": "orth_",
    "TEXT": "orth_",
    "LOWER": "lower_",
    "NORM": "norm_",
    "TAG": "tag_",
    "DEP": "dep_",
    "IS_SPACE": "is_space",
}

Test = Callable[[Any], bool]


def _test(spec: Any) -> Test | None:
    """The test of one attribute's value, or None when it is not a plain one (an operator
    other than IN, NOT_IN and REGEX): such a rule stays with the ``Matcher``."""
    if isinstance(spec, str | bool):
        return lambda value: bool(value == spec)
    if not isinstance(spec, dict) or len(spec) != 1:
        return None
    ((operator, argument),) = spec.items()
    if operator in ("IN", "NOT_IN") and isinstance(argument, list):
        allowed = frozenset(argument)
        if operator == "IN":
            return lambda value: value in allowed
        return lambda value: value not in allowed
    if operator == "REGEX" and isinstance(argument, str):
        pattern = re.compile(argument)
        return lambda value: isinstance(value, str) and pattern.search(value) is not None
    return None


def _tests(pattern: list[dict[str, Any]]) -> tuple[tuple[tuple[str, Test], ...], ...] | None:
    """Each token's tests (attribute, test) of a pattern, or None when this module cannot
    read one of them."""
    tokens = []
    for token in pattern:
        tests = []
        for name, spec in token.items():
            test = _test(spec)
            if name not in _ATTR or test is None:
                return None
            tests.append((name, test))
        tokens.append(tuple(tests))
    return tuple(tokens) if tokens else None


@dataclass(frozen=True)
class _Pattern:
    """One pattern of a rule: the rule's number (its place in the ruler's order, which decides
    which rule wins), the token it sets (``index`` into the match, negative from its end), and
    each token's tests as (place in the values read, test)."""

    rule: int
    index: int
    tokens: tuple[tuple[tuple[int, Test], ...], ...]

    def target(self, start: int) -> int:
        end = start + len(self.tokens)
        target = start + self.index if self.index >= 0 else end + self.index
        if not start <= target < end:
            raise ValueError(f"attribute rule {self.rule}: index {self.index} outside its match")
        return target

    def rest_holds(self, keys: list[tuple[Any, ...]], start: int) -> bool:
        """Whether the tokens after the first hold (the first is known to)."""
        if start + len(self.tokens) > len(keys):
            return False
        return all(
            test(keys[start + offset][field])
            for offset, tests in enumerate(self.tokens[1:], 1)
            for field, test in tests
        )


class QuickAttributeRuler:
    """Sets what the stock ruler it is made from sets, with the same rules (see the module)."""

    def __init__(self, ruler: Any) -> None:
        self.vocab = ruler.vocab
        self._attrs: list[dict[int, Any]] = ruler.attrs
        self._indices: list[int] = ruler.indices
        self._others = Matcher(ruler.vocab)
        readable: list[tuple[int, dict[str, Any], tuple[tuple[tuple[str, Test], ...], ...]]] = []
        for rule in range(len(ruler.attrs)):
            _, patterns = ruler.matcher.get(str(rule))
            for pattern in patterns:
                tests = _tests(pattern)
                if tests is None:
                    self._others.add(str(rule), [pattern])
                else:
                    readable.append((rule, pattern[0], tests))
        self._fields = sorted(
            {name for *_, tests in readable for token in tests for name, _ in token}
        )
        place = {name: i for i, name in enumerate(self._fields)}
        # Each pattern filed under one value its first token requires ("TAG" is "NN"), so a
        # kind of token is tested against the few patterns its own values name, and the few
        # that require none.
        self._by_value: dict[tuple[int, Any], list[_Pattern]] = {}
        self._unfiled: list[_Pattern] = []
        for rule, first, tests in readable:
            placed = tuple(tuple((place[name], test) for name, test in token) for token in tests)
            compiled = _Pattern(rule, ruler.indices[rule], placed)
            required = [(place[n], v) for n, v in first.items() if isinstance(v, str | bool)]
            if required:
                self._by_value.setdefault(required[0], []).append(compiled)
            else:
                self._unfiled.append(compiled)
        names = [_ATTR[name] for name in self._fields]
        #: a token's values that the rules test, as a tuple
        self._read: Callable[[Any], tuple[Any, ...]] = (
            attrgetter(*names)
            if len(names) > 1
            else lambda token: tuple(getattr(token, name) for name in names)
        )
        self._starting: dict[tuple[Any, ...], tuple[tuple[int, ...], tuple[_Pattern, ...]]] = {}
        self._merged: dict[tuple[int, ...], list[dict[int, Any]]] = {}

    def _starting_at(self, key: tuple[Any, ...]) -> tuple[tuple[int, ...], tuple[_Pattern, ...]]:
        """For a token with these values: the one-token rules that hold, in the rules' order,
        and the longer patterns whose first token holds."""
        found = self._starting.get(key)
        if found is None:
            candidates = list(self._unfiled)
            for field, value in enumerate(key):
                candidates += self._by_value.get((field, value), ())
            holding = [p for p in candidates if all(test(key[f]) for f, test in p.tokens[0])]
            ones = tuple(sorted({p.rule for p in holding if len(p.tokens) == 1}))
            longer = tuple(p for p in holding if len(p.tokens) > 1)
            found = self._starting[key] = (ones, longer)
        return found

    def _to_set(self, rules: tuple[int, ...]) -> list[dict[int, Any]]:
        """The attributes to set for these rules, in order: one dictionary when no rule sets
        an extension attribute (a later rule's value wins either way), else each rule's own."""
        merged = self._merged.get(rules)
        if merged is None:
            each = [self._attrs[rule] for rule in rules]
            if any("_" in attrs for attrs in each):
                merged = each
            else:
                one: dict[int, Any] = {}
                for attrs in each:
                    one.update(attrs)
                merged = [one] if one else []
            self._merged[rules] = merged
        return merged

    def __call__(self, doc: Doc) -> Doc:
        keys = [self._read(token) for token in doc]
        starting = [self._starting_at(key) for key in keys]
        extra: dict[int, list[int]] = {}
        for start, (_, longer) in enumerate(starting):
            for pattern in longer:
                if pattern.rest_holds(keys, start):
                    extra.setdefault(pattern.target(start), []).append(pattern.rule)
        if len(self._others):
            strings = self.vocab.strings
            for match_id, start, end in self._others(doc, allow_missing=True, as_spans=False):
                rule = int(strings[match_id])
                index = self._indices[rule]
                target = start + index if index >= 0 else end + index
                if not start <= target < end:
                    raise ValueError(f"attribute rule {rule}: index {index} outside its match")
                extra.setdefault(target, []).append(rule)
        for token, (rules, _) in zip(doc, starting, strict=True):
            more = extra.get(token.i)
            if more:
                rules = tuple(sorted(set(rules).union(more)))
            for attrs in self._to_set(rules):
                set_token_attrs(token, attrs)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


@Language.factory("quiz_quick_attributes", default_config={"source": "attribute_ruler"})
def make_quick_attributes(nlp: Language, name: str, source: str) -> QuickAttributeRuler:
    """spaCy's way to put a component in a pipeline: made from the pipeline's own ruler."""
    return QuickAttributeRuler(nlp.get_pipe(source))


def with_quick_attributes(nlp: Any) -> Any:
    """The pipeline with its attribute ruler replaced by a :class:`QuickAttributeRuler` made
    from it (the stock one kept, disabled)."""
    if "attribute_ruler" not in nlp.pipe_names:
        return nlp
    nlp.add_pipe("quiz_quick_attributes", name="quick_attributes", after="attribute_ruler")
    nlp.disable_pipe("attribute_ruler")
    return nlp
