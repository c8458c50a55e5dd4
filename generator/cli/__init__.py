"""The `playbook` command: one orchestrator over the pipeline's stages.

load (YAML → model) → compute (figures) → render (pages, PDF, calendar) → write.

Each sub-command (`generator.cli.commands`) calls the stage functions and reports. Errors never
escape as tracebacks: plan problems are printed located, one per line, with exit status 1;
user errors (missing file, bad option) exit 2; a bug in playbook itself exits 3 with a short
notice (set PLAYBOOK_DEBUG=1 for the traceback).
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
import traceback
from collections.abc import Callable, Sequence
from typing import Any

from generator import __version__
from generator.cli.commands import (
    EXIT_BUG,
    EXIT_INTERRUPTED,
    EXIT_PLAN,
    EXIT_USER,
    INTERRUPTED,
    cmd_actual,
    cmd_build,
    cmd_calendar,
    cmd_check,
    cmd_log,
    cmd_merge,
    cmd_pdf,
    cmd_report,
    cmd_schema,
    cmd_site_size,
    cmd_today,
)
from generator.cli.onboarding import cmd_import, cmd_intake, cmd_new
from generator.cli.output import amount_arg, parse_day, parse_month_arg, print_errors, stderr
from generator.errors import PlanValidationError, PlaybookError, UserError
from generator.write.files import describe_os_error

FORCE_HELP = "replace the output file even when it is an input or not a previous output of playbook (never a plan)"


_Add = Callable[[str, Callable[[argparse.Namespace], int], str], argparse.ArgumentParser]
TODAY_HELP = "the day the outputs are computed for (YYYY-MM-DD; default: today)"


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

    _plan_commands(add)
    _output_commands(add)
    _daily_commands(add)
    _intake_command(add)
    _import_command(add)
    return parser


def _plan_commands(add: _Add) -> None:
    """Commands that read plans: check, new, schema, report."""
    p = add("check", cmd_check, "validate plans and show which of the 8 steps each fills")
    p.add_argument("paths", nargs="*", metavar="PATH", help="plan files or folders (default: plans/)")
    p.add_argument("--strict", action="store_true", help="fail (exit 1) on method warnings too, not only on errors")
    p.add_argument("--today", type=parse_day, default=None, help=TODAY_HELP)

    p = add("new", cmd_new, "write a commented starter plan for a new client")
    p.add_argument("slug", help="the client's slug: the file name without .yaml, e.g. kolosok")
    p.add_argument("--language", choices=["ru", "en"], default=None, help="language of the plan (default: ru)")
    p.add_argument("--dir", default="plans", help="folder to write into (default: plans)")
    _intake_options(p)

    add("schema", cmd_schema, "print the JSON Schema of plan files")

    p = add("report", cmd_report, "print every derived figure of a plan (tables, or --json)")
    p.add_argument("plan", help="plan file")
    p.add_argument("--json", action="store_true", help="print JSON instead of tables")
    p.add_argument("--today", type=parse_day, default=None, help=TODAY_HELP)


def _intake_options(p: argparse.ArgumentParser) -> None:
    """`new` from the first meeting: a preset's defaults, an answers file, or a terminal interview."""
    p.add_argument("--preset", metavar="ID", help="industry preset: bakery, auto-service, clinic, …")
    how = p.add_mutually_exclusive_group()
    how.add_argument("--defaults", action="store_true", help="a plan from the preset's defaults alone (marked assumed)")
    how.add_argument("--answers", metavar="FILE", help="a plan from the meeting's answers (YAML or JSON)")
    how.add_argument("--interview", action="store_true", help="ask the meeting's questions in the terminal")
    p.add_argument("--presets", metavar="DIR", help="a folder of your own presets (also: PLAYBOOK_PRESETS)")
    p.add_argument("--today", type=parse_day, default=None, help=TODAY_HELP)


def _intake_command(add: _Add) -> None:
    """`intake`: the printable questionnaire of the first meeting."""
    p = add("intake", cmd_intake, "print the first meeting's questionnaire (PDF or Markdown)")
    p.add_argument("--preset", metavar="ID", help="show this preset's defaults as suggestions")
    p.add_argument("--language", choices=["ru", "en"], default="ru", help="language of the form (default: ru)")
    p.add_argument("-o", "--output", metavar="FILE", help="FILE.pdf or FILE.md (default: intake-<language>.pdf)")
    p.add_argument("--force", action="store_true", help=FORCE_HELP)
    p.add_argument("--presets", metavar="DIR", help="a folder of your own presets (also: PLAYBOOK_PRESETS)")
    p.add_argument("--today", type=parse_day, default=None, help=TODAY_HELP)


