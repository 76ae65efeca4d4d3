"""Issue 5: QTI 2.1, Canvas QTI 1.2 and QTI 3.0 packages that validate and score the key."""

from __future__ import annotations

import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree

from qbank.model import Cloze, Essay, Matching, MultipleChoice, Numerical, Ordering, TrueFalse
from qbank.validate.rules import attr, name
from qbank.validate import schema_for, validate_path
from qbank.writers import WriteOptions, writer_for
from qti_support import HOSTILE, Item2, every_kind_bank, score_qti12

QTI = ("qti21", "qti12-canvas", "qti30")


def _zip(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


@pytest.fixture(scope="session")
def constructed(tmp_path_factory, shared):
    """Every kind with hostile text, written by each QTI writer with XSD validation at build time."""
    bank = every_kind_bank()
    out = tmp_path_factory.mktemp("constructed")
    outputs = {}
    for fmt in QTI:
        (o,) = writer_for(fmt)(bank, out, WriteOptions(schemas=str(shared / "xsd")))
        outputs[fmt] = o
    return bank, out, outputs


def _packages(built):
    return {o.format: built.out_dir / o.path for o in built.outputs if o.format in QTI}


def test_bundled_packages_are_listed_and_valid_against_the_official_xsds(built, shared):
    packages = _packages(built)
    assert set(packages) == set(QTI)
    listed = {o["format"]: o for o in built.manifest["outputs"]}
    for fmt, path in packages.items():
        assert listed[fmt]["path"] == path.name and listed[fmt]["sha256"]
        assert sum(listed[fmt]["items"].values()) + len(listed[fmt]["skipped"]) == len(built.bank.items)
        assert validate_path(path, shared / "xsd") == [], fmt
        # every XML file really had a schema to answer to (Canvas's own quiz settings excepted)
        for fname, data in _zip(path).items():
            root = etree.fromstring(data)
            if not fname.endswith("assessment_meta.xml"):
                assert schema_for(root, shared / "xsd") is not None, fname


def test_constructed_bank_with_every_kind_validates(constructed, shared):
    bank, out, outputs = constructed
    for fmt, o in outputs.items():
        assert validate_path(out / o.path, shared / "xsd") == [], fmt
        assert sum(o.counts.values()) == len(bank.items) and not o.skipped
    assert [(c["id"], c["to"]) for c in outputs["qti12-canvas"].converted] == [("ordering-eee555", "matching"), ("essay-fff666", "essay")]


def test_hostile_text_survives_every_package(constructed):
    bank, out, outputs = constructed
    for fmt, o in outputs.items():
        files = _zip(out / o.path)
        texts = "".join("".join(etree.fromstring(d).itertext()) for n, d in files.items() if n.endswith(".xml"))
        if fmt == "qti12-canvas":  # mattext is HTML: unescape that layer too
            texts = texts.replace("&lt;", "<").replace("&gt;", ">").replace("&#34;", '"').replace("&#39;", "'").replace("&amp;", "&")
        for item in bank.items:
            shown = item.parts + tuple(g.key for g in item.gaps) if isinstance(item, Cloze) else (item.stem,)
            assert all(text in texts for text in shown), (fmt, item.id)
        assert HOSTILE in texts


def _texts_by_id(root, element: str) -> dict[str, str]:
    return {attr(c, "identifier"): "".join(c.itertext()) for c in root.iter() if isinstance(c.tag, str) and name(c) == element}


def _wrong(item, key):
    """A response that is not the key, of the same shape."""
    if isinstance(key, dict):  # one gap changed to a wrong choice
        first = next(iter(key))
        return {**key, first: next(i for i in item.gap_ids[first] if i != key[first])}
    if isinstance(key, str):
        return next(i for i in item.choice_ids if i != key)
    if item.cardinality == "ordered":
        return list(reversed(key))
    return key[:-1]


def _check_qti2(item, root):
    """The correct response is the model's key, and response processing gives it full marks."""
    parsed = Item2(root)
    parsed.choice_ids = list(_texts_by_id(root, "simpleChoice"))
    choices = _texts_by_id(root, "simpleChoice")
    if isinstance(item, MultipleChoice):
        assert sorted(choices[i] for i in parsed.correct) == sorted(c.text for c in item.keys)
    elif isinstance(item, TrueFalse):
        assert [choices[i] for i in parsed.correct] == ["True" if item.answer else "False"]
    elif isinstance(item, Ordering):
        assert [choices[i] for i in parsed.correct] == list(item.steps)
        assert [choices[i] for i in choices] != list(item.steps)  # document order does not give the key away
    elif isinstance(item, Matching):
        assoc = _texts_by_id(root, "simpleAssociableChoice")
        pairs = [tuple(assoc[x] for x in v.split()) for v in parsed.correct]
        assert sorted(pairs) == sorted((p.prompt, p.answer) for p in item.pairs)
        assert set(item.extra_answers) <= set(assoc.values())
    elif isinstance(item, Cloze):
        inline = [el for el in root.iter() if isinstance(el.tag, str) and name(el) == "inlineChoiceInteraction"]
        assert len(inline) == len(item.gaps)
        parsed.gap_ids = {attr(el, "responseIdentifier"): list(_texts_by_id(el, "inlineChoice")) for el in inline}
        for el, gap in zip(inline, item.gaps):
            texts = _texts_by_id(el, "inlineChoice")
            key = parsed.decls[attr(el, "responseIdentifier")][1]
            assert [texts[k] for k in key] == [gap.key] and sorted(texts.values()) == sorted((gap.key, *gap.distractors))
        if len(item.gaps) > 1:  # each gap carries its share: one wrong gap of two scores one half
            score, _ = parsed.score(_wrong(parsed, parsed.key()))
            assert score == Decimal(len(item.gaps) - 1) / len(item.gaps)
    elif isinstance(item, Numerical):
        # a float text entry keyed by the number; scored by equal (exact, or absolute within the tolerance)
        assert parsed.correct == [item.answer] and parsed.decls["RESPONSE"][2].base_type == "float"
        assert [name(e) for e in root.iter() if isinstance(e.tag, str) and name(e).endswith("Interaction")] == [
            "textEntryInteraction"]
        key, tol = Decimal(item.answer), Decimal(item.tolerance)
        assert parsed.score(str(key))[0] == 1 and parsed.score(str(key + tol))[0] == 1
        score, feedback = parsed.score(str(key + tol + 1))
        assert score == 0 and "INCORRECT" in feedback
        assert parsed.score(None)[0] == 0
        return
    elif isinstance(item, Essay):
        assert not parsed.correct
        score, _ = parsed.score("An answer.")
        assert score == 0  # marked by a person; nothing scores it automatically
        assert any(name(e) == "rubricBlock" and attr(e, "view") == "scorer" for e in root.iter() if isinstance(e.tag, str))
        return
    key = parsed.key()
    score, feedback = parsed.score(key)
    assert score == Decimal(1) and "CORRECT" in feedback, item.id
    score, feedback = parsed.score(_wrong(parsed, key))
    assert score < 1 and "INCORRECT" in feedback, item.id
    assert parsed.score(None)[0] == 0
    if item.general_feedback:
        assert "GENERAL" in feedback


@pytest.mark.parametrize("fmt", ["qti21", "qti30"])
def test_qti2_and_3_correct_responses_are_the_keys_and_score_full_marks(fmt, built, constructed):
    bank, out, outputs = constructed
    for b, path in ((built.bank, _packages(built)[fmt]), (bank, out / outputs[fmt].path)):
        files = _zip(path)
        for item in b.items:
            _check_qti2(item, etree.fromstring(files[f"items/{item.id}.xml"]))


def test_multi_answer_partial_credit_matches_moodle(constructed):
    bank, out, outputs = constructed
    root = etree.fromstring(_zip(out / outputs["qti21"].path)["items/concept-bbb222.xml"])
    parsed = Item2(root)
    keys = parsed.correct
    wrong = [i for i in _texts_by_id(root, "simpleChoice") if i not in keys]
    assert parsed.score(keys[:1])[0] == Decimal("0.5")  # one of two keys
    assert parsed.score(keys + wrong[:1])[0] == Decimal(4) / Decimal(6)  # 1 - 1/3, as Moodle grades it
    assert parsed.score(keys + wrong)[0] == 0  # ticking everything earns nothing


def _canvas_items(path: Path):
    for fname, data in _zip(path).items():
        root = etree.fromstring(data)
        if etree.QName(root).localname == "questestinterop":
            yield from root.iter("{*}item")


def _labels(el):
    return {lab.get("ident"): "".join(lab.itertext()).strip() for lab in el.iter("{*}response_label")}


def _html(text: str) -> str:
    return etree.fromstring(f"<x>{text}</x>").xpath("string()")


def test_canvas_respconditions_give_the_key_100(built, constructed):
    bank, out, outputs = constructed
    for b, path in ((built.bank, _packages(built)["qti12-canvas"]), (bank, out / outputs["qti12-canvas"].path)):
        models = {i.id: i for i in b.items}
        seen = 0
        for el in _canvas_items(path):
            item = models[el.get("ident")]
            seen += 1
            meta = {f.findtext("{*}fieldlabel"): f.findtext("{*}fieldentry") for f in el.iter("{*}qtimetadatafield")}
            lids = list(el.iter("{*}response_lid"))
            if isinstance(item, (MultipleChoice, TrueFalse)):
                labels = {k: _html(v) for k, v in _labels(lids[0]).items()}
                keys = [c.text for c in item.keys] if isinstance(item, MultipleChoice) else ["True" if item.answer else "False"]
                key_ids = [i for i, t in labels.items() if t in keys]
                assert sorted(labels[i] for i in key_ids) == sorted(keys)
                assert score_qti12(el, {"response1": key_ids}) == 100, item.id
                wrong = [next(i for i in labels if i not in key_ids)]
                assert score_qti12(el, {"response1": wrong}) == 0
                expected = {False: "multiple_choice_question", True: "multiple_answers_question"}
                qtype = "true_false_question" if isinstance(item, TrueFalse) else expected[item.multiple]
                assert meta["question_type"] == qtype
            elif isinstance(item, (Matching, Ordering)):
                assert meta["question_type"] == "matching_question"
                if isinstance(item, Matching):
                    key = {p.prompt: p.answer for p in item.pairs}
                else:
                    key = {s: f"Position {n}" for n, s in enumerate(item.steps, 1)}
                response = {}
                for lid in lids:
                    prompt = "".join(lid.find("{*}material").itertext()).strip()
                    labels = _labels(lid)
                    response[lid.get("ident")] = [i for i, t in labels.items() if t == key[prompt]]
                assert score_qti12(el, response) == 100, item.id
                first = next(iter(response))
                assert score_qti12(el, {first: response[first]}) < 100
            elif isinstance(item, Cloze):
                assert meta["question_type"] == "multiple_dropdowns_question"
                stem = _html("".join(el.find("{*}presentation/{*}material").itertext()))
                assert stem.strip() == item.text_with([f"[gap{n}]" for n in range(1, len(item.gaps) + 1)])
                response = {}
                for lid, gap in zip(lids, item.gaps):
                    assert lid.get("ident") == "response_" + "".join(lid.find("{*}material").itertext()).strip()
                    response[lid.get("ident")] = [i for i, t in _labels(lid).items() if t == gap.key]
                assert score_qti12(el, response) == 100, item.id
                first = next(iter(response))
                assert score_qti12(el, {first: response[first]}) < 100 or len(item.gaps) == 1
                assert score_qti12(el, {}) == 0
            elif isinstance(item, Numerical):
                assert meta["question_type"] == "numerical_question"
                assert el.find(".//{*}render_fib").get("fibtype") == "Decimal"
                key, tol = Decimal(item.answer), Decimal(item.tolerance)
                assert score_qti12(el, {"response1": [item.answer]}) == 100, item.id
                assert score_qti12(el, {"response1": [str(key - tol)]}) == 100
                assert score_qti12(el, {"response1": [str(key + tol + 1)]}) == 0
                assert score_qti12(el, {}) == 0
            else:
                assert meta["question_type"] == "essay_question"
                assert score_qti12(el, {}) == 0
            assert meta["points_possible"] == "1.0" and meta["assessment_question_identifierref"]
            for rp in el.iter("{*}resprocessing"):
                assert rp.find("{*}respcondition") is not None
        assert seen == len(b.items)


def test_canvas_layout_one_assessment_per_topic(built):
    names = set(_zip(_packages(built)["qti12-canvas"]))
    folders = {n.split("/")[0] for n in names if "/" in n}
    assert len(folders) == len({i.topic for i in built.bank.items})  # one per topic with items
    for f in folders:
        assert {f"{f}/{f}.xml", f"{f}/assessment_meta.xml"} <= names
    manifest = etree.fromstring(_zip(_packages(built)["qti12-canvas"])["imsmanifest.xml"])
    assert manifest.find(".//{http://www.imsglobal.org/xsd/imsmd_v1p2}lifecycle") is not None


def test_packages_are_deterministic(tmp_path, monkeypatch):
    bank = every_kind_bank()
    for fmt in QTI:
        a, b = tmp_path / f"a-{fmt}", tmp_path / f"b-{fmt}"
        a.mkdir(), b.mkdir()
        (o,) = writer_for(fmt)(bank, a, WriteOptions())
        writer_for(fmt)(bank, b, WriteOptions())
        assert (a / o.path).read_bytes() == (b / o.path).read_bytes()
        with zipfile.ZipFile(a / o.path) as zf:
            infos = zf.infolist()
            assert infos[0].filename == "imsmanifest.xml"
            assert [i.filename for i in infos[1:]] == sorted(i.filename for i in infos[1:])
            assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
            assert {i.external_attr >> 16 for i in infos} == {0o100644}
            assert {i.compress_type for i in infos} == {zipfile.ZIP_STORED}  # deflate bytes differ between zlib builds
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    (o,) = writer_for("qti21")(bank, tmp_path, WriteOptions())
    with zipfile.ZipFile(tmp_path / o.path) as zf:
        assert {i.date_time for i in zf.infolist()} == {(2023, 11, 14, 22, 13, 20)}


def test_other_seeds_and_identifiers_are_stable(tmp_path):
    """Identifiers come from item ids and option text, so another seed keeps them."""
    ids = []
    for seed in (0, 7):
        d = tmp_path / str(seed)
        d.mkdir()
        (o,) = writer_for("qti21")(every_kind_bank(seed), d, WriteOptions())
        root = etree.fromstring(_zip(d / o.path)["items/concept-aaa111.xml"])
        ids.append(sorted(_texts_by_id(root, "simpleChoice")))
    assert ids[0] == ids[1]


def test_per_option_feedback_is_shown_for_the_chosen_option(constructed):
    bank, out, outputs = constructed
    for fmt in ("qti21", "qti30"):
        root = etree.fromstring(_zip(out / outputs[fmt].path)["items/concept-aaa111.xml"])
        parsed = Item2(root)
        choices = {v: k for k, v in _texts_by_id(root, "simpleChoice").items()}
        wrong = choices["Wrong <b>"]
        _, feedback = parsed.score(wrong)
        assert set(feedback) == {wrong, "INCORRECT", "GENERAL"}
        shown = {attr(f, "identifier"): "".join(f.itertext()) for f in root.iter() if isinstance(f.tag, str) and name(f) == "modalFeedback"}
        assert shown[wrong] == "No & never."
