"""Every loader test runs twice: with libyaml's parser and with PyYAML's pure-Python one.

A fresh machine may have either (PyYAML wheels bundle libyaml; a source build may not), and the
two stop at different limits and word their errors differently; the product must not.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from generator.load import yamlsource

PARSERS = [p for p in (yamlsource.C_PARSER, yamlsource.PYTHON_PARSER) if p is not None]


def _name(parser: object) -> str:
    return "libyaml" if parser is yamlsource.C_PARSER else "python"


@pytest.fixture(autouse=True, scope="module", params=PARSERS, ids=_name)
def yaml_parser(request: pytest.FixtureRequest) -> Iterator[object]:
    """Module-scoped so hypothesis tests may use it (they refuse function-scoped fixtures)."""
    saved = yamlsource.PARSER
    yamlsource.PARSER = request.param
    try:
        yield request.param
    finally:
        yamlsource.PARSER = saved
