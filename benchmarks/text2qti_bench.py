"""text2qti, the best-known Python peer, converting K multiple-choice items to QTI 1.2.

The quiz is plain text (no math, no code blocks), so text2qti never shells out; the
whole process is timed, as it is for qbank. Needs ``pip install '.[bench]'``.

    python benchmarks/text2qti_bench.py 10000 t2q-out
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synth_topics import mc_records  # noqa: E402

RUN = "import sys; from text2qti.cmdline import main; sys.argv[0] = 'text2qti'; main()"


def quiz_text(k: int, seed: int = 0) -> str:
    """K questions in text2qti's syntax: stem, general feedback, options with per-option feedback."""
    out = ["Quiz title: qbank benchmark", "Quiz description: synthetic items", ""]
    for n, (title, stem, options) in enumerate(mc_records(k, seed), start=1):
        out.append(f"Title: {title}")
        out.append(f"{n}.  {stem}")
        out.append(f"... {title}. Source: synthetic topic.")
        for letter, (text, correct, feedback) in zip("abcd", options):
            out.append(f"{'*' if correct else ''}{letter}) {text}")
            out.append(f"... {feedback}")
        out.append("")
    return "\n".join(out)


def available() -> bool:
    try:
        import text2qti  # noqa: F401
    except ImportError:
        return False
    return True


def time_text2qti(k: int, work: Path, seed: int = 0) -> float:
    """Seconds for one whole ``text2qti quiz.txt`` process converting ``k`` items."""
    return run_text2qti(k, work, seed)[0]


def run_text2qti(k: int, work: Path, seed: int = 0) -> tuple[float, float]:
    """(wall, CPU) seconds of one whole ``text2qti quiz.txt`` process converting ``k`` items."""
    work.mkdir(parents=True, exist_ok=True)
    quiz = work / f"quiz-{k}.txt"
    quiz.write_text(quiz_text(k, seed), encoding="utf-8")
    env = dict(os.environ, HOME=str(work))  # text2qti reads ~/.text2qti.bespon; keep the user's out of it
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", RUN, quiz.name], cwd=work, env=env, check=True,
                   stdout=subprocess.DEVNULL)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if not (work / f"quiz-{k}.zip").exists():
        raise RuntimeError("text2qti wrote no zip")
    return seconds, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("k", type=int)
    parser.add_argument("work", type=Path)
    args = parser.parse_args()
    print(f"text2qti {args.k} items: {time_text2qti(args.k, args.work):.3f} s")


if __name__ == "__main__":
    main()
