"""`playbook import`: read the exports, measure, merge into `measured/<slug>.yaml`, say what happened.

The one entry point the CLI calls. What it prints names files, kinds, row counts, skip reasons,
periods and sums — never a cell of a raw export, so no personal data reaches a terminal or a log.
"""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from generator.compute.webdata import phrase_key
from generator.errors import UserError
from generator.importer import deal_columns, deal_figures, store, survey, web
from generator.importer import deals as deals_mod
from generator.importer.recognise import KINDS, Found, not_recognised, recognise
from generator.importer.tables import Export, read_export
from generator.load.planfiles import measured_path
from generator.model import LoadedPlan
from generator.model.measured import KINDS as ALL_KINDS
from generator.model.measured import Measured, Period, Phrase, Sitemap, Source, Wordstat

REASONS = {
    "no_date": "no date",
    "after_today": "dated after today",
    "outside_period": "outside --period",
    "duplicate": "duplicate deal ID",
    "not_won": "not won",
    "amount_not_positive": "amount not positive",
    "no_score": "no score 0–10",
    "no_count": "no count",
    "not_a_page": "not a page URL",
    "no_loc": "no loc",
    "no_visits": "no visits",
}


@dataclass
class Options:
    """The command's options."""

    files: list[Path]
    today: date
    kind: str | None = None
    period: Period | None = None
    maps: dict[str, str] = field(default_factory=dict)
    dry_run: bool = False
    export_lost: Path | None = None


@dataclass
class Outcome:
    """What an import did: lines to print, the merged figures, where they go, whether written."""

    lines: list[str]
    measured: Measured
    target: Path
    written: bool
    lost_rows: list[list[str]] = field(default_factory=list)
    lost_header: list[str] = field(default_factory=list)


def parse_maps(values: list[str]) -> dict[str, str]:
    """`--map FIELD=COLUMN` → {field: column}; fields are those of the kinds' columns."""
    known = {c.field for columns in KINDS.values() for c in columns} | {"score"}
    maps = {}
    for item in values:
        name, sep, column = item.partition("=")
        if not sep or not column.strip():
            raise UserError(f"--map {item}: write FIELD=COLUMN, e.g. --map amount=Total")
        if name.strip() not in known:
            raise UserError(f"--map {item}: unknown field '{name}' (fields: {', '.join(sorted(known))})")
        maps[name.strip()] = column.strip()
    return maps


def _recognise(export: Export, options: Options) -> Found:
    kinds = [options.kind] if options.kind else list(ALL_KINDS)
    for table in export.tables:
        found = recognise(table, kinds, options.maps, forced=bool(options.kind or options.maps))
        if found is not None:
            return found
    raise not_recognised(export.path.name, kinds)


