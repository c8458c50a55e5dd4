"""The sub-commands of `playbook`: each calls the pipeline's stages and returns an exit status.

load (YAML → model) → compute (figures) → render (pages, PDF, calendar) → write. Nothing here
computes a figure or formats a page; commands choose inputs, call the stages, print results
and map outcomes to exit statuses (0 good, 1 a plan has problems, 2 the user asked for
something impossible). Heavy libraries are imported inside the command that needs them, so
`playbook check` stays quick.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from generator.cli.output import plan_files, print_errors, print_warnings, stderr, stdout
from generator.errors import BuildAborted, BuildInterrupted, PlanError, PlanValidationError, UserError

if TYPE_CHECKING:
    from generator.model import LoadedPlan

EXIT_OK, EXIT_PLAN, EXIT_USER, EXIT_BUG = 0, 1, 2, 3
EXIT_INTERRUPTED = 130
INTERRUPTED = "interrupted — the previous site is unchanged"
INTERRUPTED_REPLACED = "interrupted — the new site is in place"


def cmd_check(args: argparse.Namespace) -> int:
    """Validate plans, show which of the eight steps each one fills, then the method's warnings.

    Errors make a plan unusable (exit 1); method warnings (M101–M116) do not (exit 0), unless
    `--strict` asks for a plan that follows the method to the letter.
    """
    from generator.compute.figures import compute_figures
    from generator.load.loader import load_plan
    from generator.present.i18n import PlanLanguage, t, t_count
    from generator.present.lint import lint_line

    console = stdout()
    errors: list[PlanError] = []
    warnings: list[tuple[Path, str]] = []
    checked: list[LoadedPlan] = []
    linted: set[Path] = set()  # plans whose lint already reports the research days (M114)
    for path in plan_files(args.paths or ["plans"]):
        try:
            loaded = load_plan(path, today=args.today or date.today())
        except PlanValidationError as exc:
            errors.extend(exc.errors)
            continue
        checked.append(loaded)
        figures = compute_figures(loaded, args.today or date.today())
        language = PlanLanguage(figures.language, figures.locale)  # lint dates in the plan's locale
        filled = t_count("check.filled", sum(s.filled for s in figures.steps), language)
        line = t("check.ok", language).format(file=path, name=loaded.plan.business.name, filled=filled)
        console.print(line, markup=False)
        for step in figures.steps:
            mark = "✓" if step.filled else "·"
            state = "" if step.filled else f"  {t('check.empty', language)}"
            console.print(f"  {mark} {step.number}. {step.label(language)}{state}", markup=False)
        warnings.extend((path, lint_line(w, str(path), language)) for w in figures.lint)
        if any(w.code == "M114" for w in figures.lint):
            linted.add(loaded.path)
    _print_material_warnings(checked, args.today or date.today(), linted)
    _print_branding_warning()
    if errors:
        print_errors(errors)
    if warnings:
        print_warnings([text for _, text in warnings], len({p for p, _ in warnings}))
    if errors or (warnings and args.strict):
        return EXIT_PLAN
    return EXIT_OK


def _print_material_warnings(checked: list[LoadedPlan], day: date, linted: set[Path]) -> None:
    """The idea engine's warnings where a calendar's material runs out (issue 12), after the steps."""
    from generator.compute.schedule import loaded_calendar
    from generator.load.loader import display_path
    from generator.present.briefs import material_warnings

    for loaded in checked:
        calendar = loaded_calendar(loaded, day)
        if calendar is not None:
            name, language = loaded.plan.business.name, loaded.plan.business.language
            for line in material_warnings(calendar, name, language, research_days=loaded.path not in linted):
                stdout().print(f"{display_path(loaded.path)}: {line}", markup=False)


def _print_branding_warning() -> None:
    """The example branding still in the project's mkdocs.yml (the working folder's) reaches every client."""
    from generator.present.branding import example_warning, read_branding

    config = Path("mkdocs.yml")
    warning = example_warning(read_branding(config.read_text("utf-8"))) if config.is_file() else None
    if warning:
        stdout().print(warning, markup=False)


def cmd_schema(args: argparse.Namespace) -> int:
    """Print the JSON Schema of a plan file."""
    from generator.model import plan_json_schema

    sys.stdout.write(json.dumps(plan_json_schema(), ensure_ascii=False, indent=2) + "\n")
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    """Show every derived figure of a plan (terminal tables, or JSON)."""
    from generator.compute.figures import compute_figures
    from generator.load.loader import load_plan
    from generator.render.report import render_json, render_text
    from generator.render.terminal import printable, printable_json

    today = args.today or date.today()
    loaded = load_plan(Path(args.plan), today=today)
    figures = compute_figures(loaded, today)
    if args.json:
        sys.stdout.write(printable_json(render_json(figures)))
    else:
        segments = {s.id: s.name for s in loaded.plan.segments}
        width = stdout().width if sys.stdout.isatty() else 120
        sys.stdout.write(printable(render_text(figures, width=width, segments=segments, plan=loaded.plan)))
    return EXIT_OK


def cmd_build(args: argparse.Namespace) -> int:
    """Build the playbook site, PDF audits and calendar files."""
    from generator.builder.outputs import check_review_folder

    review = getattr(args, "review", None)
    if review:
        if args.shard:
            raise UserError("--review with --shard: build the review copy in a build without --shard")
        check_review_folder(Path(review), Path(args.site_dir))  # refused before anything is written
    try:
        from generator.builder.site import build_site
        from generator.load.planfiles import list_plans

        if Path(args.plans).is_dir():  # special files refused before the build cache hashes the folder
            list_plans(Path(args.plans))
        outcome = build_site(
            plans=Path(args.plans),
            clients=args.client or [],
            site_dir=Path(args.site_dir),
            today=args.today,
            use_cache=not args.no_cache,
            config_file=Path(args.config) if args.config else None,
            shard=args.shard or "",
            session=getattr(args, "session", None),
        )
    except BuildAborted as exc:  # MkDocs printed why
        return EXIT_PLAN if exc.plan_problems else EXIT_USER
    except KeyboardInterrupt as exc:  # Ctrl-C: one line, the shell's status for it (128 + SIGINT)
        replaced = isinstance(exc, BuildInterrupted) and exc.replaced
        stderr().print(f"playbook: {INTERRUPTED_REPLACED if replaced else INTERRUPTED}", markup=False)
        return EXIT_INTERRUPTED
    if outcome.up_to_date:
        stdout().print(
            f"{outcome.site_dir} is up to date: no plan, page, template or setting changed since it was built",
            markup=False,
        )
    elif outcome.shard is not None:
        own = ", ".join(outcome.clients) or "no client falls in this shard: the common pages only"
        stdout().print(f"built shard {outcome.shard} into {outcome.site_dir} ({own})", markup=False)
    else:
        stdout().print(f"built {outcome.site_dir} ({', '.join(outcome.clients)})", markup=False)
    return _build_review(args, Path(review)) if review else EXIT_OK


def _build_review(args: argparse.Namespace, folder: Path) -> int:
    """`build --review DIR`: the private clients of the build, unencrypted and marked, in their own site."""
    from generator.builder.site import build_site, private_clients

    private = private_clients(Path(args.plans), args.client or [])
    if not private:
        stdout().print(f"no private client in this build: no review copy written to {folder}", markup=False)
        return EXIT_OK
    try:
        outcome = build_site(
            plans=Path(args.plans),
            clients=private,
            site_dir=folder,
            today=args.today,
            use_cache=not args.no_cache,
            config_file=Path(args.config) if args.config else None,
            review=True,
        )
    except BuildAborted as exc:
        return EXIT_PLAN if exc.plan_problems else EXIT_USER
    shown = ", ".join(outcome.clients)
    stdout().print(f"review copy in {outcome.site_dir} ({shown}): not encrypted, not for publishing", markup=False)
    return EXIT_OK


def cmd_merge(args: argparse.Namespace) -> int:
    """Assemble the shards of a `playbook build --shard K/N` into the site one build would write."""
    from generator.builder.cache import forget_build
    from generator.builder.merge import merge_shards
    from generator.builder.outputs import check_output_folder

    project = Path.cwd().resolve()

    def project_check(site_dir: Path) -> None:
        # the project of ./mkdocs.yml (if any): its plans, pages, theme and cache are never replaced
        check_output_folder(site_dir, project=project, config_path=project / "mkdocs.yml", plans=project / "plans")
        forget_build(project, site_dir)  # a whole build's record of this folder no longer describes it

    outcome = merge_shards([Path(f) for f in args.shard_dirs], Path(args.site_dir), project_check=project_check)
    stdout().print(
        f"merged {outcome.shards} shards into {outcome.site_dir} ({len(outcome.clients)} clients)", markup=False
    )
    return EXIT_OK


def cmd_site_size(args: argparse.Namespace) -> int:
    """Check a built site against the host's size limit before it is uploaded (exit 2 when over)."""
    from generator.builder.sitesize import PAGES_LIMIT, check_size, human, parse_size

    limit = parse_size(args.limit) if args.limit else PAGES_LIMIT
    size = check_size(Path(args.site_dir), limit)
    stdout().print(f"{args.site_dir}: {human(size.total)}, within the limit of {human(limit)}", markup=False)
    return EXIT_OK


