"""BriefingApp: the reader application (one screen, a few dialogs, a command palette)."""

from __future__ import annotations

import gc
import os
import sys
import threading
import time
from typing import TYPE_CHECKING, Callable

from textual import events
from textual.app import App
from textual.binding import Binding
from textual.screen import Screen
from textual.signal import Signal

from briefing.model import Corpus
from briefing.outline import OutlineEntry, outline
from briefing.tui import VIEWS_CSS, analysis_warmup
from briefing.tui.dialogs import warmup as dialogs_warmup
from briefing.tui.keys import KeyGroup
from briefing.tui.palette.curation import CURATION_PROVIDERS
from briefing.tui.palette.reader import ALL_PROVIDERS
from briefing.tui.palette.views import COMPARE_PROVIDERS
from briefing.tui.screens.reader import ReaderScreen
from briefing.tui.viewmodels.reader import SearchIndex

if TYPE_CHECKING:
    from briefing.store import AnnotationStore
    from briefing.tui.curation_session import CurationSession
    from briefing.tui.drafts import Drafts
    from briefing.tui.store_watch import StoreWatch

StoreOpener = Callable[[], "tuple[AnnotationStore | None, str | None]"]
# Loads the whole corpus in a thread, calling its argument between steps (see _start_full_load);
# None when it cannot be read.
CorpusLoader = Callable[[Callable[[], None]], "Corpus | None"]

DEFAULT_THEME = "textual-dark"
ANSI_THEME = "ansi-dark"
# Textual 8 calls its 16-colour themes ansi-dark / ansi-light; accept the older name too.
THEME_ALIASES = {"textual-ansi": ANSI_THEME}
SWITCH_INTERVAL = 0.001  # seconds: see after_first_paint
QUIET_AFTER_INPUT = 0.4  # seconds without a key or a click before background work resumes
QUIET_WAIT_MAX = 2.0  # seconds background work waits at most (a key held down, an exit)
HANGUP_GRACE = 5.0  # seconds a normal exit gets once the terminal is gone (see _hangup)


