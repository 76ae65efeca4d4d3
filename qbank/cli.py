"""The command line: thin wrappers over library functions; errors become one line and an exit code.

Exit codes: 0 ok, 1 bad input (QbankError), 2 usage (click), 3 internal error.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from qbank import __version__
from qbank.writers import WRITERS

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
        except BrokenPipeError:  # `qbank check | head`: the reader left; not an internal error
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            ctx.exit(1)
        except Exception as exc:  # noqa: BLE001 - the one place that reports unexpected errors
            if ctx.meta.get("qbank.debug"):
                raise
            if isinstance(exc, OSError) and exc.filename is not None:
                # a path the system refuses (a name over the length limit, no permission): the user's to fix
                where = os.fsencode(str(exc.filename)).decode("utf-8", "backslashreplace")
                click.echo(str(QbankError(f"cannot read or write: {exc.strerror or exc}", where)), err=True)
                ctx.exit(1)
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


def _config_output(config, out_dir: Path | None) -> Path:
    """The build directory: -o, else ``output`` from the config file, which must stay inside the project
    (a cloned repository's qbank.toml must not aim a build that replaces a folder at ~/Documents)."""
    from qbank.errors import QbankError

    if out_dir is not None or config.output is None:
        return Path(out_dir if out_dir is not None else DEFAULT_BUILD)
    target = Path(config.output)
    project = Path.cwd().resolve()
    real = Path(os.path.realpath(target))
    if real == project or project not in real.parents:
        raise QbankError(f"key 'output' ({config.output}) points outside the project folder; "
                         "pass -o to build there", " / ".join(config.files))
    return target


def _paths(paths: tuple[Path, ...]) -> list[Path]:
    return list(paths) if paths else [DEFAULT_TOPICS]


def _split_formats(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> tuple[str, ...]:
    """``--format a,b --format c`` -> (a, b, c); unknown names are a usage error listing known ones."""
    names = tuple(dict.fromkeys(n.strip() for v in value for n in v.split(",") if n.strip()))
    unknown = [n for n in names if n not in WRITERS]
    if unknown:
        raise click.BadParameter(f"unknown format '{unknown[0]}' (known: {', '.join(WRITERS)})")
    return names


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path, readable=False))
@click.option("-o", "--output", "out_dir", type=click.Path(path_type=Path, readable=False), default=None,
              help="Build directory, replaced as a whole when the build succeeds  [default: build]")
@click.option("-f", "--format", "formats", multiple=True, callback=_split_formats, metavar="NAME[,NAME]",
              help=f"Formats to write, repeated or comma-separated: {', '.join(WRITERS)}  [default: all]")
@click.option("--seed", type=int, default=None, help="Seed for option order  [default: 0]")
@click.option("--name", default=None, help="Bank name: the top Moodle category and the zip's name  [default: qbank]")
@click.option("--bank-version", "version", default=None, help="Version in the release zip's name  [default: 0.0.0]")
@click.option("--category-root", default=None, help="Moodle category the bank goes under  [default: $course$/top]")
@click.option("--release", is_flag=True, help="Also write <name>-<version>.zip of everything.")
@click.option("--templates", type=click.Path(exists=True, file_okay=False, readable=False, path_type=Path), default=None,
              help="Folder of templates that override the shipped ones (templates/<format>/<file>).")
@click.option("--gate", type=click.Choice(["release", "default", "off"]), default=None,
              help="Audit bar the bank is judged against; items with a critical flag are withheld, 'off' "
                   "writes everything (see docs/audit.md)  [default: release]")
