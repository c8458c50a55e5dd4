"""Wordstat, Search Console / Webmaster, sitemap and Metrica / GA4 exports → their aggregates (v3).

None of these hold personal data; they are read into the contract's shapes: phrases with their
largest count, pages per period (rows of one compared URL added up, position weighted by
impressions), the sitemap's `lastmod` per URL, visits and goal completions per month.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from generator.compute.webdata import phrase_key, url_key
from generator.importer import cells
from generator.importer.deals import FileStats
from generator.importer.recognise import Found
from generator.importer.tables import Table
from generator.model.measured import Page, PagesPeriod, Period, Phrase, SitemapUrl, VisitMonth

_DATES = re.compile(r"\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{4}")


def read_wordstat(found: Found) -> tuple[list[Phrase], FileStats]:
    """Phrases with their monthly count; a phrase listed several times takes its largest."""
    stats = FileStats(system=None)
    best: dict[str, Phrase] = {}
    p, c = found.one("phrase"), found.one("count")
    assert p is not None and c is not None
    for row in found.data():
        phrase = cells.text(row[p]) if p < len(row) else ""
        count = cells.number(row[c]) if c < len(row) else None
        if not phrase and count is None:
            continue
        stats.rows_read += 1
        if not phrase or count is None or count < 0:
            stats.skipped["no_count"] += 1
            continue
        key = phrase_key(phrase)
        if key not in best or count > best[key].count:
            best[key] = Phrase(phrase=best[key].phrase if key in best else phrase, count=int(count))
    return sorted(best.values(), key=lambda x: (-x.count, phrase_key(x.phrase))), stats


def filter_period(tables: Iterable[Table]) -> Period | None:
    """The period a Search Console download names in its filter sheet (two dates), if any."""
    for table in tables:
        for row in list(table.rows())[:30]:
            found = _DATES.findall(" ".join(cells.text(c) for c in row))
            stamps = [cells.stamp(f) for f in found]
            days = [s[0] for s in stamps if s is not None]
            if len(days) >= 2:
                return Period(start=min(days[:2]), end=max(days[:2]))
    return None


def read_pages(found: Found, period: Period) -> tuple[PagesPeriod, FileStats]:
    """One period's pages; rows of one compared URL add up, position weighted by impressions."""
    stats = FileStats(system=None, first=period.start, last=period.end)
    cols = [found.one(n) for n in ("url", "clicks", "impressions", "position")]
    merged: dict[str, list[float | str]] = {}
    for row in found.data():
        url, clicks, shows, position = (row[i] if i is not None and i < len(row) else None for i in cols)
        url_text = cells.text(url)
        if not url_text:
            continue
        stats.rows_read += 1
        if not url_text.startswith(("http://", "https://")):
            stats.skipped["not_a_page"] += 1
            continue
        key = url_key(url_text)
        c, i, pos = cells.number(clicks) or 0.0, cells.number(shows) or 0.0, cells.number(position)
        entry = merged.setdefault(key, [url_text, 0.0, 0.0, 0.0])
        entry[1] = float(entry[1]) + c
        entry[2] = float(entry[2]) + i
        entry[3] = float(entry[3]) + (pos or 0.0) * i
    pages = [
        Page(url=str(u), clicks=float(c), impressions=float(i), position=float(w) / float(i) if i else None)
        for u, c, i, w in merged.values()
    ]
    return PagesPeriod(start=period.start, end=period.end, pages=pages), stats


def read_sitemap(found: Found) -> tuple[list[SitemapUrl], FileStats]:
    """Every `<url>`: its `loc` and `lastmod`'s date as written (time zone ignored)."""
    stats = FileStats(system=None)
    urls = []
    for row in found.data():
        loc, lastmod = cells.text(row[0]), cells.text(row[1])
        stats.rows_read += 1
        if not loc:
            stats.skipped["no_loc"] += 1
            continue
        stamp = cells.stamp(lastmod[:10]) if lastmod else None
        urls.append(SitemapUrl(url=loc, lastmod=stamp[0] if stamp else None))
    return urls, stats


def read_visits(found: Found, today: date) -> tuple[list[VisitMonth], FileStats]:
    """Visits and goal completions per listed month; totals rows and `#` lines skipped."""
    stats = FileStats(system=None)
    m, v, g = found.one("month"), found.one("visits"), found.one("goals")
    assert m is not None and v is not None
    months: dict[date, VisitMonth] = {}
    for row in found.data():
        if not any(cells.text(c) for c in row) or cells.text(row[0]).startswith("#"):
            continue
        month = cells.month(row[m]) if m < len(row) else None
        if month is None:
            continue  # a totals row
        stats.rows_read += 1
        if month > today:
            stats.skipped["after_today"] += 1
            continue
        visits = cells.number(row[v]) if v < len(row) else None
        goals = cells.number(row[g]) if g is not None and g < len(row) else None
        if visits is None:
            stats.skipped["no_visits"] += 1
            continue
        months[month] = VisitMonth(
            month=month, visits=round(visits), goal_completions=round(goals) if goals is not None else None
        )
        stats.first = min(stats.first or month, month)
        stats.last = max(stats.last or month, month)
    return sorted(months.values(), key=lambda x: x.month), stats
