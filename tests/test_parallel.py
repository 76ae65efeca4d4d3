"""Both cores, same bytes: a build with several workers writes exactly what one worker writes."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT
from qbank import parallel
from qbank.build import PARALLEL_ITEMS, build
from qbank.errors import QbankError
from qbank.generate import PARALLEL_TOPICS

sys.path.insert(0, str(ROOT / "benchmarks"))
import synth_topics  # noqa: E402

needs_fork = pytest.mark.skipif(not parallel.can_fork(), reason="workers need fork")


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@needs_fork
def test_one_and_two_workers_write_the_same_bytes(tmp_path):
    topics = synth_topics.write_topics(max(PARALLEL_TOPICS, PARALLEL_ITEMS // 9), tmp_path / "topics")
    one = build(topics, tmp_path / "one", workers=1, release=True)
    two = build(topics, tmp_path / "two", workers=2, release=True)
    assert len(two.bank.items) >= PARALLEL_ITEMS  # big enough that both phases really ran in workers
    a, b = _files(tmp_path / "one"), _files(tmp_path / "two")
    assert sorted(a) == sorted(b) and len(a) > 10
    for name in a:
        assert a[name] == b[name], name
    assert one.audit.to_dict() == two.audit.to_dict()


@needs_fork
def test_tasks_run_in_workers_and_come_back_in_task_order():
    def slow_pid():
        time.sleep(0.5)  # finishes last: its result must still come first
        return os.getpid()

    results = list(parallel.run_tasks([slow_pid, os.getpid, os.getpid, lambda: "last"], 2))
    assert results[-1] == "last"
    assert os.getpid() not in results[:3]
    assert list(parallel.run_tasks([os.getpid, os.getpid], 1)) == [os.getpid()] * 2


@needs_fork
def test_an_error_in_a_worker_is_the_same_error_here():
    def fail():
        raise QbankError("bad thing", "t.txt", 7)

    with pytest.raises(QbankError) as caught:
        list(parallel.run_tasks([os.getpid, fail], 2))
    assert str(caught.value) == "t.txt:7: error: bad thing"


@needs_fork
def test_a_failed_strict_build_with_workers_leaves_nothing_behind(tmp_path):
    topics = synth_topics.write_topics(PARALLEL_TOPICS + 4, tmp_path / "topics")
    with pytest.raises(QbankError, match="misses the release bar"):
        build(topics, tmp_path / "out", workers=2, gate="release", strict=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["topics"]  # no output, no staging folder


def test_workers_from_the_environment(monkeypatch):
    monkeypatch.setenv(parallel.ENV, "3")
    assert parallel.default_workers() == 3
    monkeypatch.setenv(parallel.ENV, "many")
    with pytest.raises(QbankError, match="QBANK_WORKERS must be a whole number"):
        parallel.default_workers()


_NEIGHBOURS = """
import sys
sys.path.insert(0, sys.argv[1]); sys.path.insert(0, sys.argv[1] + "/benchmarks")
from pathlib import Path
import synth_topics
from qbank.generate.facts import build_facts
from qbank.reader import read_topics
topics, _ = read_topics(sorted(synth_topics.write_topics(int(sys.argv[3]), Path(sys.argv[2]))))
facts = build_facts(topics)
for t in topics:
    print(t.slug, *(o.slug for o in facts.neighbourhood(t)))
"""


def test_neighbourhoods_do_not_depend_on_the_hash_seed(tmp_path):
    """Distractor pools come from each topic's nearest topics; the ranking sums weights over a set of
    stems, which a string hash seed orders differently in each process: summed in one order, or ties
    between equally near topics go different ways and a rebuild writes other items."""
    import subprocess

    runs = []
    for seed in ("3", "4", "5"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run([sys.executable, "-c", _NEIGHBOURS, str(ROOT), str(tmp_path / seed), "100"],
                             env=env, capture_output=True, text=True, check=True).stdout
        runs.append(out)
    assert runs[0].count("\n") == 100
    assert runs[0] == runs[1] == runs[2]  # (seeds 3 and 4 ranked one topic's neighbours differently)
