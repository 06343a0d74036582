"""Write a :class:`Bank` as ``quiz-bank/1`` YAML: deterministic, readable, and safe to reload.

``parse_bank_text(dump_bank(bank))`` gives the same bank back (``path`` aside). Keys come in the
order of docs/bank-format.md; short lists (choices, tags, accepted answers) are written as flow
lists on one line; every scalar style is chosen by PyYAML's emitter analysis (plain only where
plain reads back as the same text, multi-line text as a literal block), so any text round-trips.
Facts and questions are separated by a blank line so a teacher can read and edit the file.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from quiz.bank.model import FORMAT, Bank, Fact, Question
from quiz.bank.types import type_of
from quiz.bank.types.plain import Flow, FlowMap, texts

__all__ = ["dump_bank", "fact_to_dict", "question_to_dict"]

WIDTH = 100


class _Dumper(yaml.SafeDumper):
    """SafeDumper that keeps key order, never emits aliases, and writes dates unquoted.

    The bank loader reads ``2025-08-23`` as text (it resolves no timestamps), so quoting dates
    would only make the file harder to read.
    """

    def ignore_aliases(self, data: Any) -> bool:
        return True

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)  # lists inside mappings are indented too


_Dumper.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeDumper.yaml_implicit_resolvers.items()
}


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


def _represent_dict(dumper: yaml.SafeDumper, data: dict[str, Any]) -> yaml.MappingNode:
    return dumper.represent_mapping("tag:yaml.org,2002:map", data.items(), flow_style=False)


def _represent_flow_map(dumper: yaml.SafeDumper, data: FlowMap) -> yaml.MappingNode:
    return dumper.represent_mapping("tag:yaml.org,2002:map", data.items(), flow_style=True)


def _represent_list(dumper: yaml.SafeDumper, data: list[Any]) -> yaml.SequenceNode:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=False)


def _represent_flow(dumper: yaml.SafeDumper, data: Flow) -> yaml.SequenceNode:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True)


def _represent_float(dumper: yaml.SafeDumper, data: float) -> yaml.ScalarNode:
    text = repr(float(data))
    mantissa, e, exponent = text.partition("e")
    if e:  # YAML 1.1 floats need a dot in the mantissa and a sign in the exponent
        if "." not in mantissa:
            mantissa += ".0"
        if exponent[0] not in "+-":
            exponent = "+" + exponent
        text = f"{mantissa}e{exponent}"
    return dumper.represent_scalar("tag:yaml.org,2002:float", text)


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(dict, _represent_dict)
_Dumper.add_representer(FlowMap, _represent_flow_map)
_Dumper.add_representer(list, _represent_list)
_Dumper.add_representer(Flow, _represent_flow)
_Dumper.add_representer(float, _represent_float)


def _fast_dumper() -> type[yaml.SafeDumper] | None:
    """:class:`_Dumper`'s representers on libyaml's emitter, or None where PyYAML was built
    without libyaml."""
    base = getattr(yaml, "CSafeDumper", None)
    if base is None:  # pragma: no cover - PyYAML's wheels ship libyaml
        return None

    class FastDumper(base):  # type: ignore[misc,valid-type]
        def ignore_aliases(self, data: Any) -> bool:
            return True

    FastDumper.yaml_implicit_resolvers = _Dumper.yaml_implicit_resolvers
    for kind, represent in _Dumper.yaml_representers.items():
        FastDumper.add_representer(kind, represent)
    return FastDumper


_FastDumper = _fast_dumper()


def fact_to_dict(fact: Fact) -> dict[str, Any]:
    return {
        "id": fact.id,
        "kind": fact.kind,
        "statement": fact.statement,
        "key": fact.key,
        "source": fact.source,
    }


def question_to_dict(question: Question) -> dict[str, Any]:
    """The question as the plain mapping written to YAML, keys in the documented order."""
    out: dict[str, Any] = {"id": question.id, "type": question.type}
    kind = type_of(question)
    own = kind.to_dict(question)  # the type's own keys, from its module
    for key in kind.leading:  # ``multiple: true`` reads before the prompt
        if key in own:
            out[key] = own.pop(key)
    out["prompt"] = question.prompt
    out.update(own)
    if question.fact:
        out["fact"] = question.fact
    out["source"] = question.source
    if question.explanation:
        out["explanation"] = question.explanation
    if question.tags:
        out["tags"] = texts(question.tags)
    if question.difficulty is not None:
        out["difficulty"] = question.difficulty
    if question.silence:  # advice silenced by the teacher, each with its reason
        out["silence"] = dict(question.silence)
    if question.held_back:
        out["held_back"] = question.held_back
    return out


#: What PyYAML writes after a fragment whose last text keeps its trailing blank lines (``|+``).
_KEEP_END = "...\n"


def _yaml(data: Any) -> str:
    """``data`` as YAML, by libyaml where PyYAML has it (about five times faster: writing was a
    tenth of drafting an article) and the text is the one PyYAML's own emitter writes; else by
    that emitter. The two differ in two ways only, both handled: libyaml does not indent a list
    inside a mapping (:func:`_indent_lists` does); it escapes what it counts as not printable
    (a character beyond U+FFFF, U+0085) where PyYAML writes it as it is, and it ends with a
    document-end marker after any text that keeps its trailing blank lines, where PyYAML does
    only after the last: a backslash in its text, or that marker, sends the data to PyYAML's
    emitter. ``tests/bank/test_dump.py`` holds them to the same bytes."""
    if _FastDumper is not None:
        text: str = yaml.dump(data, Dumper=_FastDumper, **_OPTIONS)
        if "\\" not in text and not text.endswith(_KEEP_END):
            return _indent_lists(text)
    slow: str = yaml.dump(data, Dumper=_Dumper, **_OPTIONS)
    return slow


_OPTIONS: dict[str, Any] = {
    "sort_keys": False,
    "allow_unicode": True,
    "width": WIDTH,
    "default_flow_style": False,
    "explicit_start": False,
}

#: The header of a literal or folded text (``|``, ``|-``, ``|+``, ``|2-``...) at a line's end.
_BLOCK_HEADER = re.compile(r"[|>][0-9]?[-+]?[0-9]?$")


def _indent_lists(text: str) -> str:
    """libyaml's text with each list inside a mapping indented by two more spaces, as PyYAML's
    emitter writes it with :meth:`_Dumper.increase_indent` (``blanks:`` then ``  - '20'``
    rather than ``- '20'`` under its key). The lines of a literal text are moved with the list
    holding them and never read as keys or items."""
    lines = text.splitlines(keepends=True)
    out: list[str] = []
    shifted: list[tuple[int, int]] = []  # (the column of a list's key, the spaces added there)
    block_column = -1  # inside a literal text: its lines are deeper than this column
    for n, line in enumerate(lines):
        content = line.lstrip(" ")
        column = len(line) - len(content)
        blank = not content.strip("\n")
        if block_column >= 0:
            if blank or column > block_column:
                out.append(" " * shifted[-1][1] + line if shifted and not blank else line)
                continue
            block_column = -1
        while shifted and not blank and _ends_list(shifted[-1][0], column, content):
            shifted.pop()
        spaces = shifted[-1][1] if shifted else 0
        out.append(" " * spaces + line if spaces and not blank else line)
        key_column, rest = column, content.rstrip("\n")
        while rest.startswith("- "):  # where this line's key starts, after the items it opens
            key_column, rest = key_column + 2, rest[2:]
        if rest.endswith(":") and n + 1 < len(lines):
            following = lines[n + 1]
            if following.startswith(" " * key_column + "-") and following[key_column + 1] in " \n":
                shifted.append((key_column, spaces + 2))
        elif _BLOCK_HEADER.search(rest) and (": " in rest or rest[:1] in "|>"):
            block_column = key_column
    return "".join(out)


def _ends_list(key_column: int, column: int, content: str) -> bool:
    """Whether a line at ``column`` is past the list under the key at ``key_column``: to its
    left, or level with it and not one of its items."""
    return column < key_column or (column == key_column and not content.startswith(("- ", "-\n")))


def _join(fragments: list[str]) -> str:
    """YAML fragments as one document, a blank line between two.

    A fragment ending in a text that keeps its trailing blank lines (``|+``: an article that
    ends in an empty line) comes with PyYAML's document-end marker, which would end the bank
    there; the marker is dropped, and so is the blank line after it, which the text would
    otherwise take in as one more line of its own."""
    out: list[str] = []
    for fragment in fragments:
        if out and not _ends_document(out[-1]):
            out.append("\n")
        out.append(fragment)
    return "".join(f.removesuffix(_KEEP_END) if _ends_document(f) else f for f in out)


def _ends_document(fragment: str) -> bool:
    """Whether the fragment ends with PyYAML's document-end marker: ``...`` on a line of its
    own, not a text that ends in three dots ("… from British multinational ..."), which lost
    its dots and the line break after it, running the next item into it (found on a fresh
    article: the bank did not load)."""
    return fragment == _KEEP_END or fragment.endswith("\n" + _KEEP_END)


def _items(name: str, entries: list[dict[str, Any]]) -> str:
    """A top-level list, one item per block, separated by blank lines."""
    if not entries:
        return f"{name}: []\n"
    blocks = []
    for entry in entries:
        text = _yaml([entry])
        blocks.append(
            "".join(
                "  " + line if line.strip() and line != _KEEP_END else line
                for line in text.splitlines(keepends=True)
            )
        )
    return f"{name}:\n" + _join(blocks)


def dump_bank(bank: Bank) -> str:
    """The bank as ``quiz-bank/1`` YAML text. Same bank, same bytes."""
    header: dict[str, Any] = {"format": FORMAT, "id": bank.id, "title": bank.title}
    if bank.description:
        header["description"] = bank.description
    header["language"] = bank.language or "en"
    if bank.tags:
        header["tags"] = texts(bank.tags)
    if bank.as_of:
        header["as_of"] = bank.as_of
    source: dict[str, Any] = {"title": bank.source.title}
    for key in ("outlet", "published", "url"):
        value = getattr(bank.source, key)
        if value:
            source[key] = value
    if bank.source.file:
        source["file"] = bank.source.file
    else:
        source["text"] = bank.source.text
    header["source"] = source
    facts = _items("facts", [fact_to_dict(f) for f in bank.facts])
    questions = _items("questions", [question_to_dict(q) for q in bank.questions])
    parts = [_yaml(header), facts, questions]
    if bank.drafts:
        parts.append(_items("drafts", [question_to_dict(q) for q in bank.drafts]))
    if bank.rejected:
        parts.append(_yaml({"rejected": texts(bank.rejected)}))
    return _join(parts)
