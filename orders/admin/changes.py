"""Change requests in the admin (R8): approvers read the diff and sign or reject, from the list or
with the Approve / Reject buttons of a request's page, through the same service as the site's
page; nothing is edited by hand here."""

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from orders.admin.actions import ask_comment_then_run, run_each
from orders.admin.forms import OrderActionForm
from orders.changes.choices import ChangeStatus
from orders.changes.diff import summary
from orders.changes.lifecycle import change_approval_record
from orders.choices import ApprovalStep, Decision
from orders.models import ChangeApproval, ChangeRequest
from orders.roles import has_role
from orders.rules import APPROVAL_STEP_ROLE
from orders.visibility import visible_orders


class ChangeApprovalInline(admin.TabularInline):
    model = ChangeApproval
    extra = 0
    can_delete = False
    fields = ["round", "step", "decision", "user", "at", "comment"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(ChangeRequest)
class ChangeRequestAdmin(admin.ModelAdmin):
    list_display = [
        "__str__",
        "status",
        "is_amendment",
        "requested_by",
        "customer_reference",
        "waiting_for",
        "raised_at",
        "applied_revision",
    ]
    list_filter = ["status", "is_amendment", "requested_by"]
    search_fields = ["order__po_number", "customer_reference"]
    actions = ["sign_selected", "reject_selected"]
    inlines = [ChangeApprovalInline]
    fields = [
        "order",
        "number",
        "status",
        "is_amendment",
        "requested_by",
        "customer_reference",
        "customer_reference_date",
        "reason",
        "what_changes",
        "factory_answer",
        "factory_answer_by",
        "factory_comment",
        "customer_confirmed_by",
        "customer_confirmed_on",
        "customer_confirmation_reference",
        "closed_reason",
        "applied_revision",
        "applied_at",
        "page_link",
    ]
    readonly_fields = fields
    change_form_template = "admin/orders/changerequest/change_form.html"
    action_form_template = "admin/orders/changerequest/action_form.html"

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        wrap = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/approve/",
                wrap(self.approve_view),
                name="{}_{}_approve".format(*info),
            ),
            path(
                "<path:object_id>/reject/",
                wrap(self.reject_view),
                name="{}_{}_reject".format(*info),
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        change = self.get_object(request, unquote(object_id))
        extra_context = dict(extra_context or {})
        if change is not None:
            extra_context["workflow_buttons"] = self._buttons(request, change)
        return super().change_view(request, object_id, form_url, extra_context)

    def _buttons(self, request, change: ChangeRequest) -> list[tuple]:
        """Approve / Reject for whoever gives the signature the request waits for."""
        if change.status != ChangeStatus.CUSTOMER_CONFIRMED:
            return []
        step = change.next_step()
        if step is None or not has_role(request.user, APPROVAL_STEP_ROLE[step]):
            return []
        return [
            (_("Approve"), self._url(change, "approve"), "default"),
            (_("Reject"), self._url(change, "reject"), "deletelink"),
        ]

    def _url(self, change: ChangeRequest, view: str) -> str:
        return reverse(
            f"admin:{self.opts.app_label}_{self.opts.model_name}_{view}",
            args=[change.pk],
            current_app=self.admin_site.name,
        )

    def approve_view(self, request, object_id: str):
        return self._decision_view(request, object_id, Decision.APPROVED)

    def reject_view(self, request, object_id: str):
        return self._decision_view(request, object_id, Decision.REJECTED)

    def _decision_view(self, request, object_id: str, decision: str):
        """Asks for the comment (the reason, for a rejection), then calls the site's service,
        which decides whether this user may give the signature the request waits for."""
        change = self.get_object(request, unquote(object_id))
        if change is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_view_permission(request, change):
            raise PermissionDenied
        rejecting = decision == Decision.REJECTED
        form_options = {
            "comment_required": rejecting,
            "comment_label": _("Reason") if rejecting else None,
        }
        form = OrderActionForm(request.POST or None, **form_options)
        if request.method == "POST" and form.is_valid():
            self._decide(request, [change], decision, form.cleaned_data["comment"])
            return HttpResponseRedirect(self._url(change, "change"))
        title = _("Reject %(change)s") if rejecting else _("Approve %(change)s")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": change,
            "title": title % {"change": change},
            "form": form,
            "what_changes": self.what_changes(change),
            "waiting_for": self.waiting_for(change),
            "change_url": self._url(change, "change"),
        }
        return TemplateResponse(request, self.action_form_template, context)

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .filter(order__in=visible_orders(request.user))
            .select_related("order__customer")
            .prefetch_related("approvals", "order__approvals")
        )

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description=gettext_lazy("waits for"))
    def waiting_for(self, change: ChangeRequest):
        if change.status != ChangeStatus.CUSTOMER_CONFIRMED:
            return "—"
        step = change.next_step()
        return ApprovalStep(step).label if step else "—"

    @admin.display(description=gettext_lazy("what changes"))
    def what_changes(self, change: ChangeRequest) -> str:
        return summary(change.diff()) or "—"

    @admin.display(description=gettext_lazy("page"))
    def page_link(self, change: ChangeRequest) -> str:
        return format_html(
            '<a href="{}">{}</a>', change.get_absolute_url(), _("Open the change request's page")
        )

    @admin.action(
        description=gettext_lazy("Sign selected change requests (next step of R10)"),
        permissions=["view"],
    )
    def sign_selected(self, request, queryset):
        self._decide(request, queryset.order_by("pk"), Decision.APPROVED, "")

    @admin.action(
        description=gettext_lazy("Reject selected change requests, with a reason"),
        permissions=["view"],
    )
    def reject_selected(self, request, queryset):
        changes = list(queryset.order_by("pk"))
        return ask_comment_then_run(
            self,
            request,
            changes,
            run=lambda comment: self._decide(request, changes, Decision.REJECTED, comment),
            template="admin/orders/changerequest/bulk_reject.html",
            title=_("Reject change requests"),
            admin_action="reject_selected",
            form_options={"comment_required": True, "comment_label": _("Reason")},
        )

    def _decide(self, request, changes, decision: str, comment: str) -> None:
        """One request, one transaction: a refused one stays untouched and the others go on."""
        done = (
            _("%(change)s signed: %(step)s.")
            if decision == Decision.APPROVED
            else _("%(change)s refused at: %(step)s.")
        )
        run_each(
            self,
            request,
            changes,
            lambda change: change_approval_record(
                change_id=change.pk, user=request.user, decision=decision, comment=comment
            ),
            lambda change, approval: done % {"change": change, "step": approval.get_step_display()},
        )
