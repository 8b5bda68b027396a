from django.urls import include, path

from orders.feedback import views as feedback
from orders.views import (
    actions,
    changes,
    detail,
    edit,
    imports,
    kpis,
    lists,
    memos,
    planning,
    repeats,
    saved_views,
)

app_name = "orders"

# One order's pages, under orders/<pk>/ (each view gets the order's pk).
order_patterns = [
    path("", detail.order_detail_view, name="detail"),
    path("edit/", edit.order_edit_view, name="edit"),
    path("action/<str:name>/", actions.TransitionView.as_view(), name="action"),
    path("contract-check/", actions.ContractCheckView.as_view(), name="contract_check"),
    path("approve/", actions.ApprovalView.as_view(), name="approve"),
    path("clearance/", actions.ClearanceView.as_view(), name="clearance"),
    path(
        "milestones/<int:milestone_id>/done/",
        planning.MilestoneDoneView.as_view(),
        name="milestone_done",
    ),
    path(
        "milestones/<int:milestone_id>/reopen/",
        planning.MilestoneReopenView.as_view(),
        name="milestone_reopen",
    ),
    path("plan/rebuild/", planning.PlanRebuildView.as_view(), name="plan_rebuild"),
    path("progress/", planning.ProgressView.as_view(), name="progress"),
    path("progress/weekly/", planning.ProgressWeeklyView.as_view(), name="progress_weekly"),
    path("date-change/", planning.DateChangeView.as_view(), name="date_change"),
    path(
        "date-change/<int:change_id>/decide/",
        planning.DateChangeDecisionView.as_view(),
        name="date_change_decide",
    ),
    path("memos/", memos.MemoSendView.as_view(), name="memo_send"),
    path("repeat/", repeats.order_repeat_view, name="repeat"),
    path("repeat/artwork/", repeats.ArtworkConfirmView.as_view(), name="repeat_artwork"),
    path("changes/new/", changes.change_raise_view, name="change_raise"),
    path("feedback/", feedback.FeedbackRecordView.as_view(), name="feedback_record"),
]

# One change request's pages, under changes/<pk>/.
change_patterns = [
    path("", changes.change_detail_view, name="change_detail"),
    path("edit/", changes.change_edit_view, name="change_edit"),
    path("send/", changes.ChangeSendView.as_view(), name="change_send"),
    path(
        "factory-answer/", changes.ChangeFactoryAnswerView.as_view(), name="change_factory_answer"
    ),
    path(
        "customer-confirm/",
        changes.ChangeCustomerConfirmView.as_view(),
        name="change_customer_confirm",
    ),
    path("sign/", changes.ChangeSignView.as_view(), name="change_sign"),
    path("apply/", changes.ChangeApplyView.as_view(), name="change_apply"),
    path("refresh/", changes.ChangeRefreshView.as_view(), name="change_refresh"),
    path("close/<str:name>/", changes.ChangeCloseView.as_view(), name="change_close"),
]

# An order import's pages, under orders/import/.
import_patterns = [
    path("", imports.import_start_view, name="import"),
    path("template/", imports.import_template_view, name="import_template"),
    path("<int:pk>/", imports.import_detail_view, name="import_detail"),
    path("<int:pk>/status/", imports.import_status_view, name="import_status"),
    path("<int:pk>/confirm/", imports.import_confirm_view, name="import_confirm"),
]

urlpatterns = [
    path("", lists.home, name="home"),
    path("orders/", lists.OrderListView.as_view(), name="list"),
    path("views/save/", saved_views.saved_view_save_view, name="saved_view_save"),
    path("views/<int:pk>/delete/", saved_views.saved_view_delete_view, name="saved_view_delete"),
    path("orders/new/", edit.order_create_view, name="create"),
    path("orders/import/", include(import_patterns)),
    path("orders/<int:pk>/", include(order_patterns)),
    path(
        "memos/<int:pk>/acknowledge/", memos.MemoAcknowledgeView.as_view(), name="memo_acknowledge"
    ),
    path("memos/<int:pk>/withdraw/", memos.MemoWithdrawView.as_view(), name="memo_withdraw"),
    path("changes/<int:pk>/", include(change_patterns)),
    path("countersignatures/", feedback.countersignatures_view, name="countersignatures"),
    path("countersignatures/feedback.pdf", feedback.feedback_print_view, name="feedback_print"),
    path("countersignatures/feedback.xlsx", feedback.feedback_export_view, name="feedback_export"),
    path("reports/lateness/", planning.lateness_report_view, name="lateness"),
    path("reports/progress/", planning.ProgressSheetView.as_view(), name="progress_sheet"),
    path("reports/plans/", planning.PlanListView.as_view(), name="plans"),
    path("reports/kpis/", kpis.kpis_view, name="kpis"),
    path("plan/board/", planning.PlanBoardView.as_view(), name="plan_board"),
    path("reminders/", planning.my_reminders_view, name="reminders"),
]
