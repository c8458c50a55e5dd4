"""Industry presets: what a bakery, an auto service or a clinic usually has, as data.

A preset is one YAML file, `<id>.yaml`, with every text in both languages (`{ru: …, en: …}`) and
every sum of money in the currency the plan is likely to use (`{RUB: […], USD: […]}`). Figures are
ranges `[low, default, high]`: a first meeting starts from the default and the written plan marks
it as assumed until the client confirms it (`playbook new --preset ID`). A preset brings typical
segments with their economics, needs, pains, places and demand seeds, competitor types, the tools
that matter for that kind of business (high priority) and those usually not needed (`n/a`
suggestions), typical initiatives with cost ranges and the goals (KPIs) they serve.

Built-in presets live beside this module; a consultant adds their own folders with the
environment variable `PLAYBOOK_PRESETS` (folders separated by the OS path separator) or
`--presets DIR`; a preset there with a built-in id replaces the built-in one.
"""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from generator.catalogue import FAMILIES
from generator.errors import UserError

FOLDER = Path(__file__).resolve().parent
ENV = "PLAYBOOK_PRESETS"
PRESET_ID = r"^[a-z0-9][a-z0-9-]*$"
DEFAULT_CURRENCY = {"ru": "RUB", "en": "USD"}

Range = tuple[float, float, float]  # low, default, high


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PresetGoal(_Strict):
    """A typical e-marketing goal and the business goal it serves."""

    id: str = Field(pattern=PRESET_ID)
    business_goal: str
    title: str
    metric: str
    unit: str
    baseline: float | str
    target: float | str


class PresetPlace(_Strict):
    """Where a segment usually gathers."""

    name: str
    kind: Literal["search", "social", "messenger", "marketplace", "maps", "forum", "email", "offline", "other"]


class PresetEconomics(_Strict):
    """A segment's economics as ranges [low, default, high]."""

    average_check: Range
    purchases_per_year: Range
    lifetime_years: Range
    gross_margin: tuple[float | str, float | str, float | str]


class PresetSegment(_Strict):
    """A typical segment."""

    id: str = Field(pattern=PRESET_ID)
    name: str
    share: float | str
    portrait: str
    economics: PresetEconomics
    needs: list[str]
    pains: list[str]
    places: list[PresetPlace]
    demand: list[str]


class PresetCompetitor(_Strict):
    """A type of competitor (the consultant replaces it with real names)."""

    name: str
    strengths: list[str]
    weaknesses: list[str]


class PresetInitiative(_Strict):
    """A typical initiative with its cost ranges, timing (months from the plan's start) and goals."""

    id: str = Field(pattern=PRESET_ID)
    title: str
    component: str
    segments: list[str]
    goals: list[str]
    budget_monthly: Range
    cost: Range
    new_customers_monthly: Range
    start_month: int = Field(1, ge=1, le=24)
    duration_months: int = Field(12, ge=1, le=120)
    months: list[int] = Field(default_factory=list)


class PresetTools(_Strict):
    """The catalogue tools that matter for this kind of business, and those usually not needed."""

    matter: list[str]
    not_needed: list[str]


class PresetContent(_Strict):
    """The content rhythm a business of this kind can usually keep."""

    cadence: list[str] | str
    minutes_per_day: int


class Preset(_Strict):
    """One preset in one language and currency."""

    id: str = Field(pattern=PRESET_ID)
    name: str
    model: Literal["b2c", "b2b", "b2b2c", "b2g"]
    industry: str
    currency: str
    budget_monthly: Range
    tools: PresetTools
    goals: list[PresetGoal]
    segments: list[PresetSegment]
    competitors: list[PresetCompetitor]
    initiatives: list[PresetInitiative]
    content: PresetContent


@dataclass(frozen=True)
class PresetFile:
    """Where a preset id is defined."""

    id: str
    path: Path


def preset_folders(extra: Path | None = None) -> list[Path]:
    """The built-in folder, then PLAYBOOK_PRESETS' folders, then `extra` (later ones win)."""
    folders = [FOLDER]
    folders += [Path(p) for p in os.environ.get(ENV, "").split(os.pathsep) if p.strip()]
    if extra is not None:
        folders.append(extra)
    return folders


