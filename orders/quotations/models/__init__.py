from orders.quotations.models.costing import CostingLine, PriceBreak, QuotationPolicy
from orders.quotations.models.quotation import Quotation, QuotationEvent

__all__ = ["CostingLine", "PriceBreak", "Quotation", "QuotationEvent", "QuotationPolicy"]
