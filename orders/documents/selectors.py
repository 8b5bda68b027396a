"""Reads of the forms machinery."""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from orders import permissions
from orders.documents.choices import DocumentStatus
from orders.documents.forms import language_choices
from orders.documents.recipients import Recipient
from orders.documents.registry import FormSpec, all_forms, get_form
from orders.models import Order, SentDocument
from orders.templatetags.gendan import person


def sent_documents(*, order: Order):
    return (
        SentDocument.objects.filter(order=order)
        .select_related("sent_by", "content_type", "signed_copy_recorded_by")
        .order_by("-queued_at", "-id")
    )


def sent_for(obj):
    """Every version sent of the forms printing this object (e.g. a quotation, before any
    order exists), newest first."""
    return (
        SentDocument.objects.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
        )
        .select_related("sent_by")
        .order_by("-queued_at", "-id")
    )


def latest_sent(*, order: Order) -> list[SentDocument]:
    """The latest version of each form sent for each printed object of the order."""

    latest: dict[tuple, SentDocument] = {}
    for document in (
        SentDocument.objects.filter(order=order)
        .exclude(outbox__state=DocumentStatus.FAILED)
        .order_by("version", "id")
    ):
        latest[(document.form_code, document.content_type_id, document.object_id)] = document
    return list(latest.values())


def documents_altered_by(*, order: Order, aspects) -> list[tuple[SentDocument, FormSpec, bool]]:
    """R8: the latest version of each form already sent whose form prints what a change of these
    aspects alters, and whether it may go again now (False: e.g. a booking whose signature the
    change made void waits for the group head, R2)."""

    found = []
    for document in latest_sent(order=order):
        try:
            spec = get_form(document.form_code)
        except KeyError:
            continue
        if not spec.revised_by & set(aspects):
            continue
        printed = document.printed
        if printed is None:
            continue
        found.append((document, spec, not spec.send_rule.unmet(printed, order)))
    return found


def documents_revised_by(*, order: Order, aspects) -> list[tuple[SentDocument, FormSpec]]:
    """The documents a change re-issues at once (those that may go again now)."""
    return [
        (document, spec)
        for document, spec, ready in documents_altered_by(order=order, aspects=aspects)
        if ready
    ]


def held_documents(obj) -> list[SentDocument]:
    """The versions a change replaced whose next version still waits to go (R8), for this
    printed object: the latest of each form, held and not yet followed by a newer one."""
    return [
        document
        for document in sent_for(obj)
        .exclude(held_at_revision=None)
        .select_related("order__merchandiser__profile")
        if replacement_of(document) is None
    ]


def forms_for(model) -> list[FormSpec]:
    label = model._meta.label
    return [spec for spec in all_forms() if spec.model == label]


def documents_section(*, order: Order, user) -> dict:
    """The order page's Documents section: the order's own forms and everything sent."""
    return {
        "forms": forms_for(Order),
        "documents": list(sent_documents(order=order)),
        "order_type": ContentType.objects.get_for_model(Order),
        "can_send": permissions.can_edit(order, user),
    }


@dataclass(frozen=True)
class FormLanguage:
    code: str
    label: str
    is_recipients: bool
    html_url: str
    pdf_url: str


@dataclass(frozen=True)
class FormActions:
    """What a screen offers for one form of one object: previews in the three languages (the
    recipient's first), and a send button, or why it cannot be sent yet."""

    spec: FormSpec
    obj: object
    recipient_name: str
    languages: list[FormLanguage]
    may_send: bool  # this user is one who sends it
    unmet: list[str]  # what is still missing before it may leave
    send_url: str


def form_actions(*, code: str, obj, user, send_url: str = "", recipient=None) -> FormActions:
    """`recipient` when the button sends to someone else than the form's own recipient (the
    customer's copy of a comment letter)."""

    spec = get_form(code)
    order = spec.order_of(obj)
    recipient = Recipient.of(recipient if recipient is not None else spec.recipient(obj))
    args = [spec.code, obj.pk]
    languages = [
        FormLanguage(
            code=language,
            label=str(label),
            is_recipients=language == recipient.language,
            html_url=f"{reverse('documents:preview', args=args)}?lang={language}",
            pdf_url=f"{reverse('documents:preview_pdf', args=args)}?lang={language}",
        )
        for language, label in language_choices(recipient.language)
    ]
    return FormActions(
        spec=spec,
        obj=obj,
        recipient_name=recipient.name,
        languages=languages,
        may_send=spec.send_rule.who(order if order is not None else obj, user),
        unmet=spec.send_rule.unmet(obj, order),
        send_url=send_url or reverse("documents:send", args=args),
    )


@dataclass(frozen=True)
class Contact:
    """Who a factory or customer answers to about an order: its merchandiser."""

    name: str
    email: str
    phone: str


def merchandiser_contact(owner) -> Contact:
    """`owner`: the order, or anything else a form belongs to that has a merchandiser."""

    user = owner.merchandiser
    profile = getattr(user, "profile", None)
    return Contact(
        name=person(user),
        email=user.email,
        phone=profile.phone if profile is not None else "",
    )


def replacement_of(document: SentDocument) -> SentDocument | None:
    """The newer version of the same form for the same object, if one went out: the old
    version's link then only names it (R8 re-issues, a re-send after a correction)."""

    return (
        SentDocument.objects.filter(
            order_id=document.order_id,
            form_code=document.form_code,
            content_type_id=document.content_type_id,
            object_id=document.object_id,
            version__gt=document.version,
        )
        .exclude(outbox__state=DocumentStatus.FAILED)
        .order_by("-version")
        .first()
    )
