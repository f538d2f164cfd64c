"""Form definitions are data, checked against a JSON Schema and a few rules of their own."""

import copy
import glob
import json

import pytest
from django.core.exceptions import ValidationError

from eforms.schema import check_definition
from tests.procedures.test_admin import admin_client  # noqa: F401  (the admin signed in, second factor passed)

from .conftest import definition


def test_every_demo_definition_is_sound():
    files = glob.glob("fixtures/eforms/*.json")
    assert len(files) >= 8
    for file in files:
        check_definition(json.load(open(file, encoding="utf-8")))


@pytest.mark.parametrize(
    "breakage, message",
    [
        (lambda d: d["fields"][0].update(type="colour"), "fields/0"),
        (lambda d: d["fields"][0].pop("label"), "fields/0"),
        (lambda d: d.pop("title"), "'title' is a required property"),
        (lambda d: d["fields"].append(dict(d["fields"][0])), "hai trường cùng khóa “certificate”"),
        (lambda d: d["fields"][1].update(show_if={"field": "purpose", "equals": "x"}), "nhắc đến “purpose”"),
        (lambda d: d["fields"][0].update(key="Họ tên"), "fields/0"),
        (lambda d: d["fields"].append({"key": "colour", "label": "Màu", "type": "choice"}), "fields/26"),
        (lambda d: d["fields"][0].update(label="Họ\x00tên"), "ký tự rỗng"),
    ],
    ids=[
        "unknown-type",
        "no-label",
        "no-title",
        "duplicate-key",
        "condition-on-a-later-field",
        "bad-key",
        "choice-without-choices",
        "nul-character",
    ],
)
def test_a_broken_definition_is_refused_with_a_clear_message(breakage, message):
    broken = copy.deepcopy(definition("2.001417"))
    breakage(broken)
    with pytest.raises(ValidationError) as error:
        check_definition(broken)
    assert message in error.value.messages[0]


def test_the_admin_refuses_a_broken_form_on_a_document(admin_client, world):
    from django.urls import reverse

    from tests.procedures.test_admin import route_form

    procedure = world.simple
    step = procedure.route_steps.get()
    data = route_form(procedure, [(step, 1)], 1)
    document = procedure.required_documents.get()
    data.update(
        {
            "required_documents-TOTAL_FORMS": 1,
            "required_documents-INITIAL_FORMS": 1,
            "required_documents-0-id": document.pk,
            "required_documents-0-procedure": procedure.pk,
            "required_documents-0-order": 1,
            "required_documents-0-name": "Tờ khai",
            "required_documents-0-copy_kind": "original",
            "required_documents-0-quantity": 1,
            "required_documents-0-is_mandatory": "on",
            "required_documents-0-eform": json.dumps({"title": "X", "fields": [{"key": "a", "type": "text"}]}),
        }
    )
    response = admin_client.post(reverse("admin:procedures_procedure_change", args=[procedure.pk]), data)
    assert response.status_code == 200 and "Biểu mẫu không hợp lệ tại fields/0" in response.content.decode()
    document.refresh_from_db()
    assert document.eform is None


def test_administrators_edit_the_form_as_json_and_see_a_preview(admin_client, world, record_form):
    from django.urls import reverse

    url = reverse("admin:eforms_eformdocument_change", args=[record_form.pk])
    page = admin_client.get(url).content.decode()
    assert "Xem trước" in page and "Mục đích sử dụng Phiếu lý lịch tư pháp" in page and "Thêm dòng" in page
    assert "Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp" in page  # the JSON shown with its Vietnamese as is
    for bad in ("{not json", json.dumps({"title": "X", "fields": []})):
        response = admin_client.post(url, {"eform": bad})
        assert response.status_code == 200 and "errorlist" in response.content.decode()
    record_form.refresh_from_db()
    assert record_form.eform == definition("2.001417")
    changed = {**definition("2.001417"), "title": "Tờ khai (sửa)"}
    assert admin_client.post(url, {"eform": json.dumps(changed, ensure_ascii=False)}).status_code == 302
    record_form.refresh_from_db()
    assert record_form.eform["title"] == "Tờ khai (sửa)"


@pytest.mark.parametrize("model", ["legacy", "2025"])
def test_the_demo_catalogue_brings_eight_forms_on_both_trees(db, model):
    from django.core.management import call_command

    from procedures.models import RequiredDocument

    call_command("load_reference_data", model=model, stdout=open("/dev/null", "w"))
    with_forms = RequiredDocument.objects.exclude(eform=None).select_related("procedure")
    assert sorted(d.procedure.national_code for d in with_forms) == sorted(
        path.rsplit("/", 1)[-1][:-5] for path in glob.glob("fixtures/eforms/*.json")
    )
    assert with_forms.count() == 8


def test_a_changed_form_shows_in_a_versions_difference(world, record_form):
    from procedures.services import versions

    before = versions.snapshot(world.simple)
    after = copy.deepcopy(before)
    after["documents"][0]["eform"]["title"] = "Tờ khai (mẫu mới)"
    assert ("Biểu mẫu điện tử", "Tờ khai", "đã sửa") in [
        (c.label, c.before, c.after) for c in versions.difference(before, after)
    ]
