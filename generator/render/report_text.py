"""`playbook report` as terminal tables, in the plan's language, with the same words and numbers as the site and PDF.

Headings and column names come from the labels table (the keys the site and the PDF use for
the same figure, so "Прогноз окупаемости", "План" and "503%" read the same everywhere); numbers,
money, shares and dates are formatted by `generator.present` in the plan's locale; goal values
in their unit ("22 заявки"). One function per section keeps each short; the JSON lives in
`generator.render.report`.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Mapping
from dataclasses import dataclass, field

from rich.console import Console
from rich.table import Table

from generator.compute.arithmetic import Arithmetic
from generator.compute.figures import Figures
from generator.model import Plan
from generator.present.audit import audit_view
from generator.present.automation import automation_view
from generator.present.calendar import calendar_view
from generator.present.checkpoints import checkpoints_view
from generator.present.economics import GroupRow, customer_groups, economics_view, missing_text
from generator.present.forecast import FactRow, forecast_view, plan_vs_fact_view
from generator.present.i18n import (
    LABELS,
    PlanLanguage,
    fmt_arithmetic,
    fmt_date,
    fmt_decimal,
    fmt_money,
    fmt_number,
    fmt_percent,
    t,
)
from generator.present.lint import lint_message
from generator.present.measured import measured_view
from generator.present.reforecast import reforecast_view
from generator.present.summary import SummaryView, summary_view
from generator.render.measured import print_measured

DASH = "—"


@dataclass(frozen=True)
class _Say:
    """Words and numbers of one plan: a label by key, and each kind of number formatted one way."""

    lang: PlanLanguage
    currency: str
    segments: Mapping[str, str] = field(default_factory=dict)  # segment id → name (the plan's words, not ids)

    def __call__(self, key: str) -> str:
        return t(key, self.lang)

    def num(self, value: float | None) -> str:
        return fmt_number(value, self.lang)

    def dec(self, value: float | None) -> str:
        return fmt_decimal(value, self.lang, 1)

    def money(self, value: float | None) -> str:
        return fmt_money(value, self.currency, self.lang)

    def share(self, value: float | None) -> str:
        return fmt_percent(value, self.lang)

    def work(self, value: Arithmetic | None, percent: bool = False) -> str:
        return fmt_arithmetic(value, self.lang, percent_result=percent) if value is not None else DASH

    def label_or(self, key: str, fallback: str) -> str:
        return t(key, self.lang) if key in LABELS else fallback


def _table(title: str, columns: tuple[str, ...], right: tuple[int, ...] = ()) -> Table:
    table = Table(title=title, title_justify="left")
    for i, column in enumerate(columns):
        table.add_column(column, justify="right" if i in right else "left")
    return table


def _audit(console: Console, figures: Figures, say: _Say) -> None:
    """Step 6 as the site and the PDF show it (`generator.present.audit`), with the "standard
    advice" tag the client outputs leave out (the consultant's business)."""
    a = audit_view(figures)
    if a is None:
        return
    title = say("site.page.audit") + (f" · {a.date}" if a.date else "")
    table = _table(title, (say("audit.family"), say("audit.score"), say("audit.band"), say("pdf.worked")), (1,))
    for f in a.families:
        table.add_row(f.name, f.score, f.band_label, f.work)
    table.add_row(say("audit.overall"), a.overall, a.band_label, a.overall_work or DASH)
    console.print(table)
    if a.comparison is not None:
        columns = ("", say("audit.before"), say("audit.after"), say("audit.delta"))
        table = _table(f"{say('audit.change')} ({a.comparison.date})", columns)
        for row in a.comparison.rows:
            table.add_row(row.name, row.before, row.after, row.change)
        console.print(table)
    if a.actions:  # one action a line, not a table: a recommendation is a sentence, not a cell
        counts = ", ".join(f"{i.label}: {i.count}" for i in a.issues)
        lines = [f"{say('audit.actions')}" + (f" ({counts})" if counts else "") + ":"]
        for r in a.actions:
            head = " · ".join(x for x in (r.priority_label, r.name, r.where, r.status_label) if x)
            tail = "".join(f" [{x}]" for x in (r.tag, r.aside) if x)
            lines.append(f"  • {head} — {r.text}{tail}")
        console.print("\n".join(lines), markup=False)
    table = _table(say("pdf.practices"), ("", say("audit.status"), say("audit.evidence")))
    for p in a.practices:
        table.add_row(p.name, p.status_label, p.evidence)
    console.print(table)


