"""The windowed look-up of StoryIndex gives the same stories as a full scan of the archive."""

from datetime import datetime, timedelta, timezone

from conftest import SHARED, needs_shared

from rawi.link.stories import StoryDoc, StoryIndex, StoryOptions

T0 = datetime(2026, 1, 5, 6, 0, tzinfo=timezone.utc)

TOPICS = [
    ("فيضانات وادي الريحان تجبر السكان على الإجلاء", "أجلت فرق الدفاع المدني السكان من قرى وادي الريحان بعد السيول"),
    ("صندوق ممر الشمال للسكك الحديدية يصرف دفعة", "أعلن صندوق ممر الشمال للسكك الحديدية صرف دفعة من التمويل"),
    ("إضراب عمال ميناء الصفا يدخل يومه الثالث", "واصل عمال ميناء الصفا إضرابهم للمطالبة بزيادة الأجور"),
    ("حريق في غابات جبل الزيتون", "اندلع حريق في غابات جبل الزيتون وتدخلت فرق الإطفاء"),
]


class FullScan(StoryIndex):
    """The reference: every posting list read from its start."""

    def _horizon(self):
        return None


def _stream() -> list[StoryDoc]:
    """Forty days of the same four topics (two articles a topic a day), two undated articles,
    and one article that arrives three days late."""
    docs = []
    for day in range(40):
        for k, (title, lead) in enumerate(TOPICS):
            for j in range(2):
                when = T0 + timedelta(days=day, hours=3 * k + j)
                docs.append(StoryDoc(f"d{day}-{k}-{j}", when, f"{title} {day}", f"{lead} اليوم {day}"))
    docs.insert(30, StoryDoc("undated-a", None, TOPICS[0][0], TOPICS[0][1]))
    docs.insert(200, StoryDoc("undated-b", None, TOPICS[2][0], TOPICS[2][1]))
    docs.append(StoryDoc("late", T0 + timedelta(days=36), TOPICS[1][0], TOPICS[1][1]))
    return docs


def test_link_stories_window_matches_full_scan():
    opts = StoryOptions(window_hours=36)
    fast, full = StoryIndex(opts), FullScan(opts)
    for d in _stream():
        assert fast.add(d) == full.add(d), d.doc_id
    assert fast.story_of == full.story_of
    # the look-up did skip the old part of the lists
    assert fast._start and max(fast._start.values()) > 0


def test_link_stories_window_keeps_undated_articles_reachable():
    opts = StoryOptions(window_hours=36)
    index = StoryIndex(opts)
    undated = StoryDoc("u", None, TOPICS[3][0], TOPICS[3][1])
    sid = index.add(undated)
    for day in range(10):  # unrelated articles push the horizon forward
        index.add(StoryDoc(f"x{day}", T0 + timedelta(days=day), f"{TOPICS[2][0]} {day}", TOPICS[2][1]))
    again = StoryDoc("v", T0 + timedelta(days=10), TOPICS[3][0], TOPICS[3][1])
    assert index.add(again) == sid


@needs_shared
def test_link_stories_seeds_stay_two_stories():
    """seed-000 (Russian official: the US evacuated ISIS leaders from Deir ez-Zor, September 2017)
    and seed-004 (Moscow: Washington shields ISIS at Albu Kamal, November 2017) are different
    developments although they share actors and places."""
    from rawi.link.story_report import build_stories
    from rawi.readers import read_path

    seeds = SHARED / "data" / "seeds"
    docs = [d for name in ("seed-000.txt", "seed-004.txt") for d in read_path(str(seeds / name))]
    stories = build_stories(docs)
    assert sorted(len(s.doc_ids) for s in stories) == [1, 1]
