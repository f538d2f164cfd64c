from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from accounts import enrolment, otp


class Command(BaseCommand):
    help = (
        "Issue a one-time code with which a member of staff registers their authenticator app "
        "(the first administrator's too). Prints 'username code' per line."
    )

    def add_arguments(self, parser):
        parser.add_argument("usernames", nargs="+")

    def handle(self, usernames, **options):
        User = get_user_model()
        for username in usernames:
            user = User.objects.filter(username=username, is_staff=True, is_active=True).first()
            if user is None:
                raise CommandError(f"Không có cán bộ đang hoạt động với tên đăng nhập {username!r}.")
            if otp.confirmed_totp(user) is not None:
                self.stderr.write(f"{username}: đã đăng ký ứng dụng xác thực; mã mới chỉ dùng khi thiết bị bị gỡ.")
            self.stdout.write(f"{username} {enrolment.issue(user)}")
