"""A small JSON file of the user's own reader state (briefing.paths.state_dir): read once,
tolerant of a missing or damaged file, written atomically (a crash mid-write leaves the old
file whole).  Drafts (tui/drafts.py) and reading progress (tui/reading.py) each keep one."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


class StateFile:
    """One JSON object on disk.  ``data`` is read lazily; ``save`` writes it whole."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._data: dict[str, Any] | None = None
        self.problem: str | None = None  # why the last read or write failed, for a message

    @property
    def data(self) -> dict[str, Any]:
        if self._data is None:
            self._data = self._read()
        return self._data

    def _read(self) -> dict[str, Any]:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return {}
        except OSError as exc:
            self.problem = f"{self.path}: {exc.strerror or exc}"
            return {}
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            # Kept aside, not overwritten: what it held may still matter to someone.
            from briefing.fsio import save_bytes_aside

            try:
                save_bytes_aside(self.path, raw)
            except OSError:
                pass
            self.problem = f"{self.path}: not valid JSON ({exc}); started afresh"
            return {}
        return data if isinstance(data, dict) else {}

    def save(self) -> bool:
        """Write the data atomically; False (and ``problem`` set) when it cannot be written."""
        from briefing.fsio import write_atomic

        data = json.dumps(self.data, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(self.path, data, overwrite=True, mode=0o600)
        except OSError as exc:
            self.problem = f"{self.path}: {exc.strerror or exc}"
            return False
        self.problem = None
        return True
