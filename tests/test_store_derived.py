"""Stories and claim links stored at ingest: equal to the batch computation on a fresh store;
stories incremental afterwards (nothing assigned moves); consistent after re-analysis and updates."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from test_ingest_pipeline import fake_analyze, fake_analyze_v2, opts, trec
from test_store_fixtures import backend, fresh_store, store  # noqa: F401

from rawi.cli.links import load_claims
from rawi.link.claims import find_links
from rawi.link.story_report import build_stories, folded_copies
from rawi.store import ClaimFilter, SearchQuery, link_store, story_store
from rawi.store.ingest import ingest

TOPICS = [
    ("الحكومة البرلمان الانتخابات المعارضة الرئيس".split(), "الانتخابات ستجري في موعدها المحدد دون تأجيل"),
    ("النفط الأسعار السوق الصادرات الاستثمار".split(), "أسعار النفط سترتفع خلال الشهر المقبل بنسبة كبيرة"),
    ("المياه الكهرباء المدينة المستشفى المدارس".split(), "الكهرباء ستعود إلى أحياء المدينة مساء الخميس"),
]
FILLER = "المجلس الوزراء الشرطة الجيش الحدود المفاوضات الاتفاق المساعدات الميناء المطار".split()
SPEAKER = "أحمد الخطيب"


def topic_article(topic: int, n: int, day: int, hour: int) -> tuple[str, str, str]:
    words, claim = TOPICS[topic]
    title = " ".join(words[(n + k) % len(words)] for k in range(4)) + f" {FILLER[n % len(FILLER)]}"
    lead = " ".join(words) + " " + " ".join(FILLER[(n + k) % len(FILLER)] for k in range(3))
    body = f"{lead}.\nوقال {SPEAKER} إن {claim}.\n{' '.join(FILLER[:4])}."
    when = f"{['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][(day - 1) % 7]}, {day:02d} Jan 2024 {hour:02d}:00:00 GMT"
    return title, body, when


def write_topics(root: Path, specs: list[tuple[int, int, int, int]], prefix: str) -> None:
    for k, (topic, n, day, hour) in enumerate(specs):
        title, body, when = topic_article(topic, n, day, hour)
        sub = root / ("BBC" if k % 2 else "CNN")
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"{prefix}-{k:03d}.txt").write_text(
            trec(f"{prefix}-{k:03d}", title, body, outlet=sub.name, time=when), encoding="utf-8")


FIRST = [(t, n, 1 + n // 2, 6 + 3 * n) for t in range(3) for n in range(4)]
LATER = [(0, 5, 3, 9), (1, 6, 3, 10), (2, 7, 9, 8)]


def computed(st):
    stories = [s.to_dict() for s in build_stories(st.iter_documents(), folded=folded_copies(st))]
    links = [ln.to_dict() for ln in find_links(load_claims(st))]
    return stories, links


def stored(st):
    return ([s.to_dict() for s in story_store.read_stories(st)],
            [ln.to_dict() for ln in link_store.read_links(st)])


def story_of_each(st) -> dict[str, str]:
    return {d: s.id for s in story_store.read_stories(st) for d in s.doc_ids}


def test_derived_fresh_ingest_equals_batch_computation(store, tmp_path):
    write_topics(tmp_path / "in", FIRST, "a")
    r = ingest([str(tmp_path / "in")], store, opts())
    assert r.counts.errors == 0
    got, want = stored(store), computed(store)
    assert got == want
    stories, links = got
    assert max(len(s["doc_ids"]) for s in stories) >= 3, "the topics make multi-article stories"
    assert {ln["relation"] for ln in links} >= {"same"}
    assert story_store.stories_state(store) == {"stored": True, "current": True, "pending": 0}
    assert link_store.links_state(store)["pending"] == 0
    again = ingest([str(tmp_path / "in")], store, opts())  # nothing new: nothing changes
    assert again.counts.files_skipped == len(FIRST) and stored(store) == got


def test_derived_incremental_ingest_keeps_assignments_and_joins_stories(store, tmp_path):
    write_topics(tmp_path / "a", FIRST, "a")
    ingest([str(tmp_path / "a")], store, opts())
    before = story_of_each(store)
    write_topics(tmp_path / "b", LATER, "b")
    ingest([str(tmp_path / "b")], store, opts())
    after = story_of_each(store)
    assert {d: after[d] for d in before} == before, "nothing already assigned moves"
    assert set(after) == set(store.doc_ids(include_duplicates=False))
    assert story_store.stories_state(store)["pending"] == 0
    # b-000 (topic 0, day 3) joins the story of the topic-0 articles of days 1-2
    assert after["b-000"] == before["a-003"]
    # b-002 (topic 2, day 9) is past every window: a story of its own
    assert list(after.values()).count(after["b-002"]) == 1
    # the new repetition of a topic-1 claim is linked to its earliest appearance
    links = link_store.read_links(store)
    assert any(ln.relation == "same" and ln.b.doc_id == "b-001" and ln.a.doc_id.startswith("a-")
               for ln in links)
    assert [ln.to_dict() for ln in links] == computed(store)[1], "links are those of the whole store"


def test_derived_reanalyse_keeps_stories_and_relinks(store, tmp_path):
    write_topics(tmp_path / "in", FIRST, "a")
    ingest([str(tmp_path / "in")], store, opts())
    stories, _ = stored(store)
    r = ingest([str(tmp_path / "in")], store, opts(analyze=fake_analyze_v2, reanalyse=True))
    assert r.counts.docs_reanalysed == len(FIRST)
    got = stored(store)
    assert got[0] == stories
    assert got == computed(store)


def test_derived_changed_document_is_assigned_again(store, tmp_path):
    write_topics(tmp_path / "in", FIRST, "a")
    ingest([str(tmp_path / "in")], store, opts())
    path = next((tmp_path / "in").rglob("a-001.txt"))
    title, body, when = topic_article(1, 9, 1, 6)  # now about oil
    path.write_text(trec("a-001", title, body, outlet=path.parent.name, time=when), encoding="utf-8")
    r = ingest([str(tmp_path / "in")], store, opts())
    assert r.counts.docs_updated == 1
    each = story_of_each(store)
    assert set(each) == set(store.doc_ids(include_duplicates=False))
    assert each["a-001"] == each["a-004"], "the updated article joins the oil story"
    links = link_store.read_links(store)
    ids = set(store.doc_ids())
    assert all(ln.a.doc_id in ids and ln.b.doc_id in ids for ln in links)
    assert any(ln.relation == "same" and "a-001" in (ln.a.doc_id, ln.b.doc_id) for ln in links)


def test_derived_new_story_code_assigns_everything_again(store, tmp_path, monkeypatch):
    write_topics(tmp_path / "in", FIRST, "a")
    ingest([str(tmp_path / "in")], store, opts())
    want = stored(store)
    monkeypatch.setattr(story_store, "stories_version", lambda options=None: "other")
    monkeypatch.setattr(link_store, "links_version", lambda options=None: "other")
    assert story_store.stories_state(store)["current"] is False
    assert story_store.update_stories(store) == len(FIRST)
    assert link_store.update_links(store) == len(want[1])
    assert stored(store) == want


def test_derived_cli_reads_stored_results(tmp_path):
    import json

    from rawi.cli import main
    from rawi.store import open_store

    write_topics(tmp_path / "in", FIRST, "a")
    db = str(tmp_path / "s.db")
    with open_store(db) as st:
        ingest([str(tmp_path / "in")], st, opts())
        want_stories, want_links = computed(st)
    runner = CliRunner()
    out = runner.invoke(main, ["stories", "--db", db, "--format", "jsonl"])
    assert out.exit_code == 0, out.output
    assert [json.loads(line) for line in out.stdout.splitlines()] == want_stories
    out = runner.invoke(main, ["links", "--db", db, "--format", "jsonl"])
    assert out.exit_code == 0, out.output
    assert [json.loads(line) for line in out.stdout.splitlines()] == want_links
    with open_store(db) as st:  # stories made by other story code: computed now, with a note
        st._exec("UPDATE meta SET value = 'old' WHERE key = 'stories_version'")
    out = runner.invoke(main, ["stories", "--db", db, "--format", "jsonl"])
    assert out.exit_code == 0 and "computing them now" in out.stderr
    assert [json.loads(line) for line in out.stdout.splitlines()] == want_stories


def test_derived_punctuation_speaker_filter_matches_nothing(store, tmp_path):
    write_topics(tmp_path / "in", FIRST[:3], "a")
    ingest([str(tmp_path / "in")], store, opts())
    assert store.claims(ClaimFilter(speaker="الخطيب"))
    for name in (".", " ... ", "،؟!", "_"):
        assert store.claims(ClaimFilter(speaker=name)) == [], name
        assert store.search(SearchQuery("الانتخابات", speaker=name)) == [], name
        assert store.search(SearchQuery("الانتخابات", entity=name)) == [], name
    assert store.search(SearchQuery("الانتخابات", speaker="الخطيب"))


def test_derived_fixture_articles_carry_one_claim():
    from rawi.model import Document

    title, body, _ = topic_article(0, 0, 1, 6)
    doc = fake_analyze(Document(id="x", text=f"{title}\n\n{body}", title=title))
    assert len(doc.attributions) == 1 and doc.attributions[0].stance == "assert"
