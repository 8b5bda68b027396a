"""A small set of generic views (NetBox's idea): each screen declares its queryset, filterset
and template; listing, filtering, paging and the handling of refused actions live here once."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ObjectDoesNotExist
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.html import format_html, format_html_join
from django.views import View

from orders.models import StaleOrderError
from orders.services.common import ActionRefused


class ObjectListView(LoginRequiredMixin, View):
    """A filtered, paginated list. `queryset` is a selector taking the user."""

    queryset: Callable[[Any], QuerySet]
    filterset_class: type
    template_name: str
    paginate_by = 25

    def get(self, request: HttpRequest) -> HttpResponse:
        filterset = self.filterset_class(
            request.GET or None, queryset=self.queryset(request.user), request=request
        )
        paginator = Paginator(filterset.qs, self.paginate_by)
        page = paginator.get_page(request.GET.get("page"))
        context = {
            "filterset": filterset,
            "page_obj": page,
            "object_list": page.object_list,
            "paginator": paginator,
        }
        return render(request, self.template_name, context)


def refusal_message(error: ActionRefused) -> str:
    """The refusal with its details (e.g. the gates not met) as a list."""
    if not error.details:
        return str(error.message)
    items = format_html_join("", "<li>{}</li>", ((str(detail),) for detail in error.details))
    return format_html("{}<ul>{}</ul>", error.message, items)


class ServiceActionView(LoginRequiredMixin, View):
    """A POST that calls one service on one object, then returns to the object's page.

    The object is looked up through a selector (so users who may not see it get a 404);
    ActionRefused and StaleOrderError become error messages and nothing is changed."""

    form_class: type

    def get_object(self, request: HttpRequest, pk: int):
        raise NotImplementedError

    def perform(self, request: HttpRequest, obj, form, **kwargs) -> str:
        """Call the service; return the success message."""
        raise NotImplementedError

    def post(self, request: HttpRequest, pk: int, **kwargs) -> HttpResponse:
        try:
            obj = self.get_object(request, pk)
        except ObjectDoesNotExist as missing:
            raise Http404 from missing
        form = self.form_class(request.POST, request.FILES)
        if not form.is_valid():
            for name, errors in form.errors.items():
                label = form.fields[name].label if name in form.fields else None
                for error in errors:
                    messages.error(request, f"{label}: {error}" if label else error)
            return redirect(obj)
        try:
            success = self.perform(request, obj, form, **kwargs)
        except ActionRefused as refused:
            messages.error(request, refusal_message(refused))
        except StaleOrderError as stale:
            messages.error(request, str(stale))
        else:
            messages.success(request, success)
        return redirect(obj)
