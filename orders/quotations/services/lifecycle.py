"""R18: a quotation from draft to the customer's answer. Approved before it is sent; a special
price approved by the general manager or the deputy; re-quoting makes a new revision."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from orders.documents.services import document_send
from orders.quotations import notifications, permissions
from orders.quotations.choices import (
    EXPIRABLE_STATUSES,
    REPLACED_ON_REQUOTE,
    REQUOTABLE_STATUSES,
    QuotationEvent,
    QuotationStatus,
)
from orders.quotations.models import CostingLine, PriceBreak, Quotation
from orders.quotations.rules import QUOTATION_FORM
from orders.quotations.services.common import lock_quotation, record, required, transition
from orders.roles import has_role
from orders.services.common import ActionRefused


def quotation_submit(*, quotation_id: int, user, comment: str = "") -> Quotation:
    with transaction.atomic():
        quotation = lock_quotation(quotation_id)
        reasons = quotation.special_price_reasons()
        transition(quotation, user, "submit", comment=comment)
        quotation.submitted_by, quotation.submitted_at = user, timezone.now()
        quotation.save(update_fields=["submitted_by", "submitted_at"])
        if reasons:
            record(
                quotation,
                user=None,
                action=QuotationEvent.SPECIAL_PRICE,
                comment="; ".join(reasons),
            )
        notifications.approval_needed(quotation)
    return quotation


def quotation_approve(*, quotation_id: int, user, comment: str = "") -> Quotation:
    """R18: a manager approves; a special price only the general manager or the deputy."""
    with transaction.atomic():
        quotation = lock_quotation(quotation_id)
        _refuse_own(quotation, user)
        if (
            quotation.status == QuotationStatus.IN_APPROVAL
            and quotation.needs_special_approval()
            and not has_role(user, *permissions.SPECIAL_PRICE_ROLES)
        ):
            raise ActionRefused(
                _("A special price needs the general manager or the deputy general manager (R18)."),
                details=quotation.special_price_reasons(),
            )
        transition(quotation, user, "approve", comment=comment)
        quotation.approved_by, quotation.approved_at = user, timezone.now()
        quotation.save(update_fields=["approved_by", "approved_at"])
        notifications.decided(quotation, "approved")
    return quotation


def quotation_reject(*, quotation_id: int, user, reason: str) -> Quotation:
    reason = required(reason, _("Please give the reason for the rejection."))
    with transaction.atomic():
        quotation = lock_quotation(quotation_id)
        _refuse_own(quotation, user)
        transition(quotation, user, "reject", reason, comment=reason)
        notifications.decided(quotation, "rejected", reason)
    return quotation


def _refuse_own(quotation: Quotation, user) -> None:
    if quotation.submitted_by_id == user.pk:
        raise ActionRefused(_("Someone else decides on the quotation you submitted."))


def quotation_send(*, quotation_id: int, user, comment: str = "") -> Quotation:
    """R18: only an approved quotation, still valid, goes to the customer."""
    with transaction.atomic():
        quotation = lock_quotation(quotation_id)
        transition(quotation, user, "send", comment=comment)
        quotation.sent_at = timezone.now()
        quotation.save(update_fields=["sent_at"])
        # The PDF in the customer's language; a customer without an e-mail address refuses the
        # whole step, so the quotation stays approved.
        document_send(spec_code=QUOTATION_FORM, obj=quotation, user=user)
    return quotation


def quotation_win(*, quotation_id: int, user, comment: str = "") -> Quotation:
    with transaction.atomic():
        quotation = lock_quotation(quotation_id)
        transition(quotation, user, "win", comment=comment)
        quotation.closed_at = timezone.now()
        quotation.save(update_fields=["closed_at"])
    return quotation


def quotation_lose(*, quotation_id: int, user, reason: str) -> Quotation:
    reason = required(reason, _("Please say why the quotation was lost."))
    with transaction.atomic():
        quotation = lock_quotation(quotation_id)
        transition(quotation, user, "lose", reason, comment=reason)
        quotation.closed_at = timezone.now()
        quotation.save(update_fields=["closed_at"])
    return quotation


def quotation_expire(*, quotation_id: int, user=None) -> Quotation:
    """The validity date passed without an answer (user None: the daily pass)."""
    with transaction.atomic():
        quotation = lock_quotation(quotation_id)
        transition(quotation, user, "expire")
        quotation.closed_at = timezone.now()
        quotation.save(update_fields=["closed_at"])
    return quotation


def quotations_expire_due() -> int:
    """Expire every approved or sent quotation whose validity date has passed."""
    due = Quotation.objects.filter(
        status__in=EXPIRABLE_STATUSES, valid_until__lt=timezone.localdate()
    ).values_list("pk", flat=True)
    expired = 0
    for pk in list(due):
        try:
            quotation_expire(quotation_id=pk)
        except ActionRefused:
            continue  # answered or re-quoted since the list was read
        expired += 1
    return expired


def quotation_requote(*, quotation_id: int, user, reason: str, valid_until=None) -> Quotation:
    """A new revision in draft with the same costing and prices, for the merchandiser to rework;
    an approved or sent one is marked as replaced so only one revision is in force."""
    reason = required(reason, _("Please say why you re-quote."))
    with transaction.atomic():
        old = lock_quotation(quotation_id)
        if old.status not in REQUOTABLE_STATUSES:
            raise ActionRefused(
                _("The quotation is “%(status)s”: it cannot be re-quoted.")
                % {"status": old.get_status_display()}
            )
        if Quotation.objects.filter(previous=old).exists():
            raise ActionRefused(_("This revision was already re-quoted."))
        if old.status in REPLACED_ON_REQUOTE:
            transition(old, user, "replace", comment=reason)
        elif not permissions.can_prepare(old, user):
            raise ActionRefused(_("You may not change this quotation."))
        new = _copy(old, user, valid_until)
        record(new, user=user, action=QuotationEvent.REQUOTED, comment=reason)
    return new


def _copy(old: Quotation, user, valid_until) -> Quotation:
    today = timezone.localdate()
    new = Quotation.objects.create(
        number=old.number,
        revision=old.revision + 1,
        previous=old,
        customer=old.customer,
        style_no=old.style_no,
        description=old.description,
        season=old.season,
        merchandiser=user,
        team=old.team,
        currency=old.currency,
        cost_currency=old.cost_currency,
        exchange_rate=old.exchange_rate,
        target_margin_percent=old.target_margin_percent,
        incoterm=old.incoterm,
        payment_terms=old.payment_terms,
        valid_until=valid_until or max(old.valid_until, today),
        notes=old.notes,
    )
    CostingLine.objects.bulk_create(
        CostingLine(
            quotation=new,
            position=line.position,
            kind=line.kind,
            description=line.description,
            basis=line.basis,
            amount=line.amount,
        )
        for line in old.costing_lines.all()
    )
    PriceBreak.objects.bulk_create(
        PriceBreak(quotation=new, min_quantity=item.min_quantity, unit_price=item.unit_price)
        for item in old.price_breaks.all()
    )
    return new
