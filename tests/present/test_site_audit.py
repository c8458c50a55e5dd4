"""present/site_audit.py: the audit page lays out the audit's one view (present/audit.py, where its
values are worked by hand); here: the page escapes plan text and says so when there is no audit."""

from __future__ import annotations

from generator.present.site_audit import context_audit
from generator.render.site import render_page
from tests.present.small_plan import AUDITED, PLAN, loaded_of


def test_the_page_escapes_plan_text_and_sanitises_its_markdown() -> None:
    loaded, figures = loaded_of(AUDITED)
    assert context_audit(loaded, figures)["audit"].overall == "38"
    page = render_page(loaded, figures, "audit")
    assert "Posts &lt;script&gt;x&lt;/script&gt; now and then" in page and "<script>" not in page
    assert '<span class="pb-badge pb-badge--poor">poor</span>' in page
    # social (high), crm (medium), the regularity practice (medium), in that order
    assert page.index("<strong>Social media</strong>") < page.index("<strong>CRM system</strong>")
    assert page.index("<strong>CRM system</strong>") < page.index("<strong>Regularity</strong>")
    # the client reads no "standard advice" tag (the terminal report keeps it for the consultant)
    assert "standard advice" not in page


def test_no_audit_no_scores() -> None:
    ctx = context_audit(*loaded_of(PLAN))
    assert ctx["audit"] is None and ctx["empty"]