@click.option("--strict", is_flag=True,
              help="Fail (exit 1, nothing written) when an item is withheld or the bar is missed: for CI.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
@click.option("-v", "--verbose", is_flag=True, help="List every file with its sha256, and every warning.")
@click.option("--schemas", type=click.Path(path_type=Path, file_okay=False, readable=False), default=None,
              help="Folder of official QTI/IMS XSDs: QTI packages are also validated against them.")
@click.option("-j", "--workers", type=click.IntRange(min=1), default=None,
              help="Worker processes; the output is the same for any number  [default: $QBANK_WORKERS, else the cores, up to 4]")
def build(paths: tuple[Path, ...], out_dir: Path | None, formats: tuple[str, ...], seed: int | None,
          name: str | None, version: str | None, category_root: str | None, release: bool,
          templates: Path | None, gate: str | None, strict: bool, quiet: bool, verbose: bool,
          schemas: Path | None, workers: int | None) -> None:
    """Build question banks from topic files (default: topics/ -> build/).

    Settings also come from qbank.toml or [tool.qbank] in pyproject.toml in the current
    directory; options given here win.
    """
    from qbank.build import DEFAULT_VERSION, build_stages
    from qbank.build import build as run_build
    from qbank.config import load_config
    from qbank.errors import QbankError
    from qbank.writers import WriteOptions

    config = load_config()
    chosen = list(formats) or config.formats or list(WRITERS)
    for fmt in chosen:
        if fmt not in WRITERS:
            raise QbankError(f"unknown format '{fmt}' in key 'formats' (known: {', '.join(WRITERS)})",
                             " / ".join(config.files))
    template_dir = config.get("templates", templates, None)
    if template_dir is not None and not Path(template_dir).is_dir():
        raise QbankError(f"key 'templates': no such folder '{template_dir}'", " / ".join(config.files))
    options = WriteOptions(
        # absolute, because template environments are cached per folder name for the process
        templates=str(Path(template_dir).resolve()) if template_dir is not None else None,
        category_root=config.get("category_root", category_root, WriteOptions.category_root),
    )
    if schemas is not None:
        from qbank.validate import check_schema_dir

        options.schemas = str(check_schema_dir(schemas))
    topic_paths = list(paths) or [Path(p) for p in (config.topics or [DEFAULT_TOPICS])]
    target = _config_output(config, out_dir)
    stages = build_stages(chosen, release)
    kwargs = dict(
        seed=config.get("seed", seed, 0), formats=chosen, name=config.get("name", name, "qbank"),
        options=options, release=release, version=config.get("version", version, DEFAULT_VERSION),
        # a bar name in the config's `gate`; a table there is for the audit's own thresholds
        gate=gate or (config.gate if isinstance(config.gate, str) else None) or "release", strict=strict,
        workers=workers,
    )
    if not quiet and sys.stderr.isatty():
        with click.progressbar(length=len(stages), label="Building", file=sys.stderr,
                               item_show_func=lambda s: s or "") as bar:
            result = run_build(topic_paths, target, progress=lambda stage: bar.update(1, stage), **kwargs)
    else:
        result = run_build(topic_paths, target, **kwargs)
    for w in result.withheld:  # a warning even with --quiet: items the tutor asked for are missing
        click.echo(f"{w['source'] or w['topic']}: warning: item {w['id']} \u201c{w['title']}\u201d withheld: "
                   f"critical audit flag {', '.join(w['flags'])}", err=True)
    if result.missed:
        click.echo(f"qbank: warning: the bank misses the {kwargs['gate']} bar: {'; '.join(result.missed)} "
                   "(written anyway; --strict makes this an error)", err=True)
    if not quiet:
        from qbank.summary import summary

        report, warnings = summary(result, verbose=verbose, note=_changes_summary)
        for line in warnings:
            click.echo(line, err=True)
        if verbose:
            _echo_skipped(result.skipped)
        for line in report:
            click.echo(line)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path, readable=False))
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
    from qbank.audit.report import withheld_entry
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
    if not bank.items:  # nothing to audit is not a bank that meets a bar
        if bank.topics and not as_json:
            # topic files that gave nothing: say why, line by line, before the error
            from qbank.generate.coverage import bank_coverage, render_coverage

            click.echo(render_coverage(bank_coverage(bank), None if show_all else 50), nl=False)
        raise QbankError("the bank has no items; there is nothing to audit", str(targets[0]))
    report = audit_bank(bank)
    withheld = None  # a build names the items it withheld in its manifest; bank.json lacks them
    folder = targets[0].parent if targets[0].suffix == ".json" else targets[0]
    if len(targets) == 1 and (folder / "manifest.json").is_file():
        try:
            withheld = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))["audit"]["withheld"]
        except (ValueError, KeyError, TypeError):
            withheld = None
    if as_json:
        click.echo(json.dumps({"bar": bar, **report.to_dict(),
                               "withheld": withheld if withheld is not None else
                               [withheld_entry(a) for a in report.critical()]}, indent=2, ensure_ascii=False))
    else:
        click.echo(render_report(report, bar, None if show_all else 50, withheld), nl=False)
        from qbank.generate.coverage import bank_coverage, render_coverage

        click.echo(render_coverage(bank_coverage(bank), None if show_all else 50), nl=False)
    if check_gate(report, bar):
        sys.exit(1)


