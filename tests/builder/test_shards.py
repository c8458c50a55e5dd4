"""Shard assignment, the `--shard K/N` option, the client-contiguous order and the shard manifest.

The whole-against-shards builds are in `tests/builder/test_merge.py`."""

from __future__ import annotations

import gzip
import hashlib
import io
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.builder.shards import (
    MANIFEST,
    Manifest,
    Shard,
    build_shard,
    check_complete,
    gzip_mtime,
    in_client_order,
    owner,
    parse_shard,
    read_manifest,
    shard_of,
    sitemap_gzip,
    write_manifest,
)
from generator.errors import UserError


def test_a_slug_goes_to_the_shard_its_hash_says() -> None:
    """The documented rule, worked from the hex digest: 1 + (first 16 hex digits of SHA-256) mod N."""
    for slug in ("kolosok", "northwind", "client-1", "пекарня"):
        digest = hashlib.sha256(slug.encode()).hexdigest()
        for count in (1, 2, 3, 4, 7):
            assert shard_of(slug, count) == 1 + int(digest[:16], 16) % count


def test_the_assignment_spreads_clients_evenly_and_never_moves_them() -> None:
    slugs = [f"client-{i:04d}" for i in range(1, 1001)]
    counts = Counter(shard_of(slug, 4) for slug in slugs)
    assert sorted(counts) == [1, 2, 3, 4]
    assert all(200 <= n <= 300 for n in counts.values()), counts
    # adding plans moves nobody: a slug's shard depends on the slug and N only
    assert [shard_of(s, 4) for s in slugs[:10]] == [shard_of(s, 4) for s in reversed(slugs[:10])][::-1]
    assert Shard(2, 4).owns(next(s for s in slugs if shard_of(s, 4) == 2))


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1/1", Shard(1, 1)), ("2/4", Shard(2, 4)), (" 3 / 3 ", Shard(3, 3))],
)
def test_shard_option_read(text: str, expected: Shard) -> None:
    assert parse_shard(text) == expected
    assert str(expected) == f"{expected.index}/{expected.count}"


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("0/3", "K must be between 1 and N"),
        ("4/3", "K must be between 1 and N"),
        ("1/0", "K must be between 1 and N"),
        ("2", "write K/N"),
        ("a/b", "write K/N"),
        ("-1/3", "write K/N"),
    ],
)
def test_a_bad_shard_option_is_one_clear_line(text: str, says: str) -> None:
    with pytest.raises(UserError) as caught:
        parse_shard(text)
    assert says in str(caught.value) and f"--shard {text}" in str(caught.value)
    assert "\n" not in str(caught.value)


def test_a_shard_of_chosen_clients_is_refused() -> None:
    with pytest.raises(UserError, match="cannot be combined with --client"):
        parse_shard("1/2", with_clients=True)
    with pytest.raises(UserError, match="cannot be combined with --client"):
        build_shard("1/2", ["kolosok"])
    assert build_shard("", ["kolosok"]) is None
    assert build_shard("1/2", []) == Shard(1, 2)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("kolosok/index.md", "kolosok"),
        ("kolosok/audit/#scores", "kolosok"),
        ("kolosok/", "kolosok"),
        ("clients/kolosok/notes.md", "kolosok"),
        ("clients/kolosok/notes/", "kolosok"),
        ("clients/other/notes.md", None),
        ("clients/kolosok", None),  # a file loose in clients/, not a client's folder
        ("kolosok", None),  # a page beside the folders, not in one
        ("index.md", None),
        ("", None),
        ("method/glossary/#ltv", None),
    ],
)
def test_the_client_a_path_belongs_to(path: str, expected: str | None) -> None:
    assert owner(path, {"kolosok", "northwind"}) == expected


@dataclass
class _File:
    src_uri: str


