"""R15: the dispatch flow (訂單銷貨作業流程, seed 003). Each step in its order, by its role, on the
order's timeline; a refused step writes nothing."""

from collections import defaultdict
from decimal import Decimal

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from orders.choices import EventKind, Stage
from orders.documents.services import customer_recipient, document_send
from orders.models import Order
from orders.roles import Role
from orders.services.common import lock_row, perform
from orders.timeline import event_message, joined
from shipping import permissions
from shipping.choices import DISPATCH_ACTIONS, DispatchStep
from shipping.models import DELIVERY_NOTE_FORM, Dispatch, DispatchLine, DispatchStepRecord
from shipping.permissions import STEP_ROLES
from shipping.services.common import ActionRefused, lock_order, record_event, refuse_unless

# The lifecycle transition (shipping/models/dispatch.py) that records each step.
STEP_TRANSITIONS = {
    DispatchStep.PRICES_APPROVED: "approve_prices",
    DispatchStep.PREPARED: "confirm_prepared",
    DispatchStep.NOTE_PRINTED: "print_delivery_note",
    DispatchStep.NOTE_SIGNED: "sign_delivery_note",
    DispatchStep.SHIPPED: "ship",
    DispatchStep.SENT: "send_to_customer",
}

SLIP_STAGES = (Stage.INSPECTION, Stage.SHIPPING)

EVENT_KINDS = {
    DispatchStep.SLIP_DRAWN: EventKind.DOCUMENT,
    DispatchStep.PRICES_APPROVED: EventKind.APPROVAL,
    DispatchStep.NOTE_PRINTED: EventKind.DOCUMENT,
    DispatchStep.NOTE_SIGNED: EventKind.APPROVAL,
    DispatchStep.SENT: EventKind.DOCUMENT,
}


def cartons_by_colour(order: Order) -> dict[str, int] | None:
    """The packing list's cartons per colour, or None without a packing list."""
    packing_list = getattr(order, "packing_list", None)
    if packing_list is None:
        return None
    cartons: dict[str, int] = defaultdict(int)
    for row in packing_list.rows.all():
        cartons[row.colour] += row.cartons
    return cartons


def remaining_quantities(order: Order) -> dict[int, int]:
    """What each order line still has to ship after the slips already drawn up (a slip counts
    what the warehouse prepared once it has counted)."""
    remaining = {line.pk: line.quantity for line in order.lines.all()}
    for line in DispatchLine.objects.filter(dispatch__order=order, order_line__isnull=False):
        remaining[line.order_line_id] = remaining.get(line.order_line_id, 0)
        remaining[line.order_line_id] -= line.shipped_quantity
    return remaining


def _slip_lines(order: Order, lines: list[dict] | None) -> list[DispatchLine]:
    order_lines = {line.pk: line for line in order.lines.all()}
    remaining = remaining_quantities(order)
    if lines is None:
        cartons = cartons_by_colour(order)
        if cartons is None:
            raise ActionRefused(
                _("Generate the packing list first, or give the cartons of each line.")
            )
        lines = [
            {"order_line_id": pk, "quantity": remaining[pk], "cartons": cartons.get(line.colour, 0)}
            for pk, line in order_lines.items()
            if remaining[pk] > 0
        ]
    built = []
    for data in lines:
        order_line = order_lines.get(data.get("order_line_id"))
        if order_line is None:
            raise ActionRefused(_("A slip line must be one of this order's lines."))
        quantity, cartons = int(data["quantity"]), int(data["cartons"])
        if quantity < 1 or cartons < 0:
            raise ActionRefused(_("Each slip line needs a quantity of at least one."))
        if quantity > remaining[order_line.pk]:
            raise ActionRefused(
                _("%(colour)s: only %(left)s pcs of the order are left to ship.")
                % {"colour": order_line.colour, "left": remaining[order_line.pk]}
            )
        built.append(
            DispatchLine(
                order_line=order_line,
                model=f"{order.style_no} {order.description}".strip(),
                colour=order_line.colour,
                quantity=quantity,
                cartons=cartons,
                unit_price=order_line.unit_price,
            )
        )
    if not built:
        raise ActionRefused(_("The slip has no lines."))
    return built


def _record_step(dispatch: Dispatch, *, step: str, user, comment: str = "", note="") -> None:
    """The step on the dispatch and on the order's timeline: the slip's number and the step
    (and a generated note) in the reader's language, then what the person wrote."""
    DispatchStepRecord.objects.create(dispatch=dispatch, step=step, actor=user, comment=comment)
    dispatch.save(update_fields=["status", "waybill", "carrier"])
    message = event_message(
        gettext_noop("%(number)s: %(step)s (%(note)s)")
        if note
        else gettext_noop("%(number)s: %(step)s"),
        number=dispatch.number,
        step=DispatchStep(step).label,
        note=note,
    )
    record_event(
        dispatch.order,
        kind=EVENT_KINDS.get(step, EventKind.NOTE),
        actor=user,
        action=DISPATCH_ACTIONS[step],
        message=joined([message, comment and f"— {comment}"], " "),
    )


