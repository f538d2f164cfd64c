"""Reading a national-catalogue export (JSON or Excel) into procedures and their versions.

Each version is checked on its own; a bad one is refused with its place in the file and the reason,
and the others still go through. The accepted columns are in docs/catalogue-import.md.
"""

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from eforms.schema import check_definition
from government.models import AgencyKind, UnitLevel
from procedures.models import CaseBasis, CopyKind, OnlineServiceLevel, ResultKind, TimeLimitKind
from procedures.models.catalog import check_time_limit, validate_route
from procedures.result_books import BOOKS, infer

PROCEDURE_COLUMNS = (
    "national_code",
    "name",
    "field_code",
    "field_name",
    "effective_from",
    "decision_number",
    "decision_date",
    "decision_signer",
    "time_limit_kind",
    "processing_days",
    "processing_hours",
    "fee_vnd",
    "fee_note",
    "result",
    "result_kind",
    "result_type",
    "result_book",
    "legal_basis",
    "online_level",
    "cutoff",
    "non_boundary",
    "case_basis",
    "assurance_level",
    "description",
)
DOCUMENT_COLUMNS = ("national_code", "effective_from", "order", "name", "template", "copy", "quantity", "mandatory")
ROUTE_COLUMNS = ("national_code", "effective_from", "order", "level", "agency", "task", "days")


@dataclass
class Refusal:
    where: str  # "procedures[3].versions[0]", "procedures!A7"
    code: str
    reason: str

    def __str__(self):
        return f"{self.where} {self.code}: {self.reason}"


@dataclass
class Catalogue:
    base: object = None  # the catalogue file's folder: where "eform" paths start
    fields: dict = field(default_factory=dict)  # code → name
    # code → {"name", "validity_months"}: kinds of paper (issue 39) the documents and results name
    document_kinds: dict = field(default_factory=dict)
    # national_code → {"name", "field", "result_document_kind", "versions": {day: dict}}
    procedures: dict = field(default_factory=dict)
    refused: list = field(default_factory=list)

    @property
    def version_count(self):
        return sum(len(p["versions"]) for p in self.procedures.values())


def read(path):
    path = Path(path)
    if path.suffix.lower() == ".json":
        return read_json(json.loads(path.read_text(encoding="utf-8")), base=path.parent)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return read_excel(path)
    raise ValidationError(_("Chỉ nhập được tệp .json hoặc .xlsx, không phải “%(name)s”.") % {"name": path.name})


def read_json(data, base=None):
    """{"fields": [{code, name}], "procedures": [{national_code, name, field, versions: [...]}]}; a
    procedure without "versions" is itself its one version."""
    catalogue = Catalogue(base=base, fields={f["code"]: f["name"] for f in data.get("fields", [])})
    for i, item in enumerate(data.get("document_kinds", [])):
        try:
            code, kind = document_kind_from(item)
        except ValidationError as error:
            catalogue.refused.append(
                Refusal(f"document_kinds[{i}]", str(item.get("code") or "—"), "; ".join(error.messages))
            )
        else:
            catalogue.document_kinds[code] = kind
    for i, item in enumerate(data.get("procedures", [])):
        code = str(item.get("national_code", "")).strip()
        versions = item.get("versions") or [item]
        for j, raw in enumerate(versions):
            where = f"procedures[{i}]" + (f".versions[{j}]" if "versions" in item else "")
            _accept(catalogue, where, code, item.get("name"), item.get("field"), raw)
        if code in catalogue.procedures:
            catalogue.procedures[code]["result_document_kind"] = str(item.get("result_document_kind") or "").strip()
    return catalogue


def document_kind_from(item):
    """(code, {"name", "validity_months"}) of a kind of paper; ValidationError says what is wrong."""
    code = str(item.get("code") or "").strip()
    if not re.fullmatch(r"[a-z0-9-]{1,60}", code):
        raise ValidationError(_("mã loại giấy tờ chỉ gồm chữ thường không dấu, số và dấu gạch ngang"))
    months = item.get("validity_months")
    return code, {
        "name": _text(item.get("name"), _("tên loại giấy tờ")),
        "validity_months": _integer(months, _("thời hạn sử dụng (tháng)")) if months not in (None, "") else None,
    }


