"""View objects of steps 2–5 and 8 in both languages and a German locale, and one figure read the same
in every output (site page, PDF text, terminal report).

Every expected string is worked by hand from the plans (plans/kolosok.yaml, plans/northwind.yaml),
Russian grammar and CLDR's formats.
"""

from __future__ import annotations

import re
import subprocess

import pytest

from generator.compute.figures import compute_figures
from generator.load.loader import load_plan
from generator.model import LoadedPlan
from generator.present.i18n import PlanLanguage
from generator.present.views import goal_views, roadmap_rows, segment_views
from generator.render.pdf import render_pdf
from generator.render.report import render_text
from generator.render.site import render_page
from tests.conftest import PLANS, ROOT, TODAY


def plain(text: str) -> str:
    """Babel's Russian groups use no-break spaces; compare with plain ones."""
    return re.sub(r"[\u00a0\u202f]", " ", text)


@pytest.fixture(scope="module")
def kolosok() -> LoadedPlan:
    return load_plan(PLANS / "kolosok.yaml")


@pytest.fixture(scope="module")
def northwind() -> LoadedPlan:
    return load_plan(PLANS / "northwind.yaml")


def test_russian_goals(kolosok: LoadedPlan) -> None:
    share, leads, cost = goal_views(kolosok.plan, "ru")
    assert (share.baseline, share.target, share.deadline) == ("20%", "35%", "30 июня 2027")
    assert (leads.baseline, leads.target) == ("12 заявок", "40 заявок")
    assert plain(cost.baseline) == "900 ₽" and plain(cost.target) == "500 ₽"
    # the arrow never parts from its word where a narrow "better" column wraps
    assert cost.direction == "↓\u00a0меньше" and cost.metric == "—"


def test_english_goals(northwind: LoadedPlan) -> None:
    leads, _hours, portal, cac = goal_views(northwind.plan, "en")
    assert (leads.baseline, leads.target, leads.deadline) == ("34 enquiries", "70 enquiries", "December 31, 2027")
    assert (portal.baseline, portal.target) == ("0%", "30%")
    assert (cac.baseline, cac.target) == ("€1,900", "€1,300")  # a EUR goal is money, not "1900 EUR"


def test_a_german_locale_for_an_english_plan(northwind: LoadedPlan) -> None:
    german = PlanLanguage("en", "de-DE")
    leads, _, _, cac = goal_views(northwind.plan, german)
    assert plain(cac.target) == "1.300 €" and leads.deadline == "31 December 2027"
    quotes = roadmap_rows(northwind.plan, german)[0]
    # day first, never the US 12/1/26 for a German reader; German thousands and euro after the number
    assert (quotes.start, quotes.end, plain(quotes.cost)) == ("01/12/2026", "30/11/2027", "6.500 €")


def test_segments_and_roadmap_in_russian(kolosok: LoadedPlan) -> None:
    segments = segment_views(kolosok.plan, "ru")
    assert [s.share for s in segments] == ["60%", "15%"]
    rows = roadmap_rows(kolosok.plan, "ru")
    assert rows[0].owner == "Анна" and rows[0].start == "01.12.2026" and plain(rows[0].cost) == "5 000 ₽"
    assert rows[0].component == "Онлайн-инструменты · Поисковое продвижение (SEO)"


def test_a_custom_tool_is_named_by_its_name(kolosok: LoadedPlan) -> None:
    from generator.model.audit import CustomTool
    from generator.present.views import component_label

    audit = kolosok.plan.audit
    assert audit is not None and audit.components is not None
    tool = CustomTool(family="it", id="configurator", name="Конфигуратор тортов", status="partial")
    components = audit.components.model_copy(update={"custom": [tool]})
    plan = kolosok.plan.model_copy(update={"audit": audit.model_copy(update={"components": components})})
    assert component_label("it.configurator", plan, "ru") == "ИТ-системы · Конфигуратор тортов"
    assert component_label("it.configurator", plan, "en") == "IT systems · Конфигуратор тортов"


def test_site_pdf_and_report_say_the_same(kolosok: LoadedPlan) -> None:
    """The same figure reads the same in all three outputs (503% and 502,9% were once both shown)."""
    figures = compute_figures(kolosok, TODAY)
    site = plain(render_page(kolosok, figures, "forecast") + render_page(kolosok, figures, "checkpoints"))
    pdf_bytes = render_pdf(kolosok, figures)
    pdf = plain(
        subprocess.run(["pdftotext", "-", "-"], input=pdf_bytes, capture_output=True, check=True).stdout.decode()
    )
    report = plain(render_text(figures, width=200))
    # base ROI (817 500 − 235 000) / 235 000 = 2.4787… → 248%; a plan of 20 leads (nothing measured
    # yet on 22 November 2026); from October
    for text in ("248%", "20 заявок", "Прогноз окупаемости", "12 месяцев с октября 2026", "235 000 ₽"):
        assert text in site, f"site: {text}"
        assert text in pdf, f"PDF: {text}"
        assert text in report, f"report: {text}"
    for wrong in ("247,9%", "с октябрь", "22 заявок", "мес. с"):
        assert wrong not in site + pdf + report, wrong


def test_views_are_frozen(kolosok: LoadedPlan) -> None:
    goal = goal_views(kolosok.plan, "ru")[0]
    with pytest.raises(AttributeError):
        goal.title = "x"  # type: ignore[misc]


def test_bands_of_nps_and_completion() -> None:
    from generator.present.views import completion_band, nps_band

    assert [nps_band(v) for v in (50, 49.9, 0, -1)] == ["good", "needs-work", "needs-work", "poor"]
    assert [completion_band(v) for v in (0.9, 0.89, 0.5, 0.49)] == ["good", "needs-work", "needs-work", "poor"]


def test_the_scenario_table_has_one_column_order_everywhere(kolosok: LoadedPlan) -> None:
    """Site, PDF and report list the scenarios' columns alike: cost, profit, new customers, ROI."""
    figures = compute_figures(kolosok, TODAY)
    site = render_page(kolosok, figures, "forecast")
    header = site[site.index("Итоги по сценариям") :]
    header = header[: header.index("</thead>")]
    html = (ROOT / "theme" / "pdf" / "audit.j2.html").read_text("utf-8")
    pdf_header = html[html.index('L["scenario"]') :]
    pdf_header = pdf_header[: pdf_header.index("</thead>")]
    report = render_text(figures, width=200)
    report_header = report[report.index("Итоги по сценариям") :].split("\n")[2]

    def order(text: str, names: tuple[str, ...]) -> list[str]:
        return sorted(names, key=text.index)

    ru = ("Затраты", "Прибыль", "Новые клиенты")
    keys = ('L["fc.cost"]', 'L["fc.profit"]', 'L["fc.new"]')
    assert order(header, ru) == list(ru)
    assert order(report_header, ru) == list(ru)
    assert order(pdf_header, keys) == list(keys)
