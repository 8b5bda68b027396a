from orders.models.documents import SentDocument
from orders.models.events import OrderEvent
from orders.models.order import Order, OrderLine, StaleOrderError
from orders.models.parties import Customer, CustomerContact, Profile, Team
from orders.models.review import Approval, ApprovalThreshold, ContractCheck, PaymentClearance

__all__ = [
    "Approval",
    "ApprovalThreshold",
    "ContractCheck",
    "Customer",
    "CustomerContact",
    "Order",
    "OrderEvent",
    "OrderLine",
    "PaymentClearance",
    "Profile",
    "SentDocument",
    "StaleOrderError",
    "Team",
]
