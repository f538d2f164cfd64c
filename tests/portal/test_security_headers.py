"""Production hardening seen from the outside: headers on every kind of page, short staff sessions."""

import re
import time

import pytest

from portal.home.services import ensure_site
from tests.factories import sign_in_verified
from tests.portal.citizens.helpers import returned

pytestmark = pytest.mark.django_db
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.I)


def _directives(response):
    return dict(part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";") if part.strip())


def test_pages_carry_a_csp_without_inline_script_and_have_none(client, world, staff_client):
    ensure_site()
    dossier = returned(world)
    client.force_login(world.citizen)
    officer = staff_client("xa_motcua")
    pages = [
        (client, "/"),
        (client, "/thu-tuc/"),
        (client, f"/ho-so/{dossier.pk}/"),
        (client, "/ho-so/"),
        (officer, "/can-bo/"),
        (officer, f"/can-bo/ho-so/{dossier.pk}/"),
        (officer, "/can-bo/tiep-nhan/"),
        (staff_client("xa_lanhdao"), "/can-bo/bao-cao/"),
    ]
    for who, path in pages:
        response = who.get(path)
        assert response.status_code == 200, path
        script_src = _directives(response)["script-src"]
        assert script_src == "'self'", (path, script_src)
        assert _directives(response)["frame-ancestors"] == "'self'"
        assert not INLINE_SCRIPT.search(response.content.decode()), path


def test_wagtails_editor_alone_may_run_its_inline_widgets(world, staff_client):
    response = staff_client("xa_lanhdao").get("/cms/")
    assert "'unsafe-inline'" in _directives(response)["script-src"]


def test_personal_pages_and_files_are_never_cached(client, world):
    dossier = returned(world)
    client.force_login(world.citizen)
    result = dossier.events.get(action="approve").files.first()
    for path in (
        f"/ho-so/{dossier.pk}/",
        f"/ho-so/{dossier.pk}/ket-qua/{result.pk}/",
        f"/ho-so/{dossier.pk}/giay-tiep-nhan.pdf",
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        assert {"private", "no-store"} <= {part.strip() for part in response["Cache-Control"].split(",")}, path


def test_cached_catalog_pages_keep_every_header(client, world, settings):
    settings.ANONYMOUS_PAGE_CACHE_PREFIXES = ("/thu-tuc/",)
    ensure_site()
    first = client.get("/thu-tuc/")
    hit = client.get("/thu-tuc/")
    assert hit["X-Page-Cache"] == "hit"
    for header in ("X-Frame-Options", "Content-Security-Policy", "Vary", "Content-Type", "Content-Language"):
        assert hit[header] == first[header], header
    assert "Cookie" in hit["Vary"] and hit["X-Frame-Options"] == "DENY"


def test_a_staff_session_ends_after_30_idle_minutes(client, world, settings):
    sign_in_verified(client, world.xa_motcua)
    assert client.get("/can-bo/").status_code == 200
    session = client.session
    assert session.get_expiry_age() == 30 * 60  # the stored session goes too
    session["staff_seen"] = int(time.time()) - 31 * 60
    session.save()
    response = client.get("/can-bo/", follow=True)
    assert response.redirect_chain[0][0].startswith("/tai-khoan/dang-nhap/?next=")
    assert "sau 30 phút không thao tác" in response.content.decode()
    assert not response.wsgi_request.user.is_authenticated


def test_a_staff_session_ends_after_a_working_day_whatever_happens(client, world):
    sign_in_verified(client, world.xa_motcua)
    client.get("/can-bo/")
    session = client.session
    session["staff_since"] = int(time.time()) - 11 * 3600
    session.save()
    assert client.get("/can-bo/")["Location"].startswith("/tai-khoan/dang-nhap/")


def test_citizens_keep_their_day_long_session(client, world):
    client.force_login(world.citizen)
    session = client.session
    session["staff_seen"] = int(time.time()) - 3600
    session.save()
    assert client.get("/ho-so/").status_code == 200
