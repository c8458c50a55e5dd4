"""The audit page's context: the audit's one view (`generator.present.audit`), laid out by
`theme/pages/audit.j2.md` (its filters escape plain text and sanitise the plan's Markdown)."""

from __future__ import annotations

from typing import Any

from generator.compute.figures import Figures
from generator.model import LoadedPlan
from generator.present.audit import audit_view
from generator.present.site_base import _empty, base_context


def context_audit(loaded: LoadedPlan, figures: Figures) -> dict[str, Any]:
    """Step 6: scores per family with bands, the issues and ordered actions, practices, change."""
    ctx = base_context(loaded, figures, "audit")
    ctx["audit"] = audit_view(figures)
    if ctx["audit"] is None:
        ctx["empty"] = _empty(ctx["words"], "audit")
    return ctx
