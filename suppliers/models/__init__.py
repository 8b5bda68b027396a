from suppliers.models.calendar import Holiday
from suppliers.models.fabric import (
    BulkFabricSubmission,
    FabricBooking,
    LabDip,
    LabDipSubmission,
    LabTest,
    LabTestItem,
)
from suppliers.models.parties import Factory, FactoryContact, Language, Supplier, SupplierContact
from suppliers.models.trims import SeasonTrim, Trim, TrimCard

__all__ = [
    "BulkFabricSubmission",
    "FabricBooking",
    "Factory",
    "FactoryContact",
    "Holiday",
    "LabDip",
    "LabDipSubmission",
    "LabTest",
    "LabTestItem",
    "Language",
    "SeasonTrim",
    "Supplier",
    "SupplierContact",
    "Trim",
    "TrimCard",
]
