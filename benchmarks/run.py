"""The qbank benchmark, in one command (issue 8).

For each size it writes synthetic topics, times a whole-process ``qbank build`` (every
format in qbank.writers.WRITERS, audit included) and each format built alone, and, on
the same number of items, the bare-lxml floor and text2qti. Prints markdown tables with
the ratios and writes benchmarks/out/results.json and results.md.

    pip install '.[bench]' && python benchmarks/run.py            # 100 .. 100,000 items
    python benchmarks/run.py --quick                               # 100 and 1,000 items
    python benchmarks/run.py --sizes 10000 --repeat 5

Times are wall-clock (the best of --repeat runs, since other load only ever adds time)
and CPU (user+sys of the child process). Peak memory is the child's ru_maxrss.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
if (ROOT / "qbank").is_dir():  # benchmark the checkout this script sits in
    sys.path.insert(0, str(ROOT))

import floor  # noqa: E402
import synth_topics  # noqa: E402
import text2qti_bench  # noqa: E402

DEFAULT_SIZES = (100, 1_000, 10_000, 100_000)
ONE_FORMAT = "import sys; from pathlib import Path; from qbank.build import build; " \
             "build([Path(sys.argv[1])], Path(sys.argv[2]), formats=[sys.argv[3]])"


def child_env(timings: Path | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    env.pop("QBANK_TIMINGS", None)
    if timings is not None:
        env["QBANK_TIMINGS"] = str(timings)
    return env


def timed_child(cmd: list[str], cwd: Path, timings: Path | None = None) -> dict:
    """Run one child process; its wall time, CPU time and (from QBANK_TIMINGS) stages and peak RSS."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, env=child_env(timings), capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    result = {"wall": wall, "cpu": (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)}
    if timings is not None and timings.exists():
        result.update(json.loads(timings.read_text(encoding="utf-8")))
        timings.unlink()
    return result


def best_of(repeat: int, run) -> dict:
    runs = [run() for _ in range(repeat)]
    best = min(runs, key=lambda r: r["wall"])
    best["cpu"] = min(r["cpu"] for r in runs)
    best["walls"] = [round(r["wall"], 4) for r in runs]
    return best


def gate_args() -> list[str]:
    """``--gate off`` when the CLI has a gate: synthetic text is timed, not judged (the audit still runs)."""
    help_text = subprocess.run([sys.executable, "-m", "qbank", "build", "--help"], capture_output=True,
                               text=True, env=child_env(), cwd=ROOT).stdout
    return ["--gate", "off"] if "--gate" in help_text else []


def items_per_topic(work: Path, seed: int) -> float:
    """Measured, so topic counts stay right as item families are added."""
    from qbank.build import load_bank

    sample = synth_topics.write_topics(40, work / "calibrate", seed)
    bank = load_bank(sample, seed=seed)
    return len(bank.items) / 40


def floor_name(fmt: str) -> str:
    """The floor a format is held to: its own (floor.FLOORS), else Moodle XML for a one-file format
    and QTI 2.1 for a package."""
    if fmt in floor.FLOORS:
        return fmt
    return "qti21" if ("qti" in fmt or "canvas" in fmt) else "moodle-xml"


def help_time(repeat: int = 10) -> dict:
    walls = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "qbank", "--help"], env=child_env(), cwd=ROOT,
                       check=True, stdout=subprocess.DEVNULL)
        walls.append(time.perf_counter() - start)
    return {"min": min(walls), "median": statistics.median(walls)}


def machine() -> dict:
    mem = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                                text=True).stdout.strip()
    except OSError:
        commit = ""
    return {
        "cpus": os.cpu_count(),
        "memory": mem,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "load_average_at_start": os.getloadavg() if hasattr(os, "getloadavg") else None,
        "commit": commit,
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
    }


