"""One module per ``quiz`` subcommand.

Each module defines ``register(subparsers)`` (adds its parser, sets ``func``) and keeps heavy
imports (Textual, spaCy, sqlite work) inside the function that runs the command, so that
``quiz check`` never pays for the TUI and nothing but ``generate`` imports spaCy.
"""

#: Subcommand modules in the order ``quiz --help`` lists them.
COMMAND_MODULES: tuple[str, ...] = (
    "play",
    "review",
    "stats",
    "check",
    "generate",
    "author",
    "export",
    "report",
    "results",
)
