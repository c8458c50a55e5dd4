"""The plan's material beyond `content`: the call to action, the services, and which initiative
fixes a pain (worked by hand on small plans)."""

from __future__ import annotations

import textwrap
from datetime import date

from generator.compute.material import Fix, Material, read_material
from generator.load.loader import load_text

PLAN = """\
business:
  name: Пекарня
  model: b2c
  preset: bakery
  region: Москва, спальный район Бибирево
  description: |
    Небольшая пекарня. Свежий хлеб с 7 утра, выпечка, кофе навынос.
    Клиенты — соседи, студенты, офисы.
segments:
  - {id: cakes, name: Заказчики тортов, pains: [нет цен на сайте, не дозвониться]}
strategy:
  initiatives:
    - {id: page, title: "Цены, фото и форма заказа на сайте", segments: [cakes]}
    - {id: crm, title: amoCRM, segments: [cakes]}
roadmap:
  - {initiative: page, start: 2027-01-15}
  - {initiative: crm}
"""


def test_read_material() -> None:
    m = read_material(load_text(textwrap.dedent(PLAN)))
    assert (m.name, m.preset, m.cta) == ("Пекарня", "bakery", "order")
    assert m.region_names == ("Москва", "Бибирево")
    # the customers' sentence is no list of services
    assert m.services == ("выпечка", "кофе навынос")
    # each initiative with its roadmap start (none: no date)
    assert m.initiatives["cakes"] == (Fix("Цены, фото и форма заказа на сайте", date(2027, 1, 15)), Fix("amoCRM", None))


def test_the_initiative_that_fixes_a_pain_shares_its_words() -> None:
    m = read_material(load_text(textwrap.dedent(PLAN)))
    # "цен", "сайте" → "Цены", "сайте": the page fixes it
    assert m.fix_for("cakes", "нет цен на сайте") == Fix("Цены, фото и форма заказа на сайте", date(2027, 1, 15))
    # nothing shares a word with "не дозвониться": no initiative promises that fix
    assert m.fix_for("cakes", "не дозвониться") is None
    assert m.fix_for("other", "нет цен на сайте") is None


def test_call_to_action_by_kind_of_business() -> None:
    assert Material(preset="clinic").cta == "book"
    assert Material(preset="b2b").cta == "call"
    assert Material(model="b2b").cta == "call"
    assert Material().cta == "order"
