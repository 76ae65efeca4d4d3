"""Time ``qbank.audit.audit_bank`` alone on a large synthetic bank (issue: audit scaling).

Generation of a whole large bank is slow, so the bank is generated 10 topics at a time
(items of one chunk never see another chunk's topics) and joined with every topic; the
audit then sees the whole bank, as in a build. Prints CPU seconds, peak RSS and a digest
of the audit report (the same digest before and after a change = the same verdicts).

    python benchmarks/audit_scale.py 460 --families all      # about 10,000 items
    python benchmarks/audit_scale.py 1000 --families concept  # 10,000 concept MCQs
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synth_topics  # noqa: E402

from qbank.audit import audit_bank  # noqa: E402
from qbank.generate import FAMILIES, build_bank  # noqa: E402
from qbank.model import Bank  # noqa: E402
from qbank.reader import read_topics  # noqa: E402


def chunked_bank(n: int, families: str, seed: int = 1) -> Bank:
    with tempfile.TemporaryDirectory() as tmp:
        synth_topics.write_topics(n, Path(tmp), seed=seed)
        topics, _ = read_topics([Path(tmp)])
    items = []
    for i in range(0, len(topics), 10):
        chunk = topics[i:i + 10]
        if families == "all":
            items.extend(build_bank(chunk, seed=0).items)
        else:
            items.extend(importlib.import_module(FAMILIES[families]).generate(chunk, 0))
    return Bank("audit-scale", tuple(topics), tuple(items))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("topics", type=int)
    parser.add_argument("--families", default="all", help="'all' or one family name (e.g. concept)")
    args = parser.parse_args()
    bank = chunked_bank(args.topics, args.families)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.process_time()
    report = audit_bank(bank)
    cpu = time.process_time() - start
    digest = hashlib.sha256(json.dumps(report.to_dict(), sort_keys=True).encode()).hexdigest()[:16]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"{len(bank.topics)} topics, {len(bank.items)} items: audit {cpu:.2f} s CPU, "
          f"peak RSS {peak / 1024:.0f} MB (before the audit {before / 1024:.0f} MB), report {digest}")


if __name__ == "__main__":
    main()
