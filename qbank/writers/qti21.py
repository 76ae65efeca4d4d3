"""QTI 2.1 content package (Canvas Classic, Inspera, OpenOlat/ONYX, TAO, Blackboard).

imsmanifest.xml (IMS CP 1.1, QTI 2.1 packaging profile), assessment.xml (one
assessmentTest, a section per topic) and items/<item id>.xml. Shape: templates/qti21/;
what each kind becomes and how it scores: qbank/writers/qti_common.py and docs/qti.md.
"""

from __future__ import annotations

from pathlib import Path

from qbank.model import Bank
from qbank.writers import Output, WriteOptions
from qbank.writers.qti_common import write_content_package

FORMAT = "qti21"
FILENAME = "qti21.zip"


def write(bank: Bank, out_dir: Path, options: WriteOptions) -> list[Output]:
    return write_content_package(bank, out_dir, options, FORMAT, "qti21", FILENAME)
