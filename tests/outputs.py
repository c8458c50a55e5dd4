"""One plan through the three outputs — the site's pages, the PDF audit (read back by pdftotext) and
the terminal report — so a test can check that a section's view reads the same in each.

Issue 22 asks for one view per section, built once in `generator.present` and only laid out by the
site, the PDF and the terminal. The way to prove it is to take the strings of a view and find each
one in all three outputs, for three plans: the Russian bakery, the English B2B firm, and the bakery
with its scenarios renamed and reordered (so no output may pick the base scenario by name or
position). The outputs are rendered once per plan per test session (`lru_cache`): a PDF takes
a few seconds here.
"""

from __future__ import annotations

import functools
import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from generator.compute.figures import Figures, compute_figures
from generator.load.loader import load_plan
from generator.model import LoadedPlan
from generator.present.pages import PAGES
from generator.render.pdf import render_pdf
from generator.render.report import render_text
from generator.render.site import render_page
from tests.conftest import PLANS, TODAY

# kolosok has no `scenarios:` (the defaults pessimistic 0.5, base 1, optimistic 1.5); this one names
# them in Russian and lists the bold one first, so the base (multiplier 1) is neither first nor "base".
RENAMED = "renamed"
_RENAMED_SCENARIOS = (
    "forecast:\n  start: 2026-10\n  months: 12\n  scenarios: {смелый: 1.5, рабочий: 1, осторожный: 0.5}\n"
)

THREE_PLANS = ("kolosok", "northwind", RENAMED)


def plain(text: str) -> str:
    """Whitespace as one plain space: babel's groups use no-break spaces, pdftotext and HTML break lines."""
    return re.sub(r"[\s\u00a0\u202f\u2009]+", " ", text)


def _untagged(markdown: str) -> str:
    """The site page's text without its HTML tags and Markdown table bars, entities decoded."""
    import html

    text = html.unescape(re.sub(r"<[^>]+>", " ", markdown))  # entities first: `&#x27;` keeps its `#` until decoded
    return re.sub(r"[|*_`#]+", " ", text)


@dataclass(frozen=True)
class Outputs:
    """One plan's figures and what each output says of them, as plain text."""

    loaded: LoadedPlan
    figures: Figures
    site: dict[str, str]  # page stem → the page's text
    pdf: str
    report: str

    @property
    def site_text(self) -> str:
        return " ".join(self.site.values())

    def missing(self, *strings: str) -> list[str]:
        """Each string not found in an output, as `output: string` (empty when all three say them all)."""
        found = {"site": self.site_text, "PDF": self.pdf, "report": self.report}
        return [f"{name}: {s!r}" for s in strings for name, text in found.items() if plain(s) not in text]


def plan_path(name: str) -> Path:
    """The plan file of one of `THREE_PLANS` (the renamed one is written once into a temporary folder)."""
    if name != RENAMED:
        return PLANS / f"{name}.yaml"
    return _renamed_path()


@functools.lru_cache(maxsize=1)
def _renamed_path() -> Path:
    text = (PLANS / "kolosok.yaml").read_text("utf-8")
    original = "forecast:\n  start: 2026-10\n  months: 12\n"
    assert original in text, "kolosok's forecast section changed: update tests/outputs.py"
    folder = Path(tempfile.mkdtemp(prefix="playbook-renamed-"))
    path = folder / "kolosok-renamed.yaml"
    path.write_text(text.replace(original, _RENAMED_SCENARIOS), "utf-8")
    return path


@functools.cache
def outputs(name: str) -> Outputs:
    """The three outputs of one of `THREE_PLANS`, as of the tests' fixed today."""
    loaded = load_plan(plan_path(name), today=TODAY)
    figures = compute_figures(loaded, TODAY)
    site = {stem: plain(_untagged(render_page(loaded, figures, stem))) for stem, _, _ in PAGES}
    pdf_bytes = render_pdf(loaded, figures)
    pdf = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf_bytes, capture_output=True, check=True)
    segments = {s.id: s.name for s in loaded.plan.segments}  # as `playbook report` passes them
    report = render_text(figures, width=240, segments=segments, plan=loaded.plan)
    return Outputs(loaded, figures, site, plain(_unbroken(pdf.stdout.decode("utf-8"))), plain(report))


def _unbroken(text: str) -> str:
    """pdftotext's words joined where WeasyPrint broke them (`hyphens: auto`): the hyphen it added
    (U+2010) and the line break after it go ("Ак‐\nтивных" → "Активных"); a dash at a line's end
    inside a word stays, without the break ("(7–" / "8)" → "(7–8)")."""
    text = re.sub(r"(\w)\u2010\s+(\w)", r"\1\2", text)
    return re.sub(r"(\w)–\n(\w)", r"\1–\2", text)
