"""Shared fixtures for the store and ingest tests: both backends, hand-built analysed articles.

``store`` runs every test that uses it on SQLite and on PostgreSQL; PostgreSQL tests skip
unless ``RAWI_TEST_POSTGRES_URL`` names a server that answers (``scripts/start_postgres.sh``
starts a throwaway one and prints its URL).
"""

from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path

import pytest

from rawi.model import Attribution, DateMention, Document, Entity, NumberMention, RemovedLine, \
    Sentence, Span
from rawi.store import open_store

PG_URL = os.environ.get("RAWI_TEST_POSTGRES_URL")


def _pg_reason() -> str | None:
    if not PG_URL:
        return "RAWI_TEST_POSTGRES_URL is not set (start one with scripts/start_postgres.sh)"
    try:
        import psycopg
    except ImportError:
        return "psycopg is not installed"
    try:
        psycopg.connect(PG_URL, connect_timeout=3).close()
    except Exception as exc:  # noqa: BLE001
        return f"no PostgreSQL server answers at RAWI_TEST_POSTGRES_URL ({type(exc).__name__})"
    return None


PG_SKIP = _pg_reason()


def fresh_store(backend: str, tmp_path: Path):
    """An empty store of ``backend`` ("sqlite" file in tmp_path, or "postgres")."""
    if backend == "postgres":
        if PG_SKIP:
            pytest.skip(PG_SKIP)
        from rawi.store.postgres import PostgresStore

        PostgresStore(PG_URL).drop_everything()
        return open_store(PG_URL)
    return open_store(tmp_path / "rawi.db")


@pytest.fixture(params=["sqlite", "postgres"])
def backend(request) -> str:
    return request.param


@pytest.fixture
def store(backend, tmp_path):
    st = fresh_store(backend, tmp_path)
    yield st
    st.close()


