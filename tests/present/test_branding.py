"""The consultant's branding from mkdocs.yml: read once, shown on the PDF cover and in the site footer."""

from __future__ import annotations

import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from generator.cli import main
from generator.compute.figures import compute_figures
from generator.load.loader import load_plan
from generator.model import LoadedPlan
from generator.present.branding import (
    EXAMPLE,
    Branding,
    branding_from,
    client_branding,
    example_warning,
    merged,
    read_branding,
)
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
    assert "Petrova Marketing" in cover
    # the plan names its consultant (Анна Смирнова): one consultant on the cover, the plan's, and not
    # the portfolio consultant's contacts, which reach another person
    assert "Анна Смирнова" in cover and "Анна Петрова" not in cover and "anna@example.com" not in cover
    business = loaded.plan.business.model_copy(update={"consultant": None})
    anonymous = replace(loaded, plan=loaded.plan.model_copy(update={"business": business}))
    assert "Анна Петрова" in cover_text(anonymous, branding) and "anna@example.com" in cover_text(anonymous, branding)


PORTFOLIO = Branding("Anna Petrova", "Petrova Marketing", ("anna@petrova-marketing.example",), "logo.svg")


def test_a_plans_consultant_over_the_portfolios() -> None:
    # another person: their own contacts only, the portfolio's company and logo
    assert merged(PORTFOLIO, "Анна Смирнова") == Branding("Анна Смирнова", "Petrova Marketing", (), "logo.svg")
    # another company: its own name, no logo of the portfolio's company
    own = merged(PORTFOLIO, "Jane Roe", "Roe Growth", ["jane@roe.example"])
    assert own == Branding("Jane Roe", "Roe Growth", ("jane@roe.example",), "")
    # no name, or the portfolio's own consultant alone: the portfolio's branding whole
    assert merged(PORTFOLIO) == merged(PORTFOLIO, "Anna Petrova") == PORTFOLIO


def test_publish_consultant_wins_over_business_consultant(tmp_path: Path) -> None:
    path = tmp_path / "studio.yaml"
    path.write_text(
        "business: {name: Studio, consultant: Someone Else}\n"
        "publish:\n  consultant: {name: Анна Смирнова, company: Смирнова и партнёры, contacts: [a@s.example]}\n",
        "utf-8",
    )
    plan = load_plan(path).plan
    assert client_branding(PORTFOLIO, plan) == Branding("Анна Смирнова", "Смирнова и партнёры", ("a@s.example",))


def test_the_shipped_example_branding_is_warned_about() -> None:
    shipped = read_branding((ROOT / "mkdocs.yml").read_text("utf-8"))  # MkDocs' own tags read as plain values
    assert shipped.consultant == EXAMPLE.consultant
    warning = example_warning(shipped)
    assert warning is not None and "extra.playbook" in warning and "Petrova Marketing" in warning
    assert example_warning(Branding("Jane Roe", "Roe Growth")) is None
    assert example_warning(Branding()) is None


@pytest.mark.parametrize(("company", "warned"), [("Petrova Marketing", True), ("Roe Growth", False)])
def test_check_warns_while_mkdocs_yml_holds_the_example(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], company: str, warned: bool
) -> None:
    config = f"site_name: x\nextra:\n  playbook:\n    company: {company}\n  x: !ENV [HOME, x]\n"
    (tmp_path / "mkdocs.yml").write_text(config, "utf-8")
    (tmp_path / "shop.yaml").write_text("business: {name: Shop}\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "shop.yaml"]) == 0
    assert ("example branding shipped with playbook" in capsys.readouterr().out) is warned
