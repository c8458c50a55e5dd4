"""What a chart says in words, passed in as a value: the charts import nothing of `generator.present`.

The presentation stage decides every word and every formatted number (`generator.present.i18n`);
a chart only places them. So a chart takes a `Voice` — `generator.present.i18n.PlanLanguage` is
one: the plan's language with its format locale — and asks it for its labels and numbers, instead
of importing the labels table and the formatters back from the stage above it.
"""

from __future__ import annotations

from typing import Protocol


class Voice(Protocol):
    """The plan's words and number formats, as a chart needs them."""

    @property
    def format_locale(self) -> str:
        """The Babel locale tag of dates and compact money (`ru_RU`, `en_DE`)."""
        ...

    def number(self, value: float | int | None) -> str:
        """A whole number as the plan's locale writes it (half up; None → an em dash)."""
        ...

    def money(self, value: float | int | None, currency: str) -> str:
        """An amount of money, whole, with the currency as the locale places it."""
        ...

    def percent(self, share: float | None) -> str:
        """A share as a percentage, with the one precision rule of every output."""
        ...

    def word(self, key: str) -> str:
        """The interface label `key` in the plan's language."""
        ...
