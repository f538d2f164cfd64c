import pytest
from django.urls import reverse

from procedures.models import Dossier, Procedure
from tests.factories import UserFactory, online, sign_in_verified


@pytest.fixture
def admin_client(client, world):
    return sign_in_verified(client, UserFactory(username="root", is_staff=True, is_superuser=True))


@pytest.mark.parametrize("model", ["procedure", "field"])
def test_changelists_render(admin_client, model):
    response = admin_client.get(reverse(f"admin:procedures_{model}_changelist"))
    assert response.status_code == 200


def route_form(procedure, steps, processing_days):
    data = {
        "national_code": procedure.national_code,
        "name": procedure.name,
        "field": procedure.field_id,
        "time_limit_kind": "days",
        "processing_days": processing_days,
        "fee_vnd": 0,
        "fee_note": "",
        "result_document": "Kết quả",
        "result_kind": "document",
        "result_type": "QĐ",
        "result_book": "",
        "legal_basis": "Luật",
        "online_level": "full",
        "description": "",
        "is_active": "on",
        "case_basis": "residence",
        "assurance_level": "2",
        "required_documents-TOTAL_FORMS": 0,
        "required_documents-INITIAL_FORMS": 0,
        "route_steps-TOTAL_FORMS": len(steps),
        "route_steps-INITIAL_FORMS": len(steps),
        "versions-TOTAL_FORMS": 0,
        "versions-INITIAL_FORMS": 0,
    }
    for i, (step, days) in enumerate(steps):
        data.update(
            {
                f"route_steps-{i}-id": step.pk,
                f"route_steps-{i}-procedure": procedure.pk,
                f"route_steps-{i}-order": step.order,
                f"route_steps-{i}-level": step.level,
                f"route_steps-{i}-agency_kind": step.agency_kind,
                f"route_steps-{i}-sector": step.sector,
                f"route_steps-{i}-task": step.task,
                f"route_steps-{i}-working_days": days,
            }
        )
    return data


def test_admin_rejects_a_route_that_does_not_add_up_and_keeps_the_data(admin_client, world):
    procedure = world.inter_level
    steps = list(procedure.route_steps.all())
    url = reverse("admin:procedures_procedure_change", args=[procedure.pk])
    response = admin_client.post(url, route_form(procedure, [(steps[0], 2), (steps[1], 2)], 5))
    assert response.status_code == 200
    assert "Tổng số ngày của các bước (4) phải bằng thời hạn giải quyết (5 ngày làm việc)." in response.content.decode()
    assert [s.working_days for s in procedure.route_steps.all()] == [2, 3]

    response = admin_client.post(url, route_form(procedure, [(steps[0], 2), (steps[1], 3)], 0))
    assert response.status_code == 200
    assert "Thời hạn giải quyết phải lớn hơn 0 ngày làm việc." in response.content.decode()

    response = admin_client.post(url, route_form(procedure, [(steps[0], 3), (steps[1], 4)], 7))
    assert response.status_code == 302
    assert Procedure.objects.get(pk=procedure.pk).processing_days == 7


def test_dossiers_and_their_log_are_read_only_in_the_admin(admin_client, world):
    dossier = online(world)
    change = reverse("admin:procedures_dossier_change", args=[dossier.pk])
    assert admin_client.get(change).status_code == 200  # viewable
    assert admin_client.post(change, {"applicant_name": "Sửa"}).status_code == 403
    assert (
        admin_client.post(reverse("admin:procedures_dossier_delete", args=[dossier.pk]), {"post": "yes"}).status_code
        == 403
    )
    event = dossier.events.first()
    assert (
        admin_client.post(reverse("admin:procedures_dossierevent_delete", args=[event.pk]), {"post": "yes"}).status_code
        == 403
    )
    assert Dossier.objects.get(pk=dossier.pk).applicant_name == dossier.applicant_name
    assert dossier.events.count() == 2


@pytest.mark.parametrize("model", ["procedure"])
def test_changelist_queries_do_not_grow_with_rows(admin_client, model, django_assert_max_num_queries):
    # The world fixture has a few rows of each; the full reference data has hundreds.
    from django.core.management import call_command

    call_command("load_reference_data", stdout=open("/dev/null", "w"))
    admin_client.get("/django-admin/")  # a session's first staff request records when it began (portal/accounts)
    with django_assert_max_num_queries(8):
        assert admin_client.get(reverse(f"admin:procedures_{model}_changelist")).status_code == 200


def test_an_editor_publishes_a_future_version_and_sees_what_changes(admin_client, world):
    import datetime as dt

    from django.utils import timezone

    procedure = world.simple
    add = reverse("admin:procedures_procedureversion_add")
    form = admin_client.get(add, {"procedure": procedure.pk})
    initial = form.context["adminform"].form.initial
    assert (
        initial["processing_days"] == procedure.processing_days
        and "Tờ khai | original | 1 | 1" in initial["documents_text"]
    )
    day = timezone.localdate() + dt.timedelta(days=30)
    data = {
        "procedure": procedure.pk,
        "effective_from": day.isoformat(),
        "decision_number": "45/QĐ-UBND",
        "decision_date": "",
        "decision_signer": "",
        "time_limit_kind": "days",
        "processing_days": "1",
        "fee_vnd": "8000",
        "fee_note": "",
        "assurance_level": "2",
        "result_document": procedure.result_document,
        "legal_basis": procedure.legal_basis,
        "result_kind": "document",
        "result_type": "QĐ",
        "result_book": "",
        "online_level": "full",
        "cutoff_time": "15:00",
        "case_basis": "residence",
        "description": "",
        "documents_text": "Tờ khai | original | 1 | 1\nVăn bản ủy quyền | original | 1 | 0",
        "route_text": "commune | committee | 1 | Bước 1",
    }
    past = admin_client.post(add, {**data, "effective_from": "2020-01-01"})
    assert past.status_code == 200 and "Ngày có hiệu lực không được trước hôm nay." in past.content.decode()
    bad = admin_client.post(add, {**data, "route_text": "commune | committee | 3 | Bước 1"})
    assert "phải bằng thời hạn giải quyết" in bad.content.decode()
    assert not procedure.versions.exists()
    assert admin_client.post(add, {**data, "_continue": "1"}).status_code == 302
    version = procedure.versions.get()
    page = admin_client.get(reverse("admin:procedures_procedureversion_change", args=[version.pk])).content.decode()
    for expected in (
        "phí, lệ phí (đồng)",
        "8000",
        "giờ chốt tiếp nhận trong ngày",
        "15:00",
        "Thành phần hồ sơ thêm",
        "Văn bản ủy quyền",
    ):
        assert expected in page, expected
    procedure.refresh_from_db()
    assert procedure.fee_vnd == 0 and procedure.version_in_force is None  # not in force before its day
