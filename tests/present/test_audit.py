"""present/audit.py: step 6's one view, worked by hand from tests/present/small_plan.py AUDITED, and
found alike in the site, the PDF and the terminal report for the three plans of tests/outputs.py.

AUDITED: online = 100 × (1 + 0.5) / 2 = 75 (seo done, social partial), needs work; sales = 0 (crm
absent), poor; the three other families have no assessed tool; overall (75 + 0) / 2 = 37.5 → 38, poor.
Gaps: social (high, the plan's), crm (medium, the plan's), the regularity practice (partial → medium).
"""

from __future__ import annotations

import html
import re
from dataclasses import fields, is_dataclass
from pathlib import Path

import pytest

from generator.compute.figures import compute_figures
from generator.draw.markup import render_inline
from generator.load.loader import load_plan
from generator.present.audit import AuditView, audit_view, evidence
from generator.render.report import render_text
from tests.conftest import TODAY
from tests.outputs import THREE_PLANS, outputs, plain
from tests.present.small_plan import AUDITED, PLAN, loaded_of


def _view(text: str = AUDITED) -> AuditView:
    view = audit_view(loaded_of(text)[1])
    assert view is not None
    return view


def test_scores_bands_and_their_arithmetic() -> None:
    a = _view()
    assert (a.overall, a.band, a.band_label, a.overall_work) == ("38", "poor", "poor", "(75 + 0) / 2 = 37.5")
    assert a.date == "November 20, 2026"
    rows = [(f.anchor, f.score, f.band, f.band_label, f.work) for f in a.families]
    no_score = "No assessed tool: the family is left out of the overall score."
    assert rows == [
        ("family-online", "75", "needs-work", "needs work", "100 × 1.5 / 2 = 75"),
        ("family-mobile", "—", "none", "not assessed", no_score),
        ("family-sales", "0", "poor", "poor", "100 × 0 / 1 = 0"),
        ("family-analytics", "—", "none", "not assessed", no_score),
        ("family-it", "—", "none", "not assessed", no_score),
    ]
    assert a.gauge.startswith("<svg") and a.bars.startswith("<svg")
    assert a.comparison is None and all(f.change == "" for f in a.families)


def test_tools_failed_first_with_weight_only_where_scored() -> None:
    online = _view().families[0]
    social, seo = online.tools[:2]
    assert (social.name, social.status, social.status_label, social.weight) == (
        "Social media",
        "partial",
        "partial",
        "1",
    )
    assert (social.priority, social.priority_label) == ("high", "high")
    # plan text stays raw (each renderer sanitises it); the site escapes it, the PDF autoescapes it
    assert social.finding == "Posts <script>x</script> now and then"
    assert (seo.status, seo.weight, seo.recommendation, seo.priority_label) == ("done", "1", "", "")
    assert {t.weight for t in online.tools[2:]} == {"—"}  # not assessed: not in the score
    assert online.tools[-1].status == "not-assessed"


def test_issues_and_actions_by_priority_one_total() -> None:
    figures = loaded_of(AUDITED)[1]
    assert figures.audit is not None and figures.audit.issues_total == 3
    a = _view()
    assert [(i.priority, i.count, i.label) for i in a.issues] == [
        ("high", "1", "high priority"),
        ("medium", "2", "medium priority"),
        ("low", "0", "low priority"),
    ]
    # social (high), crm (medium), the regularity practice (medium; tools before practices)
    assert [(x.name, x.priority, x.where) for x in a.actions] == [
        ("Social media", "high", "Online tools"),
        ("CRM system", "medium", "E-sales"),
        ("Regularity", "medium", "Practice"),
    ]
    crm = a.actions[1]
    # the consultant's own recommendation: no "standard advice" tag; the built-in one carries it
    assert (crm.text, crm.tag, crm.finding) == ("A CRM", "", "")
    assert (a.actions[0].tag, a.actions[2].tag) == ("standard advice", "standard advice")
    assert [x.name for x in a.top] == ["Social media"]
    assert a.more == "The other actions (2) are in the sections on each family of tools and on the practices."
    # inside its family's section an action goes without the family's name
    assert [(x.name, x.where) for x in a.families[2].actions] == [("CRM system", "")]


