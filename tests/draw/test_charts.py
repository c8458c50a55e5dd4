"""Charts: well-formed, accessible, escaped SVG whose geometry follows the values it is given."""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET
from datetime import date, timedelta

import pytest

from generator.draw import charts
from generator.draw.charts import Bar, Line, Series, Span, Stage
from generator.present.i18n import PlanLanguage

NS = {"svg": "http://www.w3.org/2000/svg"}
HOSTILE = '<script>alert("x")</script> & </svg><image href="file:///etc/passwd"/>\x01'
RU, EN = PlanLanguage("ru"), PlanLanguage("en")  # the charts' Voice: the plan's words and formats
MONTHS = [date(2026, 12, 1), *[date(2027, m, 1) for m in range(1, 12)]]


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    return root


def every_chart(label: str = "Онлайн") -> list[str]:
    days = [(date(2026, 12, 1) + timedelta(days=i), "done" if i < 3 else "new") for i in range(40)]
    return [
        charts.render_gauge(19, "poor", RU, title=label),
        charts.render_score_bars([Bar(label, 25, "poor", 10), Bar("x", None)], RU, title=label),
        charts.render_forecast(
            MONTHS,
            [5000.0 * (i + 1) for i in range(12)],
            [Series(label, [9125.0 * (i + 1) for i in range(12)])],
            RU,
            "RUB",
            title=label,
            cost_label=label,
        ),
        charts.render_funnel([Stage(label, 12000), Stage("b", 1500, 0.125)], RU, title=label),
        charts.render_gantt([Span(label, [1, 2, 3], [1])], MONTHS, RU, title=label),
        charts.render_heatmap(days, date(2026, 12, 1), date(2027, 1, 9), RU, title=label, today=date(2026, 12, 4)),
        charts.render_plan_vs_fact(
            MONTHS[:4],
            [Line(label, [10.0, 20.0, 30.0, 40.0], "#d93025", "pb-cost", dashed=True), Line("f", [5.0], "#1", "x")],
            RU,
            "RUB",
            title=label,
        ),
    ]


@pytest.mark.parametrize("index", range(7))
def test_parses_and_names_itself_for_screen_readers(index: int) -> None:
    svg = every_chart()[index]
    root = parse(svg)
    assert root.get("role") == "img"
    title_id, desc_id = root.get("aria-labelledby", "").split()
    title = root.find(f"svg:title[@id='{title_id}']", NS)
    desc = root.find(f"svg:desc[@id='{desc_id}']", NS)
    assert title is not None and title.text == "Онлайн"
    assert desc is not None and desc.text
    # nothing to fetch, nothing to run
    assert not re.search(r"<(script|image|use|foreignObject|a)\b", svg) and "href" not in svg and "url(" not in svg


@pytest.mark.parametrize("index", range(7))
def test_hostile_labels_are_text_not_markup(index: int) -> None:
    svg = every_chart(HOSTILE)[index]
    root = parse(svg)  # still well-formed: the control character is dropped, the rest escaped
    tags = {el.tag.split("}")[-1] for el in root.iter()}
    assert tags <= {"svg", "title", "desc", "text", "rect", "circle", "line", "polyline", "path"}
    assert root.find("svg:title", NS).text == HOSTILE.replace("\x01", "")  # type: ignore[union-attr]
    assert "<script" not in svg and "&lt;script&gt;" in svg


def test_same_input_same_bytes_and_distinct_ids() -> None:
    assert every_chart() == every_chart()
    a = parse(charts.render_gauge(50, "needs work", EN, title="A")).get("aria-labelledby")
    b = parse(charts.render_gauge(50, "needs work", EN, title="B")).get("aria-labelledby")
    assert a != b


