"""The e-mails of this app's notices, built when the outbox sends them (orders.outbox)."""

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation

from orders.models import CompanyProfile, Order
from orders.outbox.registry import register_outbox_kind
from suppliers.models import LabTest, TrimCard
from suppliers.notifications import NOTICES

LOADERS = {
    "lab_test_failed": lambda pk: {
        "test": LabTest.objects.select_related("booking", "lab").filter(pk=pk).first(),
    },
    "trim_card_returned": lambda pk: {"card": TrimCard.objects.filter(pk=pk).first()},
}


def build_notice(row) -> EmailMessage | None:
    payload = row.payload
    order = Order.objects.select_related("customer", "factory").filter(pk=payload["order_id"])
    order = order.first()
    loaded = LOADERS[row.kind](payload["object_id"])
    if order is None or None in loaded.values():
        return None
    language = payload["language"]
    template = NOTICES[row.kind]
    with translation.override(language):
        context = {
            "name": payload["name"],
            "order": order,
            "company_name": CompanyProfile.current().for_language(language).name,
            **loaded,
        }
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}.txt", context)
    return EmailMessage(subject, body, None, [row.recipient])


def register() -> None:
    for kind in NOTICES:
        register_outbox_kind(kind, build=build_notice)
