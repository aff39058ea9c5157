"""Fuzz targets: each takes one generated input, runs one part of rawi on it and checks the
properties every input must keep.

A target returns normally when the code under test either worked (and its output passed the
checks) or refused the input with a :class:`rawi.errors.RawiError`. Any other exception, or an
:class:`AssertionError` from a broken property, is a finding. Time limits are applied by the
caller (:mod:`fuzz.budget`).
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from typing import Any, Callable

from fuzz import gen

from rawi.errors import RawiError
from rawi.model import Document

# Inputs never contain more than this many characters after expansion: a reader that turns
# a small input into a huge text has expanded an entity bomb.
EXPANSION_LIMIT = 64


def check_document(doc: Document, *, input_size: int | None = None) -> None:
    """Every span of ``doc`` lies within the text, and every quoted span text is the text at
    its offsets. With ``input_size`` (a reader's output) the text is also no more than
    EXPANSION_LIMIT times the input and every field is valid UTF-8 (storable)."""
    assert isinstance(doc, Document), type(doc)
    text = doc.text
    n = len(text)
    assert isinstance(text, str) and isinstance(doc.id, str)
    if input_size is not None:
        assert n <= EXPANSION_LIMIT * max(input_size, 1024), f"text of {n} chars from {input_size} input bytes"
    if doc.title:
        assert text.startswith(doc.title), "text does not start with the title"
    last = -1
    for s in doc.sentences:
        assert 0 <= s.start < s.end <= n, ("sentence", s, n)
        assert s.start >= last, ("sentences overlap or out of order", s)
        last = s.end
    last = -1
    for t in doc.tokens:
        assert 0 <= t.start < t.end <= n, ("token", t, n)
        assert t.start >= last, ("tokens overlap", t)
        assert t.start <= t.stem_start <= t.stem_end <= t.end, ("stem outside token", t)
        last = t.end
    for group in (doc.entities, doc.dates, doc.numbers):
        for m in group:
            assert 0 <= m.start <= m.end <= n, (type(m).__name__, m, n)
            assert m.text == text[m.start:m.end], (type(m).__name__, m.text, text[m.start:m.end])
    for i, a in enumerate(doc.attributions):
        for name in ("cue", "content", "source", "source_role", "via", "channel", "target"):
            sp = getattr(a, name)
            if sp is not None:
                assert 0 <= sp.start <= sp.end <= n, ("attribution", name, sp, n)
        if a.nested_in is not None:
            assert 0 <= a.nested_in < len(doc.attributions) and a.nested_in != i, ("nested_in", a.nested_in)
    dumped = json.dumps(doc.to_dict(with_tokens=True), ensure_ascii=False, default=str)
    if input_size is not None:
        dumped.encode("utf-8")  # a lone surrogate here would make the document unstorable


# -- readers ------------------------------------------------------------------------------------

_NAMES = {"text": "a.txt", "html": "a.html", "trec": "a.xml", "jsonl": "a.jsonl", "csv": "a.csv"}


def read_target(fmt: str | None) -> Callable[[bytes], None]:
    """A target reading bytes as ``fmt`` (None: detect from the content and the name)."""
    from rawi.readers import ReaderOptions, iter_read_bytes, read_bytes

    opts = ReaderOptions(input_format=fmt)
    name = _NAMES.get(fmt or "", "input")

    def target(data: bytes) -> None:
        try:
            docs = read_bytes(data, name, opts)
        except RawiError:
            docs = []
        for d in docs:
            check_document(d, input_size=len(data))
        try:
            for item in iter_read_bytes(data, name, opts):
                if isinstance(item, Document):
                    check_document(item, input_size=len(data))
                else:
                    assert isinstance(item, RawiError), type(item)
                    assert len(item.one_line()) < 10_000, "an error message that repeats its input"
        except RawiError:
            pass

    return target


def gzip_target(data: bytes) -> None:
    """A (often truncated) ``.jsonl.gz`` file through the batch reader, as ``rawi batch`` reads it."""
    import tempfile
    from pathlib import Path

    from rawi.batch.plan import units_of
    from rawi.batch.read import iter_unit
    from rawi.readers import ReaderOptions

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "f.jsonl.gz")
        path.write_bytes(data)
        try:
            for unit in units_of(str(path), 50):
                for item in iter_unit(unit, ReaderOptions()):
                    if isinstance(item, Document):
                        check_document(item)
        except RawiError:
            pass


# -- text layer ---------------------------------------------------------------------------------

def normalize_target(s: str) -> None:
    from rawi.text.normalize import normalize, normalize_text

    r = random.Random(len(s))
    for opts in ({}, {"fold_taa": False, "fold_hamza": False, "strip_punct": True}):
        nz = normalize(s, **opts)
        assert nz.raw == s
        assert len(nz.offsets) == len(nz.text) + 1 and nz.offsets[-1] == len(s)
        assert nz.text == normalize_text(s, **opts)
        prev = 0
        for o in nz.offsets:
            assert prev <= o <= len(s), ("offset", o)
            prev = o
        m = len(nz.text)
        for _ in range(8):
            a = r.randint(0, m)
            b = r.randint(a, m)
            rs, re_ = nz.to_raw(a, b)
            assert 0 <= rs <= re_ <= len(s), (a, b, rs, re_)
            if a < b:
                # the normalised span is exactly the normalisation of the raw span it maps to
                # (modulo characters the map deletes at the edges)
                assert nz.text[a:b] in normalize_text(s[rs:re_], **opts) or not s[rs:re_], (a, b)
        for i in (0, len(s) // 2, len(s)):
            assert 0 <= nz.to_norm(i) <= m


def quotes_target(s: str) -> None:
    from rawi.text.quotes import QUOTE_MARKS, find_quotes, inside_quote, quote_at

    qs = find_quotes(s)
    n = len(s)
    for q in qs:
        assert 0 <= q.open < n and s[q.open] in QUOTE_MARKS, q
        assert q.open <= q.start <= q.end <= n, q
        if q.close is not None:
            assert q.end <= q.close < n and s[q.close] in QUOTE_MARKS and q.close > q.open, q
        assert q.depth >= 0
    for i in (0, n // 3, n // 2, max(n - 1, 0)):
        quote_at(qs, i)
        inside_quote(qs, i)


def segment_target(s: str) -> None:
    from rawi.text.segment import split_paragraphs, split_sentences
    from rawi.text.tokens import tokenize

    n = len(s)
    last = 0
    for a, b in split_sentences(s):
        assert last <= a < b <= n, (a, b, n)
        assert s[a:b].strip(), (a, b)
        last = b
    last = 0
    for a, b in split_paragraphs(s):
        assert last <= a <= b <= n, (a, b)
        last = b
    last = 0
    for t in tokenize(s):
        assert last <= t.start < t.end <= n and t.start <= t.stem_start <= t.stem_end <= t.end, t
        last = t.end


# -- stages -------------------------------------------------------------------------------------

def _doc(s: str) -> Document | None:
    from datetime import datetime, timezone

    from rawi.readers import document_from_text

    try:
        return document_from_text(s, doc_id="fuzz", published=datetime(2024, 5, 5, 8, tzinfo=timezone.utc))
    except RawiError:
        return None


def stage_target(name: str) -> Callable[[str], None]:
    """A target running the default pipeline up to stage ``name`` by calling the stage
    functions directly (the Pipeline wraps a stage crash in StageError, which would hide it)."""
    from rawi.pipeline import DEFAULT_STAGES

    names = [st.name for st in DEFAULT_STAGES]
    upto = DEFAULT_STAGES[: names.index(name) + 1]
    funcs: list[Callable[[Document], Document]] = []

    def target(s: str) -> None:
        if not funcs:
            funcs.extend(st.load() for st in upto)
        doc = _doc(s)
        if doc is None:
            return
        for fn in funcs:
            doc = fn(doc)
        check_document(doc)

    return target


def pipeline_target(s: str) -> None:
    """``analyze_document`` end to end; a StageError (a wrapped stage crash) is a finding."""
    from rawi.pipeline import analyze_document

    doc = _doc(s)
    if doc is None:
        return
    check_document(analyze_document(doc))  # a StageError propagates: a finding


# -- registry -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Target:
    """A named target with its input generator (``gen(random.Random) -> input``)."""

    name: str
    run: Callable[[Any], None]
    gen: Callable[[random.Random], Any]
    weight: float = 1.0  # share of the examples in the long run (cheap targets get more)


def _text_gen(r: random.Random) -> str:
    return gen.gen_text(r, surrogates=r.random() < 0.1)


def _fmt_gen(fmt: str) -> Callable[[random.Random], bytes]:
    return lambda r: gen.gen_format(r, fmt)


# Weights: the share of the long run each target gets, roughly inverse to its cost per input.
WEIGHTS = {
    "read_text": 5, "read_html": 0.4, "read_trec": 5, "read_jsonl": 5, "read_csv": 4,
    "read_detect": 0.6, "read_bytes_random": 6, "batch_gzip": 1.5,
    "normalize": 20, "quotes": 20, "segment_tokens": 14,
    "stage_segment": 5, "stage_entities": 1, "stage_dates": 1.2, "stage_numbers": 1.2,
    "stage_attribution": 0.5, "pipeline": 0.5,
}


def all_targets() -> list[Target]:
    """Every target, each with its generator and long-run weight."""
    run_gen: list[tuple[str, Callable[[Any], None], Callable[[random.Random], Any]]] = [
        (f"read_{fmt}", read_target(fmt), _fmt_gen(fmt)) for fmt in ("text", "html", "trec", "jsonl", "csv")]
    run_gen += [
        ("read_detect", read_target(None),
         lambda r: gen.gen_format(r, r.choice(("text", "html", "trec", "jsonl", "csv")))),
        ("read_bytes_random", read_target(None), gen.gen_bytes),
        ("batch_gzip", gzip_target, gen.gen_gzip),
        ("normalize", normalize_target, _text_gen),
        ("quotes", quotes_target, _text_gen),
        ("segment_tokens", segment_target, _text_gen),
    ]
    run_gen += [(f"stage_{n}", stage_target(n), _text_gen)
                for n in ("segment", "entities", "dates", "numbers", "attribution")]
    run_gen.append(("pipeline", pipeline_target, _text_gen))
    return [Target(name, run, g, WEIGHTS[name]) for name, run, g in run_gen]
