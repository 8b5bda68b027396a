"""A user's saved views of the lists: named filters and sort, one name per list."""

from urllib.parse import urlencode

from django.db import transaction
from django.http import QueryDict
from django.urls import Resolver404, resolve
from django.utils.translation import gettext_lazy as _

from orders.models import SavedView
from orders.services.common import ActionRefused
from orders.views.generic import ObjectListView

# What a saved view leaves out of the list's query: the page it was on and the export button.
NOT_SAVED = ("page", "export")


def saved_view_query(params: QueryDict) -> str:
    """The list's filters and sort as a stable query string, without empty fields."""
    kept = [
        (name, value)
        for name, values in sorted(params.lists())
        if name not in NOT_SAVED
        for value in values
        if value != ""
    ]
    return urlencode(kept)


def saved_view_save(*, user, path: str, name: str, query: str) -> SavedView:
    """Save (or, under a name already used on this list, replace) the user's view of a list."""
    name = (name or "").strip()
    if not name:
        raise ActionRefused(_("Give the view a name."))
    if len(name) > SavedView._meta.get_field("name").max_length:
        raise ActionRefused(_("The view's name is too long."))
    if not _is_list(path):
        raise ActionRefused(_("Only a list can be saved as a view."))
    with transaction.atomic():
        view, _created = SavedView.objects.update_or_create(
            user=user, path=path, name=name, defaults={"query": saved_view_query(QueryDict(query))}
        )
    return view


def saved_view_delete(*, user, pk: int) -> None:
    deleted, _detail = SavedView.objects.filter(user=user, pk=pk).delete()
    if not deleted:
        raise ActionRefused(_("This view was already deleted."))


def _is_list(path: str) -> bool:
    if not path.startswith("/") or "?" in path:
        return False
    try:
        match = resolve(path)
    except Resolver404:
        return False
    view_class = getattr(match.func, "view_class", None)
    return view_class is not None and issubclass(view_class, ObjectListView)
