"""Read a package to validate it: a zip, a folder or one XML file, with bounded time and memory.

Hostile input is refused with one line (a QbankError, exit 1) before it costs much:
anything but a regular file or a folder (``/dev/zero``, a FIFO), a zip with too many
entries or too large a central directory, too much uncompressed data in all, an entry
that expands far more than packages do (a zip bomb), too much XML, a broken zip
(truncated, bad CRC). Entries are streamed in chunks and only XML is kept in memory,
each file up to MAX_XML_BYTES. Entry names that
would write outside the folder of whoever unpacks the zip (``..``, absolute paths,
backslashes) and names that occur twice are reported as problems of the package.
"""

from __future__ import annotations

import os
import re
import stat
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from qbank.errors import QbankError

MAX_ENTRIES = 10_000  # files in a package (zip entries, or files under a folder)
MAX_TOTAL_BYTES = 512 * 2**20  # uncompressed size of all entries together
MAX_XML_BYTES = 16 * 2**20  # one XML file (a topic of a thousand Canvas items is about 4 MB)
MAX_XML_TOTAL = 128 * 2**20  # all XML files together (they are held in memory while checked)
MAX_DIRECTORY_BYTES = 16 * 2**20  # a zip's central directory (read whole before any entry)
MAX_RATIO = 100  # uncompressed / compressed; deflate manages ~1000 only on runs of one byte
RATIO_FLOOR = 2**20  # entries under 1 MiB may compress as well as they like
CHUNK = 2**16
ZIP_METHODS = {zipfile.ZIP_STORED: "stored", zipfile.ZIP_DEFLATED: "deflate"}


@dataclass
class Package:
    """Archive name -> content (XML files only; other files map to b''), and findings about the names."""

    files: dict[str, bytes] = field(default_factory=dict)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (entry name, message)
    is_zip: bool = False


def wanted(name: str) -> bool:
    """Files whose content validation reads (the rest need only exist)."""
    return name.lower().endswith(".xml")


def shown(name: str) -> str:
    """An entry name fit for a one-line message (control characters escaped)."""
    return re.sub(r"[\x00-\x1f\x7f]", lambda m: f"\\x{ord(m.group()):02x}", name)


def unsafe_name(name: str) -> str | None:
    """Why unpacking an entry of this name could write outside the target folder (None: safe)."""
    if "\\" in name:
        return "contains a backslash (a path separator on Windows)"
    if name.startswith("/") or re.match(r"[A-Za-z]:", name):
        return "is an absolute path"
    if ".." in name.split("/"):
        return "contains '..'"
    if "\x00" in name:
        return "contains a NUL character"
    return None


def _mb(n: int) -> str:
    return f"{n / 2**20:.0f} MB" if n >= 2**20 else f"{n} bytes"


def input_kind(path: Path) -> str:
    """'dir', 'zip' or 'xml' for a path to validate; a QbankError for anything else."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise QbankError("no such file or folder", shown(str(path))) from None
    except OSError as exc:
        raise QbankError(f"cannot read: {exc.strerror or exc}", shown(str(path))) from None
    if stat.S_ISDIR(st.st_mode):
        return "dir"
    if not stat.S_ISREG(st.st_mode):
        raise QbankError("not a regular file or folder (a device, FIFO or socket): refused", shown(str(path)))
    try:
        with open(path, "rb") as fh:
            head = fh.read(4)
    except OSError as exc:
        raise QbankError(f"cannot read: {exc.strerror or exc}", shown(str(path))) from None
    return "zip" if head.startswith(b"PK") or path.suffix.lower() == ".zip" else "xml"


def read_xml_file(path: Path) -> bytes:
    """One regular file, refused when over MAX_XML_BYTES."""
    size = os.stat(path).st_size
    if size > MAX_XML_BYTES:
        raise QbankError(f"XML file of {_mb(size)} is over the limit of {_mb(MAX_XML_BYTES)}: refused", shown(str(path)))
    with open(path, "rb") as fh:
        data = fh.read(MAX_XML_BYTES + 1)
    if len(data) > MAX_XML_BYTES:  # grew while we read it
        raise QbankError(f"XML file is over the limit of {_mb(MAX_XML_BYTES)}: refused", shown(str(path)))
    return data


def read_folder(path: Path) -> Package:
    """Every file under a folder (symlinked folders are not followed)."""
    pkg = Package()
    total = 0
    unreadable: list[OSError] = []
    try:
        walk = list(os.walk(path, onerror=unreadable.append))
    except RecursionError:
        raise QbankError("folder nested too deeply: refused", shown(str(path))) from None
    for err in unreadable:
        rel = Path(err.filename).relative_to(path).as_posix() if err.filename else "."
        pkg.problems.append((rel, f"folder cannot be read: {err.strerror or err}"))
    for dirpath, _dirnames, filenames in sorted(walk):
        for fname in sorted(filenames):
            full = Path(dirpath) / fname
            rel = full.relative_to(path).as_posix()
            if len(pkg.files) >= MAX_ENTRIES:
                raise QbankError(f"more than {MAX_ENTRIES} files: refused", shown(str(path)))
            try:
                st = os.stat(full)
            except OSError:
                pkg.problems.append((rel, "cannot be read (a dangling or looping link?)"))
                continue
            if not stat.S_ISREG(st.st_mode):
                pkg.problems.append((rel, "not a regular file (a device, FIFO or socket)"))
                continue
            pkg.files[rel] = b""
            if not wanted(rel):
                continue
            if st.st_size > MAX_XML_BYTES:
                pkg.problems.append((rel, f"XML file of {_mb(st.st_size)} is over the limit of {_mb(MAX_XML_BYTES)}: not checked"))
                continue
            total += st.st_size
            if total > MAX_XML_TOTAL:
                raise QbankError(f"more than {_mb(MAX_XML_TOTAL)} of XML: refused", shown(str(path)))
            try:
                pkg.files[rel] = read_xml_file(full)
            except (OSError, QbankError) as exc:
                pkg.problems.append((rel, f"cannot be read: {getattr(exc, 'strerror', None) or getattr(exc, 'message', exc)}"))
    return pkg


def read_zip(path: Path) -> Package:
    """A zip package, streamed entry by entry within the limits above."""
    where = shown(str(path))
    try:
        return _read_zip(path)
    except QbankError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError, RuntimeError) as exc:
        raise QbankError(f"broken zip: {exc}", where) from None
    except OSError as exc:
        raise QbankError(f"cannot read zip: {exc.strerror or exc}", where) from None


def _central_directory(path: Path) -> tuple[int, int] | None:
    """(entries, bytes) of a zip's central directory as its end record states them (None: no end record)."""
    end_record = getattr(zipfile, "_EndRecData", None)  # the parser ZipFile itself uses (not public API)
    if end_record is None:
        return None
    with open(path, "rb") as fh:
        end = end_record(fh)  # reads at most the last 64 KiB
    if not end:
        return None
    return end[zipfile._ECD_ENTRIES_TOTAL], end[zipfile._ECD_SIZE]


