"""Claim links kept in the store: computed after an ingest with
:func:`rawi.link.claims.find_links`, stored, and read back by the CLI and the web.

:func:`update_links` runs when some original's claims are not linked yet (``linked_docs``:
new, re-analysed or changed documents) or the link code changed (``links_version``). It runs
``find_links`` over every claim of the store, exactly as ``rawi links`` used to, and stores the
links and the claim groups (:func:`rawi.link.groups.build_groups`). The whole store, not only
the new claims: ``find_links`` weighs terms over all claims and reports a denial or a
contradiction once per claim group, so a link between two old claims can change when a new
claim joins their groups. One transaction: a killed run leaves its documents unlinked and the
next run links them.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, timezone
from typing import Any, Iterable, Sequence

from rawi.link.claims import Claim, Link, LinkOptions, find_links
from rawi.store.code_version import code_version

_SOURCES = ("link/claims.py", "link/candidates.py", "link/claim_cues.py", "link/groups.py", "link/terms.py", "text/normalize.py",
            "lexicons/stopwords.tsv", "lexicons/claim_concepts.tsv", "lexicons/denial_phrases.tsv")
_ORIGINAL = "d.duplicate_of IS NULL AND d.near_duplicate_of IS NULL"
_CHUNK = 500
Key = tuple[int, int]  # (doc_num, attribution idx)


def _span(name: str) -> str:
    return f"substr(d.text, a.{name}_start + 1, a.{name}_end - a.{name}_start)"


# Claim fields, as rawi.cli.links.load_claims builds them from store rows.
CLAIM_SQL = (f"SELECT d.num, d.id, a.idx, {_span('content')}, a.content_start, a.content_end, "
             f"a.source_resolved, {_span('source')}, a.stance, d.published, o.name, "
             f"{_span('target')}, a.source_type, {_span('via')} "
             "FROM attributions a JOIN documents d ON d.num = a.doc_num "
             "LEFT JOIN outlets o ON o.id = d.outlet_id")
CLAIM_ORDER = " ORDER BY d.published DESC, d.id, a.idx"


def links_version(options: LinkOptions = LinkOptions()) -> str:
    return code_version(_SOURCES, options)


def claim_of(row: Sequence[Any], shared: dict | None = None) -> tuple[Key, Claim]:
    """A store row as a Claim. ``shared`` (one dict for many rows) makes the claims of an
    archive share one object per distinct document id, time, outlet, speaker and label
    instead of one copy per claim."""
    num, doc_id, idx, content, start, end, resolved, source, stance, pub, outlet, target, stype, via = row
    when = datetime.fromisoformat(pub) if pub else None
    speaker = resolved or source
    if shared is not None:
        doc_id, when, outlet, speaker, stance, stype = (
            shared.setdefault(v, v) for v in (doc_id, when, outlet, speaker, stance, stype))
    return (int(num), int(idx)), Claim(
        doc_id, int(idx), content or "", int(start), int(end), speaker, stance, when, outlet, target,
        stype, via)


def load_claims(store: Any, where: str = "", params: Sequence[Any] = ()) -> dict[Key, Claim]:
    """Claims of the originals (``where`` adds SQL conditions on ``d`` and ``a``), read in
    chunks of rows."""
    extra = f" AND ({where})" if where else ""
    shared: dict = {}
    return dict(claim_of(r, shared) for r in store._iter(
        f"{CLAIM_SQL} WHERE {_ORIGINAL}{extra}{CLAIM_ORDER}", params))


def _meta(store: Any, key: str) -> str | None:
    row = store._one("SELECT value FROM meta WHERE key = ?", (key,))
    return row[0] if row else None


def _set_meta(store: Any, key: str, value: str) -> None:
    store._exec("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE "
                "SET value = excluded.value", (key, value))


def _pending_nums(store: Any) -> list[int]:
    return [int(r[0]) for r in store._all(
        f"SELECT d.num FROM documents d LEFT JOIN linked_docs l ON l.doc_num = d.num "
        f"WHERE l.doc_num IS NULL AND {_ORIGINAL} ORDER BY d.num")]


def _in(nums: Sequence[int]) -> Iterable[tuple[str, list[int]]]:
    for i in range(0, len(nums), _CHUNK):
        chunk = list(nums[i:i + _CHUNK])
        yield ", ".join("?" for _ in chunk), chunk


def _insert(store: Any, rows: list[tuple]) -> None:
    if rows:
        store._many("INSERT INTO claim_links (a_doc_num, a_idx, b_doc_num, b_idx, relation, score) "
                    "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", rows)


def update_links(store: Any, options: LinkOptions = LinkOptions()) -> int:
    """Link the claims of the store again when some are not linked yet; returns the links
    stored (0 when nothing was pending)."""
    version = links_version(options)
    with store.transaction():
        if _meta(store, "links_version") == version and not _pending_nums(store):
            return 0
        claims = load_claims(store)
        key_of = {(c.doc_id, c.idx): k for k, c in claims.items()}
        rows = []
        links = find_links(list(claims.values()), options)
        for ln in links:
            a, b = key_of[(ln.a.doc_id, ln.a.idx)], key_of[(ln.b.doc_id, ln.b.idx)]
            rows.append((a[0], a[1], b[0], b[1], ln.relation, float(ln.score)))
        store._exec("DELETE FROM claim_links")
        store._exec("DELETE FROM linked_docs")
        store._exec(f"INSERT INTO linked_docs (doc_num) SELECT d.num FROM documents d WHERE {_ORIGINAL}")
        _insert(store, rows)
        _set_meta(store, "links_version", version)
        _store_groups(store, claims, key_of, links)
        return len(rows)


def forget_links(store: Any, num: int) -> None:
    """A document's claims changed or went: drop its links and mark it for linking again."""
    store._exec("DELETE FROM linked_docs WHERE doc_num = ?", (num,))
    store._exec("DELETE FROM claim_links WHERE a_doc_num = ? OR b_doc_num = ?", (num, num))
    store._exec("DELETE FROM claim_groups WHERE doc_num = ?", (num,))


