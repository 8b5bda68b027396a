"""The change notice to the factory (F-CHG-001), in the factory's language: what would change,
what it touches, and for an amendment (R14) the boxes where production states what is already
cut and made. Prices, amounts and payment terms are the customer's business, not the
factory's: the notice leaves them out, as the production order does."""

from django.utils.translation import gettext_lazy as _

from orders.changes.choices import (
    CHANGE_NOTICE_FORM,
    FACTORY_ASPECTS,
    ChangeStatus,
    FactoryAnswer,
)
from orders.changes.forms import FactoryLinkAnswerForm
from orders.changes.lifecycle import change_factory_answer
from orders.changes.registry import ChangeContext, impacts
from orders.documents.registry import FormSpec, LinkAnswer, Signature, register_form, signed_by
from orders.documents.rules import Requirement, SendRule


def notice_context(change) -> dict:
    order = change.order
    diff = change.diff()
    lines = [
        line
        for line in diff.lines
        if line.kind != "changed"
        or line.quantity_changed
        or any(cell.changed for cell in line.cells)
    ]
    context = ChangeContext(order, change, diff, extra=change.proposed.get("extra", {}))
    return {
        "change": change,
        "order": order,
        "factory": order.factory,
        "fields": [c for c in diff.fields if c.aspect in FACTORY_ASPECTS],
        "lines": lines,
        "quantity_before": diff.before.quantity,
        "quantity_after": diff.after.quantity,
        "impacts": [line for i in impacts(context) if (line := i.for_factory())],
        "amendment_lines": [line for line in change.base["lines"] if line["quantity"]]
        if change.is_amendment
        else [],
        "next_revision": order.revision + 1,
    }


def _answer_pending(change) -> bool:
    return (
        change.status == ChangeStatus.SENT_TO_FACTORY
        and change.factory_answer == FactoryAnswer.PENDING
    )


def _answer_form(change, data=None, files=None):
    return FactoryLinkAnswerForm(change, data, files)


def _record_answer(change, form) -> None:
    data = form.cleaned_data
    change_factory_answer(
        change_id=change.pk,
        agreed=data["agreed"],
        name=data["name"],
        comment=data["comment"],
        production=form.production(),
    )


CHANGE_NOTICE = FormSpec(
    code=CHANGE_NOTICE_FORM,
    name=_("Change notice to factory"),
    model="orders.ChangeRequest",
    template="orders/changes/forms/change_notice.html",
    order_of=lambda change: change.order,
    recipient=lambda change: change.order.factory,
    context=notice_context,
    reference=lambda change: f"{change.order} · {change.label}",
    signatures=(
        Signature(
            _("Merchandiser"), signer=lambda change: signed_by(change.raised_by, change.raised_at)
        ),
        Signature(_("Factory: production side"), company=True),
        Signature(_("Factory: agreed by"), company=True),
    ),
    # It leaves through the request's "send to the factory" step (R8), never on its own.
    link_answer=LinkAnswer(
        pending=_answer_pending,
        form=_answer_form,
        record=_record_answer,
        submit_label=_("Send our answer"),
    ),
    send_rule=SendRule(
        when=(
            Requirement(
                lambda change: change.status == ChangeStatus.SENT_TO_FACTORY,
                _("the change request is not being sent to the factory"),
            ),
        )
    ),
)


def register() -> None:
    register_form(CHANGE_NOTICE)
