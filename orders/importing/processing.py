"""The import's two passes, run by its Celery tasks: check (the dry run, which writes and rolls
back) and write. django-import-export's own dry run keeps one transaction open over every row, so
a progress bar written to the job's row would stay invisible until the end. Here the file is read
and each row checked outside any transaction (the progress is committed as it goes), then the
orders are written in one transaction: rolled back for the preview, committed on confirm.
Both passes run the same code, so the preview shows exactly what the import writes."""

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from orders.choices import ImportPhase, ImportStatus, PaymentTerms
from orders.importing.reader import FileRefused, Sheet, read_sheet
from orders.importing.resource import (
    Defaults,
    OrderDraft,
    OrderLineResource,
    RowError,
    group_orders,
    validate_order,
)
from orders.models import OrderImport, OrderLine
from orders.services.common import ActionRefused, lock_row
from orders.services.orders import NewOrder, OrdersRefused, orders_create

CENT = Decimal("0.01")


class _Rollback(Exception):
    """Raised inside the preview's transaction so that nothing it wrote stays."""


def import_check(*, import_id: int) -> OrderImport | None:
    """The dry run: every row checked, the orders written and rolled back, the preview kept."""
    claimed = _claim(import_id, ImportStatus.UPLOADED, "start_check")
    if claimed is None:
        return None
    job = claimed
    with translation.override(job.language):
        outcome = _process(job, write=False)
        job.checked_at = timezone.now()
        if outcome.errors or outcome.file_error:
            job.reject()
        else:
            job.pass_check()
        _finish(job, outcome)
        job.save()
    return job


def import_write(*, import_id: int) -> OrderImport | None:
    """The confirmed import: taken once, then the same pass, committed with the job's new status,
    or nothing. The taking is one conditional update: of a write queued twice (the confirm's,
    then the sweep's after the broker came back) one task runs, the other finds it taken."""
    taken = OrderImport.objects.filter(
        pk=import_id, status=ImportStatus.IMPORTING, queued_at__isnull=False
    ).update(queued_at=None)
    job = OrderImport.objects.get(pk=import_id)
    if not taken:
        return job  # taken by another task, written already, or never confirmed
    with translation.override(job.language):
        outcome = _process(job, write=True)
        if outcome.errors or outcome.file_error:
            job.fail()
            _finish(job, outcome)
            job.save()
    return OrderImport.objects.get(pk=import_id)


# ---- the pass both share ------------------------------------------------------------------------


@dataclass
class Outcome:
    preview: dict
    errors: list
    file_error: str = ""


def _claim(import_id: int, status: str, transition: str) -> OrderImport | None:
    with transaction.atomic():
        job = lock_row(OrderImport, pk=import_id)
        if job.status != status:
            return None  # another worker has it, or it is done
        getattr(job, transition)()
        job.phase = ImportPhase.READING
        job.queued_at = None  # taken: the sweep leaves it alone
        job.save()
    return job


def _progress(job: OrderImport, phase: str, done: int, total: int) -> None:
    """Committed at once (no transaction is open), so the page's poll sees it."""
    job.phase, job.progress_done, job.progress_total = phase, done, total
    OrderImport.objects.filter(pk=job.pk).update(
        phase=phase, progress_done=done, progress_total=total
    )


def _finish(job: OrderImport, outcome: Outcome) -> None:
    job.preview = outcome.preview
    job.row_errors = [error.as_dict() for error in outcome.errors]
    job.file_error = outcome.file_error
    job.progress_done = job.progress_total
    job.finished_at = timezone.now()


