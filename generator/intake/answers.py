"""Answers to the meeting's questions: read from a file, made from a preset's defaults, merged.

An answers file (YAML or JSON) has one key per question of `generator.intake.questions`: the
sections in the method's order, a list of blocks for goals, segments, competitors, initiatives and
checkpoints (each block may carry the `id` the plan will use), and `preset` and `language` at the
top. Values stay the text the consultant typed; the plan's own loader parses and checks them once
the plan is written, so a figure in the plan is exactly the answer given.

What the answers leave out comes from the preset (when one is named): a section left out takes
the preset's whole section; a block whose `id` is a preset's takes the keys it leaves out from
that block. Everything taken from the preset is recorded in `Answers.assumed`, and the written
plan marks it as assumed, to confirm with the client.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from generator.errors import PlanError, PlanValidationError, UserError
from generator.intake.questions import PRACTICES, STATUS_WORDS, section, sections
from generator.load.yamlsource import Path as KeyPath
from generator.load.yamlsource import read_yaml
from generator.presets import Preset, load_preset

TOP_KEYS = ("preset", "language")
AssumedPath = tuple[str, ...]  # (section, block id or "", key)


@dataclass
class Answers:
    """The answers of one meeting, and which of them are the preset's assumptions."""

    data: dict[str, Any]
    assumed: set[AssumedPath] = field(default_factory=set)
    ranges: dict[AssumedPath, tuple[float, float]] = field(default_factory=dict)  # typical low–high

    @property
    def language(self) -> str:
        """The plan's language (ru by default, as `playbook new`)."""
        return str(self.data.get("language") or "ru")

    @property
    def preset(self) -> str | None:
        """The preset the answers start from, if any."""
        value = self.data.get("preset")
        return str(value) if value else None


# reading and checking a file ------------------------------------------------------------------