def test_no_gap_no_issues() -> None:
    text = PLAN + "audit:\n  date: 2026-11-20\n  components:\n    online: {seo: done}\n"
    a = _view(text)
    assert (a.issues, a.actions, a.top, a.more) == ((), (), (), "")
    assert a.families[0].score == "100"


def test_a_sales_department_action_is_put_aside_for_a_small_team_with_the_reason() -> None:
    text = AUDITED.replace("language: en, currency: USD}", "language: en, currency: USD, team: 3}").replace(
        '      crm: {status: absent, recommendation: "A CRM", priority: medium}\n',
        '      crm: {status: absent, recommendation: "A CRM", priority: medium}\n      call_recording: absent\n',
    )
    a = _view(text)
    last = a.actions[-1]
    assert (last.name, last.priority, last.priority_label) == ("Call recording", "low", "low")
    assert last.aside == "put aside: made for a sales department, and the team is 3 people"
    assert all(not x.aside for x in a.actions[:-1])
    assert "Call recording" not in [x.name for x in a.top]
    # the counts above the list agree with it: social high; crm and regularity medium; call recording
    # (medium in the catalogue) low, where the list puts it
    assert [(i.priority, i.count) for i in a.issues] == [("high", "1"), ("medium", "2"), ("low", "1")]


def test_the_bakery_in_russian() -> None:
    text = AUDITED.replace("language: en", "language: ru")
    a = _view(text)
    assert (a.overall_work, a.band_label, a.date) == ("(75 + 0) / 2 = 37,5", "плохо", "20 ноября 2026")
    assert [i.label for i in a.issues] == ["высокий приоритет", "средний приоритет", "низкий приоритет"]
    assert a.practices[1].evidence == "10 ч в месяц вручную"
    assert a.actions[2].where == "Практика" and a.actions[0].tag == "типовой совет"


def test_a_practices_evidence_is_worded_once_for_every_output() -> None:
    assert evidence("manual_hours", 10.0, "en") == "10 h a month by hand"
    assert evidence("manual_hours", 2.5, "ru") == "2,5 ч в месяц вручную"
    assert evidence("completion_rate", 0.5, "en") == "50% of calendar slots done"
    assert evidence("crm_status", "absent", "ru") == "CRM в аудите: нет"
    assert evidence("business_metrics", 1, "en") == "business metrics computed (LTV, NPS): 1 of 2"
    assert evidence("completion_rate", None, "en") == "no data"
    practices = _view().practices
    assert [p.name for p in practices] == ["Regularity", "Automation", "Judging by business metrics",
                                           "A CRM, not notebooks"]  # fmt: skip
    regularity, automation = practices[:2]
    assert (regularity.status, regularity.finding, regularity.priority) == ("partial", "Weekly", "medium")
    assert automation.evidence == "10 h a month by hand"  # the plan's automation list: 10 h by hand
    # the CRM practice's evidence is the crm tool's status (absent); its own status is not assessed
    crm = practices[3]
    assert (crm.evidence, crm.suggested, crm.differs) == ("CRM in the audit: absent", "absent", False)


def test_no_change_since_the_earlier_audit_reads_the_same_everywhere(tmp_path: Path) -> None:
    """A family whose score did not move shows "±0" in every output (the PDF said "0", the terminal "+0")."""
    audit = AUDITED[AUDITED.index("audit:") : AUDITED.index("content:")]
    (tmp_path / "before.yaml").write_text('business: {name: "Shop <b>", language: en}\n' + audit, encoding="utf-8")
    plan = AUDITED.replace("  date: 2026-11-20\n", "  date: 2026-11-20\n  previous: before.yaml\n", 1)
    (tmp_path / "shop.yaml").write_text(plan, encoding="utf-8")
    figures = compute_figures(load_plan(tmp_path / "shop.yaml", today=TODAY), TODAY)
    a = audit_view(figures)
    assert a is not None and a.comparison is not None
    # online 75 → 75, sales 0 → 0, overall 38 → 38; families with no assessed tool: a dash
    rows = [(r.name, r.before, r.after, r.change, r.trend) for r in a.comparison.rows]
    assert rows[0] == ("Online tools", "75", "75", "±0", "flat")
    assert rows[1] == ("Mobile marketing", "—", "—", "—", "flat")
    assert rows[-1] == ("Overall score", "38", "38", "±0", "flat")
    assert [f.change for f in a.families] == ["±0", "—", "±0", "—", "—"]
    terminal = render_text(figures, width=160)
    assert re.search(r"Online tools\s*│\s*75\s*│\s*75\s*│\s*±0\s*│", terminal) and "+0" not in terminal


