"""Table of contents: each source (title, author, outlet, date) with its sections."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Self

from rich.cells import cell_len
from rich.text import Text
from textual.geometry import Region
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from briefing.outline import OutlineEntry
from briefing.tui.after_paint import after_paint
from briefing.tui.keys import KeyGroup
from briefing.tui.viewmodels.reader import strip_for_display as shown
from briefing.tui.widgets.line_keys import line_keys
from briefing.tui.messages import OpenLocation
from briefing.tui.viewmodels.navigation import Location


class TocTree(KeyGroup, Tree[Location]):
    """Sources and sections; enter (or a click) asks the screen to open the node.

    The sources go in after the first paint, a slice at a time with the event loop running
    between slices, so a key pressed while 5,000 sources go in is answered at once; the
    sections of a source go in when it is first expanded.  ``filled`` says when every source
    is in, and ``Filled`` is posted then.
    """

    HELP_GROUP = "Contents pane"

    BINDINGS = line_keys("toc")
    SLICE_SECONDS = 0.008  # interface-thread time per slice of sources
    SLICE_MIN = 32  # sources added between two looks at the clock

    class Filled(Message):
        """Every source is in the contents."""

    def __init__(self, entries: list[OutlineEntry], *, id: str | None = None) -> None:
        # Set before Tree's __init__, which drops and rebuilds the lines.
        self._batching = self._no_layout = False
        self.entries = entries
        self._added = 0  # entries[:_added] are in the tree
        super().__init__("Sources", id=id)
        self._position = {entry.article_id: i for i, entry in enumerate(entries)}
        self.show_root = False
        self.guide_depth = 2
        self._article_nodes: dict[str, TreeNode[Location]] = {}
        self._wanted: tuple[str, int | None] | None = None  # selected before its node is in
        self._reading: dict[str, object] = {}  # article id -> briefing.tui.reading.Progress

    @property
    def filled(self) -> bool:
        return self._added >= len(self.entries)

    def process_label(self, label: str | Text) -> Text:
        # Titles and names are untrusted: never parse them as markup.  They are one line
        # already (strip_for_display), so the split Textual does on every label is skipped.
        text = Text(label) if isinstance(label, str) else label
        return text.split()[0] if "\n" in text.plain else text

    def get_label_width(self, node: TreeNode[Location]) -> int:
        # Textual renders each label anew to measure it, for every line on every rebuild of
        # the lines (each slice of sources); the label's cells and the icon's are the same.
        icon = self.ICON_NODE_EXPANDED if node.is_expanded else self.ICON_NODE
        return node.label.cell_len + (cell_len(icon) if node.allow_expand else 0)

    # Textual's Tree asks for a layout of the whole screen, then a repaint of all of it, each
    # time its lines change (dropped on a node added) and each time they are rebuilt (its
    # virtual size is a layout reactive): 20-140 ms at 160x48 under load, after every slice.
    # The pane's size is set by the stylesheet, never by its lines, so a repaint of the pane
    # is enough; the layout that resizes its scroll bar is done once, when every source is in.
    def _invalidate(self) -> None:
        if self._batching:  # a batch of nodes drops the lines once, at its end
            return
        with self._lines_only():
            super()._invalidate()

    def _build(self) -> None:
        if self.filled:
            super()._build()
            return
        with self._lines_only():
            super()._build()

    @contextmanager
    def _lines_only(self) -> Iterator[None]:
        self._no_layout = True
        try:
            yield
        finally:
            self._no_layout = False

    def refresh(self, *regions: Region, repaint: bool = True, layout: bool = False,
                recompose: bool = False) -> Self:
        return super().refresh(*regions, repaint=repaint, recompose=recompose,
                               layout=layout and not self._no_layout)

    @contextmanager
    def _batch(self) -> Iterator[None]:
        self._batching = True
        try:
            yield
        finally:
            self._batching = False
            self._invalidate()

    def on_mount(self) -> None:
        # After the first paint: the article shows first, then the contents fill in.
        after_paint(self, self._add_slice)

    def _add_slice(self) -> None:
        if not self.is_attached:  # the reader was closed while its contents went in
            return
        start, added_from = time.perf_counter(), self._added
        with self._batch():
            while not self.filled and (self._added == added_from
                                       or time.perf_counter() - start < self.SLICE_SECONDS):
                for entry in self.entries[self._added:self._added + self.SLICE_MIN]:
                    self._article_nodes[entry.article_id] = self.root.add(
                        self._label(entry), data=Location(entry.article_id), expand=False,
                        allow_expand=bool(entry.sections))
                    self._added += 1
        if self._wanted is not None \
                and added_from <= self._position.get(self._wanted[0], -1) < self._added:
            self.select_article(*self._wanted)
        if self.filled:
            self.post_message(self.Filled())
        else:
            after_paint(self, self._add_slice)

    # ---------------------------------------------------------------- reading state
    # Unread sources are bold (newsboat); one being read shows how far; a read one is plain
    # and ticked, like a section read to its end.  (reading: briefing.tui.reading.Progress)
    def _label(self, entry: OutlineEntry) -> Text:
        reading = self._reading.get(entry.article_id)
        read = reading is not None and reading.read
        label = Text(shown(entry.title), style="" if read else "bold")
        if read:
            label.append(" ✓")
        elif reading is not None and reading.fraction > 0:
            label.append(f" {round(reading.fraction * 100)}%", style="italic")
        meta = [shown(entry.byline)]
        if entry.outlet:
            meta.append(shown(entry.outlet))
        meta.append(shown(entry.published) or "n.d.")
        label.append("  " + " · ".join(meta), style="dim")
        return label

    def _section_label(self, article_id: str, index: int, title: str | None) -> Text:
        reading = self._reading.get(article_id)
        done = reading is not None and (reading.read or index in reading.sections)
        return Text((shown(title) or "(lead)") + (" ✓" if done else ""))

    def show_reading(self, article_id: str, progress) -> None:
        """Show ``progress`` (briefing.tui.reading.Progress) of a source and its sections."""
        self._reading[article_id] = progress
        node = self._article_nodes.get(article_id)
        if node is None:
            return
        entry = self.entries[self._position[article_id]]
        node.set_label(self._label(entry))
        titles = dict(entry.sections)
        for child in node.children:
            if child.data is not None and child.data.section_index is not None:
                child.set_label(self._section_label(article_id, child.data.section_index,
                                                    titles.get(child.data.section_index)))

    def _fill(self, node: TreeNode[Location]) -> None:
        """Section leaves are added when a source is first expanded (fast with 1,000 sources)."""
        if node.data is None or node.children:
            return
        article_id = node.data.article_id
        with self._batch():
            for index, title in self.entries[self._position[article_id]].sections:
                node.add_leaf(self._section_label(article_id, index, title),
                              data=Location(article_id, section_index=index))

    def on_tree_node_expanded(self, event: Tree.NodeExpanded[Location]) -> None:
        self._fill(event.node)

    def select_article(self, article_id: str, section_index: int | None = None) -> None:
        """Show where the reader is: expand the article's node and put the cursor there."""
        self._wanted = (article_id, section_index)
        node = self._article_nodes.get(article_id)
        if node is None:
            return
        self._fill(node)
        node.expand()
        target = node
        if section_index is not None:
            for child in node.children:
                if child.data is not None and child.data.section_index == section_index:
                    target = child
                    break
        # move_cursor reads the node's line, stale after the expand (a new section's is -1,
        # which put the cursor on the first source): reading last_line rebuilds the lines.
        if self.last_line < 0:
            return
        self.move_cursor(target, animate=False)

    def on_tree_node_selected(self, event: Tree.NodeSelected[Location]) -> None:
        event.stop()
        if event.node.data is not None:
            self.post_message(OpenLocation(event.node.data))
