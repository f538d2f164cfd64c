from django.urls import path

from government import converters  # noqa: F401 - registers <id:…>

from .views import attendance, documents, organise, record, room

app_name = "meetings"

urlpatterns = [
    path("", room.meeting_list, name="list"),
    path("moi/", organise.create, name="create"),
    path("qr/<slug:key>/", organise.qr, name="qr"),
    path("<id:meeting_id>/diem-danh/<slug:code>/", attendance.check_in, name="check_in"),
    path("<id:meeting_id>/to-chuc/cua/", attendance.door, name="door"),
    path("<id:meeting_id>/to-chuc/co-mat/<id:participant_id>/", attendance.mark_present, name="mark_present"),
    path("<id:meeting_id>/to-chuc/giay-moi/", record.issue_invitation, name="issue_invitation"),
    path("<id:meeting_id>/giay-moi.pdf", record.invitation, name="invitation"),
    path("<id:meeting_id>/", room.room, name="room"),
    path("<id:meeting_id>/to-chuc/", organise.manage, name="manage"),
    path("<id:meeting_id>/to-chuc/noi-dung/", organise.add_item, name="add_item"),
    path("<id:meeting_id>/to-chuc/tai-lieu/", organise.add_document, name="add_document"),
    path("<id:meeting_id>/to-chuc/tai-lieu/<id:document_id>/thay/", organise.replace_document, name="replace_document"),
    path("<id:meeting_id>/to-chuc/nguoi-du/", organise.add_people, name="add_people"),
    path("<id:meeting_id>/to-chuc/xep-to/", organise.place, name="place"),
    path("<id:meeting_id>/to-chuc/ma-qr-moi/", organise.renew_qr, name="renew_qr"),
    path("<id:meeting_id>/ma-qr.png", organise.qr_image, name="qr_image"),
    path("<id:meeting_id>/tai-lieu/<id:document_id>/", documents.document, name="document"),
    path("<id:meeting_id>/tai-lieu/<id:document_id>/v<id:number>.pdf", documents.version_file, name="version_file"),
    path("<id:meeting_id>/tai-lieu/<id:document_id>/gop-y/", documents.comment, name="comment"),
    path("<id:meeting_id>/tai-lieu/<id:document_id>/gop-y.csv", documents.export_comments, name="export_comments"),
    path("<id:meeting_id>/ghi-chu/<id:version_id>/", documents.annotations, name="annotations"),
    path("<id:meeting_id>/ghi-chu/xoa/<id:annotation_id>/", documents.delete_annotation, name="delete_annotation"),
    path("<id:meeting_id>/ghi-chu/xuat/", documents.export_notes, name="export_notes"),
    path("<id:meeting_id>/phat-bieu/", room.speak, name="speak"),
    path("<id:meeting_id>/phat-bieu/<id:speech_id>/", room.move_speech, name="move_speech"),
    path("<id:meeting_id>/bieu-quyet/", room.open_motion, name="open_motion"),
    path("<id:meeting_id>/bieu-quyet/<id:motion_id>/", room.vote, name="vote"),
    path("<id:meeting_id>/bieu-quyet/<id:motion_id>/ket-thuc/", room.close_motion, name="close_motion"),
    path("<id:meeting_id>/chia-to/", room.split, name="split"),
    path("<id:meeting_id>/to/<id:group_id>/", room.group, name="group"),
    path("<id:meeting_id>/ho-so/", record.archive, name="archive"),
    path("<id:meeting_id>/ho-so/lap-bien-ban/", record.prepare_minutes, name="prepare_minutes"),
    path("<id:meeting_id>/ho-so/ky-bien-ban/", record.sign_minutes, name="sign_minutes"),
    path("<id:meeting_id>/bien-ban.pdf", record.minutes, name="minutes"),
]
