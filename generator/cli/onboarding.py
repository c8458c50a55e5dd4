"""The commands that bring a new client in: a plan from the first meeting (`new --preset/--defaults/
--answers/--interview`), the meeting's printable questionnaire (`intake`), and the client's own
exports measured into `measured/<slug>.yaml` (`import`).

Kept apart from `generator.cli.commands` (the pipeline's commands) so each module stays small; the
same rules hold: heavy libraries imported inside the command that needs them, exit statuses from
`generator.cli.commands`.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from generator.cli.commands import EXIT_OK, cmd_check
from generator.cli.output import stdout
from generator.errors import UserError


def cmd_new(args: argparse.Namespace) -> int:
    """Write a commented starter plan; never overwrite an existing file."""
    from generator.starter import write_starter

    if args.preset or args.defaults or args.answers or args.interview:
        return _new_from_answers(args)
    path = write_starter(args.slug, language=args.language or "ru", folder=Path(args.dir))
    stdout().print(f"wrote {path}: fill it in step by step, then run: playbook check {path}", markup=False)
    return EXIT_OK


def _new_from_answers(args: argparse.Namespace) -> int:
    """`new --preset/--defaults/--answers/--interview`: write the plan, then check it and say what is missing."""
    from generator.intake.new import plan_from_answers
    from generator.present.i18n import t
    from generator.presets import add_folder

    add_folder(args.presets)
    today = args.today or date.today()
    given = None
    language = args.language
    if args.interview:
        from generator.intake.interview import run_interview

        given = run_interview(args.preset, args.language or "ru", today, args.slug)
    elif not (args.defaults or args.answers):
        raise UserError("with --preset, choose --defaults, --answers FILE or --interview")
    answers_file = Path(args.answers) if args.answers else None
    path, answers = plan_from_answers(
        args.slug,
        folder=Path(args.dir),
        today=today,
        preset_id=args.preset,
        language=language,
        answers_file=answers_file,
        given=given,
    )
    lang = answers.language
    stdout().print(t("intake.wrote", lang).format(file=path), markup=False)
    if assumed := path.read_text(encoding="utf-8").count("# assumed"):
        stdout().print(t("intake.assumed", lang).format(count=assumed), markup=False)
    return cmd_check(argparse.Namespace(paths=[str(path)], strict=False, today=today))


def cmd_intake(args: argparse.Namespace) -> int:
    """Write the first meeting's questionnaire: PDF (WeasyPrint, sealed) or Markdown."""
    from generator.intake.form import write_form
    from generator.presets import add_folder

    add_folder(args.presets)
    output = Path(args.output or f"intake-{args.language}.pdf")
    path = write_form(
        output, language=args.language, preset_id=args.preset, today=args.today or date.today(), force=args.force
    )
    stdout().print(f"wrote {path}", markup=False)
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    """Measure a client's exports into measured/<slug>.yaml (aggregates only); say what was read and skipped."""
    from generator.importer.run import Options, parse_maps, run_import, write_lost
    from generator.load.loader import load_plan
    from generator.model.measured import Period

    today = args.today or date.today()
    plan = Path(args.plan)
    if not plan.is_file():
        raise UserError(f"{args.plan}: no such plan file")
    missing = [f for f in args.files if not Path(f).is_file()]
    if missing:
        raise UserError(f"{missing[0]}: no such file")
    period = None
    if args.period:
        start, sep, end = args.period.partition("..")
        try:
            period = Period(start=date.fromisoformat(start), end=date.fromisoformat(end))
        except ValueError:
            raise UserError(f"--period {args.period}: write FROM..TO, e.g. 2026-05-21..2026-08-19") from None
        if not sep or period.end < period.start:
            raise UserError(f"--period {args.period}: write FROM..TO with FROM not after TO")
    export_lost = Path(args.export_lost) if args.export_lost else None
    loaded = load_plan(plan, today=today)
    options = Options(
        files=[Path(f) for f in args.files],
        today=today,
        kind=args.kind,
        period=period,
        maps=parse_maps(args.map),
        dry_run=args.dry_run,
        export_lost=export_lost,
    )
    if export_lost is not None:
        from generator.importer.run import check_lost_target

        check_lost_target(export_lost, plan)
    outcome = run_import(loaded, options)
    for line in outcome.lines:
        stdout().print(line, markup=False, highlight=False)
    if args.dry_run:
        stdout().print(f"dry run: {outcome.target} not written", markup=False)
    else:
        state = "written" if outcome.written else "unchanged"
        stdout().print(f"{outcome.target}: {state}", markup=False)
    if export_lost is not None and not args.dry_run:
        write_lost(export_lost, outcome)
        count = len(outcome.lost_rows)
        stdout().print(f"{export_lost}: {count} lost customers' contacts (personal data)", markup=False)
    return EXIT_OK
