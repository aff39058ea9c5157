"""Search latency: 200 realistic queries over a store, median and p95.

    .venv/bin/python benchmarks/bench_search.py --db FILE [--limit 20]

Queries are names, places, organisations and phrases an Arabic news reader would type, each
in its plain spelling and in variants with diacritics, shadda, tatweel, bare alef for hamza
and ه for taa marbuta, some with outlet or date filters. Each timing covers the whole
``Store.search`` call: the index query, the filters and the highlighted snippets.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from rawi.store import SearchQuery, open_store  # noqa: E402

BASE = [
    "ترامب", "دونالد ترامب", "بوتين", "أردوغان", "ماكرون", "ميركل", "نتنياهو", "روحاني",
    "بشار الأسد", "محمد بن سلمان", "كيم جونغ أون", "تيريزا ماي", "محمود عباس", "السيسي",
    "سوريا", "دمشق", "الغوطة الشرقية", "إدلب", "اليمن", "الحديدة", "القدس", "غزة", "طهران",
    "موسكو", "واشنطن", "الرياض", "القاهرة", "بغداد", "الموصل", "ليبيا", "إسطنبول", "لندن",
    "الأمم المتحدة", "مجلس الأمن", "حلف الناتو", "الاتحاد الأوروبي", "صندوق النقد الدولي",
    "منظمة الصحة العالمية", "الجامعة العربية", "التحالف العربي",
    '"وزارة الخارجية"', '"الأسلحة الكيميائية"', '"كأس العالم"', '"أسعار النفط"',
    '"وقف إطلاق النار"', '"حقوق الإنسان"', '"الذكاء الاصطناعي"', '"الولايات المتحدة"',
    "الرئيس الأمريكي", "وزير الخارجية الروسي",
]

_MARKS = {"ا": "َ", "ل": "ْ", "ر": "ّ", "م": "ُ", "ي": "ِ", "ن": "ّ"}


def diacritised(q: str) -> str:
    """Add harakat / shadda after some letters (as a reader copying vocalised text would)."""
    return "".join(ch + _MARKS.get(ch, "") for ch in q)


def bare(q: str) -> str:
    """Hamza-less, taa-marbuta-as-haa spelling (as typed on a phone)."""
    return q.translate(str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ة": "ه", "ى": "ي"}))


def tatweel(q: str) -> str:
    words = q.split(" ")
    w = words[0]
    if len(w) > 3 and not w.startswith('"'):
        words[0] = w[:2] + "ـ" + w[2:]
    return " ".join(words)


def queries() -> list[SearchQuery]:
    out: list[SearchQuery] = []
    for i, q in enumerate(BASE):
        out.append(SearchQuery(q))
        out.append(SearchQuery(diacritised(q)))
        out.append(SearchQuery(bare(q), outlet=("BBC", "CNN", "SkyNews", "France24", "Alarabia")[i % 5]))
        out.append(SearchQuery(tatweel(bare(q)) if i % 2 else q,
                               since=date(2018, 3, 1), until=date(2018, 6, 30)))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True, help="The store to query (SQLite file or URL).")
    ap.add_argument("--limit", type=int, default=20, help="Hits per query (with snippets).")
    ap.add_argument("--json", default=None, help="Also write the figures to this JSON file.")
    args = ap.parse_args()
    qs = [SearchQuery(q.text, outlet=q.outlet, since=q.since, until=q.until, limit=args.limit)
          for q in queries()]
    assert len(qs) == 200
    with open_store(args.db, readonly=True) as st:
        n_docs = st.stats()["documents"]
        st.search(SearchQuery("سوريا"))  # open the file, load the index pages once
        times, cpu, hits = [], [], []
        for q in qs:
            t0, c0 = time.perf_counter(), time.process_time()
            got = st.search(q)
            cpu.append((time.process_time() - c0) * 1000)
            times.append((time.perf_counter() - t0) * 1000)
            hits.append(len(got))
    times_sorted = sorted(times)
    p95 = times_sorted[int(0.95 * len(times_sorted)) - 1]
    cpu_sorted = sorted(cpu)
    load = os.getloadavg()
    figures = {"queries": len(qs), "documents": n_docs, "median_ms": statistics.median(times),
               "p95_ms": p95, "max_ms": times_sorted[-1], "mean_ms": statistics.mean(times),
               "cpu_median_ms": statistics.median(cpu),
               "cpu_p95_ms": cpu_sorted[int(0.95 * len(cpu_sorted)) - 1],
               "queries_with_hits": sum(1 for h in hits if h), "limit": args.limit,
               "load_average": load, "cores": os.cpu_count()}
    print(f"{len(qs)} queries over {n_docs} documents (limit {args.limit}, with snippets): "
          f"median {figures['median_ms']:.1f} ms, p95 {p95:.1f} ms, max {figures['max_ms']:.1f} ms; "
          f"{figures['queries_with_hits']} queries with hits")
    print(f"CPU time of this process per query (less sensitive to other load): median "
          f"{figures['cpu_median_ms']:.1f} ms, p95 {figures['cpu_p95_ms']:.1f} ms; load average "
          f"{load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} cores")
    slow = sorted(zip(times, (q.text for q in qs)), reverse=True)[:5]
    print("slowest: " + "; ".join(f"{t:.0f} ms {q}" for t, q in slow))
    with open_store(args.db, readonly=True) as st:
        agree = sum(1 for q in BASE if {h.doc_id for h in st.search(SearchQuery(q, limit=50))}
                    == {h.doc_id for h in st.search(SearchQuery(diacritised(q), limit=50))}
                    == {h.doc_id for h in st.search(SearchQuery(bare(q), limit=50))})
    figures["variants_agree"] = agree
    print(f"plain, diacritised and hamza-less spellings find the same top-50 documents for "
          f"{agree} of {len(BASE)} queries")
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