def add_folder(folder: str | None) -> None:
    """`--presets DIR`: the consultant's presets for this run, passed on as PLAYBOOK_PRESETS so that the
    check after `playbook new` (and anything else in the process) knows them too."""
    if folder:
        if not Path(folder).is_dir():
            raise UserError(f"--presets {folder}: no such folder")
        os.environ[ENV] = os.pathsep.join(p for p in (os.environ.get(ENV), folder) if p)


def known_presets(extra: Path | None = None) -> dict[str, PresetFile]:
    """Every preset id → its file; a consultant's folder may replace a built-in id."""
    found: dict[str, PresetFile] = {}
    for folder in preset_folders(extra):
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.yaml")):
            if re.match(PRESET_ID, path.stem):
                found[path.stem] = PresetFile(path.stem, path)
    return found


def unknown_preset_hint(value: str, extra: Path | None = None) -> str:
    """`did you mean 'auto-service'?` or the list of known ids, for an id that is not a preset."""
    known = sorted(known_presets(extra))
    close = difflib.get_close_matches(value, known, n=1, cutoff=0.5)
    return f"did you mean '{close[0]}'?" if close else f"known presets: {', '.join(known)}"


def _localise(node: Any, language: str, currency: str) -> Any:
    """Pick the language of every `{ru, en}` text and the currency of every `{RUB, USD}` sum."""
    if isinstance(node, dict):
        keys = set(node)
        if keys and keys <= {"ru", "en"}:
            return _localise(node.get(language, node.get("en")), language, currency)
        if keys and all(re.fullmatch(r"[A-Z]{3}", str(k)) for k in keys):
            chosen = currency if currency in node else DEFAULT_CURRENCY.get(language, "USD")
            return _localise(node.get(chosen, next(iter(node.values()))), language, currency)
        return {k: _localise(v, language, currency) for k, v in node.items()}
    if isinstance(node, list):
        return [_localise(v, language, currency) for v in node]
    return node


def load_preset(preset_id: str, language: str, currency: str | None = None, extra: Path | None = None) -> Preset:
    """The preset `preset_id` in `language` with sums in `currency` (default: the language's usual one).

    Money comes in the currency the preset gives for it, else in the language's default currency:
    either way a default to confirm with the client.
    """
    files = known_presets(extra)
    if preset_id not in files:
        raise UserError(f"'{preset_id}' is not a preset; {unknown_preset_hint(preset_id, extra)}")
    path = files[preset_id].path
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise UserError(f"{path}: the preset cannot be read: {exc}") from None
    if not isinstance(raw, dict):
        raise UserError(f"{path}: a preset is a mapping with id, name, segments, …")
    chosen = currency or DEFAULT_CURRENCY.get(language, "USD")
    data = _localise(raw, language, chosen)
    data["currency"] = chosen if _has_currency(raw, chosen) else DEFAULT_CURRENCY.get(language, "USD")
    try:
        preset = Preset.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
        raise UserError(f"{path}: not a valid preset: {problems}") from None
    _check_tools(preset, path)
    return preset


def _has_currency(raw: dict[str, Any], currency: str) -> bool:
    budget = raw.get("budget_monthly")
    return isinstance(budget, dict) and currency in budget


def _check_tools(preset: Preset, path: Path) -> None:
    """Components and references of a preset name catalogue tools and its own ids."""
    tools = {f"{family}.{tool}" for family, fam in FAMILIES.items() for tool in fam.tools}
    named = [*preset.tools.matter, *preset.tools.not_needed, *(i.component for i in preset.initiatives)]
    wrong = [t for t in named if t not in tools]
    segments, goals = {s.id for s in preset.segments}, {g.id for g in preset.goals}
    wrong += [s for i in preset.initiatives for s in i.segments if s not in segments]
    wrong += [g for i in preset.initiatives for g in i.goals if g not in goals]
    wrong += [str(m) for i in preset.initiatives for m in i.months if not 1 <= m <= 12]
    if wrong:
        raise UserError(f"{path}: not a valid preset: unknown tools, segments, goals or months: {', '.join(wrong)}")
