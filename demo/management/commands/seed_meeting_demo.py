from django.core.management.base import BaseCommand

from demo.accounts import login_lines
from demo.meetings import seed


class Command(BaseCommand):
    help = "Create the demo council session and its delegates (the meeting once; the accounts every time)."

    def handle(self, **options):
        logins, meeting, created = seed()
        self.stdout.write(
            self.style.SUCCESS("\nHọp không giấy (/hop/) — cùng mật khẩu; đại biểu không cần xác thực hai lớp")
        )
        for line in login_lines(logins):
            self.stdout.write(line)
        self.stdout.write(
            f"{'Đã tạo' if created else 'Đã có'} kỳ họp mẫu: {meeting.title} (/hop/{meeting.pk}/); "
            f"đường dẫn của mã QR trên giấy mời: /hop/qr/{meeting.qr_key}/"
        )
