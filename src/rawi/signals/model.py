"""The records of rawi's claim signals.

A :class:`Signal` is a reason a fact-checker might look at a claim (an anonymous source, a
checkable figure, an absolute certainty marker …) with the stretch of ``Document.text`` that
shows it. Signals describe the text; none of them is a verdict on the claim.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

#: Every signal kind, in the order they are reported.
KINDS = (
    "anonymous_source",     # the speaker is unnamed (مصدر عسكري، مصادر مطلعة)
    "unverifiable_source",  # no speaker, or unsourced "reports" / "news"
    "figure",               # a specific number in the claim (checkable)
    "date",                 # a specific date in the claim (checkable)
    "absolute_certainty",   # 100%, واقعة ثابتة، بالتأكيد
    "hedge",                # زعم، يُعتقد، مزعومة
    "loaded_language",      # emotive or labelling words
    "denial",               # the statement itself is a denial
    "denied",               # the claim is denied (in the same article or by another one)
    "contradicted",         # another article's claim cannot be true at the same time
    "corroborated",         # the same claim appears in other outlets
    "single_source",        # no other outlet carries the claim (only with cross-document links)
)


@dataclass(frozen=True, slots=True)
class Signal:
    """One signal: ``[start, end)`` are offsets into ``Document.text``; ``text`` is that slice."""

    kind: str
    start: int
    end: int
    text: str
    explanation: str
    attrs: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown signal kind {self.kind!r}")
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"bad signal span [{self.start}, {self.end})")

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"kind": self.kind, "span": [self.start, self.end], "text": self.text,
                             "explanation": self.explanation}
        if self.attrs:
            d["attrs"] = dict(self.attrs)
        return d


@dataclass(frozen=True, slots=True)
class ClaimSignals:
    """The signals of one attributed claim (attribution ``idx`` of document ``doc_id``)."""

    doc_id: str
    idx: int
    content: str
    content_start: int
    content_end: int
    speaker: str | None
    source_type: str | None
    stance: str
    signals: tuple[Signal, ...] = ()
    checkworthiness: float | None = None

    @property
    def kinds(self) -> list[str]:
        return list(dict.fromkeys(s.kind for s in self.signals))

    def has(self, kind: str) -> bool:
        return any(s.kind == kind for s in self.signals)

    def to_dict(self) -> dict[str, Any]:
        return {"doc_id": self.doc_id, "attribution": self.idx, "content": self.content,
                "content_start": self.content_start, "content_end": self.content_end,
                "speaker": self.speaker, "source_type": self.source_type, "stance": self.stance,
                "checkworthiness": None if self.checkworthiness is None
                else round(self.checkworthiness, 4),
                "signals": [s.to_dict() for s in self.signals]}