def read_answers(path: Path) -> Answers:
    """The answers of a YAML or JSON file; every unknown key or wrong shape reported at its line."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UserError(f"cannot read the answers file {path}: {exc.strerror or exc}") from None
    source = read_yaml(raw, str(path))
    if source.errors:
        raise PlanValidationError(source.errors)
    data = source.data if source.data is not None else {}
    problems = check_shape(data)
    if problems:
        raise PlanValidationError([source.error(p, text, key=key) for p, text, key in problems])
    return Answers(dict(data))


def check_shape(data: Any) -> list[tuple[KeyPath, str, bool]]:
    """Unknown keys and wrong shapes of answers data, as (path, message, is the key at fault)."""
    if not isinstance(data, dict):
        return [((), "the answers are a mapping: preset, language, business, goals, segments, …", False)]
    problems: list[tuple[KeyPath, str, bool]] = []
    known = {s.id: s for s in sections()}
    for key, value in data.items():
        if key in TOP_KEYS:
            if value is not None and not isinstance(value, str):
                problems.append(((key,), "expected text", False))
        elif key not in known:
            problems.append(((key,), _unknown(key, [*TOP_KEYS, *known]), True))
        elif known[key].repeat:
            if not isinstance(value, list):
                problems.append(((key,), f"expected a list of {key}, one block each", False))
                continue
            for i, block in enumerate(value):
                problems += _check_block((key, i), block, [q.key for q in known[key].questions] + ["id"])
        else:
            problems += _check_block((key,), value, [q.key for q in known[key].questions])
    return problems


def _check_block(path: KeyPath, block: Any, keys: list[str]) -> list[tuple[KeyPath, str, bool]]:
    if block is None:
        return []
    if not isinstance(block, dict):
        return [(path, "expected a mapping of answers (question key: answer)", False)]
    return [((*path, k), _unknown(str(k), keys), True) for k in block if k not in keys]


def _unknown(key: str, allowed: list[str]) -> str:
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    hint = f"did you mean '{close[0]}'?" if close else f"questions here: {', '.join(allowed[:12])}"
    return f"'{key}' is not a question of the meeting; {hint}"


def answers_error(file: str, text: str) -> PlanValidationError:
    """A problem of the answers as a whole (no line of its own)."""
    return PlanValidationError([PlanError(file, 1, 1, "", text)])


# the preset's defaults ------------------------------------------------------------------------


def month_start(day: date) -> date:
    """The first day of the month after `day` (a plan made today starts next month)."""
    return (day.replace(day=1) + timedelta(days=32)).replace(day=1)


def add_months(day: date, months: int) -> date:
    """The first day of the month `months` after `day`'s."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def preset_answers(preset: Preset, language: str, today: date, start: date | None = None) -> Answers:
    """Every answer a preset suggests, all of them assumed (the figures with their typical range)."""
    begin = start or month_start(today)
    end = add_months(begin, 12) - timedelta(days=1)
    out = Answers({"preset": preset.id, "language": language})
    d = out.data

    def assume(path: AssumedPath, value: Any, spread: tuple[float, float, float] | None = None) -> Any:
        out.assumed.add(path)
        if spread is not None:
            out.ranges[path] = (spread[0], spread[2])
        return value

    d["business"] = {
        "industry": assume(("business", "", "industry"), preset.industry),
        "model": assume(("business", "", "model"), preset.model),
        "currency": preset.currency,
    }
    d["goals"] = [
        {
            "id": g.id,
            "business_goal": g.business_goal,
            "title": g.title,
            "metric": g.metric,
            "unit": g.unit,
            "baseline": assume(("goals", g.id, "baseline"), g.baseline),
            "target": assume(("goals", g.id, "target"), g.target),
            "deadline": end,
        }
        for g in preset.goals
    ]
    out.assumed.update(("goals", g.id, "") for g in preset.goals)
    d["segments"] = []
    for s in preset.segments:
        block: dict[str, Any] = {"id": s.id, "name": s.name, "share": assume(("segments", s.id, "share"), s.share)}
        block["portrait"] = s.portrait
        for key in ("average_check", "purchases_per_year", "lifetime_years", "gross_margin"):
            spread = getattr(s.economics, key)
            block[key] = assume(("segments", s.id, key), spread[1], spread)
        block["places"] = [f"{p.name} ({p.kind})" for p in s.places]
        block["demand"] = list(s.demand)
        block["needs"], block["pains"] = list(s.needs), list(s.pains)
        out.assumed.add(("segments", s.id, ""))
        d["segments"].append(block)
    d["competitors"] = [
        {"name": c.name, "strengths": list(c.strengths), "weaknesses": list(c.weaknesses)} for c in preset.competitors
    ]
    out.assumed.update(("competitors", c.name, "") for c in preset.competitors)
    audit: dict[str, Any] = {"date": today}
    for tool in preset.tools.not_needed:
        audit[tool] = assume(("audit", "", tool), "not needed")
    d["audit"] = audit
    d["budget"] = {"budget_monthly": assume(("budget", "", "budget_monthly"), preset.budget_monthly[1]), "start": begin}
    out.ranges[("budget", "", "budget_monthly")] = (preset.budget_monthly[0], preset.budget_monthly[2])
    d["initiatives"] = []
    for i in preset.initiatives:
        first = add_months(begin, i.start_month - 1)
        block = {"id": i.id, "title": i.title, "component": i.component, "segments": list(i.segments)}
        block["goals"] = list(i.goals)
        for key in ("budget_monthly", "new_customers_monthly", "cost"):
            spread = getattr(i, key)
            block[key] = assume(("initiatives", i.id, key), _number(spread[1]), spread)
        block["start"] = first
        block["end"] = min(add_months(first, i.duration_months) - timedelta(days=1), end)
        if i.months:
            block["months"] = list(i.months)
        out.assumed.add(("initiatives", i.id, ""))
        d["initiatives"].append(block)
    d["checkpoints"] = [
        {"date": add_months(begin, 3) - timedelta(days=1)},
        {"date": add_months(begin, 6) - timedelta(days=1)},
    ]
    cadence = preset.content.cadence
    d["content"] = {
        "cadence": ", ".join(cadence) if isinstance(cadence, list) else cadence,
        "minutes_per_day": preset.content.minutes_per_day,
        "holidays": "RU" if language == "ru" else None,
    }
    d["publish"] = {"visibility": "unlisted"}
    return out


