"""Issue 33 (2): an officer's preview of an uploaded PDF is drawn by PDF.js, never handed inline to the
browser's own viewer (which would run what the file carries); the file itself always downloads."""

import pytest

from procedures import services
from procedures.services import filing
from tests.factories import RECEIVED_AT
from tests.uploads import pdf, png

pytestmark = pytest.mark.django_db


def filed_with(world, upload):
    draft = services.create_draft(world.simple, world.commune_agency, world.citizen, at=RECEIVED_AT)
    document = filing.attach_document(draft, world.citizen, world.simple.required_documents.first(), upload)
    services.submit(draft, world.citizen, at=RECEIVED_AT)
    services.receive(draft, world.xa_motcua, at=RECEIVED_AT)
    return draft, document


def test_a_pdf_preview_is_a_pdfjs_page_and_the_file_downloads(staff_client, world):
    dossier, document = filed_with(world, pdf("to-khai.pdf"))
    officer = staff_client("xa_motcua")
    url = f"/can-bo/ho-so/{dossier.pk}/tep/{document.pk}/"
    preview = officer.get(url, {"xem": "1"})
    assert preview.status_code == 200 and preview["Content-Type"].startswith("text/html")
    html = preview.content.decode()
    assert f'data-pdf="{url}"' in html and "pdf.min.mjs" in html and "pdf_preview.js" in html
    assert "Content-Security-Policy" in preview and "script-src 'self'" in preview["Content-Security-Policy"]
    file = officer.get(url)
    assert file["Content-Type"] == "application/pdf" and file["Content-Disposition"].startswith("attachment")


def test_an_image_is_still_shown_in_the_page(staff_client, world):
    dossier, document = filed_with(world, png("giay-chung-sinh.png"))
    shown = staff_client("xa_motcua").get(f"/can-bo/ho-so/{dossier.pk}/tep/{document.pk}/", {"xem": "1"})
    assert shown["Content-Type"] == "image/png" and shown["Content-Disposition"].startswith("inline")


def test_no_dossier_file_is_served_inline_as_pdf_whoever_asks(world):
    """The safety net under every view: download() never answers an uploaded PDF inline."""
    from government.downloads import download

    _dossier, document = filed_with(world, pdf("to-khai.pdf"))
    response = download(document.file, "to-khai.pdf", "application/pdf", inline=True)
    assert response["Content-Disposition"].startswith("attachment")