def _output_commands(add: _Add) -> None:
    """Commands that write outputs: build, pdf, calendar."""
    p = add("build", cmd_build, "build the site, PDF audits and calendars for all plans")
    p.add_argument("--plans", default="plans", help="folder of plans (default: plans)")
    p.add_argument("--client", action="append", metavar="SLUG", help="build only this client (repeatable)")
    p.add_argument("--site-dir", default="site", help="output folder (default: site)")
    p.add_argument("--today", type=parse_day, default=None, help=TODAY_HELP)
    p.add_argument("--config", metavar="FILE", help="the MkDocs configuration (default: ./mkdocs.yml)")
    p.add_argument(
        "--no-cache",
        action="store_true",
        help="build everything anew, ignoring .cache/playbook (the output is the same either way)",
    )
    p.add_argument(
        "--shard",
        metavar="K/N",
        help="build shard K of N only: the pages, calendars and PDFs of the clients whose slug falls in it, "
        "with the common pages; playbook merge assembles the N shard folders (not with --client)",
    )
    p.add_argument(
        "--review",
        metavar="DIR",
        help="also write every private client unencrypted into DIR (outside the site), each page and PDF "
        "marked as a review copy not for publishing, to check before delivery",
    )

    p = add("merge", cmd_merge, "assemble the folders of playbook build --shard K/N into one site")
    p.add_argument("shard_dirs", nargs="+", metavar="SHARD_DIR", help="the N folders the shard builds wrote")
    p.add_argument("--site-dir", default="site", help="output folder (default: site)")

    p = add("site-size", cmd_site_size, "check a built site against GitHub Pages' 1 GB limit before upload")
    p.add_argument("site_dir", nargs="?", default="site", metavar="SITE_DIR", help="the built site (default: site)")
    p.add_argument("--limit", default=None, help="the largest size allowed, e.g. 500MB (default: 1GB)")

    p = add("pdf", cmd_pdf, "render a plan's PDF audit")
    p.add_argument("plan", help="plan file")
    p.add_argument("-o", "--output", help="PDF file to write (default: <slug>-audit.pdf)")
    p.add_argument("--force", action="store_true", help=FORCE_HELP)
    p.add_argument("--today", type=parse_day, default=None, help=TODAY_HELP)

    p = add("calendar", cmd_calendar, "write a plan's article calendar as .ics or CSV")
    p.add_argument("plan", help="plan file")
    p.add_argument("--format", choices=["ics", "csv"], default="ics", help="file format (default: ics)")
    p.add_argument("-o", "--output", help="file to write (default: standard output)")
    p.add_argument("--force", action="store_true", help=FORCE_HELP)
    p.add_argument("--today", type=parse_day, default=None, help=TODAY_HELP)


def _daily_commands(add: _Add) -> None:
    """The daily discipline and what happened: today, log, actual."""
    p = add("today", cmd_today, "show today's article task for every client, with the streak")
    p.add_argument("--plans", default="plans", help="folder of plans (default: plans)")
    p.add_argument("--client", action="append", metavar="SLUG", help="only this client (repeatable)")
    p.add_argument("--date", type=parse_day, default=None, help="the day to show (default: today)")

    p = add("log", cmd_log, "record a published article in a plan's log")
    p.add_argument("plan", help="plan file")
    p.add_argument("--title", required=True, help="the article's title")
    p.add_argument("--url", default=None, help="where it is published (http/https)")
    p.add_argument("--date", type=parse_day, default=None, help="the day it was written (default: today)")
    p.add_argument(
        "--refresh", action="store_true", help="it is a refresh of an earlier article (same as --kind refresh)"
    )
    p.add_argument(
        "--kind",
        choices=["new", "refresh", "repurpose", "research"],
        default=None,
        help="what the day's work was (default: new); repurpose and research days keep the streak but are not articles",
    )
    p.add_argument(
        "--idea", default=None, metavar="ID", help="id of the planned idea this entry fulfils (shown in the calendar)"
    )

    p = add("actual", cmd_actual, "record a month's actual spend and new customers of an initiative")
    p.add_argument("plan", help="plan file")
    p.add_argument("--initiative", required=True, metavar="ID", help="the initiative's id")
    p.add_argument("--month", required=True, type=parse_month_arg, metavar="YYYY-MM", help="the month")
    p.add_argument("--spend", type=amount_arg("money"), default=None, metavar="N", help="the month's running spend")
    p.add_argument(
        "--new-customers", type=amount_arg("count"), default=None, metavar="N", help="new customers that month"
    )
    p.add_argument("--today", type=parse_day, default=None, help=TODAY_HELP)


