"""Find and load output templates: a user's --templates folder first, then the shipped ones."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup, escape


def shipped_templates() -> Path:
    """``templates/`` is installed as the package ``qbank.templates``; in a checkout it sits beside ``qbank/``."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "templates", here.parent / "templates"):
        if candidate.is_dir():
            return candidate
    raise RuntimeError("qbank's templates are missing; reinstall qbank")


def cdata(text: str) -> Markup:
    """Wrap text in CDATA; a literal ``]]>`` is split across two sections."""
    return Markup("<![CDATA[" + str(text).replace("]]>", "]]]]><![CDATA[>") + "]]>")


def html_text(text: str) -> str:
    """Plain text as HTML: escaped, nothing else (the same bytes as markupsafe.escape)."""
    # Called several times per item: plain str.replace is several times cheaper than
    # building a Markup object and converting it back.
    if type(text) is not str:
        return str(escape(text))
    return (text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")
            .replace("'", "&#39;").replace('"', "&#34;"))


def rich(text: str, tag: str, para: bool = True) -> Markup:
    """``<tag format="html"><text>CDATA</text></tag>`` for plain text (in a <p> unless ``para`` is false).

    A filter rather than a template macro: a Jinja macro call per field made the macro
    the largest single cost of writing a bank.
    """
    body = html_text(text)
    if para and text:
        body = "<p>" + body + "</p>"
    return Markup(f'<{tag} format="html"><text>') + cdata(body) + Markup(f"</text></{tag}>")


def html_lines(text: str) -> str:
    """Plain text as HTML paragraphs, with each run of '- ' lines as a real list (<ul><li>)."""
    out: list[str] = []
    items: list[str] = []
    for line in str(text).splitlines():
        if line.startswith("- "):
            items.append("<li>" + html_text(line[2:].strip()) + "</li>")
            continue
        if items:
            out.append("<ul>" + "".join(items) + "</ul>")
            items = []
        if line.strip():
            out.append("<p>" + html_text(line.strip()) + "</p>")
    if items:
        out.append("<ul>" + "".join(items) + "</ul>")
    return "".join(out)


def rich_list(text: str, tag: str) -> Markup:
    """Like :func:`rich`, but lines become paragraphs and '- ' lines a bulleted list (grader information)."""
    return Markup(f'<{tag} format="html"><text>') + cdata(html_lines(text)) + Markup(f"</text></{tag}>")


def render_to(template: jinja2.Template, path: Path, **context: object) -> None:
    """Render straight into a file, chunk by chunk, so a large bank is never one string in memory."""
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.writelines(template.generate(**context))


@lru_cache(maxsize=16)
def environment(fmt: str, user_dir: str | None = None) -> jinja2.Environment:
    """A Jinja2 environment for one format, autoescaped for XML and HTML."""
    folders = []
    if user_dir:
        folders.append(str(Path(user_dir) / fmt))
    folders.append(str(shipped_templates() / fmt))
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folders),
        autoescape=jinja2.select_autoescape(["xml", "html", "xml.j2", "html.j2"], default_for_string=True),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        auto_reload=False,  # templates do not change during a build; skips a stat() per include
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["cdata"] = cdata
    env.filters["html_text"] = html_text
    env.filters["rich"] = rich
    env.filters["rich_list"] = rich_list
    env.filters["html_lines"] = lambda text: Markup(html_lines(text))
    return env
