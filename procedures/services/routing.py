from django.utils.translation import gettext as _

from procedures.exceptions import RouteError
from procedures.models import Agency


def resolve_step_agency(route_step, receiving_agency):
    """The agency that carries out `route_step` for a dossier received by `receiving_agency`.

    It is the agency of the step's kind and sector at the unit of the step's level above (or at)
    the receiving unit: commune receives, its own district decides.
    """
    unit = receiving_agency.unit.ancestor_at(route_step.level)
    if unit is None:
        raise RouteError(
            _("%(unit)s không trực thuộc đơn vị %(level)s nào để thực hiện bước “%(task)s”.")
            % {"unit": receiving_agency.unit, "level": route_step.get_level_display().lower(), "task": route_step.task}
        )
    try:
        return Agency.objects.select_related("unit").get(unit=unit, kind=route_step.agency_kind, sector=route_step.sector)
    except Agency.DoesNotExist:
        raise RouteError(
            _("Chưa có cơ quan thực hiện bước “%(task)s” tại %(unit)s.") % {"task": route_step.task, "unit": unit}
        ) from None


def check_receiving_agency(procedure, agency):
    """The receiving agency must be the one that carries out the route's first step."""
    first = procedure.route_steps.first()
    if first is None:
        raise RouteError(_("Thủ tục “%(name)s” chưa có quy trình xử lý.") % {"name": procedure.name})
    if agency.unit.level != first.level or agency.kind != first.agency_kind or agency.sector != first.sector:
        raise RouteError(
            _("%(agency)s không tiếp nhận thủ tục “%(name)s”; thủ tục này được tiếp nhận tại %(level)s.")
            % {"agency": agency, "name": procedure.name, "level": first.get_level_display().lower()}
        )
