"""The key bar at the foot of every screen: the keys that apply now, in one widget."""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget

PALETTE_LABEL = "palette"


class _Shown:
    """Where a key's hint is on the bar (cells ``start`` to ``end``), for a click. A plain
    class: a ``NamedTuple`` took 0.15 ms to define, at every start."""

    __slots__ = ("end", "key", "start")

    def __init__(self, start: int, end: int, key: str) -> None:
        self.start = start
        self.end = end
        self.key = key


class KeyBar(Widget):
    """What Textual's ``Footer`` shows (each key that applies now and what it does, the
    command palette key on the right; a click presses the key), drawn as one line of text.

    ``Footer`` builds one widget per key and rebuilds them all on every "bindings updated"
    signal, which fires nine times while a question appears: about 50 ms of a 0.45 s start
    and again on every question. One widget that re-renders its line costs well under 1 ms.
    """

    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        text-wrap: nowrap;
        text-overflow: clip;
    }
    """

    def __init__(self, *, show_command_palette: bool = True) -> None:
        super().__init__()
        self.show_command_palette = show_command_palette
        self._shown: list[_Shown] = []

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        self.refresh()

    def render(self) -> Content:
        keys: list[tuple[Binding, bool]] = []
        actions: set[str] = set()
        palette: tuple[Binding, bool] | None = None
        for key, (_node, binding, enabled, _tooltip) in self.screen.active_bindings.items():
            if key == self.app.COMMAND_PALETTE_BINDING:
                palette = (binding, enabled)
            elif binding.show and binding.action not in actions:
                actions.add(binding.action)  # like Footer: one entry per action
                keys.append((binding, enabled))
        parts: list[tuple[str, str] | str] = []
        shown: list[_Shown] = []
        hints = [
            (binding, enabled, f" {self.app.get_key_display(binding)} ")
            for binding, enabled in keys
        ]
        widths = [cell_len(k) + cell_len(f"{b.description} ") for b, _, k in hints]
        tail = 0
        if palette and self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            tail = 2 + cell_len(self.app.get_key_display(palette[0])) + len(PALETTE_LABEL)
        room = self.size.width
        if room > 0:
            # Too narrow for them all: whole hints go, never a cut one; the palette first,
            # then from the right (the bindings come most important first).
            if tail and sum(widths) + 1 + tail > room:
                palette, tail = None, 0
            while hints and sum(widths) > room:
                hints.pop()
                widths.pop()
        at = 0
        for (binding, enabled, key_text), width in zip(hints, widths, strict=True):
            key_style, text_style = _styles(enabled)
            parts += [(key_text, key_style), (f"{binding.description} ", text_style)]
            shown.append(_Shown(at, at + width, binding.key))
            at += width
        if palette and tail:
            binding, enabled = palette
            key_text = self.app.get_key_display(binding)
            gap = max(1, self.size.width - at - tail)
            key_style, text_style = _styles(enabled)
            parts += [
                " " * (gap - 1),
                ("▏", "$foreground 20%"),
                (key_text, key_style),
                (f" {PALETTE_LABEL} ", text_style),
            ]
            shown.append(_Shown(at + gap, at + gap + tail, binding.key))
        self._shown = shown
        return Content.assemble(*parts)

    def on_click(self, event: events.Click) -> None:
        """A click on a key presses it, as on Textual's footer."""
        for item in self._shown:
            if item.start <= event.x < item.end:
                event.stop()
                self.app.simulate_key(item.key)
                return


def _styles(enabled: bool) -> tuple[str, str]:
    """(key style, description style)."""
    if enabled:
        return "bold $footer-key-foreground", "$footer-description-foreground"
    return "$text-disabled", "$text-disabled"
