"""Short Arabic news-style documents with hand-made analyses, for the signals tests."""

from __future__ import annotations

from datetime import datetime, timezone

from rawi.model import Attribution, DateMention, Document, NumberMention, Span


def _find(text: str, s: str, after: int = 0) -> Span:
    i = text.index(s, after)
    return Span(i, i + len(s))


def att(text: str, cue: str, content: str, source: str | None = None, *, after: int = 0,
        **kw) -> Attribution:
    c = _find(text, cue, after)
    return Attribution(cue=c, content=_find(text, content, after),
                       source=_find(text, source, after) if source else None, **kw)


def num(text: str, s: str, value, unit=None, approx=False, after: int = 0) -> NumberMention:
    sp = _find(text, s, after)
    return NumberMention(sp.start, sp.end, s, value, None, unit, approx)


def day(text: str, s: str, value: str | None, after: int = 0) -> DateMention:
    sp = _find(text, s, after)
    return DateMention(sp.start, sp.end, s, value, "absolute", "day")


BORDER = (
    "مقاتلون يعبرون الحدود\n\n"
    "قال مصدر أمني رفض الكشف عن اسمه إن 300 مقاتل عبروا الحدود الشمالية يوم 5 آذار، "
    "وإن ذلك واقعة ثابتة 100%.\n"
    "وزعمت تقارير أن المسلحين المزعومين تلقوا دعما من الخارج.\n"
    "ونفى الجيش أن يكون 300 مقاتل عبروا الحدود الشمالية يوم 5 آذار.\n"
    "وقالت وزارة الداخلية إن العصابات الإرهابية ارتكبت مجزرة وحشية في القرية.\n"
    "وقال الناطق باسم الوزارة سامر حداد إنه يُعتقد أن عدد القتلى تجاوز 40 شخصا.\n"
)


def border_doc(doc_id: str = "border", outlet: str | None = "صحيفة الأفق") -> Document:
    t = BORDER
    atts = (
        att(t, "قال", "300 مقاتل عبروا الحدود الشمالية يوم 5 آذار، وإن ذلك واقعة ثابتة 100%",
            "مصدر أمني", source_resolved="مصدر أمني", source_type="anonymous", anonymous=True),
        att(t, "وزعمت", "المسلحين المزعومين تلقوا دعما من الخارج", "تقارير",
            source_resolved="تقارير", source_type="document"),
        att(t, "ونفى", "300 مقاتل عبروا الحدود الشمالية يوم 5 آذار", "الجيش",
            after=t.index("ونفى"), stance="deny", source_resolved="الجيش",
            source_type="organization"),
        att(t, "وقالت", "العصابات الإرهابية ارتكبت مجزرة وحشية في القرية", "وزارة الداخلية",
            source_resolved="وزارة الداخلية", source_type="organization"),
        att(t, "وقال الناطق", "يُعتقد أن عدد القتلى تجاوز 40 شخصا", "الناطق باسم الوزارة سامر حداد",
            source_resolved="سامر حداد", source_type="official"),
    )
    # the Attribution cue of the last one is "وقال" only
    last = atts[-1]
    cue = _find(t, "وقال الناطق")
    atts = atts[:-1] + (Attribution(cue=Span(cue.start, cue.start + 4), content=last.content,
                                    source=last.source, source_resolved=last.source_resolved,
                                    source_type=last.source_type),)
    deny = t.index("ونفى")
    numbers = (num(t, "300 مقاتل", 300, "مقاتل"), num(t, "100%", 100, "%"),
               num(t, "300 مقاتل", 300, "مقاتل", after=deny), num(t, "40 شخصا", 40, "شخص"))
    dates = (day(t, "يوم 5 آذار", "2026-03-05"), day(t, "يوم 5 آذار", "2026-03-05", after=deny))
    return Document(id=doc_id, text=t, title=t.split("\n", 1)[0], outlet=outlet,
                    published=datetime(2026, 3, 10, 8, 0, tzinfo=timezone.utc),
                    numbers=numbers, dates=dates, attributions=atts)


PRICES = (
    "الأسعار ترتفع\n\n"
    "وقال وزير الاقتصاد خالد منصور إن أسعار الخبز ارتفعت بنسبة 100% خلال عام، "
    "وإن 100% من المخابز رفعت أسعارها.\n"
)


def prices_doc(doc_id: str = "prices", outlet: str | None = "إذاعة النهر") -> Document:
    t = PRICES
    a = att(t, "وقال", "أسعار الخبز ارتفعت بنسبة 100% خلال عام، وإن 100% من المخابز رفعت أسعارها",
            "وزير الاقتصاد خالد منصور", source_resolved="خالد منصور", source_type="official")
    first = t.index("100%")
    numbers = (num(t, "100%", 100, "%"), num(t, "100%", 100, "%", after=first + 4))
    return Document(id=doc_id, text=t, title=t.split("\n", 1)[0], outlet=outlet,
                    published=datetime(2026, 3, 12, 8, 0, tzinfo=timezone.utc),
                    numbers=numbers, attributions=(a,))
