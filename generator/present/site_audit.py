"""The audit page's values: scores, issues by priority, the ordered actions, families and practices."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from generator.catalogue import FAMILIES
from generator.compute.audit import AuditFigures, PracticeFigure, ToolFigure
from generator.compute.comparison import ScoreChange
from generator.compute.figures import Figures
from generator.draw import charts
from generator.draw.markup import render_inline
from generator.model import LoadedPlan
from generator.present.format import fmt_count
from generator.present.i18n import fmt_signed
from generator.present.site_base import (
    Words,
    _empty,
    _svg,
    band_badge,
    base_context,
    html,
    status_badge,
)
from generator.present.views import evidence


def _source_tag(source: str | None, words: Words) -> Markup:
    """No tag on the client's site: whether an action is built-in advice or the consultant's own is
    the consultant's business, shown by `playbook report` (issue 23). Kept as the one place to
    decide it, so the pages' contexts keep their shape."""
    del source, words
    return Markup("")


def _tool_row(tool: ToolFigure, words: Words) -> dict[str, Any]:
    return {
        "label": html(tool.label(words.language)),
        "badge": status_badge(tool.status, words),
        "weight": words.dec(tool.weight) if tool.scored else "—",
        "finding": render_inline(tool.finding),
        "recommendation": render_inline(tool.recommendation),
        "source": _source_tag(tool.recommendation_source, words),
        "priority": status_badge(tool.priority, words, "priority") if tool.priority else Markup(""),
        "family": html(FAMILIES[tool.family].label.in_(words.language)),
    }


def _action(item: ToolFigure | PracticeFigure, words: Words) -> dict[str, Any]:
    """One entry of the ordered list of actions: what to do, why it matters, with what; the finding apart."""
    if isinstance(item, ToolFigure):
        where = FAMILIES[item.family].label.in_(words.language)
    else:
        where = words.label("site.audit.practice")
    return {
        "priority": item.priority or "none",
        "badge": status_badge(item.priority, words, "priority") if item.priority else Markup(""),
        "label": html(item.label(words.language)),
        "where": html(where),
        "status": status_badge(item.status, words),
        "text": render_inline(item.recommendation),
        "source": _source_tag(item.recommendation_source, words),
        "why": html(item.why) if item.why else None,
        "tools": html(", ".join(item.typical_tools)) if item.typical_tools else None,
        "finding": render_inline(item.finding) if item.finding else None,
    }


def _fitted(row: dict[str, Any], item: ToolFigure | PracticeFigure, figures: Figures, words: Words) -> dict[str, Any]:
    """An action put aside for the business's size (the summary's rule) shows as low, with the reason."""
    p = figures.summary.priorities if figures.summary else None
    if p is None or p.team is None or not any(a.item is item for a in p.demoted):
        return row
    people = fmt_count(p.team, words.label("summary.people"), words.language)
    reason = html(words.label("summary.aside.one").format(team=people))
    badge = status_badge("low", words, "priority")
    return {**row, "priority": "low", "badge": badge, "source": Markup(f'<br><span class="pb-muted">{reason}</span>')}


def _issues(issues: dict[str, int], words: Words) -> list[dict[str, Any]]:
    """Issues counted by priority, Lighthouse-style: high, medium, low, each with its number."""
    return [
        {"priority": p, "count": words.num(issues.get(p, 0)), "label": html(words.label(f"priority.{p}"))}
        for p in ("high", "medium", "low")
    ]


def _signed(change: int | None, words: Words) -> str:
    return fmt_signed(change, words.language)


def context_audit(loaded: LoadedPlan, figures: Figures) -> dict[str, Any]:
    """Step 6: scores per family with bands, tools with status badges, findings, practices, change."""
    ctx = base_context(loaded, figures, "audit")
    words: Words = ctx["words"]
    a = figures.audit
    if a is None:
        ctx["empty"] = _empty(words, "audit")
        ctx["audit"] = None
        return ctx
    families = [
        {
            "label": html(f.label(words.language)),
            "anchor": f"family-{f.id}",
            "score": str(f.score) if f.score is not None else "—",
            "band": band_badge(f.band, words),
            "work": html(words.work(f.work)) if f.work else html(words.label("site.audit.no_scored")),
            "tools": [_tool_row(tool, words) for tool in f.tools],
        }
        for f in a.families
    ]
    practices = [
        {
            "label": html(p.label(words.language)),
            "badge": status_badge(p.status, words),
            "finding": render_inline(p.finding),
            "recommendation": render_inline(p.recommendation),
            "source": _source_tag(p.recommendation_source, words),
            "why": html(p.why) if p.why and p.recommendation else None,
            "priority": status_badge(p.priority, words, "priority") if p.priority else Markup(""),
            "tool": html(p.tool) if p.tool else None,
            "evidence": html(_evidence(p.evidence.metric, p.evidence.value, words)),
            "suggested": status_badge(p.evidence.status, words) if p.evidence.status else Markup(""),
        }
        for p in a.practices
    ]
    comparison = _comparison(a, words)
    ctx["audit"] = {
        "date": words.day(a.date),
        "overall": str(a.overall) if a.overall is not None else "—",
        "band": band_badge(a.band, words),
        "overall_work": html(words.work(a.overall_work)),
        "gauge": _svg(charts.render_gauge(a.overall, a.band, words.language, title=words.label("site.audit.overall"))),
        "bars": _svg(
            charts.render_score_bars(
                [
                    charts.Bar(
                        f.label(words.language),
                        f.score,
                        f.band,
                        a.comparison.families[i].before if a.comparison else None,
                    )
                    for i, f in enumerate(a.families)
                ],
                words.language,
                title=words.label("site.audit.families"),
            )
        ),
        "families": families,
        "issues": _issues(a.issues, words),
        "issues_total": sum(a.issues.values()),
        # a put-aside action moves down among the low ones (a stable sort keeps the audit's order otherwise)
        "actions": sorted(
            (_fitted(_action(item, words), item, figures, words) for item in a.actions),
            key=lambda row: ("high", "medium", "low", "none").index(row["priority"]),
        ),
        "practices": practices,
        "comparison": comparison,
    }
    return ctx


def _change_row(label: str, change: ScoreChange, words: Words) -> dict[str, Any]:
    delta = change.change or 0
    return {
        "label": html(label),
        "before": words.num(change.before),
        "after": words.num(change.after),
        "change": _signed(change.change, words),
        "trend": "up" if delta > 0 else "down" if delta < 0 else "same",
    }


def _comparison(a: AuditFigures, words: Words) -> dict[str, Any] | None:
    """Scores against the client's earlier audit, family by family, then overall."""
    if a.comparison is None:
        return None
    rows = [_change_row(a.family(ch.id).label(words.language), ch, words) for ch in a.comparison.families]
    rows.append(_change_row(words.label("site.audit.overall"), a.comparison.overall, words))
    return {"date": words.day(a.comparison.previous_date), "rows": rows}


def _evidence(metric: str, value: float | str | None, words: Words) -> str:
    return evidence(metric, value, words.language)
