"""The `playbook` command: one orchestrator over the pipeline's stages.

load (YAML → model) → compute (figures) → render (pages, PDF, calendar) → write.

Each sub-command parses its options, calls the stage functions and reports. Errors never
escape as tracebacks: plan problems are printed located, one per line, with exit status 1;
user errors (missing file, bad option) exit 2; a bug in playbook itself exits 3 with a short
notice (set PLAYBOOK_DEBUG=1 for the traceback).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import traceback
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path

from rich.console import Console

from generator import __version__
from generator.errors import PlanError, PlanValidationError, PlaybookError, UserError

EXIT_OK, EXIT_PLAN, EXIT_USER, EXIT_BUG = 0, 1, 2, 3


def stdout() -> Console:
    """Console for results: plain text when not a terminal, so output can be piped and parsed."""
    return Console(highlight=False, soft_wrap=True)


def stderr() -> Console:
    """Console for problems."""
    return Console(stderr=True, highlight=False, soft_wrap=True)


def print_errors(errors: Sequence[PlanError]) -> None:
    """All located errors, one a line, in file:line:col order."""
    console = stderr()
    for error in errors:
        console.print(str(error), markup=False)
    files = len({e.file for e in errors})
    noun = "problem" if len(errors) == 1 else "problems"
    console.print(f"{len(errors)} {noun} in {files} file{'s' if files != 1 else ''}", markup=False)


def parse_day(text: str) -> date:
    """`--today`/`--date` values: YYYY-MM-DD."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date; write YYYY-MM-DD") from None


def plan_files(paths: Sequence[str]) -> Iterator[Path]:
    """Plan files named directly, or every `*.yaml`/`*.yml` in the folders named."""
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found = sorted([*path.glob("*.yaml"), *path.glob("*.yml")])
            if not found:
                raise UserError(f"{name}: no plan files (*.yaml) in this folder")
            yield from found
        elif path.exists():
            yield path
        else:
            raise UserError(f"{name}: no such file or folder")


# sub-commands -------------------------------------------------------------------------------


def cmd_check(args: argparse.Namespace) -> int:
    """Validate plans and show which of the eight steps each one fills."""
    from generator.loader import load_plan
    from generator.progress import compute_steps

    console = stdout()
    errors: list[PlanError] = []
    for path in plan_files(args.paths or ["plans"]):
        try:
            loaded = load_plan(path)
        except PlanValidationError as exc:
            errors.extend(exc.errors)
            continue
        steps = compute_steps(loaded.plan)
        done = sum(s.filled for s in steps)
        console.print(f"{path}: ok — {loaded.plan.business.name} — {done} of 8 steps filled", markup=False)
        for step in steps:
            mark = "✓" if step.filled else "·"
            state = "" if step.filled else "  (empty)"
            console.print(f"  {mark} {step.number}. {step.label_en}{state}", markup=False)
    if errors:
        print_errors(errors)
        return EXIT_PLAN
    return EXIT_OK


def cmd_new(args: argparse.Namespace) -> int:
    """Write a commented starter plan; never overwrite an existing file."""
    from generator.starter import write_starter

    path = write_starter(args.slug, language=args.language, folder=Path(args.dir))
    stdout().print(f"wrote {path}: fill it in step by step, then run: playbook check {path}", markup=False)
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    """Print the JSON Schema of a plan file."""
    from generator.model import plan_json_schema

    sys.stdout.write(json.dumps(plan_json_schema(), ensure_ascii=False, indent=2) + "\n")
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    """Show every derived figure of a plan (terminal tables, or JSON)."""
    from generator.report import run_report

    return run_report(Path(args.plan), today=args.today, as_json=args.json)


def cmd_build(args: argparse.Namespace) -> int:
    """Build the playbook site, PDF audits and calendar files."""
    from generator.build import run_build

    return run_build(
        plans=Path(args.plans),
        clients=args.client or [],
        site_dir=Path(args.site_dir),
        today=args.today,
        use_cache=not args.no_cache,
        config_file=Path(args.config) if args.config else None,
    )


def cmd_pdf(args: argparse.Namespace) -> int:
    """Render one plan's PDF audit."""
    from generator.pdf import run_pdf

    return run_pdf(Path(args.plan), output=Path(args.output) if args.output else None, today=args.today)


def cmd_calendar(args: argparse.Namespace) -> int:
    """Write one plan's article calendar as .ics or CSV."""
    from generator.calendar import run_calendar

    return run_calendar(
        Path(args.plan), fmt=args.format, output=Path(args.output) if args.output else None, today=args.today
    )


def cmd_today(args: argparse.Namespace) -> int:
    """Show today's article task for every client, with the streak."""
    from generator.daily import run_today

    return run_today(plans=Path(args.plans), clients=args.client or [], day=args.date)


