"""Issue 7: the tutor's preview shows every item as a learner sees it, and its key."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html

from every_kind import PATH, every_kind_bank
from qbank.writers import WriteOptions, writer_for


def _page(path: Path):
    return lxml.html.parse(str(path)).getroot()


def _text(el) -> str:
    return " ".join(el.text_content().split())


def _check_self_contained(folder: Path) -> None:
    """No scripts, nothing fetched from elsewhere, every link relative and pointing at a file."""
    for page in folder.glob("*.html"):
        root = _page(page)
        assert not root.xpath("//script"), page
        assert not root.xpath("//*[@style and contains(@style, 'url(')]"), page
        for attr in root.xpath("//@href | //@src"):
            if attr.startswith("#"):
                continue
            assert not re.match(r"^[a-z]+:|^/", attr), (page, attr)
            assert (folder / attr.split("#")[0]).is_file(), (page, attr)
    css = (folder / "preview.css").read_text(encoding="utf-8")
    assert "@import" not in css and "url(" not in css and "@media print" in css


def test_every_kind_is_shown_with_its_key(tmp_path):
    bank = every_kind_bank()
    outputs = writer_for("preview")(bank, tmp_path, WriteOptions())
    assert {o.path for o in outputs} == {"preview/index.html", "preview/kinds.html", "preview/preview.css"}
    assert sum(sum(o.counts.values()) for o in outputs) == len(bank.items)
    root = _page(tmp_path / "preview" / "kinds.html")
    articles = {a.get("id"): a for a in root.xpath("//article")}
    assert set(articles) == {i.id for i in bank.items}

    for item in bank.items:
        art = articles[item.id]
        learner = " ".join(_text(e) for e in art.xpath(".//*[not(ancestor-or-self::*[contains(@class,'key')])]"
                                                        "[self::p or self::li or self::th]"))
        key = art.xpath(".//div[contains(@class,'answer-key')]")
        assert len(key) == 1, item.id
        assert " ".join((item.parts[0] if item.kind == "cloze" else item.stem.split("<")[0]).split()) in _text(art)
        assert f"{PATH}:{item.sources[0].line}" in _text(key[0])  # source file:line
        assert item.id in _text(key[0])
        if item.kind == "multichoice":
            marked = [_text(li.xpath(".//span[@class='text']")[0]) for li in art.xpath(".//li[contains(@class,'correct')]")]
            assert marked == [c.text for c in item.keys]
            letters = [chr(ord("a") + n) for n, c in enumerate(item.choices) if c.correct]
            assert f"Answer: {', '.join(letters)}" in _text(key[0])
            for c in item.choices:
                assert c.text in learner and c.feedback in _text(art)
        elif item.kind == "truefalse":
            assert "Answer: False" in _text(key[0])
            assert _text(art.xpath(".//li[contains(@class,'correct')]//span[@class='text']")[0]) == "False"
            assert item.feedback_true in _text(art) and item.feedback_false in _text(art)
        elif item.kind == "matching":
            for pair in item.pairs:
                assert pair.prompt in learner and pair.answer in learner
                row = art.xpath(f".//table[@class='matching']//tr[th='{pair.prompt}']")[0]
                assert _text(row.xpath(".//*[contains(@class,'mark')]")[0]) == f"✓ {pair.answer}"
            options = [_text(li).replace("(not used)", "").strip() for li in art.xpath(".//div[@class='options']//li")]
            assert options == sorted(options, key=str.casefold)  # never in pairing order
            assert set(options) == {p.answer for p in item.pairs} | set(item.extra_answers)
            assert "First-time fix rate" in _text(key[0])
        elif item.kind == "ordering":
            shown = [_text(li).split(". ", 1)[1] for li in art.xpath(".//ol[@class='steps']/li")]
            assert sorted(shown) == sorted(item.steps) and shown != list(item.steps)
            assert [_text(li) for li in key[0].xpath(".//ol/li")] == list(item.steps)
        elif item.kind == "numerical":
            assert "Answer: 63" in _text(key[0]) and "63" not in learner  # the key only in the answer key
            assert item.feedback_wrong in _text(key[0])
            assert art.xpath(".//span[@class='blank']")  # a box to write the number in
        elif item.kind == "essay":
            assert "root causes" in _text(key[0]) and "root causes" not in learner
            assert art.xpath(".//div[@class='response']")
            # grader information as a real list, not '- ' lines run into one paragraph
            assert [_text(li) for li in key[0].xpath(".//div[@class='grader-info']/ul/li")] == [
                "root causes", "support offered", "an improvement plan"]
        elif item.kind == "cloze":
            text = _text(art.xpath(".//p[contains(@class,'cloze-text')]")[0])
            assert "[1]" in text and "[2]" in text and "<b>targets</b>" in text
            for n, gap in enumerate(item.gaps, 1):
                options = [_text(li).replace("✓ key", "").strip()
                           for li in art.xpath(f".//div[@class='options'][{n}]//li")]
                assert sorted(options) == sorted((gap.key, *gap.distractors))
                marked = art.xpath(f".//div[@class='options'][{n}]//li[.//*[contains(@class,'mark')]]")
                assert [_text(li).replace("✓ key", "").strip() for li in marked] == [gap.key]
            assert "Answer: gap 1: complaints; gap 2: objectives" in _text(key[0])
            assert "complaints" in learner and "Listen, Apologise" not in learner

    # escaping: a tag in the notes is shown as text, never becomes markup
    assert not root.xpath("//article//script | //article//i | //h1//b")
    assert "<script>alert(1)</script>" in _text(articles["mc-single"])
    # the key is hidden until the switch is ticked, and printed always
    assert root.xpath("//input[@id='show-key' and @type='checkbox']") and root.xpath("//label[@for='show-key']")
    css = (tmp_path / "preview" / "preview.css").read_text(encoding="utf-8")
    assert ".key { display: none; }" in css and ".key-switch:checked ~ main .key { display: block; }" in css
    assert re.search(r"@media print \{.*\.key \{ display: block !important; \}", css, re.S)
    index = _page(tmp_path / "preview" / "index.html")
    assert "made-up warning" in _text(index)
    _check_self_contained(tmp_path / "preview")


def test_preview_of_the_bundled_topics_has_every_item(built):
    folder = built.out_dir / "preview"
    index = _page(folder / "index.html")
    links = index.xpath("//table[@class='contents']//a/@href")
    assert links == [f"{t.slug}.html" for t in built.bank.topics]
    seen = set()
    for topic in built.bank.topics:
        page = _page(folder / f"{topic.slug}.html")
        ids = page.xpath("//article/@id")
        assert ids == [i.id for i in built.bank.items_for(topic.slug)]
        assert topic.title in _text(page.xpath("//h1")[0])
        for art in page.xpath("//article"):
            assert art.xpath(".//div[contains(@class,'answer-key')]//*[contains(text(), ':')]")
        seen.update(ids)
    assert seen == {i.id for i in built.bank.items}
    _check_self_contained(folder)


def test_preview_is_deterministic_and_seeded(tmp_path):
    a, b, c = (tmp_path / n for n in "abc")
    for folder, seed in ((a, 1), (b, 1), (c, 2)):
        folder.mkdir()
        writer_for("preview")(every_kind_bank(seed), folder, WriteOptions())
    page = "preview/kinds.html"
    assert (a / page).read_bytes() == (b / page).read_bytes()
    assert (a / "preview/preview.css").read_bytes() == (c / "preview/preview.css").read_bytes()
