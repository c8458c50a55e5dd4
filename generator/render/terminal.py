"""Text made inert for a terminal: what playbook prints never carries a control sequence.

Plan text is untrusted, and a terminal obeys what it is sent: ESC sequences can clear the
screen, rewrite the clipboard (OSC 52), plant hidden links (OSC 8) or retitle the window; bidi
overrides can make a line read differently from what it says. Everything printed (results,
errors, MkDocs' messages during a build) goes through `printable`; JSON output keeps its data
exact but writes those characters as `\\uXXXX` escapes.
"""

from __future__ import annotations

import re

# C0 controls but tab and newline, DEL, C1 controls (0x9b is a one-byte CSI), bidi overrides/isolates.
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """`text` without terminal control characters (tab and newline kept)."""
    return _UNSAFE.sub("", text)


def printable_json(text: str) -> str:
    """JSON text (from `json.dumps(..., ensure_ascii=False)`) with every unsafe character written as
    an escape: valid JSON for the same data, since such characters can only occur inside strings."""
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
