from complaints.models.complaint import (
    COMPLAINT_FORM,
    Complaint,
    ComplaintAttachment,
    FactoryClaim,
)
from complaints.models.returns import (
    RETURN_APPLICATION_FORM,
    RETURN_NOTE_FORM,
    ReturnApplication,
    ReturnLine,
    ReturnSignOff,
    UnannouncedArrival,
)

__all__ = [
    "COMPLAINT_FORM",
    "RETURN_APPLICATION_FORM",
    "RETURN_NOTE_FORM",
    "Complaint",
    "ComplaintAttachment",
    "FactoryClaim",
    "ReturnApplication",
    "ReturnLine",
    "ReturnSignOff",
    "UnannouncedArrival",
]
