"""The command line: thin wrappers over library functions; errors become one line and an exit code.

Exit codes: 0 ok, 1 bad input (QbankError), 2 usage (click), 3 internal error.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from qbank import __version__

DEFAULT_TOPICS = Path("topics")
DEFAULT_BUILD = Path("build")


class QbankGroup(click.Group):
    """Turns library errors into one line; a traceback only with --debug."""

    def invoke(self, ctx: click.Context):
        from qbank.errors import QbankError

        try:
            return super().invoke(ctx)
        except QbankError as exc:
            for diag in getattr(exc, "diagnostics", ()):  # every problem found, one line each
                click.echo(str(diag), err=True)
            if hasattr(exc, "diagnostics"):
                n = exc.error_count
                click.echo(f"qbank: {n} error{'s' if n != 1 else ''} in the input; nothing was written", err=True)
            else:  # a located error is printed as file:line: so editors and CI can jump to it
                click.echo(str(exc) if exc.path else f"qbank: {exc}", err=True)
            ctx.exit(1)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except Exception as exc:  # noqa: BLE001 - the one place that reports unexpected errors
            if ctx.meta.get("qbank.debug"):
                raise
            click.echo(
                f"qbank: internal error: {type(exc).__name__}: {exc} "
                "(rerun with --debug for the trace, and please report it)",
                err=True,
            )
            ctx.exit(3)


@click.group(cls=QbankGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="qbank")
@click.option("--debug", is_flag=True, help="Show the full traceback of an unexpected error.")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """Turn study-note topic files into ready-to-import question banks."""
    ctx.meta["qbank.debug"] = debug


def _paths(paths: tuple[Path, ...]) -> list[Path]:
    return list(paths) if paths else [DEFAULT_TOPICS]


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--output", "out_dir", type=click.Path(path_type=Path), default=DEFAULT_BUILD,
              show_default=True, help="Build directory (replaced as a whole when the build succeeds).")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed for option order.")
@click.option("--name", default="qbank", show_default=True, help="Bank name (the top Moodle category).")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def build(paths: tuple[Path, ...], out_dir: Path, seed: int, name: str, quiet: bool) -> None:
    """Build question banks from topic files (default: topics/ -> build/)."""
    from qbank.build import build as run_build

    result = run_build(_paths(paths), out_dir, seed=seed, name=name)
    for diag in result.diagnostics:
        click.echo(str(diag), err=True)
    if not quiet:
        total = len(result.bank.items)
        click.echo(f"{total} items from {len(result.bank.topics)} topics -> {out_dir}")
        for o in result.outputs:
            counts = ", ".join(f"{n} {k}" for k, n in o.counts.items())
            click.echo(f"  {o.path} ({o.format}): {counts}")


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too (for CI).")
@click.pass_context
def check(ctx: click.Context, paths: tuple[Path, ...], strict: bool) -> None:
    """Report every problem in topic files as file:line: messages; writes nothing."""
    from qbank.check import check as run_check

    result = run_check(_paths(paths))
    for diag in result.diagnostics:
        click.echo(str(diag))
    click.echo(result.summary())
    ctx.exit(result.exit_code(strict))


if __name__ == "__main__":  # pragma: no cover
    main()
