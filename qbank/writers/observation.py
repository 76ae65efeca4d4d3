"""The observation checklist: practical marking points an assessor observes, as a CSV file.

Marking points that ask for something done ("demonstrate", "coordinate", "negotiate",
"through practical evidence") are not essay prompts (qbank/generate/essays.py); this file
gives an assessor one row per point with columns to fill in. The preview shows the same list.
"""

from __future__ import annotations

import csv
from pathlib import Path

from qbank.generate.essays import observation_checklist
from qbank.model import Bank
from qbank.writers import Output, WriteOptions

FORMAT = "observation-checklist"
FILENAME = "observation-checklist.csv"
HEADER = ("topic", "marking point", "source", "observed (yes/no)", "date", "assessor", "notes")


def cell(text: str) -> str:
    """A cell a spreadsheet shows as text: a leading = + - @ (a formula to Excel) gets a quote mark."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def write(bank: Bank, out_dir: Path, options: WriteOptions) -> list[Output]:
    points = observation_checklist(bank.topics)
    with open(Path(out_dir) / FILENAME, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\r\n")  # RFC 4180
        writer.writerow(HEADER)
        for p in points:
            writer.writerow((cell(p.topic), cell(p.point), cell(str(p.source)), "", "", "", ""))
    return [Output(FILENAME, FORMAT, {"observation point": len(points)} if points else {})]
