"""generator.builder.publish: the feed path, the passwords read from the environment, the encrypted PDF."""

from __future__ import annotations

import hashlib
import hmac
import io
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.builder.clients import Client, load_client
from generator.builder.publish import (
    KDF_ITERATIONS,
    cache_variant,
    feed_token,
    feeds_for,
    read_passwords,
    secret_notes,
    site_secret,
    visibility,
    withheld_feeds_warnings,
)
from generator.errors import PlanValidationError, UserError
from generator.load.loader import load_plan
from generator.render.pdf import render_pdf_checked
from tests.conftest import PLANS, TODAY

PASSWORD = "Zq7pW2mLx9RtV4bN8cKj3HsF"
SECRET = "portfolio secret of the test, long enough"

PRIVATE_TAIL = "\npublish:\n  visibility: private\n  password_env: PB_TEST_PASSWORD\n"


def private_plan(tmp_path: Path, tail: str = PRIVATE_TAIL) -> Path:
    path = tmp_path / "lavka.yaml"
    path.write_text("business:\n  name: Лавка у дома\n" + tail, "utf-8")
    return path


def test_feed_token_is_the_hmac_of_the_slug_and_stable() -> None:
    # the contract: derived from the secret and the slug; worked here with the standard library
    expected = hmac.new(SECRET.encode(), b"playbook feeds/kolosok", hashlib.sha256).hexdigest()[:32]
    assert feed_token(SECRET, "kolosok") == expected
    assert feed_token(SECRET, "kolosok") == feed_token(SECRET, "kolosok")
    assert feed_token(SECRET, "northwind") != expected
    assert feed_token(SECRET + "x", "kolosok") != expected
    assert "kolosok" not in expected


def test_where_feeds_are_published() -> None:
    token = feed_token(SECRET, "kolosok")
    assert feeds_for("kolosok", "public", SECRET).folder == "kolosok"
    assert feeds_for("kolosok", "unlisted", SECRET).folder == f"feeds/{token}"
    assert feeds_for("kolosok", "private", SECRET).folder == f"feeds/{token}"
    assert feeds_for("kolosok", "unlisted", "").folder == "kolosok"
    assert feeds_for("kolosok", "private", "").withheld
    assert feeds_for("kolosok", "unlisted", SECRET).href("calendar.ics", "kolosok") == f"../feeds/{token}/calendar.ics"
    assert feeds_for("kolosok", "public", SECRET).href("calendar.ics", "kolosok") == "calendar.ics"


def test_cache_variant_never_holds_the_secret() -> None:
    variant = cache_variant(SECRET)
    assert SECRET not in variant
    assert variant != cache_variant(SECRET + "x")
    assert cache_variant("") != variant


def test_a_plan_without_publish_is_unlisted() -> None:
    assert visibility(load_plan(PLANS / "kolosok.yaml")) == "public"  # the shipped example says so
    loaded = load_plan(PLANS / "kolosok.yaml")
    bare = loaded.plan.model_copy(update={"publish": None})
    assert visibility(loaded.__class__(loaded.slug, loaded.path, bare)) == "unlisted"


@pytest.mark.parametrize(("environ", "state"), [({}, "is not set"), ({"PB_TEST_PASSWORD": ""}, "is empty")])
def test_missing_password_is_located_at_password_env(tmp_path: Path, environ: dict[str, str], state: str) -> None:
    path = private_plan(tmp_path)
    with pytest.raises(PlanValidationError) as caught:
        read_passwords([client_of(path)], environ)
    (error,) = caught.value.errors
    # name, blank line, publish, visibility; line 6: "  password_env: PB_TEST_PASSWORD", value at column 17
    assert (error.line, error.col, error.path) == (6, 17, "publish.password_env")
    assert f"PB_TEST_PASSWORD {state}" in error.message
    assert str(error).startswith(f"{error.file}:6:17: publish.password_env: ")


def test_password_read_from_the_named_variable(tmp_path: Path) -> None:
    client = client_of(private_plan(tmp_path))
    assert read_passwords([client], {"PB_TEST_PASSWORD": PASSWORD}) == {"lavka": PASSWORD}
    public = client_of(private_plan(tmp_path, "publish: {visibility: unlisted}\n"))
    assert read_passwords([public], {}) == {}


def client_of(path: Path) -> Client:
    """The site build's view of a plan (what the adapter hands to read_passwords)."""
    client = load_client(path, TODAY)
    assert isinstance(client, Client), client
    return client


