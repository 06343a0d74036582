"""A safe, bounded YAML reader that remembers the line of every value.

Why not ``yaml.safe_load``: it forgets line numbers (every error must name ``file:line``), it
silently keeps the last of two duplicate keys, it expands aliases without limit (billion laughs)
and its composer recurses, so deep nesting can exhaust the stack. Here libyaml's C parser streams
events and this module builds plain values from them iteratively, enforcing the bounds as it
goes. Only core YAML is accepted: any explicit tag other than the standard scalar/collection ones
(``!!python/object``, ``!custom``) is an error, never constructed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import yaml

try:  # libyaml is part of every PyYAML wheel we install; the pure parser is a fallback
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover
    from yaml.loader import SafeLoader as _Parser  # type: ignore[assignment]

MAX_DEPTH = 50
MAX_ALIAS_NODES = 100_000
#: Longer digit strings are read as text (Python's int() refuses more than 4,300 digits).
MAX_INT_DIGITS = 4_000

_CORE = "tag:yaml.org,2002:"
_SCALAR_TAGS = {f"{_CORE}{t}" for t in ("str", "int", "float", "bool", "null")}
_MAPPING_TAGS = {f"{_CORE}map"}
_SEQUENCE_TAGS = {f"{_CORE}seq"}

# YAML 1.1 plain-scalar resolution, as PyYAML's SafeLoader does it, minus timestamps (dates stay
# text: the bank format wants ISO strings) and sexagesimal numbers (surprising, never wanted).
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = re.compile(
    r"^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$"
)
_INT = re.compile(r"^[-+]?(?:0|[1-9][0-9_]*)$")
_FLOAT = re.compile(
    r"^[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?$|^[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?$"
    r"|^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$"
)
_TRUE = frozenset({"yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"})


class YamlProblem(Exception):
    """The document cannot be read. ``line`` is 1-based, 0 when unknown."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


class LineDict(dict[str, Any]):
    """A mapping that knows the line it starts on and the line of each key.

    ``raw`` keeps the original text of plain scalars that YAML turned into something other than a
    string (``yes``, ``80000``), so a text field can take them back as typed.
    """

    __slots__ = ("key_lines", "line", "raw")

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.key_lines: dict[str, int] = {}
        self.raw: dict[str, str] = {}


class LineList(list[Any]):
    """A sequence that knows its own line and the line of each item."""

    __slots__ = ("item_lines", "line", "raw")

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.item_lines: list[int] = []
        self.raw: dict[int, str] = {}


@dataclass(slots=True)
class _Frame:
    container: LineDict | LineList
    key: str | None = None  # pending mapping key
    key_line: int = 0
    anchor: str | None = None
    size: int = 1  # nodes in this subtree, for alias accounting


def _resolve_plain(text: str) -> Any:
    if _NULL.match(text):
        return None
    if _BOOL.match(text):
        return text in _TRUE
    if _INT.match(text):
        if len(text) > MAX_INT_DIGITS:
            # no bank number is this long; Python refuses to convert such strings (a
            # ValueError that once reached the user as a traceback): it stays text, and the
            # validator names the field that wanted a number
            return text
        return int(text.replace("_", ""))
    if _FLOAT.match(text):
        lowered = text.replace("_", "").lower()
        if lowered.endswith("inf"):
            return float("-inf") if lowered.startswith("-") else float("inf")
        if lowered.endswith("nan"):
            return float("nan")
        try:
            return float(lowered)
        except ValueError:  # "._" matches YAML 1.1's float pattern but is no number: text
            return text
    return text


def _scalar_value(event: yaml.ScalarEvent, line: int) -> Any:
    tag = event.tag
    if tag is not None and tag != "!":
        if tag not in _SCALAR_TAGS:
            raise YamlProblem(line, _tag_message(tag))
        if tag == f"{_CORE}str":
            return event.value
        value = _resolve_plain(event.value)
        expected = {"int": int, "float": float, "bool": bool, "null": type(None)}[tag[len(_CORE) :]]
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            raise YamlProblem(line, f"{event.value!r} is not a valid {tag[len(_CORE) :]}")
        return value
    if event.implicit[0]:  # plain scalar: resolve like YAML 1.1
        return _resolve_plain(event.value)
    return event.value  # quoted or block scalar: always text


def _tag_message(tag: str) -> str:
    shown = tag.replace(_CORE, "!!")
    return (
        f"the tag {shown} is not allowed: banks hold plain text, numbers, lists and mappings "
        "only (remove the tag)"
    )


