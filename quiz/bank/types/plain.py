"""The plain mapping a question is written as (dump, authoring): how lists and numbers look.

A type's codec (``to_dict`` in its module) builds the mapping a bank file holds; these helpers
mark what the YAML writer (:mod:`quiz.bank.dump`) puts on one line. They are plain ``list`` and
``dict`` subclasses, so this module never imports the YAML library: the type modules are
imported at every start, and a cached bank never needs YAML.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

#: A list goes on one line when its items fit in this many characters together.
FLOW_LIMIT = 80


class Flow(list[Any]):
    """A list written in flow style: ``[a, b, c]``."""


class FlowMap(dict[str, Any]):
    """A mapping written in flow style: ``{left: a, right: b}``."""


def fits_flow(items: Sequence[str]) -> bool:
    """Whether ``items`` read well on one line: short, and no line breaks in them."""
    return (
        bool(items)
        and sum(len(i) + 2 for i in items) <= FLOW_LIMIT
        and not any("\n" in i for i in items)
    )


def texts(items: Sequence[str]) -> list[str]:
    """A list of texts, on one line when it fits."""
    return Flow(items) if fits_flow(items) else list(items)


def number(value: float) -> int | float:
    """Whole numbers as integers (``80000``, not ``80000.0``)."""
    if math.isfinite(value) and float(value).is_integer() and abs(value) < 1e15:
        return int(value)
    return float(value)
