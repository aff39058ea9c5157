"""Reading the text layer's lexicon data files (``src/rawi/lexicons/*.tsv``)."""

from __future__ import annotations

from pathlib import Path

from rawi.errors import BadLexicon, UnreadableFile

LEXICONS = Path(__file__).resolve().parents[1] / "lexicons"


def read_rows(name: str, columns: int, root: Path = LEXICONS) -> list[tuple[str, ...]]:
    """Rows of a tab-separated lexicon: ``#`` comments and blank lines skipped.

    Each row has exactly ``columns`` fields (a malformed line raises naming file and line).
    """
    path = root / name
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise UnreadableFile(str(path), f"cannot read lexicon: {exc.strerror or exc}") from None
    rows: list[tuple[str, ...]] = []
    for no, line in enumerate(lines, 1):
        line = line.rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = tuple(f.strip() for f in line.split("\t"))
        if len(fields) != columns or not all(fields):
            raise BadLexicon(f"{path}:{no}", f"expected {columns} tab-separated fields")
        rows.append(fields)
    return rows
