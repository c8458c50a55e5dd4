"""present/site_audit.py: the audit page's values, worked by hand (tests/present/small_plan.py
AUDITED): family scores, the overall score with its arithmetic, actions by priority, plan text escaped."""

from __future__ import annotations

from generator.present.site_audit import context_audit
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
    # the consultant's own recommendation replaces the standard advice, which is marked as such
    assert (actions[1]["text"], actions[1]["source"]) == ("A CRM", "")
    assert "standard advice" in str(actions[0]["source"])
