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
from generator.present import money as money_values
from generator.present.calendar import calendar_view
from generator.present.format import fmt_months, fmt_quantity
from generator.present.i18n import (
    LABELS,
    PlanLanguage,
    fmt_arithmetic,
    fmt_date,
    fmt_decimal,
    fmt_money,
    fmt_month,
    fmt_month_from,
    fmt_number,
    fmt_percent,
    fmt_signed,
    t,
)
from generator.present.lint import lint_message
from generator.present.measured import measured_view
from generator.present.reforecast import reforecast_view
from generator.present.summary import SummaryView, summary_view
from generator.present.views import evidence
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
    audit = figures.audit
    if audit is None:
        return
    title = say("site.page.audit") + (f" · {fmt_date(audit.date, say.lang)}" if audit.date else "")
    table = _table(title, (say("site.audit.family"), say("pdf.score"), say("pdf.band"), say("pdf.worked")), (1,))
    for f in audit.families:
        band = say(f"band.{f.band}") if f.band else DASH
        table.add_row(f.label(say.lang), say.num(f.score), band, say.work(f.work))
    band = say(f"band.{audit.band}") if audit.band else DASH
    table.add_row(say("pdf.overall"), say.num(audit.overall), band, say.work(audit.overall_work))
    console.print(table)
    if audit.comparison is not None:
        c = audit.comparison
        since = fmt_date(c.previous_date, say.lang) if c.previous_date else DASH
        table = _table(
            f"{say('pdf.comparison')} ({since})", ("", say("pdf.before"), say("pdf.after"), say("pdf.change"))
        )
        names = {f.id: f.label(say.lang) for f in audit.families}
        for change in (*c.families, c.overall):
            signed = fmt_signed(change.change, say.lang)
            table.add_row(
                names.get(change.id, say("pdf.overall")), say.num(change.before), say.num(change.after), signed
            )
        console.print(table)
    if audit.actions:
        counts = ", ".join(f"{say(f'priority.{p}')}: {say.num(n)}" for p, n in audit.issues.items())
        table = _table(
            f"{say('site.audit.actions')} ({counts})",
            (say("pdf.priority"), say("pdf.tool"), say("pdf.status"), say("pdf.recommendation"), ""),
        )
        for r in audit.actions:
            priority = say(f"priority.{r.priority}") if r.priority else DASH
            tag = say("site.audit.default_tag") if r.recommendation_source == "default" else ""
            table.add_row(priority, r.label(say.lang), say(f"status.{r.status}"), r.recommendation or "", tag)
        console.print(table)
    table = _table(say("pdf.practices"), ("", say("pdf.status"), say("pdf.evidence")))
    for p in audit.practices:
        table.add_row(p.label(say.lang), say(f"status.{p.status}"), _evidence(p.evidence.metric, p.evidence.value, say))
    console.print(table)


def _evidence(metric: str, value: float | str | None, say: _Say) -> str:
    """The same sentence as the site's practice card and the PDF's."""
    return evidence(metric, value, say.lang)


def _economics(console: Console, figures: Figures, say: _Say) -> None:
    e = figures.economics
    if e is None:
        return
    table = _table(say("site.page.economics"), ("", "", say("pdf.worked")), (1,))
    table.add_row(say("pdf.ltv"), say.money(e.ltv), say.work(e.ltv_work))
    table.add_row(say("pdf.ltv_profit"), say.money(e.ltv_profit), say.work(e.ltv_profit_work))
    table.add_row(say("pdf.ltv_cac"), say.dec(e.ltv_cac), say.work(e.ltv_cac_work))
    if e.nps is not None:
        table.add_row(say("pdf.nps"), say.dec(e.nps.score), say.work(e.nps.work))
    console.print(table)
    if e.funnel:
        columns = (say("pdf.stage"), say("pdf.count"), say("pdf.from_previous"), say("pdf.from_first"))
        table = _table(say("pdf.funnel"), columns, (1, 2, 3))
        for s in e.funnel:
            table.add_row(s.stage, say.num(s.count), say.share(s.from_previous), say.share(s.from_first))
        console.print(table)


def _forecast(console: Console, figures: Figures, say: _Say) -> None:
    fc = figures.forecast
    names = _segment_names(figures, say)
    missing = money_values.missing_keys(figures, names, str) if figures.forecast_missing else None
    if missing:
        console.print(missing, markup=False)
    _plan_vs_fact(console, figures, say)
    if fc is None:
        return
    horizon = say("pdf.horizon").format(
        months=fmt_months(fc.months, say.lang), start=fmt_month_from(fc.start, say.lang)
    )
    console.print(f"{say('site.page.forecast')}: {horizon}", markup=False)
    _groups(console, figures, say, names)
    columns = (say("pdf.scenario"), "×", say("pdf.cost"), say("pdf.profit"), say("pdf.new_customers"), "ROI")
    table = _table(say("site.fc.summary"), (*columns, say("pdf.payback")), (1, 2, 3, 4, 5))
    for s in fc.scenarios:
        payback = fmt_month(s.payback_date, say.lang) if s.payback_date else say("pdf.no_payback")
        name = say.label_or(f"pdf.scenario.{s.name}", s.name)
        table.add_row(name, say.dec(s.multiplier), say.money(s.cost), say.money(s.profit), say.num(s.new_customers),
                      say.share(s.roi), payback)  # fmt: skip
    console.print(table)
    re = reforecast_view(figures)  # the plan's payback month never stands alone once the actuals contradict it
    if re is not None:
        console.print(f"{re.title}: {re.verdict}", markup=False)
        table = _table(re.title, re.headers, (1, 2))
        for row in re.rows:
            table.add_row(*row)
        console.print(table)


