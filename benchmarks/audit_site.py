"""Lighthouse on the client pages a client opens first: accessibility, best practices and SEO.

`make audit-site` builds the site from `plans/` into `benchmarks/work/audit-site`, serves it on
127.0.0.1 and runs Lighthouse (the npm package pinned in `benchmarks/lighthouse/`) with Debian's
Chromium on the overview, forecast, audit and calendar pages of every client, in the desktop and
the mobile profile. It prints one line per page with the three scores and, below a page that
scores under 1.0, the audits that failed: the figures recorded in `benchmarks/README.md` come
from here.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "benchmarks" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
SITE = ROOT / "benchmarks" / "work" / "audit-site"
PAGES = ("", "forecast/", "audit/", "calendar/")
CATEGORIES = "accessibility,best-practices,seo"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def lighthouse(url: str, mobile: bool) -> dict[str, object]:
    """One Lighthouse run; the JSON report."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        command = [
            str(LIGHTHOUSE),
            url,
            f"--only-categories={CATEGORIES}",
            "--output=json",
            f"--output-path={out}",
            "--quiet",
            "--chrome-flags=--headless --no-sandbox --disable-gpu",
        ]
        if not mobile:
            command.append("--preset=desktop")
        subprocess.run(command, check=True, env={**os.environ, "CHROME_PATH": CHROME})
        return json.loads(out.read_text("utf-8"))  # type: ignore[no-any-return]


def main() -> int:
    """Build, serve, audit; exit 1 when any page scores under 1.0."""
    if not LIGHTHOUSE.exists():
        print("Lighthouse is missing: cd benchmarks/lighthouse && npm ci", file=sys.stderr)
        return 2
    subprocess.run(
        [sys.executable, "-m", "generator.cli", "build", "--site-dir", str(SITE), "--today", date.today().isoformat()],
        check=True,
        cwd=ROOT,
    )
    clients = sorted(p.parent.parent.name for p in SITE.glob("*/audit/index.html"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(SITE)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    worst = 1.0
    try:
        for slug in clients:
            for page in PAGES:
                for mobile in (False, True):
                    report = lighthouse(f"{base}/{slug}/{page}", mobile)
                    cats = report["categories"]  # type: ignore[index]
                    scores = {k: cats[k]["score"] for k in cats}  # type: ignore[index]
                    worst = min(worst, *(s or 0 for s in scores.values()))
                    shown = "  ".join(f"{k} {v:.2f}" for k, v in scores.items())
                    print(f"{slug}/{page:<10} {'mobile ' if mobile else 'desktop'}  {shown}", flush=True)
                    for audit in report["audits"].values():  # type: ignore[union-attr]
                        binary = audit.get("scoreDisplayMode") == "binary"
                        if binary and audit.get("score") is not None and audit["score"] < 1:
                            print(f"    failed: {audit['id']}: {audit['title']}")
                            for item in (audit.get("details") or {}).get("items", [])[:4]:
                                node = item.get("node", {}) if isinstance(item, dict) else {}
                                print(f"      {node.get('snippet', '')[:110]}  {node.get('explanation', '')[:160]}")
    finally:
        server.shutdown()
    return 0 if worst >= 1.0 else 1


if __name__ == "__main__":
    sys.exit(main())
