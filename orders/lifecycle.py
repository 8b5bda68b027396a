"""What every lifecycle declares beside its transitions on the model.

A transition's conditions are the business rules, named after their rule (`r1_...`) and marked
with `@rule(refusal)`: the refusal is what the user reads when the rule does not hold, so the
services never repeat a rule's check or its message. `orders.services.common.perform` calls a
transition and refuses with these messages.
"""

from collections.abc import Callable

from django.apps import apps
from django_fsm import FSMFieldMixin, FSMModelMixin


class Lifecycle(FSMModelMixin):
    """The base of a model with a protected lifecycle field: refresh_from_db reloads the state
    (FSMModelMixin), and full_clean leaves it alone, as it is never a form's input."""

    def clean_fields(self, exclude=None) -> None:
        super().clean_fields(exclude={*(exclude or ()), *self._get_protected_fsm_fields()})


def rule(refusal) -> Callable[[Callable], Callable]:
    """Mark a transition condition with the (translatable) refusal shown when it does not hold;
    a refusal that names figures of the object is a function of it."""

    def mark(check: Callable) -> Callable:
        check.refusal = refusal
        return check

    return mark


def on_order(check: Callable[..., bool]) -> Callable[..., bool]:
    """A transition permission from an order-level check: `check(obj.order, user)`."""

    def permission(obj, user) -> bool:
        return check(obj.order, user)

    permission.__name__ = check.__name__
    permission.__doc__ = check.__doc__
    return permission


def transition_meta(obj, name: str):
    return getattr(type(obj), name)._django_fsm


def state_of(obj, name: str) -> str:
    field = transition_meta(obj, name).field
    return getattr(obj, field if isinstance(field, str) else field.name)


def unmet_rules(obj, name: str) -> list[str]:
    """The refusals of the conditions of transition `name` that do not hold for `obj` now."""
    transition = transition_meta(obj, name).get_transition(state_of(obj, name))
    conditions = (transition.conditions or []) if transition else []
    return [
        str(getattr(check, "refusal", check.__name__)) for check in conditions if not check(obj)
    ]


def lifecycle_fields() -> list[tuple[type, object]]:
    """Every state-machine field of every installed model (for the checks and the diagrams)."""
    return [
        (model, field)
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if isinstance(field, FSMFieldMixin)
    ]