def cmd_log(args: argparse.Namespace) -> int:
    """Record a published article in a plan's log, keeping the file's comments and layout."""
    from generator.daily import run_log

    return run_log(Path(args.plan), title=args.title, url=args.url, day=args.date, refresh=args.refresh)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser; every command has one line in `playbook --help` and its own --help."""
    parser = argparse.ArgumentParser(
        prog="playbook",
        description="Turn YAML marketing plans into a strategy playbook site, PDF audits and an article calendar.",
    )
    parser.add_argument("--version", action="version", version=f"playbook {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def add(name: str, func: Callable[[argparse.Namespace], int], help: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help, description=help)
        p.set_defaults(func=func)
        return p

    today_help = "the day the outputs are computed for (YYYY-MM-DD; default: today)"

    p = add("check", cmd_check, "validate plans and show which of the 8 steps each fills")
    p.add_argument("paths", nargs="*", metavar="PATH", help="plan files or folders (default: plans/)")

    p = add("new", cmd_new, "write a commented starter plan for a new client")
    p.add_argument("slug", help="the client's slug: the file name without .yaml, e.g. kolosok")
    p.add_argument("--language", choices=["ru", "en"], default="ru", help="language of the plan (default: ru)")
    p.add_argument("--dir", default="plans", help="folder to write into (default: plans)")

    add("schema", cmd_schema, "print the JSON Schema of plan files")

    p = add("report", cmd_report, "print every derived figure of a plan (tables, or --json)")
    p.add_argument("plan", help="plan file")
    p.add_argument("--json", action="store_true", help="print JSON instead of tables")
    p.add_argument("--today", type=parse_day, default=None, help=today_help)

    p = add("build", cmd_build, "build the site, PDF audits and calendars for all plans")
    p.add_argument("--plans", default="plans", help="folder of plans (default: plans)")
    p.add_argument("--client", action="append", metavar="SLUG", help="build only this client (repeatable)")
    p.add_argument("--site-dir", default="site", help="output folder (default: site)")
    p.add_argument("--today", type=parse_day, default=None, help=today_help)
    p.add_argument("--config", metavar="FILE", help="the MkDocs configuration (default: ./mkdocs.yml)")
    p.add_argument(
        "--no-cache",
        action="store_true",
        help="build everything anew, ignoring .cache/playbook (the output is the same either way)",
    )

    p = add("pdf", cmd_pdf, "render a plan's PDF audit")
    p.add_argument("plan", help="plan file")
    p.add_argument("-o", "--output", help="PDF file to write (default: <slug>-audit.pdf)")
    p.add_argument("--today", type=parse_day, default=None, help=today_help)

    p = add("calendar", cmd_calendar, "write a plan's article calendar as .ics or CSV")
    p.add_argument("plan", help="plan file")
    p.add_argument("--format", choices=["ics", "csv"], default="ics", help="file format (default: ics)")
    p.add_argument("-o", "--output", help="file to write (default: standard output)")
    p.add_argument("--today", type=parse_day, default=None, help=today_help)

    p = add("today", cmd_today, "show today's article task for every client, with the streak")
    p.add_argument("--plans", default="plans", help="folder of plans (default: plans)")
    p.add_argument("--client", action="append", metavar="SLUG", help="only this client (repeatable)")
    p.add_argument("--date", type=parse_day, default=None, help="the day to show (default: today)")

    p = add("log", cmd_log, "record a published article in a plan's log")
    p.add_argument("plan", help="plan file")
    p.add_argument("--title", required=True, help="the article's title")
    p.add_argument("--url", default=None, help="where it is published (http/https)")
    p.add_argument("--date", type=parse_day, default=None, help="the day it was written (default: today)")
    p.add_argument("--refresh", action="store_true", help="it is a refresh of an earlier article")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `playbook` console script."""
    args = build_parser().parse_args(argv)
    try:
        code: int = args.func(args)
        return code
    except PlanValidationError as exc:
        print_errors(exc.errors)
        return EXIT_PLAN
    except UserError as exc:
        stderr().print(f"playbook: {exc}", markup=False)
        return EXIT_USER
    except PlaybookError as exc:
        stderr().print(f"playbook: internal error: {exc}", markup=False)
        return EXIT_BUG
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug in playbook: say so plainly, hide the traceback unless asked
        if os.environ.get("PLAYBOOK_DEBUG"):
            traceback.print_exc()
        stderr().print(
            f"playbook: internal error ({type(exc).__name__}: {exc}). This is a bug in playbook, not in "
            "your plan; set PLAYBOOK_DEBUG=1 to see the traceback.",
            markup=False,
        )
        return EXIT_BUG


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
