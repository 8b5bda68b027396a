"""What the samples app keeps in the order file (R9): the customer's own comment letters (the
letters we print are in the forms sent)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from orders.documents.order_file import FileEntry, register_file_source
from orders.files import register_protected_file
from orders.permissions import can_see_customer_file
from samples.models import CommentLetter, StyleMasterFile


def sample_entries(order) -> list[FileEntry]:
    letters = CommentLetter.objects.filter(sample__order=order).exclude(document="")
    return [
        FileEntry(
            title=_("Customer's comment letter: %(sample)s") % {"sample": letter.sample},
            date=letter.created_at,
            file=letter.document,
            url=letter.document.url,
            confirmed=letter.get_status_display(),
        )
        for letter in letters.select_related("sample")
    ]


def register_file_sources() -> None:
    register_file_source(
        kind="samples",
        label=gettext_lazy("Sample comment letters"),
        entries=sample_entries,
        order=40,
    )
    register_protected_file(CommentLetter, "document", order_of=lambda letter: letter.sample.order)
    register_protected_file(
        StyleMasterFile, "document", may_see=lambda user, _master: can_see_customer_file(user)
    )
