"""Uploads an attacker sends through the citizen's pages: refused with a message, nothing stored."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from procedures import services
from procedures.models import DossierEventFile, DossierState
from procedures.services import filing
from tests.uploads import pdf_bytes

from .helpers import submitted

pytestmark = pytest.mark.django_db
MB = 1024 * 1024


def _nine_mb(i):
    return SimpleUploadedFile(f"trang-{i}.pdf", pdf_bytes(padding=9 * MB), content_type="application/pdf")


def test_six_nine_megabyte_supplements_in_one_post_pass_the_dossier_limit_and_are_refused(citizen_client, world):
    dossier = submitted(world)
    services.receive(dossier, world.xa_motcua)
    services.start_processing(dossier, world.xa_chuyenvien)
    services.request_supplement(dossier, world.xa_chuyenvien, missing_items=["Bản chụp rõ nét"])
    response = citizen_client.post(f"/ho-so/{dossier.pk}/bo-sung/", {"files": [_nine_mb(i) for i in range(6)]})
    assert response.status_code == 400
    assert "Tổng dung lượng các tệp của hồ sơ vượt quá 50 MB" in response.content.decode()
    dossier.refresh_from_db()
    assert dossier.state == DossierState.SUPPLEMENT_REQUESTED
    assert not DossierEventFile.objects.filter(event__dossier=dossier).exists()
    # Five fit (45 MB with the 0.x MB already there); the running total then counts them too.
    ok = citizen_client.post(f"/ho-so/{dossier.pk}/bo-sung/", {"files": [_nine_mb(i) for i in range(5)]})
    assert ok.status_code == 302
    assert filing.stored_bytes(dossier) > 45 * MB


def test_a_forged_pdf_or_an_image_bomb_on_the_draft_page_is_a_message_not_a_500(citizen_client, world):
    import io

    from PIL import Image

    dossier, _message = filing.start_online(world.citizen, world.simple, world.commune_agency, consent=False)
    required = world.simple.required_documents.first()
    bomb = io.BytesIO()
    Image.new("1", (30000, 30000)).save(bomb, format="PNG")
    for upload, message in [
        (SimpleUploadedFile("bom.png", bomb.getvalue()), "quá lớn"),
        (SimpleUploadedFile("a.pdf", b"%PDF-1.4\n<?php system($_GET['c']); ?>"), "không phải tệp PDF hợp lệ"),
        (SimpleUploadedFile("b.pdf", pdf_bytes(**{"/OpenAction": _javascript()})), "chỉ nhận PDF tĩnh"),
    ]:
        response = citizen_client.post(
            f"/ho-so/{dossier.pk}/soan/",
            {"applicant_phone": "0912345678", "result_delivery": "counter", f"file-{required.pk}": upload},
        )
        assert response.status_code == 400 and message in response.content.decode()
    assert not dossier.documents.exists()


def _javascript():
    from pypdf.generic import DictionaryObject, NameObject, TextStringObject

    return DictionaryObject(
        {NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject("app.alert(1)")}
    )


def test_a_preview_never_asks_the_browser_to_decode_an_oversized_image(staff_client, world):
    """A 10000×10000 image stored before the pixel limit existed is downloaded, not shown in the page."""
    import io

    from django.core.files.base import ContentFile
    from PIL import Image

    dossier = submitted(world)
    big = io.BytesIO()
    Image.new("1", (10000, 10000)).save(big, format="PNG")
    document = dossier.documents.first()
    document.file.save("cu.png", ContentFile(big.getvalue()), save=True)
    officer = staff_client("xa_motcua")
    url = f"/can-bo/ho-so/{dossier.pk}/tep/{document.pk}/"
    assert officer.get(url, {"xem": "1"})["Content-Disposition"].startswith("attachment")
    document.file.save("moi.png", ContentFile(_small_png()), save=True)
    assert officer.get(url, {"xem": "1"})["Content-Disposition"].startswith("inline")


def _small_png():
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (60, 40)).save(buffer, format="PNG")
    return buffer.getvalue()
