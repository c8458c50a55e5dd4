"""Stage 1 of the pipeline: load a plan file (YAML → validated model), or say exactly what is wrong.

`load_plan` reads the file safely (`generator.load.yamlsource`), checks the slug, the references
between sections and the model, and either returns a `LoadedPlan` or raises one
`PlanValidationError` with every problem of the file, each located at `file:line:col`.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from datetime import date
from functools import lru_cache
from pathlib import Path as FsPath
from typing import Any

import holidays as holidays_lib
from babel.numbers import list_currencies
from pydantic import BaseModel, ValidationError

from generator.errors import PlanError, PlanValidationError, message
from generator.load.planfiles import display_path, read_plan_bytes
from generator.load.references import check_actuals, check_references
from generator.load.yamlsource import Path, Source, dotted, read_yaml
from generator.model import SLUG_PATTERN, LoadedPlan, Plan
from generator.model.measured import Measured
from generator.model.values import ID_PATTERN
from generator.presets import known_presets, unknown_preset_hint


def load_plan(path: FsPath | str, *, follow_previous: bool = True, today: date | None = None) -> LoadedPlan:
    """Load and validate one plan file; raise `PlanValidationError` with all its problems.

    `today` (default the real date) is the day the plan is read for: actuals of a later month
    are refused, so `--today` and a build's day judge a plan the way its figures do.
    """
    path = FsPath(path)
    shown = display_path(path)
    raw = read_plan_bytes(path, shown)
    source = read_yaml(raw, shown)
    plan, errors = validate_source(source, today=today)
    if not re.match(SLUG_PATTERN, path.stem):
        errors.append(PlanError(shown, 1, 1, "", message("bad_slug", stem=path.stem)))
    previous = None
    if plan is not None and follow_previous and plan.audit and plan.audit.previous:
        previous, problem = _load_previous(path, plan, today)
        if problem:
            errors.append(source.error(("audit", "previous"), problem))
    if errors or plan is None:
        raise PlanValidationError(errors)
    measured = load_measured(path, today) if follow_previous else None
    return LoadedPlan(
        slug=path.stem, path=path, plan=plan, previous=previous, positions=source.values, measured=measured
    )


def load_measured(plan: FsPath, today: date | None = None) -> Measured | None:
    """The plan's `measured/<slug>.yaml` (v3), validated like a plan; None when there is none."""
    from generator.load.planfiles import measured_path

    path = measured_path(plan)
    if not path.is_file():
        return None
    shown = display_path(path)
    source = read_yaml(read_plan_bytes(path, shown), shown)
    errors = list(source.errors)
    measured = None
    if not errors:
        try:
            measured = Measured.model_validate(source.data if isinstance(source.data, dict) else {"version": None})
        except ValidationError as exc:
            errors.extend(_translate(exc, source, Measured))
    if errors or measured is None:
        raise PlanValidationError(errors)
    return measured


def load_text(text: str, file: str = "plan.yaml", today: date | None = None) -> Plan:
    """Validate plan text (tests, editors); raises `PlanValidationError` like `load_plan`."""
    plan, errors = validate_source(read_yaml(text.encode("utf-8"), file), today=today)
    if errors or plan is None:
        raise PlanValidationError(errors)
    return plan


def validate_source(source: Source, today: date | None = None) -> tuple[Plan | None, list[PlanError]]:
    """The model for a read source, and every problem found in it (reading, references, model).

    `today` (default the real date) bounds the months an initiative may report actuals for.
    """
    errors = list(source.errors)
    if errors:
        return None, errors
    data = source.data
    if not isinstance(data, dict):
        return None, [PlanError(source.file, 1, 1, "", message("not_mapping_root"))]
    for path, text in check_references(data, source.values):
        errors.append(source.error(path, text))
    for path, text in check_actuals(data, source.values, today or date.today()):
        errors.append(source.error(path, text))
    errors.extend(_check_values(data, source))
    plan: Plan | None = None
    try:
        plan = Plan.model_validate(data)
    except ValidationError as exc:
        errors.extend(_translate(exc, source))
    return (plan if not errors else None), errors


def _check_values(data: dict[str, Any], source: Source) -> list[PlanError]:
    """Value checks that need a library's knowledge: currencies, holiday calendars."""
    errors = []
    business = data.get("business")
    currency = business.get("currency") if isinstance(business, dict) else None
    if isinstance(currency, str) and (not re.fullmatch(r"[A-Z]{3}", currency) or currency not in list_currencies()):
        errors.append(source.error(("business", "currency"), message("currency", value=currency)))
    preset = business.get("preset") if isinstance(business, dict) else None
    if isinstance(preset, str) and re.match(ID_PATTERN, preset) and preset not in known_presets():
        hint = unknown_preset_hint(preset)
        errors.append(source.error(("business", "preset"), message("unknown_preset", value=preset, hint=hint)))
    content = data.get("content")
    country = content.get("holidays") if isinstance(content, dict) else None
    if isinstance(country, str) and not supported_country(country.upper()):
        errors.append(source.error(("content", "holidays"), message("holidays_country", value=country)))
    return errors


