"""Server-rendered HTML pages (Jinja2, autoescape on, right-to-left Arabic layout, no script).

Every page calls the same functions as the JSON API; only the output differs."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Annotated, Any, Optional
from urllib.parse import urlencode, urlsplit

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup

from rawi.web import queries, schemas
from rawi.web.api import Limit, Offset, Text, analyse_text, cache_of, check_days, run_search, store_of
from rawi.web.errors import ApiError, not_found

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

STANCE_AR = {"assert": "تأكيد", "deny": "نفي", "accuse": "اتهام", "warn": "تحذير", "demand": "مطالبة",
             "opinion": "رأي", "question": "تساؤل"}
SOURCE_AR = {"person": "شخص", "official": "مسؤول", "organization": "مؤسسة", "anonymous": "مصدر مجهول",
             "media": "وسيلة إعلام", "document": "وثيقة", "group": "جماعة"}
RELATION_AR = {"same": "الادعاء نفسه", "denies": "نفي", "contradicts": "تناقض"}
MAX_UPLOAD = 2 * 1024 * 1024


def safe_href(url: str | None) -> str | None:
    """The URL if it is plain http(s), else None (no ``javascript:`` links from article data)."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def query_string(**params: Any) -> str:
    return urlencode({k: v for k, v in params.items() if not (v is None or v is False or v == "")})


def register_filters(env) -> None:  # noqa: ANN001 - a jinja2.Environment
    env.filters["stance_ar"] = lambda s: STANCE_AR.get(s or "", s or "")
    env.filters["source_ar"] = lambda s: SOURCE_AR.get(s or "", s or "؟")
    env.filters["relation_ar"] = lambda s: RELATION_AR.get(s or "", s or "")
    env.filters["pct"] = lambda x: f"{100 * x:.0f}٪"
    env.filters["day"] = lambda s: (s or "")[:10]
    env.filters["when"] = lambda s: (s or "").replace("T", " ")[:16]
    env.filters["http_url"] = safe_href
    env.globals["qs"] = query_string
    env.globals["STANCES"] = STANCE_AR
    env.globals["SOURCES"] = SOURCE_AR


def render(request: Request, name: str, status: int = 200, **ctx: Any) -> Response:
    return request.app.state.templates.TemplateResponse(request, name, ctx, status_code=status)


def _outlets(request: Request) -> list[str]:
    return store_of(request).outlet_names()


@router.get("/")
def home(request: Request) -> Response:
    store = store_of(request)
    return render(request, "home.html", stats=store.stats(), speakers=store.speakers(limit=10),
                  outlets=_outlets(request))


@router.get("/search")
def search_page(request: Request, q: Annotated[str, Query(max_length=500)] = "", outlet: Text = None,
                since: Optional[date] = None, until: Optional[date] = None, speaker: Text = None,
                entity: Text = None, stance: Optional[schemas.Stance] = None, anonymous: bool = False,
                limit: Limit = 20, offset: Offset = 0) -> Response:
    form = {"q": q, "outlet": outlet, "since": since, "until": until, "speaker": speaker,
            "entity": entity, "stance": stance, "anonymous": anonymous}
    try:
        check_days(since, until)
        hits = run_search(store_of(request), q, outlet=outlet, since=since, until=until, speaker=speaker,
                          entity=entity, stance=stance, source_type="anonymous" if anonymous else None,
                          limit=limit, offset=offset)
        error = None
    except ApiError as exc:
        hits, error = [], exc.message
    items = [(h, queries.snippet_parts(h.snippet, h.snippet_start, h.highlights)) for h in hits]
    searched = bool(q.strip() or any(v for k, v in form.items() if k != "q"))
    return render(request, "search.html", status=400 if error else 200, form=form, items=items,
                  error=error, searched=searched, outlets=_outlets(request), limit=limit, offset=offset,
                  more=len(hits) == limit)


@router.get("/article/{doc_id:path}")
def article_page(request: Request, doc_id: str) -> Response:
    from rawi.render.html import highlight

    store = store_of(request)
    doc = store.get_document(doc_id)
    info = store.document_info(doc_id)
    if doc is None or info is None:
        raise not_found(f"document {doc_id!r}")
    groups = queries.groups_of_document(store, doc.id)
    rows = []
    for i, a in enumerate(doc.attributions):
        who = a.source_resolved or (doc.span_text(a.source) if a.source else "")
        rows.append({"idx": i, "a": a, "speaker": who, "cue": doc.span_text(a.cue),
                     "content": doc.span_text(a.content), "via": doc.span_text(a.via) if a.via else "",
                     "group": groups.get(i)})
    story = queries.story_of(store, doc.id)
    # highlight() escapes every piece of article text itself; nothing else is marked safe.
    body = Markup(highlight(doc))
    return render(request, "article.html", doc=doc, info=info, body=body, rows=rows, story=story)


