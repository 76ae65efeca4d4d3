"""Check QTI packages: structure always, official XSDs when given a schema folder.

Structural checks catch what validates against a schema yet breaks in a player:
undeclared responses, correct responses naming choices that do not exist, response
processing that never sets SCORE, manifest hrefs that miss (exact case), duplicate
identifiers, QTI 1.2 resprocessing without respcondition, LOM 1.3 names in IMS MD 1.2.
The same checks run at build time (fail closed) and from ``qbank validate PATH``.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lxml import etree

from qbank.errors import QbankError
from qbank.qti_rules import check_qti12, check_qti2_item, check_qti2_test, local

NS_QTI12 = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
NS_QTI21 = "http://www.imsglobal.org/xsd/imsqti_v2p1"
NS_QTI22 = "http://www.imsglobal.org/xsd/imsqti_v2p2"
NS_QTI30 = "http://www.imsglobal.org/xsd/imsqtiasi_v3p0"
NS_CP = "http://www.imsglobal.org/xsd/imscp_v1p1"
NS_CP30 = "http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1"
NS_CC11 = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
NS_MD12 = "http://www.imsglobal.org/xsd/imsmd_v1p2"

# namespace -> schema file under the schema folder, exactly as ../shared/xsd/README.md maps them
SCHEMAS: dict[str, str] = {
    NS_QTI12: "qti12/ims_qtiasiv1p2p1.xsd",
    NS_QTI21: "qti21/imsqti_v2p1.xsd",
    NS_QTI22: "qti22/imsqti_v2p2.xsd",
    NS_QTI30: "qti30/imsqti_asiv3p0_sbacv1p0_v1p0.xsd",
    NS_CP: "cp/imscp_v1p1.xsd",
    NS_CP30: "qti30/imsqtiv3p0_imscpv1p2_v1p0.xsd",
    NS_CC11: "cc11/ccv1p1_imscp_v1p2_v1p0.xsd",
}
QTI21_CP_PROFILE = "qti21/qtiv2p1_imscpv1p2_v1p0.xsd"  # same namespace as plain CP; chosen by resource types
QTI12_DTD = "qti12/ims_qtiasiv1p2p1.dtd"
MANIFEST_NAMESPACES = (NS_CP, NS_CP30, NS_CC11)


@dataclass(frozen=True)
class Problem:
    """One finding, printed as ``file[:line]: message``."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}" if self.line else f"{self.file}: {self.message}"


@lru_cache(maxsize=None)
def load_schema(path: str) -> etree.XMLSchema | etree.DTD:
    """Parse one XSD (or the QTI 1.2 DTD) once per process: the QTI schemas take seconds to load."""
    if path.endswith(".dtd"):
        return etree.DTD(path)
    return etree.XMLSchema(etree.parse(path))


def schema_for(root: etree._Element, schema_dir: Path) -> Path | None:
    """The official schema for a document, by its root namespace (None: no schema known)."""
    ns = etree.QName(root).namespace
    if ns is None and local(root) == "questestinterop":
        return schema_dir / QTI12_DTD
    if ns == NS_CP and any(
        re.fullmatch(r"imsqti_\w+_xmlv2p1", t or "") for t in root.xpath("//*[local-name()='resource']/@type")
    ):
        return schema_dir / QTI21_CP_PROFILE
    rel = SCHEMAS.get(ns or "")
    return schema_dir / rel if rel else None


def check_schema_dir(schema_dir: str | Path) -> Path:
    """The schema folder, or a QbankError naming what is missing from it."""
    folder = Path(schema_dir)
    missing = [rel for rel in (*SCHEMAS.values(), QTI21_CP_PROFILE) if not (folder / rel).is_file()]
    if missing:
        raise QbankError(f"not a QTI schema folder (missing {missing[0]})", str(folder))
    return folder


def _xsd_problems(name: str, tree: etree._ElementTree, schema_dir: Path) -> list[Problem]:
    path = schema_for(tree.getroot(), schema_dir)
    if path is None:
        return []
    schema = load_schema(str(path))
    if schema.validate(tree):
        return []
    return [Problem(name, e.line, f"schema {path.name}: {e.message}") for e in schema.error_log]