def read_excel(path):
    """Sheets "procedures" (one row per version), "documents" and "route" (one row per item, keyed by
    national_code and effective_from); the first row of each names its columns."""

    book = load_workbook(path, read_only=True, data_only=True)
    missing = [name for name in ("procedures", "documents", "route") if name not in book.sheetnames]
    if missing:
        raise ValidationError(_("Tệp Excel thiếu trang tính: %(names)s.") % {"names": ", ".join(missing)})
    documents, route = _children(book["documents"]), _children(book["route"])
    catalogue = Catalogue(base=Path(path).parent)
    for number, row in _rows(book["procedures"]):
        code = str(row.get("national_code") or "").strip()
        if row.get("field_code") and row.get("field_name"):
            catalogue.fields[str(row["field_code"]).strip()] = str(row["field_name"]).strip()
        key = (code, _day_text(row.get("effective_from")))
        raw = {
            "effective_from": row.get("effective_from"),
            "decision": {
                "number": row.get("decision_number"),
                "date": row.get("decision_date"),
                "signer": row.get("decision_signer"),
            },
            "time_limit_kind": row.get("time_limit_kind"),
            "processing_days": row.get("processing_days"),
            "processing_hours": row.get("processing_hours"),
            "fee_vnd": row.get("fee_vnd") or 0,
            "fee_note": row.get("fee_note") or "",
            "result": row.get("result"),
            "legal_basis": row.get("legal_basis"),
            "result_kind": row.get("result_kind"),
            "result_type": row.get("result_type"),
            "result_book": row.get("result_book"),
            "online_level": row.get("online_level"),
            "cutoff": row.get("cutoff"),
            "non_boundary": row.get("non_boundary"),
            "case_basis": row.get("case_basis"),
            "assurance_level": row.get("assurance_level"),
            "description": row.get("description") or "",
            "documents": [d for _order, d in sorted(documents.get(key, []), key=lambda pair: pair[0])],
            "route": [s for _order, s in sorted(route.get(key, []), key=lambda pair: pair[0])],
        }
        _accept(catalogue, f"procedures!A{number}", code, row.get("name"), row.get("field_code"), raw)
    return catalogue


def _rows(sheet):
    rows = sheet.iter_rows(values_only=True)
    header = [str(h).strip() if h is not None else "" for h in next(rows, ())]
    for number, values in enumerate(rows, start=2):
        if values and any(v not in (None, "") for v in values):
            yield number, dict(zip(header, values))


def _children(sheet):
    """(national_code, effective_from) → [(order, row)], for the documents and route sheets."""
    grouped = {}
    for number, row in _rows(sheet):
        key = (str(row.get("national_code") or "").strip(), _day_text(row.get("effective_from")))
        item = {k: v for k, v in row.items() if k not in ("national_code", "effective_from", "order")}
        grouped.setdefault(key, []).append((row.get("order") or number, item))
    return grouped


def _day_text(value):
    return value.date().isoformat() if isinstance(value, dt.datetime) else str(value or "").strip()


def _accept(catalogue, where, code, name, field_code, raw):
    try:
        if not code:
            raise ValidationError(_("thiếu mã thủ tục (national_code)"))
        if not (name or "").strip():
            raise ValidationError(_("thiếu tên thủ tục"))
        field_code = str(field_code or "").strip()
        if not field_code:
            raise ValidationError(_("thiếu mã lĩnh vực"))
        version = version_from(raw, catalogue.base, procedure_name=name)
    except ValidationError as error:
        catalogue.refused.append(Refusal(where, code or "—", "; ".join(error.messages)))
        return
    entry = catalogue.procedures.setdefault(code, {"name": name.strip(), "field": field_code, "versions": {}})
    if version["effective_from"] in entry["versions"]:
        catalogue.refused.append(
            Refusal(
                where,
                code,
                _("trùng ngày có hiệu lực %(day)s với một phiên bản khác")
                % {"day": version["effective_from"].strftime("%d/%m/%Y")},
            )
        )
        return
    entry["versions"][version["effective_from"]] = version


