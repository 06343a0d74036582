"""The authoring screens' stylesheets, named once for the screen, its forms and its dialogs.

Textual reads a relative ``CSS_PATH`` beside the module that defines the screen class: these
files sit one folder up, beside the other screens' (``dialogs.tcss`` is the shared dialog look;
its confirmations and help are dialogs too), then the authoring screen's own.
"""

from __future__ import annotations

from pathlib import PurePath

AUTHOR_CSS: list[str | PurePath] = ["../dialogs.tcss", "../author.tcss"]
