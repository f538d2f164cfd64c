"""`manage.py apply_reorganisation PLAN.json --by USERNAME`: apply a plan the dry run accepts, step by
step with a progress line; run it again to finish an interrupted run (a finished plan changes nothing)."""

import sys

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from reorganisation.plans import PlanError, read_plan
from reorganisation.services import PlanHasGaps, apply


class Command(BaseCommand):
    help = _("Áp dụng phương án sắp xếp đơn vị, cơ quan (đã kiểm tra bằng plan_reorganisation).")

    def add_arguments(self, parser):
        parser.add_argument("plan", help=_("tệp JSON của phương án"))
        parser.add_argument("--by", required=True, help=_("tên đăng nhập của quản trị viên áp dụng"))

    def handle(self, *args, **options):
        actor = get_user_model().objects.filter(username=options["by"]).first()
        if actor is None:
            raise CommandError(_("Không có tài khoản %(user)s.") % {"user": options["by"]})
        try:
            record = apply(read_plan(options["plan"]), actor, progress=self._progress)
        except PlanError as error:
            raise CommandError("\n".join(error.problems)) from error
        except PlanHasGaps as error:
            raise CommandError(_("Phương án còn chỗ thiếu, chưa áp dụng:") + "\n" + "\n".join(error.gaps)) from error
        self.stdout.write("")
        self.stdout.write(
            _("Đã áp dụng: %(reference)s (các bước: %(steps)s).")
            % {"reference": record.reference, "steps": ", ".join(record.steps_done)}
        )

    def _progress(self, step, done, total):
        width = 30
        filled = int(width * done / total) if total else width
        sys.stdout.write(f"\r{step:<20} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        sys.stdout.flush()
        if done == total:
            sys.stdout.write("\n")
