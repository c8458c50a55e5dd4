"""Links in plan Markdown: only absolute http(s) and mailto links survive, in the site and in the
PDF, where anything relative would resolve against the PDF's folder into a clickable file:// link."""

from __future__ import annotations

import io
import re
from pathlib import Path

from pypdf import PdfReader

from generator.draw.markup import render_markdown
from tests.render.test_pdf import render

LINKS = (
    "[share](//fileserver/share) [up](../../etc/passwd) [local](notes/secret.md) [anchor](#top) "
    "[file](file:///etc/passwd) [js](javascript:alert(1)) [data](data:text/html,x) "
    "[site](https://example.com/a?b=1) [mail](mailto:owner@example.com) [plain](http://example.org)"
)
KEPT = {"https://example.com/a?b=1", "mailto:owner@example.com", "http://example.org"}


def test_only_absolute_web_and_mail_links_keep_their_href() -> None:
    html = str(render_markdown(LINKS))
    hrefs = set(re.findall(r'href="([^"]*)"', html.replace("&amp;", "&")))
    assert hrefs == KEPT
    for text in ("share", "up", "local", "anchor", "file", "js", "data"):
        assert f">{text}</a>" in html or f"[{text}](" in html  # the words stay, no longer links


def uris_in(pdf: bytes) -> set[str]:
    """Every URI of the PDF's link annotations, read with pypdf."""
    found: set[str] = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action is not None and "/URI" in action:
                found.add(str(action["/URI"]))
    return found


def test_pdf_link_annotations_are_the_absolute_links_only(tmp_path: Path) -> None:
    plan = tmp_path / "links.yaml"
    plan.write_text(
        "business:\n  name: Links Ltd\n  language: en\n"
        f"  description: {yaml_quoted(LINKS)}\n"
        "audit:\n  date: 2026-11-20\n  components:\n    online:\n      seo:\n"
        f"        status: absent\n        finding: {yaml_quoted(LINKS)}\n        priority: high\n",
        encoding="utf-8",
    )
    uris = uris_in(render(plan).pdf)
    assert uris >= KEPT
    assert not [u for u in uris if not u.startswith(("https://", "http://", "mailto:"))], uris


def yaml_quoted(text: str) -> str:
    """A one-line double-quoted YAML scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


# Markdown bounded (issue 28): nesting and size limits, rendering time linear in the input ------


def test_markdown_past_the_limits_is_shown_as_plain_text() -> None:
    from generator.model.values import MAX_MARKDOWN_CHARS

    deep = "> " * 135 + "x"
    html = str(render_markdown(deep))
    assert "<blockquote>" not in html and html.startswith("<p>") and "&gt; &gt; x" in html
    long = "[a](" * (MAX_MARKDOWN_CHARS // 4 + 1)
    assert str(render_markdown(long)) == f"<p>{long}</p>"
    assert "<blockquote>" in str(render_markdown("> " * 3 + "x"))  # within the limits: Markdown


def _best_time(text: str, repeat: int) -> float:
    import time

    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        render_markdown(text)
        best = min(best, time.perf_counter() - start)
    return best


def test_rendering_time_grows_linearly() -> None:
    """10× the input takes at most ~10× the time (ratios of the best of several runs, not absolute
    times): unclosed links, emphasis runs, quote lines, tables and prose, each at 1 900 and 19 000
    characters. Python-Markdown took 100× for 10× unclosed links (quadratic)."""
    from generator.model.values import MAX_MARKDOWN_CHARS

    units = {
        "unclosed links": "[a](",
        "emphasis": "*_",
        "quotes": "> a\n",
        "table": "| a | b |\n|---|---|\n| 1 | 2 |\n",
        "prose": "Word **bold** [link](https://example.com) `code`. ",
    }
    for name, unit in units.items():
        small = unit * (1900 // len(unit))
        big = unit * (19000 // len(unit))
        assert len(big) <= MAX_MARKDOWN_CHARS
        ratio = _best_time(big, 5) / _best_time(small, 5)
        assert ratio < 15, f"{name}: 10× the input took {ratio:.1f}× the time"