def _economics(console: Console, figures: Figures, say: _Say) -> None:
    """The economics view (`generator.present.economics`): the same rows as the site's page and the PDF's chapter."""
    view = economics_view(figures)
    if view is None:
        return
    if view.inputs:
        console.print(" · ".join(f"{label}: {value}" for label, value in view.inputs), markup=False)
    rows = [(m.label, m.value, m.work, m.note) for m in (*view.new_customer, *view.metrics)]
    if view.nps is not None:
        counts = ", ".join(f"{label} {count}" for label, count in view.nps.counts)
        nps = view.nps
        rows.append((f"{say('econ.nps')} ({nps.band_label})", nps.score, nps.work, f"{nps.source}: {counts}"))
    if rows:
        table = _table(say("site.page.economics"), ("", "", say("pdf.worked"), ""), (1,))
        for row in rows:
            table.add_row(*row)
        console.print(table)
    if view.segments:
        worked = say("pdf.worked")
        table = _table(
            say("money.ltv.title"),
            (say("money.segment"), say("econ.ltv"), worked, say("econ.ltv_profit"), worked),
            (1, 3),
        )
        for s in view.segments:
            name = f"{s.name}\n{s.inherited}" if s.inherited else s.name
            table.add_row(name, s.ltv, s.ltv_work, s.ltv_profit, s.ltv_profit_work)
        console.print(table)
    if view.funnel:
        stages = (say("econ.stage"), say("econ.count"), say("econ.from_previous"), say("econ.from_first"))
        table = _table(say("econ.funnel"), stages, (1, 2, 3))
        for stage in view.funnel:
            table.add_row(stage.stage, stage.count, stage.from_previous, stage.from_first)
        console.print(table)


def _forecast(console: Console, figures: Figures, say: _Say) -> None:
    missing = missing_text(figures, say.segments)
    if missing:
        console.print(missing, markup=False)
    _plan_vs_fact(console, figures, say)
    view = forecast_view(figures)
    if view is None:
        return
    console.print(f"{view.title}: {view.horizon}", markup=False)
    _groups(console, say, customer_groups(figures, say.segments), view.per_customer)
    columns = (say("scenario"), "×", say("fc.cost"), say("fc.profit"), say("fc.new"), "ROI", say("fc.payback"))
    table = _table(say("fc.summary"), columns, (1, 2, 3, 4, 5))
    for s in view.scenarios:
        table.add_row(s.name, s.multiplier, s.cost, s.profit, s.new_customers, s.roi, s.payback)
    console.print(table)
    for s in view.scenarios:
        if s.roi_work:
            console.print(f"ROI · {s.name}: {s.roi_work}", markup=False)
    re = reforecast_view(figures)  # the plan's payback month never stands alone once the actuals contradict it
    if re is not None:
        console.print(f"{re.title}: {re.verdict}", markup=False)
        console.print(re.intro, markup=False)
        table = _table(re.title, re.headers, (1, 2))
        for row in re.rows:
            table.add_row(*row)
        console.print(table)


def _groups(console: Console, say: _Say, rows: tuple[GroupRow, ...], per_customer: str) -> None:
    """What one new customer brings a month, per customer group (v2), as the site and the PDF show it.

    A plan-level "profit per customer" line would be wrong where segments have their own economics.
    """
    if not rows:  # v1: one economics for every customer
        console.print(f"{say('fc.per_customer')}: {per_customer}", markup=False)
        return
    table = _table(say("money.groups.title"), (say("money.group"), say("fc.per_customer"), say("money.lifetime")))
    for row in rows:
        table.add_row(row.name, row.per_month, row.lifetime)
    console.print(table)


