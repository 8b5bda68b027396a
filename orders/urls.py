from django.urls import path

from orders.feedback import views as feedback
from orders.views import (
    actions,
    changes,
    detail,
    edit,
    imports,
    lists,
    memos,
    planning,
    repeats,
)

app_name = "orders"

urlpatterns = [
    path("", lists.home, name="home"),
    path("orders/", lists.OrderListView.as_view(), name="list"),
    path("orders/new/", edit.order_create_view, name="create"),
    path("orders/import/", imports.import_start_view, name="import"),
    path("orders/import/template/", imports.import_template_view, name="import_template"),
    path("orders/import/<int:pk>/", imports.import_detail_view, name="import_detail"),
    path("orders/import/<int:pk>/status/", imports.import_status_view, name="import_status"),
    path("orders/import/<int:pk>/confirm/", imports.import_confirm_view, name="import_confirm"),
    path("orders/<int:pk>/", detail.order_detail_view, name="detail"),
    path("orders/<int:pk>/edit/", edit.order_edit_view, name="edit"),
    path("orders/<int:pk>/action/<str:name>/", actions.TransitionView.as_view(), name="action"),
    path(
        "orders/<int:pk>/contract-check/",
        actions.ContractCheckView.as_view(),
        name="contract_check",
    ),
    path("orders/<int:pk>/approve/", actions.ApprovalView.as_view(), name="approve"),
    path("orders/<int:pk>/clearance/", actions.ClearanceView.as_view(), name="clearance"),
    path(
        "orders/<int:pk>/milestones/<int:milestone_id>/done/",
        planning.MilestoneDoneView.as_view(),
        name="milestone_done",
    ),
    path(
        "orders/<int:pk>/milestones/<int:milestone_id>/reopen/",
        planning.MilestoneReopenView.as_view(),
        name="milestone_reopen",
    ),
    path("orders/<int:pk>/plan/rebuild/", planning.PlanRebuildView.as_view(), name="plan_rebuild"),
    path("orders/<int:pk>/progress/", planning.ProgressView.as_view(), name="progress"),
    path(
        "orders/<int:pk>/progress/weekly/",
        planning.ProgressWeeklyView.as_view(),
        name="progress_weekly",
    ),
    path("orders/<int:pk>/date-change/", planning.DateChangeView.as_view(), name="date_change"),
    path(
        "orders/<int:pk>/date-change/<int:change_id>/decide/",
        planning.DateChangeDecisionView.as_view(),
        name="date_change_decide",
    ),
    path("orders/<int:pk>/memos/", memos.MemoSendView.as_view(), name="memo_send"),
    path(
        "memos/<int:pk>/acknowledge/",
        memos.MemoAcknowledgeView.as_view(),
        name="memo_acknowledge",
    ),
    path("memos/<int:pk>/withdraw/", memos.MemoWithdrawView.as_view(), name="memo_withdraw"),
    path("orders/<int:pk>/repeat/", repeats.order_repeat_view, name="repeat"),
    path(
        "orders/<int:pk>/repeat/artwork/",
        repeats.ArtworkConfirmView.as_view(),
        name="repeat_artwork",
    ),
    path("orders/<int:pk>/changes/new/", changes.change_raise_view, name="change_raise"),
    path("changes/<int:pk>/", changes.change_detail_view, name="change_detail"),
    path("changes/<int:pk>/edit/", changes.change_edit_view, name="change_edit"),
    path("changes/<int:pk>/send/", changes.ChangeSendView.as_view(), name="change_send"),
    path(
        "changes/<int:pk>/factory-answer/",
        changes.ChangeFactoryAnswerView.as_view(),
        name="change_factory_answer",
    ),
    path(
        "changes/<int:pk>/customer-confirm/",
        changes.ChangeCustomerConfirmView.as_view(),
        name="change_customer_confirm",
    ),
    path("changes/<int:pk>/sign/", changes.ChangeSignView.as_view(), name="change_sign"),
    path("changes/<int:pk>/apply/", changes.ChangeApplyView.as_view(), name="change_apply"),
    path("changes/<int:pk>/refresh/", changes.ChangeRefreshView.as_view(), name="change_refresh"),
    path(
        "changes/<int:pk>/close/<str:name>/",
        changes.ChangeCloseView.as_view(),
        name="change_close",
    ),
    path(
        "orders/<int:pk>/feedback/",
        feedback.FeedbackRecordView.as_view(),
        name="feedback_record",
    ),
    path("countersignatures/", feedback.countersignatures_view, name="countersignatures"),
    path("countersignatures/feedback.pdf", feedback.feedback_print_view, name="feedback_print"),
    path("countersignatures/feedback.xlsx", feedback.feedback_export_view, name="feedback_export"),
    path("reports/lateness/", planning.lateness_report_view, name="lateness"),
    path("reports/progress/", planning.ProgressSheetView.as_view(), name="progress_sheet"),
    path("reports/plans/", planning.PlanListView.as_view(), name="plans"),
    path("reminders/", planning.my_reminders_view, name="reminders"),
]
