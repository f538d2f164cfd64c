"""The access log, and "Dữ liệu của tôi": everything held about a citizen, as JSON and as a PDF."""

import io
import json

import pytest
from pypdf import PdfReader

from privacy.models import Access, AccessLogEntry, RegistryLookup
from procedures.models import AppendOnlyError
from tests.factories import walk_in
from tests.portal.citizens.helpers import returned

pytestmark = pytest.mark.django_db


def test_every_officer_opening_is_logged_append_only(staff_client, world):
    dossier = returned(world)
    officer = staff_client("xa_motcua")
    officer.get(f"/can-bo/ho-so/{dossier.pk}/")
    document = dossier.documents.first()
    officer.get(f"/can-bo/ho-so/{dossier.pk}/tep/{document.pk}/")
    entries = list(AccessLogEntry.objects.order_by("at", "pk"))
    assert [(e.what, e.item) for e in entries] == [(Access.DOSSIER, ""), (Access.DOCUMENT, document.name)]
    assert entries[0].officer == world.xa_motcua and entries[0].agency_name == world.commune_agency.name
    assert entries[0].subject_personal_id == world.citizen.personal_id
    with pytest.raises(AppendOnlyError):
        entries[0].delete()
    with pytest.raises(AppendOnlyError):
        AccessLogEntry.objects.filter(pk=entries[0].pk).update(officer_name="ai đó")


def test_an_administrator_queries_the_access_log_by_personal_id(staff_client, world):
    from django.contrib.auth import get_user_model
    from django.test import Client

    from tests.factories import sign_in_verified

    dossier = returned(world)
    staff_client("xa_chuyenvien").get(f"/can-bo/ho-so/{dossier.pk}/")
    admin = sign_in_verified(Client(), get_user_model().objects.create_superuser("quantri", "q@example.vn", "x"))
    page = admin.get("/django-admin/privacy/accesslogentry/", {"q": world.citizen.personal_id})
    assert page.status_code == 200 and world.xa_chuyenvien.get_full_name() in page.content.decode()
    assert (
        admin.get(f"/django-admin/privacy/accesslogentry/{AccessLogEntry.objects.get().pk}/delete/").status_code == 403
    )


def test_my_data_has_the_account_dossiers_files_consents_lookups_and_accesses(client, staff_client, world, registry):
    client.force_login(world.citizen)
    client.post(f"/nop-ho-so/{world.simple.pk}/", {"agency": world.commune_agency.pk, "consent": "on"})
    dossier = returned(world)
    staff_client("xa_motcua").get(f"/can-bo/ho-so/{dossier.pk}/")
    assert RegistryLookup.objects.filter(masked_id="019******234").exists()

    page = client.get("/tai-khoan/du-lieu-cua-toi/")
    assert page.status_code == 200 and world.xa_motcua.get_full_name() in page.content.decode()
    response = client.get("/tai-khoan/du-lieu-cua-toi.json")
    assert "no-store" in response["Cache-Control"] and response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["account"]["personal_id"] == world.citizen.personal_id
    codes = [d["code"] for d in data["dossiers"]]
    assert dossier.code in codes and None in codes  # the filed one and the draft
    filed = next(d for d in data["dossiers"] if d["code"] == dossier.code)
    assert filed["documents"] and filed["documents"][0]["sha256"]
    assert any(f["name"] == "giay-khai-sinh.pdf" for e in filed["history"] for f in e["files"])
    assert {c["purpose"] for c in data["consents"]} == {"sms", "email", "registry_prefill"}
    assert data["registry_lookups"] and data["registry_lookups"][0]["by"] == world.citizen.username
    assert [(a["officer"], a["dossier"]) for a in data["dossier_accesses"]] == [
        (world.xa_motcua.get_full_name(), dossier.code)
    ]

    pdf = client.get("/tai-khoan/du-lieu-cua-toi.pdf")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "DỮ LIỆU CÁ NHÂN CỦA TÔI" in text and dossier.code in text and world.xa_motcua.get_full_name() in text


def test_counter_dossiers_under_my_id_are_mine_only_once_the_registry_confirmed_me(client, world):
    from django.utils import timezone

    counter = walk_in(
        world.simple,
        world.commune_agency,
        world.xa_motcua,
        applicant_name="Nguyễn Văn An",
        applicant_personal_id=world.citizen.personal_id,
    )
    client.force_login(world.citizen)
    assert counter.code not in client.get("/tai-khoan/du-lieu-cua-toi.json").content.decode()
    type(world.citizen).objects.filter(pk=world.citizen.pk).update(identity_verified_at=timezone.now())
    assert counter.code in client.get("/tai-khoan/du-lieu-cua-toi.json").content.decode()


def test_nobody_else_gets_my_data(client, staff_client, world):
    returned(world)
    client.force_login(world.other_citizen)
    assert world.citizen.personal_id not in client.get("/tai-khoan/du-lieu-cua-toi.json").content.decode()
    assert staff_client("xa_motcua").get("/tai-khoan/du-lieu-cua-toi.json").status_code == 403
    from django.test import Client

    assert Client().get("/tai-khoan/du-lieu-cua-toi.json")["Location"].startswith("/tai-khoan/dang-nhap/")


def test_registry_lookups_read_in_words_not_codes(client, world):
    """Issue 35, item 6: "unavailable", "ok", "tra-cuu-thu-cong" and "shell" were shown as they are."""
    from privacy.models import RegistryLookup
    from privacy.services import id_digest

    for actor, purpose, outcome, cached in (
        ("shell", "tra-cuu-thu-cong", "unavailable", False),
        ("", "xac-thuc-tai-khoan", "ok", True),
        ("xa.motcua", "H98.01-261123-0001", "not_found", False),
        # the periodic re-check and the registry task (stop 45's walk)
        ("verify_identities", "H98.01-261123-0001", "ok", False),
        ("celery", "H98.01-261123-0001", "ok", False),
    ):
        RegistryLookup.objects.create(
            id_digest=id_digest(world.citizen.personal_id),
            masked_id="019******234",
            actor=actor,
            purpose=purpose,
            outcome=outcome,
            cached=cached,
        )
    client.force_login(world.citizen)
    page = client.get("/tai-khoan/du-lieu-cua-toi/").content.decode()
    table = page[page.index("<tbody>", page.index("tra cứu")) :]
    for words in (
        "Quản trị hệ thống (dòng lệnh)",
        "Quản trị viên tra cứu theo yêu cầu",
        "CSDL không phản hồi",
        "Hệ thống (tự động)",
        "Xác thực khi đăng ký tài khoản",
        "Có thông tin (bản lưu tạm)",
        "Hồ sơ H98.01-261123-0001",
        "Không có trong CSDL",
    ):
        assert words in page, words
    assert "Hệ thống: đối chiếu lại hồ sơ chưa xác thực" in page
    assert 'class="table-wrap"' in page  # a phone scrolls the table, not the page
    for code in (
        ">shell<",
        ">unavailable<",
        ">ok<",
        "tra-cuu-thu-cong",
        ">not_found<",
        "verify_identities",
        ">celery<",
    ):
        assert code not in table, code
    pdf = client.get("/tai-khoan/du-lieu-cua-toi.pdf")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "CSDL không phản hồi" in text and "tra-cuu-thu-cong" not in text
