"""Every text field of the plan model, hostile at once: the built site shows it as text.

The fields are found by walking the pydantic model (`generator.model.Plan`), not listed by hand,
so a field added later is covered the day it appears: a one-line field (`Text`) gets a value that
tries Markdown links, images, autolinks, raw HTML and an attr_list handler; a Markdown field gets
the same plus block-level tricks. The shipped plans are the skeleton (they fill every section);
the site is built for real and every page is read with an HTML parser: no `on…` attribute, no
`javascript:` URL, nothing pointing at the attacker's host (a link or a resource).
"""

from __future__ import annotations

import html
import shutil
import types
import typing
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel

from generator.model import Plan
from generator.model.values import _markdown, _one_line
from tests.conftest import PLANS, ROOT, TODAY, run_build

EVIL = "evil.example"
# Text fields whose value means something to the program (a code, a reference, a path, a variable's
# name): validated or resolved, never shown as free text. Everything else gets the hostile value.
SEMANTIC = {
    "Business.locale",
    "Business.currency",
    "Initiative.component",
    "Publication.idea",
    "Content.holidays",
    "Audit.previous",
    "Publish.password_env",
}


def hostile_line(n: int) -> str:
    return (
        f"H{n} [click](javascript:alert(1)) ![i](https://{EVIL}/i.png) <img src=https://{EVIL}/j onerror=alert(2)> "
        f"<https://{EVIL}/k> [e](https://{EVIL}/e) [r][x] *x*{{ onclick=alert(3) }}"
    )


def hostile_markdown(n: int) -> str:
    return (
        f"M{n} [a](javascript:alert(4)) ![i](https://{EVIL}/m.png) <script>alert(5)</script>\n"
        f'<a href="https://{EVIL}/n" onclick=alert(6)>n</a> [d](data:text/html,x)\n'
        "{: onclick=alert(7) }\n\n"
        f"### heading {{ onmouseover=alert(8) }}\n\n[x]: javascript:alert(9)\n"
    )


def _kind(annotation: Any) -> tuple[str, Any]:
    """What a field holds: ("line"|"markdown"|"lines"|"model"|"models"|"other", the model class)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        base, *meta = typing.get_args(annotation)
        funcs = {getattr(m, "func", None) for m in meta}
        if base is str and _one_line in funcs:
            return "line", None
        if base is str and _markdown in funcs:
            return "markdown", None
        return _kind(base)
    if origin in (typing.Union, types.UnionType):
        kinds = [_kind(a) for a in typing.get_args(annotation) if a is not type(None)]
        return kinds[0] if len(kinds) == 1 else ("other", None)
    if origin is list:
        inner, model = _kind(typing.get_args(annotation)[0])
        return {"line": ("lines", None), "model": ("models", model)}.get(inner, ("other", None))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "model", annotation
    return "other", None


def text_fields(model: type[BaseModel], seen: set[type] | None = None) -> set[str]:
    """Every one-line and Markdown field of the model, as `Class.field`."""
    seen = seen if seen is not None else set()
    if model in seen:
        return set()
    seen.add(model)
    found = set()
    for name, field in model.model_fields.items():
        kind, sub = _kind(field.rebuild_annotation())
        if kind in ("line", "markdown", "lines"):
            found.add(f"{model.__name__}.{name}")
        elif sub is not None:
            found |= text_fields(sub, seen)
    return found


class Filler:
    """Puts a hostile value into every text field of a plan's data, recording which fields it reached."""

    def __init__(self) -> None:
        self.count = 0
        self.filled: set[str] = set()

    def value(self, kind: str) -> Any:
        self.count += 1
        if kind == "markdown":
            return hostile_markdown(self.count)
        line = hostile_line(self.count)
        return [line, f"{line}."] if kind == "lines" else line

    def fill(self, model: type[BaseModel], data: Any) -> Any:
        if isinstance(data, str):  # a bare status is shorthand for {status: …}
            data = {"status": data}
        if not isinstance(data, dict):
            return data
        for name, field in model.model_fields.items():
            key = f"{model.__name__}.{name}"
            kind, sub = _kind(field.rebuild_annotation())
            if kind in ("line", "markdown", "lines") and key not in SEMANTIC:
                data[name] = self.value(kind)
                self.filled.add(key)
            elif kind == "model" and data.get(name) is not None:
                data[name] = self.fill(sub, data[name])
            elif kind == "models" and data.get(name):
                data[name] = [self.fill(sub, item) for item in data[name]]
        return data


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, set[str]]:
    plans = tmp_path_factory.mktemp("hostile") / "plans"
    shutil.copytree(PLANS, plans)
    filler = Filler()
    for path in sorted(plans.rglob("*.yaml")):  # the plans and the earlier plans they compare with
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        # sections no shipped plan fills: the plan's own consultant, the client data's mappings
        data["publish"] = {"visibility": "public", "consultant": {"name": "x", "company": "x", "contacts": ["x"]}}
        data["data"] = {"won_stages": ["x"], "nps": {"segment_column": "x"}}
        if "content" in data and not data["content"].get("occasions"):  # sections no shipped plan has
            data["content"]["occasions"] = [{"date": data["content"]["start"], "title": "x"}]
        filler.fill(Plan, data)
        path.write_text(yaml.dump(data, Dumper=_NoAliases, allow_unicode=True, sort_keys=False), "utf-8")
    site = tmp_path_factory.mktemp("site") / "site"
    assert run_build(plans, [], site, TODAY, config_file=ROOT / "mkdocs.yml") == 0
    return site, filler.filled


