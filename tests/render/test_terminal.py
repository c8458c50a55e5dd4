"""generator.render.terminal: control characters go, text and line breaks stay; JSON keeps the data."""

from __future__ import annotations

import json

from generator.render.terminal import printable, printable_json


def test_printable_strips_escape_sequences_and_keeps_text() -> None:
    text = "Кафе\x1b]52;c;eA==\x07 «Утро»\x1b[2J\tдом\n\x9b31m\u202eexe"
    assert printable(text) == "Кафе]52;c;eA== «Утро»[2J\tдом\n31mexe"


def test_printable_json_is_the_same_data_with_escapes() -> None:
    data = {"name": "A\x1b[2J\x9b\u202eB", "note": "без изменений"}
    text = printable_json(json.dumps(data, ensure_ascii=False))
    assert "\x1b" not in text and "\x9b" not in text and "\u202e" not in text
    assert "без изменений" in text
    assert json.loads(text) == data
