"""Contexts of the site's pages for the plan's own steps: overview (1), goals (2), audience (3–4),
competitors (5), strategy (7) and roadmap (8), and the portfolio's home page.

Their values come from the view objects of `generator.present.views`, shared with the PDF and the
terminal report, escaped here for the Markdown templates.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict
from typing import Any

from markupsafe import Markup

from generator.catalogue import FAMILIES
from generator.compute.figures import Figures
from generator.draw import charts
from generator.draw.markup import render_markdown
from generator.model import LoadedPlan
from generator.present.i18n import (
    PlanLanguage,
)
from generator.present.pages import context_home
from generator.present.site_base import (
    PAGES,
    STEP_PAGES,
    Words,
    _empty,
    _goal_titles,
    _segment_names,
    _svg,
    band_badge,
    base_context,
    html,
    md,
)
from generator.present.summary import SummaryView, escaped, summary_view
from generator.present.views import (
    competitor_views,
    component_label,
    goal_views,
    roadmap_rows,
    scenario_name,
    segment_views,
)


def context_overview(loaded: LoadedPlan, figures: Figures) -> dict[str, Any]:
    """Step 1 and the whole playbook at a glance."""
    ctx = base_context(loaded, figures, "index")
    words: Words = ctx["words"]
    b = loaded.plan.business
    facts = []
    for key, value in (
        ("model", b.model.upper() if b.model else None),
        ("industry", b.industry),
        ("region", b.region),
        ("consultant", b.consultant),
        ("audit_date", words.day(loaded.plan.audit.date) if loaded.plan.audit and loaded.plan.audit.date else None),
        ("today", words.day(figures.today)),
    ):
        if value:
            facts.append({"label": words.label(f"fact.{key}"), "value": html(value)})
    steps = [
        {
            "number": s.number,
            "label": s.label(words.language),
            "filled": s.filled,
            "state": words.label("step.filled" if s.filled else "step.empty"),
            "link": f"{STEP_PAGES[s.key]}.md",
        }
        for s in figures.steps
    ]
    filled = sum(s.filled for s in figures.steps)
    view = summary_view(loaded.plan, figures)
    ctx.update(
        facts=facts,
        description=render_markdown(b.description),
        current_state=render_markdown(b.current_state),
        steps=steps,
        steps_filled=words.label("site.steps_filled").format(done=filled, total=len(steps)),
        highlights=_highlights(figures, words, view),
        summary=escaped(view, html),
        pages=[{"label": words.label(key), "link": f"{stem}.md"} for stem, key, _ in PAGES[1:]],
    )
    if not any((b.description, b.current_state, facts[:-1])):
        ctx["empty"] = _empty(words, "business")
    return ctx


def _card(label: str, value: str, note: object, link: str) -> dict[str, Any]:
    return {"label": label, "value": value, "note": note, "link": link}


def _highlights(figures: Figures, words: Words, view: SummaryView | None) -> list[dict[str, Any]]:
    """The overview's cards: audit score, value of a new customer (the summary's words for it),
    NPS, ROI (re-forecast once measured), articles."""
    cards = []
    if figures.audit and figures.audit.overall is not None:
        badge = band_badge(figures.audit.band, words)
        cards.append(_card(words.label("site.hl.audit"), f"{figures.audit.overall} / 100", badge, "audit.md"))
    e = figures.economics
    money = figures.summary.money if figures.summary else None
    worth = view.money if view is not None else None
    if money is not None and money.value is not None and worth is not None:
        # this client's new customer, by its segments' mix (the method's textbook LTV stays on the method pages)
        note = html(words.label(f"summary.money.value.{money.value_basis}"))
        cards.append(_card(html(worth.value_label), html(worth.value), note, "economics.md"))
    if e and e.nps and e.nps.score is not None:
        cards.append(_card("NPS", html(words.dec(e.nps.score, 1)), "", "economics.md"))
    verdict = money.verdict if money is not None else None
    if verdict is not None and verdict.roi is not None:
        # once measured, the re-forecast's ROI: never a planned figure the actuals contradict
        base = figures.forecast.base if figures.forecast else None
        said = words.label("summary.hl.reforecast")
        if verdict.source != "actuals" and base is not None:  # the scenario compute chose, by its name
            said = words.label("summary.hl.plan").format(scenario=scenario_name(base.name, words.language))
        roi = html(words.pct(verdict.roi))
        cards.append(_card(words.label("site.hl.roi"), roi, html(said), "forecast.md"))
    c = figures.calendar
    if c and c.start > figures.today:
        # Before the first slot a streak of 0 and a rate of "—" read as failure: say when it starts.
        note = html(words.label("site.hl.calendar_starts"))
        cards.append(_card(words.label("page.calendar"), html(words.day(c.start)), note, "calendar.md"))
    elif c:
        rate = words.pct(c.completion_rate) if c.completion_rate is not None else "—"
        note = html(words.label("cal.rate") + ": " + rate)
        cards.append(_card(words.label("site.hl.streak"), html(words.num(c.current_streak)), note, "calendar.md"))
    return cards


def context_goals(loaded: LoadedPlan, figures: Figures) -> dict[str, Any]:
    """Step 2: e-marketing goals, each beside the business goal it serves."""
    ctx = base_context(loaded, figures, "goals")
    words: Words = ctx["words"]
    goals = [{key: html(value) for key, value in asdict(g).items()} for g in goal_views(loaded.plan, words.language)]
    ctx["goals"] = goals
    if not goals:
        ctx["empty"] = _empty(words, "goals")
    return ctx


def context_audience(loaded: LoadedPlan, figures: Figures) -> dict[str, Any]:
    """Steps 3–4: segment cards with portrait, needs, pains, places and search demand."""
    ctx = base_context(loaded, figures, "audience")
    words: Words = ctx["words"]
    segments = [
        {
            "name_md": md(s.name),
            "share": s.share,
            "portrait": render_markdown(s.portrait),
            "needs": [html(n) for n in s.needs],
            "pains": [html(p) for p in s.pains],
            "places": [{"name": html(p.name), "kind": p.kind, "reach": p.reach} for p in s.places],
            "demand": [{"query": html(d.query), "volume": d.volume, "source": html(d.source)} for d in s.demand],
            "demand_total": s.demand_total,
        }
        for s in segment_views(loaded.plan, words.language)
    ]
    ctx["segments"] = segments
    if not segments:
        ctx["empty"] = _empty(words, "segments")
    return ctx


def context_competitors(loaded: LoadedPlan, figures: Figures) -> dict[str, Any]:
    """Step 5: each competitor's strengths beside its weaknesses."""
    ctx = base_context(loaded, figures, "competitors")
    words: Words = ctx["words"]
    ctx["competitors"] = [
        {
            "name_md": md(c.name),
            "website": html(c.website) if c.website else None,
            "strengths": [html(x) for x in c.strengths],
            "weaknesses": [html(x) for x in c.weaknesses],
            "rows": max(len(c.strengths), len(c.weaknesses)),
            "notes": render_markdown(c.notes),
        }
        for c in competitor_views(loaded.plan)
    ]
    if not ctx["competitors"]:
        ctx["empty"] = _empty(words, "competitors")
    return ctx