def _checkpoints(console: Console, figures: Figures, say: _Say) -> None:
    view = checkpoints_view(figures)
    if view is None:
        return
    columns = (say("cp.date"), say("cp.goal"), say("goals.target"), say("cp.actual"), say("cp.status"))
    table = _table(view.title, columns, (2, 3))
    for k in view.rows:
        table.add_row(k.date, k.goal, k.target, k.actual, k.status_label)
    console.print(table)
    console.print(f"{view.agenda_title}:", markup=False)
    console.print(view.agenda_intro if view.agenda else view.nothing, markup=False)
    for number, a in enumerate(view.agenda, 1):  # one KPI a block, its initiatives as the site's and the PDF's agenda
        k = a.kpi
        console.print(f"{number}. {k.goal} · {k.date} · {k.status_label}: {k.advice}", markup=False)
        if a.nothing:
            console.print(f"   {a.nothing}", markup=False)
            continue
        _fact_table(console, a.initiatives, say, "")


def _fact_table(console: Console, rows: tuple[FactRow, ...], say: _Say, title: str) -> None:
    """Initiatives' CAC as planned and as reported (plan against fact, the agenda)."""
    columns = (say("roadmap.initiative"), say("money.planned_cac"), say("money.actual_cac"), say("money.ratio"))
    table = _table(title, columns, (1, 2, 3))
    for row in rows:
        table.add_row(row.title, row.planned_cac, row.actual_cac, row.ratio)
    console.print(table)


def _automation(console: Console, figures: Figures, say: _Say) -> None:
    """The automation view (`generator.present.automation`), as the site's page and the PDF's table."""
    view = automation_view(figures)
    if view is None:
        return
    columns = (say("auto.process"), say("auto.hours"), say("auto.tool"), say("audit.status"))
    table = _table(say("site.page.automation"), columns, (1,))
    for row in view.rows:
        table.add_row(row.process, row.hours, row.tool, row.status_label)
    console.print(table)
    lines = [
        f"{say('auto.manual_total')}: {view.manual}",
        f"{say('auto.planned_total')}: {view.planned}",
        f"{say('auto.by_hand')}: {view.by_hand}; {view.year_work} {say('auto.hours_year')}",
        f"{say('auto.automated_hours')}: {view.automated} {say('auto.hours_month')}",
    ]
    if view.cost is not None:
        title = say("money.auto.title")
        lines.append(f"{title} · {say('money.auto.monthly')}: {view.cost.monthly} ({view.cost.monthly_work})")
        lines.append(f"{title} · {say('money.auto.yearly')}: {view.cost.yearly} ({view.cost.yearly_work})")
        lines.append(view.cost.note)
    console.print("\n".join(lines), markup=False)


def _plan_vs_fact(console: Console, figures: Figures, say: _Say) -> None:
    pvf = plan_vs_fact_view(figures)
    if pvf is None:
        return
    console.print(pvf.intro, markup=False)
    _fact_table(console, pvf.initiatives, say, pvf.title)
    keys = ("fc.month", "money.planned_cost", "money.spend", "money.planned_new", "money.new")
    columns = tuple(say(k) for k in keys)
    for row in pvf.initiatives:
        if row.months:
            table = _table(row.title, columns, (1, 2, 3, 4))
            for m in row.months:
                table.add_row(m.month, m.planned_cost, m.spend, m.planned_new, m.new)
            console.print(table)
        if row.outside:
            console.print(f"{row.title}: {row.outside}", markup=False)
    roi = pvf.roi
    if roi:
        console.print(
            f"{say('money.roi.title')} ({roi.period}): {roi.work or roi.roi}"
            f" · {say('fc.cost')}: {roi.cost} · {say('money.roi.profit')}: {roi.profit}",
            markup=False,
        )
        if roi.missing:
            console.print(roi.missing, markup=False)


def _lint(console: Console, figures: Figures, say: _Say) -> None:
    """The method's warnings, for the consultant (the site and the PDF never show them)."""
    if not figures.lint:
        return
    table = _table("playbook check", ("", "", "", ""))
    for w in figures.lint:
        table.add_row(f"{w.line}:{w.col}", w.code, w.path, lint_message(w, say.lang))
    console.print(table)


