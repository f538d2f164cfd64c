from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django_otp.admin import OTPAdminSite
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.views import account
from wagtail.documents import urls as wagtaildocs_urls

from .accounts.resets import reset_limited
from .admin_i18n import admin_js_catalog
from .views import choose_language, favicon, health, metrics, ready

# The Django admin asks for a verified second factor too (StaffSecondFactorMiddleware sends staff to it).
admin.site.__class__ = OTPAdminSite
admin.site.site_header = _("Quản trị hệ thống một cửa")
admin.site.site_title = _("Quản trị hệ thống một cửa")

urlpatterns = [
    path("django-admin/", admin.site.urls),
    # Before Wagtail's own: the same address, with the project's Vietnamese added (portal/admin_i18n.py).
    path("cms/jsi18n/", admin_js_catalog),
    # Before Wagtail's own too: the same view, with the reset limit of every password reset door.
    path("cms/password_reset/", reset_limited(account.PasswordResetView.as_view()), name="wagtailadmin_password_reset"),
    path("cms/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("favicon.ico", favicon, name="favicon"),
    path("healthz", health, name="health"),
    path("readyz", ready, name="ready"),
    path("metrics", metrics, name="metrics"),
    path("api/", include("api.urls")),
    path("ngon-ngu/<str:code>/", choose_language, name="choose_language"),
    path("", include("portal.accounts.urls")),
    path("can-bo/", include("portal.backoffice.urls")),
    path("can-bo/van-ban/", include("portal.documents.urls")),
    path("hop/", include("portal.meetings.urls")),
    path("", include("portal.citizens.urls")),
    path("", include("portal.payments.urls")),
]
if settings.DEBUG:
    # Wagtail's public images and documents only; dossier files are in PRIVATE_MEDIA_ROOT.
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
urlpatterns.append(path("", include(wagtail_urls)))