def version_from(raw, base=None, procedure_name=""):
    """A version's model fields from one catalogue entry; ValidationError says what is wrong. What the
    result is (procedures/result_books.py) comes from the entry, or from the procedure's name."""

    if "\\u0000" in json.dumps(raw, default=str):
        raise ValidationError(_("chứa ký tự rỗng (NUL)"))
    decision = raw.get("decision") or {}
    version = {
        "effective_from": _date(raw.get("effective_from"), _("ngày có hiệu lực"), required=True),
        "decision_number": str(decision.get("number") or "").strip(),
        "decision_date": _date(decision.get("date"), _("ngày ký quyết định")),
        "decision_signer": str(decision.get("signer") or "").strip(),
        "time_limit_kind": _choice(
            raw.get("time_limit_kind") or TimeLimitKind.WORKING_DAYS, TimeLimitKind, _("cách tính thời hạn")
        ),
        "processing_days": _decimal(raw.get("processing_days"), _("thời hạn giải quyết")),
        "processing_hours": (
            _decimal(raw["processing_hours"], _("số giờ làm việc"))
            if raw.get("processing_hours") not in (None, "")
            else None
        ),
        "fee_vnd": _integer(raw.get("fee_vnd", 0), _("phí, lệ phí")),
        "fee_note": str(raw.get("fee_note") or ""),
        "result_document": _text(raw.get("result"), _("kết quả thực hiện")),
        **_result_kind(raw, procedure_name),
        "legal_basis": _text(raw.get("legal_basis"), _("căn cứ pháp lý")),
        "online_level": _choice(raw.get("online_level"), OnlineServiceLevel, _("mức độ dịch vụ công trực tuyến")),
        "description": str(raw.get("description") or ""),
        "cutoff_time": _time(raw.get("cutoff")),
        "is_non_boundary": _boolean(raw.get("non_boundary")),
        "case_basis": _choice(raw.get("case_basis") or CaseBasis.RESIDENCE, CaseBasis, _("căn cứ xác định thẩm quyền")),
        # DOMAIN.md §0: filing online asks for a level-2 electronic identification unless the decision says less.
        "assurance_level": _assurance(raw.get("assurance_level")),
        "documents": [document_from(d, base) for d in raw.get("documents") or []],
        "route": [step_from(s) for s in raw.get("route") or []],
    }
    if not version["decision_number"]:
        raise ValidationError(_("thiếu số quyết định công bố"))
    try:
        check_time_limit(version["time_limit_kind"], version["processing_hours"], version["cutoff_time"])
    except ValidationError as error:
        raise ValidationError(error.messages) from None
    if not version["documents"]:
        raise ValidationError(_("chưa có thành phần hồ sơ"))
    validate_route(version["processing_days"], [step["days"] for step in version["route"]])
    return version


def _result_kind(raw, procedure_name):
    if not raw.get("result_kind"):
        kind, result_type, book = infer(procedure_name)
        return {"result_kind": kind, "result_type": result_type, "result_book": book}
    kind = _choice(raw["result_kind"], ResultKind, _("loại kết quả"))
    result_type = str(raw.get("result_type") or "").strip() if kind == ResultKind.DOCUMENT else ""
    book = str(raw.get("result_book") or "").strip() if kind == ResultKind.BOOK else ""
    if kind == ResultKind.BOOK and book not in BOOKS:
        raise ValidationError(_("sổ của kết quả “%(book)s” không có trong danh sách sổ") % {"book": book})
    return {"result_kind": kind, "result_type": result_type, "result_book": book}


def _assurance(value):
    if value in (None, ""):
        return 2
    level = _integer(value, _("mức độ tài khoản định danh điện tử"))
    if level not in (1, 2):
        raise ValidationError(_("mức độ tài khoản định danh điện tử phải là 1 hoặc 2"))
    return level


