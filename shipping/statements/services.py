"""R31: drawing up, sending, answering and resolving the monthly customer statement. Each step
locks the statement, takes its transition (who may, from which state) and records who, when
and why on its history."""

from datetime import date, datetime, time
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from orders.documents.services import document_send
from orders.services.common import ActionRefused, lock_row, perform
from orders.uploads import upload_checked
from shipping.choices import DeductionSource
from shipping.statements import ledger, permissions
from shipping.statements.choices import StatementEvent, StatementStatus
from shipping.statements.models import (
    STATEMENT_FORM,
    Statement,
    StatementBalance,
    StatementLine,
    StatementRecord,
)


def record(statement, *, action: str, before: str = "", user=None, name: str = "", comment=""):
    return StatementRecord.objects.create(
        statement=statement,
        action=action,
        from_status=before,
        to_status=statement.status if before else "",
        actor=user,
        actor_name=name[:120],
        comment=comment,
    )


def _write_figures(statement: Statement) -> None:
    """The month's lines and balances as the settlement has them now."""
    statement.lines.all().delete()
    statement.balances.all().delete()
    rows = ledger.figures(statement.customer, statement.period)
    StatementBalance.objects.bulk_create(
        StatementBalance(
            statement=statement,
            currency=row.currency,
            opening=row.opening,
            invoiced=row.invoiced,
            received=row.received,
            deducted=row.deducted,
            closing=row.closing,
        )
        for row in rows.values()
    )
    StatementLine.objects.bulk_create(
        StatementLine(
            statement=statement,
            currency=entry.currency,
            kind=entry.kind,
            day=entry.day,
            order_id=entry.order_id,
            reference=entry.reference,
            amount=entry.amount,
        )
        for row in rows.values()
        for entry in row.lines
    )


def _refuse_unless_finance(user) -> None:
    if user is not None and not permissions.can_keep_statements(user):
        raise ActionRefused(_("Only finance draws up and sends customer statements (R31)."))


def statement_generate(*, customer, period: date, user=None) -> Statement:
    """Draw up the customer's statement of the month (user None: the monthly pass). A month
    has one statement: asking again returns it (a draft is drawn up again)."""
    _refuse_unless_finance(user)
    period = ledger.month_start(period)
    if period > ledger.previous_month(timezone.localdate()) and user is None:
        raise ActionRefused(_("A month is stated once it is over."))
    if period > ledger.month_start(timezone.localdate()):
        raise ActionRefused(_("That month has not begun."))
    existing = Statement.objects.filter(customer=customer, period=period).first()
    if existing is not None:
        if existing.status == StatementStatus.DRAFT and user is not None:
            return statement_refresh(statement_id=existing.pk, user=user)
        return existing
    try:
        with transaction.atomic():
            statement = Statement.objects.create(
                customer=customer, period=period, generated_by=user, generated_at=timezone.now()
            )
            _write_figures(statement)
            record(statement, action=StatementEvent.GENERATED, user=user)
    except IntegrityError:  # the monthly pass and finance at the same moment: one statement
        return Statement.objects.get(customer=customer, period=period)
    return statement


def _locked(statement_id: int) -> Statement:
    return lock_row(Statement.objects.select_related("customer"), pk=statement_id)


def finance_step(obj, name: str, *args, user=None, not_possible: str) -> str:
    """One transition of a statement or an invoice run, finance's step (R31), saved; returns
    the state before. `not_possible` names the object and takes its %(status)s."""
    before, _after = perform(
        obj,
        name,
        *args,
        user=user,
        not_possible=not_possible % {"status": obj.get_status_display().lower()},
        not_yours=_("Only finance does this; the customer answers through its link (R31)."),
    )
    obj.save()
    return before


def _step(statement: Statement, name: str, *args, user=None) -> str:
    return finance_step(
        statement, name, *args, user=user, not_possible=_("The statement is %(status)s.")
    )


def statement_refresh(*, statement_id: int, user) -> Statement:
    """A draft drawn up again, e.g. after a payment was recorded late."""
    with transaction.atomic():
        statement = _locked(statement_id)
        before = _step(statement, "refresh", user=user)
        _write_figures(statement)
        record(statement, action=StatementEvent.REFRESHED, before=before, user=user)
    return statement


def statement_send(*, statement_id: int, user, comment: str = "") -> Statement:
    """R31: the statement goes to the customer, in the customer's language, through the
    outbox; a customer without an e-mail address refuses the whole step."""
    with transaction.atomic():
        statement = _locked(statement_id)
        before = _step(statement, "send", user, timezone.now(), user=user)
        # What leaves is the settlement as it stands now (a draft may be days old): the figures
        # freeze with the send.
        _write_figures(statement)
        record(statement, action=StatementEvent.SENT, before=before, user=user, comment=comment)
        document_send(spec_code=STATEMENT_FORM, obj=statement, user=user)
    return statement


def _mark_disputed(statement: Statement, disputed: dict[int, str], comment: str) -> None:
    lines = statement.lines.select_for_update().filter(pk__in=list(disputed))
    if len(lines) != len(disputed):
        raise ActionRefused(_("A line you ticked is not on this statement."))
    for line in lines:
        line.disputed = True
        line.dispute_reason = (disputed[line.pk] or comment).strip()
        line.save(update_fields=["disputed", "dispute_reason"])


