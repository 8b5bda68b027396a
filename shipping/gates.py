"""The shipping app's gates on the order: ship waits for the inspection, settle for the papers
(R27), the dispatch (R15) and the money (R21)."""

from django.utils.translation import gettext_lazy as _

from orders.gates import register_gate
from shipping import rules


def register_gates() -> None:
    register_gate(
        transition="ship",
        code="inspection_passed",
        label=_("Final inspection passed, or shipment under a signed and approved L/G (R7)"),
        cleared_by=_("QC; the purchasing head or GM for an L/G"),
        check=rules.inspection_cleared_for_shipment,
    )
    register_gate(
        transition="settle",
        code="export_documents",
        label=_(
            "Export documents complete: FORM A or C/O, customs declaration, B/L, packing "
            "list, commercial invoice (R27)"
        ),
        cleared_by=_("Merchandiser, documents clerk"),
        check=rules.documents_complete,
    )
    register_gate(
        transition="settle",
        code="dispatch_shipped",
        label=_("Goods shipped: every stock preparation slip went out with a waybill (R15)"),
        cleared_by=_("Sales administration, finance, warehouse"),
        check=rules.dispatches_shipped,
        # An order shipped without a slip (by the forwarder, straight from the factory) owes
        # none; once a slip is drawn up, the goods must leave through it.
        applies=rules.has_dispatch,
    )
    register_gate(
        transition="settle",
        code="nothing_owed",
        label=_("Nothing owed: payments and deductions cover the order (R21)"),
        cleared_by=_("Finance"),
        check=rules.nothing_owed,
    )
