"""The admin's bulk actions, run one way: each selected object on its own (the service's own
transaction), a refused one reported with its reason and left as it is, the others going on."""

from collections.abc import Callable, Iterable

from django.contrib import messages
from django.contrib.admin import helpers
from django.template.response import TemplateResponse

from orders.admin.forms import OrderActionForm
from orders.models import StaleOrderError
from orders.services.common import ActionRefused


def refusal_text(refusal: Exception) -> str:
    details = getattr(refusal, "details", None)
    text = str(refusal)
    return f"{text} {'; '.join(str(detail) for detail in details)}" if details else text


def _named(obj, reason: str) -> str:
    return f"{obj}: {reason}"


def run_each(
    model_admin,
    request,
    objects: Iterable,
    service: Callable,
    done: Callable[[object, object], str] | None = None,
    *,
    refused: Callable[[object, str], str] = _named,
) -> list:
    """Call `service(obj)` for each object; report `done(obj, result)` or the refusal. Returns
    the results of the objects not refused, for an action that reports one total instead
    (`done` None)."""
    results = []
    for obj in objects:
        try:
            result = service(obj)
        except (ActionRefused, StaleOrderError) as refusal:
            message = refused(obj, refusal_text(refusal))
            model_admin.message_user(request, message, messages.ERROR)
        else:
            results.append(result)
            if done is not None:
                model_admin.message_user(request, done(obj, result), messages.SUCCESS)
    return results


def ask_comment_then_run(
    model_admin, request, objects: list, *, run: Callable[[str], None], template: str, **context
) -> TemplateResponse | None:
    """A bulk action that needs a comment (a rejection's reason): the confirmation page with the
    selected objects first (admin/bulk_action.html), then `run(comment)`. `context` gives the
    page's title, the admin action's name (`admin_action`: `action` would read as a timeline
    event's code) and the form's options (`form_options`)."""
    form_options = context.pop("form_options", {})
    if "apply" in request.POST:
        form = OrderActionForm(request.POST, **form_options)
        if form.is_valid():
            run(form.cleaned_data["comment"])
            return None
    else:
        form = OrderActionForm(**form_options)
    page = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "form": form,
        "objects": objects,
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        **context,
    }
    return TemplateResponse(request, template, page)
