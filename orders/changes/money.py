"""What a change does to the money of the order (R8 + R11): the deposit due, the L/C the customer
must amend, other clearances that no longer cover the order, new payment terms. Each line names
who acts (finance). The balance the customer owes is the settlement's (shipping) line."""

from decimal import Decimal

from django.utils.translation import gettext as _

from orders import rules as order_rules
from orders.changes.choices import Aspect, ImpactArea
from orders.changes.registry import Impact
from orders.changes.rules import contract_money, working_stage
from orders.choices import PAYMENT_GATE_OPEN_STAGES, Clearance, PaymentTerms
from orders.roles import Role


def order_after(order, context):
    """The order's money as the change would leave it (what the R11 rules read)."""
    return contract_money(order, context.change.proposed, context.diff.after.amount)


def order_before(order, context):
    return contract_money(order, context.change.base, context.diff.before.amount)


def _money(order, amount: Decimal) -> str:
    return f"{order.currency} {amount:,}"


def _who(*kinds: str) -> str:
    roles = dict.fromkeys(role for kind in kinds for role in order_rules.CLEARANCE_ROLES[kind])
    return ", ".join(str(Role(role).label) for role in roles)


def _deposit(terms) -> Decimal:
    if terms.payment_terms != PaymentTerms.TELEGRAPHIC_TRANSFER or not terms.deposit_percent:
        return Decimal("0.00")
    return order_rules.r11_amount_secured(terms, Clearance.DEPOSIT_CONFIRMED)


def _cleared(order, kind: str):
    return next((c for c in order.clearances.all() if c.kind == kind), None)


def _secured(order, clearance, before) -> Decimal:
    if clearance.amount is not None:
        return clearance.amount
    return order_rules.r11_amount_secured(before, clearance.kind)


def deposit_line(context, before, after, gate_open: bool) -> Impact | None:
    """R11: a T/T deposit is a share of the total: a bigger order, or another percentage,
    changes what finance collects before production."""
    order = context.order
    due_before, due_after = _deposit(before), _deposit(after)
    if not due_after or due_before == due_after:
        return None
    text = _("Deposit due (%(percent)s%%): %(before)s → %(after)s.") % {
        "percent": format(after.deposit_percent.normalize(), "f"),
        "before": _money(order, due_before),
        "after": _money(order, due_after),
    }
    factory_text = None
    clearance = _cleared(order, Clearance.DEPOSIT_CONFIRMED)
    if clearance is not None:
        secured = _secured(order, clearance, before)
        if secured < due_after:
            text += " " + _("Finance confirmed %(secured)s: %(more)s more to collect.") % {
                "secured": _money(order, secured),
                "more": _money(order, due_after - secured),
            }
            if gate_open:
                text += " " + _("The payment gate re-opens until it is confirmed again (R11).")
                factory_text = _("Production waits until the new deposit is received (R11).")
        elif secured > due_after:
            text += " " + _(
                "Finance confirmed %(secured)s: %(over)s is credited to the balance."
            ) % {"secured": _money(order, secured), "over": _money(order, secured - due_after)}
    return Impact(ImpactArea.MONEY, text, _who(Clearance.DEPOSIT_CONFIRMED), factory_text)


def lc_line(context, before, after, gate_open: bool) -> Impact | None:
    """An order paid by L/C whose amount or dates change needs the customer's L/C amended: the
    bank pays only against what the credit says."""
    order, diff = context.order, context.diff
    if PaymentTerms.LETTER_OF_CREDIT not in (before.payment_terms, after.payment_terms):
        return None
    if before.payment_terms != after.payment_terms:
        return None  # new terms: the terms line says what the gate needs now
    amount_changed = diff.before.amount.rounded() != diff.after.amount.rounded()
    if not amount_changed and not diff.touches(Aspect.DATES):
        return None
    parts = []
    if amount_changed:
        parts.append(
            _("amount %(before)s → %(after)s")
            % {"before": diff.before.amount, "after": diff.after.amount}
        )
    if diff.touches(Aspect.DATES):
        proposed = context.change.proposed["fields"]
        parts.append(
            _("latest shipment and expiry dates to allow ex-factory %(ex_factory)s")
            % {"ex_factory": proposed["ex_factory_date"]}
        )
    text = _("The customer must amend the L/C: %(what)s.") % {"what": "; ".join(parts)}
    factory_text = None
    clearance = _cleared(order, Clearance.LC_RECEIVED)
    if clearance is not None:
        secured = _secured(order, clearance, before)
        text += " " + _("The L/C received is for %(secured)s.") % {
            "secured": _money(order, secured)
        }
        needed = order_rules.r11_amount_secured(after, Clearance.LC_RECEIVED)
        if gate_open and secured < needed:
            text += " " + _("The payment gate re-opens until the amended L/C is recorded (R11).")
            factory_text = _("Production waits until the amended L/C is received (R11).")
    who = _who(Clearance.LC_RECEIVED, Clearance.LC_CHECKED_BY_DOCUMENTS)
    return Impact(ImpactArea.MONEY, text, who, factory_text)


# The clearances the deposit and L/C lines speak for.
_OWN_LINES = {Clearance.DEPOSIT_CONFIRMED, Clearance.LC_RECEIVED}


def outgrown_lines(context, after, gate_open: bool) -> list[Impact]:
    """Any other clearance that secured less than the order now needs (a credit approval)."""
    order = context.order
    lines = []
    for clearance in order_rules.r11_clearances_outgrown(order, after):
        if clearance.kind in _OWN_LINES:
            continue
        needed = order_rules.r11_amount_secured(after, clearance.kind)
        secured = clearance.amount or order_rules.r11_amount_secured(order, clearance.kind)
        text = _("%(what)s secured %(currency)s %(secured)s; the order now needs %(needed)s.") % {
            "what": clearance.get_kind_display(),
            "currency": order.currency,
            "secured": f"{secured:,}",
            "needed": f"{needed:,}",
        }
        factory_text = None
        if gate_open:
            text += " " + _("The payment gate re-opens until it is recorded again (R11).")
            factory_text = _("Production waits until the payment is secured again (R11).")
        lines.append(Impact(ImpactArea.MONEY, text, _who(clearance.kind), factory_text))
    return lines


def terms_line(context, after) -> Impact | None:
    diff = context.diff
    if not (diff.changed("payment_terms") or diff.changed("deposit_percent")):
        return None
    needed = ", ".join(
        str(Clearance(kind).label) for kind in order_rules.payment_clearances_needed(after)
    )
    return Impact(
        ImpactArea.MONEY,
        _("New payment terms: the payment gate needs %(needed)s (R11).") % {"needed": needed},
        _("Finance, administration, manager"),
    )


def payment_impact(context) -> list[Impact]:
    order = context.order
    before, after = order_before(order, context), order_after(order, context)
    gate_open = working_stage(order) in PAYMENT_GATE_OPEN_STAGES
    lines = [
        deposit_line(context, before, after, gate_open),
        lc_line(context, before, after, gate_open),
        *outgrown_lines(context, after, gate_open),
        terms_line(context, after),
    ]
    return [line for line in lines if line is not None]