# -- claim groups ------------------------------------------------------------------------------

def _store_groups(store: Any, claims: dict[Key, Claim], key_of: dict[tuple[str, int], Key],
                  links: list[Link]) -> None:
    """Rewrite ``claim_groups`` and ``claim_group_info`` with the groups
    :func:`rawi.link.groups.build_groups` makes of these claims and links (the same groups
    ``rawi claim`` shows, same-article denials included)."""
    from rawi.link.groups import build_groups

    gid: dict[Key, str] = {}
    info = []
    for g in build_groups(list(claims.values()), links):
        first = key_of[(g.first.doc_id, g.first.idx)]
        for c in g.claims:
            gid[key_of[(c.doc_id, c.idx)]] = g.id
        info.append((g.id, len(g.claims), len(g.denials) + len(g.contradictions), first[0], first[1]))
    store._exec("DELETE FROM claim_groups")
    store._exec("DELETE FROM claim_group_info")
    store._many("INSERT INTO claim_groups (doc_num, idx, group_id) VALUES (?, ?, ?)",
                [(k[0], k[1], g) for k, g in gid.items()])
    store._many("INSERT INTO claim_group_info (group_id, size, opposing, first_doc_num, first_idx) "
                "VALUES (?, ?, ?, ?, ?)", info)


# -- reading -------------------------------------------------------------------------------------

def links_state(store: Any) -> dict[str, Any]:
    if store.schema_version() < 2:
        return {"stored": False, "current": False, "pending": 0}
    version = _meta(store, "links_version")
    row = store._one(f"SELECT count(*) FROM documents d LEFT JOIN linked_docs l ON l.doc_num = d.num "
                     f"WHERE l.doc_num IS NULL AND {_ORIGINAL}")
    return {"stored": version is not None, "current": version == links_version(),
            "pending": int(row[0]) if row else 0}


def read_links(store: Any, claims: dict[Key, Claim] | None = None) -> list[Link]:
    """Every stored link, in ``find_links`` order (relation, best score first, ids)."""
    claims = load_claims(store) if claims is None else claims
    out = []
    for a, ai, b, bi, rel, score in store._all(
            "SELECT a_doc_num, a_idx, b_doc_num, b_idx, relation, score FROM claim_links"):
        ca, cb = claims.get((int(a), int(ai))), claims.get((int(b), int(bi)))
        if ca is not None and cb is not None:
            out.append(Link(ca, cb, rel, float(score)))
    out.sort(key=lambda l: (l.relation, -l.score, l.a.doc_id, l.b.doc_id))
    return out


# -- reading for the web: claim rows, groups, links, one page at a time -----------------------

ROW_SQL = (f"SELECT d.id, d.title, o.name, d.published, a.idx, a.source_resolved, {_span('source')}, "
           f"a.source_type, {_span('cue')}, {_span('content')}, a.content_start, a.content_end, "
           f"a.stance, a.type, {_span('via')}, {_span('channel')}, {_span('target')} "
           "FROM attributions a JOIN documents d ON d.num = a.doc_num "
           "LEFT JOIN outlets o ON o.id = d.outlet_id")
