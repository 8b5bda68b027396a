"""Who may send a form, and when: each FormSpec declares its SendRule; document_send enforces it.

    send_rule=SendRule(
        who=can_work_on_samples,                       # (order, user) -> bool
        when=(Requirement(lambda letter: letter.is_signed,
                          _("the group head has not signed the letter (R4)")),),
    )

A refusal names every requirement that does not hold, so the user learns at once what is
missing; the screens ask the same rule which send buttons to offer."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from orders import permissions


@dataclass(frozen=True)
class Requirement:
    holds: Callable[[Any], bool]  # printed object (or the order, with on_order) -> bool
    unmet: object  # lazy clause saying what is missing, e.g. "the group head has not signed it"
    on_order: bool = False  # asked of the order the form belongs to, not the printed object


@dataclass(frozen=True)
class SendRule:
    who: Callable = permissions.can_edit  # (order, user), or (obj, user) before any order
    who_refusal: object = _("You may not send documents for this order.")
    when: tuple[Requirement, ...] = ()

    def unmet(self, obj, order) -> list[str]:
        """What must still happen before the form may leave (empty when it may)."""
        return [
            str(requirement.unmet)
            for requirement in self.when
            if not requirement.holds(order if requirement.on_order else obj)
        ]


def refusal(spec, obj, order, user) -> str | None:
    """Why this user may not send this form now, or None. The message names the form and
    every missing requirement."""
    rule = spec.send_rule
    if not rule.who(order if order is not None else obj, user):
        return str(rule.who_refusal)
    unmet = rule.unmet(obj, order)
    if not unmet:
        return None
    return gettext("%(form)s cannot be sent yet: %(reasons)s.") % {
        "form": f"{spec.code} {spec.name}",
        "reasons": "; ".join(unmet),
    }
