"""Dry run of a reorganisation plan: `manage.py plan_reorganisation PLAN.json` prints, per agency that
ends, its open dossiers and where each goes, its staff, desks and registers, then every gap. It writes
nothing; its exit status is 1 while the plan has a gap (so that a script can stop there)."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from reorganisation.plans import PlanError, read_plan
from reorganisation.selectors import impact


class Command(BaseCommand):
    help = _("Kiểm tra phương án sắp xếp đơn vị, cơ quan: tác động lên hồ sơ đang giải quyết và các chỗ còn thiếu.")

    def add_arguments(self, parser):
        parser.add_argument("plan", help=_("tệp JSON của phương án"))

    def handle(self, *args, **options):
        try:
            plan = read_plan(options["plan"])
        except PlanError as error:
            raise CommandError("\n".join(error.problems)) from error
        found = impact(plan)
        out = self.stdout
        out.write(
            _("Phương án: %(reference)s, có hiệu lực từ %(at)s")
            % {"reference": plan.reference, "at": plan.effective_at.isoformat()}
        )
        for row in found.agencies:
            out.write("")
            out.write(
                _("%(agency)s → %(successors)s: %(dossiers)s hồ sơ, %(staff)s cán bộ, %(desks)s quầy, %(registers)s sổ")
                % {
                    "agency": row.agency.name,
                    "successors": ", ".join(a.name for a in row.successors) or "—",
                    "dossiers": len(row.moves),
                    "staff": len(row.staff),
                    "desks": len(row.desks),
                    "registers": len(row.registers),
                }
            )
            for move in row.moves:
                dossier = move.dossier
                out.write(
                    "  %s  %s  %s  %s  → %s%s"
                    % (
                        dossier.code or _("nháp #%(pk)s") % {"pk": dossier.pk},
                        _("đang giữ") if move.holds else _("nơi tiếp nhận"),
                        dossier.get_state_display(),
                        _("bước %(n)s/%(of)s") % {"n": dossier.current_step_index + 1, "of": dossier.step_count or 1},
                        move.successor.name if move.successor else "?",
                        f"  ({_('còn %(time)s làm việc') % {'time': move.time_left}})" if move.time_left else "",
                    )
                )
        if found.catalog is not None:
            out.write("")
            out.write(
                _(
                    "Danh mục thủ tục %(file)s: %(new)s thủ tục mới, %(versions)s phiên bản mới, "
                    "%(changed)s phiên bản sửa đổi (mỗi phiên bản áp dụng cho hồ sơ tiếp nhận từ ngày hiệu lực của nó)."
                )
                % {
                    "file": plan.catalog.name,
                    "new": len(found.catalog.new_procedures),
                    "versions": len(found.catalog.new_versions),
                    "changed": len(found.catalog.changed_versions),
                }
            )
        out.write("")
        if found.gaps:
            out.write(_("Phương án còn %(n)s chỗ thiếu, chưa áp dụng được:") % {"n": len(found.gaps)})
            for gap in found.gaps:
                out.write(f"  - {gap}")
            raise SystemExit(1)
        out.write(
            _("Không có chỗ thiếu: %(dossiers)s hồ sơ của %(agencies)s cơ quan sẽ được chuyển.")
            % {"dossiers": found.dossiers, "agencies": len(found.agencies)}
        )
