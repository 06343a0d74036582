"""Long work shows progress (issue 20): drafting a long article draws a bar on the terminal,
clears it before the result is printed, and ctrl+c stops it without a traceback."""

from __future__ import annotations

import signal
from pathlib import Path

from tests.generate.conftest import ARTICLES
from tests.reliability.pty_app import AppInPty


def _long_article(tmp_path: Path) -> Path:
    """About 4,000 words of real news text: several seconds of parsing on two cores."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("heldout2/*.txt"))]
    article = tmp_path / "long-report.txt"
    article.write_text("\n".join(texts[:6]), encoding="utf-8")
    return article


def test_a_long_article_shows_a_bar_then_the_result(tmp_path: Path) -> None:
    article = _long_article(tmp_path)
    app = AppInPty(["generate", str(article), "-o", str(tmp_path / "bank.yaml")], tmp_path / "d")
    try:
        app.wait_for(r"Loading the English language model…", timeout=60)  # at once, not blank
        app.wait_for(r"Drafting long-report\.txt\s+\[[█·]+\]\s+\d+%", timeout=60)
        app.wait_for(r"wrote .*bank\.yaml", timeout=120)
        assert app.process.wait(30) == 0
    finally:
        app.close()
    assert (tmp_path / "bank.yaml").is_file()
    assert "Traceback" not in app.text


def test_ctrl_c_stops_a_long_draft_without_a_traceback(tmp_path: Path) -> None:
    article = _long_article(tmp_path)
    app = AppInPty(["generate", str(article), "-o", str(tmp_path / "bank.yaml")], tmp_path / "d")
    try:
        app.wait_for(r"Drafting long-report\.txt", timeout=60)
        app.process.send_signal(signal.SIGINT)
        assert app.process.wait(30) == 130
        while app.pump(0.05):
            pass
    finally:
        app.close()
    assert "Traceback" not in app.text
    assert not (tmp_path / "bank.yaml").exists()
