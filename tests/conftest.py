"""Shared fixtures: the real bundled topics, built once per session, and ../shared beside the repo."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TOPICS = ROOT / "topics"


def shared_dir() -> Path:
    """../shared beside the checkout (QBANK_SHARED overrides). CI must have it: missing is a failure."""
    return Path(os.environ.get("QBANK_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def shared() -> Path:
    path = shared_dir()
    assert (path / "xsd").is_dir(), f"../shared/xsd not found beside the checkout (looked in {path})"
    return path


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """The bundled topics built with default options, as a tutor would build them."""
    from qbank.build import build

    out = tmp_path_factory.mktemp("bundled") / "build"
    return build([TOPICS], out)