def _import_command(add: _Add) -> None:
    """The client's own data: CRM, survey, Wordstat, search and sitemap exports (v3)."""
    p = add("import", cmd_import, "measure a client's exports (CRM, survey, Wordstat, search) into measured/")
    p.add_argument("plan", help="plan file")
    p.add_argument("files", nargs="+", metavar="FILE", help="exports: CSV, XLSX, HTML .xls, ZIP or sitemap.xml")
    p.add_argument(
        "--kind", choices=["deals", "nps", "wordstat", "pages", "sitemap", "visits"], help="read each FILE as this kind"
    )
    p.add_argument("--period", metavar="FROM..TO", help="the data period, YYYY-MM-DD..YYYY-MM-DD (pages need one)")
    p.add_argument("--map", action="append", default=[], metavar="FIELD=COLUMN", help="read FIELD from COLUMN")
    p.add_argument("--today", type=parse_day, default=None, help=TODAY_HELP)
    p.add_argument("--dry-run", action="store_true", help="say what would be measured; write nothing")
    p.add_argument(
        "--export-lost",
        metavar="FILE",
        help="write the lost customers' contact columns to FILE (personal data: keep it off the site)",
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `playbook` console script."""
    if (list(argv) if argv is not None else sys.argv[1:])[:1] != ["build"]:
        return _run(argv)
    from generator.builder.stream import BuildSession
    from generator.workers import sigint_deferred

    main_thread = threading.current_thread() is threading.main_thread()
    saved = _interrupt_this_process_only() if main_thread else None  # before any worker is forked
    session = BuildSession()
    try:
        with sigint_deferred():
            session.warm_up()  # the build's worker starts importing while the options are read (builder.stream)
        return _run(argv, session)
    except KeyboardInterrupt:  # before the build began (reading the options): nothing was touched
        stderr().print(f"playbook: {INTERRUPTED}", markup=False)
        return EXIT_INTERRUPTED
    finally:
        session.close()  # the worker, if the build never took it (up to date, a mistake in the options)
        if main_thread and saved is not None:
            signal.signal(signal.SIGINT, saved)


def _interrupt_this_process_only() -> Any:
    """Ctrl-C stops the build in this process only; the previous SIGINT handler is returned.

    A terminal sends Ctrl-C to the whole foreground process group, the build's workers included:
    each printed its own KeyboardInterrupt traceback while the build stopped. Workers are forked
    from this process and inherit its handlers, so the handler checks whose it is: here it raises
    KeyboardInterrupt as Python's own does; in a worker it does nothing, and this process ends the
    workers (`generator.builder.pdfs.PdfBatch.stop`, the pool's shutdown)."""
    parent = os.getpid()

    def interrupt(signum: int, frame: Any) -> None:
        if os.getpid() == parent:
            raise KeyboardInterrupt

    return signal.signal(signal.SIGINT, interrupt)


def _run(argv: Sequence[str] | None, session: object = None) -> int:
    """Parse the options, run the command, and turn the three kinds of error into exit codes."""
    args = build_parser().parse_args(argv)
    args.session = session  # `playbook build`'s worker, started before the options were read
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
    except KeyboardInterrupt:  # Ctrl-C outside the build's own handling (an import before it began): one line
        stderr().print(f"playbook: {INTERRUPTED if session is not None else 'interrupted'}", markup=False)
        return EXIT_INTERRUPTED
    except OSError as exc:  # a full disk, a read-only folder, no permission: the machine's, not a bug
        stderr().print(f"playbook: {describe_os_error(exc)}", markup=False)
        return EXIT_USER
    except Exception as exc:  # a bug in playbook: say so plainly, hide the traceback unless asked
        if os.environ.get("PLAYBOOK_DEBUG"):
            traceback.print_exc()
        stderr().print(
            f"playbook: internal error ({type(exc).__name__}: {exc}). This is a bug in playbook, not in "
            "your plan; set PLAYBOOK_DEBUG=1 to see the traceback.",
            markup=False,
        )
        return EXIT_BUG
