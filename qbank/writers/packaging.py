"""Deterministic zip packages: fixed order, timestamps, permissions and compression.

The same files give the same zip bytes on every machine, so checksums in
manifest.json are reproducible. SOURCE_DATE_EPOCH (reproducible-builds.org) sets the
timestamp; otherwise every entry is dated 1980-01-01, the earliest a zip can hold.
"""

from __future__ import annotations

import os
import time
import zipfile
from collections.abc import Mapping
from pathlib import Path

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
FIRST = "imsmanifest.xml"  # consumers that sniff the package find the manifest first


def zip_timestamp() -> tuple[int, int, int, int, int, int]:
    """The entry date: SOURCE_DATE_EPOCH in UTC if set (clamped to 1980..2107), else 1980-01-01."""
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not raw:
        return ZIP_EPOCH
    try:
        epoch = int(raw)
    except ValueError:
        return ZIP_EPOCH
    stamp = time.gmtime(max(epoch, 315532800))  # 1980-01-01T00:00:00Z
    if stamp.tm_year > 2107:
        return ZIP_EPOCH
    # zip stores even seconds only; round down so the value is exactly representable
    return (stamp.tm_year, stamp.tm_mon, stamp.tm_mday, stamp.tm_hour, stamp.tm_min, stamp.tm_sec - stamp.tm_sec % 2)


def entry_order(names: list[str]) -> list[str]:
    """imsmanifest.xml first, then the rest sorted by name."""
    return sorted(names, key=lambda n: (n != FIRST, n))


def write_zip(path: Path, files: Mapping[str, bytes | str]) -> None:
    """Write ``files`` (archive name -> content; str is UTF-8) as a deterministic deflated zip."""
    stamp = zip_timestamp()
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for name in entry_order(list(files)):
            data = files[name]
            if isinstance(data, str):
                data = data.encode("utf-8")
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # unix, so external_attr means rw-r--r-- everywhere
            info.external_attr = (0o100644 << 16)
            zf.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
