"""``--recover``'s help says what it does since damaged files are set aside at every start
(issue 20, item 4): it copies what can still be read of a damaged file set aside, and keeps
aside a file that is not quiz's or is newer. The old text promised only to keep the file aside
and start a new one, which every start now does by itself for a damaged file."""

from __future__ import annotations

import pytest

from quiz.cli import main


@pytest.mark.parametrize("command", ["review", "play"])
def test_recover_help_says_it_copies_what_can_be_read(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        main([command, "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert (
        "--recover copy into your scores what can still be read of a damaged scores file "
        "set aside (quiz.db.damaged-DATE" in help_text
    )
    assert "not SQLite, not quiz's or from a newer quiz" in help_text
