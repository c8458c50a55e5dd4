"""The plan a meeting's answers make: a commented YAML plan, block style, values marked as assumed.

Every answer lands at its key of the plan unchanged (the plan's loader parses it, so a figure in the
plan is the figure answered); what came from the preset carries a comment "assumed" with the
typical range, to confirm with the client. Ids are the answers' own, else made from the names.
`generator.intake.new` checks the text with the plan's loader before anything is written.
"""

from __future__ import annotations

import io
import re
from datetime import date
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString

from generator.catalogue import FAMILIES
from generator.intake.answers import PRACTICE_KEYS, Answers, AssumedPath, add_months, status_of
from generator.intake.questions import tool_keys
from generator.present.i18n import fmt_decimal
from generator.presets import Preset

STEPS = {
    "business": ("Шаг 1 · Бизнес-модель и текущее состояние", "Step 1 · Business model and current state"),
    "goals": ("Шаг 2 · Цели, которые служат целям бизнеса", "Step 2 · Goals that serve business goals"),
    "segments": (
        "Шаги 3–4 · Сегменты, их экономика, площадки и спрос",
        "Steps 3–4 · Segments, economics, places, demand",
    ),
    "competitors": ("Шаг 5 · Конкуренты", "Step 5 · Competitors"),
    "audit": (
        "Шаг 6 · Аудит: 5 семейств инструментов и 4 практики",
        "Step 6 · Audit: 5 families of tools, 4 practices",
    ),
    "strategy": ("Шаг 7 · Стратегия", "Step 7 · Strategy"),
    "roadmap": ("Шаг 8 · План внедрения, контрольные точки, прогноз", "Step 8 · Roadmap, checkpoints, forecast"),
    "content": ("Ежедневная контент-дисциплина", "The daily content discipline"),
    "publish": ("Кто видит плейбук", "Who sees this playbook"),
}
_LATIN = "a b v g d e e zh z i i k l m n o p r s t u f h ts ch sh sch - y - e yu ya"
_TRANSLIT = {
    c: ("" if t == "-" else t) for c, t in zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя", _LATIN.split(), strict=True)
}


def slugify(text: str, fallback: str) -> str:
    """An id from a name: Cyrillic transliterated, lower case, words joined by '-'."""
    latin = "".join(_TRANSLIT.get(c, c) for c in str(text).lower())
    slug = re.sub(r"[^a-z0-9]+", "-", latin).strip("-")[:40].strip("-")
    return slug or fallback


def _scalar(value: Any) -> Any:
    """The typed answer as YAML writes it plainly: numbers as numbers, dates as dates, text as text."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if not isinstance(value, str):
        return value
    text = value.strip()
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    if re.fullmatch(r"-?\d+\.\d+", text):
        return float(text)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            return text
    return LiteralScalarString(text + "\n") if "\n" in text else text


def _items(value: Any, separator: str = ";") -> list[Any]:
    """A list answer: a YAML list, or text with items separated by `separator`."""
    if value is None:
        return []
    if isinstance(value, list):
        return [v for v in value if v not in (None, "")]
    return [part.strip() for part in str(value).split(separator) if part.strip()]


def _shown(value: Any, language: str) -> str:
    return fmt_decimal(value, language) if isinstance(value, int | float) else str(value)


def _flow(items: list[Any]) -> CommentedSeq:
    seq = CommentedSeq(items)
    seq.fa.set_flow_style()
    return seq


class _Writer:
    """Builds the plan's mapping from answers, noting assumed values as it goes."""

    def __init__(self, answers: Answers, slug: str, matter: set[str]) -> None:
        self.a, self.slug, self.matter = answers, slug, matter
        self.lang = answers.language
        self.ids: dict[str, dict[str, str]] = {"goals": {}, "segments": {}, "initiatives": {}}

    def section(self, key: str) -> Any:
        return self.a.data.get(key)

    def mark(self, node: CommentedMap, key: str, path: AssumedPath) -> None:
        """A comment after `key` when its value is the preset's assumption."""
        if path not in self.a.assumed:
            return
        typical = ""
        if path in self.a.ranges:
            low, high = self.a.ranges[path]
            word = "обычно" if self.lang == "ru" else "typical"
            typical = f" ({word} {_shown(low, self.lang)}–{_shown(high, self.lang)})"
        text = "предположение: уточните у клиента" if self.lang == "ru" else "confirm with the client"
        node.yaml_add_eol_comment(f"assumed — {text}{typical}", key)

    def put(self, node: CommentedMap, key: str, value: Any, path: AssumedPath | None = None) -> None:
        if value is None or value == "" or value == []:
            return
        node[key] = _scalar(value)
        if path is not None:
            self.mark(node, key, path)

    def unique(self, kind: str, given: Any, name: Any, index: int) -> str:
        ident = str(given) if given else slugify(str(name or ""), f"{kind[:-1]}-{index + 1}")
        taken = set(self.ids[kind].values()) if kind in self.ids else set()
        base, n = ident, 2
        while ident in taken:
            ident, n = f"{base}-{n}", n + 1
        return ident


