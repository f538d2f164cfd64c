from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from accounts import enrolment, otp
from government.demo import DEMO_PASSWORD
from portal.home.services import ensure_site
from procedures.services.demo import seed_demo_accounts
from procedures.services.demo_work import seed_waiting_work


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


class Command(BaseCommand):
    help = (
        "Create the portal pages and the demo accounts, and print the logins with, for staff who have not "
        "registered an authenticator app yet, a fresh enrolment code (safe to run again)."
    )

    def handle(self, **options):
        ensure_site()
        logins = seed_demo_accounts()
        seed_waiting_work()
        self.stdout.write(self.style.SUCCESS(f"\nTài khoản minh họa (mật khẩu chung: {DEMO_PASSWORD})"))
        for line in login_lines(logins):
            self.stdout.write(line)
        self.stdout.write(
            f"\nCổng dịch vụ công: {settings.WAGTAILADMIN_BASE_URL}/   Quản trị Django: /django-admin/   "
            "Quản trị nội dung: /cms/\n"
            "Cán bộ: lần đầu đăng nhập, nhập mã đăng ký in ở trên rồi quét mã QR bằng ứng dụng xác thực.\n"
        )
