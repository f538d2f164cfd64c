from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from government import converters  # noqa: F401 - registers <id:…>
from portal.accounts import vneid
from portal.accounts.resets import reset_limited
from portal.accounts.views import SignInView

from .forms import SignInForm
from .views import accounts, dossiers, filing, my_data, store, tracking, verification

app_name = "citizens"

urlpatterns = [
    path("tai-khoan/dang-ky/", accounts.register, name="register"),
    path("tai-khoan/dang-nhap/", SignInView.as_view(authentication_form=SignInForm), name="login"),
    path("tai-khoan/dang-xuat/", vneid.sign_out, name="logout"),
    path(
        "tai-khoan/quen-mat-khau/",
        reset_limited(
            auth_views.PasswordResetView.as_view(
                template_name="citizens/password_reset.html",
                email_template_name="citizens/password_reset_email.txt",
                subject_template_name="citizens/password_reset_subject.txt",
                success_url=reverse_lazy("citizens:password_reset_done"),
            )
        ),
        name="password_reset",
    ),
    path(
        "tai-khoan/quen-mat-khau/da-gui/",
        auth_views.PasswordResetDoneView.as_view(template_name="citizens/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "tai-khoan/dat-lai-mat-khau/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="citizens/password_reset_confirm.html",
            success_url=reverse_lazy("citizens:password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "tai-khoan/dat-lai-mat-khau/xong/",
        auth_views.PasswordResetCompleteView.as_view(template_name="citizens/password_reset_complete.html"),
        name="password_reset_complete",
    ),
    path("tai-khoan/du-lieu-cua-toi/", my_data.my_data, name="my_data"),
    path("tai-khoan/du-lieu-cua-toi.json", my_data.my_data_json, name="my_data_json"),
    path("tai-khoan/du-lieu-cua-toi.pdf", my_data.my_data_pdf, name="my_data_pdf"),
    path("tai-khoan/dong-y/", my_data.change_consents, name="change_consents"),
    path("kho-du-lieu/", store.my_store, name="store"),
    path("kho-du-lieu/<id:pk>/tep/", store.store_file, name="store_file"),
    path("kho-du-lieu/<id:pk>/kiem-tra/", store.store_check, name="store_check"),
    path("kho-du-lieu/<id:pk>/xoa/", store.store_remove, name="store_remove"),
    path("nop-ho-so/<id:procedure_id>/", filing.start, name="start"),
    path("ho-so/", dossiers.my_dossiers, name="my_dossiers"),
    path("ho-so/<id:pk>/", dossiers.detail, name="dossier"),
    path("ho-so/<id:pk>/soan/", filing.draft, name="draft"),
    path("ho-so/<id:pk>/xoa-tep/<id:document_id>/", filing.remove_document, name="remove_document"),
    path("ho-so/<id:pk>/xem-lai/", filing.review, name="review"),
    path("ho-so/<id:pk>/giay-tiep-nhan.pdf", filing.receipt, name="receipt"),
    path("ho-so/<id:pk>/tep/<id:document_id>/", filing.document, name="document"),
    path("ho-so/<id:pk>/bo-sung/", dossiers.supply, name="supply"),
    path("ho-so/<id:pk>/rut/", dossiers.withdraw_dossier, name="withdraw"),
    path("ho-so/<id:pk>/danh-gia/", dossiers.rate, name="rate"),
    path("ho-so/<id:pk>/ket-qua/<id:file_id>/", dossiers.result, name="result"),
    path("ho-so/<id:pk>/thu-xin-loi/<id:event_id>.pdf", dossiers.apology, name="apology"),
    path("ho-so/<id:pk>/thong-bao-dung.pdf", dossiers.stop_notice, name="stop_notice"),
    path("ho-so/<id:pk>/tep-bo-sung/<id:file_id>/", dossiers.supplied_file, name="supplied_file"),
    path("tra-cuu-ho-so/", tracking.track, name="track"),
    path("xac-thuc-van-ban/", verification.verify_upload, name="verify"),
    path("xac-thuc-van-ban/<uuid:token>/", verification.verify_token, name="verify_token"),
]
