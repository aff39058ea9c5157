"""The JSON API under ``/api/v1``: thin shells over the Store and the library (as the CLI)."""

from __future__ import annotations

import json
import tempfile
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Annotated, Optional

from fastapi import APIRouter, Header, Query, Request

from rawi.store import ClaimFilter, SearchQuery, Store
from rawi.web import queries, schemas
from rawi.web.errors import ApiError, not_found
from rawi.web.security import tokens_match

ERRORS = {s: {"model": schemas.ErrorBody} for s in (400, 404, 413, 422, 429)}
router = APIRouter(prefix="/api/v1", responses=ERRORS)

Limit = Annotated[int, Query(ge=1, le=500, description="page size")]
Offset = Annotated[int, Query(ge=0, le=10**7, description="items to skip")]
Text = Annotated[Optional[str], Query(max_length=200)]


def store_of(request: Request) -> Store:
    return request.app.state.provider.get()


def cache_of(request: Request) -> queries.CorpusCache:
    return request.app.state.cache


def check_days(since: date | None, until: date | None) -> None:
    if since and until and since > until:
        raise ApiError(400, f"since ({since}) is after until ({until})")


def check_name(field: str, value: str | None) -> None:
    """A name filter must hold a letter or a digit (``.`` alone would match every name)."""
    from rawi.store.sqlbase import speaker_key

    if value and not speaker_key(value):
        raise ApiError(400, f"{field}: {value!r} has no letter or digit to match")


def claim_out(row) -> schemas.Claim:
    return schemas.Claim(id=queries.claim_id(row), **asdict(row))


def group_out(g: queries.ClaimGroup) -> schemas.ClaimGroupOut:
    return schemas.ClaimGroupOut(
        id=g.id, claims=[claim_out(r) for r in g.claims],
        opposing=[schemas.Opposing(relation=ln.relation, score=round(ln.score, 4), ours=claim_out(o),
                                   theirs=claim_out(t)) for ln, o, t in g.opposing])


# -- documents -------------------------------------------------------------------------------------

@router.get("/documents", response_model=schemas.DocumentList, summary="Stored original documents")
def list_documents(request: Request, limit: Limit = 20, offset: Offset = 0) -> schemas.DocumentList:
    total, infos = queries.document_page(store_of(request), limit, offset)
    return schemas.DocumentList(total=total, limit=limit, offset=offset,
                                items=[schemas.DocumentInfo(**i) for i in infos])


@router.get("/documents/{doc_id:path}", response_model=schemas.AnalysedDocument,
            summary="One analysed document (document-v1 JSON)")
def get_document(request: Request, doc_id: str) -> dict:
    doc = store_of(request).get_document(doc_id)
    if doc is None:
        raise not_found(f"document {doc_id!r}")
    return doc.to_dict()


# -- attributions, speakers --------------------------------------------------------------------------

@router.get("/attributions", response_model=schemas.ClaimList, summary="Attributed statements, filtered")
def list_attributions(request: Request, speaker: Text = None, stance: Optional[schemas.Stance] = None,
                      source_type: Optional[schemas.SourceType] = None, outlet: Text = None,
                      doc_id: Text = None, since: Optional[date] = None, until: Optional[date] = None,
                      with_near_duplicates: bool = False, limit: Limit = 100,
                      offset: Offset = 0) -> schemas.ClaimList:
    check_days(since, until)
    check_name("speaker", speaker)
    rows = store_of(request).claims(ClaimFilter(
        speaker=speaker, stance=stance, source_type=source_type, outlet=outlet, doc_id=doc_id,
        since=since, until=until, include_near_duplicates=with_near_duplicates, limit=limit,
        offset=offset))
    return schemas.ClaimList(limit=limit, offset=offset, items=[claim_out(r) for r in rows])


@router.get("/speakers", response_model=schemas.SpeakerList, summary="Speakers, most quoted first")
def list_speakers(request: Request, limit: Limit = 50, offset: Offset = 0) -> schemas.SpeakerList:
    rows = store_of(request).speakers(limit=limit, offset=offset)
    return schemas.SpeakerList(limit=limit, offset=offset, items=[schemas.Speaker(**r.to_dict()) for r in rows])