@contextmanager
def _cycles_collected_after() -> Iterator[None]:
    """A pass keeps every row, draft, form and new model object of the file alive until it
    ends: Python's cycle collector would walk that growing heap again and again, a third of
    the write's time for 2,000 orders (bench/import_orders.py). It runs after the pass
    instead, and on the young objects only while the forms check the orders (a form and its
    bound fields are a cycle: without it they would pile up). Nothing the pass checks or
    writes depends on it."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _process(job: OrderImport, *, write: bool) -> Outcome:
    with _cycles_collected_after():
        return _pass(job, write=write)


def _pass(job: OrderImport, *, write: bool) -> Outcome:
    try:
        with job.file.open("rb") as handle:
            sheet = read_sheet(handle.read(), job.filename)
    except FileRefused as refused:
        return Outcome({}, [], file_error=str(refused))
    total = len(sheet.rows)
    if total > settings.GENDAN_IMPORT_MAX_ROWS:
        return Outcome(
            {},
            [],
            file_error=_("The file has %(rows)s rows; at most %(max)s can be imported at once.")
            % {"rows": total, "max": settings.GENDAN_IMPORT_MAX_ROWS},
        )
    _progress(job, ImportPhase.CHECKING, 0, total)
    resource = OrderLineResource(date_order=job.date_order)
    drafts, errors = group_orders(
        sheet, resource, progress=lambda done: _progress(job, ImportPhase.CHECKING, done, total)
    )
    if "factory" not in sheet.headers and job.default_factory_id is None:
        return Outcome(
            {}, [], file_error=_("The file names no factory: choose one for its orders.")
        )
    defaults = Defaults(job.customer, job.default_factory, job.currency, job.date_order)
    validated = []
    rows_with_errors = {error.row for error in errors}
    for count, draft in enumerate(drafts, start=1):
        if rows_with_errors.intersection(draft.rows):
            continue  # the cell errors say what is wrong; the form would only repeat them
        if count % 250 == 0:
            gc.collect(1)  # the forms checked so far (see _cycles_collected_after)
        data, lines, order_errors = validate_order(draft, defaults, sheet)
        errors.extend(order_errors)
        validated.append((draft, data, lines))
    errors.sort(key=lambda e: (e.row or 0, e.column))
    if errors:
        return Outcome(_preview(sheet, drafts, []), errors)
    _progress(job, ImportPhase.WRITING, total, total)
    return _write(job, sheet, validated, commit=write)


def _write(job: OrderImport, sheet: Sheet, validated: list, *, commit: bool) -> Outcome:
    """All the orders through orders_create, the new-order form's service, in one transaction:
    kept on commit, else rolled back."""
    drafts = [draft for draft, _data, _lines in validated]
    new_orders = [
        NewOrder({**data, "merchandiser": job.merchandiser}, lines, _imported_comment(job, draft))
        for draft, data, lines in validated
    ]
    errors: list[RowError] = []
    try:
        with transaction.atomic():
            try:
                created = orders_create(user=job.confirmed_by or job.created_by, orders=new_orders)
            except OrdersRefused as refused:
                errors = [
                    error
                    for index, refusal in sorted(refused.errors.items())
                    for error in _row_errors(refusal, drafts[index].rows[0], sheet)
                ]
                created = []
            except (ActionRefused, IntegrityError) as error:
                errors = [RowError(None, "", _error_text(error))]
                created = []
            preview = _preview(sheet, drafts, created)
            if errors or not commit:
                raise _Rollback
            job.finish()
            job.order_ids = [order.pk for order in created]
            _finish(job, Outcome(preview, []))
            job.save()
    except _Rollback:
        pass
    return Outcome(preview, errors)


def _imported_comment(job: OrderImport, draft: OrderDraft) -> str:
    rows = sorted(draft.rows)
    where = str(rows[0]) if len(rows) == 1 else f"{rows[0]}–{rows[-1]}"
    return _("Imported from %(file)s, rows %(rows)s.") % {"file": job.filename, "rows": where}


def _row_errors(error: Exception, row: int, sheet: Sheet) -> list[RowError]:
    """A refusal of orders_create as row errors, each in the column of its field."""
    if isinstance(error, ValidationError) and hasattr(error, "error_dict"):
        return [
            RowError(row, sheet.headers.get(field, ""), message)
            for field, messages in error.message_dict.items()
            for message in messages
        ]
    return [RowError(row, "", _error_text(error))]


def _error_text(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    if isinstance(error, IntegrityError):
        return _("This customer already has an order with this P/O no.")
    return str(error)


def _preview(sheet: Sheet, drafts: list, created: list) -> dict:
    """What the import writes, read back from the orders the pass created; when rows have
    errors nothing was created, and the preview shows what the file holds."""
    if created:
        lines: dict[int, list] = {order.pk: [] for order in created}
        for line in OrderLine.objects.filter(order__in=list(lines)).order_by("id"):
            lines[line.order_id].append(line)
        # The labels once, not through get_payment_terms_display() per order: that hashes
        # every (lazy, translated) label of the choices on each call.
        terms = {value: str(label) for value, label in PaymentTerms.choices}
        orders = [_order_summary(order, lines[order.pk], terms) for order in created]
    else:
        orders = [_draft_summary(draft) for draft in drafts]
    for summary, draft in zip(orders, drafts, strict=True):
        summary["rows"] = [min(draft.rows), max(draft.rows)]
    return {
        "layout": sheet.layout,
        "headers": sheet.headers,
        "ignored": sheet.ignored,
        "rows": len(sheet.rows),
        "orders": orders,
        "totals": _totals(orders),
    }


def _draft_summary(draft: OrderDraft) -> dict:
    lines = []
    for line in draft.lines:
        quantity = sum(line.sizes.values()) or line.quantity or 0
        price = line.unit_price if isinstance(line.unit_price, Decimal) else None
        lines.append(
            {
                "colour": line.colour,
                "sizes": line.sizes,
                "quantity": quantity,
                "unit_price": str(price.normalize()) if price is not None else "",
                "amount": _preview_amount(quantity, price),
            }
        )
    header = draft.header
    return {
        "po_number": draft.po_number,
        "style_no": header.get("style_no") or "",
        "description": header.get("description") or "",
        "currency": header.get("currency") or "",
        "line_count": len(lines),
        "lines": lines,
        "quantity": sum(line["quantity"] for line in lines),
        "amount": str(sum((Decimal(line["amount"] or 0) for line in lines), Decimal("0"))),
    }


def _preview_amount(quantity: int, price: Decimal | None) -> str:
    """A line's amount in the preview of a file with errors; blank when the price cell is too large
    to multiply out (its row error already says so), rather than the check dying half-way and
    leaving the page's progress bar spinning."""

    if price is None:
        return ""
    try:
        return str((quantity * price).quantize(CENT))
    except InvalidOperation:
        return ""