def block_id(section_id: str, block: dict[str, Any]) -> str:
    """The key a block is known by in `assumed`: its id, or a competitor's name."""
    return str(block.get("id") or block.get("name") or "")


def merge(given: Answers, defaults: Answers) -> Answers:
    """The given answers, with what they leave out taken (and marked assumed) from the defaults."""
    out = Answers(dict(given.data))
    out.data.setdefault("preset", defaults.preset)
    out.data.setdefault("language", defaults.language)
    for s in sections():
        mine, theirs = given.data.get(s.id), defaults.data.get(s.id)
        if theirs is None:
            continue
        if mine is None:
            out.data[s.id] = theirs
            out.assumed |= {p for p in defaults.assumed if p[0] == s.id}
            out.ranges |= {p: r for p, r in defaults.ranges.items() if p[0] == s.id}
            continue
        if s.repeat:
            by_id = {block_id(s.id, b): b for b in theirs}
            out.data[s.id] = [_fill(s.id, b, by_id.get(block_id(s.id, b)), defaults, out) for b in mine]
        else:
            out.data[s.id] = _fill(s.id, mine, theirs, defaults, out)
    return out


def _fill(section_id: str, mine: dict[str, Any], theirs: dict[str, Any] | None, defaults: Answers, out: Answers) -> Any:
    if not isinstance(mine, dict) or theirs is None:
        return mine
    ident = block_id(section_id, mine) if section(section_id).repeat else ""
    filled = dict(mine)
    for key, value in theirs.items():
        if key not in mine or mine[key] is None:
            filled[key] = value
            path = (section_id, ident, key)
            if path in defaults.assumed:
                out.assumed.add(path)
                if path in defaults.ranges:
                    out.ranges[path] = defaults.ranges[path]
    return filled


def answers_for(given: Answers | None, preset_id: str | None, language: str | None, today: date, file: str) -> Answers:
    """The answers to write a plan from: the given ones over the preset's defaults (when a preset is named)."""
    chosen = preset_id or (given.preset if given else None)
    lang = language or (given.language if given and given.data.get("language") else None) or "ru"
    if given is not None and preset_id and given.preset and given.preset != preset_id:
        raise answers_error(file, f"the answers name preset '{given.preset}', the command '{preset_id}'")
    if chosen is None:
        if given is None:
            raise UserError("give --preset ID with --defaults (or an answers file with the answers)")
        return given
    currency = None
    if given is not None and isinstance(given.data.get("business"), dict):
        currency = given.data["business"].get("currency")
    start = None
    if given is not None and isinstance(given.data.get("budget"), dict):
        start = _month(given.data["budget"].get("start"))
    defaults = preset_answers(load_preset(chosen, lang, currency), lang, today, start)
    if given is None:
        return defaults
    merged = merge(given, defaults)
    merged.data["language"] = lang
    return merged


def _month(value: Any) -> date | None:
    if isinstance(value, date):
        return value.replace(day=1)
    try:
        return date.fromisoformat(f"{str(value).strip()[:7]}-01") if value else None
    except ValueError:
        return None  # the plan's loader reports it at its line


def status_of(value: Any) -> str | None:
    """The plan's status for an audit answer (yes / partly / no / not needed, or the plan's own words)."""
    if value is None or str(value).strip() == "":
        return None
    return STATUS_WORDS.get(str(value).strip().lower(), str(value).strip())


PRACTICE_KEYS = tuple(PRACTICES)
