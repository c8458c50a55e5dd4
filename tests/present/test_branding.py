"""The consultant's branding from mkdocs.yml: read once, shown on the PDF cover and in the site footer."""

from __future__ import annotations

import subprocess
from dataclasses import replace

import yaml

from generator.compute.figures import compute_figures
from generator.load.loader import load_plan
from generator.model import LoadedPlan
from generator.present.branding import Branding, branding_from
from generator.render.pdf import render_pdf_checked
from tests.conftest import PLANS, ROOT, TODAY


def test_branding_is_read_from_extra_playbook() -> None:
    extra = {"playbook": {"consultant": "Anna", "company": "Petrova Marketing", "contacts": ["a@x.example", 7900]}}
    assert branding_from(extra) == Branding("Anna", "Petrova Marketing", ("a@x.example", "7900"), "")
    assert branding_from({"playbook": {"contacts": "a@x.example"}}).contacts == ("a@x.example",)
    assert not branding_from({})
    assert not branding_from({"playbook": "not a mapping"})


def test_the_portfolio_config_sets_it_once() -> None:
    text = (ROOT / "mkdocs.yml").read_text("utf-8")
    extra = yaml.safe_load(text[text.index("\nextra:") : text.index("\nextra_css:")])
    assert branding_from(extra["extra"]).company


def cover_text(loaded: LoadedPlan, branding: Branding) -> str:
    pdf = render_pdf_checked(loaded, compute_figures(loaded, TODAY), branding).pdf
    return subprocess.run(
        ["pdftotext", "-l", "1", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()


def test_the_pdf_cover_shows_the_branding() -> None:
    loaded = load_plan(PLANS / "kolosok.yaml")
    branding = Branding("Анна Петрова", "Petrova Marketing", ("anna@example.com",))
    cover = cover_text(loaded, branding)
    assert "Petrova Marketing" in cover and "anna@example.com" in cover
    # the plan names its consultant (Анна Смирнова): one consultant on the cover, the plan's
    assert "Анна Смирнова" in cover and "Анна Петрова" not in cover
    business = loaded.plan.business.model_copy(update={"consultant": None})
    anonymous = replace(loaded, plan=loaded.plan.model_copy(update={"business": business}))
    assert "Анна Петрова" in cover_text(anonymous, branding)
