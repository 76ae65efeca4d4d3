"""The pipeline: read -> generate -> write every format -> manifest, failing closed.

Everything is written to a temporary folder beside the output folder and swapped in
only when the whole build succeeded, so a failed build never leaves a half-written or
clobbered build/.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from qbank import __version__
from qbank.audit import AuditReport, audit_bank, check_gate
from qbank.errors import QbankError
from qbank.generate import build_bank
from qbank.model import Bank, Diagnostic
from qbank.reader import read_topics
from qbank.timings import dump as dump_timings
from qbank.timings import reset as reset_timings
from qbank.timings import stage
from qbank.writers import WRITERS, Output, WriteOptions, count_kinds, writer_for

MANIFEST = "manifest.json"
DEFAULT_FORMATS: tuple[str, ...] = tuple(WRITERS)


@dataclass
class BuildResult:
    bank: Bank
    out_dir: Path
    outputs: list[Output] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    manifest: dict = field(default_factory=dict)
    audit: AuditReport | None = None


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def load_bank(paths: Sequence[Path], seed: int = 0, name: str = "qbank") -> Bank:
    """Read topic files and generate their bank (no files written)."""
    with stage("read"):
        topics, diagnostics = read_topics(list(paths))
    with stage("generate"):
        return build_bank(topics, seed=seed, name=name, diagnostics=diagnostics)


def make_manifest(bank: Bank, outputs: Sequence[Output], root: Path, audit: dict | None = None) -> dict:
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
            }
            for o in outputs
        ],
    }
    if audit is not None:
        manifest["audit"] = audit
    return manifest


def build(
    paths: Sequence[Path],
    out_dir: Path,
    seed: int = 0,
    formats: Sequence[str] | None = None,
    name: str = "qbank",
    options: WriteOptions | None = None,
    gate: str = "off",
) -> BuildResult:
    """Build every requested format into ``out_dir``; on any error ``out_dir`` is untouched.

    ``gate`` ("release", "default" or "off") is the audit bar the bank must meet before
    anything is written (the CLI defaults to "release"); the audit is recorded either way.
    """
    if gate not in ("release", "default", "off"):
        raise QbankError(f"unknown gate '{gate}' (known: release, default, off)")
    formats = list(formats or DEFAULT_FORMATS)
    for fmt in formats:
        if fmt not in WRITERS:
            raise QbankError(f"unknown format '{fmt}' (known: {', '.join(WRITERS)})")
    options = options or WriteOptions()
    reset_timings()
    bank = load_bank(paths, seed=seed, name=name)
    if not bank.items:
        raise QbankError("no items could be generated from the input", ", ".join(t.path for t in bank.topics) or None)
    with stage("audit"):
        report = audit_bank(bank)
    failed = check_gate(report, gate) if gate != "off" else []
    if failed:
        raise QbankError(
            f"the bank misses the {gate} bar, nothing was written: {'; '.join(failed)} "
            f"(`qbank audit {' '.join(Path(p).as_posix() for p in paths)}` lists the flagged items; "
            "or build with --gate default / --gate off)"
        )
    audit_summary = {"gate": gate, **report.summary()}

    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.tmp-", dir=out_dir.parent))
    try:
        outputs: list[Output] = []
        for fmt in formats:
            with stage(f"write:{fmt}"):
                outputs.extend(writer_for(fmt)(bank, staging, options))
        with stage("package"):
            manifest = make_manifest(bank, outputs, staging, audit_summary)
            (staging / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
            _swap_in(staging, out_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    dump_timings(items=len(bank.items), topics=len(bank.topics), formats=formats)
    return BuildResult(bank, out_dir, outputs, list(bank.diagnostics), manifest, report)


def _swap_in(staging: Path, out_dir: Path) -> None:
    """Replace out_dir by staging with two renames; the old build is removed only after."""
    os.chmod(staging, 0o755)
    old = None
    if out_dir.exists():
        if not out_dir.is_dir():
            raise QbankError("output path exists and is not a directory", str(out_dir))
        old = out_dir.with_name(f".{out_dir.name}.old-{os.getpid()}")
        os.replace(out_dir, old)
    try:
        os.replace(staging, out_dir)
    except BaseException:
        if old is not None:
            os.replace(old, out_dir)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
