"""The site-size check before upload (generator.builder.sitesize): a real built site measured against
GitHub Pages' limit and against tiny limits, through `playbook site-size` and in the Pages workflow."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.builder.sitesize import PAGES_LIMIT, check_size, human, measure, parse_size
from generator.cli import main
from generator.errors import UserError
from tests.conftest import PLANS, ROOT, TODAY, run_build


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("size") / "site"
    assert run_build(PLANS, ["kolosok"], out, TODAY, config_file=ROOT / "mkdocs.yml") == 0
    return out


def test_sizes_are_read_as_people_write_them() -> None:
    assert parse_size("1GB") == 1_000_000_000 == PAGES_LIMIT
    assert parse_size("500 MB") == 500_000_000
    assert parse_size("2.5K") == 2_500
    assert parse_size("1000") == 1_000
    with pytest.raises(UserError, match="write a size such as 1GB"):
        parse_size("a lot")
    assert human(1_234_567_890) == "1.23 GB" and human(999) == "999 B"


def test_the_folder_sizes_add_up(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.html").write_bytes(b"x" * 300)
    (tmp_path / "a" / "deep").mkdir()
    (tmp_path / "a" / "deep" / "y.pdf").write_bytes(b"y" * 700)
    (tmp_path / "index.html").write_bytes(b"z" * 50)
    (tmp_path / "link.html").symlink_to(tmp_path / "index.html")  # not counted twice
    size = measure(tmp_path)
    assert size.total == 1_050
    assert size.parts == {"a/": 1_000, "index.html": 50}
    with pytest.raises(UserError) as caught:
        check_size(tmp_path, 1_049)
    assert "is 1050 bytes, over the host's limit of 1049 bytes" in str(caught.value)  # one byte over, in bytes
    assert "heaviest: a/ 1.00 KB, index.html 50 B" in str(caught.value)
    assert check_size(tmp_path, 1_050).total == 1_050


def test_a_real_site_fits_pages_and_fails_a_tiny_limit(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    on_disk = sum(p.stat().st_size for p in site.rglob("*") if p.is_file() and not p.is_symlink())
    assert measure(site).total == on_disk
    assert main(["site-size", str(site)]) == 0
    assert "within the limit of 1.00 GB" in capsys.readouterr().out
    assert main(["site-size", str(site), "--limit", "100KB"]) == 2
    err = capsys.readouterr().err
    assert f"{site} is " in err and "over the host's limit of 100.00 KB" in err
    assert "kolosok/" in err  # the client's folder is among the heaviest
    assert main(["site-size", str(site.parent / "missing")]) == 2
    assert "no such folder" in capsys.readouterr().err


def test_the_pages_workflow_checks_the_size_before_uploading() -> None:
    lines = (ROOT / ".github" / "workflows" / "pages.yml").read_text("utf-8").splitlines()
    build = next(i for i, line in enumerate(lines) if "run: make build" in line)
    check = next(i for i, line in enumerate(lines) if "playbook site-size site" in line)
    upload = next(i for i, line in enumerate(lines) if "upload-pages-artifact" in line)
    assert build < check < upload
