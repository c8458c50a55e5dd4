"""`playbook new`: a commented starter plan that walks the eight steps.

The starter passes `playbook check` as written (only `business.name` is set); every other
step is a commented example to uncomment and fill in. It never overwrites a file.
"""

from __future__ import annotations

import os
import re
from importlib import resources
from pathlib import Path
from string import Template

from generator.errors import UserError
from generator.model import SLUG_PATTERN


def render_starter(slug: str, language: str) -> str:
    """The starter plan text for `slug` in `language` (ru or en)."""
    text = resources.files(__package__).joinpath(f"{language}.yaml").read_text(encoding="utf-8")
    name = slug.replace("-", " ").title()
    return Template(text).substitute(slug=slug, name=name, password_env=password_env_name(slug))


def password_env_name(slug: str) -> str:
    """The suggested password variable of a private playbook: PLAYBOOK_PASSWORD_<SLUG>, the form GitHub
    accepts as a secret's name (letters, digits and underscores)."""
    return "PLAYBOOK_PASSWORD_" + slug.upper().replace("-", "_")


def new_plan_path(slug: str, folder: Path) -> Path:
    """`folder/<slug>.yaml` for a new client; refuse an invalid slug or an existing file."""
    if not re.match(SLUG_PATTERN, slug):
        raise UserError(f"'{slug}' is not a valid client slug; use lowercase letters, digits and '-', e.g. 'kolosok'")
    path = folder / f"{slug}.yaml"
    if path.exists():
        raise UserError(f"{path} already exists; playbook new never overwrites a plan")
    return path


def write_new_plan(path: Path, text: str) -> Path:
    """Write a new plan file, never over one: O_EXCL, so even a file created between the check and
    the write is not overwritten."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        raise UserError(f"{path} already exists; playbook new never overwrites a plan") from None
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    return path


def write_starter(slug: str, *, language: str, folder: Path) -> Path:
    """Write `folder/<slug>.yaml`; refuse an invalid slug or an existing file."""
    return write_new_plan(new_plan_path(slug, folder), render_starter(slug, language))