RowKey = tuple[str, int]  # (doc_id, attribution idx)


def _row(r: Sequence[Any]) -> Any:
    from rawi.store.base import ClaimRow

    return ClaimRow(r[0], r[1], r[2], r[3], int(r[4]), r[5] or r[6], r[6], r[7], r[8], r[9],
                    int(r[10]), int(r[11]), r[12], r[13], r[14], r[15], r[16])


def _row_when(row: Any) -> tuple:
    pub = datetime.fromisoformat(row.published) if row.published else None
    return (pub is None, pub or datetime.min.replace(tzinfo=timezone.utc), row.doc_id, row.idx)


def claim_row(store: Any, doc_id: str, idx: int) -> Any | None:
    """The claim row of one attribution of an original (None for a near-duplicate's)."""
    got = store._one(f"{ROW_SQL} WHERE d.id = ? AND a.idx = ? AND {_ORIGINAL}", (doc_id, idx))
    return _row(got) if got else None


def groups_of_document(store: Any, doc_id: str) -> dict[int, str]:
    """``attribution idx -> claim group id`` for one document."""
    return {int(i): g for i, g in store._all(
        "SELECT g.idx, g.group_id FROM claim_groups g JOIN documents d ON d.num = g.doc_num "
        "WHERE d.id = ?", (doc_id,))}


def group_of_claim(store: Any, doc_id: str, idx: int) -> str | None:
    row = store._one("SELECT g.group_id FROM claim_groups g JOIN documents d ON d.num = g.doc_num "
                     "WHERE d.id = ? AND g.idx = ?", (doc_id, idx))
    return row[0] if row else None


def group_members(store: Any, group_ids: Sequence[str]) -> dict[str, list[Any]]:
    """Claim rows of each group, earliest first."""
    out: dict[str, list[Any]] = defaultdict(list)
    for marks, chunk in _in(list(group_ids)):
        sql = ROW_SQL.replace("SELECT d.id", "SELECT g.group_id, d.id", 1)
        for r in store._all(f"{sql} JOIN claim_groups g ON g.doc_num = a.doc_num AND g.idx = a.idx "
                            f"WHERE g.group_id IN ({marks})", chunk):
            out[r[0]].append(_row(r[1:]))
    for rows in out.values():
        rows.sort(key=_row_when)
    return out


def _claim_from_row(row: Any) -> Claim:
    return Claim(row.doc_id, row.idx, row.content, row.content_start, row.content_end, row.speaker,
                 row.stance, datetime.fromisoformat(row.published) if row.published else None,
                 row.outlet, row.target, row.source_type, row.via)


def _rows_by_key(store: Any, keys: Iterable[Key]) -> dict[Key, Any]:
    """Claim rows by ``(doc_num, idx)``."""
    wanted = set(keys)
    sql = ROW_SQL.replace("SELECT d.id", "SELECT a.doc_num, d.id", 1)
    out: dict[Key, Any] = {}
    for marks, chunk in _in(sorted({k[0] for k in wanted})):
        for r in store._all(f"{sql} WHERE d.num IN ({marks})", chunk):
            k = (int(r[0]), int(r[5]))
            if k in wanted:
                out[k] = _row(r[1:])
    return out


def group_opposing(store: Any, group_ids: Sequence[str]) -> dict[str, list[tuple[Link, Any, Any]]]:
    """``(link, ours, theirs)`` of the denials and contradictions of each group's claims: one
    per relation and opposing claim (the best score), denials first."""
    found: dict[str, list[tuple]] = defaultdict(list)
    for marks, chunk in _in(list(group_ids)):
        for gid, a, ai, b, bi, rel, score in store._all(
                "SELECT g.group_id, l.a_doc_num, l.a_idx, l.b_doc_num, l.b_idx, l.relation, l.score "
                "FROM claim_links l JOIN claim_groups g ON g.doc_num = l.a_doc_num AND g.idx = l.a_idx "
                f"WHERE l.relation <> 'same' AND g.group_id IN ({marks})", chunk):
            found[gid].append(((int(a), int(ai)), (int(b), int(bi)), rel, float(score)))
    rows = _rows_by_key(store, [k for ls in found.values() for a, b, *_ in ls for k in (a, b)])
    out: dict[str, list[tuple[Link, Any, Any]]] = {}
    for gid, ls in found.items():
        best: dict[tuple, tuple] = {}
        for a, b, rel, score in ls:
            if a in rows and b in rows and ((rel, b) not in best or score > best[(rel, b)][3]):
                best[(rel, b)] = (a, b, rel, score)
        items = sorted(best.values(), key=lambda x: (x[2] != "denies", -x[3], rows[x[0]].doc_id,
                                                      rows[x[1]].doc_id))
        out[gid] = [(Link(_claim_from_row(rows[a]), _claim_from_row(rows[b]), rel, score),
                     rows[a], rows[b]) for a, b, rel, score in items]
    return out