def _take_step(dispatch_id: int, *, step: str, user, **details) -> Dispatch:
    """Lock the order and the dispatch, then take the step's transition as `user`: refused
    unless the step is next and it is this user's turn."""
    order_id = Dispatch.objects.values_list("order_id", flat=True).get(pk=dispatch_id)
    order = lock_order(order_id)
    dispatch = lock_row(Dispatch, pk=dispatch_id)
    dispatch.order = order
    role = STEP_ROLES.get(step)
    perform(
        dispatch,
        STEP_TRANSITIONS[step],
        user=user,
        not_possible=_not_next(dispatch, step),
        not_yours=_("Only %(role)s may record this step: %(step)s.")
        % {
            "step": DispatchStep(step).label,
            "role": Role(role).label if role else Role.MERCHANDISER.label,
        },
        **details,
    )
    return dispatch


def _not_next(dispatch: Dispatch, step: str) -> str:
    if dispatch.next_step is None:
        return _("Dispatch %(number)s is complete.") % {"number": dispatch.number}
    return _("Dispatch %(number)s is not ready for this step (%(step)s); next: %(next)s.") % {
        "number": dispatch.number,
        "step": DispatchStep(step).label,
        "next": dispatch.get_next_step_display(),
    }


def dispatch_create(
    *, order_id: int, user, lines: list[dict] | None = None, comment: str = ""
) -> Dispatch:
    """The merchandiser's stock preparation slip (備貨單) for one shipment of a finished order;
    without `lines` it asks for every order line, cartons from the packing list."""
    with transaction.atomic():
        order = lock_order(order_id)
        refuse_unless(
            permissions.can_handle_shipment(order, user),
            _("Only the order's merchandiser draws up a stock preparation slip."),
        )
        if order.stage not in SLIP_STAGES:
            raise ActionRefused(_("A stock preparation slip is for an order that is produced."))
        if any(not d.shipped for d in order.dispatches.all()):
            raise ActionRefused(_("This order has a dispatch that has not shipped yet."))
        built = _slip_lines(order, lines)
        number = f"SP-{order.pk:06d}-{order.dispatches.count() + 1}"
        dispatch = Dispatch.objects.create(order=order, number=number)
        for line in built:
            line.dispatch = dispatch
        DispatchLine.objects.bulk_create(built)
        quantity = sum(line.quantity for line in built)
        cartons = sum(line.cartons for line in built)
        _record_step(
            dispatch,
            step=DispatchStep.SLIP_DRAWN,
            user=user,
            comment=(comment or "").strip(),
            note=event_message(
                gettext_noop("%(quantity)s pcs, %(cartons)s cartons"),
                quantity=quantity,
                cartons=cartons,
            ),
        )
    return dispatch


def dispatch_approve_prices(*, dispatch_id: int, user, comment: str = "") -> Dispatch:
    with transaction.atomic():
        dispatch = _take_step(dispatch_id, step=DispatchStep.PRICES_APPROVED, user=user)
        _record_step(dispatch, step=DispatchStep.PRICES_APPROVED, user=user, comment=comment)
    return dispatch


def dispatch_confirm_prepared(
    *, dispatch_id: int, user, prepared: dict[int, tuple[int, int]], comment: str = ""
) -> Dispatch:
    """The warehouse's count per line (quantity, cartons); a difference from the slip needs a
    comment that explains it."""
    comment = (comment or "").strip()
    with transaction.atomic():
        dispatch = _take_step(dispatch_id, step=DispatchStep.PREPARED, user=user)
        lines = list(dispatch.lines.all())
        if set(prepared) != {line.pk for line in lines}:
            raise ActionRefused(_("Give the quantity and cartons prepared for every line."))
        for line in lines:
            quantity, cartons = prepared[line.pk]
            if quantity < 0 or cartons < 0:
                raise ActionRefused(_("Quantities and cartons cannot be negative."))
            line.prepared_quantity, line.prepared_cartons = int(quantity), int(cartons)
        differing = [line for line in lines if line.differs]
        if differing and not comment:
            raise ActionRefused(
                _("What was prepared differs from the slip (%(lines)s): please explain why.")
                % {"lines": ", ".join(line.colour for line in differing)}
            )
        DispatchLine.objects.bulk_update(lines, ["prepared_quantity", "prepared_cartons"])
        note = (
            event_message(
                gettext_noop("differs from the slip: %(lines)s"),
                lines=joined(
                    [
                        event_message(
                            gettext_noop(
                                "%(colour)s %(before)s→%(after)s pcs, "
                                "%(cartons_before)s→%(cartons_after)s ctns"
                            ),
                            colour=line.colour,
                            before=line.quantity,
                            after=line.prepared_quantity,
                            cartons_before=line.cartons,
                            cartons_after=line.prepared_cartons,
                        )
                        for line in differing
                    ]
                ),
            )
            if differing
            else event_message(gettext_noop("as on the slip"))
        )
        _record_step(dispatch, step=DispatchStep.PREPARED, user=user, comment=comment, note=note)
    return dispatch


