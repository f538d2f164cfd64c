import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from government.models import Role
from government.selectors import role_of
from procedures import policy

# Everything staff do happens under these paths; each needs a verified second factor.
PROTECTED = ("/can-bo/", "/cms/", "/django-admin/")


def is_staff_account(user):
    return user.is_authenticated and (user.is_staff or role_of(user) != policy.CITIZEN)


class StaffSecondFactorMiddleware:
    """No staff page without a verified TOTP or backup code: unverified staff go to the second step."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if request.path.startswith(PROTECTED) and is_staff_account(user) and not user.is_verified():
            second_step = reverse("accounts:otp")
            if not request.path.startswith(("/can-bo/xac-thuc/", "/can-bo/dang-xuat/")):
                return redirect(f"{second_step}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)


class StaffSessionMiddleware:
    """Staff sessions are short: they end after STAFF_SESSION_IDLE_MINUTES without a request, and
    STAFF_SESSION_MAX_HOURS after sign-in whatever happens (a desk computer left signed in)."""

    SEEN, SINCE = "staff_seen", "staff_since"
    REFRESH = 60  # seconds: the session is written at most once a minute, not on every request

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Delegates are elected members following a session for hours, not officers at a desk.
        if is_staff_account(request.user) and role_of(request.user) != Role.DELEGATE:
            expired = self._expired(request)
            if expired:
                logout(request)
                messages.info(request, expired)
                return redirect(f"{reverse(settings.LOGIN_URL)}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)

    def _expired(self, request):
        session, now = request.session, int(time.time())
        idle, longest = settings.STAFF_SESSION_IDLE_MINUTES * 60, settings.STAFF_SESSION_MAX_HOURS * 3600
        seen, since = session.get(self.SEEN), session.setdefault(self.SINCE, now)
        if seen is not None and now - seen > idle:
            return _("Phiên làm việc đã kết thúc sau %(minutes)s phút không thao tác. Vui lòng đăng nhập lại.") % {
                "minutes": settings.STAFF_SESSION_IDLE_MINUTES
            }
        if now - since > longest:
            return _("Phiên làm việc đã quá %(hours)s giờ. Vui lòng đăng nhập lại.") % {
                "hours": settings.STAFF_SESSION_MAX_HOURS
            }
        if seen is None or now - seen >= self.REFRESH:
            session[self.SEEN] = now
            session.set_expiry(idle)  # the cookie and the stored session go too, even if no request comes
        return None