def span_of(text: str, part: str, label: str = "", nth: int = 0) -> Span:
    """The span of the ``nth`` occurrence of ``part`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return Span(start, start + len(part), label)


def make_doc(doc_id: str, title: str, body: str, *, outlet: str = "BBC",
             published: str = "2018-04-14T10:00:00+00:00", quotes: list[dict] | None = None,
             entities: list[tuple[str, str]] | None = None, source_path: str | None = None) -> Document:
    """An analysed article: sentences split at full stops, the given attributions
    (dicts of span texts) and entities ((text, label) pairs), one date and one number."""
    text = f"{title}\n\n{body}"
    sents, pos = [], 0
    for part in text.split("."):
        if part.strip():
            sents.append(Sentence(pos, pos + len(part)))
        pos += len(part) + 1
    attrs = []
    for q in quotes or []:
        attrs.append(Attribution(
            cue=span_of(text, q["cue"], "cue"), content=span_of(text, q["content"], "content"),
            type=q.get("type", "indirect"), stance=q.get("stance", "assert"),
            source=span_of(text, q["source"], "source") if q.get("source") else None,
            source_role=span_of(text, q["role"], "source_role") if q.get("role") else None,
            source_resolved=q.get("resolved", q.get("source")), source_type=q.get("source_type"),
            via=span_of(text, q["via"], "via") if q.get("via") else None,
            channel=span_of(text, q["channel"], "channel") if q.get("channel") else None,
            target=span_of(text, q["target"], "target") if q.get("target") else None,
            nested_in=q.get("nested_in"), anonymous=q.get("anonymous", False)))
    ents = tuple(Entity(s.start, s.end, label, name,
                        canonical_id=("Q1" if name == "واشنطن" else None),
                        canonical_name=("واشنطن العاصمة" if name == "واشنطن" else None),
                        lat=(38.9 if name == "واشنطن" else None), lon=(-77.0 if name == "واشنطن" else None),
                        country=("US" if name == "واشنطن" else None))
                 for name, label in entities or [] for s in [span_of(text, name)])
    dates = ()
    if "الأحد" in text:
        s = span_of(text, "الأحد")
        dates = (DateMention(s.start, s.end, "الأحد", "2018-04-15", "relative", "day"),)
    numbers = ()
    if "ثلاثة صواريخ" in text:
        s = span_of(text, "ثلاثة صواريخ")
        numbers = (NumberMention(s.start, s.end, "ثلاثة صواريخ", 3, None, "صاروخ", False),)
    return Document(
        id=doc_id, text=text, title=title, outlet=outlet, url=f"https://example.org/{doc_id}",
        published=datetime.fromisoformat(published), source_path=source_path or f"{doc_id}.txt",
        category="middleEast", input_format="trec", encoding="utf-8",
        boilerplate=(RemovedLine("اقرأ أيضا: خبر آخر", "related-link", 3),),
        sentences=tuple(sents), entities=ents, dates=dates, numbers=numbers,
        attributions=tuple(attrs), meta={"author": "مراسل"})


TITLE_A = "الخارجية الأمريكية تنفي إرسال قوات إلى الحدود"
BODY_A = ("نفى المتحدث باسم وزارة الخارجية الأمريكيّة جون سميث يوم الأحد التقارير عن إرسال قوات. "
          "وقال سميث في بيان إن \"هذه الأنباء عارية عن الصحة\". "
          "ونقلت وكالة الأنباء عن مصدر عسكري قوله إن ثلاثة صواريخ أطلقت على واشنطن.")
QUOTES_A = [
    {"cue": "نفى", "source": "جون سميث", "role": "المتحدث باسم وزارة الخارجية الأمريكيّة",
     "resolved": "جون سميث", "source_type": "official", "content": "التقارير عن إرسال قوات",
     "stance": "deny", "target": "التقارير"},
    {"cue": "وقال", "source": "سميث", "resolved": "جون سميث", "source_type": "official",
     "content": "هذه الأنباء عارية عن الصحة", "type": "direct", "stance": "deny",
     "channel": "في بيان"},
    {"cue": "قوله", "source": "مصدر عسكري", "resolved": None, "source_type": "anonymous",
     "content": "ثلاثة صواريخ أطلقت على واشنطن", "via": "وكالة الأنباء", "anonymous": True,
     "nested_in": None},
]
ENTS_A = [("جون سميث", "PER"), ("واشنطن", "LOC"), ("وزارة الخارجية", "ORG")]

TITLE_B = "الرئيس الإيراني يتهم واشنطن بالتصعيد في المنطقة"
BODY_B = ("اتهم الرئيس الإيراني حسن روحاني الولايات المتحدة الأمريكية بالتصعيد. "
          "وأضاف روحاني أن بلاده لن تقف مكتوفة الأيدي أمام أي هجوم على أراضيها.")
QUOTES_B = [
    {"cue": "اتهم", "source": "حسن روحاني", "role": "الرئيس الإيراني", "source_type": "official",
     "content": "الولايات المتحدة الأمريكية بالتصعيد", "stance": "accuse",
     "target": "الولايات المتحدة الأمريكية"},
    {"cue": "وأضاف", "source": "روحاني", "resolved": "حسن روحاني", "source_type": "official",
     "content": "بلاده لن تقف مكتوفة الأيدي أمام أي هجوم على أراضيها", "stance": "warn"},
]

TITLE_C = "منتخب مصر يفوز على تونس في مباراة ودية"
BODY_C = "فاز منتخب مصر لكرة القدم على نظيره التونسي بهدفين مقابل هدف في مباراة ودية أقيمت في القاهرة."


def sample_docs() -> list[Document]:
    """Three articles: a denial (BBC), an accusation (CNN, a month later), sport (SkyNews)."""
    return [
        make_doc("AR-1", TITLE_A, BODY_A, quotes=QUOTES_A, entities=ENTS_A),
        make_doc("AR-2", TITLE_B, BODY_B, outlet="CNN", published="2018-05-20T08:30:00+03:00",
                 quotes=QUOTES_B, entities=[("حسن روحاني", "PER"), ("واشنطن", "LOC")]),
        make_doc("AR-3", TITLE_C, BODY_C, outlet="SkyNews", published="2018-06-01T19:00:00+00:00",
                 entities=[("مصر", "LOC"), ("تونس", "LOC")]),
    ]


def test_store_fixtures_spans_cover_their_text():
    for doc in sample_docs():
        for a in doc.attributions:
            assert doc.span_text(a.cue) and doc.span_text(a.content)
        for e in doc.entities:
            assert doc.span_text(e) == e.text
