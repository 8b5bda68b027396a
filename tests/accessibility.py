"""The accessibility audit of one page: axe-core's WCAG 2.1 A/AA rules (the copy bundled with the
pinned axe-playwright-python, run in the system Chromium, never fetched from a CDN), duplicate ids,
references to missing ids, headings in order, the page's language, and whether the page scrolls
sideways on a 390 px phone."""

from dataclasses import dataclass, field

from axe_playwright_python.sync_playwright import Axe

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
FAILING_IMPACTS = {"serious", "critical"}
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}

_AXE = Axe()

DUPLICATE_IDS_JS = """() => {
  const seen = {};
  for (const el of document.querySelectorAll('[id]')) seen[el.id] = (seen[el.id] || 0) + 1;
  return Object.keys(seen).filter((id) => seen[id] > 1);
}"""

# Headings that skip a level on the way down (h2 to h4), and how many h1 the page has.
HEADINGS_JS = """() => {
  const levels = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => +h.tagName[1]);
  const skips = levels.filter((level, i) => level > (i ? levels[i - 1] : 0) + 1);
  return {h1: levels.filter((level) => level === 1).length, skips: skips.map((l) => 'h' + l)};
}"""

# References to ids that are not on the page: a label for="" or an aria-describedby naming help
# text that was never rendered leaves the field without its name or description.
BROKEN_REFERENCES_JS = """() => {
  const broken = new Set();
  const attrs = ['aria-describedby', 'aria-labelledby', 'aria-controls'];
  const referring = 'label[for], [aria-describedby], [aria-labelledby], [aria-controls]';
  for (const el of document.querySelectorAll(referring)) {
    for (const attr of el.tagName === 'LABEL' ? attrs.concat('for') : attrs) {
      if (!el.hasAttribute(attr)) continue;
      const ids = el.getAttribute(attr).split(/\\s+/).filter(Boolean);
      if (!ids.length) broken.add(attr + '=""');
      for (const id of ids) if (!document.getElementById(id)) broken.add(attr + '=' + id);
    }
  }
  return [...broken];
}"""

# What sticks out past the right edge, so the failure names the element to fix.
OVERFLOW_JS = """(width) => {
  const scrolls = (el) => {
    for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
      if (getComputedStyle(up).overflowX !== 'visible') return true;
    }
    return false;
  };
  const wide = [];
  for (const el of document.body.querySelectorAll('*')) {
    const box = el.getBoundingClientRect();
    if (box.right > width + 1 && !scrolls(el)) {
      const classes = typeof el.className === 'string' ? el.className.trim() : '';
      const name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
        (classes ? '.' + classes.split(/\\s+/).join('.') : '');
      wide.push(name + ' ' + Math.round(box.right) + 'px');
    }
  }
  return {scroll: document.documentElement.scrollWidth, wide: wide.slice(0, 5)};
}"""


@dataclass
class Finding:
    """What is wrong on one page load."""

    url: str
    language: str
    violations: dict[str, list[str]] = field(default_factory=dict)  # rule -> element selectors
    duplicate_ids: list[str] = field(default_factory=list)
    phone_overflow: str = ""
    broken_references: list[str] = field(default_factory=list)
    headings: dict = field(default_factory=lambda: {"h1": 1, "skips": []})
    lang: str = ""  # the <html lang> the page declared
    status: int = 200

    def problems(self) -> dict[str, str]:
        """What is wrong, by rule: axe's rule ids, and duplicate-id, broken-reference,
        heading-order, phone-overflow and html-lang."""
        if self.status != 200:
            return {"http-status": f"answered {self.status}"}
        found = {rule: ", ".join(nodes[:4]) for rule, nodes in self.violations.items()}
        if self.duplicate_ids:
            found["duplicate-id"] = ", ".join(self.duplicate_ids[:8])
        if self.phone_overflow:
            found["phone-overflow"] = f"scrolls sideways at 390 px: {self.phone_overflow}"
        if self.broken_references:
            found["broken-reference"] = ", ".join(self.broken_references[:8])
        if self.headings["h1"] != 1 or self.headings["skips"]:
            found["heading-order"] = f"{self.headings['h1']} h1; skips to {self.headings['skips']}"
        if self.lang.lower() != self.language.lower():
            found["html-lang"] = f"<html lang={self.lang!r}> in {self.language}"
        return found


def audit(page, language: str) -> Finding:
    """Audit the page already loaded at desktop width, then at phone width; leaves it at desktop."""
    finding = Finding(url=page.url, language=language)
    results = _AXE.run(
        page,
        options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]},
    )
    for violation in results.response["violations"]:
        if violation["impact"] in FAILING_IMPACTS:
            nodes = [" ".join(map(str, node["target"])) for node in violation["nodes"]]
            finding.violations[violation["id"]] = nodes
    finding.duplicate_ids = page.evaluate(DUPLICATE_IDS_JS)
    finding.broken_references = page.evaluate(BROKEN_REFERENCES_JS)
    finding.headings = page.evaluate(HEADINGS_JS)
    finding.lang = page.locator("html").get_attribute("lang") or ""
    page.set_viewport_size(PHONE)
    overflow = page.evaluate(OVERFLOW_JS, PHONE["width"])
    if overflow["scroll"] > PHONE["width"]:
        finding.phone_overflow = f"{overflow['scroll']} px wide; {'; '.join(overflow['wide'])}"
    page.set_viewport_size(DESKTOP)
    return finding
