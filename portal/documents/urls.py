from django.urls import path

from government import converters  # noqa: F401 - registers <id:…>

from .views import incoming, outgoing

app_name = "documents"

urlpatterns = [
    path("den/", incoming.register, name="incoming"),
    path("den/so-van-ban-den.xlsx", incoming.export, name="incoming_export"),
    path("den/so-van-ban-den.pdf", incoming.book, name="incoming_book"),
    path("den/vao-so/", incoming.create, name="incoming_create"),
    path("den/tiep-nhan/<id:delivery_pk>/", incoming.receive, name="incoming_receive"),
    path("den/<id:pk>/", incoming.detail, name="incoming_detail"),
    path("den/<id:pk>/phan-cong/", incoming.assign, name="incoming_assign"),
    path("den/<id:pk>/tien-do/", incoming.progress, name="incoming_progress"),
    path("den/<id:pk>/ket-thuc/", incoming.close, name="incoming_close"),
    path("den/<id:pk>/tep/<id:file_id>/", incoming.file, name="incoming_file"),
    path("di/", outgoing.register, name="outgoing"),
    path("di/so-van-ban-di.xlsx", outgoing.export, name="outgoing_export"),
    path("di/so-van-ban-di.pdf", outgoing.book, name="outgoing_book"),
    path("di/soan/", outgoing.create, name="outgoing_create"),
    path("di/<id:pk>/", outgoing.detail, name="outgoing_detail"),
    path("di/<id:pk>/trinh-ky/", outgoing.submit, name="outgoing_submit"),
    path("di/<id:pk>/tra-lai/", outgoing.return_draft, name="outgoing_return"),
    path("di/<id:pk>/ky/", outgoing.sign, name="outgoing_sign"),
    path("di/<id:pk>/ban-hanh/", outgoing.issue, name="outgoing_issue"),
    path("di/<id:pk>/gui-lai/", outgoing.send_again, name="outgoing_send_again"),
    path("di/<id:pk>/<slug:kind>.pdf", outgoing.file, name="outgoing_file"),
]
