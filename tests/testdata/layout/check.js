// What a reader would see go wrong with a page's width, as a list (empty: the page fits). `wide`: a laptop.
(wide) => {
  const vw = document.documentElement.clientWidth;
  const out = [];
  const name = (el) =>
    el.tagName.toLowerCase() +
    (typeof el.className === "string" && el.className ? "." + el.className.trim().split(/\s+/).join(".") : "");
  // a visually hidden element (the table head of a phone's cards) clips on purpose
  const hidden = (el) => {
    const cs = getComputedStyle(el);
    return (cs.clip !== "auto" && cs.clip !== "") || el.getBoundingClientRect().width <= 1;
  };
  const lines = (node, start, end) => {
    const r = document.createRange();
    r.setStart(node, start);
    r.setEnd(node, end);
    return new Set([...r.getClientRects()].filter((q) => q.width > 0).map((q) => Math.round(q.top))).size;
  };
  const page = document.documentElement.scrollWidth;
  if (page > vw + 1) out.push("page wider than the window: " + page);
  const content = document.querySelector(".md-content");
  for (const el of content.querySelectorAll("*")) {
    const cs = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > vw + 1 && !el.closest(".pb-scroll, .pb-chart")) out.push("past the window: " + name(el));
    if ((cs.overflowX === "auto" || cs.overflowX === "scroll") && el.scrollWidth > el.clientWidth + 1) {
      // a sideways scroll: never on a laptop; on a phone only in a box named for a screen reader
      const label = el.getAttribute("aria-label");
      if (wide || !label) {
        out.push("sideways scroll" + (label ? "" : " without a label") + ": " + name(el) + " " + el.scrollWidth);
      }
    }
    if (cs.overflowX === "hidden" && el.scrollWidth > el.clientWidth + 1 && el.textContent.trim() && !hidden(el)) {
      out.push("clipped: " + name(el));
    }
  }
  for (const td of content.querySelectorAll("table td")) {
    const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      // a figure broken over two lines: «(4… 22… 235 000» in a squeezed ROI cell
      for (const m of node.textContent.matchAll(/[−-]?\d[\d\u00a0\u202f.,]*\d%?|\d%?/g)) {
        if (lines(node, m.index, m.index + m[0].length) > 1) out.push("figure in fragments: " + m[0]);
      }
      // on a laptop a worked formula stays on one line, or goes under the table
      if (wide && node.parentElement.closest(".pb-work") && lines(node, 0, node.textContent.length) > 1) {
        out.push("formula broken in a cell: " + node.textContent.trim().slice(0, 40));
      }
    }
  }
  return out;
}
