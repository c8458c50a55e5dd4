"""The MkDocs adapter: the only module that imports MkDocs.

It feeds MkDocs what the pure core produces: plain `mkdocs build` and `serve` build the whole playbook.

- `on_config` takes every client from the cache or the plan stream's worker (foreseen from a quick
  read of its plan, settled as MkDocs reads its pages: `generator.builder.supply`; the problems of
  all plans reported together, nothing written), checks content/ (symlinks out of the project,
  hand-written pages at generated paths), and sets the site's language;
- `on_files` adds the generated pages (their Markdown comes in `on_page_read_source`, the home
  page's last) and calendar files, drops other clients' hand-written pages, and writes the
  navigation in the method's order;
- `on_page_markdown` gives pages their language and a client's pages their visibility;
- `on_post_build` writes the calendar files, collects the PDF audits and keeps unlisted and private
  clients out of the sitemap and the shared search index (`generator.adapters.visibility`);
- `on_serve` watches `plans/` (nothing is written inside a watched folder: no rebuild loop).
"""

from __future__ import annotations

import functools
import logging
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from generator.adapters import visibility as vis
from generator.adapters.calendarfiles import add_calendar_files, finish_clients
from generator.adapters.docs import (
    CLIENT_PAGES_DIR,
    check_generated_paths,
    check_symlinks,
    choose_site_language,
    navigation,
    page_language,
    reference_note,
)
from generator.adapters.preview import Preview, quiet_dirty_warning
from generator.adapters.sharding import shard_files
from generator.adapters.support import (
    PlanErrors,
    ReadLast,
    background_reporter,
    check_output_folder,
    disk_errors_reported,
    passwords_and_notes,
    plan_problems_reported,
    resolve_today,
)
from generator.builder.cache import ClientCache, PdfCache, cache_dir
from generator.builder.clients import Client, chosen_clients, load_clients
from generator.builder.pdfs import start_audits
from generator.builder.progress import BuildProgress
from generator.builder.publish import site_secret
from generator.builder.shards import build_shard
from generator.builder.stream import BuildSession, Stream, preload
from generator.builder.supply import ClientSupply
from generator.errors import PlanError, UserError
from generator.present.branding import Branding, brand_meta, branding_from, merged
from generator.render.home import render_home
from generator.render.templating import THEME, check_theme
from generator.render.terminal import printable
from generator.workers import sigint_deferred

if TYPE_CHECKING:  # MkDocs' server (and its file watcher) is imported by `mkdocs serve` alone
    from mkdocs.livereload import LiveReloadServer

log = logging.getLogger("mkdocs.plugins.playbook")


class PlaybookConfig(Config):
    """Options of the `playbook` plugin in mkdocs.yml."""

    plans = config_options.Type(str, default="plans")
    clients = config_options.ListOfItems(config_options.Type(str), default=[])
    today = config_options.Type(str, default="")
    pdf = config_options.Type(bool, default=True)
    cache = config_options.Type(bool, default=True)  # reuse unchanged PDFs (see generator.builder.cache)
    shard = config_options.Type(str, default="")  # "K/N": render shard K's clients only (generator.builder.shards)
    review = config_options.Type(bool, default=False)  # the review copy: unencrypted, marked (playbook build --review)


