"""The JSON Schema of a plan file, for editors (committed as plan.schema.json)."""

from __future__ import annotations

from typing import Any

from generator.model.plan import Plan
from generator.model.values import Section


def plan_json_schema() -> dict[str, Any]:
    """JSON Schema of a plan file, for editors (committed as plan.schema.json).

    Assessments and practices accept a bare status as shorthand; pydantic only sees the
    mapping form after the before-validator, so the shorthand is added here.
    """
    schema = Plan.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    statuses = {"type": "string", "enum": ["absent", "partial", "done", "n/a"]}

    shorthand = {"Assessment", "Practice", "CrmPractice"}

    def widen(node: Any) -> Any:
        if isinstance(node, dict):
            if node.get("$ref", "").split("/")[-1] in shorthand:
                return {"anyOf": [node, statuses]}
            return {key: widen(value) for key, value in node.items()}
        if isinstance(node, list):
            return [widen(item) for item in node]
        return node

    schema["$defs"] = widen(schema.get("$defs", {}))
    models: list[type[Section]] = list(Section.__subclasses__())
    while models:
        cls = models.pop()
        models.extend(cls.__subclasses__())
        node = schema if cls is Plan else schema["$defs"].get(cls.__name__, {})
        for name, field in cls.model_fields.items():
            prop = node.get("properties", {}).get(name)
            if prop is not None and field.default_factory is list and prop.get("type") == "array":
                prop["type"] = ["array", "null"]  # `key:` with nothing after it is an empty list
    return schema
