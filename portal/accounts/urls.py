from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("can-bo/xac-thuc/", views.second_factor, name="otp"),
    path("can-bo/xac-thuc/dang-ky/", views.enrol, name="otp_enrol"),
    path("can-bo/dang-xuat/", views.sign_out, name="sign_out"),
]
