"""``rawi serve``: the web UI and the JSON API over a store (read-only unless given a token)."""

from __future__ import annotations

import click


@click.command("serve")
@click.option("--db", default="rawi.db", envvar="RAWI_DB", show_default=True, metavar="FILE|URL",
              help="The store: a SQLite file or a postgresql:// URL. Default: $RAWI_DB, else rawi.db.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind (the default is loopback only; use 0.0.0.0 deliberately).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="TCP port.")
@click.option("--ingest-token", envvar="RAWI_INGEST_TOKEN", default=None, metavar="TOKEN",
              help="Enable POST /api/v1/ingest for clients sending this token (env RAWI_INGEST_TOKEN); "
                   "without it the server is read-only.")
@click.option("--rate-limit", type=click.IntRange(min=0), default=300, show_default=True,
              help="Requests per minute per client address (0: no limit).")
@click.option("--log-level", type=click.Choice(["critical", "error", "warning", "info", "debug"]),
              default="info", show_default=True, help="Server log verbosity.")
def serve(db: str, host: str, port: int, ingest_token: str | None, rate_limit: int, log_level: str) -> None:
    """Serve the web UI (Arabic, right-to-left) and the JSON API under /api/v1."""
    import uvicorn

    from rawi.errors import RawiError
    from rawi.web.app import create_app

    if ingest_token is not None and len(ingest_token) < 16:
        raise click.BadParameter("use a token of at least 16 characters", param_hint="--ingest-token")
    try:
        app = create_app(db, ingest_token=ingest_token, readonly=ingest_token is None,
                         rate_limit=rate_limit or None, warm=True)
    except RawiError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"rawi: serving {db} on http://{host}:{port}/ "
               f"({'ingest enabled' if ingest_token else 'read-only'})", err=True)
    uvicorn.run(app, host=host, port=port, log_level=log_level, server_header=False,
                proxy_headers=False, access_log=log_level in ("info", "debug"))
