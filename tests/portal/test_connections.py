"""Issue 16: the administrator's “Kết nối” page checks every outside system live."""

import pytest
from django.core.cache import cache

from government.models import Role
from national_portal_adapter.client import PortalUnavailable, get_portal
from tests.factories import sign_in_verified, staff

pytestmark = pytest.mark.django_db


def test_the_administrator_sees_each_connection_with_its_state_and_masked_settings(client, world, settings):
    settings.PAYMENT = {**settings.PAYMENT, "URL": "http://127.0.0.1:9"}  # nothing listens: down
    admin = staff(Role.ADMINISTRATOR, username="quantri")
    sign_in_verified(client, admin)
    get_portal().failure = PortalUnavailable("HTTP 503")
    html = client.get("/can-bo/ket-noi/").content.decode()
    for name in (
        "CSDL quốc gia về dân cư",
        "Định danh điện tử VNeID",
        "Cổng Dịch vụ công quốc gia",
        "Nền tảng thanh toán trực tuyến",
        "Lưu trữ tệp",
        "Tìm kiếm",
    ):
        assert name in html
    assert "không kết nối được" in html and "ConnectionError" in html and "HTTP 503" in html
    assert "fake-payment-secret" not in html and "fake-vneid-secret" not in html and "•••• (đã đặt)" in html
    assert cache.get("connection-failure:thanh-toan")  # the last failure is remembered


def test_others_are_refused(client, world):
    sign_in_verified(client, world.xa_motcua)
    assert client.get("/can-bo/ket-noi/").status_code == 403
