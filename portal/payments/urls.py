from django.urls import path

from government import converters  # noqa: F401 - registers <id:…>

from . import views

app_name = "payments"

urlpatterns = [
    path("ho-so/<id:pk>/thanh-toan/", views.pay, name="pay"),
    path("ho-so/<id:pk>/thanh-toan/ket-qua/", views.back, name="back"),
    path("thanh-toan/thong-bao/", views.callback, name="callback"),
]
