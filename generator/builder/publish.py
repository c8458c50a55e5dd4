"""Who may see a client's playbook (contract v2, *publish*): the decisions a site build makes from it.

- `public` — listed on the portfolio home page, in the sitemap and the shared search, indexable.
- `unlisted` (the default) — reachable by its link only: left out of the home page, the sitemap
  and the shared search, every page marked `noindex`. Not secret: a guessed slug opens it.
- `private` — unlisted, and every page (and its search) encrypted in the browser, the PDF audit
  encrypted, with a password read from the environment variable the plan names in
  `publish.password_env`. A plan never holds the password.

Calendar apps cannot type passwords, so with the portfolio secret `PLAYBOOK_SITE_SECRET` set the
`.ics`/`.csv` feeds of unlisted and private clients live under `feeds/<token>/`, where the token
is an HMAC of the slug under that secret: stable across builds, not guessable from the slug.
Without the secret an unlisted client's feeds stay at `<slug>/`, and a private client's are not
published at all.

Nothing here logs, prints or stores a password or the secret; the build cache keys only on
values derived from them with a one-way keyed hash (see `cache_variant`).
"""

from __future__ import annotations

import hashlib
import hmac
import io
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.errors import PlanError, PlanValidationError, UserError, message
from generator.load.planfiles import display_path
from generator.load.yamlsource import read_yaml

if TYPE_CHECKING:  # the model is imported where plans are loaded; `playbook build` starts before that
    from generator.model import LoadedPlan

SECRET_ENV = "PLAYBOOK_SITE_SECRET"
FEEDS_DIR = "feeds"
TOKEN_CHARS = 32  # 128 bits of the HMAC: not guessable, short enough for a calendar app's URL field
PUBLIC, UNLISTED, PRIVATE = "public", "unlisted", "private"
MIN_PASSWORD_CHARS = 8  # NIST SP 800-63B's minimum for a password a person chooses
MIN_SECRET_CHARS = 16  # the feeds' secret is typed once, into CI: no reason for it to be short
# PBKDF2-HMAC-SHA256 rounds that turn a private playbook's password into its key, in the build and
# in the reader's browser: OWASP's guidance (2023). Costs one derivation per private client a build.
KDF_ITERATIONS = 600_000


def visibility(loaded: LoadedPlan) -> str:
    """The plan's visibility; a plan without `publish` (every v1 plan) is unlisted."""
    publish = loaded.plan.publish
    return publish.visibility if publish is not None else UNLISTED


def as_typed(value: str) -> tuple[str, bool]:
    """A secret as its owner typed it: without the line break `echo` or a secrets file adds at the
    end (no browser field can type it, and pypdf's SASLprep refuses it); True when one was removed."""
    typed = value.rstrip("\r\n")
    return typed, typed != value


def weakness(value: str, minimum: int) -> str | None:
    """What makes a secret unusable (blank, too short), or None; the value itself is never quoted."""
    if not value.strip():
        return "holds only spaces"
    if len(value) < minimum:
        return f"is {len(value)} character{'' if len(value) == 1 else 's'} long; use at least {minimum}"
    return None


def site_secret(environ: Mapping[str, str] | None = None) -> str:
    """The portfolio secret for feed paths ('' when unset), as typed; a blank or short one is refused."""
    secret, _ = as_typed((os.environ if environ is None else environ).get(SECRET_ENV, ""))
    if secret and (problem := weakness(secret, MIN_SECRET_CHARS)):
        raise UserError(
            f"{SECRET_ENV}: the portfolio secret {problem} (any long random text, e.g. from a password manager)"
        )
    return secret


def secret_notes(environ: Mapping[str, str] | None = None) -> list[str]:
    """What a build says about the portfolio secret it read: a line break removed from its end."""
    _, stripped = as_typed((os.environ if environ is None else environ).get(SECRET_ENV, ""))
    return [f"{SECRET_ENV} ended with a line break; it was removed (the secret is used as typed)"] if stripped else []


