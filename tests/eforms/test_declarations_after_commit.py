"""The declaration PDF is drawn after the submission commits (issue 37): the request writes the
dossier, its event and the declaration's row; the worker draws the file. The citizen sees "đang tạo
tờ khai…" until it exists, a lost task is swept up, and the receipt never waits on the worker."""

import datetime as dt

import pytest
from django.test import Client
from pypdf import PdfReader

from eforms.models import DossierForm
from government.signing import check_pdf, check_signatures
from procedures import services
from procedures.models import DossierDocument
from procedures.tasks import write_missing_declarations
from tests.clock import SUNDAY
from tests.eforms.test_filing import answers
from tests.portal.citizens.test_filing import start

pytestmark = pytest.mark.django_db


def _submit(citizen_client, record_form, world, capture):
    """Fill and submit; the callbacks queued by the commit are returned, not run."""
    dossier, _ = start(citizen_client, world)
    response = citizen_client.post(f"/ho-so/{dossier.pk}/soan/", {**answers(record_form), "review": "1"})
    assert response.status_code == 302, response.content.decode()[:2000]
    with capture() as callbacks:
        assert citizen_client.post(f"/ho-so/{dossier.pk}/xem-lai/").status_code == 302
    dossier.refresh_from_db()
    return dossier, callbacks


def test_the_submission_writes_the_row_and_the_worker_draws_the_file(
    citizen_client, world, registry, record_form, django_capture_on_commit_callbacks
):
    dossier, callbacks = _submit(citizen_client, record_form, world, django_capture_on_commit_callbacks)
    assert dossier.state == "submitted" and dossier.code
    declaration = dossier.documents.get(required_document=record_form)
    assert not declaration.file and declaration.sha256 == "" and declaration.size == 0
    submit = dossier.events.get(action="submit")
    assert submit.data["documents"] == [{"name": declaration.name, "declaration": True}]
    assert DossierForm.objects.get(dossier=dossier).values["purpose"] == "Bổ sung hồ sơ xin việc"

    page = citizen_client.get(f"/ho-so/{dossier.pk}/").content.decode()
    assert "đang tạo tờ khai…" in page
    early = citizen_client.get(f"/ho-so/{dossier.pk}/tep/{declaration.pk}/")
    assert early.status_code == 503 and early["Retry-After"] == "5"
    assert "đang được tạo" in early.content.decode()
    stranger = Client()
    stranger.force_login(world.other_citizen)  # another person's declaration, drawn or not, does not exist
    assert stranger.get(f"/ho-so/{dossier.pk}/tep/{declaration.pk}/").status_code == 404

    for callback in callbacks:  # the worker
        callback()
    declaration.refresh_from_db()
    content = declaration.file.open("rb").read()
    assert declaration.size == len(content) and len(declaration.sha256) == 64
    assert "Bổ sung hồ sơ xin việc" in PdfReader(declaration.file.open("rb")).pages[0].extract_text()
    page = citizen_client.get(f"/ho-so/{dossier.pk}/").content.decode()
    assert "đang tạo tờ khai…" not in page and declaration.name in page


def test_a_task_that_died_is_swept_up_once(
    citizen_client, world, registry, record_form, django_capture_on_commit_callbacks, time_machine
):
    time_machine.move_to(SUNDAY)
    dossier, _lost = _submit(citizen_client, record_form, world, django_capture_on_commit_callbacks)
    assert write_missing_declarations.apply().get() == 0  # a task may still be on its way: not yet
    time_machine.move_to(SUNDAY + dt.timedelta(minutes=3))
    assert write_missing_declarations.apply().get() == 1
    assert write_missing_declarations.apply().get() == 0  # a second run changes nothing
    drawn = dossier.documents.get(required_document=record_form)
    assert drawn.file and check_signatures(drawn.file.open("rb").read()) == []  # signed at receipt


def test_the_receipt_draws_and_signs_a_declaration_the_worker_has_not_reached(
    citizen_client, world, registry, record_form, django_capture_on_commit_callbacks
):
    dossier, _waiting = _submit(citizen_client, record_form, world, django_capture_on_commit_callbacks)
    services.receive(dossier, world.xa_motcua)
    signed = DossierDocument.objects.get(dossier=dossier, required_document=record_form)
    assert signed.file and check_pdf(signed.file.open("rb").read()).valid
