"""Importing a national-catalogue export: JSON and Excel, a dry run that writes nothing, idempotent
re-runs, and every refused entry reported with its place and reason while the others go through."""

import copy
import datetime as dt
import io
import json

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from procedures.catalog_files import DOCUMENT_COLUMNS, PROCEDURE_COLUMNS, ROUTE_COLUMNS
from procedures.models import Procedure, ProcedureVersion

pytestmark = pytest.mark.django_db

ENTRY = {
    "national_code": "1.000001",
    "name": "Chứng thực bản sao từ bản chính",
    "field": "chung-thuc",
    "versions": [
        {
            "effective_from": "2025-07-01",
            "decision": {"number": "12/QĐ-UBND", "date": "2025-06-20", "signer": "Nguyễn Văn Tỉnh"},
            "processing_days": 1,
            "fee_vnd": 2000,
            "result": "Bản sao được chứng thực",
            "legal_basis": "Nghị định 23/2015",
            "online_level": "partial",
            "cutoff": "15:00",
            "documents": [{"name": "Bản chính giấy tờ"}, {"name": "Bản sao cần chứng thực", "copy": "copy"}],
            "route": [{"level": "commune", "agency": "committee", "task": "Chứng thực", "days": 1}],
        }
    ],
}
CATALOGUE = {"fields": [{"code": "chung-thuc", "name": "Chứng thực"}], "procedures": [ENTRY]}


def write(tmp_path, data, name="catalogue.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_catalogue", *args, "--no-progress", stdout=out, stderr=err)
    except CommandError as error:
        return out.getvalue(), err.getvalue() + str(error)
    return out.getvalue(), err.getvalue()


def test_dry_run_shows_what_would_change_and_writes_nothing_then_the_import_is_idempotent(tmp_path):
    path = write(tmp_path, CATALOGUE)
    out, _err = run(path, "--dry-run")
    assert (
        "Chạy thử — không ghi gì" in out and "+ thủ tục 1.000001" in out and "+ phiên bản 1.000001 từ 01/07/2025" in out
    )
    assert not Procedure.objects.exists()

    run(path)
    procedure = Procedure.objects.get(national_code="1.000001")
    assert procedure.cutoff_time == dt.time(15, 0) and procedure.version_in_force.decision_number == "12/QĐ-UBND"
    assert [d.name for d in procedure.required_documents.all()] == ["Bản chính giấy tờ", "Bản sao cần chứng thực"]
    out, _err = run(path)
    assert "= 1 phiên bản không đổi." in out and "+ " not in out
    assert ProcedureVersion.objects.count() == 1

    changed = copy.deepcopy(CATALOGUE)
    changed["procedures"][0]["versions"][0]["fee_vnd"] = 3000
    out, _err = run(write(tmp_path, changed), "--dry-run")
    assert "~ phiên bản 1.000001 từ 01/07/2025:" in out and "phí, lệ phí (đồng): 2000 → 3000" in out
    assert Procedure.objects.get().fee_vnd == 2000  # the dry run wrote nothing


def test_refused_entries_are_reported_with_place_and_reason_and_the_others_go_through(tmp_path):
    bad = copy.deepcopy(CATALOGUE)
    broken = copy.deepcopy(ENTRY)
    broken.update(national_code="1.000002", name="Sai")
    broken["versions"][0].update(online_level="toàn trình", cutoff="3pm")
    no_decision = copy.deepcopy(ENTRY)
    no_decision.update(national_code="1.000003", name="Thiếu quyết định")
    no_decision["versions"][0]["decision"] = {}
    nul = copy.deepcopy(ENTRY)
    nul.update(national_code="1.000004", name="Có NUL")
    nul["versions"][0]["legal_basis"] = "Luật\x00"
    bad["procedures"] += [broken, no_decision, {"name": "Không mã"}, nul]
    out, err = run(write(tmp_path, bad))
    assert "procedures[1].versions[0] 1.000002: mức độ dịch vụ công trực tuyến “toàn trình” không hợp lệ" in err
    assert "procedures[2].versions[0] 1.000003: thiếu số quyết định công bố" in err
    assert "procedures[3] —: thiếu mã thủ tục" in err
    assert "procedures[4].versions[0] 1.000004: chứa ký tự rỗng (NUL)" in err
    assert "4 mục bị từ chối" in err
    assert list(Procedure.objects.values_list("national_code", flat=True)) == ["1.000001"]


def test_unreadable_files_get_a_clear_message(tmp_path):
    (tmp_path / "x.csv").write_text("a,b")
    assert "Chỉ nhập được tệp .json hoặc .xlsx" in run(str(tmp_path / "x.csv"))[1]
    (tmp_path / "x.json").write_text("{not json")
    assert "Không đọc được" in run(str(tmp_path / "x.json"))[1]


