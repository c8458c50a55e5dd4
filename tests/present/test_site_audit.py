"""present/site_audit.py: the audit page's values, worked by hand (tests/present/small_plan.py
AUDITED): family scores, the overall score with its arithmetic, actions by priority, plan text escaped."""

from __future__ import annotations

import re
from pathlib import Path

from generator.compute.figures import compute_figures
from generator.load.loader import load_plan
from generator.present.i18n import PlanLanguage
from generator.present.pdf_sections import Inputs, comparison_section
from generator.present.site_audit import context_audit
from generator.render.report import render_text
from tests.conftest import TODAY
from tests.present.small_plan import AUDITED, loaded_of


def test_scores_and_their_arithmetic() -> None:
    audit = context_audit(*loaded_of(AUDITED))["audit"]
    assert (audit["overall"], audit["overall_work"]) == ("38", "(75 + 0) / 2 = 37.5")
    assert "pb-badge--poor" in str(audit["band"])  # 38 < 50
    scores = {f["anchor"]: f["score"] for f in audit["families"]}
    # families with no assessed tool show a dash, not a zero
    assert scores == {
        "family-online": "75",
        "family-mobile": "—",
        "family-sales": "0",
        "family-analytics": "—",
        "family-it": "—",
    }
    assert str(audit["bars"]).startswith("<svg")


def test_actions_high_priority_first_with_plan_text_escaped() -> None:
    actions = context_audit(*loaded_of(AUDITED))["audit"]["actions"]
    # social (high), crm (medium), the regularity practice (partial: medium by default)
    assert [(a["label"], a["priority"]) for a in actions] == [
        ("Social media", "high"),
        ("CRM system", "medium"),
        ("Regularity", "medium"),
    ]
    assert str(actions[0]["finding"]) == "Posts &lt;script&gt;x&lt;/script&gt; now and then"
    # the consultant's own recommendation replaces the standard advice; the client reads no "standard
    # advice" tag (the terminal report keeps it for the consultant)
    assert (actions[1]["text"], actions[1]["source"]) == ("A CRM", "")
    assert str(actions[0]["source"]) == "" and actions[0]["text"]


def test_no_change_since_the_earlier_audit_reads_the_same_on_the_site_in_the_pdf_and_the_terminal(
    tmp_path: Path,
) -> None:
    """A family whose score did not move shows "±0" in all three outputs (the PDF said "0", the
    terminal "+0")."""
    audit = AUDITED[AUDITED.index("audit:") : AUDITED.index("content:")]
    (tmp_path / "before.yaml").write_text('business: {name: "Shop <b>", language: en}\n' + audit, encoding="utf-8")
    plan = AUDITED.replace("  date: 2026-11-20\n", "  date: 2026-11-20\n  previous: before.yaml\n", 1)
    (tmp_path / "shop.yaml").write_text(plan, encoding="utf-8")
    loaded = load_plan(tmp_path / "shop.yaml", today=TODAY)
    figures = compute_figures(loaded, TODAY)
    # online 75 → 75, sales 0 → 0, overall 38 → 38: every change is 0
    # (families with no assessed tool have nothing to compare: a dash)
    expected = ["±0", "—", "±0", "—", "—", "±0"]  # online, mobile, sales, analytics, it, overall
    site = context_audit(loaded, figures)["audit"]["comparison"]
    assert [row["change"] for row in site["rows"]] == expected
    pdf = comparison_section(Inputs(loaded.plan, figures, PlanLanguage("en"), "USD", {}))
    assert pdf is not None and [row[3] for row in pdf["rows"]] == expected
    terminal = render_text(figures, width=160)
    assert re.search(r"Online tools\s*│\s*75\s*│\s*75\s*│\s*±0\s*│", terminal) and "+0" not in terminal
