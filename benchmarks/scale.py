"""How read, generation and the audit grow with the number of topics (issue 14: near-linear).

For each topic count: synthetic topics (synth_topics.py), then in one process and one worker
the CPU seconds of reading, generating the whole bank (every family, bank-wide checks
included) and auditing it, and the ratio to the previous count. A tenfold step should cost
at most 12x.

    python benchmarks/scale.py 100 1000          # about 2,000 and 20,000 items
    python benchmarks/scale.py 100 1000 10000    # the last one takes long on a small machine
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
if (HERE.parent / "qbank").is_dir():
    sys.path.insert(0, str(HERE.parent))

import synth_topics  # noqa: E402

from qbank.audit import audit_bank  # noqa: E402
from qbank.generate import build_bank  # noqa: E402
from qbank.reader import read_topics  # noqa: E402


def measure(n: int, seed: int = 0) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        paths = synth_topics.write_topics(n, Path(tmp), seed=seed)
        start = time.process_time()
        topics, diagnostics = read_topics(paths)
        read = time.process_time() - start
    start = time.process_time()
    bank = build_bank(topics, seed=seed, diagnostics=diagnostics, workers=1)
    generate = time.process_time() - start
    start = time.process_time()
    audit_bank(bank)
    audit = time.process_time() - start
    return {"topics": n, "items": len(bank.items), "read": read, "generate": generate, "audit": audit}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("counts", type=int, nargs="+", help="topic counts, smallest first")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    print("| topics | items | read CPU s | generate CPU s | audit CPU s | generate × | audit × |")
    print("|---|---|---|---|---|---|---|")
    previous = None
    for n in args.counts:
        row = measure(n, args.seed)
        grow = ["–", "–"]
        if previous:
            grow = [f"{row[k] / previous[k]:.1f}× for {n / previous['topics']:.0f}× topics" for k in ("generate", "audit")]
        print(f"| {n:,} | {row['items']:,} | {row['read']:.2f} | {row['generate']:.2f} | {row['audit']:.2f} | "
              f"{grow[0]} | {grow[1]} |", flush=True)
        previous = row


if __name__ == "__main__":
    main()
