from django.urls import path

from . import views

app_name = "payments"

urlpatterns = [
    path("ho-so/<int:pk>/thanh-toan/", views.pay, name="pay"),
    path("ho-so/<int:pk>/thanh-toan/ket-qua/", views.back, name="back"),
    path("thanh-toan/thong-bao/", views.callback, name="callback"),
]