class PlaybookPlugin(BasePlugin[PlaybookConfig]):
    """Generates each client's playbook pages, calendar files and PDF audit from plans/."""

    def __init__(self) -> None:
        self.clients: list[Client] = []
        self.built: list[Client] = []  # the clients whose pages, files and PDFs this build renders (a shard's own)
        self.errors: list[PlanError] = []
        self.today: date = date.today()
        self.root: Path = Path.cwd()
        self.plans_dir: Path = Path("plans")
        self.site_language = "ru"
        self.docs_language = "ru"
        self.one_language = False
        self._pdfs: Any = None  # generator.builder.pdfs.PdfBatch while the PDF audits render
        self.supply = ClientSupply([], None)  # the clients' pages and files, as their worker renders them
        self._read_last = ReadLast()
        self._background: Any = None  # under mkdocs serve: the previous build's PDFs, still rendering
        self._generation = 0  # preview builds started; a stale build's PDFs do not report "ready"
        self.serving = False
        self.preview: Preview | None = None  # under `mkdocs serve --dirty`: rebuild what a change touched
        self._generated: set[str] = set()  # src_uri of the pages this plugin generates
        # slug → password of each private client, from the environment: never logged, cached or written
        self.passwords: dict[str, str] = {}
        self.brand = Branding()  # the portfolio's, from mkdocs.yml extra.playbook
        self.home_password: str | None = None  # a one-client site of a private client: its home is encrypted too
        self._listed: list[Client] = []  # the clients the home page lists
        self._by_slug: dict[str, Client] = {}
        self._scope: Any = None  # generator.adapters.visibility.NavigationScope of this build
        self.progress = BuildProgress(None)  # a `playbook build`'s display; silent under plain mkdocs
        self.session: BuildSession | None = None  # a `playbook build`'s worker and stream, started early

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Defining this keeps one plugin instance across `mkdocs serve` rebuilds (MkDocs' rule),
        which is how the preview's PDFs still rendering are known to the next rebuild."""
        self.serving = command == "serve"
        if self.serving and dirty:
            self.preview = Preview()
            quiet_dirty_warning()

    def selected_clients(self) -> list[str]:
        """The clients of this site (`chosen_clients`: with `make serve CLIENT=kolosok` a preview of the
        plan being edited rebuilds in a moment), or all."""
        return chosen_clients(list(self.config.clients))

    @disk_errors_reported
    @plan_problems_reported
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.root = Path(config.config_file_path or "mkdocs.yml").resolve().parent
        plans = Path(self.config.plans)
        self.plans_dir = plans if plans.is_absolute() else self.root / plans
        self.today = resolve_today(self.config.today)
        self.errors = []
        try:
            check_theme()
            # Plain `mkdocs build -d plans` would empty the plans folder just as `playbook build` would.
            check_output_folder(Path(config.site_dir).resolve(), self.root, config, self.plans_dir)
        except UserError as exc:
            raise PluginError(printable(f"playbook: {exc}")) from None
        try:
            store = ClientCache(cache_dir(self.root)) if self.config.cache else None
            streams: list[Stream] = []

            def start(paths: list[Path], rendered: set[Path]) -> Stream:
                session, self.session = self.session or BuildSession(), None  # `playbook build` started it
                with sigint_deferred():  # a worker may be forked here
                    streams.append(session.take(paths, self.today, site_secret(), rendered))
                return streams[-1]

            shard = build_shard(self.config.shard, self.selected_clients())
            self.clients = load_clients(
                self.plans_dir,
                self.selected_clients(),
                self.today,
                store,
                secret=site_secret(),
                progress=self.progress,
                stream=start,  # pages come while MkDocs reads them (on_page_read_source)
                render=shard.owns if shard else None,  # a shard renders its own clients only
            )
            self.built = [c for c in self.clients if shard is None or shard.owns(c.slug)]
            loaded, stream = functools.partial(self.progress.advance, "plans"), streams[0] if streams else None
            self.supply = ClientSupply(self.clients, stream, loaded)
            self.brand = branding_from(config.extra)
            self.passwords, lines = passwords_and_notes(self.clients, self.built, self.brand, self.config.review)
            for line in lines:
                log.info(line)  # on the console, without failing `mkdocs build --strict`
            self._by_slug = {c.slug: c for c in self.clients}
        except UserError as exc:
            raise PluginError(printable(f"playbook: {exc}")) from None
        docs_dir = Path(config.docs_dir)
        check_symlinks(docs_dir, self.root)
        check_generated_paths(docs_dir, self.clients)
        self.docs_language = config.theme["language"]
        one_client = bool(self.selected_clients()) and len(self.clients) == 1
        self.one_language, self.site_language = choose_site_language(config, self.clients, one_client)
        vis.configure_encryption(config, self.clients, self.site_language)
        return config

    # files and navigation -----------------------------------------------------------------------

    @disk_errors_reported
    @plan_problems_reported
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        vis.set_kdf_iterations(config)  # after the encryption plugin's on_config, which sets its own
        selected = {c.slug for c in self.built}
        # A site whose clients all speak one language keeps the method pages in that language only
        # (a Russian portfolio had both a "Метод" and a "Method" tab).
        single = bool(self.selected_clients()) or self.one_language
        for file in list(files):
            if not file.src_uri.endswith(".md") and not file.src_uri.startswith(f"{CLIENT_PAGES_DIR}/"):
                continue
            parts = file.src_uri.split("/")
            if parts[0] == CLIENT_PAGES_DIR and (len(parts) < 3 or parts[1] not in selected):
                # Only a built client's own folder (content/clients/<slug>/) goes in: another
                # client's pages, or a file loose in content/clients/, never reach this site.
                files.remove(file)
                if len(parts) < 3:
                    log.warning(
                        f"playbook: {CLIENT_PAGES_DIR}/{parts[-1]} belongs to no client and is not published; "
                        f"move it into {CLIENT_PAGES_DIR}/<slug>/"
                    )
            elif single and parts[0] != CLIENT_PAGES_DIR and self._language_of(file.src_uri) != self.site_language:
                files.remove(file)  # a one-language site keeps hand-written pages in its own language only
        if self.preview is not None:  # it compares every page with the previous rebuild's
            self.clients, self.built = self.supply.complete(self.clients), self.supply.complete(self.built)
        self._generated = {"index.md"} | {path for c in self.built for path in c.page_paths}
        chosen = bool(self.selected_clients())  # a site of chosen clients lists them all
        self._listed, self.home_password = vis.listed_clients(self.clients, self.passwords, chosen)
        if self.preview is not None:
            pages = self.preview.pages(files, config, self._home(), self.built, self.site_language)
        else:  # the home page's Markdown comes when MkDocs reads it, last (`ReadLast`)
            pages = [File.generated(config, "index.md", content="")]
            pages += [File.generated(config, path, content="") for c in self.built for path in c.page_paths]
        from generator.draw.charts import CHART_CSS

        files.append(pages[0])
        files.append(File.generated(config, "assets/stylesheets/charts.css", content=CHART_CSS))
        for page in pages[1:]:
            files.append(page)
        add_calendar_files(files, config, self.built)
        config.nav = navigation(self.built, files, self.site_language, self._language_of)
        self._start_pdfs(config)
        return shard_files(files, config, self.clients, self.built)  # other shards' pages as links only; client order

    # visibility ---------------------------------------------------------------------------------

    def _owner(self, src_uri: str) -> Client | None:
        """The client a page belongs to: its generated pages `<slug>/…` and hand-written `clients/<slug>/…`."""
        parts = src_uri.split("/")
        slug = parts[1] if parts[0] == CLIENT_PAGES_DIR and len(parts) > 2 else parts[0] if len(parts) > 1 else ""
        return self._by_slug.get(slug) if slug else None

    def _language_of(self, src_uri: str) -> str:
        return page_language(src_uri, self.clients, self.docs_language)

    # pages --------------------------------------------------------------------------------------

    @plan_problems_reported
    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        """A generated page's Markdown, from its client's pages (waiting for them if still rendering)."""
        if page.file.src_uri == "index.md":
            return self._home()
        return self.supply.markdown(page.file.src_uri) if page.file.src_uri in self._generated else None

    def _home(self) -> str:
        """The home page's Markdown: a row for each listed client, as loaded (waiting for every plan)."""
        self.supply.settle_all()
        return render_home([self.supply.settled(c).row for c in self._listed], self.site_language)

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        self.progress.advance("read")
        if "language" not in page.meta:
            page.meta["language"] = self._language_of(page.file.src_uri)
        # The sitemap's <lastmod> is the page's update date, which MkDocs sets to the real build day;
        # it follows --today like every output, so a cached build and a fresh one agree.
        page.update_date = self.today.isoformat()
        markdown = reference_note(markdown, page.file.src_uri, page.meta["language"])
        if page.file.src_uri in self._generated and isinstance(page.meta.get("title"), str):
            # Generated front matter holds titles escaped for HTML (generator.present.site.front_matter):
            # Markup keeps templates from escaping them again, raw or through `| e`.
            page.meta["title"] = Markup(page.meta["title"])
        if page.file.src_uri in self._generated and isinstance(page.meta.get("consultant"), dict):
            # the plan's consultant over the portfolio's in this client's footer (present/branding.py)
            page.meta["playbook_brand"] = brand_meta(merged(self.brand, **page.meta["consultant"]))
        owner = self._owner(page.file.src_uri)
        if page.file.src_uri == "index.md":
            vis.mark_home(page, self._listed, self.home_password)
        elif owner is not None:
            vis.mark_client_page(page, owner.visibility, self.passwords.get(owner.slug), owner.slug)
        return vis.review_copy(page, markdown) if self.config.review else markdown

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        self.progress.advance("pages")
        return output

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        vis.hide_private_toc(page)
        return html

    def on_nav(self, nav: Any, *, config: MkDocsConfig, files: Files) -> Any:
        """In a portfolio, a client's section is in its own pages' navigation only (the home page lists
        the public clients, each page links home); a site built for chosen clients (`--client`) is
        theirs and shows them all (client sections titled as `visibility.mark_client_titles` says)."""
        vis.mark_client_titles(nav, self.clients)
        scoped = set() if self.selected_clients() else {c.slug for c in self.clients}
        self._scope = vis.NavigationScope(nav, scoped)
        self.progress.start("read", len(files.documentation_pages()))
        if self.preview is not None:
            self.preview.restore_titles(nav.pages)
            self.preview.start_search(config, files)
        else:
            self._read_last.move(files, "index.md")
        return nav

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        """Every page is read: MkDocs now writes them (the stage's clock starts here, for a fair estimate)."""
        self._read_last.restore(files)
        self.progress.complete("read")
        self.progress.start("pages", len(files.documentation_pages()))
        return env

    def on_template_context(self, context: Any, *, template_name: str, config: MkDocsConfig) -> Any:
        """Templates of no page (404.html) show the navigation of no client."""
        if self._scope is not None and self._scope.scoped:
            context["nav"] = self._scope.view(None)
        return context

    def on_page_context(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        if self.preview is not None:
            self.preview.remember(page)
        if self._scope is not None:
            owner = self._owner(page.file.src_uri)
            self._scope.apply(context, page, owner.slug if owner else None)
        return vis.encryption_context(context, page)

    # outputs written after the pages ------------------------------------------------------------

    def _start_pdfs(self, config: MkDocsConfig) -> None:
        """Write cached PDF audits into the site and start rendering the others in background
        processes, which run while MkDocs renders the pages; `on_post_build` collects them."""
        self._stop_background()
        self._pdfs = None
        if self.config.pdf:
            store = PdfCache(cache_dir(self.root)) if self.config.cache else None
            outputs = (Path(config.site_dir), store, self.passwords, self.brand)
            self._pdfs = start_audits(self.built, outputs, self.today, self.serving, self.config.review, self.progress)

    @disk_errors_reported
    @plan_problems_reported
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Collect the PDF audits started in `on_files` (cached ones are already in place). Under
        `mkdocs serve` the page reloads without waiting: they land in the preview (and the cache) later."""
        if self.preview is not None:
            self.preview.merge_search(config.site_dir)
        vis.prune_unlisted(
            Path(config.site_dir), self.clients, one_client=bool(self.selected_clients()), site_url=config.site_url
        )
        self.progress.complete("pages")
        store = ClientCache(cache_dir(self.root)) if self.config.cache else None
        finish_clients(self.supply, self.clients, Path(config.site_dir), store, self.today)
        if self.serving:
            preload()  # while the preview is idle: the next plan edit is loaded in this process
        batch, self._pdfs = self._pdfs, None
        if batch is None:
            return
        if self.serving and batch.pool is not None:
            generation = self._generation
            # a PDF of a preview build that a newer one replaced is not the one the page links to now
            batch.detach(background_reporter(len(batch.jobs), lambda: generation == self._generation))
            self._background = batch
            return
        errors = batch.finish()
        self.progress.complete("pdfs")
        if errors:
            self.errors = list(errors)
            raise PlanErrors(list(errors))

    def on_build_error(self, *, error: BaseException, now: bool = False) -> None:
        """The build failed after the PDFs started: stop them (nothing of this build is published); on
        Ctrl-C (`now`, from `interrupted`) the PDF workers end at once, not after their current PDF.
        The plan stream finishes its current task and stops."""
        batch, self._pdfs = self._pdfs, None
        if batch is not None:
            batch.stop() if now else batch.cancel()
        self.supply.close()

    def interrupted(self) -> None:
        """Ctrl-C during the build (MkDocs calls no plugin event for it)."""
        self.on_build_error(error=KeyboardInterrupt(), now=True)

    def on_shutdown(self) -> None:
        self._stop_background()

    def _stop_background(self) -> None:
        """A newer preview build replaces the PDFs still rendering for the previous one."""
        batch, self._background = self._background, None
        self._generation += 1
        if batch is not None:
            batch.cancel(wait=False)

    # live preview -------------------------------------------------------------------------------

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        """Watch the plans and playbook's own templates (page and PDF templates, print CSS); MkDocs
        watches docs_dir, mkdocs.yml and the theme's custom_dir itself."""
        server.watch(str(self.plans_dir))
        if THEME.is_dir():
            server.watch(str(THEME))
        return server
