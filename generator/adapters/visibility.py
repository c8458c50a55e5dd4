"""Visibility in the MkDocs site: what the playbook plugin does with `publish.visibility` (contract v2).

The decisions live in `generator.builder.publish`; this module applies them to MkDocs' pages and
output files:

- every page of an unlisted or private client gets `robots: noindex` in its meta, which the
  Material override `theme/overrides/main.html` writes as `<meta name="robots" content="noindex">`;
- a private client's pages get the password for `mkdocs-encryptcontent-plugin` (which encrypts
  their HTML with AES-256 and decrypts it in the browser) and titles free of plan text (the
  page's kind, or the slug), no description and no table of contents outside the encrypted part;
- in a portfolio, a page shows its own client's navigation only (the home page lists the public
  clients), so an unlisted client's name is on none of the other pages, no "next" link leads to it,
  and a page's size does not grow with the portfolio;
- after the build, unlisted and private clients leave the sitemap and the shared search index.

The encryption plugin is configured from here so that a project's mkdocs.yml cannot leak by
accident: it must come after `search` and `playbook`, never writes its key cache (which would
hold the password) and drops encrypted pages from the shared search index.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

from generator.builder.clients import Client
from generator.builder.publish import KDF_ITERATIONS, PRIVATE, PUBLIC
from generator.builder.shards import gzip_mtime, sitemap_gzip
from generator.draw.markup import escape_text
from generator.present.pages import PAGES, Labels

ENCRYPT_PLUGIN = "encryptcontent"
CLIENT_PAGES_DIR = "clients"
NOINDEX = "noindex"
_PRIVATE_MARK = "_playbook_private"  # attribute set on a page object (never in its meta, never rendered)
_URL_RE = re.compile(r"\s*<url>.*?</url>", re.S)
_LOC_RE = re.compile(r"<loc>(.*?)</loc>", re.S)
# The decryption form's words, per language (the plugin picks them by `i18n_page_locale`).
FORM_LABELS = {
    "summary": "site.private.summary",
    "placeholder": "site.private.placeholder",
    "password_button_text": "site.private.button",
    "decryption_failure_message": "site.private.failure",
    "encryption_info_message": "site.private.info",
}


def configure_encryption(config: MkDocsConfig, clients: Iterable[Client], language: str) -> None:
    """Check and set the encryption plugin's options; a private client without it is an error."""
    names = list(config.plugins.keys())
    if ENCRYPT_PLUGIN not in names:
        if not any(c.visibility == PRIVATE for c in clients):
            return
        config.plugins[ENCRYPT_PLUGIN] = _encryption_plugin(config)
        names.append(ENCRYPT_PLUGIN)
    position = names.index(ENCRYPT_PLUGIN)
    if any(names.index(n) > position for n in ("search", "playbook") if n in names):
        raise PluginError(f"playbook: in mkdocs.yml, list {ENCRYPT_PLUGIN} after search and playbook under plugins:")
    options = config.plugins[ENCRYPT_PLUGIN].config
    # The plugin lists the pages it encrypted in a dict shared by the whole process, and drops their search
    # entries in every later build (a `mkdocs serve` session after a client went public, in-process builds):
    # each build starts with none.
    getattr(config.plugins[ENCRYPT_PLUGIN], "setup", {}).pop("locations", None)
    options["cache_file"] = ""  # its key cache is a YAML file keyed by the password itself
    options["search_index"] = "encrypted"  # encrypted pages leave the shared search index
    options["remember_password"] = False  # the derived key stays for the session; the password is never stored
    options["sharelinks"] = False  # share links carry the password in the URL
    options["global_password"] = None
    options["password_inventory"] = {}
    options["password_file"] = None
    options["title_prefix"] = ""
    options["password_button"] = True
    options["translations"] = {
        lang: {option: Labels(lang)[key] for option, key in FORM_LABELS.items()} for lang in ("ru", "en")
    }
    for option, key in FORM_LABELS.items():
        options[option] = Labels(language)[key]


def set_kdf_iterations(config: MkDocsConfig) -> None:
    """PBKDF2 rounds at today's guidance (`publish.KDF_ITERATIONS`, 600 000) instead of the plugin's
    100 000, for the key it derives once per password in a build and the browser derives to read.

    The plugin takes only a power of ten (`kdf_pow`) and sets its rounds in its own `on_config`,
    after playbook's: so they are set here, from `on_files`, with its in-process key cache emptied
    when it was made with other rounds (as the plugin itself does)."""
    plugin = config.plugins.get(ENCRYPT_PLUGIN)
    setup = getattr(plugin, "setup", None)
    if not isinstance(setup, dict) or "kdf_iterations" not in setup:
        return
    setup["kdf_iterations"] = KDF_ITERATIONS
    cache = setup.get("cache")
    if isinstance(cache, dict) and cache.get("kdf_iterations") != KDF_ITERATIONS:
        setup["cache"] = {"userpass": {}, "password": {}, "obfuscate": {}, "kdf_iterations": KDF_ITERATIONS}
        for store in ("keystore_password", "keystore_userpass", "keystore_obfuscate"):
            setup[store] = {}


