"""Step 6's display values, built once for the site's audit page, the PDF and the terminal report.

The audit was presented three times (the site's page context, the PDF's section builders and the
terminal's table) and the copies drifted: a score change of 0 read "±0" on the site and "0" in the
PDF, the issues were labelled "high" on the site and "high priority" in the PDF, a family with no
assessed tool was explained in two wordings. Here every value is decided and formatted once, in
the plan's language and locale; the outputs only lay it out.

Plain strings stay plain (the site escapes them, the PDF template autoescapes them, the terminal
prints them); Markdown from the plan (findings, recommendations) stays raw Markdown, for each
renderer to sanitise its own way. The charts are drawn here once, as SVG strings.

`tag` is the "standard advice" tag of built-in advice: the consultant's business, printed by the
terminal report only (the client's site and PDF do not show it, issue 23).
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.catalogue import FAMILIES
from generator.compute.audit import (
    PRIORITY_ORDER,
    STATUS_ORDER,
    AuditFigures,
    FamilyFigure,
    PracticeFigure,
    ToolFigure,
)
from generator.compute.comparison import ScoreChange
from generator.compute.figures import Figures
from generator.compute.priorities import fitted_issues
from generator.draw import charts
from generator.present.format import fmt_count
from generator.present.i18n import (
    PlanLanguage,
    fmt_arithmetic,
    fmt_date,
    fmt_decimal,
    fmt_number,
    fmt_percent,
    fmt_signed,
    t,
)

DASH = "—"
ISSUE_PRIORITIES = ("high", "medium", "low")
BARS_WIDTH = 470  # the PDF summary's column; the site's chart scales to its page


@dataclass(frozen=True)
class ToolView:
    """A row of a family's tools: status, weight, what was found and what to do."""

    name: str
    custom: bool
    status: str  # css key: absent | partial | done | na | not-assessed
    status_label: str
    weight: str  # "—" when the tool does not count in the score
    finding: str  # Markdown ("" none)
    recommendation: str  # Markdown ("" none)
    tag: str  # "standard advice" for built-in advice, else ""
    priority: str  # high | medium | low | "" (none)
    priority_label: str


@dataclass(frozen=True)
class ActionView:
    """One thing to do: for which tool or practice, how urgent, why, with what; the finding apart."""

    priority: str  # high | medium | low | none (after the business-size rule)
    priority_label: str  # "" for none
    name: str
    where: str  # the family's name, "Practice", or "" inside the family's own section
    status: str
    status_label: str
    text: str  # Markdown: the plan's recommendation or the built-in advice, never a finding
    tag: str
    why: str
    tools: str  # typical tools, comma-separated
    finding: str  # Markdown
    aside: str  # why it is put aside for the business's size, else ""


@dataclass(frozen=True)
class FamilyView:
    """A family's score with its band and arithmetic, its tools and its own actions."""

    id: str
    anchor: str
    name: str
    score: str
    band: str  # css key: poor | needs-work | good | none
    band_label: str
    work: str  # the worked score, or why there is none
    change: str  # since the earlier audit ("" without one)
    tools: tuple[ToolView, ...]
    actions: tuple[ActionView, ...]  # its tools' actions by priority then status, `where` left empty


@dataclass(frozen=True)
class PracticeView:
    """One of the four standing problems: status, finding, what to do, and what the plan's data says."""

    name: str
    status: str
    status_label: str
    priority: str
    priority_label: str
    tool: str  # the CRM in use now ("" none)
    finding: str  # Markdown
    recommendation: str  # Markdown
    tag: str
    why: str  # only beside a recommendation
    tools: str  # typical tools, only beside a recommendation
    evidence: str  # the sentence: "10 h a month by hand"
    suggested: str  # css key of the status the evidence suggests ("" none)
    suggested_label: str
    differs: bool  # the evidence suggests another status than the consultant's


@dataclass(frozen=True)
class IssueView:
    """Gaps of one priority: `3` `high priority`."""

    priority: str
    count: str
    label: str


@dataclass(frozen=True)
class ChangeRow:
    """A score before and after, and the signed change (`±0` when it did not move)."""

    name: str
    before: str
    after: str
    change: str
    trend: str  # up | down | flat


@dataclass(frozen=True)
class ComparisonView:
    """The scores against the client's earlier audit: the families, then the overall score last."""

    date: str
    rows: tuple[ChangeRow, ...]