@contextmanager
def _no_collections() -> Iterator[None]:
    """The cyclic collector off while exports are measured: a 200 000-row export makes hundreds of
    thousands of small acyclic objects (deals, dates, keys, freed by reference counting), and with
    the default threshold the collector walked them, and every module and plan object, again and
    again: reading and measuring took 0.81 s with it, 0.52 s without (benchmarks/README.md). On after."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def run_import(loaded: LoadedPlan, options: Options) -> Outcome:
    """Import `options.files` for the plan; nothing is written on `dry_run` or on any error."""
    import csv

    names = ", ".join(p.name for p in options.files)
    try:
        with _no_collections():
            return _run_import(loaded, options)
    except (csv.Error, UnicodeError, ValueError) as exc:  # a damaged file: the user's, not a bug
        if isinstance(exc, UserError):
            raise
        raise UserError(f"{names}: cannot be read as a table ({type(exc).__name__}: {str(exc)[:80]})") from None


def _run_import(loaded: LoadedPlan, options: Options) -> Outcome:
    """Read and recognise every file, measure each kind, merge into measured/, write unless dry."""
    exports = [read_export(path) for path in options.files]
    found = [(export, _recognise(export, options)) for export in exports]
    today, plan = options.today, loaded.plan
    new = Measured(data=plan.data)
    sources: list[Source] = []
    lines: list[str] = []
    outcome_lost: tuple[list[str], list[list[str]]] = ([], [])

    deals_found = [(e, f) for e, f in found if f.kind == "deals"]
    if deals_found:
        read = deals_mod.read_deals(
            [f for _, f in deals_found],
            plan,
            today,
            options.period,
            bool(options.export_lost),
            columns=deal_columns.read_columns,
        )
        period = deal_figures.data_period(read, options.period)
        if period is None:
            raise UserError(f"{', '.join(e.path.name for e, _ in deals_found)}: no dated deal to measure")
        measured_deals, lost = deal_figures.measure_deals(read, period, plan)
        new = new.model_copy(update={"deals": measured_deals})
        for (export, _), stats in zip(deals_found, read.stats, strict=True):
            sources.append(_source(export, "deals", stats, today))
        lines += [_line(s) for s in sources[-len(deals_found) :]]
        lines.append(_deals_summary(read, len(lost)))
        outcome_lost = (
            read.contact_header,
            [
                read.contacts[k][2]
                # by the last deal's day, then its time and the key: a set's order changes every run
                for k in sorted(lost, key=lambda k: (*read.contacts.get(k, (date.min, ""))[:2], k))
                if k in read.contacts
            ],
        )

    nps_found = [(e, f) for e, f in found if f.kind == "nps"]
    if nps_found:
        answers = []
        for export, f in nps_found:
            own, stats = survey.read_answers(f, plan, today, options.period)
            answers += own
            sources.append(_source(export, "nps", stats, today))
            lines.append(_line(sources[-1]))
        new = new.model_copy(update={"nps": survey.measure_nps(answers, options.period, plan)})

    new, web_lines = _web(found, options, new, sources)
    lines += web_lines
    new = new.model_copy(update={"sources": sources})
    kinds = {f.kind for _, f in found}
    merged = store.merge(loaded.measured, new, kinds)
    target = measured_path(loaded.path)
    written = False
    if not options.dry_run:
        written = store.write(target, merged)
    return Outcome(lines, merged, target, written, lost_rows=outcome_lost[1], lost_header=outcome_lost[0])


def _web(
    found: list[tuple[Export, Found]], options: Options, new: Measured, sources: list[Source]
) -> tuple[Measured, list[str]]:
    lines = []
    today = options.today
    phrases: dict[str, Phrase] = {}
    for export, f in found:
        if f.kind == "wordstat":
            own, stats = web.read_wordstat(f)
            for p in own:
                key = phrase_key(p.phrase)
                if key not in phrases or p.count > phrases[key].count:
                    phrases[key] = p
            sources.append(_source(export, "wordstat", stats, today))
        elif f.kind == "pages":
            period = options.period or web.filter_period(t for t in export.tables if t is not f.table)
            if period is None:
                raise UserError(f"{export.path.name}: a pages export names no period; give --period FROM..TO")
            pages, stats = web.read_pages(f, period)
            new = new.model_copy(update={"pages": [*new.pages, pages]})
            sources.append(_source(export, "pages", stats, today))
        elif f.kind == "sitemap":
            urls, stats = web.read_sitemap(f)
            old = new.sitemap.urls if new.sitemap else []
            new = new.model_copy(update={"sitemap": Sitemap(imported=today, urls=[*old, *urls])})
            sources.append(_source(export, "sitemap", stats, today))
        elif f.kind == "visits":
            months, stats = web.read_visits(f, today)
            new = new.model_copy(update={"visits": sorted([*new.visits, *months], key=lambda m: m.month)})
            sources.append(_source(export, "visits", stats, today))
        else:
            continue
        lines.append(_line(sources[-1]))
    if phrases:
        ordered = sorted(phrases.values(), key=lambda p: (-p.count, phrase_key(p.phrase)))
        new = new.model_copy(update={"wordstat": Wordstat(imported=today, phrases=ordered)})
    return new, lines


def _source(export: Export, kind: str, stats: deals_mod.FileStats, today: date) -> Source:
    period = None
    if stats.first is not None and stats.last is not None:
        last = stats.last
        if kind == "visits":
            from generator.importer.spans import month_end, month_index

            last = month_end(month_index(last))
        period = Period(start=stats.first, end=last)
    skipped = {k: stats.skipped[k] for k in REASONS if stats.skipped[k]}
    return Source(
        file=export.path.name,
        sha256=export.sha256,
        kind=kind,
        system=stats.system,
        rows_read=stats.rows_read,
        rows_skipped=sum(skipped.values()),
        skipped=skipped,
        period=period,
        imported=today,
    )


def _line(source: Source) -> str:
    system = f" ({source.system})" if source.system else ""
    text = f"{source.file}: {source.kind}{system}, {source.rows_read} row{'' if source.rows_read == 1 else 's'} read"
    if source.rows_skipped:
        reasons = ", ".join(f"{n} {REASONS[k]}" for k, n in source.skipped.items())
        text += f", {source.rows_skipped} skipped ({reasons})"
    if source.period:
        text += f"; {source.period.start.isoformat()} – {source.period.end.isoformat()}"
    return text


def _deals_summary(read: deals_mod.DealsRead, lost: int) -> str:
    """Counts and sums only: won deals, customers, revenue, deals by segment, lost customers."""
    customers = len({d.customer for d in read.deals})
    revenue = f"{sum(d.amount for d in read.deals):,.0f}".replace(",", "\u202f")
    counts: Counter[str] = Counter(d.segment for d in read.deals)
    split = ", ".join(f"{sid} {n}" for sid, n in counts.most_common())
    won = f"{len(read.deals)} won deal{'' if len(read.deals) == 1 else 's'}"
    whose = f"{customers} customer{'' if customers == 1 else 's'}"
    return f"  deals: {won} of {whose}, revenue {revenue}; by segment: {split}; lost customers: {lost}"


def check_lost_target(target: Path, plan: Path) -> None:
    """--export-lost holds personal data: never inside the site folder, the plans folder or measured/."""
    where = target.resolve()
    forbidden = [plan.parent.resolve(), measured_path(plan).parent.resolve(), (plan.parent.parent / "site").resolve()]
    for folder in forbidden:
        if where.is_relative_to(folder):
            raise UserError(
                f"--export-lost {target}: inside {folder.name}/, which is published or committed; "
                "write personal data elsewhere (e.g. imports/)"
            )


def write_lost(target: Path, outcome: Outcome) -> None:
    """The lost customers' contact columns, as CSV (UTF-8 with BOM, so Excel opens it)."""
    import csv
    import io

    from generator.write.files import write_atomic

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(outcome.lost_header)
    writer.writerows(outcome.lost_rows)
    write_atomic(target, buffer.getvalue().encode("utf-8-sig"))
