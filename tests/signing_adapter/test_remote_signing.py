"""Signing is an adapter: the same PAdES signatures through the local PKCS#12 backend or a CA's remote
signing service (a CSC API v1 fake on loopback), checked by the same verification; a missing
credential, a wrong PIN and a service that is down are a clear "cannot sign", never a 500."""

import io

import pytest
import requests
from reportlab.pdfgen import canvas

from government.signing import check_pdf, check_signatures
from signing_adapter.client import SigningUnavailable, get_signing_service
from signing_adapter.csc import RemoteSigning
from signing_adapter.fake_server import FakeRemoteSigning
from signing_adapter.local import LocalSigning
from signing_adapter.pades import agency_holder, sign_as_person, sign_pdf

pytestmark = pytest.mark.django_db


def a_page(text="Giay xac nhan"):
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(72, 720, text)
    page.save()
    return buffer.getvalue()


@pytest.fixture
def service(settings, tmp_path):
    with FakeRemoteSigning(token="ma-truy-cap", pin="246810", backdate_days=1100) as fake:
        root = tmp_path / "ca-ky-so-tu-xa.pem"
        root.write_bytes(requests.get(fake.url + "/ca.pem", timeout=5).content)
        settings.SIGNING = {
            **settings.SIGNING,
            "BACKEND": "csc",
            "URL": fake.url,
            "TOKEN": "ma-truy-cap",
            "PIN": "246810",
            "TIMEOUT": 5.0,
        }
        settings.SIGNING_TRUST_ROOT = str(root)
        settings.SIGNING_DEMO_CA = False  # only the remote service holds keys
        yield fake


def provision(fake, agency):
    requests.post(
        fake.url + "/control/credentials",
        json={
            "credentialID": agency_holder(agency).credential_id,
            "commonName": agency.name,
            "organisation": agency.name,
        },
        timeout=5,
    ).raise_for_status()


def test_the_backend_is_picked_by_settings(settings, service):
    assert isinstance(get_signing_service(), RemoteSigning)
    assert get_signing_service().health() == (True, "HTTP 200")
    settings.SIGNING = {**settings.SIGNING, "BACKEND": "local"}
    assert isinstance(get_signing_service(), LocalSigning)


def test_an_agency_signs_through_the_remote_service(world, service):
    provision(service, world.commune_agency)
    signed = sign_pdf(a_page(), world.commune_agency, reason="Kết quả giải quyết")
    check = check_pdf(signed)
    assert check.valid and check.signer == world.commune_agency.name
    assert service.signed == 1


def test_a_person_without_a_credential_cannot_sign(world, service):
    with pytest.raises(SigningUnavailable) as error:
        sign_as_person(a_page(), world.xa_lanhdao, world.commune_agency, reason="Biên bản")
    assert "Chưa có chứng thư số cá nhân" in str(error.value.message)


def test_a_wrong_pin_or_a_service_that_is_down_cannot_sign(world, service, settings):
    provision(service, world.commune_agency)
    settings.SIGNING = {**settings.SIGNING, "PIN": "000000"}
    with pytest.raises(SigningUnavailable):
        sign_pdf(a_page(), world.commune_agency, reason="Sai mã PIN")
    settings.SIGNING = {**settings.SIGNING, "PIN": "246810"}
    service.stop()
    with pytest.raises(SigningUnavailable):
        sign_pdf(a_page(), world.commune_agency, reason="Dịch vụ tắt")
    assert get_signing_service().health()[0] is False


def test_the_service_refuses_a_wrong_token(world, service):
    provision(service, world.commune_agency)
    with pytest.raises(SigningUnavailable):
        RemoteSigning(service.url, token="ma-khac", pin="246810", timeout=5).sign(
            a_page(), agency_holder(world.commune_agency), None
        )


def test_local_and_remote_signatures_read_alike(world, service, settings, tmp_path):
    provision(service, world.commune_agency)
    remote = check_signatures(sign_pdf(a_page(), world.commune_agency, reason="Từ xa"))
    settings.SIGNING = {**settings.SIGNING, "BACKEND": "local"}
    settings.SIGNING_DEMO_CA = True
    local = check_signatures(sign_pdf(a_page(), world.commune_agency, reason="Tại chỗ"))
    assert [(c.valid, c.signer, c.field) for c in remote] == [(c.valid, c.signer, c.field) for c in local]
