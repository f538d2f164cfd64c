"""Where a dossier goes: who may receive a procedure, and which agency carries out each route step.

Under the three-level model a desk of the agency that carries out the route's first step receives
(commune receives, its own district decides). Since Decree 118/2025 a Public Administration Service
Center receives for the agencies of its unit, and any center of the province receives a non-boundary
procedure, whose route is then resolved from the case's commune, never from the center's address.
"""

from django.utils.translation import gettext as _

from government.models import Agency, UnitLevel
from procedures.exceptions import RouteError


def resolve_step_agency(route_step, unit):
    """The agency that carries out `route_step` for a case at `unit`: the agency of the step's kind and
    sector at the unit of the step's level above (or at) `unit`."""
    level_unit = unit.ancestor_at(route_step.level)
    if level_unit is None:
        raise RouteError(
            _("%(unit)s không trực thuộc đơn vị %(level)s nào để thực hiện bước “%(task)s”.")
            % {"unit": unit, "level": route_step.get_level_display().lower(), "task": route_step.task}
        )
    try:
        return Agency.objects.select_related("unit").get(  # the one in force: a closed one stays for history
            unit=level_unit, kind=route_step.agency_kind, sector=route_step.sector, valid_until__isnull=True
        )
    except Agency.DoesNotExist:
        raise RouteError(
            _("Chưa có cơ quan thực hiện bước “%(task)s” tại %(unit)s.") % {"task": route_step.task, "unit": level_unit}
        ) from None


def case_anchor(procedure, receiving_agency, case_unit):
    """The unit the route is resolved from: the case's commune for a non-boundary procedure received
    at a center, else the receiving agency's own unit."""
    if procedure.is_non_boundary and receiving_agency.is_service_center:
        if case_unit is None:
            raise RouteError(
                _("Hãy chọn xã, phường %(basis)s để xác định cơ quan có thẩm quyền giải quyết.")
                % {"basis": procedure.get_case_basis_display().lower()}
            )
        return case_unit
    return receiving_agency.unit


def resolve_route(procedure, receiving_agency, case_unit=None, route=None):
    """The agency of every route step, in order."""
    anchor = case_anchor(procedure, receiving_agency, case_unit)
    return [resolve_step_agency(step, anchor) for step in (route if route is not None else procedure.route_steps.all())]


def receives(procedure, agency):
    """Whether `agency` may receive `procedure` (a route without steps is received nowhere)."""
    first = procedure.route_steps.first()
    if first is None:
        return False
    if agency.is_service_center:
        return procedure.is_non_boundary or agency.unit.level == first.level
    return agency.unit.level == first.level and agency.kind == first.agency_kind and agency.sector == first.sector


def check_receiving_agency(procedure, agency):
    if procedure.route_steps.first() is None:
        raise RouteError(_("Thủ tục “%(name)s” chưa có quy trình xử lý.") % {"name": procedure.name})
    if not receives(procedure, agency):
        first = procedure.route_steps.first()
        raise RouteError(
            _("%(agency)s không tiếp nhận thủ tục “%(name)s”; thủ tục này được tiếp nhận tại %(level)s.")
            % {"agency": agency, "name": procedure.name, "level": first.get_level_display().lower()}
        )


def check_case_unit(procedure, receiving_agency, case_unit):
    """A non-boundary dossier's case commune must be a commune of the receiving center's province."""
    if case_unit is None:
        return
    if case_unit.level != UnitLevel.COMMUNE:
        raise RouteError(_("Địa bàn của hồ sơ phải là một xã, phường, thị trấn."))
    if case_unit.ancestor_at(UnitLevel.PROVINCE) != receiving_agency.unit.ancestor_at(UnitLevel.PROVINCE):
        raise RouteError(_("%(unit)s không thuộc tỉnh của nơi tiếp nhận.") % {"unit": case_unit})
