"""Reads of the samples app, each with its own prefetching."""

from django.db.models import Prefetch, QuerySet

from orders.gates import gate_statuses
from samples import rules
from samples.choices import LetterStatus
from samples.models import CommentLetter, SampleRequest
from samples.permissions import can_work_on_samples


def sample_rounds(*, order) -> QuerySet[SampleRequest]:
    """Every round of the order, oldest first per type, with what the section shows."""
    return (
        SampleRequest.objects.filter(order=order)
        .select_related("decided_by", "checked_by")
        .prefetch_related(
            "pieces",
            "discrepancies__measurement",
            Prefetch(
                "letters",
                queryset=CommentLetter.objects.select_related("signed_by", "created_by"),
            ),
        )
        .order_by("sample_type", "round_no")
    )


def sample_detail(*, sample_id: int) -> SampleRequest:
    return (
        SampleRequest.objects.select_related(
            "order__customer", "order__factory", "order__team", "decided_by", "checked_by"
        )
        .prefetch_related(
            "pieces",
            "measurements",
            "discrepancies__measurement",
            Prefetch(
                "letters",
                queryset=CommentLetter.objects.select_related("signed_by", "created_by", "sent_by"),
            ),
        )
        .get(pk=sample_id)
    )


def current_letter(sample: SampleRequest) -> CommentLetter | None:
    """The letter that counts for the round: the newest one not withdrawn."""
    letters = [x for x in sample.letters.all() if x.status != LetterStatus.WITHDRAWN]
    return letters[-1] if letters else None


def samples_section_context(order, user) -> dict:
    rounds = list(sample_rounds(order=order))
    return {
        "order_pk": order.pk,
        "rounds": [{"sample": s, "letter": current_letter(s)} for s in rounds],
        "may_work": can_work_on_samples(order, user),
        "may_sign": rules.can_sign_comment_letter(order, user),
        "gate": [s for s in gate_statuses(order, "start_production") if s.gate.code == "pp_sample"],
        "master_file": rules.approved_master_file(order),
    }