class BriefingApp(KeyGroup, App[None]):
    """Read a briefing: sources, sections, claims and how the sources compare.

    The app owns the facts every screen shares: ``corpus`` (with a cached start-up, first
    only the first article), ``corpus_ready`` (whether it is complete), ``store`` (None until
    opened, or when it cannot be) and ``reader``, the bottom screen.  Whatever needs the full
    corpus goes through ``when_corpus_ready``, or shows at once and fills in from
    ``corpus_signal`` (the compare and events views).
    """

    HELP_GROUP = "Everywhere"

    CSS_PATH = "briefing.tcss"
    COMMANDS = App.COMMANDS | ALL_PROVIDERS | COMPARE_PROVIDERS | CURATION_PROVIDERS
    BINDINGS = [
        # ctrl+q quits from anywhere (Textual's own, given an id so a keymap can move it);
        # q quits from the reader only, and goes back from the views (newsboat, ranger).
        Binding("ctrl+q", "quit", "Quit", id="app.quit", priority=True, show=False),
        Binding("question_mark", "help", "Help", key_display="?", id="app.help"),
    ]

    def __init__(self, corpus: Corpus, store: "AnnotationStore | None" = None,
                 theme: str | None = None, *, keymap: dict[str, str] | None = None,
                 build_index: bool = True, compare: str | None = None,
                 outline: list[OutlineEntry] | None = None,
                 load_full: CorpusLoader | None = None,
                 open_store: StoreOpener | None = None) -> None:
        """``load_full``: with a cached start-up, ``corpus`` holds only the first article and
        ``outline`` every source; ``load_full`` (run in a thread after the first paint) returns
        the whole corpus, or None when it cannot (the reader then says so); it calls the
        function it is given between the steps of the load, where a key goes first.
        ``open_store``: returns (store, problem); called just after the first paint instead of
        ``store`` (its imports and file locking cost ~13 ms that the first screen does not
        need)."""
        super().__init__()
        self.corpus = corpus
        self._outline = outline
        self._load_full = load_full
        self.corpus_ready = load_full is None
        self._when_ready: dict[str, Callable[[], None]] = {}  # see when_corpus_ready
        # Published as each load ends: the whole corpus, or None when it could not be read.
        # Views opened meanwhile show at once and fill in from it (corpus_wait.py).
        self.corpus_signal: Signal[Corpus | None] = Signal(self, "corpus")
        self._after_paint_started = False
        self._switch_interval: float | None = None  # the process's own, while ours is set
        # Set while nobody is typing or clicking: the background analysis waits on it between
        # events, so a view opened by a key gets the interpreter to itself (see on_event).
        self.interface_quiet = threading.Event()
        self.interface_quiet.set()
        # Set once the screen on top has painted since the last key, click or change of
        # screen: a loading thread waits on it between its steps (_yielding_to_input), so
        # that what a key opens mounts with the interpreter to itself, and resumes as soon
        # as it is on the screen (not a fixed time after the key: the load is awaited too).
        self.interface_settled = threading.Event()
        self.interface_settled.set()
        # Set when the reader closes: background work that can stop between steps does, or
        # the process outlives the window (Python joins worker threads on exit: a reader quit
        # at 5,000 articles ran its whole analysis warm-up, minutes, before it ended).
        self.closing = threading.Event()
        self._settling = 0  # counts the events that unsettle it; see _unsettle
        self._quiet_timer = None
        self._last_input = 0.0  # time.monotonic() of the last key or click
        self.store = store
        self.store_problem: str | None = None
        self._reader: ReaderScreen | None = None
        self.store_watch: StoreWatch | None = None
        self._open_store = open_store
        self._curation: CurationSession | None = None
        self._curation_lock = threading.Lock()  # made in a thread after the first paint
        self._loads = 0  # corpus loads started (a reload after an edit supersedes older ones)
        self._reloaded = False  # reload_corpus was called (see _corpus_loaded)
        self.title = corpus.title
        self._index = SearchIndex(corpus)
        self._build_index = build_index
        self._start_compare = compare  # `read --compare EVENT`: open on that comparison
        if theme is not None:
            theme = THEME_ALIASES.get(theme, theme)
            if theme not in self.available_themes:
                raise ValueError(f"unknown theme {theme!r}; choose one of: "
                                 + ", ".join(sorted(self.available_themes)))
            self.theme = theme
        self._drafts: "Drafts | None" = None
        self._asking_quit = False
        self.keymap: dict[str, str] = dict(keymap or {})  # the user's, by binding id
        if keymap:
            self.set_keymap(keymap)

    # ------------------------------------------------------------------ nothing typed is lost
    @property
    def drafts(self) -> "Drafts":
        """Drafts of unsaved notes (briefing.tui.drafts), opened when first needed."""
        if self._drafts is None:
            from briefing.tui.drafts import Drafts

            self._drafts = Drafts()
        return self._drafts

    def _unsaved_editors(self) -> list:
        from briefing.tui.dialogs.note_editor import NoteEditor

        return [s for s in self.screen_stack if isinstance(s, NoteEditor) and s.has_unsaved_text()]

    def _typed_tags(self) -> bool:
        """A tag typed in the tag dialog and not added yet (enter adds it)."""
        from briefing.tui.dialogs.tag_screen import TagScreen

        return any(isinstance(s, TagScreen) and s.is_mounted and s.input.value.strip()
                   for s in self.screen_stack)

    def save_user_state(self) -> None:
        """Keep what must survive the app: unsaved notes as drafts, where the reader is.
        Called on quit, suspend, a dropped connection (SIGHUP) and a crash."""
        for editor in self._unsaved_editors():
            editor.keep_draft()
        if self._reader is not None:
            self._reader.save_reading_state()

    async def action_quit(self) -> None:
        """Quit; with a note being written, first ask (its text is kept as a draft either
        way).  A second quit while asking quits."""
        editors = self._unsaved_editors()
        self.save_user_state()
        if not (editors or self._typed_tags()) or self._asking_quit:
            self.exit()
            return
        self._asking_quit = True

        def answered(quit_now: bool | None) -> None:
            self._asking_quit = False
            if quit_now:
                self.exit()

        from briefing.tui.dialogs.confirm import ConfirmScreen

        question = ("Quit with a note not saved? Its text is kept as a draft and offered back "
                    "the next time you open the note on this claim." if editors else
                    "Quit without adding the tag you typed?")
        self.push_screen(ConfirmScreen(question, yes="Quit", no="Keep editing"), answered)

    def _hangup(self) -> None:
        # The terminal is gone (a dropped SSH connection): keep everything, then leave.
        if not self.is_running:
            return
        self.save_user_state()
        # Textual's goodbye to a terminal that is gone can block for good (its writer's queue
        # fills and is never drained): readers were found alive hours later.  Everything is
        # kept by now; leave anyway once a normal exit has had its chance.
        watchdog = threading.Timer(HANGUP_GRACE, os._exit, args=(128 + 1,))
        watchdog.daemon = True
        watchdog.start()
        self.exit()

    def _handle_exception(self, error: Exception) -> None:
        # A crash: keep the drafts and the reading place before Textual tears the app down.
        try:
            self.save_user_state()
        except Exception:  # never hide the original error behind this one
            pass
        super()._handle_exception(error)

    def _watch_hangup(self) -> None:
        import asyncio
        import signal

        if not hasattr(signal, "SIGHUP"):
            return
        try:
            asyncio.get_running_loop().add_signal_handler(signal.SIGHUP, self._hangup)
        except (RuntimeError, ValueError, NotImplementedError):  # not the main thread
            return
        self.app_suspend_signal.subscribe(self, lambda _app: self.save_user_state())

    def get_default_screen(self) -> Screen:
        self._reader = ReaderScreen(self._outline or outline(self.corpus))
        return self._reader

    @property
    def reader(self) -> ReaderScreen:
        """The reader: the bottom screen, under every view."""
        if self._reader is None:
            raise LookupError("the reader is not started yet")
        return self._reader

    def on_mount(self) -> None:
        self._watch_hangup()
        self.screen_change_signal.subscribe(self, self._unsettle, immediate=True)
        if self._open_store is None:
            self._watch_store()
        if self._start_compare:
            from briefing.tui.palette.views import open_compare

            self.when_corpus_ready(lambda: open_compare(self, self._start_compare), quiet=True)

    def when_corpus_ready(self, action: Callable[[], None], *, slot: str = "view",
                          quiet: bool = False) -> None:
        """Run ``action`` now if the corpus is complete, else as soon as it is.

        The one way to wait for the rest of a cached start-up: what is asked for meanwhile is
        kept rather than ignored, the last request per ``slot`` (a place to open, a view or
        dialog to show), and the user is told the briefing is loading."""
        if self.corpus_ready:
            action()
            return
        self._when_ready.pop(slot, None)
        self._when_ready[slot] = action
        if not quiet:
            self.notify("Loading the briefing…", markup=False, timeout=2)

    def _watch_store(self) -> None:
        # Other processes' annotations appear without a restart; store warnings are shown.
        from briefing.tui.store_watch import StoreWatch

        self.store_watch = StoreWatch(self, self.store, self.store_problem)
        self.store_watch.start()

    def open_store_now(self) -> None:
        """Open the deferred store, hand it to the reader and mark the annotated claims of the
        article on screen.  Called after the first paint, or earlier by an annotation key that
        comes first (a `t` typed as the screen appears must not find the store missing)."""
        opener, self._open_store = self._open_store, None
        if opener is None:
            return
        self.store, self.store_problem = opener()
        if self.store is not None and self._reader is not None:
            self._reader.store_opened()
        self._watch_store()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.MouseDown)) and not event.is_forwarded:
            self.interface_quiet.clear()  # what the key opens paints before analysis resumes
            self._unsettle()
            self._last_input = time.monotonic()
            if self._quiet_timer is not None:
                self._quiet_timer.stop()
            self._quiet_timer = self.set_timer(QUIET_AFTER_INPUT, self._quiet_yet)
        await super().on_event(event)
        if isinstance(event, events.Key) and event.is_forwarded:
            # Back from the focused widget, the key's binding has run here: the screen it
            # brought (a view) is on the stack now, and settles when that one has painted.
            self._unsettle()

    def _quiet_yet(self) -> None:
        # Measured from the last key, not from the timer: a timer due while the interface was
        # busy (the contents of 5,000 sources) fires late, after keys typed meanwhile.
        idle = time.monotonic() - self._last_input
        if idle >= QUIET_AFTER_INPUT:
            self._quiet_timer = None
            self.interface_quiet.set()
        else:
            self._quiet_timer = self.set_timer(QUIET_AFTER_INPUT - idle, self._quiet_yet)

    def wait_for_quiet(self) -> None:
        """In a background thread: until nobody has typed or clicked for a moment."""
        self.interface_quiet.wait(QUIET_WAIT_MAX)

    def _yielding_to_input(self) -> Callable[[], None]:
        """For a loading thread to call between steps: waits until what the last key, click
        or new screen brought is painted (``interface_settled``), so that a view opened while
        loading mounts with the interpreter to itself; QUIET_WAIT_MAX in all per load, so
        that keys held down only slow the load."""
        left = QUIET_WAIT_MAX

        def between() -> None:
            nonlocal left
            if left <= 0 or self.interface_settled.is_set():
                return
            started = time.monotonic()
            self.interface_settled.wait(left)
            left -= time.monotonic() - started

        return between

    def _unsettle(self, _screen: Screen | None = None) -> None:
        """A key, a click or another screen on top: unsettled until that screen has painted
        (its call_after_refresh runs once it is idle with nothing left to draw)."""
        self.interface_settled.clear()
        self._settling += 1
        screen, settling = self.screen, self._settling

        def painted() -> None:
            if settling != self._settling:
                return  # a later key or screen has its own
            if self.screen is not screen:
                self._unsettle()  # the key opened a screen: wait for that one
            else:
                self.interface_settled.set()

        screen.call_after_refresh(painted)

    def on_unmount(self) -> None:
        self.closing.set()
        self.interface_quiet.set()  # nothing left to wait for: the reader is closing
        self.interface_settled.set()
        if self._switch_interval is not None:
            sys.setswitchinterval(self._switch_interval)  # see after_first_paint

    def after_first_paint(self) -> None:
        """Called by the reader once its first screen is painted: only now start the work
        that can wait (the rest of the corpus, the search index), so that its threads do not
        compete for the interpreter with the first paint."""
        if self._after_paint_started:
            return
        self._after_paint_started = True
        from briefing.startup import startup_done

        startup_done()
        # The work started now runs in threads (the rest of the corpus, the analysis of every
        # event, the search index) while the reader is used.  A thread computing holds the
        # interpreter until the switch interval runs out each time the interface thread gives
        # it up to wait for input or to write to the terminal; at Python's 5 ms, a view
        # opened meanwhile took several times its own time.  1 ms keeps the interface ahead.
        # Kept while the reader runs (a switch costs nothing while only one thread wants the
        # interpreter, and threads may start until the end: a reload, a search index) and
        # given back when it closes, for whatever the process does next (tests, a caller).
        self._switch_interval = sys.getswitchinterval()
        sys.setswitchinterval(SWITCH_INTERVAL)
        self.preload_view_styles()
        dialogs_warmup.start(self)
        self.open_store_now()
        # Its snapshot reads every content file (0.4-0.8 s at 5,000 articles): in a thread,
        # or a view's key pressed meanwhile waits for it (issue 19).  A curation key pressed
        # before it is done waits for it (the ``curation`` property's lock).
        self.run_worker(self._start_curation, thread=True, group="curation",
                        exit_on_error=False)
        if self._load_full is not None:
            self._start_full_load()
        else:
            analysis_warmup.start(self)
            if self._build_index:
                self._start_index()

    def preload_view_styles(self) -> None:
        """Read the views' stylesheet now, as Textual would when the first view opens.

        Kept out of the start-up CSS, it is neither parsed before the first paint nor matched
        against each of its widgets (~10 ms); read here, the first dialog does not pay for the
        re-parse and full restyle instead (~50-90 ms)."""
        if self.stylesheet.has_source(str(VIEWS_CSS), ""):
            return
        self.stylesheet.read(VIEWS_CSS)
        self.stylesheet.reparse()
        self.stylesheet.update(self)

    def _start_full_load(self) -> None:
        self._loads = generation = self._loads + 1
        reader = self._load_full
        between = self._yielding_to_input()

        def load() -> None:
            if generation == 1:  # at start-up: a key pressed as the screen appears goes first
                self.wait_for_quiet()
            # The collector stays off for the whole load, and what it made is frozen before
            # it is turned back on: otherwise its first collections walk every new object
            # three times over (young, middle, then all generations: 1.4 s at 5,000
            # articles), holding the interpreter from the interface thread all along.
            was_enabled = gc.isenabled()
            gc.disable()
            corpus = None
            try:
                corpus = reader(between)
                if corpus is not None:
                    between()
                    analysis_warmup.prepare(corpus)
            except Exception:  # reported below like any other failure
                corpus = None
            finally:
                if corpus is not None:
                    gc.freeze()  # as _corpus_loaded says: it lives as long as the reader
                if was_enabled:
                    gc.enable()
            if generation == self._loads:  # a later reload supersedes this one
                self.call_from_thread(self._corpus_loaded, corpus)

        self.run_worker(load, thread=True, group="corpus", exit_on_error=False)

    def _corpus_loaded(self, corpus: Corpus | None) -> None:
        if corpus is None:
            self.notify("Could not load the rest of the briefing; run `briefing check`.",
                        severity="error", markup=False, timeout=10)
            self.corpus_signal.publish(None)
            return
        self.corpus = corpus
        self.corpus_ready = True
        # The whole corpus lives as long as the reader (millions of objects at 5,000 articles)
        # and holds no reference cycle: frozen out of the collector's way, as start-up is, so
        # a full collection while a view opens does not walk it (briefing.launch).  A freeze
        # also keeps for good the garbage cycles not collected yet (a closed dialog or view):
        # a reload (after each edit) first undoes the last freeze and collects them.  That
        # full collection (~0.3 s at 5,000 articles) the new corpus would cost anyway once
        # old enough, at a moment nobody chose; the start-up load, with hardly any garbage
        # since the first paint, skips it.
        if self._reloaded:
            gc.unfreeze()
            gc.collect()
        gc.freeze()
        self._index = SearchIndex(corpus)
        self.reader.corpus_arrived()
        self.corpus_signal.publish(corpus)
        waiting, self._when_ready = self._when_ready, {}
        for action in waiting.values():
            action()
        analysis_warmup.start(self)
        if self._build_index:
            self._start_index()

    def _start_index(self) -> None:
        # A first build at 5,000 articles takes 25 s: it stops once the reader closes (as the
        # analysis warm-up does), and the next start builds it again from the beginning.
        index = self._index
        self.run_worker(lambda: index.build(stop=self.closing.is_set), thread=True,
                        exclusive=True, group="search-index", exit_on_error=False)

    @property
    def curation(self) -> "CurationSession":
        """The one owner of content edits and their undo stack (see curation_session.py).
        LookupError when the corpus was not read from a directory."""
        with self._curation_lock:
            if self._curation is None:
                from briefing.tui.curation_session import CurationSession

                if self.corpus.root is None:
                    raise LookupError("this briefing was not read from a directory")
                self._curation = CurationSession(self, self.corpus.root)
            return self._curation

    def _start_curation(self) -> None:
        # The signatures of the content files as read at start-up: a curation step refuses
        # to write over a file another process changed after this (a stale edit).
        # In a thread (after_first_paint): mostly file reads and hashing, which let the
        # interface thread run.  Not postponed: files changed later must count as changed.
        from briefing.curation import CurationError

        try:
            self.curation
        except (LookupError, CurationError, OSError):
            pass  # not a briefing directory: curation keys say why when pressed

    def reload_corpus(self, load: CorpusLoader) -> None:
        """Re-read the corpus in a thread after the content files changed; the reader and
        whatever waits in ``when_corpus_ready`` are updated when it is in, as at start-up."""
        self.corpus_ready = False
        self._reloaded = True
        self._load_full = load
        self._start_full_load()

    def search_index(self) -> SearchIndex:
        return self._index

    def action_help(self) -> None:
        from briefing.tui.dialogs.help_screen import HelpScreen, binding_rows
        from briefing.tui.widgets.claim_panel import OtherClaims

        if isinstance(self.screen, HelpScreen):
            return
        reader = self.reader
        # The side panes mount just after the first paint: a fresh list has the same keys.
        others = next(iter(reader.query(OtherClaims)), None) or OtherClaims()
        from briefing.tui.viewmodels.selection import Selection
        from briefing.tui.widgets.selection_bar import SelectionBar

        nodes = [self, reader, reader.article_view, reader.toc, others,
                 SelectionBar(Selection("", "", 0, 0))]
        if self.screen is not reader:  # e.g. the annotations view: its own keys first, then
            # those of its widgets that have a group (the view's filter lists: space ticks)
            widgets = {type(w): w for w in self.screen.focus_chain}
            nodes[1:1] = [self.screen, *(w for w in widgets.values()
                                         if isinstance(w, KeyGroup))]
        self.push_screen(HelpScreen(binding_rows(self, nodes)))
