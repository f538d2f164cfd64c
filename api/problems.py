"""Errors as RFC 9457 problem details, in the language the client asked for (Accept-Language)."""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_handler

from procedures.exceptions import DomainError, PermissionDenied

MEDIA_TYPE = "application/problem+json"
TYPES = "https://mot-cua.invalid/problems/"  # identifiers, documented in docs/api.md; not fetched


def problem(status_code, kind, title, detail="", **extra):
    body = {"type": TYPES + kind, "title": str(title), "status": status_code}
    if detail:
        body["detail"] = str(detail)
    body.update(extra)
    return Response(body, status=status_code, content_type=MEDIA_TYPE)


def exception_handler(error, context):
    if isinstance(error, PermissionDenied):
        return problem(403, "forbidden", _("Không được phép"), error.message)
    if isinstance(error, DomainError):
        return problem(409, "refused", _("Không thực hiện được"), error.message)
    if isinstance(error, (Http404, exceptions.NotFound)):
        return problem(404, "not-found", _("Không tìm thấy"), _("Không có tài nguyên này, hoặc bạn không được xem."))
    if isinstance(error, DjangoPermissionDenied):
        error = exceptions.PermissionDenied()
    response = drf_handler(error, context)
    if response is None:
        return None
    if isinstance(error, exceptions.ValidationError):
        return problem(
            400,
            "invalid",
            _("Dữ liệu không hợp lệ"),
            _("Kiểm tra các trường được nêu trong “errors”."),
            errors=response.data,
        )
    if isinstance(error, exceptions.Throttled):
        result = problem(
            429,
            "rate-limited",
            _("Quá nhiều yêu cầu"),
            _("Vui lòng thử lại sau %(seconds)s giây.") % {"seconds": error.wait or 60},
        )
        result["Retry-After"] = str(int(error.wait or 60))
        return result
    kinds = {
        status.HTTP_401_UNAUTHORIZED: ("unauthenticated", _("Chưa xác thực")),
        status.HTTP_403_FORBIDDEN: ("forbidden", _("Không được phép")),
        status.HTTP_405_METHOD_NOT_ALLOWED: ("method-not-allowed", _("Phương thức không được hỗ trợ")),
        status.HTTP_406_NOT_ACCEPTABLE: ("not-acceptable", _("Không có định dạng phù hợp")),
        status.HTTP_415_UNSUPPORTED_MEDIA_TYPE: ("unsupported-media-type", _("Định dạng dữ liệu không được hỗ trợ")),
    }
    kind, title = kinds.get(response.status_code, ("error", _("Lỗi")))
    detail = response.data.get("detail", "") if isinstance(response.data, dict) else ""
    result = problem(response.status_code, kind, title, detail)
    for header in ("WWW-Authenticate", "Allow", "Retry-After"):
        if header in response:
            result[header] = response[header]
    return result
