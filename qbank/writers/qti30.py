"""QTI 3.0 content package: kebab-case ``qti-`` elements, the QTI 3 manifest namespace.

Same layout and scoring as the QTI 2.1 package (qbank/writers/qti_common.py);
shape: templates/qti30/. No ``data-*`` attributes: the shipped 3.0 XSD (SBAC profile) rejects them.
"""

from __future__ import annotations

from pathlib import Path

from qbank.model import Bank
from qbank.writers import Output, WriteOptions
from qbank.writers.qti_common import write_content_package

FORMAT = "qti30"
FILENAME = "qti30.zip"


def write(bank: Bank, out_dir: Path, options: WriteOptions) -> list[Output]:
    return write_content_package(bank, out_dir, options, FORMAT, "qti30", FILENAME)
