"""A reorganisation plan as data (issue 38): which units merge, are renamed or close; which agency
succeeds which, whole or by field and procedure; the moment it takes effect.

The plan is JSON (docs/reorganisation.md has its shape); reading it checks its shape only and names
every mistake at once. What the plan means for the database — its gaps, its impact — is
`reorganisation.selectors.impact`.
"""

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from government.models import AgencyKind, UnitLevel
from government.models.agencies import electronic_code_validator
from procedures.catalog_files import read_json

NEW_AGENCY_KEYS = ("unit", "kind", "name", "electronic_code")


class PlanError(ValueError):
    def __init__(self, problems):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True)
class UnitChange:
    code: str  # the unit after the change (new, renamed or kept)
    sources: tuple[str, ...]  # the units it takes over; empty for a unit that only closes
    closes: bool = False  # the unit ends with no unit of its own after it (the district level in 2025)
    data: dict = field(default_factory=dict)  # name, short_name, unit_type, level, parent of a new unit


@dataclass(frozen=True)
class Succession:
    """Who takes over one agency's work: `otherwise` for all of it (staff, desks, registers, any
    dossier not named below), `by_field` and `by_procedure` where the work is divided."""

    agency: str  # electronic code of the agency that closes
    otherwise: str = ""
    by_field: dict = field(default_factory=dict)  # field code → successor's electronic code
    by_procedure: dict = field(default_factory=dict)  # national procedure code → successor's code

    def successor_for(self, procedure_code, field_code):
        return self.by_procedure.get(procedure_code) or self.by_field.get(field_code) or self.otherwise

    @property
    def successors(self):
        return {self.otherwise, *self.by_field.values(), *self.by_procedure.values()} - {""}


@dataclass(frozen=True)
class Plan:
    reference: str  # the decision or resolution it carries out; logged on every dossier it moves
    effective_at: dt.datetime
    units: tuple[UnitChange, ...]
    successions: tuple[Succession, ...]
    new_agencies: tuple[dict, ...]  # agencies the plan creates, in the shape of fixtures/agencies/*.json
    # The catalogue (fixtures/catalog/ shape) whose dated versions apply to receipts from the change on
    catalog: Path | None = None

    def succession_of(self, code):
        return next((s for s in self.successions if s.agency == code), None)