def _encryption_plugin(config: MkDocsConfig) -> Any:
    """The encryption plugin, loaded for a build with a private client only: importing it (and the
    crypto and HTML libraries it needs) costs a tenth of a second that other builds need not pay.

    Added from playbook's `on_config`, it comes after every plugin of mkdocs.yml, as it must (after
    search and playbook), and MkDocs runs its `on_config` right after playbook's, like a listed plugin."""
    from encryptcontent.plugin import encryptContentPlugin

    plugin = encryptContentPlugin()
    errors, _ = plugin.load_config({}, config.config_file_path)
    if errors:  # pragma: no cover - empty options, set below
        raise PluginError(f"playbook: the {ENCRYPT_PLUGIN} plugin refused its options: {errors}")
    return plugin


def listed_clients(
    clients: list[Client], passwords: dict[str, str], per_client: bool
) -> tuple[list[Client], str | None]:
    """The clients the home page lists, and the password to encrypt it with (or None).

    A portfolio lists its public clients. A site built for chosen clients (`--client`) is theirs and
    lists them, but a private client only on a site of its own, whose home is then encrypted with
    its password (a home shared by several clients cannot be)."""
    if not per_client:
        return [c for c in clients if c.visibility == PUBLIC], None
    if len(clients) == 1 and clients[0].visibility == PRIVATE:
        return list(clients), passwords.get(clients[0].slug)
    # a private client without a password is in the review copy (`build --review`): nothing is encrypted there
    return [c for c in clients if c.visibility != PRIVATE or c.slug not in passwords], None


def client_label(client: Client) -> Markup:
    """How the navigation and a one-client site's name show a client: its name; a private client's slug.

    Escaped once, as Markup, so MkDocs' templates do not escape it a second time."""
    if client.visibility == PRIVATE:
        return escape_text(client.slug)
    return escape_text(client.name)


def _plain_title(page: Page, slug: str) -> str:
    """A private page's title without plan text: the kind of page (a label), or the slug."""
    parts = page.file.src_uri.removesuffix(".md").split("/")
    stem = parts[-1]
    if parts[0] == slug and stem != "index":
        key = next((key for s, key, _ in PAGES if s == stem), None)
        if key is not None:
            return Labels(page.meta.get("language", "en"))[key]
    if parts[0] == CLIENT_PAGES_DIR and stem != "index":
        return stem.replace("-", " ").capitalize()  # the file name, as readable as the URL already is
    return slug


def mark_client_page(page: Page, level: str, password: str | None, slug: str) -> None:
    """Give a client's page its visibility: noindex, and for a private client the password and a plain title."""
    if level == PUBLIC:
        return
    page.meta["robots"] = NOINDEX
    if level == PRIVATE and password:
        _encrypt(page, password, _plain_title(page, slug))


def review_copy(page: Page, markdown: str) -> str:
    """A page of the consultant's review copy (`playbook build --review`): never indexed, and marked
    at its top in the page's language, so a screenshot or a forwarded page says what it is."""
    page.meta["robots"] = NOINDEX
    text = Labels(str(page.meta.get("language") or "en"))["review.banner"]
    return f'<p class="pb-review" role="note"><strong>{escape_text(text)}</strong></p>\n\n{markdown}'


def mark_home(page: Page, listed: list[Client], password: str | None) -> None:
    """The home page: noindex when it lists an unlisted or private client (a per-client build), encrypted
    when it lists a private one (a site of that client alone)."""
    if any(c.visibility != PUBLIC for c in listed):
        page.meta["robots"] = NOINDEX
    if password:
        _encrypt(page, password, listed[0].slug)


def _encrypt(page: Page, password: str, title: str) -> None:
    page.meta["password"] = password  # read and removed from the meta by the encryption plugin
    page.meta["title"] = title
    page.meta.pop("description", None)  # the site's description instead of one naming the client
    setattr(page, _PRIVATE_MARK, True)


def is_private(page: Page) -> bool:
    return bool(getattr(page, _PRIVATE_MARK, False))


def hide_private_toc(page: Page) -> None:
    """A private page's headings are plan text: no table of contents outside the encrypted content."""
    if is_private(page):
        page.toc = TableOfContents([])


def encryption_context(context: Any, page: Page) -> Any:
    """The decryption form in the page's language (the plugin reads `i18n_page_locale`)."""
    if is_private(page):
        context["i18n_page_locale"] = page.meta.get("language", "en")
    return context


def _slug_of(item: Any) -> str | None:
    """The client a top-level navigation item belongs to (its first page's folder), if any."""
    pages = [item] if isinstance(item, Page) else []
    stack = list(getattr(item, "children", None) or [])
    while stack and not pages:
        child = stack.pop(0)
        if isinstance(child, Page):
            pages.append(child)
        else:
            stack.extend(getattr(child, "children", None) or [])
    if not pages:
        return None
    parts = pages[0].file.src_uri.split("/")
    return parts[1] if parts[0] == CLIENT_PAGES_DIR and len(parts) > 2 else parts[0] if len(parts) > 1 else None