def _order_summary(order, lines: list, terms: dict) -> dict:
    amount = sum((line.quantity * line.unit_price for line in lines), Decimal("0"))
    return {
        "po_number": order.po_number,
        "style_no": order.style_no,
        "description": order.description,
        "factory": str(order.factory),
        "order_date": order.order_date.isoformat(),
        "customer_date": order.customer_date.isoformat(),
        "ex_factory_date": order.ex_factory_date.isoformat(),
        "payment_terms": terms.get(order.payment_terms, order.payment_terms),
        "currency": order.currency,
        "line_count": len(lines),
        "lines": [
            {
                "colour": line.colour,
                "sizes": line.size_breakdown,
                "quantity": line.quantity,
                "unit_price": str(line.unit_price.normalize()),
                "amount": str((line.quantity * line.unit_price).quantize(CENT)),
            }
            for line in lines
        ],
        "quantity": sum(line.quantity for line in lines),
        "amount": str(amount.quantize(CENT)),
    }


def _totals(orders: list) -> dict:
    by_currency: dict[str, Decimal] = {}
    for order in orders:
        if order.get("currency"):
            currency = order["currency"]
            by_currency[currency] = by_currency.get(currency, Decimal("0")) + Decimal(
                order["amount"]
            )
    return {
        "orders": len(orders),
        "lines": sum(order.get("line_count", 0) for order in orders),
        "quantity": sum(order["quantity"] for order in orders),
        "amounts": {currency: str(amount) for currency, amount in sorted(by_currency.items())},
    }
