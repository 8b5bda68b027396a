"""One generic action screen: GET shows the form, POST calls one service; a refusal shows
on the form and nothing is saved."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views import View

from orders.models import StaleOrderError
from orders.selectors import visible_orders
from orders.services.common import ActionRefused
from orders.services.submissions import submitted_once


class MaterialActionView(LoginRequiredMixin, View):
    form_class: type
    title: object
    template_name = "suppliers/action_form.html"
    # Which model the URL's pk names, and how to get from it to its order.
    model: type | None = None
    order_path = "order"

    def get_object(self, request: HttpRequest, pk: int):
        """The object, looked up among the orders this user sees (else 404)."""
        try:
            if self.model is None:
                return visible_orders(request.user).get(pk=pk)
            lookup = {f"{self.order_path}__in": visible_orders(request.user), "pk": pk}
            return self.model.objects.get(**lookup)
        except ObjectDoesNotExist as missing:
            raise Http404 from missing

    def order_of(self, obj):
        if self.model is None:
            return obj
        for part in self.order_path.split("__"):
            obj = getattr(obj, part)
        return obj

    def form_kwargs(self, obj) -> dict:
        return {}

    def allowed(self, request: HttpRequest, obj) -> bool:
        return True

    def perform(self, request: HttpRequest, obj, form) -> str:
        raise NotImplementedError

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        obj = self.get_object(request, kwargs["pk"])
        if not self.allowed(request, obj):
            return self._page(request, obj, None, status=403)
        self.object = obj
        return super().dispatch(request, *args, **kwargs)

    def _page(self, request, obj, form, status=200) -> HttpResponse:
        context = {
            "title": self.title,
            "object": obj,
            "order": self.order_of(obj),
            "form": form,
            "refused": status == 403,
        }
        return render(request, self.template_name, context, status=status)

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        form = self.form_class(**self.form_kwargs(self.object))
        return self._page(request, self.object, form)

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        form = self.form_class(request.POST, request.FILES, **self.form_kwargs(self.object))
        if form.is_valid():
            try:
                with submitted_once(request, form):
                    success = self.perform(request, self.object, form)
            except (ActionRefused, StaleOrderError) as refused:
                form.add_error(None, str(refused))
                for detail in getattr(refused, "details", []):
                    form.add_error(None, str(detail))
            else:
                messages.success(request, success)
                return redirect(self.order_of(self.object).get_absolute_url() + "#materials")
        return self._page(request, self.object, form, status=400)
