from shipping.models.dispatch import (
    DELIVERY_NOTE_FORM,
    Dispatch,
    DispatchLine,
    DispatchStepRecord,
)
from shipping.models.inspection_details import InspectionMeasurement, InspectionPhoto
from shipping.models.inspections import (
    Defect,
    DefectCount,
    FailureResolution,
    InspectionBooking,
    InspectionReport,
)
from shipping.models.invoice_requests import (
    InvoiceApproval,
    InvoiceApprovalLevel,
    InvoiceRequest,
)
from shipping.models.letters import (
    CERTIFICATE_FORM,
    LG_FORM,
    GuaranteeLetter,
    InspectionCertificate,
)
from shipping.models.settlement import Deduction, Payment
from shipping.models.shipment import (
    INVOICE_FORM,
    PACKING_LIST_FORM,
    CommercialInvoice,
    ExportDocument,
    FreightBooking,
    PackingList,
    PackingListRow,
    ShippingMarks,
)

__all__ = [
    "CERTIFICATE_FORM",
    "DELIVERY_NOTE_FORM",
    "INVOICE_FORM",
    "LG_FORM",
    "PACKING_LIST_FORM",
    "CommercialInvoice",
    "Deduction",
    "Defect",
    "Dispatch",
    "DispatchLine",
    "DispatchStepRecord",
    "DefectCount",
    "ExportDocument",
    "FailureResolution",
    "FreightBooking",
    "GuaranteeLetter",
    "InspectionBooking",
    "InvoiceApproval",
    "InvoiceApprovalLevel",
    "InvoiceRequest",
    "InspectionCertificate",
    "InspectionReport",
    "InspectionMeasurement",
    "InspectionPhoto",
    "PackingList",
    "PackingListRow",
    "Payment",
    "ShippingMarks",
]
