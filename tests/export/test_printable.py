"""Printable worksheets. HTML is parsed with html.parser; Markdown is rendered by a CommonMark
parser (markdown-it-py, raw HTML allowed, so escaping is really tested) and then parsed."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, ClassVar

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.bank import load_bank
from quiz.bank.model import Cloze, Matching, MultipleChoice, Ordering, Pair, ShortAnswer
from quiz.export import export_bank
from quiz.export.common import clean, one_line
from tests.conftest import ALL_TYPES_BANK, FOUNDING_BANK
from tests.export.conftest import assert_spread, examples, export_twice, make_bank

markdown_it = pytest.importorskip("markdown_it")

OUR_HTML_TAGS = {
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "header",
    "main",
    "section",
    "h1",
    "h2",
    "p",
    "div",
    "span",
    "sup",
    "ol",
    "ul",
    "li",
    "table",
    "tr",
    "td",
    "blockquote",
    "br",
    "a",
}
MARKDOWN_TAGS = {
    "h1",
    "h2",
    "p",
    "em",
    "strong",
    "ul",
    "li",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "blockquote",
    "hr",
    "div",
    "br",
}


class Page(HTMLParser):
    """Tags seen, and the text of each block (p, li, td, h1, h2, blockquote, title) with its
    nearest class-bearing section."""

    BLOCKS: ClassVar[set[str]] = {"p", "li", "td", "th", "h1", "h2", "blockquote", "title"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, dict[str, str | None]]] = []
        self.blocks: list[tuple[str, str, str]] = []  # (section, tag, text)
        self.section = ""
        self._open: list[tuple[str, list[str]]] = []
        self.style = ""
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.append((tag, dict(attrs)))
        cls = dict(attrs).get("class") or ""
        if tag == "section":
            self.section = cls
        if tag == "h2" and not self.section:
            self.section = "h2"
        if tag == "style":
            self._in_style = True
        if tag in self.BLOCKS:
            self._open.append((tag, []))
        if tag == "br" and self._open:
            self._open[-1][1].append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False
        if self._open and self._open[-1][0] == tag:
            name, parts = self._open.pop()
            self.blocks.append((self.section, name, "".join(parts)))
            if self._open:
                self._open[-1][1].append("".join(parts))

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.style += data
        elif self._open:
            self._open[-1][1].append(data)

    def texts(self, section: str | None = None, tag: str | None = None) -> list[str]:
        return [
            t
            for s, n, t in self.blocks
            if (section is None or s == section) and (tag is None or n == tag)
        ]


def parse_html(text: str) -> Page:
    page = Page()
    page.feed(text)
    page.close()
    return page


def render_markdown(text: str) -> str:
    return markdown_it.MarkdownIt("commonmark").enable("table").render(text)


def squash(text: str) -> str:
    return " ".join(text.split())


class TestHtml:
    @pytest.fixture(scope="class")
    def page(self) -> Page:
        return parse_html(export_bank(load_bank(ALL_TYPES_BANK), "html").data.decode())

    def test_self_contained_with_print_css(self, page: Page) -> None:
        assert set(page.tags) <= OUR_HTML_TAGS
        assert ("meta", {"charset": "utf-8"}) in page.attrs
        assert not any(t in page.tags for t in ("script", "link", "img", "iframe"))
        csp = next(a["content"] for t, a in page.attrs if a.get("http-equiv"))
        assert csp == "default-src 'none'; style-src 'unsafe-inline'"
        print_css = page.style[page.style.index("@media print") :]
        key_rule = re.search(r"\.key\s*\{([^}]*)\}", print_css)
        assert key_rule and "page-break-before: always" in key_rule.group(1)

    def test_questions_are_numbered_in_bank_order(self, page: Page) -> None:
        prompts = page.texts("questions", "p")
        numbered = [p for p in prompts if re.match(r"^\d+\. ", p)]
        assert [int(p.split(".")[0]) for p in numbered] == list(range(1, 10))
        assert numbered[0] == "1. Who opened the new bridge?"
        assert numbered[8].startswith("9. [b]Who[/b] said “This bridge")
        assert (
            "4. The bridge cost approximately (1) million euros and took (2) years" in (numbered[3])
        )

    def test_choices_matching_and_ordering_are_printed(self, page: Page) -> None:
        items = page.texts("questions", "li")
        assert items[:4] == ["Marta Silva", "Ana Costa", "Rui Lopes", "João Pires"]  # shuffled
        cells = page.texts("questions", "td")
        assert cells[:5] == ["1.", "12 million", "", "A.", "euros the bridge cost"]
        assert [c for c in cells if c.count(" ") > 1] == [  # the options, never in pair order
            "euros the bridge cost",
            "years of construction",
            "cars expected every day",
        ]
        assert " The bridge is finished" in items  # shuffled, with a blank before each

    def test_answer_key_with_sources_after_the_questions(self, page: Page) -> None:
        key = page.texts("key")
        assert key[0] == "Answer key"
        assert "1. B. Ana Costa" in key
        assert "The mayor of Riverton, Ana Costa, opened the new bridge on Monday." in key
        assert "1 → A (12 million → euros the bridge cost)" in key
        assert page.texts("key", "blockquote")[-1] == (
            "“This bridge joins two halves of one town,” she said."
        )

    def test_founding_bank(self) -> None:
        bank = load_bank(FOUNDING_BANK)
        page = parse_html(export_bank(bank, "html").data.decode())
        assert len(page.texts("key", "blockquote")) == len(bank.questions)
        assert page.texts("key", "blockquote") == [squash(clean(q.source)) for q in bank.questions]


class TestMarkdown:
    @pytest.fixture(scope="class")
    def text(self) -> str:
        return export_bank(load_bank(ALL_TYPES_BANK), "markdown").data.decode()

    def test_numbered_questions_then_key_on_its_own_page(self, text: str) -> None:
        numbers = [int(n) for n in re.findall(r"^\*\*(\d+)\.\*\*", text, re.MULTILINE)]
        assert numbers == list(range(1, 10)) * 2  # questions, then the key
        questions, key = text.split("\n## Answer key\n")
        assert questions.rstrip().endswith(
            '<div style="page-break-before: always; break-before: page;"></div>'
        )
        assert "> The mayor of Riverton, Ana Costa, opened the new bridge on Monday." in key
        assert text.startswith("# Riverton opens its bridge\n")

    def test_renders_to_the_same_text(self, text: str) -> None:
        page = parse_html(render_markdown(text))
        assert set(page.tags) <= MARKDOWN_TAGS
        paragraphs = page.texts(tag="p")
        assert "1. Who opened the new bridge?" in paragraphs
        assert (
            "9. [b]Who[/b] said “This bridge joins two halves of one town”? [@click=app.quit]x[/]"
        ) in paragraphs
        assert page.texts(tag="li")[:4] == [
            "A. Marta Silva",
            "B. Ana Costa",
            "C. Rui Lopes",
            "D. João Pires",
        ]
        assert "1. Construction begins" in page.texts(tag="li")
        assert page.texts(tag="h2") == ["Questions", "Answer key"]


# --- the founding bank, as ``quiz export`` writes it ----------------------------------------

Sheet = dict[int, tuple[list[str], list[str]]]  # number -> (lines printed, lines of the key)


def html_sheet(text: str) -> Sheet:
    """Per question: the texts of its list items (choices, ordering items) or its matching
    options (every fifth table cell), and the lines of its key entry."""
    questions = re.findall(r'<div class="question" id="q(\d+)">(.*?)</div>', text, re.DOTALL)
    keys = dict(re.findall(r'<div class="entry" id="key(\d+)">(.*?)</div>', text, re.DOTALL))
    sheet: Sheet = {}
    for number, body in questions:
        page, key = parse_html(body), parse_html(keys[number])
        shown = [t.strip() for t in page.texts(tag="li") or page.texts(tag="td")[4::5]]
        lines = key.texts(tag="li") or [key.texts(tag="p")[0].split(" ", 1)[1]]
        sheet[int(number)] = (shown, lines)
    return sheet


def markdown_sheet(text: str) -> Sheet:
    """The same from the Markdown (its escapes undone)."""
    questions, key = text.split("\n## Answer key\n")

    def chunks(part: str) -> dict[int, str]:
        pieces = re.split(r"^\*\*(\d+)\.\*\*", part, flags=re.MULTILINE)
        return {
            int(n): re.sub(r"\\(.)", r"\1", b)
            for n, b in zip(pieces[1::2], pieces[2::2], strict=True)
        }

    keys = chunks(key)
    sheet: Sheet = {}
    for number, body in chunks(questions).items():
        shown = re.findall(r"^- (?:[A-Z]\. |____ )(.*)$", body, re.MULTILINE)
        shown += re.findall(r"^\| \d+ \|.*\| ([A-Z]) \| (.*) \|$", body, re.MULTILINE)
        entry = keys[number].split("\n> ")[0]
        lines = re.findall(r"^- (.*)$", entry, re.MULTILINE) or [entry.strip()]
        sheet[number] = ([s if isinstance(s, str) else s[1] for s in shown], lines)
    return sheet


@pytest.mark.parametrize(("fmt", "read"), [("html", html_sheet), ("markdown", markdown_sheet)])
def test_founding_bank_sheet_and_key_agree(fmt: str, read: Any, tmp_path: Path) -> None:
    """``quiz export`` run twice gives the same bytes; each key letter names the printed
    choice that is right, the letters are spread, matching options and ordering items are
    never printed in the right order."""
    bank = load_bank(FOUNDING_BANK)
    sheet = read(export_twice(fmt, tmp_path).decode())
    assert len(sheet) == len(bank.questions)
    single: list[int] = []
    multi: list[set[int]] = []
    for number, q in enumerate(bank.questions, start=1):
        shown, key = sheet[number]
        if isinstance(q, MultipleChoice):
            assert sorted(shown) == sorted(q.choices)
            right = {ord(line[0]) - ord("A"): line[3:] for line in key}
            assert {shown[i] for i in right} == set(q.answers) == set(right.values())
            if q.multiple:
                multi.append(set(right))
            else:
                single.append(*right)
        elif isinstance(q, Matching):
            rights = [p.right for p in q.pairs]
            assert sorted(shown) == sorted(rights) and shown != rights
            for line, pair in zip(key, q.pairs, strict=True):  # "1 → C (left → right)"
                assert shown[ord(line.split(" → ")[1][0]) - ord("A")] == pair.right
        elif isinstance(q, Ordering):
            assert sorted(shown) == sorted(q.items) and shown != list(q.items)
    assert_spread(single, multi)


hostile = (
    st.lists(
        st.one_of(
            st.sampled_from(
                [
                    "<script>alert(1)</script>",
                    "<b>",
                    "</p>",
                    "&amp;",
                    "&lt;",
                    "*",
                    "_",
                    "`",
                    "[x](javascript:y)",
                    "#",
                    "|",
                    "~",
                    "\\",
                    "\n",
                    "- ",
                    "1. ",
                    "> ",
                    "===",
                    "<!--",
                    "]]>",
                    '"',
                    "'",
                    "___",
                ]
            ),
            st.characters(blacklist_categories=("Cs",)),
        ),
        min_size=1,
        max_size=10,
    )
    .map("".join)
    .filter(lambda t: bool(one_line(t)))
)


def hostile_bank(prompt: str, other: str, third: str) -> Any:
    plain = "___" not in prompt
    return make_bank(
        ShortAnswer(id="s", prompt=prompt, source=other, explanation=third, answers=(other,)),
        MultipleChoice(
            id="m", prompt=other, source=third, choices=(prompt, third + " "), answers=(prompt,)
        )
        if one_line(prompt) != one_line(third)
        else ShortAnswer(id="m", prompt=other, source=third, answers=(prompt,)),
        Matching(
            id="x",
            prompt=third,
            source=prompt,
            pairs=(Pair(prompt, other), Pair("l2", "r2"), Pair("l3", "r3")),
        ),
        Ordering(id="o", prompt=prompt, source=other, items=(other, "i2 " + third)),
        *(
            [Cloze(id="c", prompt=f"{prompt} ___ {other}", source=third, blanks=((third,),))]
            if plain and "___" not in other
            else []
        ),
        title=prompt,
        description=other,
    )


@settings(max_examples=examples(100), deadline=None)
@given(prompt=hostile, other=hostile, third=hostile)
def test_html_never_holds_a_tag_from_bank_text(prompt: str, other: str, third: str) -> None:
    bank = hostile_bank(prompt, other, third)
    page = parse_html(export_bank(bank, "html").data.decode())
    assert set(page.tags) <= OUR_HTML_TAGS
    assert page.tags.count("a") == 0  # the bank's source has no URL
    assert page.texts(tag="title") == [one_line(prompt)]
    shown = "\n".join(re.sub(r"[ \t]+", " ", line) for line in clean(prompt).split("\n"))
    assert f"1. {shown}" in page.texts("questions", "p")  # exactly the text, line breaks kept
    assert squash(clean(other)) in [squash(b) for b in page.texts("key", "blockquote")]


@settings(max_examples=examples(100), deadline=None)
@given(prompt=hostile, other=hostile, third=hostile)
def test_markdown_never_holds_markup_from_bank_text(prompt: str, other: str, third: str) -> None:
    bank = hostile_bank(prompt, other, third)
    page = parse_html(render_markdown(export_bank(bank, "markdown").data.decode()))
    assert set(page.tags) <= MARKDOWN_TAGS, page.tags
    assert page.tags.count("div") == 1  # our page break, nothing from the bank
    assert page.tags.count("h1") == 1 and page.tags.count("h2") == 2
    assert page.texts(tag="h1") == [one_line(prompt)]
    paragraphs = [squash(p) for p in page.texts(tag="p")]
    assert squash(f"1. {clean(prompt)}") in paragraphs
    assert squash(clean(other)) in [squash(b) for b in page.texts(tag="blockquote")] + [
        squash(p) for p in page.texts(tag="p")
    ]
