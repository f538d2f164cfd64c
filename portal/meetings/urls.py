from django.urls import path

from .views import documents, organise, record, room

app_name = "meetings"

urlpatterns = [
    path("", room.meeting_list, name="list"),
    path("moi/", organise.create, name="create"),
    path("qr/<str:key>/", organise.qr, name="qr"),
    path("qr/<str:key>/diem-danh/", organise.check_in, name="check_in"),
    path("<int:meeting_id>/", room.room, name="room"),
    path("<int:meeting_id>/to-chuc/", organise.manage, name="manage"),
    path("<int:meeting_id>/to-chuc/noi-dung/", organise.add_item, name="add_item"),
    path("<int:meeting_id>/to-chuc/tai-lieu/", organise.add_document, name="add_document"),
    path("<int:meeting_id>/to-chuc/tai-lieu/<int:document_id>/thay/", organise.replace_document, name="replace_document"),
    path("<int:meeting_id>/to-chuc/nguoi-du/", organise.add_people, name="add_people"),
    path("<int:meeting_id>/to-chuc/xep-to/", organise.place, name="place"),
    path("<int:meeting_id>/to-chuc/ma-qr-moi/", organise.renew_qr, name="renew_qr"),
    path("<int:meeting_id>/ma-qr.png", organise.qr_image, name="qr_image"),
    path("<int:meeting_id>/tai-lieu/<int:document_id>/", documents.document, name="document"),
    path("<int:meeting_id>/tai-lieu/<int:document_id>/v<int:number>.pdf", documents.version_file, name="version_file"),
    path("<int:meeting_id>/tai-lieu/<int:document_id>/gop-y/", documents.comment, name="comment"),
    path("<int:meeting_id>/tai-lieu/<int:document_id>/gop-y.csv", documents.export_comments, name="export_comments"),
    path("<int:meeting_id>/ghi-chu/<int:version_id>/", documents.annotations, name="annotations"),
    path("<int:meeting_id>/ghi-chu/xoa/<int:annotation_id>/", documents.delete_annotation, name="delete_annotation"),
    path("<int:meeting_id>/ghi-chu/xuat/", documents.export_notes, name="export_notes"),
    path("<int:meeting_id>/phat-bieu/", room.speak, name="speak"),
    path("<int:meeting_id>/phat-bieu/<int:speech_id>/", room.move_speech, name="move_speech"),
    path("<int:meeting_id>/bieu-quyet/", room.open_motion, name="open_motion"),
    path("<int:meeting_id>/bieu-quyet/<int:motion_id>/", room.vote, name="vote"),
    path("<int:meeting_id>/bieu-quyet/<int:motion_id>/ket-thuc/", room.close_motion, name="close_motion"),
    path("<int:meeting_id>/chia-to/", room.split, name="split"),
    path("<int:meeting_id>/to/<int:group_id>/", room.group, name="group"),
    path("<int:meeting_id>/ho-so/", record.archive, name="archive"),
    path("<int:meeting_id>/ho-so/ky-bien-ban/", record.sign_minutes, name="sign_minutes"),
    path("<int:meeting_id>/bien-ban.pdf", record.minutes, name="minutes"),
]
