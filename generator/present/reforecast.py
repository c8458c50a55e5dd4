"""The re-forecast beside the plan, in words and a small table (the forecast page, the PDF, `report`).

Its verdict is the summary's (`generator.present.summary`), so the forecast page and the one-page
summary never disagree about when the plan pays back.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.compute.figures import Figures
from generator.present.forecast import payback_text
from generator.present.format import fmt_count, fmt_months
from generator.present.i18n import PlanLanguage, fmt_money, fmt_month, fmt_number, fmt_percent, t
from generator.present.summary import verdict_text
from generator.present.views import scenario_name


@dataclass(frozen=True)
class ReforecastView:
    """The re-forecast beside the plan's base scenario (`ForecastFigures.base`, named in the header),
    for the forecast pages of site and PDF and the terminal; its cost, customers and payback read
    as the scenario table's (`present.forecast`)."""

    title: str
    intro: str
    verdict: str
    headers: tuple[str, str, str]  # what, the plan, from the actuals
    rows: tuple[tuple[str, str, str], ...]


def reforecast_view(figures: Figures) -> ReforecastView | None:
    """None before any actual (nothing to redo) or without a forecast."""
    r, f = figures.reforecast, figures.forecast
    money = figures.summary.money if figures.summary else None
    if r is None or f is None or not f.scenarios or money is None or money.verdict is None:
        return None
    lang = PlanLanguage(figures.language, figures.locale)
    base = f.base
    assert base is not None  # f.scenarios is not empty

    rates = "; ".join(
        t("summary.re.rate", lang).format(
            title=a.title,
            new=fmt_count(a.new_rate, t("summary.customers", lang), lang),
            spend=fmt_money(a.spend_rate, figures.currency, lang),
            months=fmt_months(a.months_reported, lang),
        )
        for a in r.rates
    )

    def money_(value: float | None) -> str:
        return fmt_money(value, figures.currency, lang)

    return ReforecastView(
        title=t("summary.re.title", lang),
        intro=t("summary.re.intro", lang).format(through=fmt_month(r.through_date, lang), rates=rates),
        verdict=verdict_text(money.verdict, lang),
        headers=(
            t("summary.re.what", lang),
            t("summary.re.plan", lang).format(scenario=scenario_name(base.name, lang)),
            t("summary.re.actual", lang),
        ),
        rows=(
            (t("fc.cost", lang), money_(base.cost), money_(r.cost)),
            # whole customers, as the scenario table counts them (half up)
            (t("fc.new", lang), fmt_number(base.new_customers, lang), fmt_number(r.new_customers, lang)),
            (t("summary.re.profit", lang), money_(base.profit), money_(r.profit)),
            (
                "ROI",
                fmt_percent(base.roi, lang) if base.roi is not None else "—",
                fmt_percent(r.roi, lang) if r.roi is not None else "—",
            ),
            (
                t("fc.payback", lang),
                payback_text(base.payback_month, base.payback_date, lang),
                payback_text(r.payback_month, r.payback_date, lang),
            ),
        ),
    )
