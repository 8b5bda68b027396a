"""A small set of generic views (NetBox's idea): each screen declares its queryset, filterset
and template; listing, filtering, paging and the handling of refused actions live here once."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.html import format_html, format_html_join
from django.views import View

from orders.exports.writers import FORMATS, export_response
from orders.models import Order, StaleOrderError
from orders.paging import ReversingPaginator
from orders.services.common import ActionRefused
from orders.services.submissions import submitted_once
from orders.visibility import visible


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
    """One action on one object: a POST that calls one service, then returns to the object.

    The object is looked up through the one access helper (orders.visibility.visible), so users
    who may not see it get a 404. A form with a one-time token (orders.forms.OnceForm) is recorded
    once however often it is posted. Nothing is changed when the service refuses:
    - a button on the object's page (no template_name) shows the refusal, or the form's errors,
      as messages on that page;
    - an action with a page of its own (template_name set) shows its form on GET, and the
      refusal or the errors on that form (status 400); `allowed` may refuse the page (403).
    """

    form_class: type
    template_name: str | None = None
    title: object = ""

    def get_object(self, request: HttpRequest, pk: int):
        raise NotImplementedError

    def perform(self, request: HttpRequest, obj, form, **kwargs) -> str:
        """Call the service; return the success message."""
        raise NotImplementedError

    def allowed(self, request: HttpRequest, obj) -> bool:
        return True

    def form_kwargs(self, obj) -> dict:
        return {}

    def success_url(self, obj) -> str:
        return obj.get_absolute_url()

    def page_context(self, obj) -> dict:
        return {"object": obj}

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if request.method != "POST" and self.template_name is None:
            return self.http_method_not_allowed(request, *args, **kwargs)
        try:
            self.object = self.get_object(request, kwargs.get("pk"))
        except ObjectDoesNotExist as missing:
            raise Http404 from missing
        if not self.allowed(request, self.object):
            if self.template_name is None:
                raise PermissionDenied
            return self.page(None, status=403)
        return super().dispatch(request, *args, **kwargs)

    def page(self, form, status: int = 200) -> HttpResponse:
        context = {
            "title": self.title,
            "form": form,
            "refused": status == 403,
            **self.page_context(self.object),
        }
        return render(self.request, self.template_name, context, status=status)

    def get(self, request: HttpRequest, pk: int, **kwargs) -> HttpResponse:
        return self.page(self.form_class(**self.form_kwargs(self.object)))

    def post(self, request: HttpRequest, pk: int, **kwargs) -> HttpResponse:
        obj = self.object
        form = self.form_class(request.POST, request.FILES, **self.form_kwargs(obj))
        if not form.is_valid():
            return self.invalid(form)
        try:
            with submitted_once(request, form):
                success = self.perform(request, obj, form, **kwargs)
        except ObjectDoesNotExist as missing:  # what the rest of the URL names (a milestone...)
            raise Http404 from missing
        except (ActionRefused, StaleOrderError) as refused:
            return self.refused(form, refused)
        messages.success(request, success)
        return redirect(self.success_url(obj))

    def invalid(self, form) -> HttpResponse:
        if self.template_name is not None:
            return self.page(form, status=400)
        for name, errors in form.errors.items():
            label = form.fields[name].label if name in form.fields else None
            for error in errors:
                messages.error(self.request, f"{label}: {error}" if label else error)
        return redirect(self.object)

    def refused(self, form, refused: ActionRefused | StaleOrderError) -> HttpResponse:
        if self.template_name is not None:
            form.add_error(None, str(refused))
            for detail in getattr(refused, "details", []):
                form.add_error(None, str(detail))
            return self.page(form, status=400)
        if isinstance(refused, ActionRefused):
            messages.error(self.request, refusal_message(refused))
        else:
            messages.error(self.request, str(refused))
        return redirect(self.object)


class OrderAction(ServiceActionView):
    """An action on one order that this user sees."""

    def get_object(self, request: HttpRequest, pk: int) -> Order:
        return visible(Order, request.user, pk)