@dataclass(frozen=True)
class AuditView:
    """Step 6 as every output shows it."""

    date: str  # "" without an audit date
    overall: str
    band: str
    band_label: str
    overall_work: str
    families: tuple[FamilyView, ...]
    practices: tuple[PracticeView, ...]
    issues: tuple[IssueView, ...]  # empty when the audit found no gap
    actions: tuple[ActionView, ...]  # every action, the put-aside ones among the low
    top: tuple[ActionView, ...]  # "do these first": the summary's ranked high actions
    more: str  # how many other actions there are, and where ("" none)
    comparison: ComparisonView | None
    gauge: str  # SVG, the site's (the PDF's cover still draws its own, larger: `pdf_sections.cover_section`)
    bars: str  # SVG ("" with no family), the same chart on the site and in the PDF


def css_key(value: str | None) -> str:
    """A status or band as a CSS class suffix: `n/a` → `na`, `needs work` → `needs-work`."""
    return (value or "none").replace("/", "").replace(" ", "-")


def _priority_label(priority: str | None, lang: str) -> str:
    return t(f"priority.{priority}", lang) if priority and priority != "none" else ""


def _tag(source: str | None, lang: str) -> str:
    return t("audit.default_tag", lang) if source == "default" else ""


def _where(item: ToolFigure | PracticeFigure, lang: str) -> str:
    return FAMILIES[item.family].label.in_(lang) if isinstance(item, ToolFigure) else t("audit.practice", lang)


def action_view(item: ToolFigure | PracticeFigure, lang: str, where: str | None = None, aside: str = "") -> ActionView:
    """An action of the audit; `aside` (the reason) puts it among the low ones."""
    priority = "low" if aside else item.priority or "none"
    return ActionView(
        priority=priority,
        priority_label=_priority_label(priority, lang),
        name=item.label(lang),
        where=_where(item, lang) if where is None else where,
        status=css_key(item.status),
        status_label=t(f"status.{item.status}", lang),
        text=item.recommendation or "",
        tag=_tag(item.recommendation_source, lang),
        why=item.why or "",
        tools=", ".join(item.typical_tools),
        finding=item.finding or "",
        aside=aside,
    )


def _tool(tool: ToolFigure, lang: str) -> ToolView:
    return ToolView(
        name=tool.label(lang),
        custom=tool.custom,
        status=css_key(tool.status),
        status_label=t(f"status.{tool.status}", lang),
        weight=fmt_decimal(tool.weight, lang) if tool.scored else DASH,
        finding=tool.finding or "",
        recommendation=tool.recommendation or "",
        tag=_tag(tool.recommendation_source, lang),
        priority=tool.priority or "",
        priority_label=_priority_label(tool.priority, lang),
    )


def _band_label(band: str | None, lang: str) -> str:
    return t(f"band.{band}", lang) if band else t("status.not assessed", lang)


def _family(family: FamilyFigure, lang: str, change: ScoreChange | None) -> FamilyView:
    acting = sorted(
        (tool for tool in family.tools if tool.recommendation),
        key=lambda tool: (PRIORITY_ORDER.index(tool.priority), STATUS_ORDER.index(tool.status)),
    )
    return FamilyView(
        id=family.id,
        anchor=f"family-{family.id}",
        name=family.label(lang),
        score=fmt_number(family.score, lang),
        band=css_key(family.band),
        band_label=_band_label(family.band, lang),
        work=fmt_arithmetic(family.work, lang) if family.work else t("audit.no_score", lang),
        change=fmt_signed(change.change, lang) if change else "",
        tools=tuple(_tool(tool, lang) for tool in family.tools),
        # inside its family's section the family's name goes without saying
        actions=tuple(action_view(tool, lang, where="") for tool in acting),
    )


def evidence(metric: str, value: float | str | None, language: str) -> str:
    """What the rest of the plan says about a practice, in words (one wording for every output)."""
    if value is None:
        return t("evidence.none", language)
    if metric == "crm_status":
        return t("evidence.crm_status", language).format(value=t(f"status.{value}", language))
    number = float(value)
    if metric == "completion_rate":
        shown = fmt_percent(number, language)
    elif metric == "manual_hours":
        shown = fmt_decimal(number, language, 1)
    else:
        shown = fmt_number(number, language)
    return t(f"evidence.{metric}", language).format(value=shown)