def _segment_names(figures: Figures, say: _Say) -> dict[str, str]:
    """Segment id → name (the plan's, else the economics figures'; the id only when neither knows it)."""
    known = {s.id: s.name for s in figures.economics.segments} if figures.economics else {}
    known.update(say.segments)
    groups = figures.forecast.groups if figures.forecast else ()
    ids = [g for g, _ in figures.forecast_missing if g] + [g.id for g in groups if g.id]
    return {group: known.get(group, group) for group in ids}


def _groups(console: Console, figures: Figures, say: _Say, names: dict[str, str]) -> None:
    """What one new customer brings a month, per customer group (v2), as the site and the PDF show it.

    A plan-level "profit per customer" line would be wrong where segments have their own economics.
    """
    rows = money_values.groups(figures, names, str)
    fc = figures.forecast
    if not rows and fc is not None:  # v1: one economics for every customer
        console.print(f"{say('pdf.profit_per_customer')}: {say.work(fc.profit_per_customer_month_work)}", markup=False)
        return
    table = _table(say("money.groups.title"), (say("money.group"), say("money.per_month"), say("money.lifetime")))
    for row in rows:
        table.add_row(row["name"], row["per_month"], row["lifetime"])
    console.print(table)


def _checkpoints(console: Console, figures: Figures, say: _Say) -> None:
    if not figures.checkpoints:
        return
    columns = (say("pdf.date"), say("pdf.goal"), say("pdf.target"), say("pdf.actual"), say("pdf.status"))
    table = _table(say("pdf.checkpoints"), columns, (2, 3))
    for checkpoint in figures.checkpoints:
        for k in checkpoint.kpis:
            target = fmt_quantity(k.target, k.unit, say.lang, say.currency)
            actual = fmt_quantity(k.actual, k.unit, say.lang, say.currency)
            table.add_row(fmt_date(k.date, say.lang, "short"), k.goal_title, target, actual, say(f"kpi.{k.status}"))
    console.print(table)
    if figures.agenda:  # one KPI a line, its initiatives by title (as the PDF's agenda names them)
        lines = [
            f"  • {fmt_date(c.kpi.date, say.lang)}: {c.kpi.goal_title} — {say(f'kpi.{c.kpi.status}')}: "
            + ("; ".join(f.title for f in c.initiatives) or say("money.no_initiative"))
            for c in figures.agenda
        ]
        console.print(f"{say('pdf.corrections')}:\n" + "\n".join(lines), markup=False)


def _automation(console: Console, figures: Figures, say: _Say) -> None:
    a = figures.automation
    if a is None:
        return
    columns = (say("pdf.process"), say("pdf.hours"), say("site.auto.tool"), say("pdf.status"))
    table = _table(say("site.page.automation"), columns, (1,))
    for i in a.items:
        table.add_row(i.process, say.dec(i.hours_per_month), i.tool or DASH, say(f"pdf.automation.{i.status}"))
    console.print(table)
    console.print(
        f"{say('pdf.manual_hours')}: {say.dec(a.by_hand_hours)} {say('pdf.hours_month')}; "
        f"{say.work(a.by_hand_year_work)} {say('pdf.hours_year')}",
        markup=False,
    )
    cost = money_values.automation_cost(figures, str)
    if cost:
        console.print(
            f"{say('money.auto.monthly')}: {cost['monthly_work']} · {say('money.auto.yearly')}: {cost['yearly_work']}",
            markup=False,
        )


def _plan_vs_fact(console: Console, figures: Figures, say: _Say) -> None:
    pvf = money_values.plan_vs_fact(figures, str)
    if pvf is None:
        return
    columns = (say("roadmap.initiative"), say("money.planned_cac"), say("money.actual_cac"), say("money.ratio"))
    table = _table(say("money.pvf.title"), columns, (1, 2, 3))
    for row in pvf["initiatives"]:
        table.add_row(row["title"], row["planned_cac"], row["actual_cac"], row["ratio"])
    console.print(table)
    roi = pvf["roi"]
    if roi:
        console.print(
            f"{say('money.roi.title')} ({roi['period']}): ROI {roi['roi']} · {say('money.roi.cost')}: {roi['cost']} · "
            f"{say('money.roi.profit')}: {roi['profit']}",
            markup=False,
        )


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
        table = _table(say("ideas.site.briefs"), (say("site.cp.date"), say("cal.kind"), say("ideas.site.task")))
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