class NavigationScope:
    """The navigation each page shows: a client's section only on that client's own pages.

    In a portfolio every client is `scoped`: a client's page carries the home link, its own client's
    pages and the method pages, never the other clients (so a page's size does not grow with the
    portfolio, and an unlisted client's name is on no other page); the home page lists the clients.
    A site built for chosen clients (`--client`) scopes only its unlisted and private ones, if any.
    One filtered `Navigation` per viewer (None: a page of no scoped client), made once a build."""

    def __init__(self, nav: Navigation, scoped: set[str]) -> None:
        self.nav = nav
        self.scoped = scoped
        self._views: dict[str | None, Navigation] = {}
        self._index: dict[int, int] = {}  # id(page) → position in the navigation's pages

    def view(self, owner: str | None) -> Navigation:
        """The navigation for a page of `owner` (None: a page of no scoped client)."""
        key = owner if owner in self.scoped else None
        if key not in self._views:
            items = [i for i in self.nav.items if (s := _slug_of(i)) is None or s not in self.scoped or s == key]
            self._views[key] = Navigation(items, self.nav.pages)
        return self._views[key]

    def apply(self, context: Any, page: Page, owner: str | None) -> None:
        """Give the page its navigation and previous/next links that stay out of other clients' pages."""
        if not self.scoped:
            return
        context["nav"] = self.view(owner)
        allowed = {None, owner}

        def visible(other: Any) -> bool:
            return other is None or _slug_of(other) not in self.scoped or _slug_of(other) in allowed

        pages = self.nav.pages
        if not self._index:
            self._index = {id(p): i for i, p in enumerate(pages)}
        at = self._index.get(id(page))
        if at is not None:
            if not visible(page.previous_page):
                page.previous_page = next((p for p in reversed(pages[:at]) if visible(p)), None)
            if not visible(page.next_page):
                page.next_page = next((p for p in pages[at + 1 :] if visible(p)), None)


def hidden_prefixes(clients: Iterable[Client]) -> list[str]:
    """Site paths of these clients' pages, extra pages and feeds, for those that are not public."""
    prefixes: list[str] = []
    for client in clients:
        if client.visibility == PUBLIC:
            continue
        prefixes += [f"{client.slug}/", f"{CLIENT_PAGES_DIR}/{client.slug}/"]
        if client.feed_folder and client.feed_folder != client.slug:
            prefixes.append(f"{client.feed_folder}/")
    return prefixes


def _relative(loc: str, base: str) -> str:
    path = urlsplit(loc).path
    return path[len(base) :] if path.startswith(base) else path.lstrip("/")


def prune_sitemap(site: Path, prefixes: list[str], base: str, drop_home: bool) -> None:
    """Remove the sitemap's entries under `prefixes` (and the home page when `drop_home`); rewrite the .gz."""
    sitemap = site / "sitemap.xml"
    if not sitemap.is_file():
        return
    text = sitemap.read_text("utf-8")

    def keep(match: re.Match[str]) -> str:
        loc = _LOC_RE.search(match.group(0))
        rel = _relative(loc.group(1).strip(), base) if loc else ""
        if any(rel.startswith(p) for p in prefixes) or (drop_home and rel in ("", "index.html")):
            return ""
        return match.group(0)

    pruned = _URL_RE.sub(keep, text)
    if pruned == text:
        return  # nothing to hide: MkDocs' own files stay as written
    text = pruned
    sitemap.write_text(text, "utf-8")
    packed = site / "sitemap.xml.gz"
    if packed.exists():
        # MkDocs' own timestamp (the day's) kept: the same bytes whether or not this shard had a client to hide
        packed.write_bytes(sitemap_gzip(text, gzip_mtime(packed.read_bytes())))


def prune_search(site: Path, prefixes: list[str]) -> None:
    """Remove the shared search index's entries under `prefixes`."""
    index = site / "search" / "search_index.json"
    if not prefixes or not index.is_file():
        return
    data = json.loads(index.read_text("utf-8"))
    data["docs"] = [d for d in data.get("docs", []) if not any(d.get("location", "").startswith(p) for p in prefixes)]
    index.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), "utf-8")


def prune_unlisted(site: Path, clients: list[Client], *, one_client: bool, site_url: str | None) -> None:
    """Keep unlisted and private clients out of the sitemap and (but for a per-client site's own
    unlisted client) the shared search index."""
    hidden = hidden_prefixes(clients)
    base = urlsplit(site_url or "/").path
    base = base if base.endswith("/") else base + "/"
    prune_sitemap(site, hidden, base, drop_home=one_client and bool(hidden))
    if one_client:
        hidden = hidden_prefixes(c for c in clients if c.visibility == PRIVATE)
    prune_search(site, hidden)


def mark_client_titles(nav: Any, clients: Sequence[Client]) -> None:
    """Client sections are titled with the escaped business name: it is marked as HTML already
    (Markup), so Material's `| e` in attributes (the footer's aria-label) does not escape it twice."""
    names = {str(client_label(c)) for c in clients}
    for item in nav.items:
        if isinstance(item, Section) and item.title in names:
            item.title = Markup(item.title)