# parity: every display string of the view in the site, the PDF and the terminal ---------------------

MARKDOWN = {"finding", "recommendation", "text"}
KEYS = {"id", "anchor", "status", "band", "priority", "suggested", "trend", "gauge", "bars"}  # css keys, SVG
# strings an output leaves out on purpose, with the reason
TAG = {"tag"}  # "standard advice": the consultant's business, terminal only, not the client's (issue 23)
MORE = {"more"}  # PDF only: it points to the PDF's own sections (the site lists every action on one page)
# the PDF lists the summary's top actions (none put aside) and each family's own, inside the family's
# or the practices' section: neither needs saying where it belongs
NOT_PDF = {"aside", "where"}
# the terminal is the consultant's short read: scores, the change, the actions (what, for which tool or
# practice, how urgent), the practices' status and evidence; every tool's row, the findings, why it
# matters and typical tools stay on the site and in the PDF
NOT_TERMINAL = {"finding", "why", "tools"}
TERMINAL_SHOWS = {"ToolView": set(), "PracticeView": {"name", "status_label", "evidence"}}
NOWHERE_ELSE = KEYS | TAG | MORE


def _shown(markdown: str) -> str:
    """What a reader sees of a Markdown field: the sanitised HTML's text."""
    return html.unescape(re.sub(r"<[^>]+>", "", str(render_inline(markdown))))


def _strings(value: object, output: str, owner: str = "", name: str = "") -> list[str]:
    """Every display string of the view that `output` (site, pdf, report) must show."""
    if is_dataclass(value):
        kind = type(value).__name__
        return [s for f in fields(value) for s in _strings(getattr(value, f.name), output, kind, f.name)]
    if isinstance(value, tuple):
        return [s for item in value for s in _strings(item, output, owner, name)]
    if not isinstance(value, str) or not value or name in NOWHERE_ELSE:
        return []
    if output == "pdf" and name in NOT_PDF:
        return []
    if output == "report" and (name in NOT_TERMINAL or name not in TERMINAL_SHOWS.get(owner, {name})):
        return []
    return [_shown(value) if name in MARKDOWN and output != "report" else value]


def _only(value: object, names: set[str]) -> list[str]:
    """The non-empty strings of the fields named `names`, anywhere in the view."""
    if isinstance(value, tuple):
        return [s for item in value for s in _only(item, names)]
    if not is_dataclass(value):
        return []
    out: list[str] = []
    for f in fields(value):
        field = getattr(value, f.name)
        if f.name in names and isinstance(field, str) and field:
            out.append(field)
        out += _only(field, names)
    return out


@pytest.mark.parametrize("name", THREE_PLANS)
def test_the_audit_reads_the_same_in_the_site_the_pdf_and_the_terminal(name: str) -> None:
    o = outputs(name)
    a = audit_view(o.figures)
    assert a is not None
    texts = {"site": o.site_text, "pdf": o.pdf, "report": o.report}  # the harness joins hyphenated words
    missing = [f"{out}: {s!r}" for out, text in texts.items() for s in _strings(a, out) if plain(s) not in text]
    assert missing == []
    for s in _only(a, TAG):
        assert plain(s) in o.report and plain(s) not in o.site_text and plain(s) not in o.pdf
    for s in _only(a, MORE):
        assert plain(s) in o.pdf
