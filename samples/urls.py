from django.urls import path

from samples.views import actions, pages

app_name = "samples"

urlpatterns = [
    path("order/<int:order_pk>/new/", pages.sample_create_view, name="create"),
    path("<int:pk>/", pages.sample_detail_view, name="detail"),
    path("<int:pk>/check/", pages.sample_check_view, name="check"),
    path("<int:pk>/receive/", actions.sample_receive_view, name="receive"),
    path("<int:pk>/send/", actions.sample_send_view, name="send"),
    path("<int:pk>/decide/", actions.sample_decide_view, name="decide"),
    path("<int:pk>/letter/", actions.letter_create_view, name="letter_create"),
    path("<int:pk>/letter/upload/", actions.letter_upload_view, name="letter_upload"),
    path("letters/<int:pk>/sign/", actions.letter_sign_view, name="letter_sign"),
    path("letters/<int:pk>/send/", actions.letter_send_view, name="letter_send"),
]