def test_gauge_arc_is_proportional_to_the_score() -> None:
    def arc(score: int) -> tuple[float, float]:
        circle = parse(charts.render_gauge(score, "good", EN, title="s")).findall("svg:circle", NS)[1]
        dash, gap = map(float, circle.get("stroke-dasharray", "").split())
        return dash, gap

    half, circumference = arc(50)
    full, _ = arc(100)
    assert full == pytest.approx(circumference, abs=0.01)
    assert half == pytest.approx(full / 2, abs=0.01)
    assert arc(25)[0] == pytest.approx(full / 4, abs=0.01)
    # no score: only the track, and the text says so
    root = parse(charts.render_gauge(None, None, EN, title="s"))
    assert len(root.findall("svg:circle", NS)) == 1
    assert "not assessed" in root.find("svg:desc", NS).text  # type: ignore[operator, union-attr]


def test_score_bars_lengths_and_colours() -> None:
    root = parse(
        charts.render_score_bars(
            [Bar("a", 100, "good"), Bar("b", 50, "needs work"), Bar("c", 0, "poor"), Bar("d", None)],
            EN,
            title="t",
        )
    )
    bars = {
        r.get("class"): float(r.get("width", "0")) for r in root.findall("svg:rect", NS) if "band" in r.get("class", "")
    }
    tracks = [float(r.get("width", "0")) for r in root.findall("svg:rect", NS) if r.get("class") == "pb-track"]
    assert bars["pb-band-good"] == pytest.approx(tracks[0])
    assert bars["pb-band-needs-work"] == pytest.approx(bars["pb-band-good"] / 2)
    assert bars["pb-band-poor"] == 0
    desc = root.find("svg:desc", NS).text  # type: ignore[union-attr]
    assert desc == "a: 100 (good); b: 50 (needs work); c: 0 (poor); d: not assessed"


def test_previous_score_tick_sits_at_the_earlier_score() -> None:
    root = parse(charts.render_score_bars([Bar("a", 80, "needs work", previous=40)], EN, title="t"))
    track = next(r for r in root.findall("svg:rect", NS) if r.get("class") == "pb-track")
    tick = root.find("svg:line", NS)
    assert tick is not None
    x0, w = float(track.get("x", "0")), float(track.get("width", "0"))
    assert float(tick.get("x1", "0")) == pytest.approx(x0 + w * 0.4, abs=0.01)
    assert "a: 80 (needs work) (before 40)" in root.find("svg:desc", NS).text  # type: ignore[operator, union-attr]


def test_axis_ticks_worked_by_hand() -> None:
    # kolosok's optimistic cumulative profit 2 034 875: steps of 500 000 up to 2 500 000
    assert charts.axis_ticks(2_034_875) == [0, 500_000, 1_000_000, 1_500_000, 2_000_000, 2_500_000]
    assert charts.axis_ticks(100) == [0, 20, 40, 60, 80, 100]
    assert charts.axis_ticks(0) == [0, 1]


def test_forecast_points_follow_the_values() -> None:
    months = MONTHS[:5]
    profit = [0.0, 25.0, 50.0, 75.0, 100.0]  # axis 0..100
    svg = charts.render_forecast(months, [10.0] * 5, [Series("base", profit)], EN, "USD", title="t", cost_label="c")
    root = parse(svg)
    lines = root.findall("svg:polyline", NS)
    series = next(p for p in lines if "pb-series" in p.get("class", ""))
    points = [tuple(map(float, p.split(","))) for p in series.get("points", "").split()]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    steps = {round(b - a, 2) for a, b in itertools.pairwise(xs)}
    assert len(steps) == 1  # months evenly spaced
    bottom, top = ys[0], ys[-1]
    assert ys[2] == pytest.approx((bottom + top) / 2)  # 50 is halfway up an axis to 100
    cost = next(p for p in lines if p.get("class") == "pb-cost")
    assert cost.get("stroke-dasharray")
    cost_y = float(cost.get("points", "").split()[0].split(",")[1])
    assert cost_y == pytest.approx(bottom - (bottom - top) * 0.1)
    desc = root.find("svg:desc", NS).text  # type: ignore[union-attr]
    assert "December 2026 – April 2027" in desc and "base: $100" in desc and "c: $10" in desc  # type: ignore[operator]