def _calendar(console: Console, figures: Figures, say: _Say) -> None:
    """The calendar's view (`generator.present.calendar`) as tables; the briefs' lines and the month
    grids stay on the site and in the PDF (the terminal gives each slot's task on one row)."""
    view = calendar_view(figures, say.segments)
    if view is None:
        return
    stats = (*view.stats, view.hours_stat)
    table = _table(f"{view.title} · {view.period}", tuple(s.label for s in stats), tuple(range(len(stats))))
    table.add_row(*(s.value for s in stats))
    console.print(table)
    for line in (view.hours_text, view.split, view.planned):
        console.print(line, markup=False)
    if view.sources:
        table = _table(
            say("ideas.site.sources"),
            (say("ideas.brief.source"), say("ideas.site.slots"), say("ideas.site.share")),
            (1, 2),
        )
        for row in view.sources:
            table.add_row(row.label, row.count, row.share)
        console.print(table)
    if view.next is not None:
        console.print(f"{say('calendar.task')} · {view.next.day}: {view.next.title}", markup=False)
    if view.briefs:
        table = _table(say("ideas.site.briefs"), (say("cp.date"), say("cal.kind"), say("ideas.site.task")))
        for b in view.briefs:
            table.add_row(b.date, b.kind, b.title)
        console.print(table)


def _summary(console: Console, view: SummaryView) -> None:
    """The one-page summary (`generator.present.summary`), as the site's overview and the PDF's page 2
    say it: the state, the three priorities, what a new customer is worth and costs, the week, the
    next 90 days."""
    say = functools.partial(console.print, markup=False)
    say(view.title)
    for line in view.state:
        say(f"  {line.area}. {line.text}")
    say(view.labels["priorities"])
    for n, p in enumerate(view.priorities, 1):
        say(f"  {n}. {p.title}. {p.action}" + (f" {p.why}" if p.why else ""))
    for note in (view.priorities_none, view.aside):
        if note:
            say(f"  {note}")
    if view.money is not None:
        m = view.money
        say(view.labels["money"])
        for label, value, note in (
            (m.value_label, m.value, m.value_note),
            (m.cost_label, m.cost, m.cost_note),
            (m.ratio_label, m.ratio, m.ratio_note),
        ):
            say(f"  {label}: {value}" + (f" ({note})" if note else ""))
    say(f"{view.labels['week']}. {view.labels['week.intro']}")
    for w in view.week:
        say(f"  {w.day} · {w.kind} · {w.title}")
    if view.week_none:
        say(f"  {view.week_none}")
    if view.windows:
        say(view.labels["next90"])
    for window in view.windows:
        say(f"  {window.heading}")
        for item in window.items:
            say(f"    {item}")
    say("")


def render_text(
    figures: Figures, width: int = 120, segments: Mapping[str, str] | None = None, plan: Plan | None = None
) -> str:
    """The figures as plain tables in the plan's language and number format (`segments`: id → name)."""
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, force_terminal=False, color_system=None, highlight=False)
    say = _Say(PlanLanguage(figures.language, figures.locale), figures.currency, segments or {})
    console.print(f"{figures.name} ({figures.slug}) — {say('fact.today')}: {fmt_date(figures.today, say.lang)}",
                  markup=False)  # fmt: skip
    filled = sum(s.filled for s in figures.steps)
    console.print(say("site.steps_filled").format(done=filled, total=len(figures.steps)), markup=False)
    summary = summary_view(plan, figures) if plan is not None else None
    if summary is not None:  # what the site's overview and the PDF's page 2 say first
        _summary(console, summary)
    for section in (_audit, _economics, _forecast, _checkpoints, _automation, _calendar, _lint):
        section(console, figures, say)
    view = measured_view(figures, plan) if plan is not None else None
    if view is not None:  # v3: the gaps between what the plan assumes and what the exports show
        print_measured(console, view, say.lang)
    return buffer.getvalue()
