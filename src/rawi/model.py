"""rawi's document model.

One immutable :class:`Document` owns the original text; everything found in it is a
record whose spans are half-open character offsets into ``Document.text``. Stages never
mutate a document: they return a new one with :meth:`Document.evolve`.

Every record has ``to_dict`` / ``from_dict`` so that analysed documents round-trip through
JSON (the published schema is ``rawi/schema/document-v1.json``).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields, replace
from datetime import datetime
from typing import Any, Mapping, NamedTuple

SCHEMA_VERSION = "1.0"

STANCES = ("assert", "deny", "accuse", "warn", "demand", "opinion", "question")
ATTRIBUTION_TYPES = ("direct", "indirect", "mixed", "according_to")
SOURCE_TYPES = ("person", "official", "organization", "anonymous", "media", "document", "group")
ENTITY_LABELS = ("PER", "ORG", "LOC", "MISC")


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open ``[start, end)`` stretch of ``Document.text`` with a label."""

    start: int
    end: int
    label: str = ""
    attrs: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"bad span offsets [{self.start}, {self.end})")

    def text_in(self, text: str) -> str:
        return text[self.start:self.end]

    def __len__(self) -> int:
        return self.end - self.start

    def to_dict(self) -> dict:
        d: dict[str, Any] = {"start": self.start, "end": self.end}
        if self.label:
            d["label"] = self.label
        if self.attrs:
            d["attrs"] = dict(self.attrs)
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Span":
        return cls(int(d["start"]), int(d["end"]), d.get("label", ""), dict(d.get("attrs", {})))


def _span_field(doc_text: str, span: Span | None, name: str, out: dict) -> None:
    """Write ``name`` (the text) and ``name_start``/``name_end`` for a span, or nothing."""
    if span is None:
        return
    out[name] = doc_text[span.start:span.end]
    out[f"{name}_start"] = span.start
    out[f"{name}_end"] = span.end


def _span_from(d: Mapping[str, Any], name: str) -> Span | None:
    if f"{name}_start" not in d or d.get(f"{name}_start") is None:
        return None
    return Span(int(d[f"{name}_start"]), int(d[f"{name}_end"]))


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Sentence":
        return cls(int(d["start"]), int(d["end"]))


class Token(NamedTuple):
    """A word with its clitic analysis (a named tuple: immutable and cheap to create).

    ``start``/``end`` cover the whole surface word. ``stem_start``/``stem_end`` cover the part
    left after proclitics (و ف ب ل ك ال س) and enclitic pronouns are split off; ``norm`` is the
    normalised stem used for lexicon look-ups.
    """

    start: int
    end: int
    norm: str
    stem_start: int
    stem_end: int
    prefixes: tuple[str, ...] = ()
    suffix: str = ""

    def to_dict(self) -> dict:
        d = self._asdict()
        d["prefixes"] = list(self.prefixes)
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Token":
        return cls(int(d["start"]), int(d["end"]), d["norm"], int(d["stem_start"]),
                   int(d["stem_end"]), tuple(d.get("prefixes", ())), d.get("suffix", ""))


@dataclass(frozen=True, slots=True)
class Entity:
    start: int
    end: int
    label: str  # PER ORG LOC MISC
    text: str
    canonical_id: str | None = None
    canonical_name: str | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None

    def to_dict(self) -> dict:
        return {k: v for k, v in asdict(self).items() if v is not None}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Entity":
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in names})


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    text: str
    value: str | None  # ISO day / month / year, or START/END; None when unresolvable
    kind: str  # absolute | relative
    granularity: str | None = None  # day | month | year | range

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "DateMention":
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in names})


@dataclass(frozen=True, slots=True)
class NumberMention:
    start: int
    end: int
    text: str
    value: float | int | None
    value_max: float | int | None = None
    unit: str | None = None
    approx: bool = False

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "NumberMention":
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in names})


_ATTR_SPANS = ("cue", "source", "source_role", "via", "channel", "content", "target")