def load_yaml(
    text: str,
    *,
    on_item: Callable[[Any, int], Any] | None = None,
    item_key: str = "questions",
) -> Any:
    """Parse one YAML document into plain values (``LineDict``/``LineList``/scalars).

    ``on_item(value, line)``, when given, receives each entry of the top-level ``item_key`` list
    as soon as it is complete and returns what to keep in its place: a bank's questions are built
    while the file streams in, so the parsed tree of a 100,000-question bank never exists whole.

    Raises :class:`YamlProblem` for syntax errors, disallowed tags, duplicate keys, nesting deeper
    than ``MAX_DEPTH``, aliases expanding past ``MAX_ALIAS_NODES`` and multiple documents.
    """
    parser = _Parser(text)
    stack: list[_Frame] = []
    anchors: dict[str, tuple[Any, int]] = {}
    alias_nodes = 0
    root: Any = None
    documents = 0

    def attach(value: Any, line: int, size: int, raw: str | None = None) -> None:
        nonlocal root
        if not stack:
            root = value
            return
        frame = stack[-1]
        frame.size += size
        container = frame.container
        if isinstance(container, LineList):
            if on_item is not None and len(stack) == 2 and stack[0].key == item_key:
                value = on_item(value, line)
            if raw is not None:
                container.raw[len(container)] = raw
            container.append(value)
            container.item_lines.append(line)
            return
        if frame.key is None:  # this value is a key
            if isinstance(value, (LineDict, LineList)):
                raise YamlProblem(line, "a mapping key must be plain text, not a list or mapping")
            key = raw if raw is not None else ("" if value is None else str(value))
            if key in container:
                first = container.key_lines[key]
                raise YamlProblem(
                    line,
                    f"duplicate key {key!r} (first at line {first}): each key may appear "
                    "once in a mapping; remove or rename one of them",
                )
            frame.key = key
            frame.key_line = line
            return
        key = frame.key
        container[key] = value
        container.key_lines[key] = frame.key_line
        if raw is not None:
            container.raw[key] = raw
        frame.key = None

    try:
        while True:
            # Any: the event's class is tested by identity below (faster than isinstance on a
            # 100,000-question bank), which mypy cannot narrow on
            event: Any = parser.get_event()
            if event is None:
                break
            line = event.start_mark.line + 1 if event.start_mark else 0
            kind = type(event)
            if kind is yaml.ScalarEvent:
                value = _scalar_value(event, line)
                raw = event.value if not isinstance(value, str) and value is not None else None
                if event.anchor:
                    anchors[event.anchor] = (value, 1)
                attach(value, line, 1, raw)
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                is_map = kind is yaml.MappingStartEvent
                tag = event.tag
                if (
                    tag is not None
                    and tag != "!"
                    and tag not in (_MAPPING_TAGS if is_map else _SEQUENCE_TAGS)
                ):
                    raise YamlProblem(line, _tag_message(tag))
                if len(stack) >= MAX_DEPTH:
                    raise YamlProblem(
                        line, f"nested more than {MAX_DEPTH} levels deep; a bank never needs this"
                    )
                container: LineDict | LineList = LineDict(line) if is_map else LineList(line)
                stack.append(_Frame(container, anchor=event.anchor))
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                frame = stack.pop()
                if frame.anchor:
                    anchors[frame.anchor] = (frame.container, frame.size)
                attach(frame.container, frame.container.line, frame.size)
            elif kind is yaml.AliasEvent:
                target = anchors.get(event.anchor)
                if target is None:  # pragma: no cover - libyaml reports this itself
                    raise YamlProblem(line, f"unknown alias *{event.anchor}")
                value, size = target
                alias_nodes += size
                if alias_nodes > MAX_ALIAS_NODES:
                    raise YamlProblem(
                        line,
                        f"aliases expand to more than {MAX_ALIAS_NODES:,} values "
                        "(an alias bomb?); write the values out instead",
                    )
                attach(value, line, size)
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise YamlProblem(line, "a bank file holds one YAML document; remove '---'")
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        what = error.problem or "invalid YAML"
        if error.context:
            what = f"{what} ({error.context})"
        at_end = error.problem_mark is not None and error.problem_mark.index >= len(text.rstrip())
        # a character that cannot start a token (a tab among the trailing blanks) is where its
        # mark is, whether or not it is at the end: nothing there was left open
        stray = "cannot start any token" in what
        opened = error.context_mark
        if opened is not None and ("end of stream" in what or at_end) and not stray:
            # an unclosed quote or bracket: the end of the file says nothing, its start does
            mark = opened
            what += ", which starts on this line and is never closed"
        elif (
            opened is not None
            and mark is not None
            and "while parsing a flow" in what
            and opened.line < mark.line
        ):
            # `title: [unclosed` and the next key: libyaml notices on the next line, but what
            # is wrong is the bracket left open on this one
            what += f", which starts on this line and is not closed before line {mark.line + 1}"
            mark = opened
        where = mark.line + 1 if mark else 0
        left_open = "which starts on this line" in what
        quoted = _open_quote_before(text, where - 1) if where and not left_open else None
        if quoted is not None:
            # `prompt: "Twenty years ago…` left open: libyaml reads on to the next quote and
            # notices many lines later; the quote is what to look at
            what += f"; the quoted text that starts on this line is not closed before line {where}"
            where = quoted + 1
        raise YamlProblem(where, f"YAML syntax error: {what}") from None
    except yaml.reader.ReaderError as error:  # characters YAML does not allow in a stream
        line = text.count("\n", 0, error.position) + 1
        char = error.character
        code = char if isinstance(char, int) else ord(char[:1] or "\0")
        raise YamlProblem(
            line,
            f"character U+{code:04X} (a control character) is not allowed in a bank; remove it",
        ) from None
    except yaml.YAMLError as error:  # pragma: no cover - every libyaml error is marked
        raise YamlProblem(0, f"not readable as YAML: {error}") from None
    return root


#: A value that opens with a quote: ``prompt: "…``, ``- "…``.
_QUOTED_VALUE = re.compile(r"""^\s*(?:-\s+)?(?:[\w-]+:\s+)?(["'])""")


def _open_quote_before(text: str, failed: int) -> int | None:
    """The nearest line before ``failed`` (0-based) that opens a quoted value which is still
    open at ``failed``: where a missing closing quote made the parser read on (a quoted value
    may run over several lines, so it counts only if no closing quote follows). None when
    there is none."""
    lines = text.split("\n")
    for number in range(min(failed, len(lines)) - 1, max(-1, failed - 400), -1):
        found = _QUOTED_VALUE.match(lines[number])
        if found is None:
            continue
        quote = found.group(1)
        after = "\n".join([lines[number][found.end() :], *lines[number + 1 : failed]])
        if quote == '"':
            closes = after.replace("\\\\", "").replace('\\"', "").count('"')
        else:
            closes = after.replace("''", "").count("'")
        return number if closes == 0 else None
    return None
