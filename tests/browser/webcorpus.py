"""A small hand-written corpus for the web tests (fictional events, written for these tests),
ingested once per test process with the real pipeline, plus an article full of injected markup."""

from __future__ import annotations

import atexit
import functools
import json
import shutil
import tempfile
from pathlib import Path

XSS_TITLE = 'بيان <script>window.__xss=1;document.title="XSS"</script> " onmouseover="window.__xss=2" x="'
XSS_URL = 'https://evil.example/a" onmouseover="window.__xss=3" x="<script>window.__xss=4</script>'
XSS_BODY = ('وقال المتحدث <script>window.__xss=5;document.title="XSS"</script> إن " onmouseover="window.__xss=6" '
            'الوضع مستقر <img src=x onerror="window.__xss=7">.\n'
            'وأضاف أن الحكومة "لن تتراجع عن قرارها <b onmouseover="window.__xss=8">أبدا</b>".')

ARTICLES = [
    {"id": "nour-2026-04-02-dam", "outlet": "وكالة النور للأنباء", "url": "https://alnour.example/2026/04/02/dam",
     "published": "2026-04-02T08:00:00+00:00",
     "title": "مصدر مسؤول: تصدعات في سد وادي الزيتون",
     "text": "أفاد مصدر مسؤول في وزارة المياه، الخميس، بأن تصدعات خطيرة ظهرت في جسم سد وادي الزيتون "
             "وأن منسوب المياه خلفه ارتفع إلى مستوى قياسي.\n"
             "وقال المصدر، الذي طلب عدم الكشف عن اسمه، إن الوزارة تدرس إخلاء ثلاث قرى قريبة من السد.\n"
             "وقالت وزيرة المياه سلمى البدري في تصريح مقتضب إن فرق الصيانة تعمل على مدار الساعة."},
    {"id": "fajr-2026-04-02-dam", "outlet": "صحيفة الفجر", "url": "https://alfajr.example/news/dam-cracks",
     "published": "2026-04-02T13:30:00+00:00",
     "title": "تحذيرات من انهيار سد وادي الزيتون",
     "text": "نقلت وكالة النور للأنباء عن مصدر مسؤول في وزارة المياه قوله إن تصدعات خطيرة ظهرت في جسم سد "
             "وادي الزيتون وإن منسوب المياه خلفه ارتفع إلى مستوى قياسي.\n"
             "وطالب النائب فارس الحكيم الحكومة بإخلاء القرى المجاورة فورا، وقال إن \"حياة الناس ليست مجالا للمجازفة\".\n"
             "للمزيد من الأخبار تابعونا على تويتر"},
    {"id": "sada-2026-04-03-dam-denial", "outlet": "إذاعة الصدى", "url": "https://alsada.example/dam-denial",
     "published": "2026-04-03T09:15:00+00:00",
     "title": "وزارة المياه تنفي وجود تصدعات في سد وادي الزيتون",
     "text": "نفى المتحدث باسم وزارة المياه خالد الرفاعي، الجمعة، وجود أي تصدعات في جسم سد وادي الزيتون، "
             "وقال إن \"الأنباء عن تصدعات خطيرة في السد عارية عن الصحة\".\n"
             "وأضاف الرفاعي أن منسوب المياه خلف السد طبيعي ولا يستدعي إخلاء أي قرية."},
    {"id": "fajr-2026-04-05-books", "outlet": "صحيفة الفجر", "url": "https://alfajr.example/culture/books",
     "published": "2026-04-05T10:00:00+00:00",
     "title": "افتتاح معرض الكتاب في مدينة الواحة",
     "text": "افتتح معرض الكتاب السنوي أبوابه في مدينة الواحة بمشاركة مئة وعشرين دار نشر.\n"
             "وقالت مديرة المعرض هدى السالم إن عدد الزوار المتوقع يتجاوز خمسين ألف زائر."},
    {"id": "xss-2026-04-04", "outlet": 'منبر <i onmouseover="window.__xss=9">تجريبي</i>', "url": XSS_URL,
     "published": "2026-04-04T07:00:00+00:00", "title": XSS_TITLE, "text": XSS_TITLE + "\n\n" + XSS_BODY},
]
XSS_ID = "xss-2026-04-04"
# A plain-text article with page furniture that the boilerplate filter removes.
TEXT_ARTICLE = ("انطلاق موسم قطف الزيتون في السهول الشمالية\n\n"
                "انطلق موسم قطف الزيتون في السهول الشمالية وسط توقعات بمحصول وفير.\n"
                "وقال رئيس جمعية المزارعين يوسف النجار إن الإنتاج قد يبلغ أربعين ألف طن هذا العام.\n"
                "شارك هذا الخبر\n"
                "اقرأ أيضا: دليل مبسط لتخزين زيت الزيتون\n")


def write_corpus(directory: Path) -> Path:
    path = directory / "web-corpus.jsonl"
    path.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in ARTICLES) + "\n", encoding="utf-8")
    (directory / "olive-harvest.txt").write_text(TEXT_ARTICLE, encoding="utf-8")
    return directory


@functools.lru_cache(maxsize=1)
def built_store() -> str:
    """The path of a SQLite store holding :data:`ARTICLES` (built once per process)."""
    from rawi.store import open_store
    from rawi.store.ingest import IngestOptions, ingest

    tmp = Path(tempfile.mkdtemp(prefix="rawi-web-test-"))
    atexit.register(shutil.rmtree, tmp, True)
    db = tmp / "web.db"
    (tmp / "corpus").mkdir()
    with open_store(db) as store:
        report = ingest([str(write_corpus(tmp / 'corpus'))], store, IngestOptions(jobs=1, progress=False))
    assert report.counts.docs_stored == len(ARTICLES) + 1, report.to_dict()
    return str(db)