def group_page(store: Any, min_size: int, limit: int, offset: int) -> tuple[int, list[str]]:
    """``(total, group ids)``: groups of at least ``min_size`` claims, largest first."""
    total = store._one("SELECT count(*) FROM claim_group_info WHERE size >= ?", (min_size,))[0]
    ids = [r[0] for r in store._all(
        "SELECT group_id FROM claim_group_info WHERE size >= ? "
        "ORDER BY size DESC, opposing DESC, group_id LIMIT ? OFFSET ?", (min_size, limit, offset))]
    return int(total or 0), ids


def answers_to(store: Any, doc_id: str, idx: int) -> list[tuple[Link, Any]]:
    """The claims that claim ``(doc_id, idx)`` denies or contradicts, with the link."""
    got = store._all("SELECT l.a_doc_num, l.a_idx, l.b_doc_num, l.b_idx, l.relation, l.score "
                     "FROM claim_links l JOIN documents d ON d.num = l.b_doc_num "
                     "WHERE d.id = ? AND l.b_idx = ? AND l.relation <> 'same'", (doc_id, idx))
    rows = _rows_by_key(store, [k for a, ai, b, bi, *_ in got for k in ((int(a), int(ai)), (int(b), int(bi)))])
    out = []
    for a, ai, b, bi, rel, score in got:
        ra, rb = rows.get((int(a), int(ai))), rows.get((int(b), int(bi)))
        if ra is not None and rb is not None:
            out.append((Link(_claim_from_row(ra), _claim_from_row(rb), rel, float(score)), ra))
    out.sort(key=lambda x: (x[0].relation, -x[0].score, x[0].a.doc_id))
    return out


def links_page(store: Any, relation: str | None, limit: int, offset: int) -> tuple[int, list[Link]]:
    """``(total, links)`` in ``find_links`` order, one page."""
    where, params = ("WHERE l.relation = ?", [relation]) if relation else ("", [])
    total = store._one(f"SELECT count(*) FROM claim_links l {where}", params)[0]
    got = store._all(
        "SELECT l.a_doc_num, l.a_idx, l.b_doc_num, l.b_idx, l.relation, l.score FROM claim_links l "
        "JOIN documents da ON da.num = l.a_doc_num JOIN documents db ON db.num = l.b_doc_num "
        f"{where} ORDER BY l.relation, l.score DESC, da.id, db.id LIMIT ? OFFSET ?",
        (*params, limit, offset))
    rows = _rows_by_key(store, [k for a, ai, b, bi, *_ in got for k in ((int(a), int(ai)), (int(b), int(bi)))])
    out = []
    for a, ai, b, bi, rel, score in got:
        ra, rb = rows.get((int(a), int(ai))), rows.get((int(b), int(bi)))
        if ra is not None and rb is not None:
            out.append(Link(_claim_from_row(ra), _claim_from_row(rb), rel, float(score)))
    return int(total or 0), out


def speaker_groups(store: Any, key: str) -> tuple[list[str], int]:
    """``(group ids, anonymous chains)`` of a speaker (by normalised name): the groups of their
    claims, and how many of those groups an anonymous source (someone else) also carries."""
    groups = list(dict.fromkeys(r[0] for r in store._all(
        "SELECT g.group_id FROM claim_groups g JOIN attributions a ON a.doc_num = g.doc_num "
        "AND a.idx = g.idx JOIN speakers s ON s.id = a.speaker_id JOIN documents d ON d.num = g.doc_num "
        "WHERE s.key = ? ORDER BY d.published DESC, d.id, g.idx", (key,))))
    chains = set()
    for marks, chunk in _in(groups):
        for (gid,) in store._all(
                "SELECT DISTINCT g.group_id FROM claim_groups g JOIN attributions a "
                "ON a.doc_num = g.doc_num AND a.idx = g.idx LEFT JOIN speakers s ON s.id = a.speaker_id "
                f"WHERE a.source_type = 'anonymous' AND (s.key IS NULL OR s.key <> ?) "
                f"AND g.group_id IN ({marks})", (key, *chunk)):
            chains.add(gid)
    return groups, len(chains)
