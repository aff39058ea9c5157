"""A digest of the code and data files a stored result is computed from, and its options:
stored stories and claim links made with another digest are computed again by the next ingest."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Sequence


def code_version(sources: Sequence[str], options: object) -> str:
    """blake2b over each file of ``sources`` (paths inside the ``rawi`` package; a missing
    file counts by its name only) and ``repr(options)``."""
    import rawi

    root = Path(rawi.__file__).parent
    h = hashlib.blake2b(digest_size=8)
    for name in sources:
        p = root / name
        h.update(name.encode())
        if p.is_file():
            h.update(p.read_bytes())
    h.update(repr(options).encode())
    return h.hexdigest()