def build_plan(answers: Answers, slug: str, preset: Preset | None, today: date) -> CommentedMap:
    """The plan's mapping from the answers (sections in the method's order, comments on assumptions)."""
    w = _Writer(answers, slug, set(preset.tools.matter) if preset else set())
    plan = CommentedMap()
    _business(w, plan)
    _goals(w, plan)
    _segments(w, plan)
    _competitors(w, plan)
    _audit(w, plan, today)
    _strategy(w, plan)
    _content(w, plan)
    _publish(w, plan)
    for key in plan:
        step = STEPS.get("roadmap" if key in ("checkpoints", "forecast") else key)
        if step and key not in ("checkpoints", "forecast"):
            plan.yaml_set_comment_before_after_key(key, before="\n" + (step[0] if w.lang == "ru" else step[1]))
    return plan


def _business(w: _Writer, plan: CommentedMap) -> None:
    given = w.section("business") or {}
    node = CommentedMap()
    node["name"] = _scalar(given.get("name") or w.slug.replace("-", " ").title())
    node["language"] = w.lang
    for key in ("currency", "model", "industry", "region", "consultant", "description", "current_state"):
        w.put(node, key, given.get(key), ("business", "", key))
    if w.a.preset:
        node["preset"] = w.a.preset
    plan["business"] = node


def _goals(w: _Writer, plan: CommentedMap) -> None:
    out = CommentedSeq()
    for i, g in enumerate(w.section("goals") or []):
        g = g or {}
        ident = w.unique("goals", g.get("id"), g.get("title"), i)
        w.ids["goals"][str(g.get("id") or ident)] = ident
        node = CommentedMap(id=ident)
        for key in ("business_goal", "title", "metric", "unit", "baseline", "target", "deadline"):
            w.put(node, key, g.get(key), ("goals", str(g.get("id") or ""), key))
        node.setdefault("title", ident)
        out.append(node)
    if out:
        plan["goals"] = out


def _place(text: Any) -> CommentedMap:
    if isinstance(text, dict):
        return CommentedMap((k, _scalar(v)) for k, v in text.items() if v not in (None, ""))
    m = re.fullmatch(r"(.+?)\s*\((search|social|messenger|marketplace|maps|forum|email|offline|other)\)", str(text))
    return CommentedMap(name=m.group(1), kind=m.group(2)) if m else CommentedMap(name=str(text))


def _demand(text: Any) -> CommentedMap:
    if isinstance(text, dict):
        return CommentedMap((k, _scalar(v)) for k, v in text.items() if v not in (None, ""))
    query, _, volume = str(text).partition("=")
    node = CommentedMap(query=query.strip())
    if volume.strip():
        node["monthly_volume"] = _scalar(volume.strip())
    return node


