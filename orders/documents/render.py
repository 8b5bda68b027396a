"""Forms to HTML and PDF: every form renders through here, in the recipient's language."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from orders.documents import fonts
from orders.documents.images import picture_data_uri
from orders.documents.pdf import html_to_pdf
from orders.documents.registry import FormSpec, Signature
from orders.models.company import CompanyProfile
from orders.text import printable

LANGUAGES = tuple(code for code, _name in settings.LANGUAGES)
HTML_LANG = {"en": "en", "zh-hant": "zh-Hant", "zh-hans": "zh-Hans"}


class UnknownLanguage(ValueError):
    pass


def check_language(language: str) -> str:
    language = (language or "").lower()
    if language not in LANGUAGES:
        raise UnknownLanguage(language)
    return language


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def page_counter_css() -> str:
    """'Page X of Y' as a CSS content value; the translation decides the word order."""
    text = _("Page %(page)s of %(pages)s")
    parts = []
    for i, chunk in enumerate(text.replace("%(pages)s", "\0pages\0").split("%(page)s")):
        if i:
            parts.append("counter(page)")
        for j, piece in enumerate(chunk.split("\0pages\0")):
            if j:
                parts.append("counter(pages)")
            if piece:
                parts.append(_css_string(piece))
    return " ".join(parts)


def signature_boxes(spec: FormSpec, obj) -> list[dict]:
    """What each box at the foot says: its label, what is signed (a person's signature, or a
    company's signature and chop), and the signer when known."""
    boxes = []
    for item in spec.signatures:
        box = item if isinstance(item, Signature) else Signature(item)
        signer = box.signer(obj) if box.signer is not None else None
        boxes.append(
            {
                "label": str(box.label),
                "company": box.company,
                "name": signer[0] if signer else "",
                "date": signer[1] if signer else None,
            }
        )
    return boxes


def form_context(spec: FormSpec, obj, language: str) -> dict:
    """The context every form template gets; call under translation.override(language)."""
    letterhead = CompanyProfile.current().for_language(language)
    return {
        "spec": spec,
        "object": obj,
        "form": {
            "language": language,
            "html_lang": HTML_LANG[language],
            "letterhead": letterhead,
            "logo": picture_data_uri(letterhead.logo, max_pixels=400),
            "company_name": letterhead.name,
            # CSS values inside <style>, where HTML escaping would break them: built here, safe.
            "font_family_css": mark_safe(fonts.font_family_css(language)),
            "page_counter_css": mark_safe(page_counter_css()),
            "code_css": mark_safe(_css_string(spec.code)),
            "reference": spec.reference(obj),
            "signature_boxes": signature_boxes(spec, obj),
        },
        **spec.context(obj),
    }


def render_html(spec: FormSpec, obj, language: str, *, csp_nonce: str = "") -> str:
    """The form's HTML, as previewed and as printed (render_pdf): every text on it printable;
    shown in a browser, its <style> carries the page's CSP nonce."""
    language = check_language(language)
    with translation.override(language):
        context = form_context(spec, obj, language)
        context["form"]["csp_nonce"] = csp_nonce
        return printable(render_to_string(spec.template, context))


def render_pdf(spec: FormSpec, obj, language: str) -> bytes:
    return html_to_pdf(render_html(spec, obj, language))
