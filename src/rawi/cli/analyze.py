"""``rawi analyze``: read articles, run the pipeline, print the findings."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import click

from rawi.errors import RawiError
from rawi.model import Document
from rawi.parallel import default_jobs, ordered_map

FORMATS = ("jsonl", "json", "text", "html")


@dataclass
class RunCounts:
    files: int = 0
    documents: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)


def _analyse_one(doc: Document) -> tuple[Document | None, str | None]:
    """Worker: analyse one document; an exception becomes a one-line message."""
    from rawi.pipeline import analyze_document

    try:
        return analyze_document(doc), None
    except RawiError as exc:
        return None, exc.one_line()
    except Exception as exc:  # noqa: BLE001 - one broken article must not stop a run
        return None, f"[E010] {doc.source_path or doc.id}: analysis failed: {exc!r}"


def iter_documents(paths: tuple[str, ...], options, counts: RunCounts, default_published=None) -> Iterator[Document]:
    """Documents from files, directories, globs and ``-`` (stdin); errors are counted and reported."""
    from rawi.readers import iter_input_paths, iter_read_path, read_bytes

    def emit(item):
        if isinstance(item, RawiError):
            counts.failed += 1
            counts.errors.append(item.one_line())
            click.echo(item.one_line(), err=True)
            return None
        counts.documents += 1
        if default_published is not None and item.published is None:
            item = item.evolve(published=default_published)
        return item

    file_paths = [p for p in paths if p != "-"]
    if "-" in paths:
        counts.files += 1
        try:
            for doc in read_bytes(sys.stdin.buffer.read(), "<stdin>", options):
                if (d := emit(doc)) is not None:
                    yield d
        except RawiError as exc:
            emit(exc)
    try:
        path_iter = iter_input_paths(file_paths)
        for path in path_iter:
            counts.files += 1
            try:
                for item in iter_read_path(Path(path), options):
                    if (d := emit(item)) is not None:
                        yield d
            except RawiError as exc:
                emit(exc)
    except RawiError as exc:
        emit(exc)


@click.command("analyze")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True,
              help="jsonl: one JSON object per article; json: one array; text: a readable summary; "
                   "html: a self-contained page with every finding highlighted.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write here instead of standard output.")
@click.option("--input-format", type=click.Choice(["text", "html", "trec", "jsonl", "csv"]), default=None,
              help="Force the input format (default: by extension and content).")
@click.option("--encoding", default=None, help="Force the input encoding (default: detected).")
@click.option("--jobs", "-j", type=int, default=1, show_default=True,
              help="Worker processes for analysis (0 = all cores).")
@click.option("--published", "default_published", default=None,
              help="Publication date for articles that carry none (ISO 8601), used to resolve relative dates.")
@click.option("--text-field", default="text", show_default=True, help="JSONL/CSV field holding the body.")
@click.option("--title-field", default="title", show_default=True, help="JSONL/CSV field holding the title.")
@click.option("--id-field", default="id", show_default=True, help="JSONL/CSV field holding the id.")
@click.option("--published-field", default="published", show_default=True, help="JSONL/CSV date field.")
@click.option("--with-tokens", is_flag=True, help="Include tokens with their clitic analysis in JSON output.")
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr (default: when more than 5 files).")
def analyze(paths, fmt, output, input_format, encoding, jobs, default_published, text_field, title_field,
            id_field, published_field, with_tokens, progress):
    """Analyse articles: PATHS are files, directories (recursively), globs or '-' for stdin."""
    from rawi.readers import ReaderOptions
    from rawi.readers.dates import parse_published
    from rawi.render import open_renderer

    pub = None
    if default_published:
        try:
            pub = parse_published(default_published)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--published") from exc
    options = ReaderOptions(input_format=input_format, encoding=encoding, text_field=text_field,
                            title_field=title_field, id_field=id_field, published_field=published_field)
    counts = RunCounts()
    jobs = default_jobs() if jobs == 0 else max(1, jobs)
    docs = iter_documents(tuple(paths), options, counts, pub)
    results = ordered_map(_analyse_one, docs, jobs=jobs)
    out = open(output, "w", encoding="utf-8") if output else sys.stdout
    show_progress = progress if progress is not None else _many_files(paths)
    try:
        with open_renderer(fmt, out, with_tokens=with_tokens) as render, _progress(show_progress) as tick:
            for doc, error in results:
                tick()
                if error is not None:
                    counts.failed += 1
                    counts.errors.append(error)
                    click.echo(error, err=True)
                    continue
                render(doc)
    finally:
        if output:
            out.close()
    if counts.failed or show_progress:
        click.echo(f"rawi analyze: {counts.documents} articles read from {counts.files} files, "
                   f"{counts.failed} failed", err=True)
    if counts.documents == 0:
        raise SystemExit(1)


def _many_files(paths) -> bool:
    n = 0
    for p in paths:
        path = Path(p)
        if path.is_dir():
            return True
        n += 1
    return n > 5


class _progress:
    """A rich progress bar on stderr (rate, elapsed), or nothing."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr is not None
        self._p = None

    def __enter__(self):
        if not self.enabled:
            return lambda: None
        from rich.console import Console
        from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self._p = Progress(SpinnerColumn(), TextColumn("analysing"), MofNCompleteColumn(),
                           TextColumn("{task.fields[rate]}"), TimeElapsedColumn(),
                           console=Console(stderr=True), transient=False)
        self._p.__enter__()
        task = self._p.add_task("analyse", total=None, rate="")

        def tick() -> None:
            self._p.advance(task)
            t = self._p.tasks[0]
            if t.elapsed:
                self._p.update(task, rate=f"{t.completed / t.elapsed:.0f} articles/s")

        return tick

    def __exit__(self, *exc) -> None:
        if self._p is not None:
            self._p.__exit__(*exc)