def test_funnel_widths_follow_the_square_root_of_counts() -> None:
    root = parse(
        charts.render_funnel(
            [Stage("shows", 1000), Stage("visits", 250, 0.25), Stage("buys", 10, 0.04)], EN, title="t"
        )
    )
    widths = [float(r.get("width", "0")) for r in root.findall("svg:rect", NS)]
    # √(250/1000) = 0.5; √(10/1000) = 0.1: a hundredfold narrowing is still a readable bar, not a sliver
    assert widths[1] == pytest.approx(widths[0] / 2) and widths[2] == pytest.approx(widths[0] / 10)
    # centred: each bar's middle is the same
    mids = {round(float(r.get("x", "0")) + float(r.get("width", "0")) / 2, 2) for r in root.findall("svg:rect", NS)}
    assert len(mids) == 1
    assert root.find("svg:desc", NS).text == "shows: 1,000; visits: 250, 25%; buys: 10, 4%"  # type: ignore[union-attr]


def test_gantt_bars_cover_their_months() -> None:
    svg = charts.render_gantt([Span("a", [1, 2, 3, 7], [3]), Span("b", list(range(1, 13)))], MONTHS, EN, title="t")
    root = parse(svg)
    bars = [r for r in root.findall("svg:rect", NS) if r.get("class") == "pb-bar"]
    assert len(bars) == 3  # a runs in two stretches
    one_month = float(bars[1].get("width", "0")) + 2
    assert float(bars[0].get("width", "0")) + 2 == pytest.approx(3 * one_month, abs=0.02)
    assert float(bars[2].get("width", "0")) + 2 == pytest.approx(12 * one_month, abs=0.1)
    assert float(bars[1].get("x", "0")) - float(bars[0].get("x", "0")) == pytest.approx(6 * one_month, abs=0.1)
    assert len(root.findall("svg:path", NS)) == 1  # the one-off cost in month 3
    desc = root.find("svg:desc", NS).text  # type: ignore[union-attr]
    assert desc == "a: Dec 2026 – Feb 2027, Jun 2027; b: Dec 2026 – Nov 2027"


def test_gantt_names_are_whole_and_the_years_said_once() -> None:
    """A long initiative name wraps over lines above its bar instead of «Поисковая реклама имп…»; on a
    phone's 360-px drawing too; the month row holds names only, the years have their own row."""
    name = "Поисковая реклама имплантации с калькулятором цены под ключ"
    for width in (640, 360):
        root = parse(charts.render_gantt([Span(name, [1, 2])], MONTHS, RU, title="t", width=width))
        texts = [t.text or "" for t in root.findall("svg:text", NS)]
        names = [t.text or "" for t in root.findall("svg:text", NS) if t.get("class") != "pb-muted"]
        assert " ".join(names) == name
        assert "…" not in "".join(texts)
        assert not [t for t in texts if re.fullmatch(r"\w+ \d{4}", t)]  # «янв 2027» over «2027» said it twice
        assert float(root.get("width", "0")) == width


def test_heatmap_grid_by_week() -> None:
    start, end = date(2026, 12, 1), date(2026, 12, 31)  # 1 December 2026 is a Tuesday
    days = [(date(2026, 12, 1), "done"), (date(2026, 12, 2), "missed"), (date(2026, 12, 7), "new")]
    root = parse(charts.render_heatmap(days, start, end, EN, title="t", today=date(2026, 12, 7)))
    cells = [r for r in root.findall("svg:rect", NS) if "pb-slot" in r.get("class", "")]
    legend = 6  # done, missed, new, refresh, repurpose, research
    assert len(cells) == 31 + legend
    by_class = {r.get("class"): r for r in cells[:31]}
    done = by_class["pb-slot pb-slot-done"]
    missed = by_class["pb-slot pb-slot-missed"]
    new = by_class["pb-slot pb-slot-new pb-today"]
    pitch = float(missed.get("y", "0")) - float(done.get("y", "0"))  # Tue → Wed: one row down
    assert pitch > 0 and float(missed.get("x", "0")) == float(done.get("x", "0"))
    assert float(new.get("x", "0")) - float(done.get("x", "0")) == pytest.approx(pitch)  # Mon 7th: next column
    assert float(new.get("y", "0")) == pytest.approx(float(done.get("y", "0")) - pitch)  # Monday is the top row
    assert new.get("stroke")  # today is outlined
    assert sum(1 for r in cells[:31] if r.get("class") == "pb-slot pb-slot-off") == 28
    desc = root.find("svg:desc", NS).text  # type: ignore[union-attr]
    assert desc.endswith("Done 1, Missed 1, New article 1, Refresh 0, Repurpose 0, Research day 0")