def _read_zip(path: Path) -> Package:
    where = shown(str(path))
    pkg = Package(is_zip=True)
    directory = _central_directory(path)
    if directory is not None:  # ZipFile reads the whole directory into memory: bound it first
        entries, size = directory
        if entries > MAX_ENTRIES:
            raise QbankError(f"zip has {entries} entries, over the limit of {MAX_ENTRIES}: refused", where)
        if size > MAX_DIRECTORY_BYTES:
            raise QbankError(f"zip directory of {_mb(size)} is over the limit of {_mb(MAX_DIRECTORY_BYTES)}: refused", where)
    with zipfile.ZipFile(path) as zf:
        infos = zf.infolist()
        if len(infos) > MAX_ENTRIES:
            raise QbankError(f"zip has {len(infos)} entries, over the limit of {MAX_ENTRIES}: refused", where)
        total = sum(i.file_size for i in infos)
        if total > MAX_TOTAL_BYTES:
            raise QbankError(f"zip would unpack to {_mb(total)}, over the limit of {_mb(MAX_TOTAL_BYTES)}: refused", where)
        for info in infos:
            if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                ratio = info.file_size // max(info.compress_size, 1)
                raise QbankError(f"entry '{shown(info.filename)}' expands {ratio} times (limit {MAX_RATIO}): "
                                 "a zip bomb? refused", where)
        xml_total = sum(i.file_size for i in infos if wanted(i.filename) and i.file_size <= MAX_XML_BYTES)
        if xml_total > MAX_XML_TOTAL:
            raise QbankError(f"zip holds {_mb(xml_total)} of XML, over the limit of {_mb(MAX_XML_TOTAL)}: refused", where)
        seen: set[str] = set()
        for info in infos:
            name = info.filename
            why = unsafe_name(name)
            if why:
                pkg.problems.append((name, f"unsafe entry name: {why} (zip slip for whoever unpacks it)"))
            if name in seen:
                pkg.problems.append((name, "entry appears twice in the zip: unpackers keep one or the other"))
                continue
            seen.add(name)
            if name.endswith("/"):
                continue
            if info.flag_bits & 0x1:
                pkg.problems.append((name, "entry is encrypted: no player can read it"))
                pkg.files[name] = b""
                continue
            if info.compress_type not in ZIP_METHODS:
                pkg.problems.append((name, f"entry uses compression method {info.compress_type}: "
                                           "packages use stored or deflate"))
                pkg.files[name] = b""
                continue
            keep = wanted(name) and not why
            if keep and info.file_size > MAX_XML_BYTES:
                pkg.problems.append((name, f"XML file of {_mb(info.file_size)} is over the limit of "
                                           f"{_mb(MAX_XML_BYTES)}: not checked"))
                keep = False
            chunks: list[bytes] = []
            with zf.open(info) as fh:  # the CRC is checked when the entry is read to its end
                while True:
                    chunk = fh.read(CHUNK)
                    if not chunk:
                        break
                    if keep:
                        chunks.append(chunk)
            pkg.files[name] = b"".join(chunks) if keep else b""
    return pkg


def read_input(path: Path) -> tuple[str, Package]:
    """(kind, package) for a path given to ``qbank validate``."""
    kind = input_kind(path)
    if kind == "dir":
        return kind, read_folder(path)
    if kind == "zip":
        return kind, read_zip(path)
    return kind, Package(files={path.name: read_xml_file(path)})