def test_files_are_ordered_common_first_then_client_by_client() -> None:
    files = [
        _File("clients/b/notes.md"),
        _File("method/index.md"),
        _File("en/method/index.md"),
        _File("index.md"),
        _File("a/index.md"),
        _File("a/audit.md"),
        _File("b/index.md"),
        _File("b/audit.md"),
        _File("b/calendar.ics"),
        _File("assets/stylesheets/charts.css"),
    ]
    ordered = [f.src_uri for f in in_client_order(files, ["b", "a"])]
    assert ordered == [
        "method/index.md",
        "en/method/index.md",
        "index.md",
        "assets/stylesheets/charts.css",
        "clients/b/notes.md",
        "b/index.md",
        "b/audit.md",
        "b/calendar.ics",
        "a/index.md",
        "a/audit.md",
    ]


def test_the_sitemap_gzip_is_mkdocs_own() -> None:
    """MkDocs gzips sitemap.xml with the file's name in the header and the build day as mtime."""
    text = '<?xml version="1.0" encoding="UTF-8"?>\n<urlset>\n</urlset>'
    day = 1795305600  # 2026-11-22 00:00 UTC
    mkdocs = io.BytesIO()
    with gzip.GzipFile(fileobj=mkdocs, filename="/some/site/sitemap.xml.gz", mode="wb", mtime=day) as handle:
        handle.write(text.encode())
    packed = sitemap_gzip(text, day)
    assert packed == mkdocs.getvalue()
    assert gzip_mtime(packed) == day
    assert gzip.decompress(packed).decode() == text


def _shard(
    tmp_path: Path, name: str, shard: Shard, inputs: str = "inputs-1", clients: tuple[str, ...] = ("a", "b")
) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    write_manifest(folder, Manifest(shard, inputs, clients, "https://example.org/pb/"))
    return folder


def test_the_manifest_reads_back(tmp_path: Path) -> None:
    folder = _shard(tmp_path, "s2", Shard(2, 3), clients=("kolosok", "northwind", "x"))
    manifest = read_manifest(folder)
    assert manifest == Manifest(Shard(2, 3), "inputs-1", ("kolosok", "northwind", "x"), "https://example.org/pb/")
    assert manifest.own_clients == tuple(s for s in ("kolosok", "northwind", "x") if shard_of(s, 3) == 2)


def test_a_folder_without_a_manifest_is_not_a_shard(tmp_path: Path) -> None:
    (tmp_path / "site").mkdir()
    with pytest.raises(UserError, match=f"not a shard of a playbook build \\(no {MANIFEST}\\)"):
        read_manifest(tmp_path / "site")
    with pytest.raises(UserError, match="no such folder"):
        read_manifest(tmp_path / "nowhere")
    (tmp_path / "site" / MANIFEST).write_text("{", "utf-8")
    with pytest.raises(UserError, match="not a manifest this playbook can read"):
        read_manifest(tmp_path / "site")


def test_shards_come_back_in_order_when_complete(tmp_path: Path) -> None:
    found = [(p, read_manifest(p)) for p in (_shard(tmp_path, f"s{k}", Shard(k, 3)) for k in (3, 1, 2))]
    assert [m.shard.index for _, m in check_complete(found)] == [1, 2, 3]


def test_incomplete_or_mixed_shards_are_refused(tmp_path: Path) -> None:
    one, two, three = (_shard(tmp_path, f"s{k}", Shard(k, 3)) for k in (1, 2, 3))
    other = _shard(tmp_path, "other", Shard(3, 3), inputs="inputs-2")
    four = _shard(tmp_path, "four", Shard(2, 4))

    def refused(*folders: Path) -> str:
        with pytest.raises(UserError) as caught:
            check_complete([(f, read_manifest(f)) for f in folders])
        assert "\n" not in str(caught.value)
        return str(caught.value)

    assert refused(one, three) == "shard 2 of 3 missing: give all 3 shard folders"
    assert refused(one, two, two, three).startswith("shard 2/3 is given twice")
    assert "built from different inputs" in refused(one, two, other)
    assert "built with the same N" in refused(one, two, four)
    assert "give the shard folders" in refused()
