from django.urls import path

from . import views, vneid

app_name = "accounts"

urlpatterns = [
    path("can-bo/xac-thuc/", views.second_factor, name="otp"),
    path("can-bo/xac-thuc/dang-ky/", views.enrol, name="otp_enrol"),
    path("can-bo/dang-xuat/", views.sign_out, name="sign_out"),
    path("tai-khoan/vneid/", vneid.start, name="vneid"),
    path("tai-khoan/vneid/ve/", vneid.callback, name="vneid_callback"),
    path("tai-khoan/vneid/da-dang-xuat/", vneid.signed_out, name="vneid_signed_out"),
]
