"""The built-in advice (generator/advice/ru.yaml, en.yaml): every catalogue tool and practice, both languages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from generator.advice import BOOKS, FOLDER, expected_tools, load_book, practice_advice, tool_advice
from generator.catalogue import FAMILIES, LANGUAGES, PRACTICES
from generator.errors import InternalError


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_catalogue_tool_and_practice_has_advice(language: str) -> None:
    book = BOOKS[language]
    assert list(book.tools) == [f"{f}.{t}" for f, fam in FAMILIES.items() for t in fam.tools]
    assert "online.ads" in book.tools
    assert list(book.practices) == list(PRACTICES)
    for advice in [*book.tools.values(), *book.practices.values()]:
        assert advice.absent != advice.partial and advice.why and advice.tools


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("section", ["tools", "practices"])
def test_a_missing_entry_fails_loudly(tmp_path: Path, language: str, section: str) -> None:
    data = yaml.safe_load((FOLDER / f"{language}.yaml").read_text("utf-8"))
    removed = next(iter(data[section]))
    del data[section][removed]
    path = tmp_path / f"{language}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(InternalError, match=re.escape(removed)):
        load_book(path)


def test_an_entry_without_typical_tools_fails(tmp_path: Path) -> None:
    data = yaml.safe_load((FOLDER / "en.yaml").read_text("utf-8"))
    data["tools"]["sales.crm"]["tools"] = []
    path = tmp_path / "en.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(InternalError, match=r"sales\.crm"):
        load_book(path)


def test_each_language_file_is_written_in_its_language() -> None:
    cyrillic = re.compile(r"[а-яё]", re.I)
    for key in expected_tools():
        family, tool = key.split(".")
        ru, en = tool_advice(family, tool, "ru"), tool_advice(family, tool, "en")
        assert ru is not None and en is not None
        for text in (ru.absent, ru.partial, ru.why):
            assert cyrillic.search(text), key
        for text in (en.absent, en.partial, en.why):
            assert not cyrillic.search(text), key
    assert practice_advice("crm", "ru").why != practice_advice("crm", "en").why


def test_the_contract_s_examples_of_typical_tools() -> None:
    crm = tool_advice("sales", "crm", "ru")
    analytics = tool_advice("analytics", "web_analytics", "ru")
    messengers = tool_advice("mobile", "messengers", "ru")
    assert crm is not None and {"Битрикс24", "amoCRM"} <= set(crm.tools)
    assert analytics is not None and {"Яндекс Метрика", "Google Analytics"} <= set(analytics.tools)
    assert messengers is not None and {"Telegram", "WhatsApp Business"} <= set(messengers.tools)
    assert tool_advice("it", "custom-thing", "en") is None  # custom tools have no default
