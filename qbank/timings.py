"""Stage timings for benchmarks: with QBANK_TIMINGS=path a build writes {stage: seconds} as JSON.

Stages are the phases of a build in order (read, generate, write, package: their wall times
add up to the build's). Tasks are the pieces a phase runs, perhaps side by side in worker
processes (family:<name>, audit, write:<format>): their wall and CPU times are measured where
they ran. Timing costs two clock reads per stage, so it is always on; only the file is optional.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

ENV = "QBANK_TIMINGS"
_stages: dict[str, float] = {}
_cpu: dict[str, float] = {}  # process CPU time per stage: steadier than wall time on a busy machine
_tasks: dict[str, float] = {}
_task_cpu: dict[str, float] = {}


@contextmanager
def _timed(wall: dict[str, float], cpu: dict[str, float], name: str) -> Iterator[None]:
    start, cpu_start = time.perf_counter(), time.process_time()
    try:
        yield
    finally:
        wall[name] = wall.get(name, 0.0) + time.perf_counter() - start
        cpu[name] = cpu.get(name, 0.0) + time.process_time() - cpu_start


def stage(name: str) -> AbstractContextManager[None]:
    """Add the wall (and CPU) time of the block to stage ``name``."""
    return _timed(_stages, _cpu, name)


def task(name: str) -> AbstractContextManager[None]:
    """Add the wall and CPU time of the block to task ``name`` (in whichever process runs it)."""
    return _timed(_tasks, _task_cpu, name)


def reset() -> None:
    _stages.clear()
    _cpu.clear()
    _tasks.clear()
    _task_cpu.clear()


def stages() -> dict[str, float]:
    return dict(_stages)


def tasks() -> tuple[dict[str, float], dict[str, float]]:
    """(wall, CPU) seconds per task."""
    return dict(_tasks), dict(_task_cpu)


def merge(wall: dict[str, float], cpu: dict[str, float]) -> None:
    """Add task times measured in a worker process."""
    for name, seconds in wall.items():
        _tasks[name] = _tasks.get(name, 0.0) + seconds
    for name, seconds in cpu.items():
        _task_cpu[name] = _task_cpu.get(name, 0.0) + seconds


def dump(**extra: object) -> None:
    """Write the stages (and ``extra``, plus this process's peak RSS) to $QBANK_TIMINGS, if set."""
    path = os.environ.get(ENV)
    if not path:
        return
    record: dict[str, object] = {"stages": stages(), "cpu_stages": dict(_cpu), "tasks": dict(_tasks),
                                 "task_cpu": dict(_task_cpu), **extra}
    try:
        import resource  # not on Windows

        # ru_maxrss is KiB on Linux, bytes on macOS
        scale = 1 if os.uname().sysname == "Darwin" else 1024
        record["peak_rss_bytes"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale
        # the largest worker process (0 when every task ran in this one)
        record["worker_peak_rss_bytes"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * scale
        record["cpu_total"] = sum(resource.getrusage(who).ru_utime + resource.getrusage(who).ru_stime
                                  for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    except (ImportError, AttributeError):
        pass
    Path(path).write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