def dispatch_print_delivery_note(*, dispatch_id: int, user, comment: str = "") -> Dispatch:
    """Finance books the sale and prints the delivery note (打單部打印送貨單)."""
    with transaction.atomic():
        dispatch = _take_step(dispatch_id, step=DispatchStep.NOTE_PRINTED, user=user)
        _record_step(
            dispatch,
            step=DispatchStep.NOTE_PRINTED,
            user=user,
            comment=comment,
            note=total_note(dispatch),
        )
    return dispatch


def dispatch_sign_delivery_note(*, dispatch_id: int, user, comment: str = "") -> Dispatch:
    """Sales administration checks the delivery note's prices and signs."""
    with transaction.atomic():
        dispatch = _take_step(dispatch_id, step=DispatchStep.NOTE_SIGNED, user=user)
        _record_step(dispatch, step=DispatchStep.NOTE_SIGNED, user=user, comment=comment)
    return dispatch


def dispatch_ship(
    *, dispatch_id: int, user, waybill: str, carrier: str = "", comment: str = ""
) -> Dispatch:
    waybill = (waybill or "").strip()
    if not waybill:
        raise ActionRefused(_("Please give the waybill number."))
    with transaction.atomic():
        carrier = (carrier or "").strip()
        dispatch = _take_step(
            dispatch_id, step=DispatchStep.SHIPPED, user=user, waybill=waybill, carrier=carrier
        )
        if dispatch.order.stage != Stage.SHIPPING:
            raise ActionRefused(_("The order is not cleared for shipment yet."))
        note = f"{dispatch.carrier} {waybill}".strip()
        _record_step(dispatch, step=DispatchStep.SHIPPED, user=user, comment=comment, note=note)
    return dispatch


def dispatch_send_to_customer(
    *, dispatch_id: int, user, comment: str = "", lang: str | None = None
):
    """The delivery note, with the waybill number on it, to the customer's contact as the
    proof of receipt (回傳送貨單及貨運單給客戶)."""

    with transaction.atomic():
        dispatch = _take_step(dispatch_id, step=DispatchStep.SENT, user=user)
        document = document_send(
            spec_code=DELIVERY_NOTE_FORM,
            obj=dispatch,
            user=user,
            recipient=customer_recipient(dispatch.order.customer),
            language=lang,
        )
        note = f"{DELIVERY_NOTE_FORM} v{document.version}, {dispatch.waybill} → "
        note += f"{document.recipient_name} <{document.recipient_email}>"
        _record_step(dispatch, step=DispatchStep.SENT, user=user, comment=comment, note=note)
    return document


def total_note(dispatch: Dispatch) -> str:
    amount = sum((line.amount for line in dispatch.lines.all()), Decimal("0"))
    return f"{dispatch.order.currency} {amount.quantize(Decimal('0.01'))}"


def walk_to_shipped(dispatch: Dispatch, *, user) -> None:
    """Every remaining step up to shipping, recorded as `user` (demo data and the settle gate's
    satisfy); the warehouse's count is the slip's."""
    with transaction.atomic():
        for step in (
            DispatchStep.PRICES_APPROVED,
            DispatchStep.PREPARED,
            DispatchStep.NOTE_PRINTED,
            DispatchStep.NOTE_SIGNED,
            DispatchStep.SHIPPED,
        ):
            dispatch.refresh_from_db()
            if dispatch.has_done(step):
                continue
            if step == DispatchStep.PREPARED:
                DispatchLine.objects.filter(
                    dispatch=dispatch, prepared_quantity__isnull=True
                ).update(prepared_quantity=F("quantity"), prepared_cartons=F("cartons"))
            details = {}
            if step == DispatchStep.SHIPPED:
                waybill = dispatch.waybill or f"WB-{dispatch.number}"
                details = {"waybill": waybill, "carrier": dispatch.carrier}
            perform(dispatch, STEP_TRANSITIONS[step], **details)
            _record_step(dispatch, step=step, user=user)
