"""The plan's `data` section (contract v3): how the client's exports map onto the plan.

Which CRM stages count as won besides the CRM's own success stages, which deals belong to which
segment and which initiative brought them, and which survey answer names which segment. Ids are
checked against the plan's segments and initiatives by `generator.load.references`.
"""

from __future__ import annotations

from pydantic import Field

from generator.model.values import Id, Section, Text


class Mapping(Section):
    """Deals that match: any tag, the pipeline or any source equal to a listed value (v3)."""

    tags: list[Text] = Field(default_factory=list, description="Deal tags (the Теги cell split at , and ;)")
    pipelines: list[Text] = Field(default_factory=list, description="Pipelines (Воронка / Направление)")
    sources: list[Text] = Field(default_factory=list, description="Sources (utm_source, Источник)")


class NpsMapping(Section):
    """Which survey question names the respondent's segment, and which answers mean which segment (v3)."""

    segment_column: Text | None = Field(None, description="Header of the survey question that names the segment")
    answers: dict[Id, list[Text]] = Field(
        default_factory=dict, description="Segment id → answers that mean it (besides its id and name)"
    )


class DataSection(Section):
    """How the client's exports (`playbook import`) map onto this plan (v3)."""

    won_stages: list[Text] = Field(
        default_factory=list, description="Deal stages that count as won, besides the CRM's own success stages"
    )
    segments: dict[Id, Mapping] = Field(
        default_factory=dict, description="Segment id → the deals that belong to it (first match in plan order)"
    )
    initiatives: dict[Id, Mapping] = Field(
        default_factory=dict, description="Initiative id → the deals it brought (first match in plan order)"
    )
    nps: NpsMapping | None = Field(None, description="The survey's segment question and its answers")
