"""The headline patterns are complete: both languages, 3–5 outline points, only known phrases."""

from __future__ import annotations

import string

from generator.compute.patterns import INTENT_ANGLES, OPENING, PATTERNS

KNOWN = {
    "s", "s_acc", "s_gen", "s_loc", "s_pl", "o", "which", "which_acc", "costs", "needed_low", "a_s", "do",
    "dearer", "where", "place", "seg", "seg_gen", "text", "text_q", "text_low", "x", "needed", "rival", "to",
}  # fmt: skip


def test_every_pattern_in_both_languages_with_an_outline() -> None:
    for name, languages in PATTERNS.items():
        assert set(languages) == {"ru", "en"}, name
        for language, (title, outline) in languages.items():
            assert 3 <= len(outline) <= 5, (name, language)
            fields = {f for text in (title, *outline) for _, f, _, _ in string.Formatter().parse(text) if f}
            assert fields <= KNOWN, (name, language, fields - KNOWN)
    assert set(INTENT_ANGLES) <= set(PATTERNS)
    assert set(OPENING.values()) <= set(PATTERNS)
