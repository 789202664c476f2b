"""The keys line at the bottom of every screen.

Textual's Footer rebuilds one widget per key whenever focus changes, which is twice a
question here (input -> Next -> next input) and was most of the time from an answer to
its feedback and on to the next question. This draws the same keys into one Static.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

KEY_STYLE = "bold $footer-key-foreground"


class KeyBar(Horizontal):
    def compose(self) -> ComposeResult:
        yield Static("", id="keybar-keys", markup=False)
        yield Static("", id="keybar-palette", markup=False)

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)
        self.call_after_refresh(self.bindings_changed, self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen) -> None:
        if screen is not self.screen or not self.is_attached:
            return
        keys, palette = self.describe()
        self.query_one("#keybar-keys", Static).update(keys)
        self.query_one("#keybar-palette", Static).update(palette)

    def describe(self) -> tuple[Content, Content]:
        """(the shown keys with what they do, the palette key) for what has focus now.
        Like the Footer: one key per action, the first (most focused) binding winning."""
        active = self.screen.active_bindings
        palette_key = self.app.COMMAND_PALETTE_BINDING
        seen: set[str] = set()
        pieces: list[Content] = []
        for key, (_node, binding, enabled, _tooltip) in active.items():
            if not binding.show or key == palette_key or binding.action in seen:
                continue
            seen.add(binding.action)
            pieces.append(
                Content.assemble(
                    (f" {self.app.get_key_display(binding)} ", KEY_STYLE),
                    (binding.description, "" if enabled else "dim"),
                    " ",
                )
            )
        palette = Content("")
        if self.app.ENABLE_COMMAND_PALETTE and palette_key in active:
            binding = active[palette_key][1]
            palette = Content.assemble(
                ("▏", "dim"), (self.app.get_key_display(binding), KEY_STYLE), " palette "
            )
        return Content("").join(pieces), palette
