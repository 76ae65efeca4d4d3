"""Project settings from ``qbank.toml`` or ``[tool.qbank]`` in ``pyproject.toml``.

Both are read from the current directory (the topics repository). Precedence:
command-line option > qbank.toml > pyproject.toml > built-in default.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from qbank.errors import QbankError

CONFIG_FILES = ("pyproject.toml", "qbank.toml")  # later files override earlier ones
GATES = ("release", "default", "off")  # the audit bars `qbank build --gate` knows


@dataclass
class Config:
    """Settings found in files; ``None`` means "not set here, use the next source"."""

    name: str | None = None
    version: str | None = None
    formats: list[str] | None = None
    seed: int | None = None
    category_root: str | None = None
    output: str | None = None
    topics: list[str] | None = None
    templates: str | None = None
    # for the audit gate, passed through uninterpreted: a bar name ("release") or a table
    gate: str | dict[str, Any] | None = None
    thresholds: dict[str, Any] = field(default_factory=dict)  # the audit's measures and limits
    files: list[str] = field(default_factory=list)  # the files the settings came from

    def get(self, key: str, option: Any, default: Any) -> Any:
        """An option's value: the command line's if given, else this config's, else ``default``."""
        if option is not None and option != ():
            return option
        value = getattr(self, key)
        return default if value is None else value


_STRINGS = ("name", "version", "category_root", "output", "templates")
_LISTS = ("formats", "topics")
KEYS = {f.name for f in fields(Config)} - {"files"}


def _check(table: dict[str, Any], where: str) -> dict[str, Any]:
    """Validate one table's keys and types; returns them normalised."""
    out: dict[str, Any] = {}
    for key, value in table.items():
        key_name = key.replace("-", "_")
        if key_name not in KEYS:
            raise QbankError(f"unknown key '{key}' (known: {', '.join(sorted(KEYS))})", where)
        if key_name in _STRINGS:
            if not isinstance(value, str) or not value.strip():
                raise QbankError(f"key '{key}' must be a non-empty string", where)
        elif key_name in _LISTS:
            if isinstance(value, str):
                value = [v.strip() for v in value.split(",") if v.strip()]
            if not isinstance(value, list) or not value or not all(isinstance(v, str) and v for v in value):
                raise QbankError(f"key '{key}' must be a list of strings", where)
        elif key_name == "seed":
            if isinstance(value, bool) or not isinstance(value, int):
                raise QbankError(f"key '{key}' must be a whole number", where)
        elif key_name == "gate":
            if not isinstance(value, (str, dict)) or (isinstance(value, str) and value not in GATES):
                raise QbankError(f"key '{key}' must be one of {', '.join(GATES)}, or a table", where)
        elif key_name == "thresholds":
            if not isinstance(value, dict):
                raise QbankError(f"key '{key}' must be a table", where)
        out[key_name] = value
    return out


def _table(path: Path) -> dict[str, Any] | None:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise QbankError(f"invalid TOML: {exc}", path.name) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise QbankError(f"cannot read: {exc}", path.name) from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("qbank")
        where = f"{path.name} [tool.qbank]"
    else:  # qbank.toml: top-level keys, or the same [tool.qbank] table copied from pyproject
        table = data.get("tool", {}).get("qbank", data) if set(data) <= {"tool"} else data
        where = path.name
    if table is None:
        return None
    if not isinstance(table, dict):
        raise QbankError("[tool.qbank] must be a table", where)
    return _check(table, where)


def load_config(directory: Path | None = None) -> Config:
    """Merge pyproject.toml's [tool.qbank] and qbank.toml found in ``directory`` (default: cwd)."""
    directory = Path(directory or ".")
    config = Config()
    for filename in CONFIG_FILES:
        path = directory / filename
        if not path.is_file():
            continue
        table = _table(path)
        if table is None:
            continue
        config.files.append(filename)
        for key, value in table.items():
            if key == "thresholds":  # merged, so qbank.toml can tighten one limit of pyproject's
                config.thresholds = {**config.thresholds, **value}
            else:
                setattr(config, key, value)
    return config
