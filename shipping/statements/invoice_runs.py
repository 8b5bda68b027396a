"""R31: the invoices of each cut-off (three a month, InvoicingPolicy) drawn up per customer,
sent together, and their receipt confirmed by the customer through the mail's signed link or
recorded by finance. Each step locks the run, takes its transition (who may, from which state)
and records who, when and why on its history, as the statement's steps do."""

from datetime import date, datetime, time

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from orders.documents.services import document_send
from orders.models import Customer, OrderLine
from orders.money import Money
from orders.services.common import ActionRefused, lock_row
from orders.uploads import upload_checked
from shipping.models import CommercialInvoice
from shipping.statements import ledger, permissions
from shipping.statements.choices import InvoiceRunEvent, InvoiceRunStatus
from shipping.statements.models import (
    INVOICE_RUN_FORM,
    InvoiceRun,
    InvoiceRunLine,
    InvoiceRunRecord,
    InvoicingPolicy,
)
from shipping.statements.services import finance_step


def record(run, *, action: str, before: str = "", user=None, name: str = "", comment=""):
    return InvoiceRunRecord.objects.create(
        run=run,
        action=action,
        from_status=before,
        to_status=run.status if before else "",
        actor=user,
        actor_name=name[:120],
        comment=comment,
    )


def unsent_invoices(customer, cutoff: date, run: InvoiceRun | None = None):
    """The customer's commercial invoices issued up to the cut-off and in no run yet (a late
    one of an earlier window goes with the next run); a draft keeps its own."""
    not_in_a_run = Q(run_line__isnull=True)
    if run is not None:
        not_in_a_run |= Q(run_line__run=run)
    return CommercialInvoice.objects.filter(
        not_in_a_run, order__customer=customer, issued_on__lte=cutoff
    ).select_related("order")


def _write_lines(run: InvoiceRun) -> None:
    invoices = list(unsent_invoices(run.customer, run.cutoff, run))
    run.lines.all().delete()
    totals = ledger.order_totals(OrderLine.objects.filter(order__in=[i.order for i in invoices]))
    InvoiceRunLine.objects.bulk_create(
        InvoiceRunLine(
            run=run,
            invoice=invoice,
            order=invoice.order,
            number=invoice.number,
            issued_on=invoice.issued_on,
            currency=invoice.order.currency,
            amount=Money(totals[invoice.order_id], invoice.order.currency).rounded(),
        )
        for invoice in invoices
    )


def _refuse_unless_finance(user) -> None:
    if user is not None and not permissions.can_keep_statements(user):
        raise ActionRefused(_("Only finance draws up and sends the invoice runs (R31)."))


def invoice_run_generate(*, customer, cutoff: date, user=None) -> InvoiceRun:
    """Draw up the customer's invoices of a cut-off (user None: the scheduled pass). A cut-off
    has one run per customer: asking again returns it (a draft is drawn up again)."""
    _refuse_unless_finance(user)
    policy = InvoicingPolicy.current()
    if cutoff not in policy.cutoffs(cutoff):
        raise ActionRefused(
            _("%(day)s is not a cut-off: invoices go out on %(schedule)s.")
            % {"day": cutoff, "schedule": policy}
        )
    if cutoff > timezone.localdate():
        raise ActionRefused(_("That cut-off has not come yet."))
    existing = InvoiceRun.objects.filter(customer=customer, cutoff=cutoff).first()
    if existing is not None:
        if existing.status == InvoiceRunStatus.DRAFT and user is not None:
            return invoice_run_refresh(run_id=existing.pk, user=user)
        return existing
    if not unsent_invoices(customer, cutoff).exists():
        raise ActionRefused(_("No invoice of this customer waits to be sent up to that cut-off."))
    try:
        with transaction.atomic():
            run = InvoiceRun.objects.create(
                customer=customer, cutoff=cutoff, generated_by=user, generated_at=timezone.now()
            )
            _write_lines(run)
            record(run, action=InvoiceRunEvent.GENERATED, user=user)
    except IntegrityError:  # the pass and finance at once, or an invoice taken by another run
        run = InvoiceRun.objects.filter(customer=customer, cutoff=cutoff).first()
        if run is None:
            raise ActionRefused(_("Another run took these invoices; please try again.")) from None
    return run


