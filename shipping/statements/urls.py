from django.urls import path

from shipping.statements import views

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
]
