"""Every printable form, registered by the app that owns the object it prints.

    register_form(FormSpec(
        code="F-PMER-004",
        name=_("Sample comment letter (house layout)"),
        model="samples.SampleCommentLetter",
        template="samples/forms/comment_letter_house.html",
        order_of=lambda letter: letter.sample.order,
        recipient=lambda letter: letter.sample.order.factory,   # anything with .email/.language
        context=lambda letter: {"letter": letter},
    ))
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.apps import apps


@dataclass(frozen=True)
class FormSpec:
    code: str
    name: object
    model: str  # "app_label.ModelName" of the object the form prints
    template: str
    order_of: Callable  # obj -> orders.Order (the order the sent document is recorded on)
    recipient: Callable  # obj -> party with .email, .language and str()
    context: Callable = field(default=lambda obj: {})

    def model_class(self):
        return apps.get_model(self.model)

    def get_object(self, pk):
        return self.model_class()._default_manager.get(pk=pk)


_forms: dict[str, FormSpec] = {}


def register_form(spec: FormSpec) -> FormSpec:
    _forms[spec.code] = spec
    return spec


def get_form(code: str) -> FormSpec:
    return _forms[code]


def all_forms() -> list[FormSpec]:
    return sorted(_forms.values(), key=lambda spec: spec.code)