def _locked(run_id: int) -> InvoiceRun:
    return lock_row(InvoiceRun.objects.select_related("customer"), pk=run_id)


def _step(run: InvoiceRun, name: str, *args, user=None) -> str:
    return finance_step(
        run, name, *args, user=user, not_possible=_("The invoice run is %(status)s.")
    )


def invoice_run_refresh(*, run_id: int, user) -> InvoiceRun:
    with transaction.atomic():
        run = _locked(run_id)
        before = _step(run, "refresh", user=user)
        _write_lines(run)
        record(run, action=InvoiceRunEvent.REFRESHED, before=before, user=user)
    return run


def invoice_run_send(*, run_id: int, user, comment: str = "") -> InvoiceRun:
    """R31: the run's invoices go to the customer together, listed in the customer's language
    through the outbox, with the link to confirm their receipt."""
    with transaction.atomic():
        run = _locked(run_id)
        before = _step(run, "send", user, timezone.now(), user=user)
        _write_lines(run)  # what leaves is every invoice waiting now
        if not run.lines.exists():
            raise ActionRefused(_("The run has no invoice to send."))
        record(run, action=InvoiceRunEvent.SENT, before=before, user=user, comment=comment)
        document_send(spec_code=INVOICE_RUN_FORM, obj=run, user=user)
    return run


def invoice_run_confirm_receipt(*, run_id: int, name: str, comment: str = "") -> InvoiceRun:
    """The customer confirms through its signed link that the invoices arrived."""
    name = (name or "").strip()
    if not name:
        raise ActionRefused(_("Please give your name."))
    with transaction.atomic():
        run = _locked(run_id)
        before = _step(run, "confirm_receipt", name, timezone.now(), (comment or "").strip())
        record(run, action=InvoiceRunEvent.RECEIVED, before=before, name=name, comment=comment)
    return run


def invoice_run_record_receipt(
    *, run_id: int, user, name: str, received_on: date, comment: str = "", scan=None
) -> InvoiceRun:
    """The customer confirmed the receipt by mail, phone or on paper: finance records who and
    when (and files the signed copy, if any)."""
    name, comment = (name or "").strip(), (comment or "").strip()
    if not name:
        raise ActionRefused(_("Please give the name of who confirmed the receipt."))
    if received_on is None or received_on > timezone.localdate():
        raise ActionRefused(_("Please give the date of the answer (not in the future)."))
    if scan is not None:
        upload_checked(scan, "signed_copy")
    when = timezone.make_aware(datetime.combine(received_on, time(12)))
    with transaction.atomic():
        run = _locked(run_id)
        before = _step(run, "record_receipt", name, when, user, comment, user=user)
        if scan is not None:
            run.receipt_scan.save(scan.name, scan, save=True)
        record(
            run,
            action=InvoiceRunEvent.RECEIVED_RECORDED,
            before=before,
            user=user,
            name=name,
            comment=comment,
        )
    return run


def invoice_runs_for(today: date) -> int:
    """The scheduled pass: at the last cut-off before today, each customer with invoices not
    yet sent gets its run, once (a unique row per customer and cut-off)."""
    cutoff = InvoicingPolicy.current().last_closed_cutoff(today)
    waiting = (
        CommercialInvoice.objects.filter(run_line__isnull=True, issued_on__lte=cutoff)
        .values_list("order__customer_id", flat=True)
        .distinct()
    )
    done = InvoiceRun.objects.filter(cutoff=cutoff).values_list("customer_id", flat=True)
    drawn = 0
    for customer in Customer.objects.filter(pk__in=waiting).exclude(pk__in=done):
        invoice_run_generate(customer=customer, cutoff=cutoff)
        drawn += 1
    return drawn
