from django.core.management.base import BaseCommand

from portal.home.services import ensure_site
from procedures.services.demo import DEMO_PASSWORD, seed_demo_accounts


class Command(BaseCommand):
    help = "Create the portal pages and the demo accounts, and print the logins (safe to run again)."

    def handle(self, **options):
        ensure_site()
        logins = seed_demo_accounts()
        self.stdout.write(self.style.SUCCESS(f"\nTài khoản minh họa (mật khẩu chung: {DEMO_PASSWORD})"))
        for login in logins:
            extra = f"  số định danh {login.personal_id}" if login.personal_id else ""
            self.stdout.write(f"  {login.username:<18} {login.role:<28} {login.agency}{extra}")
        self.stdout.write(
            "\nCổng dịch vụ công: http://127.0.0.1:8000/   Quản trị Django: /django-admin/   Quản trị nội dung: /cms/\n"
        )
