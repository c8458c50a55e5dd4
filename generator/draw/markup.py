"""Plan text → safe HTML, for the site and the PDF alike.

Plan text is untrusted: a plan may come from a client, and the playbook is published. Text
marked *md* in the contract is rendered as Markdown and then sanitised with nh3 (an
allow-list: no raw HTML survives, no event handlers, no `<style>`, no iframes, links only
http/https/mailto, images only from http/https so the PDF fetcher can refuse them). Plain
text fields are escaped. Plan text is never used as a template.
"""

from __future__ import annotations

import html
from urllib.parse import urlsplit

import nh3
from markupsafe import Markup

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "b",
    "i",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "del",
    "sup",
    "sub",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}}
URL_SCHEMES = {"http", "https", "mailto"}


def _absolute_links_only(element: str, attribute: str, value: str) -> str | None:
    """Keep a link only when it is absolute http(s) with a host, or mailto.

    nh3's scheme allow-list lets relative URLs through (`//host/share`, `../../etc/passwd`,
    `#x`); in the PDF WeasyPrint resolves them against the document's folder and they become
    clickable `file://` links. Plan links are resolved against nothing: anything else loses its
    href (the text stays, no longer a link).
    """
    if element != "a" or attribute != "href":
        return value
    candidate = value.strip()
    try:
        parts = urlsplit(candidate)
    except ValueError:
        return None
    if parts.scheme.lower() in ("http", "https") and parts.netloc and "\\" not in candidate:
        return candidate
    if parts.scheme.lower() == "mailto" and parts.path:
        return candidate
    return None


def render_markdown(text: str | None) -> Markup:
    """Markdown from a plan → sanitised HTML, safe to place in a page or a PDF template."""
    if not text:
        return Markup("")
    # Past the limits `check` enforces (a plan loaded some other way), the text is shown as it is,
    # in one paragraph: the same limits, enforced here, so no input can stop or stall a build.
    # imported here: `escape_text` is also used by the site build's own process, which never imports the model
    from generator.model.values import MAX_MARKDOWN_CHARS, MAX_MARKDOWN_DEPTH, markdown_depth, markdown_parser

    parser = markdown_parser()
    tokens = parser.parse(text) if len(text) <= MAX_MARKDOWN_CHARS else []
    if not tokens or markdown_depth(tokens) > MAX_MARKDOWN_DEPTH:
        return Markup(f"<p>{html.escape(text, quote=False)}</p>")
    raw = parser.renderer.render(tokens, parser.options, {})
    clean = nh3.clean(
        raw,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        attribute_filter=_absolute_links_only,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
    return Markup(clean.strip())


def render_inline(text: str | None) -> Markup:
    """Markdown for a short text (a finding, a table cell): the same, without the wrapping <p>."""
    rendered = str(render_markdown(text)).strip()
    if rendered.startswith("<p>") and rendered.endswith("</p>") and rendered.count("<p>") == 1:
        rendered = rendered[3:-4]
    return Markup(rendered)


# Markdown's own characters as character references: inert for Markdown (links, images, emphasis,
# code, attr_list's `{ onclick=… }`, table cells) and shown as themselves by HTML, in a block or not.
_MD_INERT = str.maketrans({c: f"&#{ord(c)};" for c in "\\`*{}[]|"})


def escape_text(text: object) -> Markup:
    """A plain-text field, escaped for HTML *and* inert for Markdown.

    Site pages are Markdown with HTML blocks, and a template line may put a value on a Markdown
    line (a heading, a list item) as well as inside a tag: one escaping that is safe in both, so
    a field can never become a link, an image or an attribute wherever a template places it."""
    return Markup(html.escape("" if text is None else str(text), quote=True).translate(_MD_INERT))


_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_{}[]()#+-.!|<>~"})


def escape_markdown(text: object, quote: bool = True) -> str:
    """A plain-text field placed in generated Markdown: no Markdown or HTML meaning survives.

    `quote=False` leaves quotes as they are, for text outside attributes (a heading)."""
    return html.escape("" if text is None else str(text), quote=quote).translate(_MD_SPECIAL)
