"""The Textual UI: the leaf of the program. Nothing outside ``quiz.tui`` and the commands that
start it may import Textual; importing this package itself imports nothing from Textual, so its
plain modules (``config``, ``progress``, ``recording``) can be used by the core."""