def bench_size(size: int, args, work: Path, ipt: float, formats: list[str], extra: list[str]) -> dict:
    n_topics = max(1, math.ceil(size / ipt))
    topics = work / f"topics-{size}"
    synth_topics.write_topics(n_topics, topics, args.seed)
    repeat = args.repeat if size <= args.repeat_max else 1
    print(f"[{size} items] {n_topics} topics; qbank build (all formats) x{repeat}", file=sys.stderr, flush=True)
    cmd = [sys.executable, "-m", "qbank", "build", str(topics), "-o", str(work / "build"), "-q", *extra]
    full = best_of(repeat, lambda: timed_child(cmd, work, work / "timings.json"))
    items = full.get("items", size)
    row = {"size": size, "topics": n_topics, "items": items, "all": full, "formats": {}}

    if size <= args.per_format_max:
        for fmt in formats:
            print(f"[{size} items] {fmt} alone", file=sys.stderr, flush=True)
            one = [sys.executable, "-c", ONE_FORMAT, str(topics), str(work / f"build-{fmt}"), fmt]
            row["formats"][fmt] = best_of(repeat, lambda: timed_child(one, work, work / "timings.json"))
            shutil.rmtree(work / f"build-{fmt}", ignore_errors=True)

    print(f"[{size} items] floor", file=sys.stderr, flush=True)
    floors = [floor.time_floors(items, work / "floor", args.seed) for _ in range(repeat)]
    row["floor"] = {name: min(f[name] for f in floors) for name in floor.FLOORS}
    shutil.rmtree(work / "floor", ignore_errors=True)

    if args.text2qti and size <= args.text2qti_max:
        if text2qti_bench.available():
            print(f"[{size} items] text2qti", file=sys.stderr, flush=True)
            try:
                runs = [text2qti_bench.run_text2qti(items, work / "t2q", args.seed) for _ in range(repeat)]
                row["text2qti"] = min(r[0] for r in runs)
                row["text2qti_cpu"] = min(r[1] for r in runs)
            except (subprocess.CalledProcessError, RuntimeError) as exc:
                print(f"text2qti failed: {exc}", file=sys.stderr)
            shutil.rmtree(work / "t2q", ignore_errors=True)
        else:
            print("text2qti is not installed (pip install '.[bench]'); skipped", file=sys.stderr)
    shutil.rmtree(topics, ignore_errors=True)
    shutil.rmtree(work / "build", ignore_errors=True)
    return row


def _s(x: float | None) -> str:
    return "–" if x is None else (f"{x:.2f}" if x >= 0.1 else f"{x:.3f}")


def _r(x: float | None) -> str:
    return "–" if x is None else f"{x:.2f}×"


