"""What a shard build (`playbook build --shard K/N`, `generator.builder.shards`) changes in MkDocs' files.

- The pages of clients another shard renders are listed as **excluded** placeholders: MkDocs
  builds no page for them and lists them in no sitemap or search index, yet a link to them — the
  home page links to every public client — resolves to the same URL as in a whole build (a link
  to a missing page would stay `client/index.md` and make the home page differ between shards).
- Every build, whole or shard, lists its files with the common ones first and then each client's
  together, in the portfolio's order (`generator.builder.shards.in_client_order`), which is what
  lets `playbook merge` rebuild the sitemap and the search index in a whole build's order.
"""

from __future__ import annotations

from collections.abc import Sequence

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from generator.builder.clients import Client
from generator.builder.shards import in_client_order
from generator.present.pages import PAGES, page_path


def shard_files(files: Files, config: MkDocsConfig, clients: Sequence[Client], built: Sequence[Client]) -> Files:
    """`files` with placeholders for the pages of `clients` not `built` here, in the portfolio's order."""
    rendered = {c.slug for c in built}
    for client in clients:
        if client.slug in rendered:
            continue
        for stem, _, _ in PAGES:
            files.append(
                File.generated(config, page_path(client.slug, stem), content="", inclusion=InclusionLevel.EXCLUDED)
            )
    return Files(in_client_order(files, [c.slug for c in clients]))