def cmd_pdf(args: argparse.Namespace) -> int:
    """Render one plan's PDF audit: exit 0, or 1 with the plan's located errors."""
    from generator.builder.pdfs import check_pdf_target, is_playbook_pdf, write_pdfs
    from generator.load.loader import display_path
    from generator.render.templating import check_theme
    from generator.write.files import check_output_file

    path = Path(args.plan)
    if not path.is_file():
        raise UserError(f"{display_path(path)}: no such file")
    target = Path(args.output) if args.output else Path(f"{path.stem}-audit.pdf")
    check_theme()
    check_pdf_target(target)  # never a non-PDF, even with --force
    check_output_file(
        target, what="PDF audit", is_previous_output=is_playbook_pdf, inputs=_inputs_near(path), force=args.force
    )
    errors = write_pdfs([(path, target)], args.today or date.today())
    if errors:
        print_errors(errors)
        return EXIT_PLAN
    return EXIT_OK


def cmd_calendar(args: argparse.Namespace) -> int:
    """Write one plan's article calendar as .ics or CSV, to a file or standard output."""
    from generator.compute.schedule import loaded_calendar
    from generator.load.loader import display_path, load_plan
    from generator.render.calendar import PRODID, csv_headers, render_csv, render_ics
    from generator.write.files import check_output_file, starts_with, write_atomic

    path = Path(args.plan)
    output = Path(args.output) if args.output else None
    if output is not None and output.resolve() == path.resolve():
        raise UserError(f"{display_path(output)}: that is the plan itself; write the calendar to another file")
    if output is not None:
        ics_header = f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:{PRODID}\r\n".encode()

        def is_previous(found: Path) -> bool:
            if args.format == "csv":
                return any(starts_with(found, header) for header in csv_headers())
            return starts_with(found, ics_header)

        what = "CSV calendar" if args.format == "csv" else "calendar (.ics)"
        inputs = _inputs_near(path)
        check_output_file(output, what=what, is_previous_output=is_previous, inputs=inputs, force=args.force)
    loaded = load_plan(path)
    content = loaded.plan.content
    if content is None:
        raise UserError(
            f"{display_path(path)}: the plan has no 'content:' section; add one with at least "
            "'start: YYYY-MM-DD' to plan an article calendar"
        )
    figures = loaded_calendar(loaded, args.today or date.today())  # v3: as the site's calendar has it
    assert figures is not None
    data = render_ics(loaded.slug, loaded.plan, figures) if args.format == "ics" else render_csv(loaded.plan, figures)
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return EXIT_OK
    write_atomic(output, data)
    return EXIT_OK


