"""Every printable form, registered by the app that owns the object it prints.

    register_form(FormSpec(
        code="F-PMER-004",
        name=_("Sample comment letter (house layout)"),
        model="samples.SampleCommentLetter",
        template="samples/forms/comment_letter_house.html",
        order_of=lambda letter: letter.sample.order,
        recipient=lambda letter: letter.sample.order.factory,   # anything with .email/.language
        context=lambda letter: {"letter": letter},
        reference=lambda letter: str(letter.sample.order),          # optional, in the header
        signatures=(_("Prepared by"), _("Approved by"), Signature(_("Factory"), company=True)),
        attachments=lambda letter: [Attachment("letter.pdf", data, "application/pdf")],  # optional
        send_rule=SendRule(who=..., when=(Requirement(...),)),  # optional, orders.documents.rules
    ))

A form template extends "forms/base_form.html" and fills the blocks `title` and `content`
(and optionally `style` and `signatures`); it gets `object`, `spec`, `form` (language, company,
fonts, page counter) and whatever `context(obj)` returns. Render with
orders.documents.render.render_html / render_pdf.

`attachments(obj)` names the files that travel in the same e-mail after the rendered PDF. They
are copied when the document is sent, so every attempt mails the very same files.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from django.apps import apps

from orders import permissions
from orders.documents.rules import SendRule
from orders.templatetags.gendan import person


@dataclass(frozen=True)
class Signature:
    """One box at the foot of a form. A person signs it, or, with company=True, a company
    signs it with its chop. `signer` prints what is already known of who signs (e.g. the
    factory's responsible person, or the group head who signed in Gendan, with the date):
    obj -> (name, date or None), or None when nobody is known yet."""

    label: object
    company: bool = False
    signer: Callable[[Any], tuple[str, Any] | None] | None = None


def signed_by(user, when=None) -> tuple[str, Any] | None:
    """A Signature's signer from a user recorded in Gendan (None while nobody signed)."""

    return (person(user), when) if user is not None else None


class Attachment(NamedTuple):
    filename: str
    content: bytes
    mimetype: str


@dataclass(frozen=True)
class LinkAnswer:
    """What the recipient answers through its link, instead of a bare receipt: e.g. the factory
    agrees to a change notice or refuses it with a comment (R8). While `pending(obj)`, the link's
    page shows `form(obj, data, files)` (a form with a `name` field) and `record(obj, form)`
    records the answer through the owning app's service; receipt is confirmed in the same
    transaction. Once it is no longer pending, `answered(obj)` states the answer as recorded
    (through the link, or on paper by our staff) in the recipient's language, and the page then
    offers no form to answer again (nor a bare receipt)."""

    pending: Callable[[Any], bool]
    form: Callable[..., Any]
    record: Callable[[Any, Any], None]
    submit_label: object = ""
    answered: Callable[[Any], str] | None = None


@dataclass(frozen=True)
class FormSpec:
    code: str
    name: object
    model: str  # "app_label.ModelName" of the object the form prints
    template: str
    # obj -> orders.Order (the order the sent document is recorded on), or None for a form
    # printed before any order exists (a quotation): it then names who may see it (seen_by),
    # and on_sent records the sending on the object's own history.
    order_of: Callable
    recipient: Callable  # obj -> party with .email, .language and str()
    context: Callable = field(default=lambda obj: {})
    reference: Callable = field(default=lambda obj: "")  # obj -> e.g. "PO-123 / ST-9" in the header
    signatures: tuple = ()  # the boxes at the foot of the form: Signature, or a label alone
    attachments: Callable[[Any], list[Attachment]] | None = None  # files mailed with the PDF
    send_rule: SendRule = field(default_factory=SendRule)  # who may send it, and when
    # Called in the same transaction when the recipient's signed copy arrives (through its link
    # or uploaded by staff): (printed object, SentDocument, signer's name) -> None, e.g. the L/G
    # letter is then signed by the factory (R7).
    on_signed_copy: Callable[[Any, Any, str], None] | None = None
    # More links for the mail's body: obj -> [(label, url)], e.g. the customer's status page.
    mail_links: Callable[[Any], list[tuple[str, str]]] | None = None
    # R8: the aspects of a change (orders.changes.choices.Aspect) that alter what this form
    # prints; once sent, it is re-issued as the order's new revision when such a change applies
    # (if its send rule lets it leave: e.g. a fabric booking only while signed).
    revised_by: frozenset = frozenset()
    # When such a change makes it wait before it goes again, who lets it go (a lazy text, e.g.
    # "the group head signs it again (R2)"): the change's impact says so instead of "at once".
    reissued_after: Any = None
    link_answer: LinkAnswer | None = None
    seen_by: Callable[[Any, Any], bool] | None = None  # (obj, user) when order_of gives None
    on_sent: Callable[[Any, Any, Any], None] | None = None  # (obj, SentDocument, user)
    # How the link's pages name the contact who sent it (a lazy text, e.g. "Finance" for the
    # forms finance sends); None: "Your merchandiser".
    contact_label: Any = None

    def model_class(self):
        return apps.get_model(self.model)

    def get_object(self, pk):
        return self.model_class()._default_manager.get(pk=pk)

    def owner_of(self, obj):
        """What the form belongs to: its order, or the object itself before any order."""
        order = self.order_of(obj)
        return order if order is not None else obj

    def may_see(self, obj, user) -> bool:
        order = self.order_of(obj)
        if order is not None:
            return permissions.can_see(order, user)
        return self.seen_by is not None and self.seen_by(obj, user)


_forms: dict[str, FormSpec] = {}


def register_form(spec: FormSpec) -> FormSpec:
    _forms[spec.code] = spec
    return spec


def get_form(code: str) -> FormSpec:
    """The registered form; KeyError when no app registered that code."""
    return _forms[code]


def all_forms() -> list[FormSpec]:
    return sorted(_forms.values(), key=lambda spec: spec.code)
