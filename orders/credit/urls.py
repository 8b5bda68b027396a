from django.urls import path

from orders.credit import views

app_name = "credit"

urlpatterns = [
    path("orders/<int:pk>/guarantee/", views.GuaranteeGiveView.as_view(), name="guarantee"),
    path("orders/<int:pk>/exception/", views.ExceptionView.as_view(), name="exception"),
    path(
        "guarantees/<int:pk>/approve/",
        views.GuaranteeDecisionView.as_view(),
        {"decision": "approve"},
        name="approve",
    ),
    path(
        "guarantees/<int:pk>/refuse/",
        views.GuaranteeDecisionView.as_view(),
        {"decision": "refuse"},
        name="refuse",
    ),
]
