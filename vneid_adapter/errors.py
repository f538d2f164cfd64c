from django.utils.translation import gettext_lazy as _


class SignInFailed(Exception):
    """A sign-in or token that the portal refuses. `message` is for the citizen; `reason` is for the
    log only (it may say which check failed, which the citizen has no use for)."""

    message = _(
        "Không xác minh được thông tin đăng nhập từ VNeID. Vui lòng đăng nhập lại; nếu lỗi lặp lại, "
        "hãy liên hệ bộ phận hỗ trợ của Cổng dịch vụ công."
    )

    def __init__(self, reason, message=None):
        super().__init__(reason)
        self.reason = reason
        if message is not None:
            self.message = message


class ProviderUnavailable(SignInFailed):
    message = _("Không kết nối được với hệ thống định danh điện tử VNeID. Vui lòng thử lại sau ít phút.")


class StateInvalid(SignInFailed):
    message = _(
        "Phiên đăng nhập bằng VNeID đã hết hạn hoặc đã được dùng. Vui lòng bấm “Đăng nhập bằng VNeID” để đăng nhập lại."
    )


class Cancelled(SignInFailed):
    message = _("Bạn đã hủy đăng nhập bằng VNeID.")


class ClaimMissing(SignInFailed):
    message = _(
        "VNeID không gửi đủ thông tin định danh (số định danh cá nhân, họ tên, ngày sinh), nên chưa thể "
        "đăng nhập. Vui lòng thử lại sau."
    )
