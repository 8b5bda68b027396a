"""R9: the customer's master file (總檔): standing documents kept once for all its orders."""

from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from orders import permissions
from orders.choices import CustomerDocumentKind
from orders.models import Customer, CustomerDocument
from orders.services.common import ActionRefused, lock_row
from orders.uploads import upload_checked


def customer_document_add(
    *,
    customer_id: int,
    user,
    kind: str,
    title: str,
    file,
    valid_from: date | None = None,
    note: str = "",
) -> CustomerDocument:
    if not permissions.can_keep_customer_file(user):
        raise ActionRefused(_("Only merchandisers and managers keep the customer's master file."))
    title = (title or "").strip()
    if not title:
        raise ActionRefused(_("Please give the document a title."))
    if kind not in CustomerDocumentKind.values:
        raise ActionRefused(_("Choose what kind of document it is."))
    if file is None:
        raise ActionRefused(_("Please choose the file."))
    upload_checked(file, "master_file")
    with transaction.atomic():
        customer = lock_row(Customer, pk=customer_id)
        return CustomerDocument.objects.create(
            customer=customer,
            kind=kind,
            title=title,
            file=file,
            valid_from=valid_from,
            note=(note or "").strip(),
            uploaded_by=user,
        )


def customer_documents(*, customer) -> list[CustomerDocument]:
    return list(customer.master_file.select_related("uploaded_by"))