def _segments(w: _Writer, plan: CommentedMap) -> None:
    out = CommentedSeq()
    for i, s in enumerate(w.section("segments") or []):
        s = s or {}
        given = str(s.get("id") or "")
        ident = w.unique("segments", s.get("id"), s.get("name"), i)
        w.ids["segments"][given or ident] = ident
        node = CommentedMap(id=ident)
        node["name"] = _scalar(s.get("name") or ident)
        w.put(node, "share", s.get("share"), ("segments", given, "share"))
        w.put(node, "portrait", s.get("portrait"))
        for key in ("needs", "pains"):
            if items := _items(s.get(key)):
                node[key] = CommentedSeq(_scalar(x) for x in items)
        if places := _items(s.get("places")):
            node["places"] = CommentedSeq(_place(p) for p in places)
        if demand := _items(s.get("demand")):
            node["demand"] = CommentedSeq(_demand(d) for d in demand)
        economics = CommentedMap()
        for key in ("average_check", "purchases_per_year", "lifetime_years", "gross_margin"):
            w.put(economics, key, s.get(key), ("segments", given, key))
        if economics:
            node["economics"] = economics
        if ("segments", given, "") in w.a.assumed:
            node.yaml_add_eol_comment(_from_preset(w.lang), "id")
        out.append(node)
    if out:
        plan["segments"] = out


def _from_preset(language: str) -> str:
    return "из шаблона отрасли: уточните у клиента" if language == "ru" else "from the preset: confirm with the client"


def _competitors(w: _Writer, plan: CommentedMap) -> None:
    out = CommentedSeq()
    for c in w.section("competitors") or []:
        c = c or {}
        if not c.get("name"):
            continue
        node = CommentedMap(name=_scalar(c["name"]))
        w.put(node, "website", c.get("website"))
        for key in ("strengths", "weaknesses"):
            if items := _items(c.get(key)):
                node[key] = CommentedSeq(_scalar(x) for x in items)
        if ("competitors", str(c["name"]), "") in w.a.assumed:
            node.yaml_add_eol_comment(_from_preset(w.lang), "name")
        out.append(node)
    if out:
        plan["competitors"] = out


def _audit(w: _Writer, plan: CommentedMap, today: date) -> None:
    given = w.section("audit") or {}
    components, practices = CommentedMap(), CommentedMap()
    for key in [*tool_keys(), *PRACTICE_KEYS]:
        status = status_of(given.get(key))
        if status is None:
            continue
        node = CommentedMap(status=status)
        w.put(node, "finding", given.get(f"{key}.finding"))
        if "." in key:
            family, tool = key.split(".")
            if key in w.matter and status in ("absent", "partial"):
                node["priority"] = "high"
            components.setdefault(family, CommentedMap())[tool] = node
            w.mark(components[family], tool, ("audit", "", key))
        else:
            practices[key] = node
    if not components and not practices:
        return
    audit = CommentedMap(date=_scalar(given.get("date") or today))
    if unasked := [t for t in tool_keys() if t in w.matter and status_of(given.get(t)) is None]:
        # the tools that matter for this industry and were not assessed yet: what to ask next
        word = "важны для отрасли, ещё не оценены" if w.lang == "ru" else "matter for this industry, not assessed yet"
        audit.yaml_add_eol_comment(f"{word}: {', '.join(unasked)}", "date")
    if components:
        audit["components"] = CommentedMap((f, components[f]) for f in FAMILIES if f in components)
    if practices:
        audit["practices"] = practices
    plan["audit"] = audit


