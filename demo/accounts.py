"""Demo accounts shared by every system's demo data (procedures, documents, meetings): one password,
and the line each login prints. Never used outside `make run` and the tests."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model

from accounts import enrolment, otp
from government.models import StaffRole

DEMO_PASSWORD = "MotCua@2026"


@dataclass
class DemoLogin:
    username: str
    role: str
    agency: str
    personal_id: str = ""


def demo_user(username, first_name, last_name, **extra):
    User = get_user_model()
    user, _ = User.objects.update_or_create(
        username=username, defaults={"first_name": first_name, "last_name": last_name, **extra}
    )
    user.set_password(DEMO_PASSWORD)
    user.save()
    return user


def give_role(user, role, agency=None):
    StaffRole.objects.update_or_create(user=user, defaults={"role": role, "agency": agency})


def login_lines(logins):
    """One line a demo login; staff without an authenticator yet get a fresh enrolment code."""
    users = {
        user.username: user
        for user in get_user_model()
        .objects.filter(username__in=[login.username for login in logins])
        .select_related("staff_role")
    }
    for login in logins:
        user = users[login.username]
        if login.personal_id:
            extra = f"  số định danh {login.personal_id}"
        elif user.is_staff and otp.confirmed_totp(user) is None:
            extra = f"  mã đăng ký xác thực hai lớp {enrolment.issue(user)}"
        else:
            extra = ""
        yield f"  {login.username:<18} {login.role:<28} {login.agency}{extra}"