@router.get("/speakers/profile", response_model=schemas.SpeakerProfileOut, summary="One speaker's profile")
def speaker_profile(request: Request, name: Annotated[str, Query(min_length=1, max_length=200)]) -> schemas.SpeakerProfileOut:
    p = queries.speaker_profile(store_of(request), name)
    if p is None:
        raise not_found(f"speaker {name!r}")
    return schemas.SpeakerProfileOut(
        name=p.name, key=p.key, statements=len(p.claims), stances=dict(p.stances),
        outlets=dict(p.outlets), source_types=dict(p.source_types), anonymous_own=p.anonymous_own,
        anonymous_chains=p.anonymous_chains, claim_groups=p.groups,
        claims=[claim_out(r) for r in p.claims])


# -- stories, claims, links ---------------------------------------------------------------------------

@router.get("/stories", response_model=schemas.StoryList, summary="Stories (articles about one development)")
def list_stories(request: Request, min_size: Annotated[int, Query(ge=1, le=10_000)] = 1,
                 limit: Limit = 50, offset: Offset = 0) -> schemas.StoryList:
    total, stories = queries.story_page(store_of(request), min_size, limit, offset, largest_first=False)
    return schemas.StoryList(total=total, limit=limit, offset=offset,
                             items=[schemas.StoryOut(**s.to_dict()) for s in stories])


@router.get("/stories/{story_id}", response_model=schemas.StoryOut, summary="One story")
def get_story(request: Request, story_id: str) -> schemas.StoryOut:
    s = queries.get_story(store_of(request), story_id)
    if s is None:
        raise not_found(f"story {story_id!r}")
    return schemas.StoryOut(**s.to_dict())


@router.get("/claims", response_model=schemas.ClaimGroupList,
            summary="Claim groups: claims linked by `same`, with their denials and contradictions")
def list_claim_groups(request: Request, min_size: Annotated[int, Query(ge=1, le=10_000)] = 1,
                      limit: Limit = 50, offset: Offset = 0) -> schemas.ClaimGroupList:
    total, groups = queries.claim_groups_page(store_of(request), min_size, limit, offset)
    return schemas.ClaimGroupList(total=total, limit=limit, offset=offset,
                                  items=[group_out(g) for g in groups])


@router.get("/claims/group", response_model=schemas.ClaimGroupOut, summary="The claim group of one claim")
def get_claim_group(request: Request, doc_id: Annotated[str, Query(min_length=1, max_length=300)],
                    idx: Annotated[int, Query(ge=0, le=10**6)]) -> schemas.ClaimGroupOut:
    row, group = queries.group_of_claim(store_of(request), doc_id, idx)
    if row is None:
        raise not_found(f"claim {doc_id}#{idx}")
    return group_out(group or queries.ClaimGroup(f"{doc_id}#{idx}", [row]))


@router.get("/claims/{group_id}", response_model=schemas.ClaimGroupOut,
            summary="One claim group by id (the ids of `rawi claim`)")
def get_claim_group_by_id(request: Request, group_id: str) -> schemas.ClaimGroupOut:
    g = queries.claim_group(store_of(request), group_id)
    if g is None:
        raise not_found(f"claim group {group_id!r}")
    return group_out(g)


@router.get("/links", response_model=schemas.LinkList, summary="Links between claims of different articles")
def list_links(request: Request, relation: Optional[schemas.Relation] = None, limit: Limit = 100,
               offset: Offset = 0) -> schemas.LinkList:
    total, links = queries.links_page(store_of(request), relation, limit, offset)
    return schemas.LinkList(total=total, limit=limit, offset=offset,
                            items=[schemas.LinkOut(**ln.to_dict()) for ln in links])


@router.get("/outlets", response_model=list[schemas.OutletOut],
            summary="Outlets compared: anonymous sources, most quoted, agency dependence")
def list_outlets(request: Request) -> list[schemas.OutletOut]:
    return [schemas.OutletOut(outlet=o.outlet, documents=o.documents, attributions=o.attributions,
                              anonymous_share=round(o.anonymous_share, 4), via_share=round(o.via_share, 4),
                              top_speakers=o.top_speakers, stances=dict(o.stances))
            for o in cache_of(request).outlets(store_of(request))]


# -- search -------------------------------------------------------------------------------------------

