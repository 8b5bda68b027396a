"""R30 (seed 000, 跟单员具体工作 6): at each month end the customer feedback forms of the month
are collected, and every order's customer countersigns the feedback form, the waybill and the
packing list. A paper is countersigned when the customer confirmed it through its link or its
signed copy was filed; each printed object's latest version counts."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

FEEDBACK_FORM = "F-CFB-001"


@dataclass(frozen=True)
class Countersigned:
    code: str  # what is countersigned
    form_code: str  # the registered form that carries it
    label: object


# The delivery note goes to the customer with the waybill number on it (R15): it is what the
# customer signs for the waybill.
R30_PAPERS = (
    Countersigned("feedback", FEEDBACK_FORM, _("Feedback form")),
    Countersigned("waybill", "SHP-DN", _("Waybill (delivery note)")),
    Countersigned("packing_list", "SHP-PL", _("Packing list")),
)
R30_FORM_CODES = tuple(paper.form_code for paper in R30_PAPERS)


@dataclass(frozen=True)
class PaperState:
    paper: Countersigned
    sent: bool
    countersigned: bool
    by: str = ""
    on: object = None


def r30_paper_states(documents) -> list[PaperState]:
    """R30 for one order, from its sent documents of the three forms (any order)."""
    latest = {}
    for document in sorted(documents, key=lambda d: (d.version, d.pk)):
        if document.status == "sent":
            latest[(document.form_code, document.content_type_id, document.object_id)] = document
    states = []
    for paper in R30_PAPERS:
        versions = [d for key, d in latest.items() if key[0] == paper.form_code]
        signed = [d for d in versions if d.is_confirmed]
        last = max(signed, key=lambda d: d.confirmed_at) if signed else None
        states.append(
            PaperState(
                paper=paper,
                sent=bool(versions),
                countersigned=bool(versions) and len(signed) == len(versions),
                by=last.confirmed_by_name if last else "",
                on=last.confirmed_at if last else None,
            )
        )
    return states
