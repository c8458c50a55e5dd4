"""Method lint of the measured figures (contract v3, M117–M120): where the plan and the client's
own data disagree, or the data has grown old.

The rules take the lint `Context` (with the plan's `measured/` file) and yield warnings like the
v2 rules; `generator.compute.lint` runs them with the others.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import TYPE_CHECKING

from generator.compute.measured import group_figures, measured_new_customers

if TYPE_CHECKING:
    from generator.compute.lint import Context, LintWarning

STALE_DAYS = 60
TYPED_SHARE = 0.1
ASSUMED_SHARE = 0.3
ASSUMPTIONS = ("average_check", "purchases_per_year", "lifetime_years")


def _differs(typed: float, measured: float, share: float) -> bool:
    return typed != measured if measured == 0 else abs(typed - measured) > share * abs(measured)


def typed_differs(c: Context) -> Iterator[LintWarning]:
    """M117 · step 8 (plan against fact): a typed month's new customers far from the CRM's count."""
    mapped = c.plan.data.initiatives if c.plan.data else {}
    initiatives = c.plan.strategy.initiatives if c.plan.strategy else []
    for i, initiative in enumerate(initiatives):
        if initiative.id not in mapped:
            continue
        measured = measured_new_customers(c.measured, initiative.id)
        for j, actual in enumerate(initiative.actuals):
            value = measured.get(actual.month.replace(day=1))
            if (
                actual.new_customers is not None
                and value is not None
                and _differs(actual.new_customers, value, TYPED_SHARE)
            ):
                yield c.at(
                    "M117",
                    ("strategy", "initiatives", i, "actuals", j, "new_customers"),
                    typed=f"{actual.new_customers:g}",
                    measured=str(value),
                    month=f"{actual.month:%Y-%m}",
                )


def data_stale(c: Context) -> Iterator[LintWarning]:
    """M118 · step 8 (checkpoints): figures from an export that ended long ago judge an old plan."""
    if c.measured is None:
        return
    latest: dict[str, tuple[date, str]] = {}  # a kind's newest source: older pages periods are history
    for source in c.measured.sources:
        end = source.imported if source.kind in ("wordstat", "sitemap") or source.period is None else source.period.end
        if source.kind not in latest or end > latest[source.kind][0]:
            latest[source.kind] = (end, source.file)
    for kind, (end, file) in latest.items():
        if end < c.today - timedelta(days=STALE_DAYS):
            yield c.at("M118", ("data",), file=file, kind=kind, date=end.isoformat())


def assumption_differs(c: Context) -> Iterator[LintWarning]:
    """M119 · economics: an assumption far from what the client's deals measured."""
    if c.measured is None or c.measured.deals is None:
        return
    groups = c.measured.deals.groups
    places: list[tuple[str, tuple[str | int, ...], object]] = [("all", ("economics",), c.plan.economics)]
    places += [(s.id, ("segments", i, "economics"), s.economics) for i, s in enumerate(c.plan.segments)]
    for gid, path, economics in places:
        if economics is None or gid not in groups:
            continue
        figures = group_figures(gid, groups[gid], None)
        for key in ASSUMPTIONS:
            assumed, measured = getattr(economics, key), getattr(figures, key)
            if assumed is not None and measured is not None and _differs(assumed, measured, ASSUMED_SHARE):
                yield c.at("M119", (*path, key), key=key, assumed=f"{assumed:g}", measured=f"{round(measured, 2):.10g}")


def data_changed(c: Context) -> Iterator[LintWarning]:
    """M120 · the data mappings: measured/ was computed with another `data` section."""
    if c.measured is not None and c.measured.data != c.plan.data:
        yield c.at("M120", ("data",))


MEASURED_RULES = (typed_differs, data_stale, assumption_differs, data_changed)