def _inputs_near(plan: Path) -> dict[Path, str]:
    """What a file written for `plan` must not overwrite: the plan's folder and the inputs of the
    project in the working folder (its plans/, content/, theme/, mkdocs.yml), or of playbook's own."""
    from generator.builder.outputs import ROOT, project_inputs

    config = Path.cwd() / "mkdocs.yml"
    project = (Path.cwd() if config.is_file() else ROOT).resolve()
    inputs = project_inputs(project, project / "mkdocs.yml", plan.parent)
    inputs.setdefault((project / "plans").resolve(), "the plans folder")
    return inputs


def cmd_today(args: argparse.Namespace) -> int:
    """Show today's article task for every client (or the named ones), with the streak."""
    from generator.load.loader import load_plan
    from generator.render.today import compute_today, render_today, today_warnings

    plans = Path(args.plans)
    clients: list[str] = args.client or []
    day = args.date or date.today()
    paths = _today_paths(plans)
    if clients:
        known = {p.stem: p for p in paths}
        unknown = [c for c in clients if c not in known]
        if unknown:
            raise UserError(
                f"no plan for client {', '.join(unknown)} in {plans} (clients: {', '.join(sorted(known)) or 'none'})"
            )
        paths = [known[c] for c in dict.fromkeys(clients)]
    if not paths:
        raise UserError(f"{plans}: no plan files (*.yaml) in this folder")
    loaded: list[LoadedPlan] = []
    errors: list[PlanError] = []
    for path in paths:
        try:
            loaded.append(load_plan(path))
        except PlanValidationError as exc:
            errors.extend(exc.errors)
    if loaded:
        rows = compute_today(loaded, day)
        stdout().print(render_today(rows, day))
        for line in today_warnings(rows):  # the idea engine's material warnings (issue 12)
            stdout().print(f"! {line}", markup=False)
    if errors:
        print_errors(errors)
        return EXIT_PLAN
    return EXIT_OK


