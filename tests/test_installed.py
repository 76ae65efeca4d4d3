"""Issue 7: an ordinary (non-editable) install finds its templates and builds from any directory."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

from conftest import ROOT, TOPICS


def test_non_editable_install_builds_everything(tmp_path):
    source = tmp_path / "src"  # a clean copy, so the install never writes into the checkout
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(".git", "build", "*.egg-info", "__pycache__",
                                                                ".pytest_cache", ".venv", "tests"))
    site = tmp_path / "site"
    pip = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--no-build-isolation", "--no-index",
         "--quiet", "--target", str(site), str(source)],
        capture_output=True, text=True, timeout=300,
    )
    assert pip.returncode == 0, pip.stdout + pip.stderr
    assert (site / "qbank" / "templates" / "preview" / "item.html.j2").is_file()

    elsewhere = tmp_path / "elsewhere"
    shutil.copytree(TOPICS, elsewhere / "topics")
    env = {**os.environ, "PYTHONPATH": str(site)}
    where = subprocess.run([sys.executable, "-c", "import qbank; print(qbank.__file__)"],
                           cwd=elsewhere, env=env, capture_output=True, text=True, timeout=60)
    assert where.stdout.startswith(str(site)), where.stdout  # the installed copy runs, not the checkout
    run = subprocess.run([sys.executable, "-m", "qbank", "build", "--release"],
                         cwd=elsewhere, env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    out = elsewhere / "build"
    listed = {line.split("  ")[1] for line in (out / "SHA256SUMS").read_text(encoding="utf-8").splitlines()}
    expected = {"manifest.json", "qbank-0.0.0.zip", "preview/index.html", "preview/preview.css"}
    assert expected <= listed and "moodle.xml" in listed
