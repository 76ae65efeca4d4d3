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
            click.echo(f"qbank: {exc}", err=True)
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
@click.option("--gate", type=click.Choice(["release", "default", "off"]), default="release", show_default=True,
              help="Audit bar the bank must meet before anything is written (see docs/audit.md).")
def build(paths: tuple[Path, ...], out_dir: Path, seed: int, name: str, quiet: bool, gate: str) -> None:
    """Build question banks from topic files (default: topics/ -> build/)."""
    from qbank.build import build as run_build

    result = run_build(_paths(paths), out_dir, seed=seed, name=name, gate=gate)
    for diag in result.diagnostics:
        click.echo(str(diag), err=True)
    if not quiet:
        total = len(result.bank.items)
        click.echo(f"{total} items from {len(result.bank.topics)} topics -> {out_dir}")
        for o in result.outputs:
            counts = ", ".join(f"{n} {k}" for k, n in o.counts.items())
            click.echo(f"  {o.path} ({o.format}): {counts}")
        if result.audit is not None:
            m = {x.name: x for x in result.audit.measures}
            verdict = "met" if result.manifest.get("audit", {}).get("passes", {}).get("release") else "NOT met"
            click.echo(f"  audit: release bar {verdict}; score {m['bank_score'].show(m['bank_score'].value)}, "
                       f"flawed {m['flawed_rate'].show(m['flawed_rate'].value)} (details: qbank audit {out_dir})")


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the full report as JSON.")
@click.option("--bar", type=click.Choice(["release", "default"]), default="release", show_default=True,
              help="Which bar decides the exit code.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed, when auditing topic files directly.")
@click.option("--all", "show_all", is_flag=True, help="List every flagged item (default: the first 50).")
def audit(paths: tuple[Path, ...], as_json: bool, bar: str, seed: int, show_all: bool) -> None:
    """Audit a built bank (BUILD_DIR/bank.json, default build/) or topic files; exit 1 if the bar is missed.

    PATHS is a build directory or a bank.json file; topic files or folders are also accepted
    and generated in memory first.
    """
    import json

    from qbank.errors import QbankError
    from qbank.audit import audit_bank, check_gate, render_report
    from qbank.bankjson import FILENAME, read_bank_file

    targets = list(paths) or [DEFAULT_BUILD]
    if len(targets) == 1 and (targets[0] / "manifest.json").is_file() and not (targets[0] / FILENAME).is_file():
        raise QbankError(f"{targets[0]} was built without the bank-json format; rebuild it to audit it")
    if len(targets) == 1 and (targets[0].suffix == ".json" or (targets[0] / FILENAME).is_file()
                              or targets[0] == DEFAULT_BUILD):
        bank = read_bank_file(targets[0])
    else:
        from qbank.build import load_bank

        bank = load_bank(targets, seed=seed)
    report = audit_bank(bank)
    if as_json:
        click.echo(json.dumps({"bar": bar, **report.to_dict()}, indent=2, ensure_ascii=False))
    else:
        click.echo(render_report(report, bar, None if show_all else 50), nl=False)
    if check_gate(report, bar):
        sys.exit(1)


if __name__ == "__main__":  # pragma: no cover
    main()