def _today_paths(folder: Path) -> list[Path]:
    if folder.is_file():
        return [folder]
    if not folder.is_dir():
        raise UserError(f"{folder}: no such folder of plans")
    from generator.load.planfiles import list_plans

    return list_plans(folder)


def cmd_log(args: argparse.Namespace) -> int:
    """Record a published article in a plan's log, keeping the file's comments and layout."""
    from generator.compute.schedule import compute_plan_calendar
    from generator.load.loader import display_path
    from generator.present.i18n import t
    from generator.write.planlog import record_publication

    path = Path(args.plan)
    day = args.date or date.today()
    plan = record_publication(
        path, title=args.title, url=args.url, day=day, refresh=args.refresh, kind=args.kind, idea=args.idea
    )
    assert plan.content is not None  # record_publication refuses a plan without one
    figures = compute_plan_calendar(plan, day)
    assert figures is not None
    kind = t(f"slot.{plan.content.published[-1].kind}", plan.business.language)
    title = args.title.strip()
    stdout().print(
        f"{display_path(path)}: logged {day.isoformat()} — {kind}: {title}; streak {figures.current_streak}",
        markup=False,
    )
    return EXIT_OK


def cmd_actual(args: argparse.Namespace) -> int:
    """Record a month's actuals of an initiative in a plan, keeping the file's comments and layout."""
    from generator.compute.actuals import compute_plan_vs_fact
    from generator.load.loader import display_path
    from generator.present.i18n import fmt_decimal
    from generator.write.planactual import record_actual

    path = Path(args.plan)
    today = args.today or date.today()
    plan = record_actual(path, args.initiative, args.month, args.spend, args.new_customers, today)
    lang = plan.business.language
    facts = compute_plan_vs_fact(plan, today)
    shown = "—"
    if facts is not None:
        fact = facts.initiative(args.initiative)
        planned = fmt_decimal(fact.planned_cac, lang) if fact.planned_cac is not None else "—"
        actual = fmt_decimal(fact.actual_cac, lang) if fact.actual_cac is not None else "—"
        shown = f"{actual} (planned {planned})"
    stdout().print(
        f"{display_path(path)}: recorded {args.month:%Y-%m} for {args.initiative}; actual CAC {shown}",
        markup=False,
    )
    return EXIT_OK