def _check_manifest(name: str, root: etree._Element, names: set[str]) -> list[Problem]:
    problems: list[Problem] = []
    base = posixpath.dirname(name)
    lower = {n.lower(): n for n in names}
    resources = [el for el in root.iter() if local(el) == "resource"]
    ids = Counter(el.get("identifier") for el in resources)
    for el in resources:
        if ids[el.get("identifier")] > 1:
            problems.append(Problem(name, el.sourceline, f"duplicate resource identifier '{el.get('identifier')}'"))
    for el in root.iter():
        href = el.get("href") if local(el) in ("resource", "file") else None
        if href and not re.match(r"[a-z]+:", href):
            target = posixpath.normpath(posixpath.join(base, href))
            if target not in names:
                hint = f" (case differs from '{lower[target.lower()]}')" if target.lower() in lower else ""
                problems.append(Problem(name, el.sourceline, f"href '{href}' is not in the package{hint}"))
        if local(el) == "dependency" and el.get("identifierref") not in ids:
            problems.append(Problem(name, el.sourceline, f"dependency '{el.get('identifierref')}' names no resource"))
        if etree.QName(el).namespace == NS_MD12 and local(el) in ("lifeCycle", "string"):
            right = {"lifeCycle": "lifecycle", "string": "langstring"}[local(el)]
            problems.append(Problem(name, el.sourceline, f"IMS MD 1.2 has no '{local(el)}' (LOM 1.3 name); use '{right}'"))
    return problems


def validate_files(
    files: Mapping[str, bytes | str], schemas: str | Path | None = None, package: bool = True
) -> list[Problem]:
    """Check every XML file of a package (archive name -> content); XSDs too when ``schemas`` is a folder.

    ``package=False`` checks loose files: no manifest needed, every file read as XML."""
    schema_dir = check_schema_dir(schemas) if schemas else None
    names = set(files)
    problems: list[Problem] = []
    if package and "imsmanifest.xml" not in names:
        problems.append(Problem("imsmanifest.xml", 0, "missing: a content package needs a manifest at its root"))
    for name in sorted(files):
        if package and not name.lower().endswith(".xml"):
            continue
        problems += check_document(name, files[name], names, schema_dir)
    return problems


def check_document(name: str, data: bytes | str, names: set[str], schema_dir: Path | None = None) -> list[Problem]:
    """The problems of one XML document of a package whose entries are ``names`` (parsed once, checked as a tree)."""
    try:
        tree = etree.ElementTree(etree.fromstring(data.encode("utf-8") if isinstance(data, str) else data))
    except etree.XMLSyntaxError as exc:
        return [Problem(name, exc.lineno or 0, f"not well-formed XML: {exc.msg}")]
    problems: list[Problem] = []
    root = tree.getroot()
    ns, tag = etree.QName(root).namespace, local(root)
    if ns in MANIFEST_NAMESPACES and tag == "manifest":
        problems += _check_manifest(name, root, names)
    elif ns in (NS_QTI21, NS_QTI22, NS_QTI30) and tag in ("assessmentItem", "qti-assessment-item"):
        problems += [Problem(name, line, msg) for line, msg in check_qti2_item(root)]
    elif ns in (NS_QTI21, NS_QTI22, NS_QTI30) and tag in ("assessmentTest", "qti-assessment-test"):
        problems += [Problem(name, line, msg) for line, msg in check_qti2_test(root, name, names)]
    elif tag == "questestinterop":
        problems += [Problem(name, line, msg) for line, msg in check_qti12(root)]
    if schema_dir is not None:
        problems += _xsd_problems(name, tree, schema_dir)
    return problems


def read_package(path: Path) -> dict[str, bytes]:
    """A zip, a folder or one XML file as archive name -> bytes."""
    if path.is_dir():
        return {p.relative_to(path).as_posix(): p.read_bytes() for p in sorted(path.rglob("*")) if p.is_file()}
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as zf:
            return {n: zf.read(n) for n in zf.namelist() if not n.endswith("/")}
    if path.is_file():
        return {path.name: path.read_bytes()}
    raise QbankError("no such file or folder", str(path))


def validate_path(path: str | Path, schemas: str | Path | None = None) -> list[Problem]:
    """Validate a package (zip or folder) or one XML file; problems name files inside it as ``PATH/name``."""
    path = Path(path)
    files = read_package(path)
    single = path.is_file() and not zipfile.is_zipfile(path)
    prefix = "" if single else f"{path.as_posix().rstrip('/')}/"
    problems = validate_files(files, schemas, package=not single)
    if prefix:
        problems = [Problem(prefix + p.file, p.line, p.message) for p in problems]
    else:
        problems = [Problem(str(path.parent / p.file) if str(path.parent) != "." else p.file, p.line, p.message) for p in problems]
    return problems

