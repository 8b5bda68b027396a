"""R7: the L/G letter (F-PMER-003): drawn up from the findings, signed by the factory's
responsible person, then the shipment approved by a manager."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from orders.choices import EventKind
from orders.services.common import lock_row
from orders.timeline import event_message
from orders.uploads import upload_checked
from shipping import permissions
from shipping.choices import ShippingEvent
from shipping.models import GuaranteeLetter, InspectionReport
from shipping.services.common import ActionRefused, lock_order, record_event, refuse_unless
from shipping.services.inspections import issue_certificate


def guarantee_letter_create(
    *, report_id: int, user, factory_responsible: str, findings: str = ""
) -> GuaranteeLetter:
    report = InspectionReport.objects.select_related("booking").get(pk=report_id)
    factory_responsible = (factory_responsible or "").strip()
    if not factory_responsible:
        raise ActionRefused(_("Please name the factory's responsible person who signs."))
    with transaction.atomic():
        order = lock_order(report.booking.order_id)
        refuse_unless(permissions.can_handle_shipment(order, user))
        if not report.ships_under_lg:
            raise ActionRefused(_("An L/G letter needs the decision to ship under L/G first (R7)."))
        if GuaranteeLetter.objects.filter(report=report).exists():
            raise ActionRefused(_("This inspection already has an L/G letter."))
        letter = GuaranteeLetter.objects.create(
            order=order,
            report=report,
            number=f"LG-{timezone.localdate():%Y%m%d}-{report.pk:05d}",
            findings=(findings or "").strip(),
            factory_responsible=factory_responsible,
            created_by=user,
        )
        record_event(
            order,
            kind=EventKind.DOCUMENT,
            actor=user,
            action=ShippingEvent.LG_LETTER_CREATED,
            message=event_message(
                gettext_noop("L/G letter %(number)s for %(name)s to sign"),
                number=letter.number,
                name=factory_responsible,
            ),
        )
    return letter


def guarantee_letter_record_signature(
    *, letter_id: int, user, signed_scan, signed_by_name: str = ""
) -> GuaranteeLetter:
    """The merchandiser uploads the scan the factory signed (when it did not use the link)."""

    letter = GuaranteeLetter.objects.get(pk=letter_id)
    if signed_scan is None:
        raise ActionRefused(_("Please upload the signed letter."))
    upload_checked(signed_scan, "signed_copy")
    with transaction.atomic():
        order = lock_order(letter.order_id)
        refuse_unless(permissions.can_handle_shipment(order, user))
        letter = lock_row(GuaranteeLetter, pk=letter_id)
        if letter.is_approved:
            raise ActionRefused(_("The shipment under this L/G is already approved."))
        letter.signed_scan.save(signed_scan.name, signed_scan, save=False)
        letter.signed_by_name = (signed_by_name or "").strip() or letter.factory_responsible
        letter.signed_at = timezone.now()
        letter.signature_recorded_by = user
        letter.save()
        record_event(
            order,
            kind=EventKind.DOCUMENT,
            actor=user,
            action=ShippingEvent.LG_LETTER_SIGNED,
            message=event_message(
                gettext_noop("Signed L/G letter recorded (signed by %(name)s)"),
                name=letter.signed_by_name,
            ),
        )
    return letter


def guarantee_letter_signed_by_factory(letter: GuaranteeLetter, document, name: str) -> None:
    """R7: the signed copy the factory returns for F-PMER-003 (through its link, or filed by
    the merchandiser) is the responsible person's signature: the letter now waits for the
    manager's approval. Runs inside the forms machinery's transaction."""
    letter = lock_row(GuaranteeLetter, pk=letter.pk)
    if letter.signed_at is not None:
        return
    letter.signed_by_name = name or letter.factory_responsible
    letter.signed_at = timezone.now()
    letter.signature_recorded_by = document.signed_copy_recorded_by
    letter.save(update_fields=["signed_by_name", "signed_at", "signature_recorded_by"])
    record_event(
        letter.order,
        kind=EventKind.DOCUMENT,
        actor=document.signed_copy_recorded_by,
        action=ShippingEvent.LG_LETTER_SIGNED,
        message=event_message(
            gettext_noop("Signed L/G letter received from the factory (signed by %(name)s)"),
            name=letter.signed_by_name,
        ),
    )


def guarantee_letter_approve(*, letter_id: int, user, comment: str = "") -> GuaranteeLetter:
    """A manager approves the shipment under L/G; refused while the factory has not signed.
    The INSPECTION CERTIFICATE is issued under the L/G."""
    letter = GuaranteeLetter.objects.get(pk=letter_id)
    with transaction.atomic():
        order = lock_order(letter.order_id)
        refuse_unless(
            permissions.can_decide_failure(order, user),
            _("Only the purchasing head or the general manager approves an L/G shipment."),
        )
        letter = lock_row(GuaranteeLetter, pk=letter_id)
        if letter.is_approved:
            raise ActionRefused(_("The shipment under this L/G is already approved."))
        if not letter.is_signed:
            raise ActionRefused(
                _("The factory's responsible person has not signed the L/G letter yet.")
            )
        letter.approved_by = user
        letter.approved_at = timezone.now()
        letter.approval_comment = (comment or "").strip()
        letter.save(update_fields=["approved_by", "approved_at", "approval_comment"])
        record_event(
            order,
            kind=EventKind.APPROVAL,
            actor=user,
            action=ShippingEvent.LG_SHIPMENT_APPROVED,
            comment=letter.approval_comment,
            message=None
            if letter.approval_comment
            else event_message(gettext_noop("Shipment under L/G approved")),
        )
        issue_certificate(letter.report, user, guarantee_letter=letter)
    return letter
