"""The ``rawi`` command line: a thin shell over library calls.

Sub-commands are imported lazily (a command's module, and the models it needs, load only
when that command runs), so ``rawi --help`` stays fast.
"""

from __future__ import annotations

from importlib import import_module

import click

from rawi import __version__

# name -> "module:attribute" of a click command.
COMMANDS: dict[str, str] = {
    "analyze": "rawi.cli.analyze:analyze",
    "ner": "rawi.cli.ner:ner",
    "train": "rawi.cli.train:train",
    "ingest": "rawi.cli.store_cmds:ingest",
    "search": "rawi.cli.store_cmds:search",
    "speakers": "rawi.cli.store_cmds:speakers",
    "claims": "rawi.cli.store_cmds:claims",
    "show": "rawi.cli.store_cmds:show",
    "stories": "rawi.cli.stories:stories",
    "links": "rawi.cli.links:links",
    "claim": "rawi.cli.links:claim",
    "serve": "rawi.cli.serve:serve",
    "export": "rawi.cli.export:export",
    "batch": "rawi.cli.batch:batch",
    "load-batch": "rawi.cli.batch:load_batch",
    "stance": "rawi.cli.stance:stance",
    "checkworthy": "rawi.cli.checkworthy:checkworthy",
    "queue": "rawi.cli.queue:queue",
    "profiles": "rawi.cli.queue:profiles",
}


class LazyGroup(click.Group):
    """A click group whose commands are imported on first use."""

    def __init__(self, *args, lazy: dict[str, str] | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.lazy = dict(lazy or {})

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(self._available()))

    def _available(self) -> list[str]:
        out = []
        for name, target in self.lazy.items():
            module = target.partition(":")[0]
            try:
                import importlib.util

                if importlib.util.find_spec(module) is not None:
                    out.append(name)
            except ModuleNotFoundError:
                continue
        return out

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        cmd = super().get_command(ctx, name)
        if cmd is not None or name not in self.lazy:
            return cmd
        module, _, attr = self.lazy[name].partition(":")
        try:
            mod = import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name == module:
                return None
            raise
        return getattr(mod, attr)


@click.group(cls=LazyGroup, lazy=COMMANDS, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="rawi")
def main() -> None:
    """rawi (راوي): who said what, on whose authority, when — in Arabic news."""


if __name__ == "__main__":  # pragma: no cover
    main()