@dataclass(frozen=True, slots=True)
class Attribution:
    """One attributed statement, in the schema of the gold guidelines.

    Span fields are offsets into the document text; ``source_resolved`` is a string (the
    fullest name of the speaker anywhere in the article) because it may come from elsewhere.
    """

    cue: Span
    content: Span
    type: str = "indirect"
    stance: str = "assert"
    source: Span | None = None
    source_role: Span | None = None
    source_resolved: str | None = None
    source_type: str | None = None
    via: Span | None = None
    channel: Span | None = None
    target: Span | None = None
    nested_in: int | None = None
    anonymous: bool = False

    def __post_init__(self) -> None:
        if not isinstance(self.cue, Span) or not isinstance(self.content, Span):
            raise ValueError("an attribution needs a cue span and a content span")

    def to_dict(self, text: str) -> dict:
        out: dict[str, Any] = {}
        for name in _ATTR_SPANS:
            _span_field(text, getattr(self, name), name, out)
        if self.source is None:
            out["source"] = None
        out["source_resolved"] = self.source_resolved
        out["source_type"] = self.source_type
        out["type"] = self.type
        out["stance"] = self.stance
        if self.nested_in is not None:
            out["nested_in"] = self.nested_in
        out["anonymous"] = self.anonymous
        return out

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Attribution":
        spans = {name: _span_from(d, name) for name in _ATTR_SPANS}
        return cls(
            cue=spans["cue"], content=spans["content"], type=d.get("type", "indirect"),
            stance=d.get("stance", "assert"), source=spans["source"],
            source_role=spans["source_role"], source_resolved=d.get("source_resolved"),
            source_type=d.get("source_type"), via=spans["via"], channel=spans["channel"],
            target=spans["target"], nested_in=d.get("nested_in"),
            anonymous=bool(d.get("anonymous", False)),
        )


@dataclass(frozen=True, slots=True)
class RemovedLine:
    """A line the boilerplate filter took out of the body, with why."""

    text: str
    reason: str
    line_no: int  # 0-based line number in the extracted (pre-filter) body

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "RemovedLine":
        return cls(d["text"], d["reason"], int(d["line_no"]))


def _iso(dt: datetime | None) -> str | None:
    return dt.isoformat() if dt is not None else None


@dataclass(frozen=True, slots=True)
class Document:
    """An article. ``text`` is title + blank line + body and is never modified."""

    id: str
    text: str
    title: str = ""
    url: str | None = None
    outlet: str | None = None
    published: datetime | None = None
    language: str = "ar"
    source_path: str | None = None
    category: str | None = None
    abstract: str | None = None
    input_format: str | None = None
    encoding: str | None = None
    boilerplate: tuple[RemovedLine, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    tokens: tuple[Token, ...] = ()
    entities: tuple[Entity, ...] = ()
    dates: tuple[DateMention, ...] = ()
    numbers: tuple[NumberMention, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    meta: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        if self.published is not None and self.published.tzinfo is None:
            raise ValueError(f"document {self.id!r}: published datetime must be timezone-aware")

    @property
    def title_span(self) -> Span:
        return Span(0, len(self.title), "title") if self.title and self.text.startswith(self.title) else Span(0, 0, "title")

    def evolve(self, **changes: Any) -> "Document":
        """A new document with some fields replaced (the text may not change)."""
        if "text" in changes and changes["text"] != self.text:
            raise ValueError("Document.text never changes; make a new Document instead")
        return replace(self, **changes)

    def span_text(self, span: Span | Sentence | Token | Entity) -> str:
        return self.text[span.start:span.end]

    def to_dict(self, *, with_tokens: bool = False) -> dict:
        d: dict[str, Any] = {
            "schema_version": SCHEMA_VERSION,
            "doc_id": self.id,
            "title": self.title,
            "url": self.url,
            "outlet": self.outlet,
            "published": _iso(self.published),
            "language": self.language,
            "source_path": self.source_path,
            "category": self.category,
            "input_format": self.input_format,
            "encoding": self.encoding,
            "text": self.text,
            "boilerplate_removed": [r.to_dict() for r in self.boilerplate],
            "sentences": [s.to_dict() for s in self.sentences],
            "entities": [e.to_dict() for e in self.entities],
            "dates": [m.to_dict() for m in self.dates],
            "numbers": [m.to_dict() for m in self.numbers],
            "attributions": [a.to_dict(self.text) for a in self.attributions],
        }
        if self.abstract:
            d["abstract"] = self.abstract
        if with_tokens:
            d["tokens"] = [t.to_dict() for t in self.tokens]
        if self.meta:
            d["meta"] = dict(self.meta)
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Document":
        pub = d.get("published")
        return cls(
            id=d["doc_id"], text=d["text"], title=d.get("title", ""), url=d.get("url"),
            outlet=d.get("outlet"), published=datetime.fromisoformat(pub) if pub else None,
            language=d.get("language", "ar"), source_path=d.get("source_path"),
            category=d.get("category"), abstract=d.get("abstract"),
            input_format=d.get("input_format"), encoding=d.get("encoding"),
            boilerplate=tuple(RemovedLine.from_dict(x) for x in d.get("boilerplate_removed", ())),
            sentences=tuple(Sentence.from_dict(x) for x in d.get("sentences", ())),
            tokens=tuple(Token.from_dict(x) for x in d.get("tokens", ())),
            entities=tuple(Entity.from_dict(x) for x in d.get("entities", ())),
            dates=tuple(DateMention.from_dict(x) for x in d.get("dates", ())),
            numbers=tuple(NumberMention.from_dict(x) for x in d.get("numbers", ())),
            attributions=tuple(Attribution.from_dict(x) for x in d.get("attributions", ())),
            meta=dict(d.get("meta", {})),
        )