def test_every_text_field_of_the_model_is_reached(hostile_site: tuple[Path, set[str]]) -> None:
    fields = text_fields(Plan)
    assert len(fields) > 40  # the walk found the model's fields (a broken walk finds none)
    assert fields - SEMANTIC - hostile_site[1] == set(), "text fields no shipped plan fills: add them to one"
    assert fields >= SEMANTIC, "a field listed as semantic is gone"


URL_ATTRIBUTES = {"href", "src", "srcset", "action", "formaction", "poster", "data", "background", "xlink:href", "cite"}


class _Live(HTMLParser):
    """Whatever in a page would run, navigate to or load from somewhere the site does not control."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.script = tag == "script"
        for attr, value in attrs:
            text = (value or "").strip().lower()
            if attr.startswith("on"):
                self.found.append(f"<{tag} {attr}={value!r}>")
            if attr in URL_ATTRIBUTES and (text.startswith(("javascript:", "data:", "vbscript:")) or EVIL in text):
                self.found.append(f"<{tag} {attr}={value!r}>")
            if attr == "style" and "url(" in text:
                self.found.append(f"<{tag} {attr}={value!r}>")

    def handle_data(self, data: str) -> None:
        if self.script and "alert(" in data:
            self.found.append(f"<script>{data[:60]}")

    def handle_endtag(self, tag: str) -> None:
        self.script = False


def test_no_hostile_text_becomes_live_markup(hostile_site: tuple[Path, set[str]]) -> None:
    site, _ = hostile_site
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 20
    problems = []
    for path in pages:
        parser = _Live()
        parser.feed(path.read_text(encoding="utf-8"))
        problems += [f"{path.relative_to(site)}: {found}" for found in parser.found]
    assert problems == []
    # the hostile text is shown (as text): the walk did reach the pages
    goals = (site / "northwind" / "checkpoints" / "index.html").read_text(encoding="utf-8")
    assert "[click](javascript:alert(1))" in html.unescape(goals)


def test_no_hostile_text_becomes_a_link_in_the_pdfs(hostile_site: tuple[Path, set[str]]) -> None:
    from pypdf import PdfReader

    site, _ = hostile_site
    pdfs = sorted(site.rglob("*.pdf"))
    assert len(pdfs) == 2
    for pdf in pdfs:
        for page in PdfReader(pdf).pages:
            for annotation in page.get("/Annots") or []:
                action = annotation.get_object().get("/A")
                uri = str(action.get("/URI", "")) if action is not None else ""
                assert EVIL not in uri and not uri.lower().startswith(("javascript:", "data:", "file:")), (pdf, uri)