@router.get("/speakers")
def speakers_page(request: Request, limit: Limit = 100, offset: Offset = 0) -> Response:
    rows = store_of(request).speakers(limit=limit, offset=offset)
    return render(request, "speakers.html", rows=rows, limit=limit, offset=offset, more=len(rows) == limit)


@router.get("/speaker")
def speaker_page(request: Request, name: Annotated[str, Query(min_length=1, max_length=200)]) -> Response:
    p = queries.speaker_profile(store_of(request), name)
    if p is None:
        raise not_found(f"speaker {name!r}")
    return render(request, "speaker.html", p=p)


@router.get("/stories")
def stories_page(request: Request, min_size: Annotated[int, Query(ge=1, le=10_000)] = 1,
                 limit: Limit = 100, offset: Offset = 0) -> Response:
    total, stories = queries.story_page(store_of(request), min_size, limit, offset, largest_first=True)
    return render(request, "stories.html", stories=stories, total=total,
                  min_size=min_size, limit=limit, offset=offset, more=offset + limit < total)


@router.get("/story/{story_id}")
def story_page(request: Request, story_id: str) -> Response:
    store = store_of(request)
    story = queries.get_story(store, story_id)
    if story is None:
        raise not_found(f"story {story_id!r}")
    timeline = queries.story_timeline(store, story)
    lanes: dict[str, list[dict]] = defaultdict(list)
    for info in timeline:
        lanes[info.get("outlet") or "?"].append(info)
    return render(request, "story.html", story=story, timeline=timeline, lanes=dict(lanes))


@router.get("/claims")
def claims_page(request: Request, limit: Limit = 50, offset: Offset = 0) -> Response:
    total, groups = queries.claim_groups_page(store_of(request), 1, limit, offset)
    return render(request, "claims.html", groups=groups, total=total,
                  limit=limit, offset=offset, more=offset + limit < total)


@router.get("/claim")
def claim_page(request: Request, doc_id: Annotated[str, Query(min_length=1, max_length=300)],
               idx: Annotated[int, Query(ge=0, le=10**6)]) -> Response:
    store = store_of(request)
    key = (doc_id, idx)
    row, found = queries.group_of_claim(store, doc_id, idx)
    if row is None:
        raise not_found(f"claim {doc_id}#{idx}")
    group = found or queries.ClaimGroup(f"{doc_id}#{idx}", [row])
    return render(request, "claim.html", g=group, focus=key, answered=queries.answered_by(store, key),
                  grouped=found is not None)


@router.get("/claim/{group_id}")
def claim_group_page(request: Request, group_id: str) -> Response:
    store = store_of(request)
    group = queries.claim_group(store, group_id)
    if group is None:
        raise not_found(f"claim group {group_id!r}")
    first = group.claims[0]
    return render(request, "claim.html", g=group, focus=(first.doc_id, first.idx), grouped=True,
                  answered=queries.answered_by(store, (first.doc_id, first.idx)))


@router.get("/outlets")
def outlets_page(request: Request) -> Response:
    return render(request, "outlets.html", outlets=cache_of(request).outlets(store_of(request)))


@router.get("/analyse")
def analyse_form(request: Request) -> Response:
    return render(request, "analyse.html", doc=None, body=None, error=None,
                  form={"text": "", "title": "", "published": ""})


@router.post("/analyse")
async def analyse_page(request: Request, text: Annotated[str, Form(max_length=500_000)] = "",
                       title: Annotated[str, Form(max_length=2000)] = "",
                       published: Annotated[str, Form(max_length=64)] = "",
                       file: Annotated[Optional[UploadFile], File()] = None) -> Response:
    from starlette.concurrency import run_in_threadpool

    form = {"text": text, "title": title, "published": published}
    try:
        if file is not None and file.filename:
            data = await file.read(MAX_UPLOAD + 1)
            if len(data) > MAX_UPLOAD:
                raise ApiError(413, f"the file is larger than {MAX_UPLOAD} bytes")
            doc = await run_in_threadpool(_analyse_upload, data, file.filename)
        else:
            doc = await run_in_threadpool(analyse_text, text, title, published)
    except ApiError as exc:
        return render(request, "analyse.html", status=exc.status, doc=None, body=None, error=exc.message,
                      form=form)
    from rawi.render.html import highlight

    return render(request, "analyse.html", doc=doc, body=Markup(highlight(doc)), error=None, form=form)


def _analyse_upload(data: bytes, name: str):
    """Read an uploaded file like ``rawi analyze`` reads one, analyse its first article."""
    from rawi.errors import RawiError
    from rawi.pipeline import analyze_document
    from rawi.readers import ReaderOptions, read_bytes

    safe_name = name.replace("\\", "/").rsplit("/", 1)[-1][:200] or "upload"
    try:
        docs = read_bytes(data, safe_name, ReaderOptions())
        return analyze_document(docs[0])
    except RawiError as exc:
        raise ApiError(400, exc.message) from exc


@router.get("/favicon.ico")
def favicon() -> Response:
    return RedirectResponse("/static/favicon.svg", status_code=308)
