from django.urls import path

from government import converters  # noqa: F401 - registers <id:…>

from .views import connections, dashboard, declarations, dossier, intake, queue, register, search, staff

app_name = "backoffice"

urlpatterns = [
    path("", queue.queue, name="queue"),
    path("ho-so/<id:pk>/", dossier.detail, name="dossier"),
    path("ho-so/<id:pk>/thao-tac/<slug:action>/", dossier.act, name="act"),
    path("ho-so/<id:pk>/doi-chieu-dan-cu/", dossier.check_identity, name="check_identity"),
    path("ho-so/<id:pk>/tep/<id:document_id>/", dossier.document, name="document"),
    path("ho-so/<id:pk>/tep/<id:document_id>/luu-kho/", dossier.keep_scan, name="keep_scan"),
    path("ho-so/<id:pk>/tep-nhat-ky/<id:file_id>/", dossier.event_file, name="event_file"),
    path("ho-so/<id:pk>/mau-<str:number>.pdf", dossier.form_pdf, name="form_pdf"),
    path("tiep-nhan/", intake.choose, name="intake_choose"),
    path("tiep-nhan/<id:procedure_id>/", intake.intake, name="intake"),
    path("tiep-nhan/tep-da-quet/<id:pk>/", intake.pending_file, name="pending_file"),
    path("so-theo-doi/", register.register, name="register"),
    path("bao-cao/", dashboard.dashboard, name="dashboard"),
    path("ket-noi/", connections.connections, name="connections"),
    path("bao-cao/ho-so/", dashboard.dossiers, name="dashboard_dossiers"),
    path("tim-kiem/", search.search, name="search"),
    path("to-khai.csv", declarations.export, name="declarations_export"),
    path("can-bo-co-quan/", staff.staff, name="staff"),
]
