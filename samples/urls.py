from django.urls import path

from samples.views import actions, pages

app_name = "samples"

urlpatterns = [
    path("order/<int:order_pk>/new/", pages.sample_create_view, name="create"),
    path("<int:pk>/", pages.sample_detail_view, name="detail"),
    path("<int:pk>/check/", pages.sample_check_view, name="check"),
    path("<int:pk>/receive/", actions.SampleReceiveView.as_view(), name="receive"),
    path("<int:pk>/send/", actions.SampleSendView.as_view(), name="send"),
    path("<int:pk>/decide/", actions.SampleDecideView.as_view(), name="decide"),
    path("<int:pk>/letter/", actions.LetterCreateView.as_view(), name="letter_create"),
    path("<int:pk>/letter/upload/", actions.LetterUploadView.as_view(), name="letter_upload"),
    path("letters/<int:pk>/sign/", actions.LetterSignView.as_view(), name="letter_sign"),
    path("letters/<int:pk>/send/", actions.LetterSendView.as_view(), name="letter_send"),
]
