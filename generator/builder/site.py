"""A site build: the whole portfolio, or one client's playbook alone, built atomically.

MkDocs does the building (through `generator.adapters.mkdocs`); this module chooses what to
build and makes the result all-or-nothing: the site is built into a fresh folder beside the
target and moved into place only when everything — pages, calendar files, PDFs — succeeded.
A failed build leaves the previous site untouched and no half-built folder behind.

With `--client`, the site holds the named clients only: their pages, files and hand-written
extra pages, in their language; nothing of any other client is read into it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from generator.builder.cache import (
    ClientCache,
    cache_dir,
    compute_build_key,
    forget_build,
    is_build_current,
    record_build,
)
from generator.builder.clients import chosen_clients
from generator.builder.outputs import check_output_folder, docs_dir_of, find_config
from generator.builder.publish import cache_variant, site_secret
from generator.builder.shards import Manifest, Shard, parse_shard, write_manifest
from generator.builder.staging import Staging, clean_stale
from generator.builder.stream import BuildSession
from generator.errors import BuildInterrupted, UserError
from generator.load.planfiles import list_plans
from generator.workers import sigint_deferred


@dataclass(frozen=True)
class BuildOutcome:
    """What a build did: the site it wrote (or found up to date) and the clients in it."""

    site_dir: Path
    clients: tuple[str, ...]
    up_to_date: bool = False
    shard: Shard | None = None  # a shard build: `clients` are the shard's own


def build_site(
    plans: Path,
    clients: list[str],
    site_dir: Path,
    today: date | None,
    config_file: Path | None = None,
    *,
    use_cache: bool = True,
    shard: str = "",
    session: BuildSession | None = None,
    review: bool = False,
) -> BuildOutcome:
    """Build the site for `plans` (all clients, or only `clients`) into `site_dir`.

    With `use_cache`, a build whose inputs all equal those of the build that wrote `site_dir`
    (and whose output nobody touched since) is skipped, and unchanged PDFs are reused; see
    `generator.builder.cache`. The output is the same either way.

    With `shard` ("K/N"), only shard K's clients are rendered, and the site holds a manifest for
    `playbook merge` (`generator.builder.shards`).

    `session`: the command's (its worker already warm, `generator.builder.stream.BuildSession`);
    closed when the build ends, whatever nobody took stopped.
    With `review`, the site is the consultant's review copy (`playbook build --review`, see
    `build_review`): nothing encrypted, every page and PDF marked, never indexed.
    """
    session = session if session is not None else BuildSession()
    try:
        return _build(plans, clients, site_dir, today, config_file, use_cache, shard, session, review)
    finally:
        session.close()


def _build(
    plans: Path,
    clients: list[str],
    site_dir: Path,
    today: date | None,
    config_file: Path | None,
    use_cache: bool,
    shard: str,
    session: BuildSession,
    review: bool,
) -> BuildOutcome:
    from generator.render.templating import check_theme

    spec = parse_shard(shard, with_clients=bool(chosen_clients(clients))) if shard else None
    check_theme()
    config_path = config_file or find_config()
    if not config_path.is_file():
        raise UserError(f"{config_path}: no such MkDocs configuration file")
    if not plans.is_dir():
        raise UserError(f"{plans}: no such folder of plans")
    site_dir = site_dir.resolve()
    project = config_path.parent.resolve()
    check_output_folder(site_dir, project=project, config_path=config_path, plans=plans)
    clean_stale(site_dir)  # what builds killed earlier left beside the site (even if this one is skipped)
    day = (today or date.today()).isoformat()
    key = ""
    if use_cache:
        # Checked before MkDocs is even imported: an up-to-date site costs a hash of the inputs.
        extra = ([f"shard={spec}"] if spec else []) + (["review copy"] if review else [])
        key = _inputs_key(config_path, plans, day, clients, extra)
        if is_build_current(project, site_dir, key):
            return BuildOutcome(site_dir, tuple(clients), up_to_date=True, shard=spec)

    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Staging(site_dir)
    replaced = False
    try:
        # the plans start loading in worker processes now, while MkDocs and its theme are imported
        to_load = _plans_to_load(plans.resolve(), clients, day, project if use_cache else None)
        with sigint_deferred():  # the plan stream's worker may be forked here
            rendered = {p for p in to_load if not spec or spec.owns(p.stem)}
            session.prefetch(to_load, date.fromisoformat(day), site_secret(), rendered)
        from generator.adapters.mkdocs_run import run_mkdocs

        built = run_mkdocs(
            config_path, staging.path, plans=plans.resolve(), clients=clients, today=day, use_cache=use_cache,
            shard=str(spec or ""),
            session=session,
            review=review,
        )
        if spec is not None:
            inputs = _inputs_key(config_path, plans, day, clients, [f"shards={spec.count}"])
            write_manifest(staging.path, Manifest(spec, inputs, built.portfolio, built.site_url))
        forget_build(project, site_dir)
        staging.swap_into_place()
        replaced = True
        if use_cache and not built.encrypted:
            # A site with a private client is never taken as up to date: its pages depend on a password
            # that no key may hold (not even hashed: a weak password's hash can be guessed offline), so
            # a changed password must always rebuild. Its clients and PDFs still come from the cache.
            record_build(project, site_dir, key)
    except KeyboardInterrupt:
        staging.discard()
        raise BuildInterrupted(replaced) from None  # Ctrl-C: the CLI says which site stands
    except BaseException:
        staging.discard()
        raise
    finally:
        staging.release()
    return BuildOutcome(site_dir, tuple(built.clients), shard=spec)


def _plans_to_load(plans: Path, slugs: list[str], day: str, project: Path | None) -> list[Path]:
    """The plans the build will load (not in the client cache of `project`), as the plugin chooses
    them; a guess only: the plugin checks what it is given (`generator.builder.stream.take`)."""
    chosen = chosen_clients(slugs)
    try:
        paths = list_plans(plans)
    except UserError:
        return []
    known = {p.stem: p for p in paths}
    if chosen:
        paths = [known[s] for s in dict.fromkeys(chosen) if s in known]
    if project is None:
        return paths
    store, variant = ClientCache(cache_dir(project)), cache_variant(site_secret())
    return [p for p in paths if not store.has(store.key(p, day, variant))]


def _inputs_key(config_path: Path, plans: Path, day: str, clients: list[str], extra: list[str]) -> str:
    """The build cache's key over every input of a build (`generator.builder.cache`); a shard's
    manifest holds it too (without the shard's own number), so a merge knows the shards agree."""
    return compute_build_key(
        config_file=config_path,
        docs_dir=config_path.parent.resolve() / docs_dir_of(config_path),
        plans=plans.resolve(),
        today=day,
        clients=clients,
        extra=[
            *(f"{name}={os.environ.get(name, '')}" for name in ("SITE_URL", "PLAYBOOK_CLIENTS")),
            cache_variant(site_secret()),  # a one-way digest of the feeds' secret, never the secret
            *extra,
        ],
    )


def private_clients(plans: Path, clients: list[str]) -> list[str]:
    """The private clients among a build's (every plan of `plans`, or the chosen `clients`), in order."""
    from generator.builder.publish import PRIVATE
    from generator.load.facts import read_facts

    chosen = chosen_clients(clients)
    found: list[str] = []
    for path in list_plans(plans):
        if chosen and path.stem not in chosen:
            continue
        facts = read_facts(path)
        if facts is None:  # the quick read cannot tell (an alias, a merge key): load the plan
            from generator.builder.publish import visibility
            from generator.load.loader import load_plan

            level = visibility(load_plan(path))
        else:
            level = facts.visibility
        if level == PRIVATE:
            found.append(path.stem)
    return found
