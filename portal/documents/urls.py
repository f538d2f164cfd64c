from django.urls import path

from .views import incoming, outgoing

app_name = "documents"

urlpatterns = [
    path("den/", incoming.register, name="incoming"),
    path("den/so-van-ban-den.xlsx", incoming.export, name="incoming_export"),
    path("den/so-van-ban-den.pdf", incoming.book, name="incoming_book"),
    path("den/vao-so/", incoming.create, name="incoming_create"),
    path("den/tiep-nhan/<int:delivery_pk>/", incoming.receive, name="incoming_receive"),
    path("den/<int:pk>/", incoming.detail, name="incoming_detail"),
    path("den/<int:pk>/phan-cong/", incoming.assign, name="incoming_assign"),
    path("den/<int:pk>/tien-do/", incoming.progress, name="incoming_progress"),
    path("den/<int:pk>/ket-thuc/", incoming.close, name="incoming_close"),
    path("den/<int:pk>/tep/<int:file_id>/", incoming.file, name="incoming_file"),
    path("di/", outgoing.register, name="outgoing"),
    path("di/so-van-ban-di.xlsx", outgoing.export, name="outgoing_export"),
    path("di/so-van-ban-di.pdf", outgoing.book, name="outgoing_book"),
    path("di/soan/", outgoing.create, name="outgoing_create"),
    path("di/<int:pk>/", outgoing.detail, name="outgoing_detail"),
    path("di/<int:pk>/trinh-ky/", outgoing.submit, name="outgoing_submit"),
    path("di/<int:pk>/tra-lai/", outgoing.return_draft, name="outgoing_return"),
    path("di/<int:pk>/ky/", outgoing.sign, name="outgoing_sign"),
    path("di/<int:pk>/ban-hanh/", outgoing.issue, name="outgoing_issue"),
    path("di/<int:pk>/gui-lai/", outgoing.send_again, name="outgoing_send_again"),
    path("di/<int:pk>/<slug:kind>.pdf", outgoing.file, name="outgoing_file"),
]