def _paper_answer(name: str, answered_on: date | None, scan) -> datetime:
    """What every answer on paper needs: who, when (not in the future), the checked scan."""
    if not (name or "").strip():
        raise ActionRefused(_("Please give the name of who answered."))
    if answered_on is None or answered_on > timezone.localdate():
        raise ActionRefused(_("Please give the date of the answer (not in the future)."))
    if scan is None:
        raise ActionRefused(_("Please upload the customer's answer (scan)."))
    upload_checked(scan, "signed_copy")
    return timezone.make_aware(datetime.combine(answered_on, time(12)))


def statement_answer(
    *, statement_id: int, name: str, agreed: bool, disputed: dict[int, str], comment: str = ""
) -> Statement:
    """The customer's answer through its signed link: confirmed, or disputed with the lines
    and the reason for each (R31: differences resolved at once)."""
    name = (name or "").strip()
    if not name:
        raise ActionRefused(_("Please give your name."))
    comment = (comment or "").strip()
    if not agreed and not disputed:
        raise ActionRefused(_("Please tick the lines you dispute."))
    if (
        not agreed
        and not all((reason or "").strip() for reason in disputed.values())
        and not comment
    ):
        raise ActionRefused(_("Please say why you dispute the lines."))
    with transaction.atomic():
        statement = _locked(statement_id)
        name_of_step = "confirm" if agreed else "dispute"
        before = _step(statement, name_of_step, name, timezone.now(), comment)
        if not agreed:
            _mark_disputed(statement, disputed, comment)
        record(
            statement,
            action=StatementEvent.CONFIRMED if agreed else StatementEvent.DISPUTED,
            before=before,
            name=name,
            comment=comment,
        )
    return statement


def statement_confirm_on_paper(
    *, statement_id: int, user, name: str, confirmed_on: date, scan, comment: str = ""
) -> Statement:
    """R31: the customer confirmed the statement on paper; finance files who signed, when,
    and the scanned copy (checked like every signed copy)."""
    when = _paper_answer(name, confirmed_on, scan)
    name = name.strip()
    with transaction.atomic():
        statement = _locked(statement_id)
        before = _step(statement, "confirm_on_paper", name, when, user, user=user)
        statement.paper_confirmation.save(scan.name, scan, save=True)
        record(
            statement,
            action=StatementEvent.CONFIRMED_ON_PAPER,
            before=before,
            user=user,
            name=name,
            comment=(comment or "").strip(),
        )
    return statement


def statement_dispute_on_paper(
    *,
    statement_id: int,
    user,
    name: str,
    disputed_on: date,
    disputed: dict[int, str],
    reason: str,
    scan,
) -> Statement:
    """R31: the customer wrote back disputing lines instead of answering through the link;
    finance records the lines, the reason and who wrote, and files the letter."""
    when = _paper_answer(name, disputed_on, scan)
    name, reason = name.strip(), (reason or "").strip()
    if not disputed:
        raise ActionRefused(_("Please tick the lines the customer disputes."))
    if not reason:
        raise ActionRefused(_("Please give the reason the customer gives."))
    with transaction.atomic():
        statement = _locked(statement_id)
        before = _step(statement, "dispute_on_paper", name, when, user, reason, user=user)
        _mark_disputed(statement, disputed, reason)
        statement.paper_confirmation.save(scan.name, scan, save=True)
        record(
            statement,
            action=StatementEvent.DISPUTED_ON_PAPER,
            before=before,
            user=user,
            name=name,
            comment=reason,
        )
    return statement


def _post_correction(statement: Statement, *, user, order_id, credit: Decimal, resolution: str):
    """The agreed credit note on the order's settlement (R21's figures): dated today, it is a
    line of the next statement and lowers the order's balance."""
    from shipping.services import deduction_record

    orders = set(statement.lines.filter(disputed=True).values_list("order_id", flat=True))
    if order_id not in orders:
        raise ActionRefused(_("The credit note goes on the order of a disputed line."))
    return deduction_record(
        order_id=order_id,
        user=user,
        source=DeductionSource.CREDIT_NOTE,
        amount=credit,
        reason=f"{statement.label}: {resolution}",
        source_reference=f"statements.Statement:{statement.pk}",
    )


def statement_resolve(
    *,
    statement_id: int,
    user,
    resolution: str,
    credit: Decimal | None = None,
    order_id: int | None = None,
) -> Statement:
    """Finance settles the differences with the customer and says how. An agreed credit note
    is posted on the disputed line's order in the same step, so the next statement carries it
    and its closing balance reflects it; none when the customer withdrew the dispute."""
    resolution = (resolution or "").strip()
    if not resolution:
        raise ActionRefused(_("Please say how the differences were resolved."))
    if credit is not None and credit <= 0:
        raise ActionRefused(_("The credit note must be more than zero."))
    with transaction.atomic():
        statement = _locked(statement_id)
        before = _step(statement, "resolve", user, timezone.now(), resolution, user=user)
        if credit is not None:
            statement.correction = _post_correction(
                statement, user=user, order_id=order_id, credit=credit, resolution=resolution
            )
            statement.save(update_fields=["correction"])
        record(
            statement, action=StatementEvent.RESOLVED, before=before, user=user, comment=resolution
        )
        if statement.correction is not None:
            record(
                statement,
                action=StatementEvent.CORRECTION_POSTED,
                user=user,
                comment=f"{statement.correction.order.po_number} {statement.correction.money}",
            )
    return statement