def test_numbers_in_the_plan_language() -> None:
    svg = charts.render_funnel([Stage("Показы", 12000), Stage("Переходы", 1500, 0.125)], RU, title="t")
    # babel's Russian grouping is a no-break space; 12,5 % with a decimal comma
    text = re.sub(r"\s", " ", parse(svg).find("svg:desc", NS).text)  # type: ignore[arg-type, union-attr]
    assert text.replace(" %", "%") == "Показы: 12 000; Переходы: 1 500, 12,5%"


def test_site_css_restyles_every_class_the_charts_use() -> None:
    used = set()
    for svg in every_chart():
        for el in parse(svg).iter():
            used.update(c for c in el.get("class", "").split() if c.startswith("pb-") and not c.startswith("pb-chart"))
    styled = set(re.findall(r"\.(pb-[a-z-]+)", charts.CHART_CSS))
    decorative = {"pb-slot", "pb-series", "pb-series-0", "pb-marker", "pb-previous", "pb-arc"}
    assert used - styled <= decorative, used - styled - decorative
    assert "slate" in charts.CHART_CSS


def test_plan_vs_fact_plan_over_the_months_fact_so_far() -> None:
    months = MONTHS[:5]
    plan = Line("plan", [0.0, 25.0, 50.0, 75.0, 100.0], "#188038", "pb-profit", dashed=True)  # axis 0..100
    fact = Line("fact", [0.0, 50.0], "#188038", "pb-profit")
    root = parse(charts.render_plan_vs_fact(months, [plan, fact], EN, "USD", title="t"))
    lines = [p for p in root.findall("svg:polyline", NS)]
    planned, actual = ([tuple(map(float, q.split(","))) for q in p.get("points", "").split()] for p in lines)
    assert len(planned) == 5 and len(actual) == 2  # the fact stops at the last reported month
    assert lines[0].get("stroke-dasharray") and not lines[1].get("stroke-dasharray")
    # the fact's 50 in month 2 sits where the plan's 50 sits in month 3: same height
    assert actual[1][1] == pytest.approx(planned[2][1])
    assert actual[1][0] == pytest.approx(planned[1][0])
    desc = root.find("svg:desc", NS).text  # type: ignore[union-attr]
    assert "plan: $100" in desc and "fact: $50" in desc  # type: ignore[operator]


def test_the_last_month_label_fits_inside_the_chart() -> None:
    """A month label is centred on its tick: the last tick leaves room for half of «сент 2027» (≈ 44 px at 10 px).

    With 12 px to spare the PDF cut «март» in half at the right edge of the plan-against-fact chart.
    """
    months = [date(2026, 10 + i, 1) if i < 3 else date(2027, i - 2, 1) for i in range(12)]
    line = Line("plan", [float(i) for i in range(12)], "#188038", "pb-profit")
    svgs = (
        charts.render_forecast(months, [1.0] * 12, [Series("b", line.values)], RU, "RUB", title="t", cost_label="c"),
        charts.render_plan_vs_fact(months, [line], RU, "RUB", title="t"),
    )
    for svg in svgs:
        root = parse(svg)
        width = float(root.get("viewBox", "0 0 640 260").split()[2])
        texts = root.iter("{http://www.w3.org/2000/svg}text")
        ticks = [float(e.get("x", "0")) for e in texts if e.get("text-anchor") == "middle"]
        assert width - max(ticks) >= 22


