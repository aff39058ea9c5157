"""Planning a batch run: input paths become units of work grouped into stable partitions.

A *unit* is a stretch of one input file: a whole file (text, HTML, TREC, CSV, optionally
gzip-compressed), a range of lines of a JSON Lines file, a set of row groups of a Parquet
file, or a set of HTML response records of a WARC file. Units are grouped, in input order,
into partitions of about ``partition_size`` articles (a plain file counts as one). A
partition's name carries a digest of its units (paths, ranges, sizes and mtimes), so a re-run
over unchanged inputs plans the same partitions and can skip the finished ones.
"""

from __future__ import annotations

import gzip
import zlib
import hashlib
import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

from rawi.errors import UnreadableFile
from rawi.readers.detect import EXTENSIONS

KINDS = ("file", "lines", "parquet", "warc")
_EXTRA_EXTENSIONS = {".json", ".parquet", ".warc"}
_LINE_EXTENSIONS = {".jsonl", ".ndjson"}


@dataclass(frozen=True)
class Unit:
    """A stretch of one input file; ``items`` are line numbers [start, stop) for ``lines``
    (with ``offset`` the byte offset of line ``start``), row-group indexes for ``parquet``
    and record byte offsets for ``warc``; empty for ``file``."""

    kind: str
    path: str
    size: int
    mtime_ns: int
    start: int = 0
    stop: int = 0
    offset: int = 0
    items: tuple[int, ...] = ()
    weight: int = 1

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["items"] = list(self.items)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Unit":
        return cls(**{**d, "items": tuple(d.get("items", ()))})


@dataclass(frozen=True)
class Partition:
    index: int
    units: tuple[Unit, ...] = field(default_factory=tuple)

    @property
    def key(self) -> str:
        blob = json.dumps([u.to_dict() for u in self.units], sort_keys=True).encode()
        return hashlib.blake2b(blob, digest_size=5).hexdigest()

    @property
    def name(self) -> str:
        return f"part-{self.index:05d}-{self.key}"

    @property
    def weight(self) -> int:
        return sum(u.weight for u in self.units)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "index": self.index, "units": [u.to_dict() for u in self.units]}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Partition":
        return cls(int(d["index"]), tuple(Unit.from_dict(u) for u in d["units"]))


def inner_name(path: str) -> str:
    """The file name without a trailing ``.gz`` (``feed.jsonl.gz`` -> ``feed.jsonl``)."""
    return path[:-3] if path.lower().endswith(".gz") else path


def kind_of(path: str) -> str:
    """Which unit kind reads ``path``, from its (decompressed) extension."""
    suffix = Path(inner_name(path)).suffix.lower()
    if suffix == ".parquet":
        return "parquet"
    if suffix == ".warc":
        return "warc"
    if suffix in _LINE_EXTENSIONS:
        return "lines"
    return "file"


def _wanted(path: Path) -> bool:
    name = path.name
    if name.startswith(".") or name.endswith(".meta.json"):
        return False
    suffix = Path(inner_name(name)).suffix.lower()
    return suffix in EXTENSIONS or suffix in _EXTRA_EXTENSIONS


def expand_inputs(inputs: Iterable[str]) -> Iterator[str]:
    """Input files in order: files as given, directories walked recursively (sorted), keeping
    files with a known extension (readers' formats, .json, .parquet, .warc, each optionally
    .gz). Raises UnreadableFile for a path that does not exist."""
    for raw in inputs:
        path = Path(raw).expanduser()
        if path.is_dir():
            for dirpath, dirnames, filenames in os.walk(path):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                for name in sorted(filenames):
                    p = Path(dirpath) / name
                    if _wanted(p):
                        yield str(p)
        elif path.is_file():
            yield str(path)
        else:
            raise UnreadableFile(str(raw), "no such file or directory")


#: What reading a damaged file raises (a truncated gzip raises EOFError, a corrupt one
#: gzip.BadGzipFile or zlib.error).
READ_ERRORS = (OSError, EOFError, zlib.error)


def _open_binary(path: str):  # noqa: ANN202 - a binary file object
    return gzip.open(path, "rb") if path.lower().endswith(".gz") else open(path, "rb")


