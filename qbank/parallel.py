"""Run independent pieces of a build on several cores, with the same results as one core.

Item families and writers (and the audit beside them) do not depend on each other, so
each is a task. With more than one worker the tasks run in forked processes, which
inherit the bank, the topic index and every cache already built, so nothing large is
sent to them; only each task's result comes back. Results are returned in task order,
whatever order they finished in, so output bytes never depend on the worker count.
Where fork is not available (Windows, macOS default) or one worker is asked for, tasks
run one after another in this process.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from qbank import timings

ENV = "QBANK_WORKERS"
_TASKS: Sequence[Callable[[], Any]] = ()  # set just before forking; the workers inherit it


def default_workers() -> int:
    """$QBANK_WORKERS, else the cores this process may use (at most 4: the tasks are few)."""
    raw = os.environ.get(ENV, "").strip()
    if raw:
        try:
            return max(1, int(raw))
        except ValueError:
            from qbank.errors import QbankError

            raise QbankError(f"{ENV} must be a whole number of worker processes, not '{raw}'") from None
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on macOS/Windows
        cores = os.cpu_count() or 1
    return max(1, min(4, cores))


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def _run(n: int) -> tuple[Any, dict[str, float], dict[str, float]]:
    """One task in a worker: its result and the task times it recorded there."""
    timings.reset()
    result = _TASKS[n]()
    return (result, *timings.tasks())


def run_tasks(tasks: Sequence[Callable[[], Any]], workers: int) -> Iterator[Any]:
    """Each task's result, in task order; an exception raised by a task is raised here, in that order.

    Stage times recorded inside a worker are added to this process's timings."""
    global _TASKS
    if workers <= 1 or len(tasks) <= 1 or not can_fork():
        for task in tasks:
            yield task()
        return
    _TASKS = tasks
    # Objects made so far (the bank, the indexes) are moved out of the collector's reach: a worker's
    # collections then neither scan them nor touch (and so copy) the pages they share with this process.
    gc.freeze()
    try:
        with multiprocessing.get_context("fork").Pool(min(workers, len(tasks))) as pool:
            for result, wall, cpu in pool.imap(_run, range(len(tasks)), chunksize=1):
                timings.merge(wall, cpu)
                yield result
    finally:
        _TASKS = ()
        gc.unfreeze()
