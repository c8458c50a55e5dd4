"""The change of the audit's scores since the client's earlier audit (`audit.previous`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class ScoreChange:
    """A score before (the earlier plan's audit) and after (this plan's); change = after − before."""

    id: str  # a family id, or "overall"
    before: int | None
    after: int | None
    change: int | None


@dataclass(frozen=True)
class AuditComparison:
    """This audit against the earlier one named by `audit.previous`."""

    previous_date: date | None
    families: tuple[ScoreChange, ...]  # catalogue order
    overall: ScoreChange


def score_change(key: str, before: int | None, after: int | None) -> ScoreChange:
    """A score before and after; the change is None when either is unknown."""
    change = after - before if before is not None and after is not None else None
    return ScoreChange(key, before, after, change)
