"""The four ways a registry call can fail; callers handle these and nothing else.

Each error carries a translated `message` for the person at the screen. Only `RegistryUnavailable`
and `InvalidResponse` count as the registry's own failures (retries, circuit breaker); an invalid
ID or an unknown citizen is an answer, not an outage.
"""

from django.utils.translation import gettext_lazy as _


class RegistryError(Exception):
    code = "registry_error"
    default_message = _("Không tra cứu được CSDL quốc gia về dân cư.")

    def __init__(self, message=None, *, reason=""):
        self.message = message or self.default_message
        self.reason = reason
        super().__init__(str(self.message))


class InvalidPersonalId(RegistryError, ValueError):
    code = "invalid_id"
    default_message = _("Số định danh cá nhân không hợp lệ.")


class CitizenNotFound(RegistryError):
    code = "not_found"
    default_message = _("Không tìm thấy công dân có số định danh này trong CSDL quốc gia về dân cư.")


class RegistryUnavailable(RegistryError):
    code = "unavailable"
    default_message = _(
        "CSDL quốc gia về dân cư tạm thời không phản hồi. Hồ sơ vẫn được tiếp nhận và sẽ được xác thực danh tính sau."
    )


class InvalidResponse(RegistryError):
    code = "invalid_response"
    default_message = _(
        "CSDL quốc gia về dân cư trả về dữ liệu không hợp lệ. Hồ sơ vẫn được tiếp nhận và sẽ được xác thực danh tính sau."
    )
