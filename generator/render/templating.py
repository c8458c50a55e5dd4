"""The one Jinja environment of the project.

Templates hold layout only; values are prepared in the renderer's context function. One
cached environment per kind of output: HTML templates (`*.j2.html`, PDF) autoescape, and
Markdown page templates (`*.j2.md`, site) do not, since their values are escaped explicitly
with `generator.draw.markup`. `StrictUndefined` makes a missing value a bug, not a blank.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import jinja2

from generator.draw.markup import escape_text, render_inline, render_markdown
from generator.errors import UserError

THEME = Path(__file__).resolve().parents[2] / "theme"
THEME_PARTS = ("pages", "pdf")


def check_theme() -> None:
    """playbook's own templates must be there before any page or PDF is attempted: a missing
    theme/ folder (a partial copy of the project) is a clear error, not a crash mid-build."""
    missing = [part for part in THEME_PARTS if not (THEME / part).is_dir()]
    if missing:
        raise UserError(
            f"{THEME}: playbook's theme folder is missing or incomplete (no {', '.join(m + '/' for m in missing)}); "
            "restore theme/ from the repository or reinstall playbook"
        )


@lru_cache(maxsize=2)
def environment(kind: str) -> jinja2.Environment:
    """`kind` is "html" (autoescaped) or "md" (Markdown pages).

    Views hold plan Markdown raw and plain text unescaped (`generator.present.audit`): the filters
    `inline` and `markdown` sanitise the one, `text` escapes the other for a Markdown page."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(THEME)),
        undefined=jinja2.StrictUndefined,
        autoescape=(kind == "html"),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # compiled templates kept between processes (a private folder of the user's temp dir, keyed by
        # each template's source): compiling them took a fifth of a second in every build and worker
        bytecode_cache=jinja2.FileSystemBytecodeCache(),
    )
    env.filters.update(inline=render_inline, markdown=render_markdown, text=escape_text)
    return env


def render_template(name: str, **context: object) -> str:
    """Render `theme/<name>`; the kind of escaping follows the file's extension."""
    kind = "html" if name.endswith(".html") else "md"
    return environment(kind).get_template(name).render(**context)
