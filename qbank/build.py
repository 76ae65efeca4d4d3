"""The pipeline: read -> generate -> write every format -> manifest, failing closed.

Everything is written to a temporary folder beside the output folder and swapped in
only when the whole build succeeded, so a failed build never leaves a half-written or
clobbered build/.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from contextlib import closing
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from qbank import __version__
from qbank.audit import AuditReport, audit_bank, check_gate
from qbank.audit.report import withheld_entry
from qbank.errors import InputErrors, QbankError
from qbank.generate import build_bank
from qbank.model import Bank, Diagnostic
from qbank.parallel import default_workers, run_tasks
from qbank.packaging import build_files, release_name, write_sums, write_zip
from qbank.reader import ScanResult, scan_topics, written_diagnostics
from qbank.timings import dump as dump_timings
from qbank.timings import reset as reset_timings
from qbank.timings import stage, task
from qbank.writers import WRITERS, Output, WriteOptions, count_kinds, writer_for
from qbank.outdir import Staging, check_replaceable, real_output, tidy
from qbank.safety import check_well_formed, clean_name
from qbank.templating import template_errors

MANIFEST = "manifest.json"
DEFAULT_FORMATS: tuple[str, ...] = tuple(WRITERS)
DEFAULT_VERSION = "0.0.0"
PARALLEL_ITEMS = 500  # smaller banks are written in one process
Progress = Callable[[str], None]  # called with a stage's name when that stage is done


@dataclass
class BuildResult:
    bank: Bank
    out_dir: Path
    outputs: list[Output] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    manifest: dict = field(default_factory=dict)
    audit: AuditReport | None = None
    release: Path | None = None  # the release zip, when one was asked for
    withheld: list[dict] = field(default_factory=list)  # items not written: critical audit flags
    missed: list[str] = field(default_factory=list)  # measures that miss the gate's bar
    skipped: list[tuple[str, str]] = field(default_factory=list)  # files in topic folders that are not topics, and why


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def load_bank(paths: Sequence[Path], seed: int = 0, name: str = "qbank", progress: Progress | None = None,
              scan: ScanResult | None = None, workers: int = 1) -> Bank:
    """Read topic files and generate their bank (no files written).

    ``scan``, if given, receives how outputs name each input and the files skipped as not topics.
    """
    with stage("read"):
        scanned = scan_topics(list(paths))
        if scanned.errors:
            raise InputErrors(scanned.diagnostics)
        if scan is not None:
            scan.shown, scan.skipped = scanned.shown, scanned.skipped
        topics, diagnostics = scanned.topics, scanned.diagnostics
    if progress:
        progress("read")
    with stage("generate"):
        bank = build_bank(topics, seed=seed, name=name, diagnostics=diagnostics, workers=workers)
    if progress:
        progress("generate")
    return bank


def make_manifest(bank: Bank, outputs: Sequence[Output], root: Path, audit: dict | None = None,
                  coverage: dict | None = None) -> dict:
    manifest = {
        "qbank_version": __version__,
        "bank": bank.name,
        "seed": bank.seed,
        "inputs": [{"path": t.path, "sha256": t.sha256} for t in bank.topics],
        "items": {"total": len(bank.items), "by_type": count_kinds(bank.items)},
        "outputs": [
            {
                "path": o.path,
                "format": o.format,
                "sha256": sha256_file(root / o.path),
                "items": o.counts,
                "skipped": o.skipped,
                "converted": o.converted,
            }
            for o in outputs
        ],
    }
    if audit is not None:
        manifest["audit"] = audit
    if coverage is None:
        from qbank.generate.coverage import bank_coverage

        coverage = bank_coverage(bank)
    manifest["coverage"] = coverage
    return manifest


def build_stages(formats: Sequence[str] | None = None, release: bool = False) -> list[str]:
    """The stages :func:`build` reports to its ``progress`` callback, in order."""
    stages = ["read", "generate", *(f"write {fmt}" for fmt in (formats or DEFAULT_FORMATS)), "manifest"]
    return stages + (["package"] if release else [])


def build(
    paths: Sequence[Path],
    out_dir: Path,
    seed: int = 0,
    formats: Sequence[str] | None = None,
    name: str = "qbank",
    options: WriteOptions | None = None,
    release: bool = False,
    version: str = DEFAULT_VERSION,
    progress: Progress | None = None,
    gate: str = "off",
    strict: bool = False,
    workers: int | None = None,
) -> BuildResult:
    """Build every requested format into ``out_dir``; on any error ``out_dir`` is untouched.

    Besides the formats: ``manifest.json``, ``SHA256SUMS`` over every file, and with
    ``release`` one zip ``<name>-<version>.zip`` of everything. ``gate`` ("release",
    "default" or "off") is the audit bar the bank is judged against (the CLI defaults to
    "release"): items with a critical flag are withheld and the rest written, and with
    ``strict`` the build fails (nothing written) when an item is withheld or the bar is
    missed; see :func:`gate_bank`. The audit is recorded in the manifest either way.
    ``workers`` processes (default: qbank.parallel.default_workers()) generate the families
    and then run the writers side by side; the bytes written do not depend on it.
    """
    if gate not in ("release", "default", "off"):
        raise QbankError(f"unknown gate '{gate}' (known: release, default, off)")
    formats = list(dict.fromkeys(formats or DEFAULT_FORMATS))
    tick = progress or (lambda stage: None)
    for fmt in formats:
        if fmt not in WRITERS:
            raise QbankError(f"unknown format '{fmt}' (known: {', '.join(WRITERS)})")
    options = options or WriteOptions()
    name, options = clean_name(name, options)  # what reaches a category path or a file must be printable
    workers = default_workers() if workers is None else max(1, workers)
    reset_timings()
    scan = ScanResult()
    bank = load_bank(paths, seed=seed, name=name, progress=progress, scan=scan, workers=workers)
    if not bank.items:
        raise QbankError("no items could be generated from the input (`qbank audit` on the same files lists why each "
                         "statement was skipped)", ", ".join(t.path for t in bank.topics) or None)
    with stage("audit"):
        report = audit_bank(bank)
        withheld, bank, report, missed = gate_bank(bank, report, gate, strict, paths)
    audit_summary = {"gate": gate, "strict": strict, **report.summary(), "withheld": withheld, "missed": missed}
    # what is written names inputs as display_path does: never absolute, the same from any checkout
    written = dataclasses.replace(bank, diagnostics=written_diagnostics(bank.diagnostics, scan.shown))

    out_dir = Path(out_dir)
    _refuse_to_replace_inputs(out_dir, paths)
    real_out = real_output(out_dir)
    check_replaceable(real_out, out_dir)
    try:
        real_out.parent.mkdir(parents=True, exist_ok=True)
        tidy(real_out)
        staged = Staging(real_out)
        staging = staged.path
    except OSError as exc:
        raise QbankError(f"cannot create the output directory: {exc.strerror or exc}", str(out_dir)) from None
    try:
        outputs: list[Output] = []
        # The writers are independent tasks: side by side with several workers, in turn with one.
        # The manifest's coverage report needs no output: it is one more task, first, so that it runs
        # beside the writers rather than after them.
        tasks = [partial(_coverage, written)] + [partial(_write, fmt, written, staging, options) for fmt in formats]
        if len(bank.items) < PARALLEL_ITEMS:
            workers = 1  # starting workers costs more than it saves
        # closing(): on an error the workers are stopped before the staging folder is removed
        with stage("write"), closing(run_tasks(tasks, workers)) as results:
            coverage = next(results)
            for fmt, made in zip(formats, results):
                outputs.extend(made)
                tick(f"write {fmt}")
        with stage("package"):  # manifest, checksums, release zip, swap-in
            manifest = make_manifest(written, outputs, staging, audit_summary, coverage)
            manifest["version"] = version
            zip_name = f"{release_name(bank.name, version)}.zip" if release else None
            manifest["release"] = zip_name
            (staging / MANIFEST).write_text(
                json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8", newline="\n"
            )
            # every XML written parses, before it replaces anything (the writers' outputs were checked
            # by their tasks; anything else here is checked now)
            check_well_formed(staging, skip={o.path for o in outputs})
            write_sums(staging)
            tick("manifest")
            if zip_name:
                # the zip holds every file and the SHA256SUMS that covers them; the outer
                # SHA256SUMS is then rewritten to cover the zip as well
                write_zip(staging, staging / zip_name, zip_name[: -len(".zip")], build_files(staging))
                write_sums(staging)
                tick("package")
            staged.swap_in(out_dir)
    except OSError as exc:  # disk full, permissions: the user's to fix, not a bug
        staged.discard()
        raise QbankError(f"cannot write the build: {exc.strerror or exc}", str(out_dir)) from None
    except BaseException:  # includes KeyboardInterrupt: the previous build stays as it was
        staged.discard()
        raise
    dump_timings(items=len(bank.items), topics=len(bank.topics), formats=formats, workers=workers)
    return BuildResult(bank, out_dir, outputs, list(bank.diagnostics), manifest, audit=report,
                       release=out_dir / zip_name if zip_name else None, withheld=withheld, missed=missed,
                       skipped=list(scan.skipped))


def gate_bank(bank: Bank, report: AuditReport, gate: str, strict: bool,
              paths: Sequence[Path]) -> tuple[list[dict], Bank, AuditReport, list[str]]:
    """(withheld items, the bank to write, its audit, the measures that miss the bar).

    ``gate`` "off": everything is written and nothing judged. Otherwise items with a critical
    flag are withheld (named in the result) and the rest judged against the ``gate`` bar; with
    ``strict`` anything withheld or any missed measure is an error and nothing is written.
    """
    if gate == "off":
        return [], bank, report, []
    withheld = [withheld_entry(a) for a in report.critical()]
    if withheld:
        bank, report = report.without(bank, {w["id"] for w in withheld})
    missed = check_gate(report, gate)
    if strict and (withheld or missed):
        named = "; ".join(f"{w['source'] or w['topic']}: {w['id']} ({', '.join(w['flags'])})" for w in withheld)
        why = ([f"{len(withheld)} item(s) with a critical flag: {named}"] if withheld else []) + missed
        raise QbankError(
            f"--strict: the bank misses the {gate} bar, nothing was written: {'; '.join(why)} "
            f"(`qbank audit {' '.join(Path(p).as_posix() for p in paths)}` lists the flagged items)"
        )
    if not bank.items:
        raise QbankError("every item has a critical flag, nothing was written "
                         f"(`qbank audit {' '.join(Path(p).as_posix() for p in paths)}` lists them)")
    return withheld, bank, report, missed


def _coverage(bank: Bank) -> dict:
    from qbank.generate.coverage import bank_coverage

    with task("coverage"):
        return bank_coverage(bank)


def _write(fmt: str, bank: Bank, staging: Path, options: WriteOptions) -> list[Output]:
    with task(f"write:{fmt}"), template_errors():
        made = writer_for(fmt)(bank, staging, options)
        # every XML written parses (and every XML in a zip written), checked where it was written:
        # side by side with the other writers, not all after them
        check_well_formed(staging, only=[o.path for o in made])
        return made


def _refuse_to_replace_inputs(out_dir: Path, paths: Sequence[Path]) -> None:
    """The build directory is replaced as a whole: it must not hold the topics or the working directory."""
    target = out_dir.resolve()
    for inside in [Path.cwd(), *paths]:
        here = Path(inside).resolve()
        if here == target or target in here.parents:
            what = "the current directory" if inside == Path.cwd() else f"the input {Path(inside).as_posix()}"
            raise QbankError(f"the output directory would replace {what}; choose another -o", out_dir.as_posix())
