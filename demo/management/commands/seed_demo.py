from django.conf import settings
from django.core.management.base import BaseCommand

from demo.accounts import DEMO_PASSWORD, login_lines
from demo.procedures import seed_demo_accounts
from demo.waiting_work import seed_waiting_work
from portal.home.services import ensure_site


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
