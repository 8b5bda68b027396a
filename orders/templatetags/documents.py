"""{% form_actions "F-PMER-003" letter %}: one form's previews and send button, on any page."""

from django import template
from django.contrib.auth.models import AnonymousUser

from orders.documents.selectors import form_actions as form_actions_of

register = template.Library()


@register.inclusion_tag("forms/includes/form_actions.html", takes_context=True)
def form_actions(
    context,
    code: str,
    obj,
    send_url: str = "",
    send_label: str = "",
    recipient=None,
    previews: bool = True,
    sendable: bool = True,
    **hidden,
):
    """`send_url` posts to the app's own send action (which records its step) instead of the
    generic one; `hidden` fields go along with the POST (e.g. to="customer"); `recipient` when
    that action sends to someone else than the form's own recipient; `previews=False` for a
    second button under the same form's links; `sendable=False` where a step of the app's own
    page sends it."""
    if not obj:  # a page fragment rendered without its object
        return {"actions": None}
    request = context.get("request")
    user = request.user if request is not None else AnonymousUser()
    return {
        "actions": form_actions_of(
            code=code,
            obj=obj,
            user=user,
            send_url=send_url,
            recipient=recipient,
        ),
        "send_label": send_label,
        "previews": previews,
        "sendable": sendable,
        "hidden": hidden.items(),
        "csrf_token": context.get("csrf_token"),
        "next": request.get_full_path() if request is not None else "",
    }
