"""The build directory: what qbank may replace, and what is left of builds that were killed.

qbank replaces an output directory as a whole, so it first makes sure that directory is
its own: it may be missing, empty, or a build qbank wrote, whose ``manifest.json`` lists
every file in it. Anything else (a home directory, a templates folder, a build with a file
added by hand) is refused before anything is touched.

A build is written into ``.<name>.tmp-<token>/`` beside the output and swapped in with two
renames (the old build goes to ``.<name>.old-<token>/`` and is then removed). A build that is
killed can leave either behind; the next build removes the staging folders of builds that
are no longer running (each holds a lock on ``.<name>.tmp-<token>.lock`` while it runs, so a
live build's folder is never taken, whatever process ids the system reuses) and puts back
an old build whose replacement never arrived.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from qbank.errors import QbankError

try:  # POSIX; elsewhere leftovers are not cleaned (and never taken from a live build)
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

MANIFEST = "manifest.json"
SUMS = "SHA256SUMS"
MAX_MANIFEST_BYTES = 64 * 2**20  # a manifest lists a few dozen files; anything larger is not one
# what a file manager leaves in any folder it opened (macOS Finder, Windows Explorer): not the user's work
FOLDER_METADATA = frozenset({".DS_Store", "Thumbs.db", "desktop.ini"})


def shown(path: Path) -> str:
    return os.fsencode(str(path)).decode("utf-8", "backslashreplace")


def real_output(out_dir: Path) -> Path:
    """Where a build into ``out_dir`` is written: symbolic links are followed (the link stays and
    keeps pointing at the fresh build); a link to nothing is refused."""
    out_dir = Path(out_dir)
    if os.path.islink(out_dir) and not os.path.exists(out_dir):
        raise QbankError("the output is a symbolic link to nothing (dangling, or a loop); "
                         "remove it or choose another -o", shown(out_dir))
    return Path(os.path.realpath(out_dir))


def qbank_files(folder: Path) -> set[str] | None:
    """The files a qbank build in ``folder`` wrote, from its manifest (None: not a qbank build)."""
    path = folder / MANIFEST
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode) or os.lstat(path).st_size > MAX_MANIFEST_BYTES:
            return None
        data = json.loads(path.read_bytes().decode("utf-8"))
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("qbank_version"), str):
        return None
    outputs = data.get("outputs")
    if not isinstance(outputs, list) or not all(isinstance(o, dict) and isinstance(o.get("path"), str) for o in outputs):
        return None
    listed = {o["path"] for o in outputs} | {MANIFEST, SUMS}
    if isinstance(data.get("release"), str):
        listed.add(data["release"])
    return {p for p in listed if p and not p.startswith("/") and ".." not in p.split("/")}


def stray_file(folder: Path, listed: set[str]) -> str | None:
    """The first entry under ``folder`` that ``listed`` does not account for (None: there is none)."""
    dirs = {"/".join(p.split("/")[:i]) for p in listed for i in range(1, p.count("/") + 1)}
    for here, subdirs, files in os.walk(folder):
        rel_here = os.path.relpath(here, folder)
        prefix = "" if rel_here == "." else Path(rel_here).as_posix() + "/"
        for name in sorted(subdirs):
            rel = prefix + name
            if os.path.islink(os.path.join(here, name)) or rel not in dirs:
                return rel
        for name in sorted(files):
            rel = prefix + name
            if name in FOLDER_METADATA and not os.path.islink(os.path.join(here, name)):
                continue
            if rel not in listed or not os.path.isfile(os.path.join(here, name)) or os.path.islink(os.path.join(here, name)):
                return rel
    return None


def check_replaceable(real: Path, given: Path | None = None) -> None:
    """Refuse (one line, nothing touched) unless ``real`` is missing, empty or a build qbank wrote."""
    where = shown(given if given is not None else real)
    if not os.path.lexists(real):
        return
    if not real.is_dir():
        raise QbankError("output path exists and is not a directory", where)
    try:
        with os.scandir(real) as entries:
            if next(entries, None) is None:
                return  # empty
    except OSError as exc:
        raise QbankError(f"cannot read the output directory: {exc.strerror or exc}", where) from None
    listed = qbank_files(real)
    if listed is None:
        raise QbankError("the output directory is not empty and is not a build qbank wrote (it has no qbank "
                         "manifest.json); nothing was touched: choose a new or empty folder with -o", where)
    stray = stray_file(real, listed)
    if stray is not None:
        raise QbankError(f"the output directory holds '{shown(Path(stray))}', which qbank did not write; "
                         "nothing was touched: move it away or choose another -o", where)


@contextmanager
def _locked(path: Path, flags: int = 0) -> Iterator[bool]:
    """An exclusive flock on ``path`` (a file or a folder); yields False if it is held elsewhere (LOCK_NB)."""
    if fcntl is None:  # pragma: no cover - Windows
        yield False
        return
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) * (not path.is_dir()))
    except OSError:
        yield False
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | flags)
        except OSError:
            yield False
            return
        yield True
    finally:
        os.close(fd)


def remove_build(folder: Path) -> None:
    """Delete a folder qbank wrote, its manifest last (so a removal cut short is still recognised as qbank's)."""
    for here, subdirs, files in os.walk(folder, topdown=False):
        for name in files:
            if not (here == str(folder) and name == MANIFEST):
                _unlink(os.path.join(here, name))
        for name in subdirs:
            p = os.path.join(here, name)
            _unlink(p) if os.path.islink(p) else _rmdir(p)
    _unlink(os.path.join(folder, MANIFEST))
    _rmdir(str(folder))


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def _rmdir(path: str) -> None:
    try:
        os.rmdir(path)
    except OSError:
        pass


def tidy(real: Path) -> None:
    """Before a build: remove staging folders of dead builds, and finish or undo a swap that was cut short."""
    parent, name = real.parent, real.name
    if fcntl is None or not parent.is_dir():
        return
    with _locked(parent) as held:
        if not held:
            return
        try:
            entries = sorted(os.listdir(parent))
        except OSError:
            return
        for entry in entries:
            path = parent / entry
            if entry.startswith(f".{name}.tmp-") and entry.endswith(".lock"):
                with _locked(path, fcntl.LOCK_NB) as free:
                    if free:  # its build is not running: nobody else can hold this lock
                        staging = path.with_name(entry[: -len(".lock")])
                        if staging.is_dir() and not staging.is_symlink():
                            shutil.rmtree(staging, ignore_errors=True)
                        _unlink(str(path))
            elif entry.startswith(f".{name}.old-") and path.is_dir() and not path.is_symlink():
                if not any(path.iterdir()):
                    _rmdir(str(path))  # what was an empty output folder
                    continue
                listed = qbank_files(path)
                if listed is None or stray_file(path, listed) is not None:
                    continue  # not recognisably qbank's: left alone
                if not os.path.lexists(real):
                    os.replace(path, real)  # the swap was cut between its two renames: put the old build back
                else:
                    remove_build(path)  # the swap finished; removing the old build did not


class Staging:
    """The folder a build is written into, beside the output, locked while the build runs."""

    def __init__(self, real: Path):
        self.real = real
        token = secrets.token_hex(6)
        self.lock = real.with_name(f".{real.name}.tmp-{token}.lock")
        self.path = real.with_name(f".{real.name}.tmp-{token}")
        self._fd: int | None = None
        if fcntl is not None:
            self._fd = os.open(self.lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            fcntl.flock(self._fd, fcntl.LOCK_EX)
        try:
            os.mkdir(self.path, 0o700)
        except BaseException:
            self.release()
            raise

    def swap_in(self, given: Path | None = None) -> None:
        """Replace the output by the staging folder with two renames; the old build is removed after."""
        os.chmod(self.path, 0o755)
        real, old = self.real, None
        with _locked(real.parent):
            check_replaceable(real, given)  # again: the folder may have changed while the build ran
            if os.path.lexists(real):
                old = real.with_name(f".{real.name}.old-{secrets.token_hex(6)}")
                os.replace(real, old)
            try:
                os.replace(self.path, real)
            except BaseException:
                if old is not None:
                    os.replace(old, real)
                raise
            self.release()
        if old is not None:
            remove_build(old)

    def discard(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)
        self.release()

    def release(self) -> None:
        if self._fd is not None:
            _unlink(str(self.lock))
            os.close(self._fd)
            self._fd = None
