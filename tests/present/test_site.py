"""present/site.py: one page context for every client page, each titled as its page."""

from __future__ import annotations

from generator.present.pages import PAGES, Labels
from generator.present.site import CONTEXTS
from tests.present.small_plan import loaded_of


def test_every_client_page_has_its_context() -> None:
    assert list(CONTEXTS) == [stem for stem, _, _ in PAGES]


def test_each_context_is_titled_as_its_page() -> None:
    loaded, figures = loaded_of()
    labels = Labels("en")
    for stem, key, _ in PAGES:
        ctx = CONTEXTS[stem](loaded, figures)
        assert ctx["page_title"] == labels[key], stem
        assert str(ctx["name_html"]) == "Shop &lt;b&gt;", stem