def test_encrypted_pdf_opens_with_the_password_only(tmp_path: Path) -> None:
    from generator.builder.publish import encrypt_pdf
    from generator.compute.figures import compute_figures

    loaded = load_plan(PLANS / "kolosok.yaml")
    plain = render_pdf_checked(loaded, compute_figures(loaded, TODAY)).pdf
    locked = encrypt_pdf(plain, PASSWORD)
    reader = PdfReader(io.BytesIO(locked))
    assert reader.is_encrypted
    assert reader.decrypt("wrong password") == 0
    assert reader.decrypt(PASSWORD) != 0
    encrypt = reader.trailer["/Encrypt"].get_object()
    assert encrypt["/V"] == 5 and encrypt["/CF"]["/StdCF"]["/CFM"] == "/AESV3"  # AES-256
    assert "Колосок" in reader.pages[0].extract_text()
    target = tmp_path / "audit.pdf"
    target.write_bytes(locked)
    refused = subprocess.run(["pdftotext", str(target), "-"], capture_output=True)
    assert refused.returncode != 0
    opened = subprocess.run(["pdftotext", "-upw", PASSWORD, str(target), "-"], capture_output=True, check=True)
    assert "Колосок" in opened.stdout.decode()
    assert "Колосок".encode() not in locked and "Колосок".encode("utf-16-be") not in locked


# secrets as typed (issue 28) ---------------------------------------------------------------------


def test_a_password_with_the_line_break_of_echo_is_used_as_typed_and_said(tmp_path: Path) -> None:
    client = client_of(private_plan(tmp_path))
    notes: list[str] = []
    for ending in ("\n", "\r\n"):
        assert read_passwords([client], {"PB_TEST_PASSWORD": PASSWORD + ending}, notes) == {"lavka": PASSWORD}
    assert len(notes) == 2 and all("PB_TEST_PASSWORD" in n and "line break" in n for n in notes)
    assert all(PASSWORD not in n for n in notes)  # the note names the variable, never the value
    assert read_passwords([client], {"PB_TEST_PASSWORD": PASSWORD}, notes) and len(notes) == 2


@pytest.mark.parametrize(
    ("value", "words"), [("      ", "only spaces"), (" \t \n", "only spaces"), ("abc1234", "7 characters")]
)
def test_blank_or_short_passwords_are_refused_located(tmp_path: Path, value: str, words: str) -> None:
    with pytest.raises(PlanValidationError) as caught:
        read_passwords([client_of(private_plan(tmp_path))], {"PB_TEST_PASSWORD": value})
    (error,) = caught.value.errors
    assert (error.line, error.col, error.path) == (6, 17, "publish.password_env")
    assert "PB_TEST_PASSWORD" in error.message and words in error.message
    assert value.strip() == "" or value not in error.message


@pytest.mark.parametrize(("value", "words"), [("   ", "only spaces"), ("x", "1 character"), ("short secret\n", "12")])
def test_a_blank_or_short_site_secret_is_refused_naming_the_variable(value: str, words: str) -> None:
    with pytest.raises(UserError) as caught:
        site_secret({"PLAYBOOK_SITE_SECRET": value})
    assert str(caught.value).startswith("PLAYBOOK_SITE_SECRET: ") and words in str(caught.value)


def test_the_site_secret_is_read_as_typed() -> None:
    assert site_secret({"PLAYBOOK_SITE_SECRET": SECRET + "\n"}) == SECRET
    assert site_secret({}) == "" and site_secret({"PLAYBOOK_SITE_SECRET": ""}) == ""
    assert secret_notes({"PLAYBOOK_SITE_SECRET": SECRET + "\n"}) == [
        "PLAYBOOK_SITE_SECRET ended with a line break; it was removed (the secret is used as typed)"
    ]
    assert secret_notes({"PLAYBOOK_SITE_SECRET": SECRET}) == []


def test_kdf_iterations_follow_current_guidance() -> None:
    assert KDF_ITERATIONS >= 600_000  # OWASP's guidance for PBKDF2-HMAC-SHA256 (2023)


def test_a_build_with_a_short_site_secret_stops_before_anything_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from generator.cli import main

    monkeypatch.setenv("PLAYBOOK_SITE_SECRET", "x\n")
    site = tmp_path / "site"
    assert main(["build", "--client", "northwind", "--site-dir", str(site), "--today", TODAY.isoformat()]) == 2
    assert "PLAYBOOK_SITE_SECRET: the portfolio secret is 1 character long" in capsys.readouterr().err
    assert not site.exists()


def test_withheld_feeds_are_said_on_the_console() -> None:
    def client(slug: str, level: str, secret: str, calendar: bool = True) -> Client:
        feeds = feeds_for(slug, level, secret)
        return Client(slug, Path(f"{slug}.yaml"), "ru", slug, level, feeds, has_calendar=calendar)

    warnings = withheld_feeds_warnings(
        [client("lavka", "private", ""), client("dom", "unlisted", ""), client("nocal", "private", "", calendar=False)]
    )
    assert len(warnings) == 1 and warnings[0].startswith("playbook: lavka: ")
    assert "PLAYBOOK_SITE_SECRET" in warnings[0] and "private" in warnings[0]
    assert withheld_feeds_warnings([client("lavka", "private", SECRET)]) == []  # published under a secret link