@router.get("/search", response_model=schemas.SearchResult, summary="Full-text search with filters")
def search(request: Request, q: Annotated[str, Query(max_length=500, description="words and \"phrases\"")] = "",
           outlet: Text = None, since: Optional[date] = None, until: Optional[date] = None,
           speaker: Text = None, entity: Text = None, stance: Optional[schemas.Stance] = None,
           source_type: Optional[schemas.SourceType] = None,
           anonymous: Annotated[bool, Query(description="only attributions to anonymous sources")] = False,
           limit: Limit = 20, offset: Offset = 0) -> schemas.SearchResult:
    check_days(since, until)
    hits = run_search(store_of(request), q, outlet=outlet, since=since, until=until, speaker=speaker,
                      entity=entity, stance=stance, source_type="anonymous" if anonymous else source_type,
                      limit=limit, offset=offset)
    return schemas.SearchResult(query=q, limit=limit, offset=offset, items=[
        schemas.Hit(doc_id=h.doc_id, title=h.title, outlet=h.outlet, published=h.published,
                    score=getattr(h, "score", None), snippet=h.snippet, snippet_start=h.snippet_start,
                    highlights=[list(x) for x in h.highlights],
                    near_duplicate_of=getattr(h, "near_duplicate_of", None)) for h in hits])


def run_search(store: Store, q: str, *, outlet, since, until, speaker, entity, stance, source_type,
               limit: int, offset: int) -> list:
    """Full-text search when there are words; otherwise documents by attribution filters."""
    check_name("speaker", speaker)
    check_name("entity", entity)
    if q.strip():
        return store.search(SearchQuery(q, outlet=outlet, since=since, until=until, speaker=speaker,
                                        entity=entity, stance=stance, source_type=source_type,
                                        limit=limit, offset=offset))
    if entity:
        raise ApiError(400, "the entity filter needs search words (q)")
    if not any((outlet, since, until, speaker, stance, source_type)):
        return []
    return queries.browse(store, outlet=outlet, since=since, until=until, speaker=speaker,
                          stance=stance, source_type=source_type, limit=limit, offset=offset)


# -- analyse and ingest ------------------------------------------------------------------------------

def analyse_text(text: str, title: str | None, published: str | None):
    """Analyse without storing (the same call as ``rawi analyze``)."""
    from rawi.errors import RawiError
    from rawi.pipeline import analyze_text

    if not text.strip():
        raise ApiError(400, "the text is empty")
    when = None
    if published:
        from rawi.readers.dates import parse_published

        try:
            when = parse_published(published)
        except (ValueError, OverflowError, OSError) as exc:
            raise ApiError(400, f"published: cannot read {published!r} as a date ({exc})") from exc
    try:
        return analyze_text(text, published=when, doc_id="pasted", title=title or None)
    except RawiError as exc:
        raise ApiError(400, exc.message) from exc


@router.post("/analyse", response_model=schemas.AnalysedDocument, summary="Analyse a text (nothing is stored)")
def analyse(body: schemas.AnalyseRequest) -> dict:
    return analyse_text(body.text, body.title, body.published).to_dict()


@router.post("/ingest", response_model=schemas.IngestResult,
             responses={403: {"model": schemas.ErrorBody}},
             summary="Analyse and store documents (only with the server's ingest token)")
def ingest(request: Request, body: schemas.IngestRequest,
           authorization: Annotated[Optional[str], Header(max_length=500)] = None,
           x_rawi_token: Annotated[Optional[str], Header(max_length=500)] = None) -> dict:
    state = request.app.state
    if not state.ingest_token or state.readonly:
        raise ApiError(404, "ingest is disabled on this server (start it with --ingest-token)")
    given = x_rawi_token
    if given is None and authorization and authorization.lower().startswith("bearer "):
        given = authorization[7:].strip()
    if not tokens_match(given, state.ingest_token):
        raise ApiError(403, "missing or wrong ingest token")
    from rawi.store.ingest import IngestOptions, ingest as run_ingest

    with tempfile.TemporaryDirectory(prefix="rawi-ingest-") as tmp:
        path = Path(tmp) / "upload.jsonl"
        path.write_text("\n".join(json.dumps(r.model_dump(exclude_none=True), ensure_ascii=False)
                                  for r in body.documents) + "\n", encoding="utf-8")
        with state.ingest_lock, state.provider.writable() as store:
            report = run_ingest([str(path)], store, IngestOptions(jobs=1, progress=False,
                                                                   input_format="jsonl"))
    return report.to_dict()