def _load_previous(path: FsPath, plan: Plan, today: date | None) -> tuple[LoadedPlan | None, str | None]:
    """The earlier plan named by `audit.previous`: in the same plans folder, of the same client."""
    previous = plan.audit.previous if plan.audit and plan.audit.previous else ""
    try:
        folder = path.parent.resolve()
        target = (path.parent / previous).resolve()
        this = path.resolve()
    except (OSError, RuntimeError):  # RuntimeError: a link loop (Python < 3.13)
        return None, message("link_loop")
    if not target.is_relative_to(folder):
        return None, message("previous_outside", value=previous)
    if target == this:
        return None, message("previous_self")
    if not target.exists() or target.is_dir():
        return None, message("previous_missing", value=previous, resolved=display_path(target))
    # The earlier plan is validated on its own terms; its own `previous` is not followed.
    earlier = load_plan(target, follow_previous=False, today=today)
    if not same_client(path.stem, plan, earlier):
        return None, message(
            "previous_other_client", value=previous, name=earlier.plan.business.name, slug=path.stem
        )
    return earlier, None


def _client_name(name: str) -> str:
    return " ".join(name.split()).casefold()


def same_client(slug: str, plan: Plan, earlier: LoadedPlan) -> bool:
    """An earlier plan is the same client's when named after the slug (`archive/northwind-2025.yaml`
    for `northwind`, or `archive/northwind.yaml`) or when it names the same business."""
    named_after = earlier.slug == slug or earlier.slug.startswith(f"{slug}-")
    return named_after or _client_name(earlier.plan.business.name) == _client_name(plan.business.name)


# pydantic errors → located, friendly errors ---------------------------------------------------

_KIND = {dict: "a mapping", list: "a list", str: "text", type(None): "nothing"}


def _kind(value: Any) -> str:
    return _KIND.get(type(value), type(value).__name__)


def _translate(exc: ValidationError, source: Source, root: type[BaseModel] = Plan) -> list[PlanError]:
    out = []
    for err in exc.errors(include_url=False):
        loc: Path = tuple(err["loc"])
        kind, value = err["type"], err.get("input")
        ctx = err.get("ctx") or {}
        if kind == "extra_forbidden":
            out.append(source.error(loc, _unknown_key(loc, source, root), key=True, input=str(loc[-1])))
            continue
        if kind == "missing":
            line, col = source.position(loc[:-1])
            out.append(PlanError(source.file, line, col, dotted(loc), message("missing", field=loc[-1])))
            continue
        if kind == "literal_error":
            choices = str(ctx.get("expected", "")).replace("'", "").replace(" or ", ", ")
            text = message("choice", value=value, choices=choices)
        elif kind in ("model_type", "model_attributes_type", "dict_type"):
            text = message("mapping", kind=_kind(value))
        elif kind == "list_type":
            text = message("list", kind=_kind(value))
        elif kind == "string_type":
            text = message("text", kind=_kind(value))
        elif kind == "string_too_short":
            text = message("generic", detail="must not be empty")
        elif kind in _CUSTOM_CODES:
            text = err["msg"]
        else:
            text = message("generic", detail=err["msg"])
        out.append(source.error(loc, text, input=None if value is None else str(value)[:200]))
    return out


_CUSTOM_CODES = {
    "share_range",
    "share_format",
    "number",
    "integer",
    "positive",
    "non_negative",
    "date",
    "month",
    "id",
    "url",
    "text",
    "choice",
    "cadence_empty",
    "text_colon",
}


def _unknown_key(loc: Path, source: Source, root: type[BaseModel] = Plan) -> str:
    key = str(loc[-1])
    allowed = _keys_at(loc[:-1], root)
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    if loc in source.bare_keys and (not close or not re.fullmatch(r"[a-z][a-z0-9_]*", key)):
        # `{finding: Счётчик стоит, цели не настроены.}`: the comma ended the text, YAML-wise
        return message("extra_comma", key=key)
    hint = ""
    if allowed:
        hint = (
            message("extra_hint", suggestion=close[0])
            if close
            else message("extra_choices", choices=", ".join(allowed))
        )
    return message("extra", key=key, hint=hint)


def _model_of(annotation: Any) -> Any:
    """Strip Optional, list and Annotated wrappers down to a model class (or None)."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            models = [a for a in typing.get_args(annotation) if _model_of(a) is not None]
            annotation = models[0] if models else None
        elif origin is list:
            annotation = typing.get_args(annotation)[0]
        elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
            return annotation
        else:
            return None


def _walk(loc: Path, root: type[BaseModel] = Plan) -> tuple[type[BaseModel] | None, Any]:
    """The model at `loc` in a plan, and the field info of `loc`'s last key."""
    model: Any = root
    field = None
    for part in loc:
        if isinstance(part, int) or model is None:
            continue
        field = model.model_fields.get(str(part))
        if field is None:
            return None, None
        model = _model_of(field.annotation)
    return model, field


def _keys_at(loc: Path, root: type[BaseModel] = Plan) -> list[str]:
    model, _ = _walk(loc, root)
    return list(model.model_fields) if model is not None else []


@lru_cache(maxsize=64)
def supported_country(code: str) -> bool:
    """Whether `holidays` knows the country: asking for its calendar loads that country alone
    (`list_supported_countries` imports all 250 of them, a tenth of a second in every process)."""
    try:
        holidays_lib.country_holidays(code)
    except NotImplementedError:
        return False
    return True