def context_strategy(loaded: LoadedPlan, figures: Figures) -> dict[str, Any]:
    """Step 7: initiatives grouped by component, each linked to its segments and goals."""
    ctx = base_context(loaded, figures, "strategy")
    words: Words = ctx["words"]
    strategy = loaded.plan.strategy
    segments = _segment_names(loaded.plan)
    goals = _goal_titles(loaded.plan)
    groups: dict[str, list[dict[str, Any]]] = {}
    order: list[str] = []
    for i in strategy.initiatives if strategy else []:
        family = (i.component or "").partition(".")[0]
        if i.component and family in FAMILIES:
            heading = component_label(i.component, loaded.plan, words.language)
        else:
            heading = words.label("site.strategy.no_component")
        if heading not in groups:
            groups[heading] = []
            order.append(heading)
        groups[heading].append(
            {
                "title_md": md(i.title),
                "rationale": render_markdown(i.rationale),
                "segments": [html(segments.get(s, s)) for s in i.segments],
                "goals": [html(goals.get(g, g)) for g in i.goals],
                "budget": html(words.money(i.budget_monthly)) if i.budget_monthly is not None else None,
                "new_customers": words.num(i.new_customers_monthly) if i.new_customers_monthly is not None else None,
            }
        )
    ctx["summary"] = render_markdown(strategy.summary if strategy else None)
    ctx["groups"] = [{"heading_md": md(h), "initiatives": groups[h]} for h in order]
    if not order and not (strategy and strategy.summary):
        ctx["empty"] = _empty(words, "strategy")
    return ctx


def context_roadmap(loaded: LoadedPlan, figures: Figures) -> dict[str, Any]:
    """Step 8: who does what, when, at what one-off cost, drawn as a Gantt-like chart."""
    ctx = base_context(loaded, figures, "roadmap")
    words: Words = ctx["words"]
    ctx["rows"] = [
        {key: html(value) for key, value in asdict(r).items()} for r in roadmap_rows(loaded.plan, words.language)
    ]
    f = figures.forecast
    ctx["chart"] = ctx["chart_phone"] = None
    base = f.base if f is not None else None
    if loaded.plan.roadmap and f is not None and base is not None:
        spans = [charts.Span(i.title, i.months, [m for m, _ in i.one_off]) for i in f.initiatives]
        months, title = [m.month for m in base.months], words.label("page.roadmap")
        ctx["chart"] = _svg(charts.render_gantt(spans, months, words.language, title=title))
        # a phone's own drawing (CSS shows one of the two): whole names, months it can read
        ctx["chart_phone"] = _svg(
            charts.render_gantt(spans, months, words.language, title=title, width=360, ident="gantt-phone")
        )
    if not ctx["rows"]:
        ctx["empty"] = _empty(words, "roadmap")
    return ctx


def portfolio_row(loaded: LoadedPlan, figures: Figures) -> dict[str, Any]:
    """A client's row on the portfolio's home page: its steps filled, and its score and band (in its
    own language, `lang=` for screen readers) when `publish.show_score` is true. Made with the
    client's pages, in the worker."""
    filled = sum(s.filled for s in figures.steps)
    client_words = Words(PlanLanguage(figures.language, figures.locale), figures.currency)
    band = str(band_badge(figures.audit.band if figures.audit else None, client_words))
    return {
        "name": md(loaded.plan.business.name),
        "link": f"{loaded.slug}/index.md",
        "language": loaded.plan.business.language,
        "industry": md(loaded.plan.business.industry or "—"),
        "steps": f"{filled} / {len(figures.steps)}",
        "score": str(figures.audit.overall) if figures.audit and figures.audit.overall is not None else "—",
        "band": Markup(band.replace("<span ", f'<span lang="{loaded.plan.business.language}" ', 1)),
        # a public page is the client's shop window: its audit score only when the plan opts in
        "show_score": bool(loaded.plan.publish and loaded.plan.publish.show_score),
    }


def context_portfolio(clients: Iterable[tuple[LoadedPlan, Figures]], language: str) -> dict[str, Any]:
    """The portfolio's home page: every client with its score, steps filled and today's task."""
    return context_home([portfolio_row(loaded, figures) for loaded, figures in clients], language)
