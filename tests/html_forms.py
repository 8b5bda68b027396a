"""What a browser would submit for a form on a rendered page, without a browser.

Tests use it to post a page back exactly as the user got it (blank rows, default selections and
prefilled values included), which is where defects like "a blank row still counts as filled in" or
"a date the field cannot show is lost on save" appear.
"""

from html.parser import HTMLParser


class _FormCollector(HTMLParser):
    def __init__(self, form_index: int):
        super().__init__(convert_charrefs=True)
        self.form_index = form_index
        self.forms_seen = -1
        self.inside = False
        self.fields: list[tuple[str, str]] = []
        self.action: str | None = None
        self._select: str | None = None
        self._select_options: list[tuple[str, bool]] = []
        self._option_value: str | None = None
        self._option_selected = False
        self._option_text = ""
        self._textarea: str | None = None
        self._textarea_text = ""

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form":
            self.forms_seen += 1
            self.inside = self.forms_seen == self.form_index
            if self.inside:
                self.action = attributes.get("action")
            return
        if not self.inside:
            return
        name = attributes.get("name")
        if tag == "input" and name and "disabled" not in attributes:
            kind = (attributes.get("type") or "text").lower()
            if kind in ("submit", "button", "image", "reset", "file"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attributes:
                return
            default = "on" if kind in ("checkbox", "radio") else ""
            self.fields.append((name, attributes.get("value", default) or default))
        elif tag == "select" and name and "disabled" not in attributes:
            self._select, self._select_options = name, []
        elif tag == "option" and self._select is not None:
            self._option_value = attributes.get("value")
            self._option_selected = "selected" in attributes
            self._option_text = ""
        elif tag == "textarea" and name and "disabled" not in attributes:
            self._textarea, self._textarea_text = name, ""

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea_text += data
        elif self._option_value is None and self._select is not None:
            self._option_text += data

    def handle_endtag(self, tag):
        if tag == "form" and self.inside:
            self.inside = False
        elif tag == "option" and self._select is not None:
            value = self._option_value if self._option_value is not None else self._option_text
            self._select_options.append((value.strip() if value else "", self._option_selected))
            self._option_value = None
        elif tag == "select" and self._select is not None:
            chosen = [value for value, selected in self._select_options if selected]
            if chosen or self._select_options:
                self.fields.append((self._select, (chosen or [self._select_options[0][0]])[0]))
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            # Browsers drop the one newline that follows <textarea>.
            text = (
                self._textarea_text[1:]
                if self._textarea_text.startswith("\n")
                else self._textarea_text
            )
            self.fields.append((self._textarea, text))
            self._textarea = None


def browser_form_data(html: str | bytes, form_index: int = 0) -> dict[str, str]:
    """The fields of the page's form number `form_index` (0 = first form) as a browser posts them.

    Repeated names keep their last value; tests that need lists can read `browser_form_fields`.
    """
    return dict(browser_form_fields(html, form_index))


def browser_form_fields(html: str | bytes, form_index: int = 0) -> list[tuple[str, str]]:
    if isinstance(html, bytes):
        html = html.decode()
    collector = _FormCollector(form_index)
    collector.feed(html)
    return collector.fields


def form_index_with_field(html: str | bytes, field_name: str) -> int:
    """The index of the first form on the page that has a field named `field_name`."""
    if isinstance(html, bytes):
        html = html.decode()
    for index in range(html.count("<form")):
        if any(name == field_name for name, _ in browser_form_fields(html, index)):
            return index
    raise AssertionError(f"no form on the page has a field named {field_name!r}")


def form_posting_to(html: str | bytes, action: str, page_url: str = "") -> dict[str, str]:
    """The fields of the page's form that posts to `action`, as a browser posts them (a form
    without an action posts to its page, `page_url`)."""
    if isinstance(html, bytes):
        html = html.decode()
    for index in range(html.count("<form")):
        collector = _FormCollector(index)
        collector.feed(html)
        if (collector.action or page_url) == action:
            return dict(collector.fields)
    raise AssertionError(f"no form on the page posts to {action!r}")


def submit_twice(client, page_url: str, action: str, fill: dict, files: dict | None = None):
    """Open the page, fill in its form that posts to `action`, and press submit twice (a
    double-click): the two responses. The rendered form must carry its one-time token."""
    data = form_posting_to(client.get(page_url).content, action, page_url)
    assert data.get("form_token"), f"the form posting to {action} has no one-time token"
    data.update(fill)
    responses = []
    for _ in range(2):
        posted = dict(data)
        for name, make in (files or {}).items():
            posted[name] = make()
        responses.append(client.post(action, posted))
    return responses
