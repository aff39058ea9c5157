from datetime import datetime, timedelta, timezone

from rawi.link.claims import Claim, find_links
from rawi.link.groups import build_groups

T0 = datetime(2026, 3, 12, 9, 0, tzinfo=timezone.utc)


def _c(doc, idx, content, speaker, stance="assert", hours=0.0, outlet="o", via=None, st="anonymous"):
    return Claim(doc, idx, content, 0, len(content), speaker, stance, T0 + timedelta(hours=hours), outlet,
                 None, st, via)


CLAIM = _c("a", 0, "طائرات شحن نقلت أكثر من ثلاثة أطنان من الذهب المهرب من مطار وادي السدر", "مصدر أمني")
REPEAT = _c("b", 0, "طائرات شحن نقلت ثلاثة أطنان من الذهب المهرب عبر مطار وادي السدر", "مصدر أمني", hours=5,
            outlet="p", via="وكالة الأفق")
DENIAL = _c("c", 0, "الأنباء التي تحدثت عن تهريب الذهب عبر مطار وادي السدر", "كريم الزين", stance="deny", hours=30,
            outlet="q", st="person")
OTHER = _c("d", 0, "الأمطار الغزيرة ستستمر حتى نهاية الأسبوع في المناطق الساحلية", "الأرصاد الجوية", hours=2,
           st="organization")
# a contradiction needs speakers of sides that are known and not allies (here Syria / the US)
FIGURE_A = _c("e", 0, "الدفاعات أسقطت 13 صاروخا أطلقت على العاصمة فجر اليوم", "الجيش السوري", hours=1,
              st="organization")
FIGURE_B = _c("f", 0, "الدفاعات لم تسقط أي صاروخ من 100 صاروخ أطلقت على العاصمة فجر اليوم", "وزارة الدفاع الأمريكية",
              hours=3, st="organization")


def test_link_claims_same_claim_links_repetition_to_earliest():
    links = find_links([CLAIM, REPEAT, OTHER])
    same = [l for l in links if l.relation == "same"]
    assert len(same) == 1 and same[0].a.doc_id == "a" and same[0].b.doc_id == "b"


def test_link_claims_denial_points_from_claim_to_denial():
    links = find_links([CLAIM, REPEAT, DENIAL, OTHER])
    denies = [l for l in links if l.relation == "denies"]
    assert denies and all(l.b.doc_id == "c" and l.a.doc_id in ("a", "b") for l in denies)
    assert not any(l.a.doc_id == "d" or l.b.doc_id == "d" for l in links)


def test_link_claims_figures_that_differ_contradict():
    links = find_links([FIGURE_A, FIGURE_B])
    assert [l.relation for l in links] == ["contradicts"]


def test_link_claims_group_has_provenance_and_denial():
    claims = [CLAIM, REPEAT, DENIAL, OTHER]
    groups = build_groups(claims, find_links(claims))
    g = [g for g in groups if any(c.doc_id == "a" for c in g.claims)][0]
    d = g.to_dict()
    assert d["appearances"] == 2 and d["first_appearance"]["doc_id"] == "a"
    events = [e["event"] for e in d["timeline"]]
    assert events[0] == "assertion" and "repetition" in events and "denial" in events
    rep = [e for e in d["timeline"] if e["event"] == "repetition"][0]
    assert rep["chain"] == ["p", "وكالة الأفق", "مصدر أمني"] and rep["anonymous"]


def test_link_claims_groups_do_not_chain_past_the_span_of_one_claim():
    from rawi.link.claims import Link

    chain = [_c(f"g{k}", 0, f"نص الادعاء رقم {k} عن مطار وادي السدر", "مصدر أمني", hours=30 * k) for k in range(5)]
    links = [Link(chain[k], chain[k + 1], "same", 0.5) for k in range(4)]
    groups = build_groups(chain, links, same_document_denials=False)
    assert [[c.doc_id for c in g.claims] for g in groups] == [["g0", "g1", "g2"], ["g3", "g4"]]
    whole = build_groups(chain, links, same_document_denials=False, max_span=timedelta(days=30))
    assert [len(g.claims) for g in whole] == [5]


def test_link_claims_group_joins_every_repetition_inside_the_span():
    from rawi.link.claims import Link

    a, b, c = (_c(d, 0, "طائرات شحن نقلت الذهب المهرب", "مصدر أمني", hours=h) for d, h in (("x", 0), ("y", 1), ("z", 2)))
    groups = build_groups([a, b, c], [Link(a, c, "same", 0.4), Link(b, c, "same", 0.9)], same_document_denials=False)
    assert [[k.doc_id for k in g.claims] for g in groups] == [["x", "y", "z"]]
