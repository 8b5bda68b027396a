from django.urls import path

from shipping.statements import views, views_runs

app_name = "statements"

urlpatterns = [
    path("", views.statement_list_view, name="list"),
    path("generate/", views.GenerateView.as_view(), name="generate"),
    path("<int:pk>/", views.statement_detail_view, name="detail"),
    path("<int:pk>/send/", views.StatementAction.as_view(), {"step": "send"}, name="send"),
    path("<int:pk>/refresh/", views.StatementAction.as_view(), {"step": "refresh"}, name="refresh"),
    path("<int:pk>/paper/", views.PaperConfirmationView.as_view(), name="paper"),
    path("<int:pk>/paper-dispute/", views.PaperDisputeView.as_view(), name="paper_dispute"),
    path("<int:pk>/resolve/", views.ResolveView.as_view(), name="resolve"),
    # R31: invoices three times a month, their receipt confirmed.
    path("invoices/", views_runs.run_list_view, name="runs"),
    path("invoices/generate/", views_runs.RunGenerateView.as_view(), name="run_generate"),
    path("invoices/<int:pk>/", views_runs.run_detail_view, name="run"),
    path(
        "invoices/<int:pk>/send/", views_runs.RunAction.as_view(), {"step": "send"}, name="run_send"
    ),
    path(
        "invoices/<int:pk>/refresh/",
        views_runs.RunAction.as_view(),
        {"step": "refresh"},
        name="run_refresh",
    ),
    path("invoices/<int:pk>/receipt/", views_runs.ReceiptView.as_view(), name="run_receipt"),
]