def test_every_year_is_named_even_when_january_is_skipped() -> None:
    """Northwind's 18 months from December 2026 show every second month: Dec 2026, Feb 2027, …, Dec, Feb 2028, Apr."""
    months = [date(2026 + (11 + i) // 12, (11 + i) % 12 + 1, 1) for i in range(18)]
    line = Line("plan", [float(i) for i in range(18)], "#188038", "pb-profit")
    root = parse(charts.render_plan_vs_fact(months, [line], EN, "EUR", title="t"))
    labels = [e.text for e in root.iter("{http://www.w3.org/2000/svg}text") if e.get("text-anchor") == "middle"]
    assert labels == ["Dec 2026", "Feb 2027", "Apr", "Jun", "Aug", "Oct", "Dec", "Feb 2028", "Apr"]


def test_the_description_starts_each_sentence_with_a_capital() -> None:
    """A screen reader reads «… сентябрь 2027. Нарастающим итогом …»: a new sentence after the period."""
    months = [date(2026, 10 + i, 1) if i < 3 else date(2027, i - 2, 1) for i in range(12)]
    line = Line("plan", [float(i) for i in range(12)], "#188038", "pb-profit")
    svgs = (
        charts.render_forecast(months, [1.0] * 12, [Series("b", line.values)], RU, "RUB", title="t", cost_label="c"),
        charts.render_plan_vs_fact(months, [line], RU, "RUB", title="t"),
    )
    for svg in svgs:
        desc = parse(svg).find("svg:desc", NS).text or ""  # type: ignore[union-attr]
        assert "2027. Нарастающим итогом к концу периода:" in desc


def test_forecast_budget_cap_is_a_dotted_line_of_the_cap_added_up() -> None:
    months = MONTHS[:4]
    # cap 25 a month, added up: 25, 50, 75, 100 — the axis runs to 100, so the last point is at the top
    svg = charts.render_forecast(
        months,
        [10.0] * 4,
        [Series("base", [0.0] * 4)],
        EN,
        "USD",
        title="t",
        cost_label="c",
        cap=[25.0, 50.0, 75.0, 100.0],
        cap_label="Budget",
    )
    root = parse(svg)
    lines = root.findall("svg:polyline", NS)
    cap = next(p for p in lines if p.get("class") == "pb-cap")
    assert cap.get("stroke-dasharray") == "2 3"
    ys = [float(p.split(",")[1]) for p in cap.get("points", "").split()]
    assert ys[1] - ys[0] == pytest.approx(ys[3] - ys[2])  # a straight line: the same rise each month
    desc = root.find("svg:desc", NS).text  # type: ignore[union-attr]
    assert "Budget: $100" in desc  # type: ignore[operator]
    assert "pb-cap" in charts.CHART_CSS


def test_gantt_of_a_seasonal_initiative_has_a_bar_per_season() -> None:
    """roadmap[].months [4, 10, 11] from January: one bar over April, one over October–November."""
    from tests.compute.test_forecast import SEASONAL, forecast_of

    forecast = forecast_of(SEASONAL)
    spans = [Span(i.title, i.months, [m for m, _ in i.one_off]) for i in forecast.initiatives]
    months = [m.month for m in forecast.scenarios[0].months]
    root = parse(charts.render_gantt(spans, months, EN, title="t"))
    bars = [r for r in root.findall("svg:rect", NS) if r.get("class") == "pb-bar"]
    assert len(bars) == 2
    one_month = float(bars[0].get("width", "0")) + 2
    assert float(bars[1].get("width", "0")) + 2 == pytest.approx(2 * one_month, abs=0.05)
    desc = root.find("svg:desc", NS).text  # type: ignore[union-attr]
    assert desc == "Tyre fitting: Apr 2027, Oct 2027 – Nov 2027"
