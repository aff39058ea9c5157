"""HTML pages: main text and metadata with trafilatura, a plain lxml extraction as fallback.

No network access: trafilatura and htmldate only look at the page given.
"""

from __future__ import annotations

import logging
import re
import warnings
from typing import Any, Iterator

from rawi.errors import EmptyArticle, RawiError
from rawi.model import Document
from rawi.readers.source import Source
from rawi.readers.text import document_from_text

_DATE_PARAMS = {"extensive_search": True, "original_date": True, "outputformat": "%Y-%m-%dT%H:%M:%S%z"}
# htmldate's extensive search and trafilatura's readability fallback read the text of every
# element (descendants included), which is quadratic on a page of unclosed tags: above this
# size only the markup (meta, time) gives the date and the fallback extractor is skipped.
EXTENSIVE_DATE_MAX_CHARS = 150_000
_QUICK_DATE_PARAMS = {**_DATE_PARAMS, "extensive_search": False}
_DROP = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe",
         "svg", "button", "template")
_BLOCKS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "pre", "td", "figcaption")
_NOISE_ATTR = re.compile(r"cookie|consent|banner|share|social|related|comment|newsletter|subscribe|"
                         r"breadcrumb|menu|sidebar|advert|promo|popup|modal", re.I)
_TITLE_SUFFIX = re.compile(r"\s+\|\s+[^|]{1,60}$")  # "headline | site name" in <title>
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")


def _trafilatura(html: str, url: str | None) -> dict[str, Any] | None:
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    logging.getLogger("htmldate").setLevel(logging.ERROR)
    small = len(html) <= EXTENSIVE_DATE_MAX_CHARS
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            result = trafilatura.bare_extraction(
                html, url=url, favor_precision=True, include_comments=False, include_tables=False,
                include_images=False, include_links=False, with_metadata=True,
                date_extraction_params=_DATE_PARAMS if small else _QUICK_DATE_PARAMS, fast=not small,
            )
        except Exception:  # a page trafilatura cannot handle goes to the plain fallback
            return None
    if result is None:
        return None
    data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    return data if (data.get("text") or "").strip() else None


def _lxml_fallback(html: str) -> dict[str, Any]:
    """Title and block-level text with navigation, scripts and forms dropped."""
    import lxml.html

    try:
        tree = lxml.html.document_fromstring(_XML_DECL.sub("", html))
    except (ValueError, lxml.etree.ParserError):
        return {}
    for el in list(tree.iter(*_DROP)):
        if el.getparent() is not None:
            el.drop_tree()
    for el in list(tree.iter()):
        attrs = f"{el.get('class', '')} {el.get('id', '')}" if isinstance(el.tag, str) else ""
        if attrs.strip() and _NOISE_ATTR.search(attrs) and el.getparent() is not None and el.tag != "body":
            el.drop_tree()
    title_el = tree.find(".//title")
    h1 = tree.find(".//h1")
    scope = tree.find(".//article")
    scope = scope if scope is not None else tree.find(".//main")
    scope = scope if scope is not None else tree
    title = " ".join(h1.text_content().split()) if h1 is not None else ""
    if not title and title_el is not None:
        title = _TITLE_SUFFIX.sub("", " ".join(title_el.text_content().split()))
    lines = []
    for el in scope.iter(*_BLOCKS):
        if any(anc.tag in _BLOCKS for anc in el.iterancestors()):
            continue  # its text is already in an enclosing block
        text = " ".join(el.text_content().split())
        if text:
            lines.append(text)
    if not lines:
        body = tree.find(".//body")
        text = body.text_content() if body is not None else tree.text_content()
        lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    return {"title": title, "text": "\n".join(lines)}


def _drop_repeated_title(title: str, text: str) -> str:
    """Remove the headline where the extracted text repeats it near the top."""
    lines = text.strip().split("\n")
    for i, line in enumerate(lines[:3]):
        if " ".join(line.split()) == title:
            return "\n".join(lines[:i] + lines[i + 1:])
    return text


def iter_html(html: str, src: Source) -> Iterator[Document | RawiError]:
    """One page, one article."""
    data = _trafilatura(html, src.sidecar.get("url")) or _lxml_fallback(html)
    text = data.get("text") or ""
    if not text.strip() and not (data.get("title") or "").strip():
        raise EmptyArticle(src.name, "no article text found in the HTML page")
    title = " ".join((data.get("title") or "").split()) or None
    kwargs = src.base_fields()
    kwargs.setdefault("url", data.get("url"))
    kwargs["outlet"] = src.options.outlet or src.sidecar.get("outlet") or data.get("sitename") or data.get("hostname")
    if "published" not in kwargs and data.get("date"):
        published, error = src.published(data["date"])
        kwargs["published"] = published
        if error:
            kwargs["published_error"] = error
    if data.get("author"):
        kwargs.setdefault("author", data["author"])
    if data.get("description"):
        kwargs.setdefault("description", data["description"])
    title = kwargs.pop("title", None) or title
    body = _drop_repeated_title(title or "", text) if title else text
    yield document_from_text(body, title=title, **kwargs)
