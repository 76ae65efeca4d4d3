"""Release packaging: SHA256SUMS and one deterministic zip of a build.

Reproducible on any machine: entries sorted, POSIX paths, fixed permissions and
timestamps (SOURCE_DATE_EPOCH, else 1980-01-01), no directory entries, and entries
stored uncompressed, because deflate output differs between zlib and zlib-ng builds.
"""

from __future__ import annotations

import hashlib
import os
import re
import time
import unicodedata
import zipfile
from collections.abc import Iterable, Mapping
from pathlib import Path

from qbank.errors import QbankError

SUMS = "SHA256SUMS"
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip can hold


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def build_files(root: Path) -> list[str]:
    """Every regular file under ``root`` as sorted POSIX paths relative to it."""
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def write_sums(root: Path, exclude: Iterable[str] = ()) -> Path:
    """Write ``SHA256SUMS`` (``sha256sum -c`` format) for every file under ``root``."""
    skip = {SUMS, *exclude}
    lines = [
        f"{sha256_bytes((root / rel).read_bytes())}  {rel}\n"
        for rel in build_files(root)
        if rel not in skip
    ]
    target = root / SUMS
    target.write_bytes("".join(lines).encode("utf-8"))
    return target


def verify_sums(root: Path) -> list[str]:
    """Files whose checksum does not match, or which are missing (empty list: all good)."""
    bad = []
    for line in (root / SUMS).read_text(encoding="utf-8").splitlines():
        digest, _, rel = line.partition("  ")
        path = root / rel
        if not path.is_file() or sha256_bytes(path.read_bytes()) != digest:
            bad.append(rel)
    return bad


def slugify(text: str) -> str:
    """A file-name-safe slug: ASCII, lower case, runs of anything else become '-'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9.]+", "-", ascii_text.lower()).strip("-.") or "bank"


def release_name(bank_name: str, version: str) -> str:
    return f"{slugify(bank_name)}-{slugify(version)}"


def zip_timestamp(environ: dict[str, str] | None = None) -> tuple[int, int, int, int, int, int]:
    """SOURCE_DATE_EPOCH (UTC) as a zip timestamp, clamped to the zip range; else 1980-01-01."""
    env = os.environ if environ is None else environ
    raw = env.get("SOURCE_DATE_EPOCH", "").strip()
    if not raw:
        return ZIP_EPOCH
    try:
        epoch = int(raw)
    except ValueError:
        raise QbankError(f"SOURCE_DATE_EPOCH must be whole seconds since 1970, not '{raw}'") from None
    if epoch < 315532800:  # 1980-01-01T00:00:00Z
        return ZIP_EPOCH
    t = time.gmtime(min(epoch, 4354819199))  # 2107-12-31, the last time a zip can hold
    # zip stores seconds in 2 s steps; round down so every tool reads back the same time
    return (t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec - t.tm_sec % 2)


def _entry(name: str, stamp: tuple[int, int, int, int, int, int]) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=stamp)
    info.create_system = 3  # Unix, so the permission bits mean the same on every OS
    info.external_attr = (0o100644 << 16)  # regular file, rw-r--r--
    info.compress_type = zipfile.ZIP_STORED
    return info


def write_zip(root: Path, target: Path, prefix: str, files: Iterable[str]) -> Path:
    """Zip ``files`` (relative to ``root``) under ``prefix/`` into ``target``, deterministically."""
    stamp = zip_timestamp()
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_STORED) as zf:
        for rel in sorted(files):
            zf.writestr(_entry(f"{prefix}/{rel}", stamp), (root / rel).read_bytes())
    return target


class PackageStream:
    """A deterministic zip written one entry at a time (as write_zip), so no package is held in memory."""

    def __init__(self, target: Path) -> None:
        self.stamp = zip_timestamp()
        self._zip = zipfile.ZipFile(target, "w", compression=zipfile.ZIP_STORED)

    def add(self, name: str, data: bytes | str) -> None:
        self._zip.writestr(_entry(name, self.stamp), data.encode("utf-8") if isinstance(data, str) else data)

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> PackageStream:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def package_order(names: Iterable[str], first: str = "imsmanifest.xml") -> list[str]:
    """Entry order of a content package: ``first`` leads (consumers that sniff find the manifest), the rest sorted."""
    return sorted(names, key=lambda n: (n != first, n))


def write_package(target: Path, files: Mapping[str, bytes | str], first: str = "imsmanifest.xml") -> Path:
    """A content package (name -> content; str is UTF-8): ``first`` leads, the rest sorted, as in write_zip."""
    with PackageStream(target) as package:
        for name in package_order(files, first):
            package.add(name, files[name])
    return target
