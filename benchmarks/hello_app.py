"""The baseline for start-up: the smallest Textual app, started the way quiz is."""

from textual.app import App, ComposeResult
from textual.widgets import Static


class HelloApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("Hello from Textual")


if __name__ == "__main__":
    HelloApp().run()
