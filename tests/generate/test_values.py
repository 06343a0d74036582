"""Numbers and dates as written: parsing, and wrong values in the same format."""

from __future__ import annotations

import pytest

from quiz.generate.values import parse_amount, parse_when, perturb_amount, perturb_when


@pytest.mark.parametrize(
    ("text", "value", "style"),
    [
        ("80,000", 80000, "commas"),
        ("15", 15, "digits"),
        ("2.5", 2.5, "decimal"),
        ("two", 2, "words"),
        ("$5.5 million", 5.5e6, "decimal"),
        ("44.8%", 44.8, "decimal"),
        ("1.1 million", 1.1e6, "decimal"),
    ],
)
def test_parse_amount(text: str, value: float, style: str) -> None:
    amount = parse_amount(text)
    assert amount is not None and amount.value == value and amount.style == style
    assert amount.format(value) == text


@pytest.mark.parametrize("text", ["dozens", "hundreds", "several", "ten-fold", "80,00", ""])
def test_vague_or_odd_amounts_are_not_numbers(text: str) -> None:
    assert parse_amount(text) is None


def test_perturbations_keep_the_format_and_never_repeat_the_answer() -> None:
    assert perturb_amount(parse_amount("80,000"))[:3] == ["160,000", "40,000", "800,000"]  # type: ignore[arg-type]
    assert perturb_amount(parse_amount("two"))[:3] == ["three", "one", "four"]  # type: ignore[arg-type]
    assert perturb_amount(parse_amount("15"))[:2] == ["25", "5"]  # type: ignore[arg-type]
    money = perturb_amount(parse_amount("$5.5 million"))  # type: ignore[arg-type]
    assert money[0] == "$11.0 million" and all(
        m.startswith("$") and m.endswith(" million") for m in money
    )
    for text in ("80,000", "two", "15", "44.8%", "177", "3"):
        amount = parse_amount(text)
        assert amount is not None
        wrong = perturb_amount(amount)
        assert len(wrong) >= 3 and text not in wrong and len(set(wrong)) == len(wrong)
        assert all(parse_amount(w).value != amount.value for w in wrong)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "shape", "scale"),
    [
        ("Monday", "weekday", "relative"),
        ("last week", "relative", "relative"),
        ("in June", "month", "month"),
        ("late August", "part-month", "month"),
        ("May 3", "month-day", "month"),
        ("2008", "year", "absolute"),
        ("September 1, 2018", "month-day-year", "absolute"),
        ("four years", "duration", ""),
        ("recent months", "other", ""),
    ],
)
def test_parse_when(text: str, shape: str, scale: str) -> None:
    when = parse_when(text)
    assert when is not None and when.shape == shape and when.scale == scale


def test_dates_sort_within_their_scale() -> None:
    order = [parse_when(t).order for t in ("2008", "2019", "May 3, 2023")]  # type: ignore[union-attr]
    assert order == sorted(order)
    assert parse_when("June").order < parse_when("July").order  # type: ignore[operator,union-attr]
    assert parse_when("last year").order < parse_when("last week").order  # type: ignore[operator,union-attr]


def test_date_perturbations_have_the_same_shape() -> None:
    assert perturb_when(parse_when("Monday"))[:2] == ["Tuesday", "Sunday"]  # type: ignore[arg-type]
    assert perturb_when(parse_when("June"))[:2] == ["July", "May"]  # type: ignore[arg-type]
    assert perturb_when(parse_when("2008"))[:2] == ["2009", "2007"]  # type: ignore[arg-type]
    assert "Last week" not in perturb_when(parse_when("Last week"))  # type: ignore[arg-type]
    assert perturb_when(parse_when("May 3"))[0] == "June 3"  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "value", "wrong"),
    [
        ("11k", 11_000, "22k"),
        ("£11k", 11_000, "£22k"),
        ("$5bn", 5e9, "$10bn"),
        ("£3.2m", 3.2e6, None),
    ],
)
def test_headline_shorthand_scales(text: str, value: float, wrong: str | None) -> None:
    """ "£11k", "$5bn": a headline's figure is a fact like any other, and its wrong options are
    written the same way."""
    amount = parse_amount(text)
    assert amount is not None and amount.value == pytest.approx(value)
    if wrong is not None:
        assert wrong in perturb_amount(amount)


def test_metres_are_not_millions() -> None:
    assert parse_amount("100m") is None  # "the 100m final": metres, not a sum
