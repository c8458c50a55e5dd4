"""`playbook intake`: the first meeting's questionnaire on paper, in the interview's order.

Every question of `generator.intake.questions` is printed with its key in the answers file
(`segments[0].average_check`), so the answers written on the form are typed into an answers
file one to one and `playbook new SLUG --answers FILE` makes the plan. With a preset, its
suggestions are printed beside the questions (to confirm or correct). The PDF is rendered by
the project's WeasyPrint renderer with its sealed fetcher (theme files only); `.md` gives the
same form as Markdown.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from generator.catalogue import Label
from generator.errors import UserError
from generator.intake.answers import Answers, preset_answers
from generator.intake.interview import answer_text
from generator.intake.questions import STATUS_CHOICES, STATUS_LABELS, sections
from generator.presets import load_preset

MARK = "<!-- playbook intake form -->"
WORDS = {
    "title": Label("Анкета первой встречи", "First meeting questionnaire"),
    "note": Label(
        "Вопросы идут в порядке метода. Ключ под вопросом — это ключ в файле ответов: перенесите ответы "
        "в answers.yaml и выполните playbook new SLUG --answers answers.yaml. Подсказки шаблона отрасли — "
        "предположения: подтвердите или исправьте их.",
        "The questions follow the method's order. The key under each question is its key in the answers "
        "file: copy the answers into answers.yaml and run playbook new SLUG --answers answers.yaml. The "
        "industry preset's suggestions are assumptions: confirm or correct them.",
    ),
    "suggested": Label("подсказка", "suggested"),
    "preset": Label("Шаблон отрасли", "Industry preset"),
    "answer": Label("Ответ", "Answer"),
    "matters": Label("важно для этой отрасли", "matters for this industry"),
}


def form_context(language: str, preset_id: str | None, today: date) -> dict[str, Any]:
    """The form's values: sections, blocks and questions with their answer keys and suggestions."""
    preset = load_preset(preset_id, language) if preset_id else None
    defaults = preset_answers(preset, language, today) if preset else Answers({})
    out = []
    for s in sections():
        suggested = defaults.data.get(s.id)
        blocks: list[dict[str, Any]]
        if s.repeat:
            count = max(len(suggested or []), 2)
            item = s.item.in_(language) if s.item else s.id
            blocks = [
                {"heading": f"{item} {i + 1}", "rows": _rows(s.questions, f"{s.id}[{i}]", _at(suggested, i), language)}
                for i in range(count)
            ]
        else:
            rows = _rows(s.questions, s.id, suggested or {}, language)
            blocks = [{"heading": "", "rows": rows}]
            if s.id == "audit" and preset:
                matters = WORDS["matters"].in_(language)
                for row in rows:
                    if row["key"].removeprefix("audit.") in preset.tools.matter:
                        row["hint"] = matters
        out.append({"title": s.title.in_(language), "blocks": blocks})
    return {
        "language": language,
        "title": WORDS["title"].in_(language),
        "preset": f"{WORDS['preset'].in_(language)}: {preset.name} ({preset.id})" if preset else "",
        "note": WORDS["note"].in_(language),
        "answer": WORDS["answer"].in_(language),
        "sections": out,
    }


def _at(blocks: Any, i: int) -> dict[str, Any]:
    return blocks[i] if isinstance(blocks, list) and i < len(blocks) else {}


def _rows(questions: Any, prefix: str, suggested: dict[str, Any], language: str) -> list[dict[str, str]]:
    rows = []
    for q in questions:
        value = answer_text(suggested.get(q.key), q.kind)
        if q.kind == "status":
            choices = "  ".join(f"☐ {STATUS_LABELS[c].in_(language)}" for c in STATUS_CHOICES)
            value = STATUS_LABELS[value].in_(language) if value in STATUS_LABELS else ""
        elif q.choices and len(q.choices) <= 6:
            choices = "  ".join(f"☐ {c}" for c in q.choices)
        else:
            choices = ""
        hint = f"{WORDS['suggested'].in_(language)}: {value}" if value else ""
        rows.append({"question": q.text(language), "key": f"{prefix}.{q.key}", "choices": choices, "hint": hint})
    return rows


def render_form_md(context: dict[str, Any]) -> str:
    """The form as Markdown (its first line marks it as playbook's, so it may be rewritten)."""
    from generator.render.templating import render_template

    return render_template("pdf/intake.j2.md", mark=MARK, **context)


def render_form_pdf(context: dict[str, Any]) -> bytes:
    """The form as a PDF (WeasyPrint with the sealed fetcher)."""
    from generator.render.pdf import render_document
    from generator.render.templating import render_template

    return render_document(render_template("pdf/intake.j2.html", **context))


def write_form(output: Path, *, language: str, preset_id: str | None, today: date, force: bool = False) -> Path:
    """Write the form to `output` (.pdf or .md); never over a file playbook did not write, unless forced."""
    from generator.write.files import check_output_file, starts_with, write_atomic

    suffix = output.suffix.lower()
    if suffix not in (".pdf", ".md"):
        raise UserError(f"{output}: the intake form is written as .pdf or .md")

    def ours(path: Path) -> bool:
        return starts_with(path, b"%PDF") if suffix == ".pdf" else starts_with(path, MARK.encode())

    check_output_file(output, what="intake form", is_previous_output=ours, inputs={}, force=force)
    context = form_context(language, preset_id, today)
    data = render_form_pdf(context) if suffix == ".pdf" else render_form_md(context).encode("utf-8")
    write_atomic(output, data)
    return output
