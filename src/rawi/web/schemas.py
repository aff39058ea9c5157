"""Pydantic response and request models of the JSON API (they make the OpenAPI schema)."""

from __future__ import annotations

from typing import Any, Literal, Optional

from pydantic import BaseModel, Field

Stance = Literal["assert", "deny", "accuse", "warn", "demand", "opinion", "question"]
SourceType = Literal["person", "official", "organization", "anonymous", "media", "document", "group"]
Relation = Literal["same", "contradicts", "denies"]


class ErrorDetail(BaseModel):
    code: str = Field(description="stable machine-readable code, e.g. not_found, invalid_parameter")
    message: str = Field(description="one-line human-readable message")


class ErrorBody(BaseModel):
    error: ErrorDetail


class DocumentInfo(BaseModel):
    id: str
    title: Optional[str] = None
    url: Optional[str] = None
    outlet: Optional[str] = None
    published: Optional[str] = None
    category: Optional[str] = None
    language: Optional[str] = None
    input_format: Optional[str] = None
    duplicate_of: Optional[str] = None
    near_duplicate_of: Optional[str] = None
    analysed_with: Optional[str] = None


class DocumentList(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[DocumentInfo]


class AnalysedDocument(BaseModel):
    """An analysed document in the published ``document-v1`` JSON shape."""

    model_config = {"extra": "allow"}

    schema_version: str
    doc_id: str
    title: str
    text: str
    url: Optional[str] = None
    outlet: Optional[str] = None
    published: Optional[str] = None
    entities: list[dict[str, Any]] = []
    dates: list[dict[str, Any]] = []
    numbers: list[dict[str, Any]] = []
    attributions: list[dict[str, Any]] = []
    boilerplate_removed: list[dict[str, Any]] = []


class Claim(BaseModel):
    """One attributed statement (a row of the store's attributions)."""

    id: str = Field(description="doc_id#idx")
    doc_id: str
    title: str
    outlet: Optional[str] = None
    published: Optional[str] = None
    idx: int
    speaker: Optional[str] = None
    source: Optional[str] = None
    source_type: Optional[str] = None
    cue: str
    content: str
    content_start: int
    content_end: int
    stance: str
    type: str
    via: Optional[str] = None
    channel: Optional[str] = None
    target: Optional[str] = None


class ClaimList(BaseModel):
    limit: int
    offset: int
    items: list[Claim]


class Speaker(BaseModel):
    name: str
    key: str
    source_type: Optional[str] = None
    attributions: int
    documents: int
    denials: int


class SpeakerList(BaseModel):
    limit: int
    offset: int
    items: list[Speaker]


class SpeakerProfileOut(BaseModel):
    name: str
    key: str
    statements: int
    stances: dict[str, int]
    outlets: dict[str, int]
    source_types: dict[str, int]
    anonymous_own: int = Field(description="statements whose source is itself anonymous")
    anonymous_chains: int = Field(description="claim groups where an anonymous source carries the same claim")
    claim_groups: list[str]
    claims: list[Claim]


class StoryOut(BaseModel):
    cluster: str
    doc_ids: list[str]
    titles: list[str]
    outlets: list[str]
    first: Optional[str] = None
    last: Optional[str] = None
    actors: list[str]
    places: list[str]


class StoryList(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[StoryOut]


class Opposing(BaseModel):
    relation: Relation
    score: float
    ours: Claim
    theirs: Claim


class ClaimGroupOut(BaseModel):
    id: str
    claims: list[Claim]
    opposing: list[Opposing]


class ClaimGroupList(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[ClaimGroupOut]


class LinkEnd(BaseModel):
    doc_id: str
    content: str
    start: int
    end: int
    speaker: Optional[str] = None
    stance: str


class LinkOut(BaseModel):
    a: LinkEnd
    b: LinkEnd
    relation: Relation
    score: float


class LinkList(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[LinkOut]


class Hit(BaseModel):
    doc_id: str
    title: str
    outlet: Optional[str] = None
    published: Optional[str] = None
    score: Optional[float] = None
    snippet: str
    snippet_start: int
    highlights: list[list[int]]
    near_duplicate_of: Optional[str] = None


class SearchResult(BaseModel):
    query: str
    limit: int
    offset: int
    items: list[Hit]


class OutletOut(BaseModel):
    outlet: str
    documents: int
    attributions: int
    anonymous_share: float
    via_share: float = Field(description="agency dependence: share of attributions with a via")
    top_speakers: list[tuple[str, int]]
    stances: dict[str, int]


class AnalyseRequest(BaseModel):
    text: str = Field(min_length=1, max_length=500_000, description="the article: title line, blank line, body")
    title: Optional[str] = Field(default=None, max_length=2000)
    published: Optional[str] = Field(default=None, max_length=64, description="ISO date or datetime")


class IngestRecord(BaseModel):
    id: str = Field(min_length=1, max_length=300)
    text: str = Field(min_length=1)
    title: Optional[str] = None
    url: Optional[str] = None
    outlet: Optional[str] = None
    published: Optional[str] = None


class IngestRequest(BaseModel):
    documents: list[IngestRecord] = Field(min_length=1, max_length=500)


class IngestResult(BaseModel):
    model_config = {"extra": "allow"}

    run_id: int
    status: str
    docs_stored: int
    docs_updated: int
    docs_unchanged: int
    docs_duplicate: int
    errors: int
    error_list: list[dict[str, Any]]
