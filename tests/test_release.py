"""Issue 7: release builds are byte-reproducible, self-verifying and free of machine paths."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

from conftest import ROOT, TOPICS
from qbank.build import build, sha256_file
from qbank.packaging import SUMS, build_files, slugify, verify_sums, zip_timestamp
from qbank.writers import WRITERS


def _topics_repo(base: Path) -> Path:
    """A topics repository as CI would check it out: topics/ and a qbank.toml."""
    base.mkdir(parents=True)
    shutil.copytree(TOPICS, base / "topics")
    (base / "qbank.toml").write_text('name = "Motor Industry: Customer Service"\nversion = "2.1"\n', encoding="utf-8")
    return base


def _run_build(repo: Path, hashseed: str, *extra: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": hashseed}
    env.pop("SOURCE_DATE_EPOCH", None)
    return subprocess.run(
        [sys.executable, "-m", "qbank", "build", "--release", "--gate", "off", "-o", "out/build", *extra],
        cwd=repo, env=env, capture_output=True, text=True, timeout=120,
    )


def _tree(root: Path) -> dict[str, bytes]:
    return {rel: (root / rel).read_bytes() for rel in build_files(root)}


def test_two_builds_on_different_paths_and_times_are_byte_identical(tmp_path):
    repo_a = _topics_repo(tmp_path / "first" / "checkout")
    repo_b = _topics_repo(tmp_path / "second-machine" / "somewhere" / "else")
    first = _run_build(repo_a, "1")
    assert first.returncode == 0, first.stderr
    time.sleep(1.1)  # a different wall-clock second: nothing may depend on it
    second = _run_build(repo_b, "2")
    assert second.returncode == 0, second.stderr

    a, b = _tree(repo_a / "out/build"), _tree(repo_b / "out/build")
    zip_name = "motor-industry-customer-service-2.1.zip"
    assert zip_name in a
    assert a.keys() == b.keys()
    for rel in a:
        assert a[rel] == b[rel], f"{rel} differs between the two builds"

    # no path of this machine in any output (the zip stores files uncompressed, so this covers it too)
    forbidden = {str(tmp_path), str(repo_a), str(ROOT), str(Path.home()), tmp_path.as_posix()}
    for rel, data in a.items():
        text = data.decode("utf-8", errors="replace")
        for path in forbidden:
            assert path not in text, f"{rel} contains the machine path {path}"


def test_checksums_manifest_and_zip_verify(tmp_path):
    result = build([TOPICS], tmp_path / "build", release=True, name="Team Skills", version="1.0")
    out = result.out_dir
    assert result.release == out / "team-skills-1.0.zip"
    files = build_files(out)
    sums = (out / SUMS).read_text(encoding="utf-8").splitlines()
    listed = [line.split("  ", 1)[1] for line in sums]
    assert listed == sorted(listed) == [f for f in files if f != SUMS]  # every file, manifest and zip included
    assert "manifest.json" in listed and "preview/index.html" in listed
    assert verify_sums(out) == []
    if shutil.which("sha256sum"):
        check = subprocess.run(["sha256sum", "-c", "--strict", SUMS], cwd=out, capture_output=True, text=True)
        assert check.returncode == 0, check.stdout + check.stderr

    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["release"] == "team-skills-1.0.zip" and manifest["version"] == "1.0"
    assert {o["format"] for o in manifest["outputs"]} == set(WRITERS)
    for entry in manifest["outputs"]:
        assert sha256_file(out / entry["path"]) == entry["sha256"]

    with zipfile.ZipFile(out / "team-skills-1.0.zip") as zf:
        names = zf.namelist()
        assert names == sorted(names)
        assert names == [f"team-skills-1.0/{f}" for f in files if f != "team-skills-1.0.zip"]
        for info in zf.infolist():
            assert info.date_time == (1980, 1, 1, 0, 0, 0)
            assert info.external_attr >> 16 == 0o100644 and info.create_system == 3
            rel = info.filename.split("/", 1)[1]
            if rel != SUMS:
                assert zf.read(info) == (out / rel).read_bytes()
        assert zf.testzip() is None
        unpacked = tmp_path / "unzipped"
        zf.extractall(unpacked)
    assert verify_sums(unpacked / "team-skills-1.0") == []  # the zip carries its own checksums


def test_source_date_epoch_sets_zip_times_and_nothing_else(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14T22:13:20Z
    assert zip_timestamp() == (2023, 11, 14, 22, 13, 20)
    one = build([TOPICS], tmp_path / "one", release=True)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1600000001")
    two = build([TOPICS], tmp_path / "two", release=True)
    with zipfile.ZipFile(one.release) as zf:
        assert {i.date_time for i in zf.infolist()} == {(2023, 11, 14, 22, 13, 20)}
    a, b = _tree(one.out_dir), _tree(two.out_dir)
    differ = {r for r in a if a[r] != b[r]}
    assert one.release.name in differ
    # only zips (their timestamps) and the files that list zips' checksums may change
    assert all(r.endswith(".zip") or r in ("SHA256SUMS", "manifest.json") for r in differ), differ
    assert zip_timestamp({"SOURCE_DATE_EPOCH": "5"}) == (1980, 1, 1, 0, 0, 0)


def test_bad_source_date_epoch_is_one_line(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SOURCE_DATE_EPOCH": "yesterday"}
    run = subprocess.run([sys.executable, "-m", "qbank", "build", str(TOPICS), "-o", str(tmp_path / "b"), "--release", "--gate", "off"],
                         env=env, capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 1 and "SOURCE_DATE_EPOCH" in run.stderr and "Traceback" not in run.stderr
    assert not (tmp_path / "b").exists()


def test_release_names_are_slugs():
    assert slugify("Motor Industry: Customer Service") == "motor-industry-customer-service"
    assert slugify("Équipe / Teamwork ") == "equipe-teamwork"
    assert slugify("v1.2.0") == "v1.2.0" and slugify("***") == "bank"
