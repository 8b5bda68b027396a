"""Applying an approved change request: one transaction. The order's data and lines change, its
revision goes up, the diff is stored, every app does its part (plan, payment gate, materials,
shipping), and the documents already sent to the factory are re-issued as the new revision.
Anything refused on the way rolls all of it back."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from orders.changes.choices import Aspect, ChangeEvent, ImpactArea, LineChangeKind
from orders.changes.common import note, perform, refuse_if_stale, refuse_r14
from orders.changes.diff import compute_diff, summary_message
from orders.changes.fields import FIELD_SPECS
from orders.changes.registry import ChangeContext, apply_contributions, contributed_fields, impacts
from orders.choices import EventKind
from orders.documents.services import documents_reissue
from orders.models import ChangeRequest, Order, OrderLine
from orders.permissions import can_cancel
from orders.services.common import ActionRefused, lock_with_order, save_order
from orders.services.transitions import apply_transition_locked
from orders.timeline import event_message, joined


def change_request_apply(*, change_id: int, user) -> ChangeRequest:
    with transaction.atomic():
        order, change = lock_with_order(ChangeRequest, change_id)
        refuse_if_stale(order, change)
        diff = change.diff()
        refuse_r14(order, change, change.proposed, diff)
        cancels_order = diff.after.quantity == 0
        if cancels_order and not can_cancel(order, user):
            raise ActionRefused(
                _(
                    "This change cancels every line: only a manager applies it, which cancels "
                    "the order."
                )
            )
        perform(change, user, "apply")
        record = applied_record(order, change)
        _write_order(order, change.proposed, diff)
        order.revision += 1
        if Aspect.STYLE in diff.aspects:
            order.style_revision = order.revision
        save_order(order)
        apply_contributions(
            ChangeContext(order, change, diff, user=user, extra=change.proposed.get("extra", {}))
        )

        reissued = documents_reissue(order=order, aspects=set(diff.aspects), user=user)
        change.applied_revision = order.revision
        change.applied_at = timezone.now()
        change.applied_by = user
        change.applied_record = record
        change.save()
        note(
            order,
            change,
            user=user,
            action=ChangeEvent.CHANGE_APPLIED,
            kind=EventKind.EDITED,
            detail=_applied_detail(order, change, diff, reissued),
        )
        if cancels_order:
            reason = _("All lines cancelled by change request %(change)s.") % {
                "change": change.label
            }
            apply_transition_locked(order, user, "cancel", reason)
    return change


def _applied_detail(order: Order, change: ChangeRequest, diff, reissued) -> dict:
    reference = ""
    if change.customer_reference:
        reference = event_message(
            gettext_noop("customer's document %(number)s"), number=change.customer_reference
        )
        if change.customer_reference_date:
            reference = joined([reference, f"({change.customer_reference_date})"], " ")
    forms = ", ".join(f"{d.form_code} v{d.version}" for d in reissued)
    return joined(
        [
            f"Rev {order.revision}",
            reference,
            summary_message(diff),
            forms
            and event_message(gettext_noop("re-issued to the factory: %(forms)s"), forms=forms),
        ]
    )


def _write_order(order: Order, proposed: dict, diff) -> None:
    for key, value in proposed["fields"].items():
        setattr(order, key, FIELD_SPECS[key].from_json(value))
    try:
        order.full_clean(exclude=["stage"])
    except ValidationError as error:
        raise ActionRefused(
            _("The proposed contract is not valid."), details=error.messages
        ) from None
    existing = {line.pk: line for line in order.lines.all()}
    changed, added = [], []
    for line in proposed["lines"]:
        target = existing.get(line["id"]) if line.get("id") else None
        if line.get("id") and target is None:
            raise ActionRefused(_("A line of this request no longer exists: refresh the request."))
        target = target or OrderLine(order=order, colour=line["colour"])
        target.size_breakdown = dict(line["sizes"])
        target.quantity = line["quantity"]
        target.unit_price = Decimal(line["unit_price"])
        try:
            target.full_clean(exclude=["order"])
        except ValidationError as error:
            raise ActionRefused(
                _("%(colour)s: %(errors)s")
                % {"colour": target.colour, "errors": " ".join(error.messages)}
            ) from None
        (changed if target.pk else added).append(target)
    OrderLine.objects.bulk_update(changed, ["size_breakdown", "quantity", "unit_price"])
    OrderLine.objects.bulk_create(added)


def applied_record(order: Order, change: ChangeRequest) -> dict:
    """The diff and the impact as they stand at the moment of applying, rendered in every
    language, so the request keeps what was applied whatever happens to the order later."""
    extra = {item.key: item for item in contributed_fields(order)}
    rendered = {}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            diff = compute_diff(
                change.base, change.proposed, currency=order.currency, extra_specs=extra
            )
            context = ChangeContext(order, change, diff, extra=change.proposed.get("extra", {}))
            rendered[language] = {
                "fields": [[str(c.label), c.before, c.after, c.aspect] for c in diff.fields],
                "impacts": [
                    [str(ImpactArea(i.area).label), str(i.text), str(i.who)]
                    for i in impacts(context)
                ],
                "aspects": [str(Aspect(a).label) for a in sorted(diff.aspects)],
            }
    diff = change.diff()
    return {
        "revision_from": order.revision,
        "languages": rendered,
        "lines": [
            {
                "id": line.line_id,
                "colour": line.colour,
                "kind": line.kind,
                "cells": [[c.size, c.before, c.after] for c in line.cells],
                "quantity": [line.quantity_before, line.quantity_after],
                "price": [
                    str(line.price_before) if line.price_before is not None else None,
                    str(line.price_after),
                ],
            }
            for line in diff.lines
        ],
        "totals": {
            "quantity": [diff.before.quantity, diff.after.quantity],
            "amount": [str(diff.before.amount.rounded()), str(diff.after.amount.rounded())],
            "currency": order.currency,
        },
    }


__all__ = ["LineChangeKind", "applied_record", "change_request_apply"]
