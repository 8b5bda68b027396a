"""What every quotation service uses: the lock, the transition with its refusal, the record."""

from django.utils.translation import gettext as _

from orders.quotations.choices import TRANSITION_LABELS
from orders.quotations.models import Quotation, QuotationEvent
from orders.services.common import ActionRefused, lock_row


def lock_quotation(quotation_id: int) -> Quotation:
    return lock_row(Quotation.objects.select_related("customer"), pk=quotation_id)


def unmet_conditions(quotation: Quotation, name: str) -> list[str]:
    checks = {
        "submit": [
            (quotation.has_factory_price, _("The costing has no factory price.")),
            (quotation.has_price_breaks, _("There is no selling price yet.")),
            (quotation.is_valid_today, _("The validity date has passed.")),
        ],
        "send": [(quotation.is_valid_today, _("The validity date has passed: re-quote."))],
        "expire": [(quotation.validity_passed, _("The quotation is still valid."))],
    }
    return [str(message) for check, message in checks.get(name, []) if not check()]


def perform(quotation: Quotation, user, name: str, *args) -> str:
    """Call the transition `name` as `user` (None: the system, e.g. the expiry pass), refusing
    with the reason when it is not possible. Returns the status it left."""
    action = TRANSITION_LABELS[name]
    meta = getattr(type(quotation), name)._django_fsm
    if not meta.has_transition(quotation.status):
        raise ActionRefused(
            _("“%(action)s” is not possible while the quotation is %(status)s.")
            % {"action": action, "status": quotation.get_status_display().lower()}
        )
    if user is not None and not meta.has_transition_perm(quotation, quotation.status, user):
        raise ActionRefused(_("You may not “%(action)s”.") % {"action": action})
    if not meta.conditions_met(quotation, quotation.status):
        raise ActionRefused(
            _("The quotation is not ready to “%(action)s”.") % {"action": action},
            details=unmet_conditions(quotation, name),
        )
    before = quotation.status
    getattr(quotation, name)(*args)
    return before


def record(
    quotation: Quotation, *, user, action: str, before: str = "", comment: str = ""
) -> QuotationEvent:
    return QuotationEvent.objects.create(
        quotation=quotation,
        action=action,
        from_status=before,
        to_status=quotation.status if before else "",
        actor=user,
        comment=comment,
    )


def transition(quotation: Quotation, user, name: str, *args, comment: str = "") -> None:
    """The transition, the save and the record of who, when and why, together."""
    before = perform(quotation, user, name, *args)
    quotation.save()
    record(quotation, user=user, action=name, before=before, comment=comment)


def required(text: str, message) -> str:
    text = (text or "").strip()
    if not text:
        raise ActionRefused(message)
    return text