def feed_token(secret: str, slug: str) -> str:
    """HMAC-SHA256 of the slug under the portfolio secret: the same every build, unknowable without it."""
    return hmac.new(secret.encode(), f"playbook feeds/{slug}".encode(), hashlib.sha256).hexdigest()[:TOKEN_CHARS]


@dataclass(frozen=True)
class Feeds:
    """Where a client's calendar files are published: a folder of the site, or nowhere (`folder` is None)."""

    folder: str | None

    @property
    def withheld(self) -> bool:
        return self.folder is None

    def href(self, name: str, page_slug: str) -> str:
        """A Markdown link from a page of `<slug>/` to the file `name` of the feeds."""
        if self.folder is None:
            return ""
        return name if self.folder == page_slug else f"../{self.folder}/{name}"


def feeds_for(slug: str, level: str, secret: str) -> Feeds:
    """The feeds' folder for a client of this visibility (see the module docstring)."""
    if level == PUBLIC:
        return Feeds(slug)
    if secret:
        return Feeds(f"{FEEDS_DIR}/{feed_token(secret, slug)}")
    return Feeds(None if level == PRIVATE else slug)


def cache_variant(secret: str) -> str:
    """What of the secret a cache key may hold: a keyed one-way digest, never the secret itself.

    The client cache's entries hold pages whose feed links depend on the secret, so the key must
    change with it; an HMAC of a fixed label reveals nothing about it (and nothing the site does not).
    """
    if not secret:
        return "feeds: no secret"
    return "feeds: " + hmac.new(secret.encode(), b"playbook cache key", hashlib.sha256).hexdigest()


def read_passwords(
    clients: Iterable[Any], environ: Mapping[str, str] | None = None, notes: list[str] | None = None
) -> dict[str, str]:
    """Each private client's password from its `publish.password_env` variable; all misses raised together,
    located at `publish.password_env` in the plan (the variable's name is shown, never a value).

    A password is used as typed (a trailing line break removed, and said in `notes`); a blank or
    short one is refused, since it would encrypt the playbook with next to nothing.

    `clients` are `generator.builder.clients.Client`s (slug, path, visibility, password_env)."""
    env = os.environ if environ is None else environ
    passwords: dict[str, str] = {}
    errors: list[PlanError] = []
    for client in clients:
        if client.visibility != PRIVATE:
            continue
        name = client.password_env
        value, stripped = as_typed(env.get(name or "", ""))
        problem = weakness(value, MIN_PASSWORD_CHARS) if value else None
        if value and problem is None:
            passwords[client.slug] = value
            if stripped and notes is not None:
                notes.append(f"{name} ended with a line break; it was removed (the password is used as typed)")
            continue
        if problem:
            words = message("password_weak", name=name, problem=problem, minimum=MIN_PASSWORD_CHARS)
        else:
            words = message(
                "password_env_unset", name=name, state="is not set" if (name or "") not in env else "is empty"
            )
        source = read_yaml(Path(client.path).read_bytes(), display_path(Path(client.path)))
        errors.append(source.error(("publish", "password_env"), words))
    if errors:
        raise PlanValidationError(errors)
    return passwords


def encrypt_pdf(data: bytes, password: str) -> bytes:
    """The PDF encrypted with AES-256 (PDF 2.0 security handler): it opens with the password only."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=password, owner_password=None, algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def withheld_feeds_warnings(clients: Iterable[Any]) -> list[str]:
    """One console line per client whose calendar is left out of the site, saying how to publish it.

    A private client's feeds are withheld without `PLAYBOOK_SITE_SECRET` (calendar apps cannot type
    its password); the site says so to the client, and the consultant should hear it at build
    time rather than from the client. `clients` are `generator.builder.clients.Client`s.
    """
    return [
        f"playbook: {client.slug}: the calendar feeds (.ics, .csv) of this {client.visibility} client are not "
        f"published; set {SECRET_ENV} (any long random text, the same for every build) to publish them "
        f"under secret links ({FEEDS_DIR}/<token>/)"
        for client in clients
        if client.has_calendar and client.feeds.withheld
    ]
