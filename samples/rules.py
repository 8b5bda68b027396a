"""The business rules of samples, each under its name from DOMAIN.md (R4, R22)."""

from collections.abc import Iterable
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from orders.changes.rules import style_changed_at
from orders.lifecycle import rule
from orders.permissions import is_managing
from orders.repeats.rules import r28_style_as_before
from samples.choices import LetterStatus, Recipient, SampleStatus, SampleType, Severity
from samples.models.master import StyleMasterFile  # not samples.models: its modules import us
from samples.permissions import can_work_on_samples

# ---- R22: samples go in triplicate ----------------------------------------------------------

# Every round is made in three: one for the customer, one kept on our file (for a PP sample, the
# one QC inspects bulk against), one back to the factory with the customer's comments on it.
R22_RECIPIENTS = (Recipient.CUSTOMER, Recipient.FILE, Recipient.FACTORY)


def r22_default_allocation(sample_type: str) -> dict[str, int]:
    """R22: one piece each for the customer, our file / QC and the factory."""
    return dict.fromkeys(R22_RECIPIENTS, 1)


def r22_missing_recipients(allocation: dict[str, int]) -> list[str]:
    """R22: the recipients an allocation leaves without a piece."""
    return [r for r in R22_RECIPIENTS if (allocation.get(r) or 0) < 1]


# ---- R4: checking the sample and the sample comment letter ----------------------------------


def measurement_deviation(*, spec: Decimal, actual: Decimal) -> Decimal:
    return actual - spec


def out_of_tolerance(*, spec: Decimal, tolerance: Decimal, actual: Decimal) -> bool:
    """R4: a point exactly at the tolerance is within it; only beyond it is a discrepancy."""
    return abs(measurement_deviation(spec=spec, actual=actual)) > abs(tolerance)


def measurement_severity(*, accepted: bool) -> str:
    """R4: an out-of-tolerance point must be corrected unless the merchandiser lets it pass."""
    return Severity.MAY_PRODUCE if accepted else Severity.MUST_CORRECT


def production_may_start(discrepancies: Iterable) -> bool:
    """R4: production may start only when no discrepancy must be corrected first."""
    return all(d.severity != Severity.MUST_CORRECT for d in discrepancies)


def can_sign_comment_letter(order, user) -> bool:
    """R4: the group head of the order's team, or a manager, signs the letter before it leaves."""
    head_id = order.team.head_id if order.team_id else None
    return (head_id is not None and head_id == user.pk) or is_managing(user)


def may_sign_comment_letter(letter, user) -> bool:
    return can_sign_comment_letter(letter.sample.order, user)


def may_work_on_letter(letter, user) -> bool:
    return can_work_on_samples(letter.sample.order, user)


def comment_letter_may_leave(letter) -> bool:
    """R4: an unsigned letter never goes to the factory."""
    return letter.is_signed and letter.status in (LetterStatus.SIGNED, LetterStatus.SENT)


def may_work_on_sample(sample, user) -> bool:
    """The order's merchandisers (and managers) receive, check, send and decide its rounds."""
    return can_work_on_samples(sample.order, user)


@rule(gettext_lazy("The comment letter is signed: its check is final. Request a new round."))
def r4_check_not_final(sample) -> bool:
    """R4: once the group head signed the round's comment letter, its check stands."""
    return not sample.letters.filter(signed_at__isnull=False).exists()


def _must_correct_refusal(sample) -> str:
    return _(
        "%(count)d discrepancies must be corrected: reject the sample and request "
        "a new round, or mark them “may produce”."
    ) % {"count": sample.must_correct_count}


@rule(_must_correct_refusal)
def r4_nothing_to_correct(sample) -> bool:
    """R4: a round is approved only when no discrepancy must be corrected first."""
    return not sample.must_correct_count


# A round may be checked once the pieces are in, until it is decided or its letter is signed:
# after that a new round repeats the check (R4).
CHECKABLE_STATUSES = (SampleStatus.RECEIVED, SampleStatus.CHECKED, SampleStatus.SENT_TO_CUSTOMER)

# The customer's piece goes out once the round is in, and before it was sent or decided.
SENDABLE_STATUSES = (SampleStatus.RECEIVED, SampleStatus.CHECKED)


# ---- the start-production gate ---------------------------------------------------------------


def pp_sample_approved(order) -> bool:
    """Bulk is made to an approved pre-production sample; after a change to the style data
    (R8), to one approved since."""

    since = style_changed_at(order)
    return any(
        s.sample_type == SampleType.PRE_PRODUCTION
        and s.status == SampleStatus.APPROVED
        and (since is None or (s.decided_at is not None and s.decided_at >= since))
        for s in order.samples.all()
    )


def approved_master_file(order):
    master = StyleMasterFile.objects.filter(
        customer_id=order.customer_id, style_no=order.style_no
    ).first()
    return master if master is not None and master.is_approved else None


def pp_sample_gate_applies(order) -> bool:
    """Seed 000 §5.7.2 (iii) and R28: a repeat style (直接單) with an approved master file is
    made to that file, without a new pre-production sample, as long as its style data is as
    before (a repeat entered with other style data, or a change request that touched it, needs
    the PP round again)."""

    return approved_master_file(order) is None or not r28_style_as_before(order)
