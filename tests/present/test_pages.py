"""present/pages.py: the client pages' paths, their escaped front matter, the labels table by key,
and the home page's values."""

from __future__ import annotations

import yaml

from generator.present.pages import PAGES, Labels, context_home, front_matter, page_path


def test_every_client_page_has_a_path_under_its_slug() -> None:
    assert page_path("kolosok", "audit") == "kolosok/audit.md"
    stems = [stem for stem, _, _ in PAGES]
    assert stems[0] == "index" and len(stems) == len(set(stems)) == 13


def test_front_matter_escapes_plan_text_and_stays_yaml() -> None:
    text = front_matter('Shop <script>"x"</script>: a: b', "Line\nbreak & more", "en")
    meta = yaml.safe_load(text.split("---")[1])
    # titles reach Material's templates unescaped: escaped here, and the YAML reads back as written
    assert meta == {
        "title": "Shop &lt;script&gt;&quot;x&quot;&lt;/script&gt;: a: b",
        "description": "Line\nbreak &amp; more",
        "language": "en",
    }


def test_labels_by_key_in_the_plans_language() -> None:
    assert Labels("en")["page.goals"] == "Goals"
    assert Labels("ru")["page.goals"] == "Цели"


def test_the_home_page_lists_the_rows_it_is_given() -> None:
    rows = [{"name": "A"}, {"name": "B"}]
    home = context_home(iter(rows), "en")
    assert home["clients"] == rows and home["title"] == Labels("en")["site.portfolio.title"]
    assert home["front_matter"].startswith("---\ntitle: ")
