"""A small set of generic views (NetBox's idea): each screen declares its queryset, filterset
and template; listing, filtering, paging and the handling of refused actions live here once."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.html import format_html, format_html_join
from django.views import View

from orders.models import StaleOrderError
from orders.paging import ReversingPaginator
from orders.services.common import ActionRefused
from orders.services.submissions import submitted_once


class ObjectListView(LoginRequiredMixin, View):
    """A filtered, paginated list, and its export: `?export=xlsx` or `?export=csv` writes the
    same rows, with the same filters and ordering, that the pages show. The table (see
    orders.exports.tables) names the rows through the page's own selector."""

    table_class: type
    template_name = "orders/exports/table_page.html"

    def allowed(self, user) -> bool:
        return True

    def extra_context(self) -> dict:
        """More for the template; self.table, self.objects (every listed row) and
        self.page_objects (this page's) are set."""
        return {}

    def get(self, request: HttpRequest) -> HttpResponse:
        from orders.exports.writers import FORMATS, export_response

        if not self.allowed(request.user):
            raise PermissionDenied
        table = self.table = self.table_class(request.user, request.GET)
        export = request.GET.get("export")
        if export:
            if export not in FORMATS:
                raise Http404
            return export_response(table, export)
        self.objects = table.objects()
        paginator = ReversingPaginator(self.objects, table.paginate_by)
        page = paginator.get_page(request.GET.get("page"))
        objects = self.page_objects = list(page.object_list)
        context = {
            "table": table,
            "filterset": table.filterset,
            "page_obj": page,
            "object_list": objects,
            "paginator": paginator,
            # Only the generic page reads these; a page with its own template does not pay.
            "columns": lambda: table.header,
            "rows": lambda: [
                list(zip(row, table.header, strict=True)) for row in table.rows(objects)
            ],
        }
        return render(request, self.template_name, {**context, **self.extra_context()})


def refusal_message(error: ActionRefused) -> str:
    """The refusal with its details (e.g. the gates not met) as a list."""
    if not error.details:
        return str(error.message)
    items = format_html_join("", "<li>{}</li>", ((str(detail),) for detail in error.details))
    return format_html("{}<ul>{}</ul>", error.message, items)


class ServiceActionView(LoginRequiredMixin, View):
    """A POST that calls one service on one object, then returns to the object's page.

    The object is looked up through a selector (so users who may not see it get a 404);
    ActionRefused and StaleOrderError become error messages and nothing is changed. A form
    with a one-time token (orders.forms.OnceForm) is recorded once however often it is posted."""

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
            with submitted_once(request, form):
                success = self.perform(request, obj, form, **kwargs)
        except ObjectDoesNotExist as missing:  # what the rest of the URL names (a milestone...)
            raise Http404 from missing
        except ActionRefused as refused:
            messages.error(request, refusal_message(refused))
        except StaleOrderError as stale:
            messages.error(request, str(stale))
        else:
            messages.success(request, success)
        return redirect(obj)
