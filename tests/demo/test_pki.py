"""The demo certificate authority signs for anyone without an installed certificate while
SIGNING_DEMO_CA is on, and for nobody once it is off."""

import io

import pytest
from reportlab.pdfgen import canvas

from government.signing import check_pdf
from signing_adapter.client import SigningUnavailable
from signing_adapter.pades import sign_pdf

pytestmark = pytest.mark.django_db


def test_the_demo_ca_issues_on_first_use_and_only_while_on(world, settings):
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(72, 720, "Giay xac nhan")
    page.save()
    check = check_pdf(sign_pdf(buffer.getvalue(), world.commune_agency, reason="Minh họa"))
    assert check.valid and check.signer == world.commune_agency.name
    settings.SIGNING_DEMO_CA = False
    with pytest.raises(SigningUnavailable) as error:
        sign_pdf(buffer.getvalue(), world.commune_agency, reason="Không còn CA minh họa")
    assert world.commune_agency.name in str(error.value.message)