def _practice(p: PracticeFigure, lang: str) -> PracticeView:
    suggested = p.evidence.status
    return PracticeView(
        name=p.label(lang),
        status=css_key(p.status),
        status_label=t(f"status.{p.status}", lang),
        priority=p.priority or "",
        priority_label=_priority_label(p.priority, lang),
        tool=p.tool or "",
        finding=p.finding or "",
        recommendation=p.recommendation or "",
        tag=_tag(p.recommendation_source, lang),
        why=(p.why or "") if p.recommendation else "",
        tools=", ".join(p.typical_tools) if p.recommendation else "",
        evidence=evidence(p.evidence.metric, p.evidence.value, lang),
        suggested=css_key(suggested) if suggested else "",
        suggested_label=t(f"status.{suggested}", lang) if suggested else "",
        differs=suggested is not None and p.status in ("absent", "partial", "done") and suggested != p.status,
    )


def _issues(a: AuditFigures, figures: Figures, lang: str) -> tuple[IssueView, ...]:
    """Gaps counted by priority, Lighthouse-style, as the action list below them ranks them (an action
    put aside for the business's size among the low); nothing when the audit found none."""
    if not a.issues_total:
        return ()
    issues = fitted_issues(a, figures.summary.priorities if figures.summary else None)
    return tuple(
        IssueView(p, fmt_number(issues.get(p, 0), lang), t(f"audit.issue.{p}", lang)) for p in ISSUE_PRIORITIES
    )


def _actions(a: AuditFigures, figures: Figures, lang: str) -> tuple[ActionView, ...]:
    """Every action in the audit's order; one put aside for the business's size (the summary's
    rule) shows as low with the reason, moved down among the low ones by a stable sort."""
    ranked = figures.summary.priorities if figures.summary else None
    aside = ""
    if ranked is not None and ranked.team is not None:
        people = fmt_count(ranked.team, t("summary.people", lang), lang)
        aside = t("summary.aside.one", lang).format(team=people)
    demoted = [x.item for x in ranked.demoted] if ranked is not None and aside else []
    views = (action_view(item, lang, aside=aside if any(d is item for d in demoted) else "") for item in a.actions)
    return tuple(sorted(views, key=lambda v: ("high", "medium", "low", "none").index(v.priority)))


def _top(a: AuditFigures, figures: Figures, lang: str) -> tuple[tuple[ActionView, ...], str]:
    """The summary's "do these first" (its ranking: the CRM tool and practice as one action,
    sales-department advice put aside), else the high actions; and how many others there are."""
    ranked = figures.summary.priorities if figures.summary else None
    items = [x.item for x in ranked.high] if ranked is not None else [i for i in a.actions if i.priority == "high"]
    top = tuple(action_view(item, lang) for item in items)
    others = len(a.actions) - len(top)
    more = t("pdf.more_actions", lang).format(count=fmt_number(others, lang)) if others > 0 else ""
    return top, more


def _change_row(name: str, change: ScoreChange, lang: str) -> ChangeRow:
    delta = change.change or 0
    trend = "up" if delta > 0 else "down" if delta < 0 else "flat"
    return ChangeRow(name, fmt_number(change.before, lang), fmt_number(change.after, lang),
                     fmt_signed(change.change, lang), trend)  # fmt: skip


def _comparison(a: AuditFigures, lang: str) -> ComparisonView | None:
    if a.comparison is None:
        return None
    rows = [_change_row(a.family(c.id).label(lang), c, lang) for c in a.comparison.families]
    rows.append(_change_row(t("audit.overall", lang), a.comparison.overall, lang))
    return ComparisonView(fmt_date(a.comparison.previous_date, lang), tuple(rows))


def audit_view(figures: Figures) -> AuditView | None:
    """Step 6 for every output; None when the plan has no audit."""
    a = figures.audit
    if a is None:
        return None
    lang = PlanLanguage(figures.language, figures.locale)
    changes = {c.id: c for c in a.comparison.families} if a.comparison else {}
    top, more = _top(a, figures, lang)
    bars = [
        charts.Bar(f.label(lang), f.score, f.band, changes[f.id].before if f.id in changes else None)
        for f in a.families
    ]
    return AuditView(
        date=fmt_date(a.date, lang) if a.date else "",
        overall=fmt_number(a.overall, lang),
        band=css_key(a.band),
        band_label=_band_label(a.band, lang),
        overall_work=fmt_arithmetic(a.overall_work, lang) if a.overall_work else "",
        families=tuple(_family(f, lang, changes.get(f.id)) for f in a.families),
        practices=tuple(_practice(p, lang) for p in a.practices),
        issues=_issues(a, figures, lang),
        actions=_actions(a, figures, lang),
        top=top,
        more=more,
        comparison=_comparison(a, lang),
        gauge=charts.render_gauge(a.overall, a.band, lang, title=t("audit.overall", lang)),
        bars=charts.render_score_bars(bars, lang, title=t("audit.families", lang), width=BARS_WIDTH) if bars else "",
    )
