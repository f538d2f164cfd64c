"""Every PDF the portal makes embeds every font it references (issue 14: each listed Helvetica)."""

import io

import pytest
from pypdf import PdfReader

from privacy.export import personal_data, summary_pdf
from procedures.pdf import forms as pdf_forms
from procedures.pdf.receipt import render_receipt
from procedures.pdf.register import desk_register
from procedures.signing import sign_pdf
from tests.factories import RECEIVED_AT
from tests.portal.citizens.helpers import returned

pytestmark = pytest.mark.django_db


def fonts_not_embedded(content):
    missing = set()
    for page in PdfReader(io.BytesIO(content)).pages:
        fonts = (page.get("/Resources") or {}).get("/Font") or {}
        for font in fonts.values():
            font = font.get_object()
            described = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = described.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            if not any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")):
                missing.add(str(font.get("/BaseFont")))
    return missing


def test_every_form_embeds_its_fonts(world):
    dossier = returned(world)
    url = "http://testserver/tra-cuu-ho-so/"
    event = dossier.events.first()
    pdfs = {
        "01": render_receipt(dossier, url), "02": pdf_forms.supplement_request(dossier, event, url),
        "03": pdf_forms.refusal(dossier, event, url), "05": pdf_forms.control_slip(dossier, url),
        "06": desk_register(world.commune_agency, RECEIVED_AT.date(), RECEIVED_AT.date()),
        "du-lieu": summary_pdf(personal_data(world.citizen)),
    }
    pdfs["01-signed"] = sign_pdf(pdfs["01"], world.commune_agency, reason="test")
    for name, content in pdfs.items():
        assert fonts_not_embedded(content) == set(), name
