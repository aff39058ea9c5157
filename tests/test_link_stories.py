from datetime import datetime, timedelta, timezone

from rawi.link.stories import StoryDoc, StoryIndex, StoryOptions, cluster_documents
from rawi.link.story_report import build_stories
from rawi.link.terms import stem, terms
from rawi.model import Document

T0 = datetime(2026, 3, 14, 8, 0, tzinfo=timezone.utc)


def _d(i, title, lead, hours=0.0):
    return StoryDoc(f"d{i}", T0 + timedelta(hours=hours), title, lead)


FLOOD = [
    _d(1, "فيضانات تجتاح وادي الريحان وإجلاء آلاف السكان", "اجتاحت السيول قرى وادي الريحان وأجلت فرق الدفاع المدني آلاف السكان"),
    _d(2, "إجلاء آلاف السكان بعد فيضانات وادي الريحان", "أجلت فرق الدفاع المدني آلاف السكان من قرى وادي الريحان بعد السيول", 2),
    _d(3, "ارتفاع حصيلة فيضانات وادي الريحان", "ارتفعت حصيلة ضحايا السيول في وادي الريحان وفق الدفاع المدني", 5),
]
RAIL = [
    _d(4, "اتفاق على صندوق لتمويل ممر الشمال للسكك الحديدية", "وقعت خمس دول اتفاقا لإنشاء صندوق يمول ممر الشمال للسكك الحديدية", 1),
    _d(5, "صندوق ممر الشمال للسكك الحديدية يعلن أول دفعة", "أعلن صندوق ممر الشمال للسكك الحديدية صرف الدفعة الأولى من التمويل", 3),
]


def test_link_terms_fold_clitics_and_spelling():
    assert stem("والضربات") == stem("الضربات") == stem("ضربات")
    assert terms("في الوقت الذي قالت فيه") == ["وقت"]


def test_link_stories_groups_same_development_and_separates_others():
    clusters = cluster_documents(FLOOD + RAIL)
    as_sets = sorted(sorted(c) for c in clusters)
    assert ["d1", "d2", "d3"] in as_sets
    assert ["d4", "d5"] in as_sets


def test_link_stories_time_window_keeps_old_story_apart():
    late = _d(9, FLOOD[0].title, FLOOD[0].lead, hours=24 * 10)
    clusters = cluster_documents([FLOOD[0], late], StoryOptions(window_hours=36))
    assert len(clusters) == 2


def test_link_stories_incremental_assignment_never_moves_articles():
    index = StoryIndex()
    first = [index.add(d) for d in FLOOD]
    assert len(set(first)) == 1
    index.add(RAIL[0])
    assert index.story_of[:3] == first  # earlier assignments stay
    assert index.add(_d(7, "حصيلة جديدة لضحايا فيضانات وادي الريحان", "أعلن الدفاع المدني حصيلة جديدة لضحايا السيول في وادي الريحان", 6)) == first[0]


def test_link_stories_copies_fold_into_their_original():
    docs = [Document(id=d.doc_id, text=d.title + "\n\n" + d.lead, title=d.title, published=d.published, outlet="x")
            for d in FLOOD]
    stories = build_stories(docs, folded={"copy-of-d1": "d1"})
    big = [s for s in stories if "d1" in s.doc_ids][0]
    assert "copy-of-d1" in big.doc_ids
    assert big.first <= big.last
