"""Take one inter-level dossier through its whole life by calling the services, printing each step."""

import datetime as dt

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from demo.procedures import demo_agencies
from government.selectors import is_two_level, working_calendar_for
from procedures import services
from procedures.models import Outcome, Procedure
from procedures.sla import explain

LAND_CERTIFICATE = "1.004227"  # commune receives, district decides


class Command(BaseCommand):
    help = "Run a demo dossier (first land-use certificate: commune → district) through every lifecycle step."

    def add_arguments(self, parser):
        parser.add_argument("--start", help="receipt time, ISO format (default: 08:00, 20 working days ago)")

    def handle(self, start=None, **options):
        if is_two_level():
            raise CommandError("Kịch bản này đi qua cấp huyện: chạy trên cây ba cấp (MODEL=legacy).")
        users = {u.username: u for u in get_user_model().objects.filter(username__in=self._usernames())}
        agencies = {prefix: desk for prefix, (desk, _handling) in demo_agencies().items()}
        procedure = Procedure.objects.get(national_code=LAND_CERTIFICATE)
        calendar = working_calendar_for(agencies["xa"])
        at = dt.datetime.fromisoformat(start).replace(tzinfo=calendar.tz) if start else self._start(calendar)

        def later(hours):
            nonlocal at
            at = calendar.add_working_seconds(at, hours * 3600)
            return at

        citizen = users["congdan1"]
        dossier = services.create_draft(
            procedure,
            agencies["xa"],
            citizen,
            at=at,
            applicant_phone=citizen.phone,
            applicant_address="thị trấn Hương Sơn, huyện Phú Bình",
        )
        services.submit(dossier, citizen, at=later(0.5))
        self.stdout.write(f"Mã hồ sơ: {dossier.code}")
        services.receive(dossier, users["xa.motcua"], at=later(1))
        self.stdout.write(explain(calendar, dossier.received_at, procedure.time_limit).as_text())
        services.start_processing(dossier, users["xa.chuyenvien"], at=later(2))
        services.request_supplement(
            dossier, users["xa.chuyenvien"], missing_items=["Sơ đồ thửa đất có xác nhận"], at=later(4)
        )
        services.supply(dossier, citizen, files=[("so-do-thua-dat.pdf", b"%PDF-1.4 demo")], at=later(16))
        services.transfer(dossier, users["xa.chuyenvien"], comment="Đã niêm yết công khai 15 ngày", at=later(30))
        services.accept_transfer(dossier, users["huyen.chuyenvien"], at=later(1))
        services.propose(
            dossier, users["huyen.chuyenvien"], outcome=Outcome.RESULT, note="Đủ điều kiện cấp", at=later(40)
        )
        services.approve(dossier, users["huyen.lanhdao"], at=later(4))
        services.return_result(dossier, users["xa.motcua"], at=later(2))

        self.stdout.write("\nNhật ký xử lý:")
        for event in dossier.events.select_related("actor", "agency"):
            self.stdout.write(
                f"  {timezone.localtime(event.created_at):%d/%m/%Y %H:%M}  {event.action:<20} "
                f"{event.from_state or '—':>20} → {event.to_state:<20} {event.actor.username} ({event.actor_role})"
            )
        self.stdout.write("\nCác bước:")
        for step in dossier.steps.select_related("agency"):
            self.stdout.write(
                f"  {step.index + 1}. {step.agency}: hạn {timezone.localtime(step.due_at):%d/%m/%Y %H:%M}, "
                f"xong {timezone.localtime(step.completed_at):%d/%m/%Y %H:%M} ({step.get_timeliness_display()})"
            )
        self.stdout.write(
            f"\nHạn giải quyết: {timezone.localtime(dossier.due_at):%d/%m/%Y %H:%M}; trả kết quả "
            f"{timezone.localtime(dossier.returned_at):%d/%m/%Y %H:%M}: {dossier.get_timeliness_display()}"
        )

    @staticmethod
    def _start(calendar, working_days=20):
        """Far enough back that the ~13 working days of steps below are all over by now, whatever
        day it is run on (a Sunday, Tết): nothing is stamped in the future."""
        day = timezone.localdate()
        for _ in range(working_days):
            day -= dt.timedelta(days=1)
            while not calendar.is_working_day(day):
                day -= dt.timedelta(days=1)
        return dt.datetime.combine(day, dt.time(8, 0), tzinfo=calendar.tz)

    @staticmethod
    def _usernames():
        return ["congdan1", "xa.motcua", "xa.chuyenvien", "huyen.chuyenvien", "huyen.lanhdao"]
