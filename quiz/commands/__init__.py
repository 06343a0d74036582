"""One module per ``quiz`` subcommand.

Each module defines ``register(subparsers)`` (adds its parser, sets ``func``) and keeps heavy
imports (Textual, spaCy, sqlite work) inside the function that runs the command, so that
``quiz check`` never pays for the TUI and nothing but ``generate`` imports spaCy.

The command line imports only the module of the command being run (start-up is measured:
``benchmarks/run.py``); ``quiz --help`` lists the others from :data:`COMMANDS` alone.
"""

#: Subcommand modules in the order ``quiz --help`` lists them, with their one-line help.
COMMANDS: dict[str, str] = {
    "play": "play a quiz on one bank",
    "review": "review what is due (spaced repetition)",
    "stats": "your progress: streak, calendar, forecast, mastery",
    "check": "validate bank files and review their items",
    "generate": "draft a bank from an article (.txt, a saved .html page or a URL)",
    "author": "review drafted questions in the TUI, edit them, save a bank",
    "export": "write a bank as GIFT, Aiken, Anki, CSV or a printable worksheet",
    "report": "item analysis: which questions learners get wrong, and how",
    "results": "your answers as a file to hand in (quiz results export)",
    "banks": "your library of banks: list, add, remove",
}
