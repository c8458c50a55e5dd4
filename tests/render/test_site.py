"""Site pages from the pure core (generator.render.site): content, empty steps, hostile text, golden Markdown.

Numbers are worked by hand from plan-format.md, never copied from the program's output.
"""

from __future__ import annotations

import html
import re
from dataclasses import replace
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.compute.figures import compute_figures
from generator.load.loader import LoadedPlan, load_plan
from generator.present.site import PAGES
from generator.present.site_steps import portfolio_row
from generator.render.home import render_home
from generator.render.site import render_page, render_pages, render_portfolio
from tests.conftest import PLANS, TESTDATA, TODAY

HOSTILE = TESTDATA / "hostile" / "hostile.yaml"
NBSP = "\u00a0"


def pages_of(path: Path, today: date = TODAY) -> dict[str, str]:
    loaded = load_plan(path)
    return dict(render_pages(loaded, compute_figures(loaded, today)))


@pytest.fixture(scope="module")
def kolosok() -> dict[str, str]:
    return pages_of(PLANS / "kolosok.yaml")


@pytest.fixture(scope="module")
def northwind() -> dict[str, str]:
    return pages_of(PLANS / "northwind.yaml")


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def html_tags(text: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    """Every start tag a browser would see in the page's HTML, with its attributes."""
    parser = _Tags()
    parser.feed(text)
    return parser.tags


def plain(text: str) -> str:
    """Grouping spaces of babel (no-break, narrow no-break) as ordinary spaces, and cells without their
    column labels (`data-label`, for a phone's cards), for readable asserts."""
    return re.sub(r' data-label="[^"]*"', "", text.replace(NBSP, " ").replace("\u202f", " "))


def test_every_page_in_the_method_order(kolosok: dict[str, str]) -> None:
    assert list(kolosok) == [f"kolosok/{stem}.md" for stem, _, _ in PAGES]
    assert list(kolosok)[:6] == [
        "kolosok/index.md",
        "kolosok/goals.md",
        "kolosok/audience.md",
        "kolosok/competitors.md",
        "kolosok/audit.md",
        "kolosok/strategy.md",
    ]


def test_every_page_has_a_title_and_a_description(kolosok: dict[str, str], northwind: dict[str, str]) -> None:
    for markdown in [*kolosok.values(), *northwind.values()]:
        head = markdown.split("---", 2)[1]
        assert re.search(r'^title: ".+"$', head, re.M)
        assert re.search(r'^description: ".{30,}"$', head, re.M)
    assert "language: ru" in kolosok["kolosok/audit.md"]
    assert "language: en" in northwind["northwind/audit.md"]


def test_ltv_arithmetic_in_russian_number_format(kolosok: dict[str, str]) -> None:
    economics = kolosok["kolosok/economics.md"]
    # 50 × 365 × 10 = 182 500 (contract), grouped with a no-break space in Russian.
    assert f"50 × 365 × 10 = 182{NBSP}500" in economics
    assert f"182{NBSP}500{NBSP}₽" in economics
    # profit LTV: 182 500 × 40 % = 73 000; LTV/CAC = 73 000 / 450 = 162,22…
    assert f"182{NBSP}500 × 0,4 = 73{NBSP}000" in economics
    assert f"73{NBSP}000 / 450 = 162,22" in economics
    # NPS = 100 × (62 − 13) / 100 = 49
    assert "100 × (62 − 13) / 100 = 49" in economics
    # funnel: 1 500 / 12 000 = 12,5 %; 240 / 300 = 80 %
    assert "240 / 300 = 80" in plain(economics)


def test_audit_scores_worked_by_hand(kolosok: dict[str, str]) -> None:
    audit = plain(kolosok["kolosok/audit.md"])
    # online: seo 0, social ½, website ½, content 0 (email n/a) → 100 × 1 / 4 = 25
    assert "100 × 1 / 4 = 25" in audit
    # mobile: ads 0, site ½, sms 0, messengers 0 (apps n/a) → 12,5 → 13
    assert "100 × 0,5 / 4 = 12,5" in audit
    # sales: five scored tools, scripts ½ → 10
    assert "100 × 0,5 / 5 = 10" in audit
    # it: ordering ½ (weight 1), training 0 (weight 0.5) → 100 × 0.5 / 1.5 = 33,33 → 33
    assert "100 × 0,5 / 1,5 = 33,33" in audit
    # overall: (25 + 13 + 10 + 13 + 33) / 5 = 18,8 → 19
    assert "(25 + 13 + 10 + 13 + 33) / 5 = 18,8" in audit
    assert "<strong>19</strong> / 100" in audit
    assert 'pb-badge--poor">плохо<' in audit
    for family in ("Онлайн-инструменты", "Мобильный маркетинг", "Электронные продажи", "Аналитика", "ИТ-системы"):
        assert family in audit
    assert "не применимо" in audit and "бумажная тетрадь" in audit


def test_overview_lists_the_eight_steps(kolosok: dict[str, str]) -> None:
    overview = kolosok["kolosok/index.md"]
    assert overview.count("— заполнен") == 8
    assert "Заполнено шагов: 8 из 8." in overview
    assert "[Аудит электронного маркетинга](audit.md)" in overview


def test_audience_competitors_strategy(kolosok: dict[str, str]) -> None:
    audience = plain(kolosok["kolosok/audience.md"])
    assert "## Заказчики тортов" in audience
    assert '<td>торт на заказ москва</td><td class="pb-num">74 000</td>' in audience
    # demand total of the cake segment: 74 000 + 880 + 41 000 = 115 880
    assert "115 880" in audience
    competitors = kolosok["kolosok/competitors.md"]
    assert "сеть из 12 точек" in competitors and "хлеб привозной" in competitors
    strategy = kolosok["kolosok/strategy.md"]
    assert "## Электронные продажи · CRM\\-система" in strategy  # a Markdown heading, "-" escaped
    assert "Заказчики тортов" in strategy and "Стоимость заявки" in strategy


def test_checkpoints_and_calendar(kolosok: dict[str, str]) -> None:
    checkpoints = kolosok["kolosok/checkpoints.md"]
    # 2027-03-01 is after 2026-11-22: both KPIs are still pending (their actuals are recorded early).
    assert "pb-badge--met" in checkpoints or "pb-badge--pending" in checkpoints
    calendar = plain(kolosok["kolosok/calendar.md"])
    # content from 2026-12-01 to 2027-11-30 daily: 365 days minus RU public holidays.
    assert "pb-month" in calendar and "декабрь 2026" in calendar
    assert "Как выбрать свежий хлеб" in calendar  # the first backlog idea is the first slot
    assert "1 декабря 2026 – 30 ноября 2027" in calendar  # the period as the PDF and the report write it
    assert "из 365" in calendar
    # where the year's slots come from (the hand count of test_schedule.py: 3 backlog of 345, 0,87%;
    # 49 angles, 14,2%; 8 occasions, 2,3% — percentages below 10 keep one decimal, below 1 two)
    sources = plain(kolosok["kolosok/calendar.md"])
    assert "Откуда берутся темы года" in sources
    shares = (
        ("Список идей", 3, "0,87"),
        ("Те же запросы под другим углом", 49, "14,2"),
        ("Праздники и поводы", 8, "2,3"),
    )
    for label, count, share in shares:
        assert f'<td>{label}</td><td class="pb-num">{count}</td><td class="pb-num">{share}%</td>' in sources
    assert "Ближайшие недели: задания" in calendar
    assert "Как выбрать торт на заказ в Москве и Бибиреве: на что смотреть" in calendar
    # the real split of the year, never "more than 300 articles"
    assert "За период: новых статей — 101, обновлений — 244, постов из статей — 0." in calendar
    assert "300" not in calendar
    assert "Для кого: Заказчики тортов" in calendar and "Время: 60 мин" in calendar


def test_english_plan_uses_english_formats(northwind: dict[str, str]) -> None:
    economics = northwind["northwind/economics.md"]
    assert "LTV (revenue)" in economics
    assert "€" in economics
    audit = northwind["northwind/audit.md"]
    assert "Change since the previous audit" in audit
    assert "Scores by family of tools" in audit
    # northwind's three segments all use the plan's economics: 3,800 × 5 / 12 × 0.27 = 427.5 once, not per segment
    forecast = plain(northwind["northwind/forecast.md"])
    assert "<td>All customer groups</td>" in forecast and forecast.count("= 427.5") == 1


def test_empty_plan_says_which_steps_are_empty(tmp_path: Path) -> None:
    path = tmp_path / "empty.yaml"
    path.write_text("business:\n  name: Пустышка\n", encoding="utf-8")
    pages = pages_of(path)
    for stem in ("goals", "audience", "competitors", "audit", "strategy", "roadmap", "checkpoints"):
        assert "Этот шаг пока не заполнен" in pages[f"empty/{stem}.md"], stem
    assert pages["empty/index.md"].count("— не заполнен") == 8  # as the PDF says it (step.empty)


def test_everything_automated_shows_zero_hours_by_hand(tmp_path: Path) -> None:
    """Whole-number hours, all automated: 0 hours by hand is evidence too (it once crashed the audit page)."""
    path = tmp_path / "auto.yaml"
    path.write_text(
        "business:\n  name: Авто\naudit:\n  date: 2026-11-01\n"
        "automation:\n  - {process: Отчёты, hours_per_month: 6, tool: Метрика, status: automated}\n",
        encoding="utf-8",
    )
    audit = pages_of(path)["auto/audit.md"]
    assert "0 ч в месяц вручную" in plain(audit)
    assert re.search(r"0 ч в месяц вручную\s*<span class=\"pb-badge pb-badge--done\"", audit)


def test_hostile_text_is_inert() -> None:
    pages = pages_of(HOSTILE)
    text = "\n".join(pages.values())
    tags = html_tags(text)
    names = {name for name, _ in tags}
    assert not names & {"script", "iframe", "style", "img", "object", "embed", "foreignobject"}, names
    for name, attrs in tags:
        for attr, value in attrs:
            assert not attr.startswith("on"), (name, attr, value)
            if attr in ("href", "src"):
                assert not re.match(r"\s*(javascript|file|data|vbscript):", value or "", re.I), (name, attr, value)
    # template syntax is shown as written, never evaluated
    shown = html.unescape(text)  # plain fields are written as character references, inert for Markdown too
    assert "{{ 7*7 }}" in shown and "49" not in re.sub(r"\d{2,}", "", shown.replace("{{ 7*7 }}", ""))
    assert "{% for x in range(3) %}" in shown and "looploop" not in shown
    assert "&lt;script&gt;" in text


def test_portfolio_lists_clients(kolosok: dict[str, str]) -> None:
    loaded = [load_plan(PLANS / f"{slug}.yaml") for slug in ("kolosok", "northwind")]
    markdown = render_portfolio([(lp, compute_figures(lp, TODAY)) for lp in loaded], "ru")
    assert "[Пекарня «Колосок»](kolosok/index.md)" in markdown
    assert "[Northwind Industrial Supply](northwind/index.md)" in markdown
    # a public page is the client's shop window: no scores unless the plan opts in
    assert "| 19 " not in markdown and "pb-badge" not in markdown
    # the site build renders the same page from the rows its worker made (generator.render.home)
    rows = [portfolio_row(lp, compute_figures(lp, TODAY)) for lp in loaded]
    assert render_home(rows, "ru") == markdown
    # publish.show_score: true on the bakery: its score and band (in its own language), not Northwind's
    kolosok_plan = loaded[0].plan
    publish = kolosok_plan.publish.model_copy(update={"show_score": True})  # type: ignore[union-attr]
    opted = replace(loaded[0], plan=kolosok_plan.model_copy(update={"publish": publish}))
    shown = render_portfolio(
        [(opted, compute_figures(opted, TODAY)), (loaded[1], compute_figures(loaded[1], TODAY))], "ru"
    )
    assert '| 19 <span lang="ru" class="pb-badge pb-badge--poor">плохо</span> |' in shown
    assert "| 44 " not in shown and 'lang="en" class="pb-badge' not in shown


@pytest.mark.parametrize("stem", ["index", "economics"])
def test_golden_markdown(stem: str, golden) -> None:  # type: ignore[no-untyped-def]
    loaded: LoadedPlan = load_plan(PLANS / "kolosok.yaml")
    golden(f"pages/kolosok-{stem}.md", render_page(loaded, compute_figures(loaded, TODAY), stem))


# v2 money --------------------------------------------------------------------------------------


def test_kolosok_money_pages(kolosok: dict[str, str]) -> None:
    forecast = plain(kolosok["kolosok/forecast.md"])
    # neighbours: 150 × 100 / 12 × 0.4 = 500 a month for 12 × 0.5 = 6 months; cakes 3 500 × 3 / 12 × 0.5
    assert "150 × 100 / 12 × 0,4 = 500" in forecast and "6 месяцев" in forecast
    assert "3 500 × 3 / 12 × 0,5 = 437,5" in forecast
    assert "Прогноз на 12 месяцев с октября 2026 (начало задано в плане)." in forecast  # one sentence, one stop
    # plan against fact: vk spent 15 000 twice for 8 + 11 customers; ROI to date (13 500 − 30 000) / 30 000
    assert "30 000 / 19 = 1 578,95" in forecast and "<strong>2,11</strong>" in forecast
    assert "(13 500 − 30 000) / 30 000" in forecast and forecast.count("<svg") == 2
    checkpoints = plain(kolosok["kolosok/checkpoints.md"])
    agenda = checkpoints[checkpoints.index("Повестка следующей встречи") :]
    # on 22 November 2026 nothing is measured: said so, with the first measurement's date
    assert "Ничего ещё не измерено; первое измерение — 1 марта 2027." in agenda
    assert "Корректировать нечего" not in agenda
    # the re-forecast beside the plan: vk at 9.5 customers and 15 000 a month from December
    assert "План и факты" in forecast and "9,5 клиента и 15 000 ₽ в месяц" in forecast
    automation = plain(kolosok["kolosok/automation.md"])
    # 28 hours by hand × 400 = 11 200 a month; × 12 = 134 400 a year
    assert "28 × 400 = 11 200" in automation and "11 200 × 12 = 134 400" in automation
    economics = plain(kolosok["kolosok/economics.md"])
    assert "3 500 × 3 × 2 = 21 000" in economics and "Из экономики плана: маржа." in economics


def test_forecast_not_computed_names_the_keys_and_no_initiative_goal_says_so(tmp_path: Path) -> None:
    path = tmp_path / "test.yaml"
    path.write_text(
        """business: {name: Test, language: en}
goals: [{id: g, title: Leads, target: 10}]
segments:
  - {id: cakes, name: Cake buyers, economics: {average_check: 3000}}
strategy:
  initiatives:
    - {id: ads, title: Ads, segments: [cakes], budget_monthly: 100, new_customers_monthly: 2,
       actuals: [{month: 2026-10, spend: 150, new_customers: 1}]}
checkpoints: [{date: 2026-11-01, kpis: [{goal: g, actual: 3}]}]
forecast: {start: 2026-10, months: 6}
""",
        encoding="utf-8",
    )
    pages = pages_of(path)
    forecast = plain(pages["test/forecast.md"])
    assert "The forecast is not computed: it is missing the purchases a year for the segment “Cake buyers”" in forecast
    assert "economics." not in forecast  # the keys are the consultant's (playbook check, M112)
    # plan against fact needs only the horizon: 150 / 1 = 150 against 100 / 2 = 50, ratio 3
    assert "150 / 1 = 150" in forecast and "<strong>3</strong>" in forecast
    assert "Profit not computed: missing purchases a year." in forecast
    # the KPI is behind and the only initiative does not serve its goal: the agenda says so
    checkpoints = plain(pages["test/checkpoints.md"])
    assert "Agenda for the next meeting" in checkpoints
    assert "No initiative serves this goal: the strategy has nothing working on it." in checkpoints
    path.write_text(path.read_text(encoding="utf-8").replace("segments: [cakes],", "segments: [cakes], goals: [g],"))
    checkpoints = plain(pages_of(path)["test/checkpoints.md"])
    assert "No initiative serves this goal" not in checkpoints and "<td>Ads</td>" in checkpoints


def test_the_glossary_states_the_v2_forecast_rule() -> None:
    """The method's glossary, in both languages, tells how segment economics and lifetime change the profit."""
    root = PLANS.parent / "content"
    ru = (root / "method" / "glossary.md").read_text(encoding="utf-8")
    en = (root / "en" / "method" / "glossary.md").read_text(encoding="utf-8")
    assert "`lifetime_years` × 12 месяцев после привлечения; прибыль(m) — сумма по группам" in ru
    assert "only for `lifetime_years` × 12 months after it was won; profit(m) is the sum over the groups" in en


def test_sales_department_advice_is_put_aside_with_the_reason_not_deleted(kolosok: dict[str, str]) -> None:
    audit = plain(kolosok["kolosok/audit.md"])
    heads = [re.sub(r"<[^>]+>", "", line) for line in audit.splitlines() if "pb-action__head" in line]
    aside = [h for h in heads if "отложено: рассчитано на отдел продаж, а в команде 3 человека" in h]
    # scripts, call recording, CRM telephony and dashboards: team 3 ≤ 5; shown low, after the medium ones
    assert [h.split(" ", 1)[1].split(" отложено")[0].strip() for h in aside] == [
        "Скрипты продаж Электронные продажи частично",
        "Запись звонков Электронные продажи нет",
        "Связка CRM и телефонии Аналитика нет",
        "Дашборды Аналитика нет",
    ]
    assert all(h.startswith("низкий") for h in aside)
    assert heads.index(aside[0]) > max(i for i, h in enumerate(heads) if h.startswith("средний"))
    assert "типовой совет" not in audit  # the consultant's tag stays in playbook report


def test_bidi_controls_are_removed_from_titles_in_every_output(tmp_path: Path) -> None:
    """An override (U+202E) reverses what follows it: dropped in the terminal, and now in the page titles,
    headings and the PDF's title and metadata too (issue 28)."""
    import io

    import yaml
    from pypdf import PdfReader

    from generator.render.pdf import render_pdf_checked

    bidi = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    data = yaml.safe_load((PLANS / "northwind.yaml").read_text(encoding="utf-8"))
    data["business"]["name"] = "Acme \u202eyrrehc\u202c Supply"
    data["goals"][0]["title"] = "More \u2067leads\u2069 \u202dnow"
    data["audit"].pop("previous", None)
    path = tmp_path / "acme.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    pages = pages_of(path)
    text = "\n".join(pages.values())
    assert not set(bidi) & set(text)
    assert 'title: "Northwind' not in pages["acme/index.md"] and "Acme yrrehc Supply" in pages["acme/index.md"]
    loaded = load_plan(path)
    pdf = PdfReader(io.BytesIO(render_pdf_checked(loaded, compute_figures(loaded, TODAY)).pdf))
    assert pdf.metadata is not None and pdf.metadata.title is not None
    assert "Acme yrrehc Supply" in pdf.metadata.title and not set(bidi) & set(pdf.metadata.title)
    assert not set(bidi) & set("".join(page.extract_text() for page in pdf.pages))


def test_tables_carry_their_column_labels_and_a_named_scroll_box(kolosok: dict[str, str]) -> None:
    """On a phone a table becomes cards (each value under its column's label, `data-label`); a table or
    chart that still scrolls sideways is a region named for a screen reader."""
    goals = kolosok["kolosok/goals.md"]
    assert '<td data-label="Бизнес-цель">Больше постоянных покупателей</td>' in goals
    assert 'role="region" aria-label="Таблица: если не помещается, прокрутите вбок"' in goals
    roadmap = kolosok["kolosok/roadmap.md"]
    assert 'class="pb-chart pb-chart--wide pb-chart--desktop" tabindex="0" role="region"' in roadmap
    assert '<div class="pb-chart pb-chart--phone">' in roadmap and 'width="360"' in roadmap
    # the worked ROI under the summary table, not inside its cells
    forecast = plain(kolosok["kolosok/forecast.md"])
    assert '<ul class="pb-formulas">' in forecast and "<br><span class=\"pb-work\">(" not in forecast