def _echo_skipped(skipped) -> None:
    """Files in a topics folder that are not topic notes (README.md, LICENSE...): listed, not warned about."""
    for path, why in skipped:
        click.echo(f"{path}: skipped: {why}", err=True)


def _changes_summary(output) -> str:
    """One line per format: '12 ordering items converted to matching, 8 essay items without grader information'."""
    from collections import Counter

    counts: Counter = Counter()
    for c in output.converted:
        if c.get("to", c["kind"]) != c["kind"]:
            counts[(c["kind"], f"converted to {c['to']}")] += 1
        for lost in filter(None, c.get("lost", "").split("; ")):
            # a name change can hit any kind: count it once for all kinds
            counts[("" if "name" in lost else c["kind"], f"without {lost}")] += 1
    for s in output.skipped:
        counts[(s["kind"], "skipped")] += 1
    return ", ".join(
        f"{n} {kind + ' ' if kind else ''}item{'' if n == 1 else 's'} {what}" for (kind, what), n in counts.items()
    )


@main.command()
@click.argument("path", type=click.Path(path_type=Path, readable=False))
@click.option("--schemas", type=click.Path(path_type=Path, file_okay=False, readable=False), default=None,
              help="Folder of official QTI/IMS XSDs (e.g. ../shared/xsd) to validate against as well.")
def validate(path: Path, schemas: Path | None) -> None:
    """Check a QTI package (zip or folder) or one XML file; print each problem as file:line: error: message.

    Exit 1 on any error (warnings alone pass). Zip bombs, devices and broken zips are refused.
    """
    from qbank.validate import validate_path

    problems = validate_path(path, schemas)
    for problem in problems:
        click.echo(str(problem))
    errors = sum(p.level == "error" for p in problems)
    if errors:
        click.echo(f"qbank: {errors} error(s) in {path}", err=True)
        raise SystemExit(1)
    warned = f", {len(problems)} warning(s)" if problems else ""
    click.echo(f"{path}: ok{warned}" + (" (structure, scoring and schemas)" if schemas else " (structure and scoring; add --schemas DIR for XSDs)"))


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path, readable=False))
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too (for CI).")
@click.option("-v", "--verbose", is_flag=True, help="Also list files skipped as not topic notes (README.md, LICENSE...).")
@click.pass_context
def check(ctx: click.Context, paths: tuple[Path, ...], strict: bool, verbose: bool) -> None:
    """Report every problem in topic files as file:line: messages; writes nothing."""
    from qbank.check import check as run_check

    from qbank.config import load_config

    # the same files `qbank build` would read: arguments, else `topics` in qbank.toml, else topics/
    result = run_check(list(paths) or [Path(p) for p in (load_config().topics or [DEFAULT_TOPICS])])
    if verbose:
        _echo_skipped(result.skipped)
    for diag in result.diagnostics:
        click.echo(str(diag))
    click.echo(result.summary())
    ctx.exit(result.exit_code(strict))


if __name__ == "__main__":  # pragma: no cover
    main()
