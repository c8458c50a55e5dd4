"""The consultant's branding, set once for the whole portfolio in mkdocs.yml and shown to every client.

    extra:
      playbook:
        consultant: Anna Petrova
        company: Petrova Marketing
        contacts: [anna@example.com, +7 900 000-00-00]
        logo: assets/images/logo.svg     # site footer only, a path inside docs_dir

The PDF cover names the consultant, the company and the contacts; the site footer shows the same
(`theme/overrides/partials/copyright.html` reads the same keys). Only strings are accepted: the
values are text, never markup.

A plan may name its own consultant (`publish.consultant`, else `business.consultant` by name):
its client's cover and footers then name that person, with their own contacts (never the
portfolio's: those reach someone else) and the portfolio's company unless the plan gives another
(`client_branding`). The values shipped in mkdocs.yml are an example: `example_warning` says so
on `playbook check` and `playbook build` until the consultant puts their own.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import yaml

KEYS = ("consultant", "company", "contacts", "logo")


@dataclass(frozen=True)
class Branding:
    consultant: str = ""
    company: str = ""
    contacts: tuple[str, ...] = ()
    logo: str = ""

    def __bool__(self) -> bool:
        return bool(self.consultant or self.company or self.contacts)


def branding_from(extra: Mapping[str, Any] | None) -> Branding:
    """`extra.playbook` of mkdocs.yml → Branding; anything that is not text is left out."""
    raw = extra.get("playbook") if isinstance(extra, Mapping) else None
    if not isinstance(raw, Mapping):
        return Branding()
    contacts = raw.get("contacts") or ()
    if isinstance(contacts, str):
        contacts = (contacts,)
    return Branding(
        consultant=str(raw.get("consultant") or "").strip(),
        company=str(raw.get("company") or "").strip(),
        contacts=tuple(str(c).strip() for c in contacts if isinstance(c, str | int) and str(c).strip()),
        logo=str(raw.get("logo") or "").strip(),
    )


# The example branding shipped in mkdocs.yml: a consultant who left it reaches every client with it.
EXAMPLE = Branding(consultant="Anna Petrova", company="Petrova Marketing")


def plan_consultant(plan: Any) -> dict[str, Any]:
    """The consultant a plan names (`publish.consultant`, else `business.consultant` by name): name,
    company and contacts, as `merged` takes them; an empty name when the plan names no one."""
    publish = getattr(plan, "publish", None)
    own = getattr(publish, "consultant", None) if publish is not None else None
    if own is not None:
        return {"name": own.name, "company": own.company or "", "contacts": list(own.contacts)}
    return {"name": getattr(plan.business, "consultant", None) or "", "company": "", "contacts": []}


def merged(portfolio: Branding, name: str = "", company: str = "", contacts: Any = ()) -> Branding:
    """The portfolio's branding with a plan's consultant over it (see the module docstring).

    A plan naming no one, or the portfolio's own consultant with nothing else, keeps the
    portfolio's branding whole; another name brings its own contacts only (none: the portfolio's
    reach someone else) and the portfolio's company and logo unless it names another company.
    """
    contacts = tuple(str(c) for c in contacts or () if str(c).strip())
    if not name or (name == portfolio.consultant and not company and not contacts):
        return portfolio
    company = company or portfolio.company
    logo = portfolio.logo if company == portfolio.company else ""  # the portfolio's logo is its company's
    return Branding(consultant=name, company=company, contacts=contacts, logo=logo)


def client_branding(portfolio: Branding, plan: Any) -> Branding:
    """The branding one client's cover and footers show: the plan's consultant over the portfolio's."""
    return merged(portfolio, **plan_consultant(plan))


def brand_meta(branding: Branding) -> dict[str, Any]:
    """A client page's branding for the footer template (`page.meta.playbook_brand`): plain text values."""
    return {
        "consultant": branding.consultant,
        "company": branding.company,
        "contacts": list(branding.contacts),
        "logo": branding.logo,
    }


def example_warning(branding: Branding) -> str | None:
    """The warning while mkdocs.yml still holds the example branding playbook ships with, else None."""
    if branding.consultant != EXAMPLE.consultant and branding.company != EXAMPLE.company:
        return None
    shown = ", ".join(x for x in (branding.consultant, branding.company) if x)
    return (
        f"playbook: warning: mkdocs.yml still holds the example branding shipped with playbook ({shown}): "
        "every client's PDF cover and page footer shows it; put your own name, company and contacts "
        "under extra.playbook (consultant, company, contacts), or a client's own under publish.consultant"
    )


class _AnyTags(yaml.SafeLoader):
    """mkdocs.yml may hold MkDocs' own tags (`!ENV`, `!!python/name:`): read them as plain values."""


_AnyTags.add_multi_constructor("", lambda loader, suffix, node: None)
_AnyTags.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_branding(config_text: str) -> Branding:
    """The branding of a mkdocs.yml's text, read without MkDocs (`playbook check`); unreadable: none."""
    try:
        data = yaml.load(config_text, Loader=_AnyTags)
    except yaml.YAMLError:
        return Branding()
    return branding_from(data.get("extra") if isinstance(data, dict) else None)
