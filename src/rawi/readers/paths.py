"""Expanding the paths given on a command line into input files."""

from __future__ import annotations

import glob
import os
from pathlib import Path
from typing import Iterable, Iterator

from rawi.errors import UnreadableFile
from rawi.readers.detect import EXTENSIONS

SIDECAR_SUFFIX = ".meta.json"
_GLOB_CHARS = set("*?[")


def sidecar_for(path: Path) -> Path:
    """``dir/name.txt`` → ``dir/name.meta.json``."""
    return path.with_name(path.stem + SIDECAR_SUFFIX) if path.suffix else path.with_name(path.name + SIDECAR_SUFFIX)


def _wanted_in_walk(path: Path) -> bool:
    name = path.name
    return (not name.startswith(".") and not name.endswith(SIDECAR_SUFFIX)
            and path.suffix.lower() in EXTENSIONS)


def _walk(root: Path) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            path = Path(dirpath) / name
            if _wanted_in_walk(path):
                yield path


def iter_input_paths(paths: Iterable[str]) -> Iterator[Path]:
    """Input files, in order: a file as given; a directory walked recursively in sorted order,
    keeping only files with a known input extension (hidden files, ``*.meta.json`` sidecars and
    other files such as a README.md are skipped); a glob pattern expanded (sorted).

    ``-`` (stdin) is passed through as ``Path("-")``. Raises UnreadableFile for a path that
    does not exist or a pattern that matches nothing.
    """
    for raw in paths:
        raw = str(raw)
        if raw == "-":
            yield Path("-")
            continue
        path = Path(raw).expanduser()
        if path.is_dir():
            yield from _walk(path)
        elif path.exists():
            yield path
        elif _GLOB_CHARS & set(raw):
            matches = sorted(glob.glob(os.path.expanduser(raw), recursive=True))
            if not matches:
                raise UnreadableFile(raw, "no file matches this pattern")
            for match in matches:
                m = Path(match)
                if m.is_dir():
                    yield from _walk(m)
                elif not m.name.endswith(SIDECAR_SUFFIX):
                    yield m
        else:
            raise UnreadableFile(raw, "no such file or directory")
