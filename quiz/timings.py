"""Opt-in timings of named steps inside a real command, for ``benchmarks/`` to read.

A benchmark of what a user waits for runs the real command (``quiz review`` in a terminal), so
a step deep inside it, such as building the due queue, cannot be timed from outside. With
``QUIZ_TIMINGS=FILE`` in the environment, each call of a function wrapped by :func:`timed`
appends ``NAME SECONDS CPU_SECONDS`` to FILE: the wall clock, and the calling thread's CPU
time (what the call itself cost, without the time it waited for the GIL or for a core).
Without it, :func:`timed` hands the function back as it is: a user's run pays nothing, not
even a clock read.
"""

from __future__ import annotations

import functools
import os
import time
from collections.abc import Callable
from typing import ParamSpec, TypeVar

__all__ = ["ENV", "timed"]

#: The environment variable naming the file timings are appended to.
ENV = "QUIZ_TIMINGS"

P = ParamSpec("P")
R = TypeVar("R")


def timed(name: str) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Time each call of the wrapped function under ``name`` when :data:`ENV` is set (read
    once, when the function is defined)."""
    path = os.environ.get(ENV)

    def wrap(func: Callable[P, R]) -> Callable[P, R]:
        if not path:
            return func

        @functools.wraps(func)
        def timed_call(*args: P.args, **kwargs: P.kwargs) -> R:
            started, cpu = time.perf_counter(), time.thread_time()
            try:
                return func(*args, **kwargs)
            finally:
                elapsed = time.perf_counter() - started
                used = time.thread_time() - cpu
                with open(path, "a", encoding="utf-8") as out:
                    out.write(f"{name} {elapsed:.9f} {used:.9f}\n")

        return timed_call

    return wrap