def _is_line_delimited(path: str) -> bool:
    """True when the first non-blank line is a complete JSON value (JSON Lines, not one
    pretty-printed JSON document)."""
    try:
        with _open_binary(path) as f:
            for line in f:
                if line.strip():
                    try:
                        json.loads(line.decode("utf-8-sig", errors="replace"))
                        return True
                    except (json.JSONDecodeError, RecursionError):
                        return False
    except READ_ERRORS:
        return False  # unreadable from the start: one file unit, whose reading records the error
    return True


def _line_units(path: str, size: int, mtime: int, per_unit: int) -> Iterator[Unit]:
    if not _is_line_delimited(path):
        yield Unit("file", path, size, mtime)
        return
    if path.lower().endswith(".gz"):
        # a gzip stream cannot seek: every unit after the first would decompress the file from
        # its start again (quadratic). A .jsonl.gz file is one unit; split big archives into
        # several files to spread one over workers.
        per_unit = 1 << 62
    start, n_nonblank, offset, pos, line_no = 1, 0, 0, 0, 0
    broken = False
    try:
        with _open_binary(path) as f:
            for line_no, line in enumerate(f, 1):
                pos += len(line)
                if line.strip():
                    n_nonblank += 1
                if n_nonblank >= per_unit:
                    yield Unit("lines", path, size, mtime, start, line_no + 1, offset, (), n_nonblank)
                    start, offset, n_nonblank = line_no + 1, pos, 0
    except READ_ERRORS:
        # a truncated or corrupt .gz: the last unit reads up to the break, and records it
        broken = True
    if n_nonblank or broken:
        yield Unit("lines", path, size, mtime, start, line_no + 2 if broken else line_no + 1, offset, (),
                   max(n_nonblank, 1))


def _parquet_units(path: str, size: int, mtime: int, per_unit: int) -> Iterator[Unit]:
    import pyarrow.parquet as pq

    meta = pq.ParquetFile(path).metadata
    groups: list[int] = []
    rows = first_row = row = 0
    for i in range(meta.num_row_groups):
        n = meta.row_group(i).num_rows
        if not groups:
            first_row = row
        groups.append(i)
        rows += n
        row += n
        if rows >= per_unit:
            yield Unit("parquet", path, size, mtime, first_row, row, 0, tuple(groups), rows)
            groups, rows = [], 0
    if groups:
        yield Unit("parquet", path, size, mtime, first_row, row, 0, tuple(groups), rows)


def _warc_units(path: str, size: int, mtime: int, per_unit: int) -> Iterator[Unit]:
    from rawi.batch.warc import html_record_offsets

    offsets = html_record_offsets(path)
    for i in range(0, len(offsets), per_unit):
        chunk = tuple(offsets[i:i + per_unit])
        yield Unit("warc", path, size, mtime, i, i + len(chunk), 0, chunk, len(chunk))


def units_of(path: str, per_unit: int) -> Iterator[Unit]:
    """The units of one input file."""
    st = os.stat(path)
    kind = kind_of(path)
    if kind == "lines":
        yield from _line_units(path, st.st_size, st.st_mtime_ns, per_unit)
    elif kind == "parquet":
        yield from _parquet_units(path, st.st_size, st.st_mtime_ns, per_unit)
    elif kind == "warc":
        yield from _warc_units(path, st.st_size, st.st_mtime_ns, per_unit)
    else:
        yield Unit("file", path, st.st_size, st.st_mtime_ns)


def plan_partitions(inputs: Iterable[str], partition_size: int = 500) -> list[Partition]:
    """Partitions of about ``partition_size`` articles over ``inputs`` (see the module doc)."""
    if partition_size < 1:
        raise ValueError("partition size must be at least 1")
    parts: list[Partition] = []
    current: list[Unit] = []
    weight = 0
    for path in expand_inputs(inputs):
        for unit in units_of(path, partition_size):
            if current and weight + unit.weight > partition_size:
                parts.append(Partition(len(parts), tuple(current)))
                current, weight = [], 0
            current.append(unit)
            weight += unit.weight
    if current:
        parts.append(Partition(len(parts), tuple(current)))
    return parts
