"""present/site_base.py: what every client page shares — the formatting of one plan's language and
currency, escaped names, badges that say their status in words."""

from __future__ import annotations

from datetime import date

from generator.present.i18n import PlanLanguage
from generator.present.site_base import Words, band_badge, base_context, chart_title, html, md, status_badge
from tests.present.small_plan import loaded_of


def test_words_format_in_the_plans_language_and_currency() -> None:
    en, ru = Words(PlanLanguage("en"), "USD"), Words(PlanLanguage("ru"), "RUB")
    assert (en.num(1234.5), en.money(75600), en.pct(0.125), en.day(date(2027, 1, 15))) == (
        "1,235",  # half up
        "$75,600",
        "12.5%",
        "January 15, 2027",
    )
    assert ru.money(182500).replace("\u00a0", " ") == "182 500 ₽"
    assert en.work(None) == "—"


def test_plan_text_is_escaped_for_html_and_markdown() -> None:
    assert str(html("<b>Tom & Jerry</b>")) == "&lt;b&gt;Tom &amp; Jerry&lt;/b&gt;"
    # on a Markdown line: HTML first, then Markdown's own characters; quotes stay as they are
    assert md('*Tom* "Jerry"') == '\\*Tom\\* "Jerry"'


def test_badges_say_their_status_in_words() -> None:
    words = Words(PlanLanguage("en"), "USD")
    assert str(status_badge("behind", words, "kpi")) == '<span class="pb-badge pb-badge--behind">behind</span>'
    assert str(band_badge("needs work", words)) == '<span class="pb-badge pb-badge--needs-work">needs work</span>'
    assert str(band_badge(None, words)) == ""
    assert chart_title(words, "page.goals", "Shop") == "Goals · Shop"


def test_base_context_escapes_the_clients_name_and_titles_the_page() -> None:
    ctx = base_context(*loaded_of(), "goals")
    assert (str(ctx["name_html"]), ctx["page_title"], ctx["today"]) == ("Shop &lt;b&gt;", "Goals", "November 22, 2026")
    assert "title: \"Goals · Shop &lt;b&gt;\"" in ctx["front_matter"]
