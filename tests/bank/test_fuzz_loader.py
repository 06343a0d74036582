"""Random and mutated YAML never raises anything but the loader's own error."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.bank import BankError, parse_bank_text
from tests.conftest import ALL_TYPES_BANK

SEED_TEXT = ALL_TYPES_BANK.read_text(encoding="utf-8")
BANK_PATH = ALL_TYPES_BANK  # errors resolve the article beside the real test bank

yaml_atoms = st.sampled_from(
    [
        "- ",
        ": ",
        "[",
        "]",
        "{",
        "}",
        "&a ",
        "*a",
        "!!python/object:os.system ",
        "!x ",
        "\n",
        "  ",
        "---\n",
        "'",
        '"',
        "#",
        "|\n",
        ">-\n",
        "? ",
        "format: quiz-bank/1\n",
        "questions:\n",
        "type: cloze\n",
        "___",
        "\t",
        "%YAML 1.1\n",
        "\\e",
        "\ufeff",
    ]
)


def _load(text: str) -> None:
    try:
        parse_bank_text(text, path=BANK_PATH)
    except BankError as error:
        assert error.lines() and all(line.startswith(str(BANK_PATH)) for line in error.lines())


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_random_text(text: str) -> None:
    _load(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(yaml_atoms | st.text(max_size=8), max_size=60))
def test_random_yaml_like_tokens(tokens: list[str]) -> None:
    _load("".join(tokens))


@settings(max_examples=300, deadline=None)
@given(
    st.integers(min_value=0, max_value=len(SEED_TEXT)),
    st.integers(min_value=0, max_value=40),
    st.text(max_size=20) | yaml_atoms,
)
def test_mutated_valid_bank(position: int, cut: int, insert: str) -> None:
    _load(SEED_TEXT[:position] + insert + SEED_TEXT[position + cut :])


def test_fuzz_corpus_files() -> None:
    corpus = Path(__file__).resolve().parent.parent / "data" / "fuzz"
    for case in sorted(corpus.glob("*.yaml")):
        _load(case.read_text(encoding="utf-8", errors="replace"))
