"""Arabic-aware full-text search with filters and highlighted snippets, on both backends."""

from __future__ import annotations

from datetime import date

import pytest
from test_store_fixtures import backend, make_doc, sample_docs, store  # noqa: F401

from rawi.store import SearchQuery, StoredDoc
from rawi.store.dedup import content_hash
from rawi.store.search import clitic_forms, fts5_expression, make_snippet, parse_query
from rawi.store.textnorm import search_normalize


@pytest.fixture
def filled(store):
    with store.transaction():
        for d in sample_docs():
            store.put_document(StoredDoc(d, content_hash(d.text), "v"), None)
    return store


def ids(st, text, **kw):
    return [h.doc_id for h in st.search(SearchQuery(text, **kw))]


@pytest.mark.parametrize("query", ["الأمريكية", "الامريكية", "الأمريكيّة", "الأمـريكيَّة", "الامريكيه"])
def test_store_search_hamza_harakat_taa_marbuta_fold(filled, query):
    assert sorted(ids(filled, query)) == ["AR-1", "AR-2"]


@pytest.mark.parametrize("query,expected", [
    ("إيران", []),                       # no such word: a stem is not a substring match
    ("الإيراني", ["AR-2"]),
    ("روحانى", ["AR-2"]),                # alef maqsura folds to yaa
    ("واشنطن", ["AR-1", "AR-2"]),        # also found as على واشنطن / يتهم واشنطن
    ("الصحة", ["AR-1"]),
    ("تونس", ["AR-3"]),
    ("التونسي", ["AR-3"]),
    ("سميث", ["AR-1"]),                  # also matches وقال سميث
    ("\"مكتوفة الأيدي\"", ["AR-2"]),     # phrase
    ("«عارية عن الصحة»", ["AR-1"]),      # guillemets are phrase quotes too
    ("\"الأيدي مكتوفة\"", []),           # phrase order matters
    ("مصر تونس", ["AR-3"]),              # all words required
    ("مصر روحاني", []),
])
def test_store_search_words_and_phrases(filled, query, expected):
    assert sorted(ids(filled, query)) == expected


def test_store_search_clitics_match_first_word(filled):
    # "بيان" occurs as "في بيان"; "الوزارة" absent; "القدم" occurs as "لكرة القدم"
    assert ids(filled, "بيان") == ["AR-1"]
    assert ids(filled, "كرة") == ["AR-3"]      # لكرة = ل + كرة
    assert ids(filled, "الحدود") == ["AR-1"]
    assert "وللحدود" in clitic_forms("الحدود") and "لكرة" in clitic_forms("كرة")


def test_store_search_highlights_point_into_original_text(filled):
    (hit,) = filled.search(SearchQuery("الامريكيه", outlet="BBC"))
    doc = filled.get_document(hit.doc_id)
    assert hit.highlights
    for s, e in hit.highlights:
        assert search_normalize(doc.text[s:e]).endswith("الامريكيه")
    assert doc.text[hit.snippet_start:hit.snippet_start + len(hit.snippet)] == hit.snippet
    assert any(doc.text[s:e] == "الأمريكيّة" for s, e in hit.highlights)  # shadda kept


def test_store_search_filters(filled):
    assert ids(filled, "واشنطن", outlet="cnn") == ["AR-2"]
    assert ids(filled, "واشنطن", since=date(2018, 5, 1)) == ["AR-2"]
    assert ids(filled, "واشنطن", until=date(2018, 4, 14)) == ["AR-1"]
    assert ids(filled, "واشنطن", since=date(2018, 4, 15), until=date(2018, 5, 19)) == []
    # 2018-05-20T08:30+03:00 is 05:30 UTC on the 20th
    assert ids(filled, "واشنطن", since=date(2018, 5, 20), until=date(2018, 5, 20)) == ["AR-2"]
    assert ids(filled, "واشنطن", speaker="سميث") == ["AR-1"]
    assert ids(filled, "واشنطن", stance="accuse") == ["AR-2"]
    assert ids(filled, "واشنطن", source_type="anonymous") == ["AR-1"]
    assert ids(filled, "واشنطن", speaker="سميث", stance="accuse") == []  # same attribution
    assert ids(filled, "واشنطن", entity="روحاني") == ["AR-2"]
    assert sorted(ids(filled, "واشنطن", entity="Q1")) == ["AR-1", "AR-2"]  # canonical id


@pytest.mark.parametrize("nasty", [
    '"', '""', "*", "AND", "OR NOT", "NEAR(a b)", "col:واشنطن", "واشنطن'; DROP TABLE documents; --",
    "(((", "^واشنطن", "واشنطن -مصر", "'", "\\", "%", "_", "body:x OR 1", "…؟!"
])
def test_store_search_user_text_never_breaks_the_query(filled, nasty):
    hits = filled.search(SearchQuery(nasty))
    assert isinstance(hits, list)
    assert filled.stats()["documents"] == 3
    filled.search(SearchQuery("واشنطن", outlet=nasty, speaker=nasty, entity=nasty))


def test_store_search_empty_query_finds_nothing(filled):
    assert filled.search(SearchQuery("   ")) == []
    assert parse_query("!!! ...") == ()


def test_store_search_limit_offset_and_ranking(filled):
    with filled.transaction():
        for i in range(5):
            d = make_doc(f"X-{i}", f"خبر رقم {i}", "واشنطن " * (i + 1) + "نص قصير عن موضوع آخر.")
            filled.put_document(StoredDoc(d, content_hash(d.text), "v"), None)
    first = filled.search(SearchQuery("واشنطن", limit=3))
    rest = filled.search(SearchQuery("واشنطن", limit=10, offset=3))
    assert len(first) == 3 and len(rest) == 4
    assert not {h.doc_id for h in first} & {h.doc_id for h in rest}
    scores = [h.score for h in first + rest]
    assert scores == sorted(scores, reverse=True)


def test_store_search_fts5_expression_quotes_every_word():
    expr = fts5_expression(parse_query('واشنطن "وزارة الخارجية" OR'))
    assert expr.count('"') % 2 == 0
    assert '"or"' in expr.lower() and " AND " in expr


def test_store_search_snippet_window_and_highlights():
    text = "عنوان الخبر\n\n" + "كلمة " * 60 + "قال الرئيسُ الأمريكيّ كلاما. " + "نص " * 60
    snip, start, hl = make_snippet(text, parse_query("الامريكي"))
    assert text[start:start + len(snip)] == snip and len(snip) <= 200
    (s, e), = hl
    assert text[s:e] == "الأمريكيّ"
