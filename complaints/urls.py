from django.urls import path

from complaints.views import complaints, lists, returns

app_name = "complaints"

urlpatterns = [
    path("", lists.open_complaints_view, name="open"),
    path("list/", lists.ComplaintListView.as_view(), name="list"),
    path("returns/", lists.ReturnListView.as_view(), name="returns"),
    path("factories/<int:pk>/", lists.factory_complaints_view, name="factory"),
    path("order/<int:order_pk>/new/", complaints.complaint_create_view, name="create"),
    path("<int:pk>/", complaints.complaint_detail_view, name="detail"),
    path("<int:pk>/approve/", complaints.ApproveView.as_view(), name="approve"),
    path("<int:pk>/analyse/", complaints.AnalyseView.as_view(), name="analyse"),
    path("<int:pk>/reply/", complaints.ReplyView.as_view(), name="reply"),
    path("<int:pk>/remedy-shipped/", complaints.RemedyShippedView.as_view(), name="ship_remedy"),
    path("<int:pk>/claim/", complaints.ClaimView.as_view(), name="claim"),
    path("<int:pk>/attach/", complaints.AttachView.as_view(), name="attach"),
    path("order/<int:order_pk>/returns/new/", returns.return_create_view, name="return_create"),
    path("order/<int:pk>/arrivals/", returns.ArrivalView.as_view(), name="arrival"),
    path("returns/<int:pk>/", returns.return_detail_view, name="return_detail"),
    path("returns/<int:pk>/approve/", returns.ApproveView.as_view(), name="return_approve"),
    path("returns/<int:pk>/refuse/", returns.RefuseView.as_view(), name="return_refuse"),
    path("returns/<int:pk>/notify/", returns.NotifyView.as_view(), name="return_notify"),
    path("returns/<int:pk>/receive/", returns.ReceiveView.as_view(), name="return_receive"),
    path("returns/<int:pk>/sign/", returns.SignOffView.as_view(), name="return_sign"),
    path("returns/<int:pk>/note/", returns.NoteView.as_view(), name="return_note"),
    path("returns/<int:pk>/note/send/", returns.NoteSendView.as_view(), name="return_note_send"),
]
