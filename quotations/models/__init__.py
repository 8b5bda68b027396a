from quotations.models.costing import CostingLine, PriceBreak, QuotationPolicy
from quotations.models.quotation import Quotation, QuotationEvent

__all__ = ["CostingLine", "PriceBreak", "Quotation", "QuotationEvent", "QuotationPolicy"]
