from django.urls import include, path, re_path
from django.utils.translation import gettext as _
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.permissions import AllowAny
from rest_framework.views import APIView

from .problems import problem


class NoSuchAddress(APIView):
    """Any other address under /api/: a problem document, not the site's HTML 404 page."""

    authentication_classes = []
    permission_classes = [AllowAny]

    def dispatch(self, request, *args, **kwargs):
        self.args, self.kwargs, self.request = args, kwargs, self.initialize_request(request, *args, **kwargs)
        self.headers = self.default_response_headers
        response = problem(404, "not-found", _("Không tìm thấy"), _("Không có địa chỉ này trong API."))
        return self.finalize_response(self.request, response, *args, **kwargs)


urlpatterns = [
    path("v1/", include("api.v1.urls")),
    path("schema/", SpectacularAPIView.as_view(), name="api_schema"),
    # The split view serves its start-up script as a file: the Content-Security-Policy allows no inline script.
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api_schema"), name="api_docs"),
    re_path(r"^[\s\S]*$", NoSuchAddress.as_view()),  # any character, newlines included
]