def tables(results: dict) -> str:
    rows = results["rows"]
    stage_names: list[str] = []
    task_names: list[str] = []
    for row in rows:
        for name in row["all"].get("stages", {}):
            if name not in stage_names:
                stage_names.append(name)
        for name in row["all"].get("task_cpu", {}):
            if name not in task_names:
                task_names.append(name)
    out = ["### Whole build (`qbank build`, all formats, one command)", ""]
    head = ["items", "topics", "workers", "wall s", "CPU s", "items/s", "peak MB", "worker peak MB",
            *stage_names, "other s"]
    out += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for row in rows:
        a = row["all"]
        st = a.get("stages", {})
        other = a["wall"] - sum(st.values())
        out.append("| " + " | ".join([
            f"{row['items']:,}", f"{row['topics']:,}", str(a.get("workers", 1)), _s(a["wall"]), _s(a["cpu"]),
            f"{row['items'] / a['wall']:,.0f}", f"{a.get('peak_rss_bytes', 0) / 2**20:.0f}",
            f"{a.get('worker_peak_rss_bytes', 0) / 2**20:.0f}",
            *(_s(st.get(n)) for n in stage_names), _s(other)]) + " |")
    out += ["", "Stages are wall seconds of the phases (`write` runs every writer, side by side "
            "with more than one worker); `other` is interpreter start-up, imports and CLI. Peak MB is the main "
            "process's, worker peak MB the largest worker's.", ""]

    out += ["### Tasks (CPU seconds each, in whichever process ran it)", ""]
    head = ["items", *task_names]
    out += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for row in rows:
        cpu = row["all"].get("task_cpu", {})
        out.append("| " + " | ".join([f"{row['items']:,}", *(_s(cpu.get(n)) for n in task_names)]) + " |")
    out += [""]

    out += ["### Against text2qti (same number of items, whole process each)", ""]
    head = ["items", "qbank all formats s", "text2qti QTI 1.2 only s", "text2qti / qbank (target ≥ 1)",
            "qbank CPU s", "text2qti CPU s"]
    out += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for row in rows:
        t2q = row.get("text2qti")
        t2q_cpu = row.get("text2qti_cpu")
        out.append("| " + " | ".join([
            f"{row['items']:,}", _s(row["all"]["wall"]), _s(t2q), _r(t2q / row["all"]["wall"] if t2q else None),
            _s(row["all"]["cpu"]), _s(t2q_cpu)]) + " |")
    out += [""]

    out += ["### Each writer against its floor (writer CPU s in the whole build / floor s; target ≤ 2×)", ""]
    head = ["items", *(f"{f}" for f in results["formats"])]
    out += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for row in rows:
        cpu = row["all"].get("task_cpu", {})
        cells = []
        for fmt in results["formats"]:
            fl = row["floor"].get(floor_name(fmt))
            w = cpu.get(f"write:{fmt}")
            cells.append(f"{_s(w)} / {_s(fl)} = {_r(w / fl if w and fl else None)}")
        out.append("| " + " | ".join([f"{row['items']:,}", *cells]) + " |")
    out += ["", "Floors (`benchmarks/floor.py`): " + ", ".join(f"{f} → {floor_name(f)}" for f in results["formats"])
            + "; both are CPU seconds (the floor in the benchmark process).", ""]

    if any(row["formats"] for row in rows):
        out += ["### Each format alone (whole process: read, generate, audit, that writer)", ""]
        head = ["items", "format", "wall s", "µs/item", "writer CPU s", "text2qti / qbank (per item)"]
        out += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        for row in rows:
            for fmt, one in row["formats"].items():
                t2q = row.get("text2qti")
                out.append("| " + " | ".join([
                    f"{row['items']:,}", fmt, _s(one["wall"]), f"{one['wall'] / row['items'] * 1e6:,.0f}",
                    _s(one.get("task_cpu", {}).get(f"write:{fmt}")),
                    _r(t2q / one["wall"] if t2q else None)]) + " |")
    h = results["help"]
    out += ["", f"`qbank --help`: {h['min'] * 1000:.0f} ms best, {h['median'] * 1000:.0f} ms median of 10.", ""]
    m = results["machine"]
    out += [f"Machine: {m['cpus']} CPUs, {m['memory']}, Python {m['python']}, {m['platform']}; "
            f"load average at start {m['load_average_at_start']}; commit {m['commit']}; {m['date']}."]
    return "\n".join(out) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description="qbank benchmark (issue 8)")
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)),
                        help="item counts, comma-separated (default: %(default)s)")
    parser.add_argument("--quick", action="store_true", help="100 and 1,000 items, one run each")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement; the best is kept")
    parser.add_argument("--repeat-max", type=int, default=10_000, help="sizes above this run once")
    parser.add_argument("--per-format-max", type=int, default=1_000,
                        help="time each format alone up to this size (default: %(default)s)")
    parser.add_argument("--text2qti-max", type=int, default=100_000, help="largest size given to text2qti")
    parser.add_argument("--no-text2qti", dest="text2qti", action="store_false")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=HERE / "out")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.replace("_", "").split(",") if s.strip()]
    if args.quick:
        sizes, args.repeat = [100, 1000], 1

    from qbank.writers import WRITERS

    formats = list(WRITERS)
    results: dict = {"machine": machine(), "formats": formats, "help": help_time(), "rows": []}
    with tempfile.TemporaryDirectory(prefix="qbank-bench-") as tmp:
        work = Path(tmp)
        ipt = items_per_topic(work, args.seed)
        results["items_per_topic"] = ipt
        extra = gate_args()
        for size in sizes:
            results["rows"].append(bench_size(size, args, work, ipt, formats, extra))
            text = save(results, args.out)  # after every size, so a long run keeps what it measured
    print(text)


def save(results: dict, out: Path) -> str:
    text = tables(results)
    out.mkdir(parents=True, exist_ok=True)
    (out / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    (out / "results.md").write_text(text, encoding="utf-8")
    return text


if __name__ == "__main__":
    main()
