"""Saving and deleting a user's named views of a list (its filters and sort)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from orders.models import SavedView
from orders.services.common import ActionRefused
from orders.services.saved_views import saved_view_delete, saved_view_save


@require_POST
@login_required
def saved_view_save_view(request: HttpRequest) -> HttpResponse:
    path = request.POST.get("path", "")
    query = request.POST.get("query", "")
    try:
        view = saved_view_save(
            user=request.user, path=path, name=request.POST.get("name", ""), query=query
        )
    except ActionRefused as refused:
        messages.error(request, str(refused))
        safe = url_has_allowed_host_and_scheme(path, allowed_hosts={request.get_host()})
        return redirect(f"{path}?{query}" if safe and path.startswith("/") else "orders:list")
    messages.success(request, _("View “%(name)s” saved.") % {"name": view.name})
    return redirect(view.url)


@require_POST
@login_required
def saved_view_delete_view(request: HttpRequest, pk: int) -> HttpResponse:
    view = get_object_or_404(SavedView, pk=pk, user=request.user)
    try:
        saved_view_delete(user=request.user, pk=view.pk)
    except ActionRefused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, _("View “%(name)s” deleted.") % {"name": view.name})
    return redirect(view.path)
