"""The output folder and the project's inputs: a build service below the orchestration.

`generator.builder.site` (the atomic build), `playbook merge` and the MkDocs plugin (a plain
`mkdocs build -d plans`) all refuse an output folder that would replace or enter an input; this
module decides it for all three without importing any of them, so the adapters depend on it alone.
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.builder.cache import PACKAGE, THEME, cache_dir
from generator.errors import UserError

ROOT = Path(__file__).resolve().parents[2]


def find_config(start: Path | None = None) -> Path:
    """mkdocs.yml of the project: in the working folder, else the one shipped beside the package."""
    for folder in (start or Path.cwd(), ROOT):
        candidate = folder / "mkdocs.yml"
        if candidate.is_file():
            return candidate
    raise UserError("no mkdocs.yml in this folder; run playbook build from the project folder")


def docs_dir_of(config_path: Path) -> str:
    """The docs_dir mkdocs.yml names (MkDocs' default `docs` otherwise), read without loading MkDocs.

    Only the build cache uses it, to know which folder of hand-written pages to hash; the
    config file's own bytes are in the key too, so a different docs_dir is a different key.
    """
    match = re.search(r"^docs_dir:\s*['\"]?([^'\"#\n]+?)['\"]?\s*(?:#.*)?$", config_path.read_text("utf-8"), re.M)
    return match.group(1) if match else "docs"


def _custom_dir_of(config_path: Path) -> Path | None:
    """The theme's custom_dir mkdocs.yml names (Material overrides), read like `docs_dir_of`."""
    match = re.search(r"^\s+custom_dir:\s*['\"]?([^'\"#\n]+?)['\"]?\s*(?:#.*)?$", config_path.read_text("utf-8"), re.M)
    return config_path.parent.resolve() / match.group(1) if match else None


def _overlaps(a: Path, b: Path) -> bool:
    return a == b or a.is_relative_to(b) or b.is_relative_to(a)


def project_inputs(project: Path, config_path: Path | None, plans: Path) -> dict[Path, str]:
    """Every input of a build (resolved path → what it is), which no output may replace or enter.

    The plans folder, mkdocs.yml, its docs_dir and theme overrides, playbook's own templates and
    code, and the build cache.
    """
    inputs: dict[Path, str] = {
        plans.resolve(): "the plans folder",
        THEME.resolve(): "playbook's templates",
        PACKAGE.resolve(): "playbook's code",
        cache_dir(project).resolve(): "the build cache",
    }
    if config_path is not None and config_path.is_file():
        inputs[config_path.resolve()] = "the MkDocs configuration"
        inputs[(project / docs_dir_of(config_path)).resolve()] = "the hand-written pages (docs_dir)"
        custom = _custom_dir_of(config_path)
        if custom is not None:
            inputs[custom.resolve()] = "the theme overrides (custom_dir)"
    return inputs


def check_output_folder(site_dir: Path, *, project: Path, config_path: Path, plans: Path) -> None:
    """Refuse an output folder that would replace (or be written inside) an input, before touching disk.

    The build replaces `site_dir` as a whole, so `--site-dir plans` (or content, theme, the
    project, a parent of any of them) would delete the consultant's work. Any other folder that
    already exists with files in it is replaced only when it looks like a site playbook built
    (an `index.html` at its top): `--site-dir Documents` by mistake loses nothing.
    """
    inputs = project_inputs(project, config_path, plans)
    if site_dir == project or project.is_relative_to(site_dir):
        raise UserError(f"--site-dir {site_dir}: would replace the project folder; choose an output folder")
    for path, what in inputs.items():
        if _overlaps(site_dir, path):
            where = "inside" if site_dir.is_relative_to(path) and site_dir != path else "over"
            raise UserError(
                f"--site-dir {site_dir}: the site would be written {where} {what} ({path}); "
                "choose an output folder that holds no input, e.g. site"
            )
    if site_dir.exists() and not site_dir.is_dir():
        raise UserError(f"--site-dir {site_dir}: is a file, not a folder; choose an output folder")
    if site_dir.is_dir() and any(site_dir.iterdir()) and not (site_dir / "index.html").is_file():
        raise UserError(
            f"--site-dir {site_dir}: this folder holds files and is not a site playbook built "
            "(no index.html); the build would replace it. Choose a new or empty folder"
        )


def check_review_folder(review_dir: Path, site_dir: Path) -> None:
    """Refuse a review folder inside the site (or holding it): the review copy is unencrypted and must
    never be uploaded with the site, nor replace it."""
    review, site = review_dir.resolve(), site_dir.resolve()
    if _overlaps(review, site):
        where = "is" if review == site else ("is inside" if review.is_relative_to(site) else "holds")
        raise UserError(
            f"--review {review_dir}: {where} the site folder ({site}); the review copy is not encrypted and "
            "must stay out of what you publish: choose a folder outside it, e.g. review"
        )