def document_from(item, base=None):
    """A document entry; its "eform" is a definition, or a path to one relative to `base` (the folder
    of the catalogue file)."""
    document = {
        "name": _text(item.get("name"), _("tên giấy tờ")),
        "template": str(item.get("template") or ""),
        "copy": _choice(item.get("copy") or CopyKind.ORIGINAL, CopyKind, _("loại bản")),
        "quantity": _integer(item.get("quantity") or 1, _("số lượng")),
        "mandatory": _boolean(item.get("mandatory", True)),
    }
    # Written only when present, so that versions stored before kinds existed compare unchanged.
    kinds = item.get("kinds") or []
    if not isinstance(kinds, list) or not all(isinstance(k, str) and k.strip() for k in kinds):
        raise ValidationError(_("“kinds” phải là danh sách mã loại giấy tờ"))
    if kinds:
        document["kinds"] = sorted({k.strip() for k in kinds})
    if _boolean(item.get("waived_when_identity_verified", False)):
        document["waived_when_identity_verified"] = True
    eform = item.get("eform")
    if isinstance(eform, str) and eform:
        if base is None:
            raise ValidationError(_("biểu mẫu “%(path)s” chỉ đọc được khi nhập từ tệp") % {"path": eform})
        try:
            eform = json.loads((Path(base) / eform).resolve().read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise ValidationError(
                _("không đọc được biểu mẫu “%(path)s”: %(error)s") % {"path": item["eform"], "error": error}
            ) from None
    if eform:
        document["eform"] = check_definition(eform)
    return document


def step_from(item):
    kind, _sep, sector = str(item.get("agency") or "").partition(":")
    _choice(kind, AgencyKind, _("loại cơ quan"))
    return {
        "level": _choice(item.get("level"), UnitLevel, _("cấp thực hiện")),
        "agency": str(item.get("agency")),
        "task": _text(item.get("task"), _("nội dung công việc")),
        "days": float(_decimal(item.get("days"), _("số ngày của bước"))),
    }


def _text(value, label):
    value = str(value or "").strip()
    if not value:
        raise ValidationError(_("thiếu %(label)s") % {"label": label})
    return value


def _decimal(value, label):
    try:
        number = Decimal(str(value).replace(",", "."))
    except (InvalidOperation, TypeError, ValueError):
        raise ValidationError(
            _("%(label)s phải là một số, không phải “%(value)s”") % {"label": label, "value": value}
        ) from None
    if not number.is_finite() or number <= 0:
        raise ValidationError(_("%(label)s phải lớn hơn 0") % {"label": label})
    return number


def _integer(value, label):
    try:
        number = int(str(value).replace(".", "").replace(",", "").strip() or 0)
    except ValueError:
        raise ValidationError(
            _("%(label)s phải là số nguyên, không phải “%(value)s”") % {"label": label, "value": value}
        ) from None
    if number < 0 or number > 2_000_000_000:
        raise ValidationError(_("%(label)s ngoài khoảng cho phép") % {"label": label})
    return number


def _choice(value, choices, label):
    value = str(value or "").strip()
    if value not in choices.values:
        raise ValidationError(
            _("%(label)s “%(value)s” không hợp lệ (chấp nhận: %(allowed)s)")
            % {"label": label, "value": value, "allowed": ", ".join(choices.values)}
        )
    return value


def _date(value, label, required=False):
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value or "").strip()
    if not text:
        if required:
            raise ValidationError(_("thiếu %(label)s") % {"label": label})
        return None
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValidationError(
        _("%(label)s “%(value)s” không đúng dạng ngày (2025-07-01 hoặc 01/07/2025)") % {"label": label, "value": text}
    )


def _time(value):
    if value in (None, ""):
        return None
    if isinstance(value, dt.time):
        return value
    try:
        return dt.time.fromisoformat(str(value).strip())
    except ValueError:
        raise ValidationError(_("giờ chốt “%(value)s” không đúng dạng giờ (15:00)") % {"value": value}) from None


def _boolean(value):
    if isinstance(value, bool):
        return value
    return str(value or "").strip().lower() in ("1", "true", "x", "có", "co", "yes")
