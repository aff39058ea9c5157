"""Options shared by every reader."""

from __future__ import annotations

from dataclasses import dataclass

FORMATS = ("text", "html", "trec", "jsonl", "csv")
SINGLE_ARTICLE_FORMATS = ("text", "html")  # one file, one article
MAX_ARTICLE_BYTES = 32 * 1024 * 1024  # far above any news article (the ANT ones are < 100 KB)


@dataclass(frozen=True)
class ReaderOptions:
    """How to read input files; one object instead of many keyword arguments.

    ``input_format`` None means detect from the extension and the content; ``encoding`` None
    means detect. The ``*_field`` names are the JSON keys / CSV columns for JSONL and CSV input.
    ``default_timezone`` applies to timestamps that carry no zone; ``outlet`` overrides the
    outlet found in the input. ``max_article_bytes`` bounds a one-article file (plain text,
    HTML): a larger one is refused before it is read, so memory stays bounded.
    """

    input_format: str | None = None
    encoding: str | None = None
    text_field: str = "text"
    title_field: str = "title"
    id_field: str = "id"
    url_field: str = "url"
    outlet_field: str = "outlet"
    published_field: str = "published"
    csv_delimiter: str = ","
    default_timezone: str = "UTC"
    outlet: str | None = None
    max_article_bytes: int = MAX_ARTICLE_BYTES

    def __post_init__(self) -> None:
        if self.input_format is not None and self.input_format not in FORMATS:
            raise ValueError(f"unknown input format {self.input_format!r}; expected one of {', '.join(FORMATS)}")
        if len(self.csv_delimiter) != 1:
            raise ValueError(f"csv delimiter must be one character, not {self.csv_delimiter!r}")
