"""Coded errors, in one place.

Each error names the file (or input) and the problem in one line, so that a directory run can
report a broken file and go on.
"""

from __future__ import annotations


class RawiError(Exception):
    """Base class: ``code`` is stable, ``str()`` is the one-line message."""

    code = "E000"

    def __init__(self, path: str | None, message: str) -> None:
        self.path = path
        self.message = message
        super().__init__(f"{path}: {message}" if path else message)

    def one_line(self) -> str:
        return f"[{self.code}] {self}"


class UnreadableFile(RawiError):
    code = "E001"


class UnknownFormat(RawiError):
    code = "E002"


class UndecodableBytes(RawiError):
    code = "E003"


class EmptyArticle(RawiError):
    code = "E004"


class BadXML(RawiError):
    code = "E005"


class BadRecord(RawiError):
    """A JSON Lines or CSV record that cannot be turned into an article."""

    code = "E006"


class StageError(RawiError):
    """A pipeline stage failed on one document."""

    code = "E010"


class ModelMissing(RawiError):
    code = "E020"


class BadLexicon(RawiError):
    """A lexicon data file with a malformed line (the path names file and line)."""

    code = "E030"
