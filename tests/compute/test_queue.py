"""compute/queue.py: the idea queue, each idea once — by id, by working title, by lemmatised title,
and never one the log has written."""

from __future__ import annotations

from generator.compute.ideas import Coverage, make_idea
from generator.compute.queue import Unique, backlog_covered
from generator.model import BacklogItem


def test_an_idea_is_queued_once_whatever_repeats_it() -> None:
    first = make_idea("backlog", "Свежий хлеб к завтраку", None)
    coverage = Coverage(ids=frozenset({"demand-00000000"}), titles=frozenset({"как мы печём багеты"}))
    seen = Unique([first], coverage)
    assert not seen.add(first)  # taken already (an occasion placed before the queue)
    assert not seen.add(make_idea("need", "Свежий хлеб к завтраку", None, "a"))  # the same working title
    assert not seen.add(make_idea("need", "свежего хлеба к завтраку", None, "b"))  # the same lemmas
    assert not seen.add(make_idea("backlog", "Как мы печём багеты", None))  # the log wrote that title
    written = make_idea("demand", "Торт на заказ", None)
    assert not Unique([], Coverage(ids=frozenset({written.id}), titles=frozenset())).add(written)  # by id
    other = make_idea("pain", "Очередь у кассы", None, "a")
    assert seen.add(other) and not seen.add(other)  # new once, then remembered


def test_backlog_titles_and_queries_count_as_covered() -> None:
    backlog = [BacklogItem(title="Как выбрать торт", query="торт на заказ"), BacklogItem(title="Хлеб  к чаю")]
    assert backlog_covered(backlog, frozenset({"старая статья"})) == {
        "старая статья",
        "как выбрать торт",
        "торт на заказ",
        "хлеб к чаю",
    }
