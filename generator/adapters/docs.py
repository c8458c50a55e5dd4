"""The hand-written side of the site (`content/`): where client pages and English pages live, which
links may not leave the project, and the navigation in the method's order.

Pure helpers of the MkDocs adapter (`generator.adapters.mkdocs`), kept apart so the plugin stays
small; only `Files` and `PluginError` come from MkDocs.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from generator.adapters import visibility as vis
from generator.builder.clients import Client, generated_paths
from generator.present.pages import PAGES, Labels

CLIENT_PAGES_DIR = "clients"  # hand-written extra pages of a client: content/clients/<slug>/*.md
ENGLISH_DIR = "en"  # hand-written pages in English live under content/en/
SECTION_ORDER = ("index", "steps", "families", "problems", "glossary", "plan-format", "data")
# the references kept in English on either side of the site (docs/plan-format.md, docs/data.md): each
# under a menu label in its section's language, the non-English side told so at the top
REFERENCES = {"plan-format": "site.nav.plan_reference", "data": "site.nav.data_reference"}


def check_symlinks(docs_dir: Path, root: Path) -> None:
    """A symlink in content/ that leads outside the project would publish a file from elsewhere."""
    root = root.resolve()
    for folder, dirs, files in os.walk(docs_dir):
        for name in [*dirs, *files]:
            path = Path(folder) / name
            if path.is_symlink():
                target = path.resolve()
                if not target.is_relative_to(root):
                    raise PluginError(
                        f"{path}: symlink to {target}, outside the project {root}; "
                        "copy the file into content/ instead, or remove the link"
                    )


def hand_written(docs_dir: Path) -> set[str]:
    """Every file of content/, as a docs-relative POSIX path."""
    return {p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*") if p.is_file() or p.is_symlink()}


def check_generated_paths(docs_dir: Path, clients: list[Client]) -> None:
    """A hand-written file at a path playbook generates would be overwritten (or overwrite it)."""
    existing = hand_written(docs_dir)
    for path, what in generated_paths(clients).items():
        if path in existing:
            raise PluginError(
                f"{docs_dir / path}: this hand-written file has the path of {what}, which playbook generates; "
                "rename or move the hand-written file (a client's extra pages go in "
                f"{docs_dir / CLIENT_PAGES_DIR}/<slug>/)"
            )


def choose_site_language(config: Any, clients: list[Client], one_client: bool) -> tuple[bool, str]:
    """Whether every client speaks one language, and the site's language (of its labels: ru or en).

    A site whose clients all speak one language speaks it too (its home, search box, labels); a
    one-client site also carries the client's name (a private client's slug: no plan text is
    readable without the password)."""
    languages = {c.language for c in clients}
    if len(languages) == 1:
        config.theme["language"] = next(iter(languages))
    if one_client:
        config.site_name = vis.client_label(clients[0])
    return len(languages) == 1, config.theme["language"] if config.theme["language"] in ("ru", "en") else "en"


def page_language(src_uri: str, clients: Sequence[Client], docs_language: str) -> str:
    """The language a hand-written page is written in: content/en/ is English, a client's pages the
    client's, everything else the language mkdocs.yml gives the site."""
    parts = src_uri.split("/")
    if parts[0] == ENGLISH_DIR:
        return "en"
    if parts[0] == CLIENT_PAGES_DIR and len(parts) > 2:
        client = next((c for c in clients if c.slug == parts[1]), None)
        if client:
            return client.language
    return docs_language


def navigation(
    clients: Sequence[Client], files: Files, site_language: str, language_of: Callable[[str], str]
) -> list[Any]:
    """Home, then each client in the method's order (plus its extra pages), then other hand-written pages."""
    home = Labels(site_language)["site.nav.home"]
    nav: list[Any] = [{home: "index.md"}]
    pages = sorted(f.src_uri for f in files.documentation_pages())
    for client in clients:
        labels = Labels(client.language)
        items: list[Any] = [f"{client.slug}/index.md"]
        for stem, key, _ in PAGES[1:]:
            items.append({labels[key]: f"{client.slug}/{stem}.md"})
        prefix = f"{CLIENT_PAGES_DIR}/{client.slug}/"
        items.extend(p for p in pages if p.startswith(prefix))
        nav.append({vis.client_label(client): items})
    generated = {"index.md"} | {p for c in clients for p in c.page_paths}
    rest = [p for p in pages if p not in generated and not p.startswith(f"{CLIENT_PAGES_DIR}/")]
    sections: dict[str, list[str]] = {}
    for path in rest:
        folder = path.rsplit("/", 1)[0] if "/" in path else ""
        sections.setdefault(folder, []).append(path)
    english_last = sorted(sections, key=lambda f: (f.split("/")[0] == ENGLISH_DIR, f))
    for folder in english_last:
        language = language_of(f"{folder}/index.md") if folder else site_language
        entries = [_titled(p, language) for p in sorted(sections[folder], key=_section_key)]
        if not folder:
            nav.extend(entries)
            continue
        last = folder.rsplit("/", 1)[-1]
        if last == "method":
            # the menu speaks the site's language; the method in the other language says which it is
            words = Labels(site_language)
            title = words["nav.method"]
            if language != site_language:
                title = f"{title} {words[f'site.nav.in_{language}']}"
        else:
            title = last.replace("-", " ").capitalize()
        nav.append({title: entries})
    return nav


def _titled(path: str, language: str) -> Any:
    """A nav entry: a reference under a menu label in its section's language (its heading is English on
    both sides of the site); any other page under its own title."""
    key = REFERENCES.get(_stem(path))
    return {Labels(language)[key]: path} if key else path


def reference_note(markdown: str, src_uri: str, language: str) -> str:
    """A reference on a non-English side of the site says at its top, in that language, that it is
    kept in English (the file is docs/<name>.md itself, so the note is added here)."""
    if _stem(src_uri) not in REFERENCES or language == "en":
        return markdown
    note = Labels(language)[f"site.reference.language_note.{_stem(src_uri)}"]
    return f'<div class="admonition info" lang="{language}"><p>{note}</p></div>\n\n{markdown}' if note else markdown


def _stem(path: str) -> str:
    return path.rsplit("/", 1)[-1].removesuffix(".md")


def _section_key(path: str) -> tuple[int, str]:
    stem = path.rsplit("/", 1)[-1].removesuffix(".md")
    return (SECTION_ORDER.index(stem) if stem in SECTION_ORDER else len(SECTION_ORDER), path)
