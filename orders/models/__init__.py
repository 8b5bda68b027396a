from orders.models.calendar import Holiday
from orders.models.changes import ChangeApproval, ChangeRequest
from orders.models.company import CompanyProfile
from orders.models.customer_files import CustomerDocument
from orders.models.date_changes import DateChangeRequest
from orders.models.documents import SentDocument
from orders.models.events import OrderEvent
from orders.models.feedback import CustomerFeedback
from orders.models.imports import DateOrder, OrderImport
from orders.models.memos import WorkMemo, WorkMemoAcknowledgement
from orders.models.order import Order, OrderLine, StaleOrderError
from orders.models.outbox import OutboxMessage
from orders.models.parties import Customer, CustomerContact, Profile, Team
from orders.models.plan import Milestone, MilestoneTemplate, OrderPlan, PlanTemplate
from orders.models.progress import CustomerProgressSubscription, ProcessStep, ProgressReport
from orders.models.reminders import Digest
from orders.models.repeats import RepeatOrder
from orders.models.review import Approval, ApprovalThreshold, ContractCheck, PaymentClearance
from orders.models.saved_views import SavedView
from orders.models.submissions import FormSubmission

__all__ = [
    "Approval",
    "ApprovalThreshold",
    "CompanyProfile",
    "ChangeApproval",
    "ChangeRequest",
    "ContractCheck",
    "Customer",
    "CustomerContact",
    "CustomerDocument",
    "CustomerFeedback",
    "CustomerProgressSubscription",
    "DateChangeRequest",
    "DateOrder",
    "Digest",
    "FormSubmission",
    "Holiday",
    "Milestone",
    "MilestoneTemplate",
    "Order",
    "OrderEvent",
    "OrderImport",
    "OrderLine",
    "OrderPlan",
    "OutboxMessage",
    "PaymentClearance",
    "SavedView",
    "PlanTemplate",
    "ProcessStep",
    "Profile",
    "ProgressReport",
    "RepeatOrder",
    "SentDocument",
    "StaleOrderError",
    "Team",
    "WorkMemo",
    "WorkMemoAcknowledgement",
]
