"""The meeting's questions: the method's order, every catalogue tool and practice in the audit, keys unique."""

from __future__ import annotations

from generator.catalogue import FAMILIES, PRACTICES
from generator.intake.questions import STATUS_WORDS, section, sections


def test_sections_follow_the_method() -> None:
    assert [s.id for s in sections()] == [
        "business",
        "goals",
        "segments",
        "competitors",
        "audit",
        "budget",
        "initiatives",
        "checkpoints",
        "content",
        "publish",
    ]
    # segments: economics, then places, demand, needs and pains
    keys = [q.key for q in section("segments").questions]
    assert keys.index("gross_margin") < keys.index("places") < keys.index("demand") < keys.index("needs")


def test_the_audit_asks_every_tool_and_practice_with_an_optional_finding() -> None:
    keys = [q.key for q in section("audit").questions]
    tools = [f"{f}.{t}" for f, fam in FAMILIES.items() for t in fam.tools]
    for key in [*tools, *PRACTICES]:
        assert key in keys and f"{key}.finding" in keys
    assert len(keys) == len(set(keys)) == 1 + 2 * (len(tools) + len(PRACTICES))


def test_every_question_is_worded_in_both_languages_and_keys_are_unique() -> None:
    for s in sections():
        keys = [q.key for q in s.questions]
        assert len(keys) == len(set(keys)), s.id
        for q in s.questions:
            assert q.text("ru") and q.text("en")
            assert q.text("ru") != q.text("en") or q.kind == "status"


def test_status_words_of_the_meeting_are_the_plans_statuses() -> None:
    assert [STATUS_WORDS[w] for w in ("yes", "partly", "no", "not needed")] == ["done", "partial", "absent", "n/a"]
    assert STATUS_WORDS["частично"] == "partial"
