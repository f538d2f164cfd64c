"""Issue 35, item 7: a dossier refused at intake offers no receipt (Mẫu 01), only the refusal; a page
never shows the heading of a history it does not have."""

import pytest

from procedures import services
from tests.factories import RECEIVED_AT, online

pytestmark = pytest.mark.django_db


@pytest.fixture
def refused(world):
    dossier = online(world)
    return services.reject(dossier, world.xa_motcua, reason="Không thuộc thẩm quyền", at=RECEIVED_AT)


def test_a_refused_dossier_offers_the_refusal_not_a_receipt(client, staff_client, world, refused):
    client.force_login(world.citizen)
    page = client.get(f"/ho-so/{refused.pk}/").content.decode()
    assert "Tải giấy tiếp nhận" not in page and "Không thuộc thẩm quyền" in page
    assert client.get(f"/ho-so/{refused.pk}/giay-tiep-nhan.pdf").url == f"/ho-so/{refused.pk}/"
    desk = staff_client("xa_motcua").get(f"/can-bo/ho-so/{refused.pk}/")
    assert [title for _number, title in desk.context["printable"]] == ["Phiếu từ chối tiếp nhận giải quyết hồ sơ"]


def test_no_history_heading_without_a_history(client, world, refused):
    """A dossier with no events to show (the synthetic year's, before issue 35's item 13)."""
    from django.db.models import QuerySet

    from national_sync.models import OutboxMessage
    from procedures.models import DossierEvent

    assert (
        "Quá trình xử lý" in client.post("/tra-cuu-ho-so/", {"code": refused.code, "secret": "1234"}).content.decode()
    )
    QuerySet(OutboxMessage).filter(event__dossier=refused).delete()  # both append-only through their models
    QuerySet(DossierEvent).filter(dossier=refused).delete()
    tracked = client.post("/tra-cuu-ho-so/", {"code": refused.code, "secret": "1234"}).content.decode()
    assert refused.code in tracked and "Quá trình xử lý" not in tracked
