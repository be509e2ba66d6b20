"""Table of contents: each source (title, author, outlet, date) with its sections."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from briefing.outline import OutlineEntry
from briefing.tui.viewmodels.reader import strip_for_display as shown
from briefing.tui.widgets.line_keys import line_keys
from briefing.tui.messages import OpenLocation
from briefing.tui.viewmodels.navigation import Location


class TocTree(Tree[Location]):
    """Sources and sections; enter (or a click) asks the screen to open the node."""

    BINDINGS = line_keys("toc")

    def __init__(self, entries: list[OutlineEntry], *, id: str | None = None) -> None:
        super().__init__("Sources", id=id)
        self.entries = entries
        self.show_root = False
        self.guide_depth = 2
        self._article_nodes: dict[str, TreeNode[Location]] = {}
        self._sections: dict[str, tuple[tuple[int, str | None], ...]] = {}
        self._wanted: tuple[str, int | None] | None = None  # selected before being mounted
        self._reading: dict[str, object] = {}  # article id -> briefing.tui.reading.Progress

    def process_label(self, label: str | Text) -> Text:
        # Titles and names are untrusted: never parse them as markup.
        text = Text(label) if isinstance(label, str) else label
        return text.split()[0] if text.plain else text

    def on_mount(self) -> None:
        # Filled after the first paint: ~25 ms for 1,000 sources, and hidden at 80x24 anyway.
        self.call_after_refresh(self._populate)

    def _populate(self) -> None:
        if self._article_nodes:
            return
        for entry in self.entries:
            node = self.root.add(self._label(entry), data=Location(entry.article_id), expand=False,
                                 allow_expand=bool(entry.sections))
            self._article_nodes[entry.article_id] = node
            self._sections[entry.article_id] = entry.sections
        if self._wanted is not None:
            self.select_article(*self._wanted)

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
        entry = next((e for e in self.entries if e.article_id == article_id), None)
        if entry is not None:
            node.set_label(self._label(entry))
        for child in node.children:
            if child.data is not None and child.data.section_index is not None:
                titles = dict(self._sections.get(article_id, ()))
                child.set_label(self._section_label(article_id, child.data.section_index,
                                                    titles.get(child.data.section_index)))

    def _fill(self, node: TreeNode[Location]) -> None:
        """Section leaves are added when a source is first expanded (fast with 1,000 sources)."""
        if node.data is None or node.children:
            return
        for index, title in self._sections.get(node.data.article_id, ()):
            node.add_leaf(self._section_label(node.data.article_id, index, title),
                          data=Location(node.data.article_id, section_index=index))

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
        self.move_cursor(target, animate=False)

    def on_tree_node_selected(self, event: Tree.NodeSelected[Location]) -> None:
        event.stop()
        if event.node.data is not None:
            self.post_message(OpenLocation(event.node.data))
