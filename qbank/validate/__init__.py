"""Check QTI packages: structure always, official XSDs when given a schema folder.

Structural checks catch what validates against a schema yet breaks in a player:
undeclared responses, correct responses naming choices that do not exist, response
processing that never sets SCORE, manifest hrefs that miss (exact case), duplicate
identifiers (in a file and across the package), QTI 1.2 resprocessing without
respcondition, LOM 1.3 names in IMS MD 1.2, a base type or cardinality that does not fit
the interaction, media a file loads that the package lacks, unknown Canvas question types.
Scoring is checked by evaluating each item's own response processing (qbank/validate/scoring.py):
the key must score the maximum and no wrong response may. Packages are read within limits
(qbank/validate/reading.py): zip bombs, devices and broken zips are refused; unsafe entry names
(zip slip) are errors. XML is parsed without entity expansion, DTD loading or network.
The same checks run at build time (fail closed) and from ``qbank validate PATH``.
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lxml import etree

from qbank.errors import QbankError
from qbank.validate.reading import read_input, shown
from qbank.validate.rules import check_media, check_qti12, check_qti2_item, check_qti2_test, local
from qbank.validate.scoring import Budget, check_qti12_scoring, check_qti2_scoring

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
    """One finding, printed as ``file[:line]: error: message`` (or ``warning:``)."""

    file: str
    line: int
    message: str
    level: str = "error"  # or "warning": reported, but the package still passes

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.level}: {self.message}"


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


def parser() -> etree.XMLParser:
    """The only way validate parses XML: no entity expansion, no DTD or network fetch, no huge trees."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def _entity_problems(name: str, tree: etree._ElementTree) -> list[Problem]:
    dtd = tree.docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        return [Problem(name, 1, "declares XML entities (<!ENTITY>): players may expand them (entity bombs) "
                                 "or fetch files; qbank left them unexpanded")]
    return []


def validate_files(
    files: Mapping[str, bytes | str], schemas: str | Path | None = None, package: bool = True,
    warnings: list[Problem] | None = None,
) -> list[Problem]:
    """Check every XML file of a package (archive name -> content); XSDs too when ``schemas`` is a folder.

    Returns the errors; warnings (scoring this validator cannot evaluate) go to ``warnings``
    when a list is given. ``package=False`` checks loose files: no manifest needed, every
    file read as XML, no check that referenced media are present."""
    check = PackageCheck(set(files), check_schema_dir(schemas) if schemas else None, package)
    problems: list[Problem] = []
    if package and "imsmanifest.xml" not in check.names:
        problems.append(Problem("imsmanifest.xml", 0, "missing: a content package needs a manifest at its root"))
    for name in sorted(files):
        if package and not name.lower().endswith(".xml"):
            continue
        problems += check.document(name, files[name])
    check.finish(sorted(files)[0] if files else "")
    if warnings is not None:
        warnings += check.warned
    return problems


class PackageCheck:
    """The checks of one package, a document at a time (so a writer can check each as it makes it).

    Documents are given in name order; what spans documents (identifiers used in two files,
    the scoring budget) is kept here."""

    def __init__(self, names: set[str], schema_dir: Path | None = None, package: bool = True) -> None:
        self.names, self.schema_dir, self.package = names, schema_dir, package
        self.warned: list[Problem] = []
        self.first_use: dict[tuple[str, str], str] = {}  # (kind, identifier) -> the file that used it first
        self.budget = Budget()  # evaluation steps for scoring, shared by every item of the package

    def document(self, name: str, data: bytes | str) -> list[Problem]:
        """The errors of one XML document (warnings are added to ``warned``)."""
        names, budget, first_use = self.names, self.budget, self.first_use
        problems: list[Problem] = []
        try:
            tree = etree.ElementTree(etree.fromstring(data.encode("utf-8") if isinstance(data, str) else data, parser()))
        except etree.XMLSyntaxError as exc:
            return [Problem(name, exc.lineno or 0, f"not well-formed XML: {exc.msg}")]
        problems += _entity_problems(name, tree)
        root = tree.getroot()
        ns, tag = etree.QName(root).namespace, local(root)
        found: list[tuple[int, str]] = []
        if ns in MANIFEST_NAMESPACES and tag == "manifest":
            problems += _check_manifest(name, root, names)
        elif ns in (NS_QTI21, NS_QTI22, NS_QTI30) and tag in ("assessmentItem", "qti-assessment-item"):
            found += check_qti2_item(root)
            errors, warns = check_qti2_scoring(root, budget)
            found += errors
            self.warned += [Problem(name, line, msg, "warning") for line, msg in warns]
            found += _first_use(first_use, "item identifier", root.get("identifier"), root.sourceline, name)
        elif ns in (NS_QTI21, NS_QTI22, NS_QTI30) and tag in ("assessmentTest", "qti-assessment-test"):
            found += check_qti2_test(root, name, names)
        elif tag == "questestinterop":
            found += check_qti12(root)
            for item in root.iter("{*}item"):
                errors, warns = check_qti12_scoring(item, budget)
                found += errors
                self.warned += [Problem(name, line, msg, "warning") for line, msg in warns]
                found += _first_use(first_use, "item ident", item.get("ident"), item.sourceline, name)
            for el in root.iter("{*}assessment"):
                found += _first_use(first_use, "assessment ident", el.get("ident"), el.sourceline, name)
        if self.package and tag != "manifest":
            found += check_media(root, name, names)
        problems += [Problem(name, line, msg) for line, msg in found]
        if self.schema_dir is not None:
            problems += _xsd_problems(name, tree, self.schema_dir)
        return problems

    def finish(self, first_name: str) -> None:
        """The package-wide warning, once every document was checked."""
        if self.budget.skipped:
            self.warned.append(Problem("imsmanifest.xml" if self.package else first_name, 0,
                                       f"scoring not checked for {self.budget.skipped} item(s): the package is over "
                                       f"{self.budget.total:,} evaluation steps", "warning"))


def _first_use(seen: dict[tuple[str, str], str], kind: str, ident: str | None, line: int,
               name: str) -> list[tuple[int, str]]:
    """An identifier used again in another file of the package (the same file's rules catch repeats there)."""
    if ident is None:
        return []
    first = seen.setdefault((kind, ident), name)
    if first == name:
        return []
    return [(line, f"{kind} '{ident}' is not unique in the package (also in {first})")]


def read_package(path: Path) -> dict[str, bytes]:
    """A zip, a folder or one XML file as archive name -> bytes (XML only; other files map to b'')."""
    return read_input(path)[1].files


def validate_path(path: str | Path, schemas: str | Path | None = None) -> list[Problem]:
    """Validate a package (zip or folder) or one XML file: errors, then warnings (``level``).

    Problems name files inside a package as ``PATH/name``. Hostile or broken input (a
    device, a zip bomb, a broken zip) raises QbankError before much is read."""
    path = Path(path)
    kind, pkg = read_input(path)
    single = kind == "xml"
    warnings: list[Problem] = []
    problems = [Problem(n, 0, msg) for n, msg in pkg.problems]
    problems += validate_files(pkg.files, schemas, package=not single, warnings=warnings)
    problems += warnings
    if not single:
        prefix = f"{path.as_posix().rstrip('/')}/"
        return [Problem(shown(prefix + p.file), p.line, p.message, p.level) for p in problems]
    return [Problem(shown(str(path.parent / p.file) if str(path.parent) != "." else p.file), p.line, p.message, p.level)
            for p in problems]
