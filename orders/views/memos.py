"""R32: the work memo POSTs of the order page. Each calls one service."""

from django.utils.translation import gettext as _

from orders.memos.forms import AcknowledgeForm, WithdrawMemoForm, WorkMemoForm
from orders.memos.services import work_memo_acknowledge, work_memo_send, work_memo_withdraw
from orders.models import WorkMemo
from orders.views.generic import OrderAction, ServiceActionView
from orders.visibility import visible_orders


class MemoSendView(OrderAction):
    form_class = WorkMemoForm

    def perform(self, request, obj, form) -> str:
        memo = work_memo_send(order_id=obj.pk, user=request.user, **form.cleaned_data)
        return _("%(memo)s sent to %(roles)s.") % {
            "memo": memo.label,
            "roles": ", ".join(str(label) for label in memo.addressee_labels()),
        }


class MemoActionView(ServiceActionView):
    def get_object(self, request, pk):
        return WorkMemo.objects.filter(order__in=visible_orders(request.user)).get(pk=pk)


class MemoAcknowledgeView(MemoActionView):
    form_class = AcknowledgeForm

    def perform(self, request, obj, form) -> str:
        ack = work_memo_acknowledge(memo_id=obj.pk, user=request.user, **form.cleaned_data)
        return _("%(memo)s acknowledged for %(role)s.") % {
            "memo": obj.label,
            "role": ack.get_role_display(),
        }


class MemoWithdrawView(MemoActionView):
    form_class = WithdrawMemoForm

    def perform(self, request, obj, form) -> str:
        work_memo_withdraw(memo_id=obj.pk, user=request.user, **form.cleaned_data)
        return _("%(memo)s withdrawn.") % {"memo": obj.label}
