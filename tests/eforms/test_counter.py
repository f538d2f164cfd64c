"""At the counter the desk fills the same form for a walk-in, prefilled by the registry look-up; the
generated declaration stands for that document's scan."""

import io

import pytest
from pypdf import PdfReader

from eforms.models import DossierForm
from procedures.models import Dossier
from tests.portal.backoffice.test_intake_and_forms import _form_data

from .test_filing import answers

pytestmark = pytest.mark.django_db


def test_the_desk_types_the_form_prefilled_from_the_lookup_and_receives(staff_client, world, registry, record_form):
    xa = staff_client("xa_motcua")
    url = f"/can-bo/tiep-nhan/{world.simple.pk}/"
    page = xa.get(url)
    p = f"ef{record_form.pk}"
    assert (
        f'name="{p}-purpose"' in page.content.decode()
        and f'name="c{record_form.pk}-files"' not in page.content.decode()
    )
    looked_up = xa.post(url, {**_form_data(page), "applicant_personal_id": "019195004321", "lookup": "1"})
    html = looked_up.content.decode()
    assert 'value="Trần Thị Bình"' in html and 'value="1995-03-08"' in html  # the form's own fields, prefilled
    typed = {
        k: v
        for k, v in answers(
            record_form, full_name="Trần Thị Bình", personal_id="019195004321", date_of_birth="1995-03-08", sex="female"
        ).items()
        if k.startswith(p)
    }
    data = {**_form_data(looked_up), **typed, "applicant_phone": "0987654321", "file": "1"}
    wrong = xa.post(url, {**data, f"{p}-copies": "0"})
    assert wrong.status_code == 400 and not Dossier.objects.exists()
    assert (
        "Số lượng Phiếu yêu cầu cấp" in wrong.content.decode()
        and 'value="Bổ sung hồ sơ xin việc"' in wrong.content.decode()
    )
    assert xa.post(url, data).status_code == 302
    dossier = Dossier.objects.get()
    record = DossierForm.objects.get(dossier=dossier)
    assert record.values["full_name"] == "Trần Thị Bình" and record.submitted_at is not None
    document = dossier.documents.get(required_document=record_form)
    text = " ".join(PdfReader(io.BytesIO(document.file.read())).pages[0].extract_text().split())
    assert "Trần Thị Bình" in text and "Khai tại bộ phận một cửa" in text
    assert dossier.components.get(required_document=record_form).unscanned_reason == ""