def read_plan(source):
    """A Plan from a path or an already parsed dict; PlanError naming every problem of its shape. A
    catalogue named in the plan is found beside the plan's file (or from the working folder)."""
    folder = Path.cwd()
    if isinstance(source, (str, Path)):
        folder = Path(source).resolve().parent
        try:
            source = json.loads(Path(source).read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as error:
            raise PlanError([_("Không đọc được phương án: %(error)s") % {"error": error}]) from error
    if not isinstance(source, dict):
        raise PlanError([_("Phương án phải là một đối tượng JSON.")])
    problems = []
    reference = str(source.get("reference") or "").strip()
    if not reference:
        problems.append(_("Thiếu căn cứ (reference): số, ký hiệu văn bản quyết định việc sắp xếp."))
    try:
        effective_at = parse_datetime(str(source.get("effective_at") or ""))
    except ValueError:  # well formed but impossible: 2025-02-30
        effective_at = None
    if len(reference) > 200:
        problems.append(_("Căn cứ (reference) dài quá 200 ký tự."))
    if effective_at is None or effective_at.tzinfo is None:
        problems.append(
            _("Thời điểm có hiệu lực (effective_at) phải là ngày giờ có múi giờ, ví dụ 2025-07-01T00:00:00+07:00.")
        )
    units = [_unit(n, item, problems) for n, item in enumerate(_list(source, "units", problems), 1)]
    successions = [_succession(n, item, problems) for n, item in enumerate(_list(source, "agencies", problems), 1)]
    new_agencies = _list(source, "new_agencies", problems)
    for n, item in enumerate(new_agencies, 1):
        if not isinstance(item, dict) or not all(isinstance(item.get(k), str) and item[k] for k in NEW_AGENCY_KEYS):
            problems.append(
                _("Cơ quan mới thứ %(n)s: cần đủ unit, kind, name, electronic_code (chuỗi ký tự).") % {"n": n}
            )
        elif item["kind"] not in AgencyKind.values or not electronic_code_validator.regex.match(
            item["electronic_code"]
        ):
            problems.append(
                _("Cơ quan mới thứ %(n)s: loại cơ quan (kind) hoặc mã định danh (electronic_code) không hợp lệ.")
                % {"n": n}
            )
    catalog = None
    if source.get("catalog"):
        catalog = (folder / str(source["catalog"])).resolve()
        if not catalog.is_file() or catalog.suffix != ".json":
            problems.append(_("Không thấy tệp danh mục thủ tục (catalog): %(path)s.") % {"path": source["catalog"]})
    seen = set()
    for succession in filter(None, successions):
        if succession.agency in seen:
            problems.append(_("Cơ quan %(code)s có hai mục kế thừa.") % {"code": succession.agency})
        seen.add(succession.agency)
    if problems:
        raise PlanError(problems)
    return Plan(reference, effective_at, tuple(units), tuple(successions), tuple(new_agencies), catalog)


def read_catalogue(plan):
    """The plan's catalogue, read (procedures.catalog_files); None when the plan names none."""
    if plan.catalog is None:
        return None
    return read_json(json.loads(plan.catalog.read_text(encoding="utf-8")), base=plan.catalog.parent)


def _list(source, name, problems):
    value = source.get(name, [])
    if not isinstance(value, list):
        problems.append(_("Mục %(name)s phải là một danh sách.") % {"name": name})
        return []
    return value


def _unit(n, item, problems):
    if not isinstance(item, dict) or not str(item.get("code") or "").strip():
        problems.append(_("Đơn vị thứ %(n)s: thiếu mã đơn vị (code).") % {"n": n})
        return None
    sources = item.get("from", [])
    if not isinstance(sources, list) or not all(isinstance(code, str) for code in sources):
        problems.append(_("Đơn vị %(code)s: from phải là danh sách mã đơn vị.") % {"code": item["code"]})
        sources = []
    closes = bool(item.get("close"))
    if closes and sources:
        problems.append(
            _("Đơn vị %(code)s: một đơn vị giải thể (close) không nhận đơn vị nào (from).") % {"code": item["code"]}
        )
    data = {k: str(item[k]) for k in ("name", "short_name", "unit_type", "level", "parent") if k in item}
    if "level" in data and data["level"] not in UnitLevel.values:
        problems.append(_("Đơn vị %(code)s: cấp (level) không hợp lệ.") % {"code": item["code"]})
    return UnitChange(str(item["code"]).strip(), tuple(sources), closes, data)


def _succession(n, item, problems):
    if not isinstance(item, dict) or not str(item.get("from") or "").strip():
        problems.append(_("Mục kế thừa thứ %(n)s: thiếu mã cơ quan cũ (from).") % {"n": n})
        return None
    code = str(item["from"]).strip()
    target = item.get("to")
    if isinstance(target, str):
        return Succession(code, otherwise=target.strip())
    if not isinstance(target, dict) or not any(target.get(k) for k in ("otherwise", "by_field", "by_procedure")):
        problems.append(_("Cơ quan %(code)s: thiếu cơ quan kế thừa (to).") % {"code": code})
        return None
    by_field, by_procedure = target.get("by_field") or {}, target.get("by_procedure") or {}
    if not isinstance(by_field, dict) or not isinstance(by_procedure, dict):
        problems.append(
            _("Cơ quan %(code)s: by_field và by_procedure phải là bảng mã → cơ quan kế thừa.") % {"code": code}
        )
        return None
    return Succession(code, str(target.get("otherwise") or "").strip(), dict(by_field), dict(by_procedure))
