"""`measured/<slug>.yaml`: an import merged into what was there, written atomically as YAML.

A later import of a kind replaces that kind's monthly aggregates for the months its data period
touches and keeps older months; the window figures and lost customers are the latest deals
import's; pages are kept per period (a period imported again is replaced); a Wordstat or sitemap
import replaces the previous one. Importing the same files twice writes the same bytes.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import yaml

from generator.importer.spans import month_index
from generator.model.measured import KINDS, DealGroup, DealMonth, Measured, NpsData, NpsGroup, Period, Source

_MONTH_KEYS = {"month", "measured_from"}
HEADER = (
    "# Measured by `playbook import` from the client's exports (contract v3): aggregates only, no personal\n"
    "# data. Import again rather than edit by hand.\n"
)


def _months_outside(old: list[Any], period: Period) -> list[Any]:
    first, last = month_index(period.start), month_index(period.end)
    return [m for m in old if not first <= month_index(m.month) <= last]


def _merge_series(old: list[DealMonth], new: list[DealMonth], period: Period) -> list[DealMonth]:
    return sorted([*_months_outside(old, period), *new], key=lambda m: m.month)


def _merge_sources(old: list[Source], new: list[Source], replaced_kinds: set[str]) -> list[Source]:
    fresh = {(s.kind, s.file) for s in new} | {(s.kind, s.sha256) for s in new}
    kept = [
        s
        for s in old
        if s.kind not in replaced_kinds and (s.kind, s.file) not in fresh and (s.kind, s.sha256) not in fresh
    ]
    order = {kind: i for i, kind in enumerate(KINDS)}
    return sorted([*kept, *new], key=lambda s: (order[s.kind], s.period.end if s.period else date.min, s.file))


def merge(old: Measured | None, new: Measured, kinds: set[str]) -> Measured:
    """`new` (this import's kinds) over `old`."""
    if old is None:
        return new
    update: dict[str, Any] = {"data": new.data}
    if new.deals is not None:
        deals = new.deals
        if old.deals is not None:
            groups = {
                gid: group.model_copy(
                    update={
                        "months": _merge_series(
                            old.deals.groups.get(gid, DealGroup()).months, group.months, deals.period
                        )
                    }
                )
                for gid, group in deals.groups.items()
            }
            initiatives = {
                iid: _merge_series(old.deals.initiatives.get(iid, []), series, deals.period)
                for iid, series in deals.initiatives.items()
            }
            deals = deals.model_copy(update={"groups": groups, "initiatives": initiatives})
        update["deals"] = deals
    if new.nps is not None:
        update["nps"] = _merge_nps(old.nps, new.nps)
    if new.wordstat is not None:
        update["wordstat"] = new.wordstat
    if new.sitemap is not None:
        update["sitemap"] = new.sitemap
    if new.pages:
        replaced = {(p.start, p.end) for p in new.pages}
        update["pages"] = sorted(
            [*(p for p in old.pages if (p.start, p.end) not in replaced), *new.pages], key=lambda p: (p.end, p.start)
        )
    if new.visits:
        first, last = new.visits[0].month, new.visits[-1].month
        update["visits"] = sorted(
            [*(m for m in old.visits if not first <= m.month <= last), *new.visits], key=lambda m: m.month
        )
    update["sources"] = _merge_sources(old.sources, new.sources, kinds & {"wordstat", "sitemap"})
    return old.model_copy(update=update)


def _merge_nps(old: NpsData | None, new: NpsData) -> NpsData:
    if old is None:
        return new

    def group(o: NpsGroup | None, n: NpsGroup) -> NpsGroup:
        months = sorted([*_months_outside(o.months if o else [], new.period), *n.months], key=lambda m: m.month)
        return n.model_copy(update={"months": months})

    return new.model_copy(
        update={
            "all": group(old.all, new.all),
            "segments": {sid: group(old.segments.get(sid), g) for sid, g in new.segments.items()},
        }
    )


def _plain(value: Any, key: str = "", parent: str = "") -> Any:
    if isinstance(value, dict):
        return {k: _plain(v, str(k), key) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v, key, parent) for v in value]
    if isinstance(value, date):
        return value.strftime("%Y-%m") if key in _MONTH_KEYS or parent == "spans" else value.isoformat()
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return int(value)
    return value


class _Dumper(yaml.SafeDumper):
    """One line per month, page or phrase: a mapping of plain values is written in flow style."""


def _represent_dict(dumper: yaml.SafeDumper, data: dict[str, Any]) -> yaml.Node:
    flat = bool(data) and all(not isinstance(v, (dict, list)) for v in data.values())
    return dumper.represent_mapping("tag:yaml.org,2002:map", data.items(), flow_style=flat)


_Dumper.add_representer(dict, _represent_dict)


def dump(measured: Measured) -> bytes:
    """The file's bytes: YAML in a fixed key order, months as YYYY-MM, whole numbers without .0."""
    data = _plain(measured.model_dump(mode="python", exclude_none=False))
    text = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=200)
    return (HEADER + text).encode("utf-8")


def write(path: Path, measured: Measured) -> bool:
    """Write the file atomically (its folder made when needed); False when it already holds these bytes."""
    from generator.write.files import write_atomic

    data = dump(measured)
    if path.is_file() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, data)
    return True
