"""Method warnings in words: the located line of `playbook check`, in the plan's language."""

from __future__ import annotations

from generator.compute.lint import LintWarning
from generator.present.i18n import PlanLanguage
from generator.present.lint import lint_line, lint_message


def test_the_line_reads_like_a_compiler_s_in_both_languages() -> None:
    warning = LintWarning(23, 5, "M102", "goals[1]", {"goal": "pt"})
    assert lint_line(warning, "plans/x.yaml", "en") == (
        "plans/x.yaml:23:5: warning M102: goals[1]: goal 'pt' does not say which business goal it serves: "
        "add business_goal"
    )
    # `warning` and the code stay as they are, so scripts parse every plan alike; the message is Russian
    assert lint_line(warning, "plans/x.yaml", "ru") == (
        "plans/x.yaml:23:5: warning M102: goals[1]: цель 'pt' не говорит, какой цели бизнеса она служит: "
        "добавьте business_goal"
    )


def test_a_warning_at_line_1_without_a_path() -> None:
    warning = LintWarning(1, 1, "M116", "")
    assert lint_line(warning, "p.yaml", "en").startswith("p.yaml:1:1: warning M116: regularity is not done")


def test_variants_and_dates_are_worded_in_the_language() -> None:
    future = LintWarning(9, 17, "M111", "checkpoints[0].kpis[0].actual", {"date": "2027-03-01"})
    assert "1 марта 2027" in lint_message(future, "ru")
    assert "March 1, 2027" in lint_message(future, "en")
    assert "1 March 2027" in lint_message(future, PlanLanguage("en", "en-GB"))  # the plan's locale: day first
    assert lint_message(LintWarning(1, 1, "M112", "forecast", {}, "section"), "en") == (
        "the strategy has initiatives but no forecast: add a forecast section"
    )
    missing = LintWarning(8, 3, "M112", "forecast", {"missing": "economics.average_check"})
    assert lint_message(missing, "en") == "the forecast cannot be computed: it needs economics.average_check"
    crm = LintWarning(8, 10, "M113", "audit.practices.crm", {}, "crm")
    assert "sales.crm" in lint_message(crm, "ru")


def test_m114_says_what_to_add_in_the_language() -> None:
    few = LintWarning(3, 10, "M114", "content", {"new": "83", "slots": "345", "add": "demand preset"}, "few")
    assert lint_message(few, "en") == (
        "the calendar plans 83 new articles in 345 slots, under half; add to the plan: segments' search queries "
        "(segments[].demand); the kind of business, business.preset (the trade's dates and seasons)"
    )
