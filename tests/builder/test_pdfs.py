"""builder/pdfs.py: what a PDF may overwrite, which PDFs are playbook's, the jobs of a site build
(cached PDFs written at once), and a plan with problems getting no PDF. Rendering itself, read back
from real PDFs: tests/render/test_pdf.py."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pypdf
import pytest

from generator.builder.cache import PdfCache
from generator.builder.clients import Client
from generator.builder.pdfs import PdfJob, audit_jobs, check_pdf_target, is_playbook_pdf, plan_stamp, render_task
from generator.builder.publish import Feeds
from generator.errors import UserError
from tests.conftest import PLANS, TESTDATA, TODAY


def pdf_bytes(creator: str) -> bytes:
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=100, height=100)
    writer.add_metadata({"/Creator": creator})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_only_a_pdf_may_be_overwritten(tmp_path: Path) -> None:
    check_pdf_target(tmp_path / "new.pdf")  # nothing there yet
    (tmp_path / "old.pdf").write_bytes(pdf_bytes("anyone"))
    check_pdf_target(tmp_path / "old.pdf")
    (tmp_path / "plan.yaml").write_text("business: {name: X}\n", encoding="utf-8")
    with pytest.raises(UserError, match="exists and is not a PDF"):
        check_pdf_target(tmp_path / "plan.yaml")
    with pytest.raises(UserError, match="is a folder"):
        check_pdf_target(tmp_path)


def test_a_pdf_is_playbooks_by_its_creator(tmp_path: Path) -> None:
    ours, theirs, text = tmp_path / "ours.pdf", tmp_path / "contract.pdf", tmp_path / "notes.pdf"
    ours.write_bytes(pdf_bytes("playbook"))
    theirs.write_bytes(pdf_bytes("Word"))
    text.write_text("not a pdf", encoding="utf-8")
    assert [is_playbook_pdf(p) for p in (ours, theirs, text, tmp_path / "missing.pdf")] == [True, False, False, False]


def test_a_plan_stamp_changes_with_the_plan(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text("a", encoding="utf-8")
    before = plan_stamp(plan)
    plan.write_text("ab", encoding="utf-8")
    assert before is not None and plan_stamp(plan) != before  # the size at least
    assert plan_stamp(tmp_path / "missing.yaml") is None


def test_a_site_builds_cached_pdfs_are_written_and_the_others_are_jobs(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    for name in ("kolosok.yaml", "northwind.yaml"):
        shutil.copyfile(PLANS / name, plans / name)
    clients = [
        Client(slug=p.stem, path=p, language="ru", name=p.stem, visibility="public", feeds=Feeds(p.stem))
        for p in sorted(plans.glob("*.yaml"))
    ]
    store = PdfCache(tmp_path / "cache")
    cached = pdf_bytes("playbook")
    store.put(store.key(clients[0].path, None, TODAY.isoformat()), cached)
    site = tmp_path / "site"
    jobs, count = audit_jobs(clients, site, store, {}, TODAY, None)
    assert count == 1 and (site / "kolosok" / "audit.pdf").read_bytes() == cached
    (job,) = jobs
    assert (job.plan, job.output) == (clients[1].path, site / "northwind" / "audit.pdf")
    assert job.shown == "northwind/audit.pdf"
    assert job.cache == (str(tmp_path / "cache"), store.key(clients[1].path, None, TODAY.isoformat()))
    assert job.stamp is None and job.password is None


def test_a_plan_with_problems_gets_no_pdf(tmp_path: Path) -> None:
    bad = tmp_path / "broken.yaml"
    shutil.copyfile(TESTDATA / "loader" / "bad" / "references.yaml", bad)
    result = render_task(PdfJob(bad, tmp_path / "broken.pdf"), TODAY)
    assert result.errors and all(e.file.endswith("broken.yaml") for e in result.errors)
    assert not (tmp_path / "broken.pdf").exists()