def excel(tmp_path, entry):
    book = Workbook()
    procedures = book.active
    procedures.title = "procedures"
    procedures.append(PROCEDURE_COLUMNS)
    version = entry["versions"][0]
    row = {
        "national_code": entry["national_code"],
        "name": entry["name"],
        "field_code": entry["field"],
        "field_name": "Chứng thực",
        "effective_from": dt.datetime(2025, 7, 1),
        "decision_number": version["decision"]["number"],
        "decision_date": "20/06/2025",
        "decision_signer": version["decision"]["signer"],
        "processing_days": 1,
        "fee_vnd": 2000,
        "result": version["result"],
        "legal_basis": version["legal_basis"],
        "online_level": "partial",
        "cutoff": dt.time(15, 0),
        "non_boundary": "x",
        "case_basis": "residence",
    }
    procedures.append([row.get(c) for c in PROCEDURE_COLUMNS])
    documents = book.create_sheet("documents")
    documents.append(DOCUMENT_COLUMNS)
    documents.append([entry["national_code"], "2025-07-01", 2, "Bản sao cần chứng thực", "", "copy", 1, "x"])
    documents.append([entry["national_code"], "2025-07-01", 1, "Bản chính giấy tờ", "", "original", 1, "x"])
    route = book.create_sheet("route")
    route.append(ROUTE_COLUMNS)
    route.append([entry["national_code"], "2025-07-01", 1, "commune", "committee", "Chứng thực", 1])
    path = tmp_path / "catalogue.xlsx"
    book.save(path)
    return str(path)


def test_an_excel_export_imports_the_same_as_its_json(tmp_path):
    run(excel(tmp_path, ENTRY))
    procedure = Procedure.objects.get(national_code="1.000001")
    assert procedure.is_non_boundary and procedure.cutoff_time == dt.time(15, 0)
    assert [d.name for d in procedure.required_documents.all()] == ["Bản chính giấy tờ", "Bản sao cần chứng thực"]
    version = procedure.versions.get()
    assert version.decision_date == dt.date(2025, 6, 20)
    out, _err = run(excel(tmp_path, ENTRY))
    assert "= 1 phiên bản không đổi." in out


def test_the_demo_catalogue_imports_cleanly_twice():
    from django.conf import settings

    path = str(settings.BASE_DIR / "fixtures" / "catalog" / "thai-nguyen-legacy.json")
    out, err = run(path)
    assert "Tệp có 27 thủ tục, 27 phiên bản hợp lệ." in out and err == ""
    assert Procedure.objects.count() == 27
    assert "= 27 phiên bản không đổi." in run(path)[0]


def test_the_catalogue_brings_kinds_of_paper_and_who_accepts_them(tmp_path):
    """Issue 39: the kinds of paper, the kind each result is, the kinds each document accepts and the
    documents the registry makes unnecessary, all from the file; an unknown kind refuses the entry."""
    from procedures.models import DocumentKind

    entry = copy.deepcopy(ENTRY)
    entry["result_document_kind"] = "ban-sao-chung-thuc"
    entry["versions"][0]["documents"][0].update(kinds=["the-can-cuoc"], waived_when_identity_verified=True)
    unknown = copy.deepcopy(ENTRY)
    unknown.update(national_code="1.000002", name="Thủ tục có loại giấy tờ lạ")
    unknown["versions"][0]["documents"][0]["kinds"] = ["khong-co"]
    data = {
        **CATALOGUE,
        "document_kinds": [
            {"code": "the-can-cuoc", "name": "Thẻ Căn cước"},
            {"code": "ban-sao-chung-thuc", "name": "Bản sao được chứng thực", "validity_months": 6},
            {"code": "Sai Ma", "name": "Mã sai"},
        ],
        "procedures": [entry, unknown],
    }
    out, err = run(write(tmp_path, data), "--dry-run")
    assert "+ loại giấy tờ the-can-cuoc: Thẻ Căn cước" in out and not DocumentKind.objects.exists()
    out, err = run(write(tmp_path, data))
    assert "khong-co" in out + err and "document_kinds[2]" in out + err
    assert set(DocumentKind.objects.values_list("code", "validity_months")) == {
        ("the-can-cuoc", None),
        ("ban-sao-chung-thuc", 6),
    }
    procedure = Procedure.objects.get(national_code="1.000001")
    assert procedure.result_document_kind.code == "ban-sao-chung-thuc"
    first = procedure.required_documents.get(order=1)
    assert [k.code for k in first.kinds.all()] == ["the-can-cuoc"] and first.waived_when_identity_verified
    assert not procedure.required_documents.get(order=2).kinds.exists()
    assert not Procedure.objects.filter(national_code="1.000002").exists()
    # the same file again changes nothing
    out, _err = run(write(tmp_path, {**data, "procedures": [entry]}), "--dry-run")
    assert "+ phiên bản" not in out and "~ phiên bản" not in out


def test_the_shipped_catalogues_name_only_kinds_they_define():
    from django.conf import settings

    for name in ("thai-nguyen-legacy.json", "thai-nguyen-2025.json"):
        data = json.loads((settings.BASE_DIR / "fixtures" / "catalog" / name).read_text(encoding="utf-8"))
        defined = {k["code"] for k in data["document_kinds"]}
        named = {p.get("result_document_kind") for p in data["procedures"]} - {None}
        named |= {
            k for p in data["procedures"] for v in p["versions"] for d in v["documents"] for k in d.get("kinds", [])
        }
        assert named <= defined and "giay-khai-sinh" in named, name
