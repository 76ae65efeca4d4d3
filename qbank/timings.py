"""Stage timings for benchmarks: with QBANK_TIMINGS=path a build writes {stage: seconds} as JSON.

Stages are read, generate, audit, write:<format> and package. Timing costs two clock reads
per stage, so it is always on; only the file is optional.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ENV = "QBANK_TIMINGS"
_stages: dict[str, float] = {}
_cpu: dict[str, float] = {}  # process CPU time per stage: steadier than wall time on a busy machine


@contextmanager
def stage(name: str) -> Iterator[None]:
    """Add the wall time of the block to stage ``name``."""
    start, cpu = time.perf_counter(), time.process_time()
    try:
        yield
    finally:
        _stages[name] = _stages.get(name, 0.0) + time.perf_counter() - start
        _cpu[name] = _cpu.get(name, 0.0) + time.process_time() - cpu


def reset() -> None:
    _stages.clear()
    _cpu.clear()


def stages() -> dict[str, float]:
    return dict(_stages)


def dump(**extra: object) -> None:
    """Write the stages (and ``extra``, plus this process's peak RSS) to $QBANK_TIMINGS, if set."""
    path = os.environ.get(ENV)
    if not path:
        return
    record: dict[str, object] = {"stages": stages(), "cpu_stages": dict(_cpu), **extra}
    try:
        import resource  # not on Windows

        # ru_maxrss is KiB on Linux, bytes on macOS
        scale = 1 if os.uname().sysname == "Darwin" else 1024
        record["peak_rss_bytes"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale
    except (ImportError, AttributeError):
        pass
    Path(path).write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
