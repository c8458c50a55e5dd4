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
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

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