def _strategy(w: _Writer, plan: CommentedMap) -> None:
    budget = w.section("budget") or {}
    initiatives, roadmap = CommentedSeq(), CommentedSeq()
    for i, item in enumerate(w.section("initiatives") or []):
        item = item or {}
        given = str(item.get("id") or "")
        ident = w.unique("initiatives", item.get("id"), item.get("title"), i)
        w.ids["initiatives"][given or ident] = ident
        node = CommentedMap(id=ident, title=_scalar(item.get("title") or ident))
        w.put(node, "component", item.get("component"))
        for key in ("segments", "goals"):
            named = [w.ids[key].get(str(r).strip(), str(r).strip()) for r in _items(item.get(key), ",")]
            # a preset's initiative may name a segment or goal the meeting left out: it is dropped, and said so
            refs = [r for r in named if r in w.ids[key].values()]
            if refs:
                node[key] = _flow(refs)
            if dropped := [r for r in named if r not in refs]:
                word = "нет в плане, убрано" if w.lang == "ru" else "not in the plan, left out"
                node.yaml_add_eol_comment(f"{', '.join(dropped)}: {word}", key if refs else "title")
        for key in ("budget_monthly", "new_customers_monthly"):
            w.put(node, key, item.get(key), ("initiatives", given, key))
        if ("initiatives", given, "") in w.a.assumed:
            node.yaml_add_eol_comment(_from_preset(w.lang), "id")
        initiatives.append(node)
        entry = CommentedMap(initiative=ident)
        for key in ("start", "end", "owner", "cost"):
            w.put(entry, key, item.get(key), ("initiatives", given, key))
        if months := [_scalar(m) for m in _items(item.get("months"), ",")]:
            entry["months"] = _flow(months)
        roadmap.append(entry)
    strategy = CommentedMap()
    w.put(strategy, "budget_monthly", budget.get("budget_monthly"), ("budget", "", "budget_monthly"))
    if initiatives:
        strategy["initiatives"] = initiatives
    if strategy:
        plan["strategy"] = strategy
    if roadmap:
        plan["roadmap"] = roadmap
    _checkpoints(w, plan)
    start = _scalar(budget.get("start"))
    if initiatives:
        forecast = CommentedMap()
        if isinstance(start, date) or (isinstance(start, str) and start):
            forecast["start"] = start.strftime("%Y-%m") if isinstance(start, date) else start
        forecast["months"] = 12
        plan["forecast"] = forecast


def _checkpoints(w: _Writer, plan: CommentedMap) -> None:
    goals = list(w.ids["goals"].values())
    out = CommentedSeq()
    for c in w.section("checkpoints") or []:
        if c and c.get("date"):
            out.append(CommentedMap(date=_scalar(c["date"]), kpis=CommentedSeq(CommentedMap(goal=g) for g in goals)))
    if out:
        plan["checkpoints"] = out


def _content(w: _Writer, plan: CommentedMap) -> None:
    given = w.section("content") or {}
    if not any(given.get(k) for k in ("cadence", "minutes_per_day")):
        return
    budget = w.section("budget") or {}
    start = budget.get("start")
    day = start if isinstance(start, date) else _scalar(f"{str(start).strip()[:7]}-01") if start else None
    node = CommentedMap(start=day if isinstance(day, date) else add_months(date.today(), 1))
    cadence = given.get("cadence")
    if isinstance(cadence, list) or (isinstance(cadence, str) and "," in cadence):
        node["cadence"] = _flow(_items(cadence, ","))
    else:
        w.put(node, "cadence", cadence)
    w.put(node, "minutes_per_day", given.get("minutes_per_day"))
    w.put(node, "holidays", given.get("holidays"))
    plan["content"] = node


def _publish(w: _Writer, plan: CommentedMap) -> None:
    given = w.section("publish") or {}
    visibility = str(given.get("visibility") or "unlisted")
    node = CommentedMap(visibility=visibility)
    if visibility == "private":
        from generator.starter import password_env_name

        node["password_env"] = password_env_name(w.slug)
    plan["publish"] = node


def plan_text(answers: Answers, slug: str, preset: Preset | None, today: date) -> str:
    """The plan's YAML text, with its header."""
    yaml = YAML()
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096  # one line per value, however long: a folded plain scalar reads as one line but looks broken
    yaml.representer.ignore_aliases = lambda *_: True  # a date used twice is written twice (plans refuse aliases)
    buffer = io.StringIO()
    yaml.dump(build_plan(answers, slug, preset, today), buffer)
    if answers.language == "ru":
        head = [
            f"# План клиента, записанный по ответам встречи (playbook new). Проверка: playbook check plans/{slug}.yaml",
            "# Значения с пометкой «assumed» взяты из шаблона отрасли: уточните их у клиента.",
        ]
    else:
        head = [
            "# The client's plan, written from the meeting's answers (playbook new). "
            f"Check: playbook check plans/{slug}.yaml",
            "# Values marked 'assumed' come from the industry preset: confirm them with the client.",
        ]
    return "# yaml-language-server: $schema=../plan.schema.json\n" + "\n".join(head) + "\n" + buffer.getvalue()
