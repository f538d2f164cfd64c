import pytest
from django.contrib.auth import get_user_model

from accounts.assurance import SESSION_LEVEL

from .conftest import DEMO_CITIZEN

pytestmark = pytest.mark.django_db
User = get_user_model()


def test_first_sign_in_creates_a_verified_account_keyed_by_personal_id(journey):
    response = journey.sign_in()
    assert response.status_code == 302 and response["Location"] == "/ho-so/"
    user = User.objects.get(personal_id=DEMO_CITIZEN)
    assert (user.last_name, user.first_name) == ("Nguyễn Văn", "An")
    assert user.identity_verified_at is not None and not user.has_usable_password()
    assert journey.client.session[SESSION_LEVEL] == 2
    assert journey.client.get("/ho-so/").status_code == 200


def test_a_demo_password_account_with_the_same_personal_id_is_linked_not_duplicated(journey):
    from tests.factories import CitizenFactory

    existing = CitizenFactory(
        personal_id=DEMO_CITIZEN, first_name="Anh", last_name="Nguyễn Văn", identity_verified_at="2026-01-01T00:00:00Z"
    )
    journey.sign_in()
    assert User.objects.filter(personal_id=DEMO_CITIZEN).count() == 1
    existing.refresh_from_db()
    assert existing.first_name == "An"  # VNeID is the authority on the name
    assert journey.client.session["_auth_user_id"] == str(existing.pk)


def test_an_unverified_account_holding_the_id_is_closed_and_flagged(journey):
    from tests.factories import CitizenFactory

    squatter = CitizenFactory(personal_id=DEMO_CITIZEN, identity_verified_at=None)
    journey.sign_in()
    squatter.refresh_from_db()
    assert squatter.personal_id is None and not squatter.is_active and squatter.flagged_at is not None
    owner = User.objects.get(personal_id=DEMO_CITIZEN)
    assert owner.pk != squatter.pk and owner.identity_verified_at is not None


def test_a_staff_account_cannot_be_entered_through_vneid(journey, world):
    world.citizen.delete()
    officer = world.xa_motcua
    officer.personal_id = DEMO_CITIZEN
    officer.save()
    response = journey.sign_in()
    assert response.status_code == 403
    assert "_auth_user_id" not in journey.client.session


def test_next_address_is_kept_and_level_one_is_recorded(journey):
    params = journey.to_provider(next_url="/ho-so/?page=1")
    assert params["acr_values"] == "LoA2" and params["code_challenge_method"] == "S256"
    assert params["state"] and params["nonce"] and params["code_challenge"]
    response = journey.back(journey.pick(params, level=1))
    assert response["Location"] == "/ho-so/?page=1"
    assert journey.client.session[SESSION_LEVEL] == 1


def test_an_outside_next_address_is_not_followed(journey):
    response = journey.sign_in(next_url="https://example.org/steal")
    assert response["Location"] == "/ho-so/"


MISBEHAVIOURS = [
    "wrong_issuer",
    "wrong_audience",
    "expired",
    "bad_signature",
    "alg_none",
    "missing_claim",
    "tampered_nonce",
    "error",
]


@pytest.mark.parametrize("mode", MISBEHAVIOURS)
def test_every_misbehaviour_is_refused_with_a_message_and_no_account(journey, vneid, mode):
    params = journey.to_provider()
    vneid.set(mode=mode)
    if mode == "error":
        query = {"code": "whatever", "state": params["state"]}
    else:
        query = journey.pick(params)
    response = journey.back(query)
    assert response.status_code in (400, 502)
    assert "Chưa đăng nhập được bằng VNeID" in response.content.decode()
    assert not User.objects.filter(personal_id=DEMO_CITIZEN).exists()
    assert "_auth_user_id" not in journey.client.session


def test_a_slow_provider_times_out_with_a_clear_message(journey, vneid):
    params = journey.to_provider()
    query = journey.pick(params)
    vneid.set(mode="slow", delay=2.5)
    response = journey.back(query)
    assert response.status_code == 502
    assert "Không kết nối được với hệ thống định danh điện tử VNeID" in response.content.decode()
    assert not User.objects.filter(personal_id=DEMO_CITIZEN).exists()


def test_a_provider_that_is_down_gets_a_clear_message(client, settings, vneid):
    from vneid_adapter.client import forget_provider

    settings.VNEID = {**settings.VNEID, "ISSUER": "http://127.0.0.1:9"}  # nothing listens on the discard port
    forget_provider()
    response = client.get("/tai-khoan/vneid/")
    assert response.status_code == 502
    assert "Không kết nối được" in response.content.decode()


def test_a_replayed_state_is_refused(journey):
    query = journey.pick(journey.to_provider())
    assert journey.back(query).status_code == 302
    journey.client.logout()
    response = journey.back(query)
    assert response.status_code == 400
    assert "đã hết hạn hoặc đã được dùng" in response.content.decode()


def test_a_state_from_another_browser_is_refused(journey, vneid, client_factory=None):
    from django.test import Client

    from .conftest import Journey

    query = journey.pick(journey.to_provider())
    stranger = Journey(Client(), vneid)
    stranger.to_provider()  # the stranger has a sign-in of their own under way
    response = stranger.back(query)
    assert response.status_code == 400
    assert not User.objects.filter(personal_id=DEMO_CITIZEN).exists()


def test_a_stolen_code_without_the_pkce_verifier_is_refused(journey, vneid):
    import requests

    query = journey.pick(journey.to_provider())
    answer = requests.post(
        vneid.url + "/token",
        timeout=5,
        auth=(vneid.client_id, vneid.client_secret),
        data={
            "grant_type": "authorization_code",
            "code": query["code"],
            "redirect_uri": "http://testserver/tai-khoan/vneid/ve/",
        },
    )
    assert answer.status_code == 400 and "PKCE" in answer.json()["error_description"]


def test_cancelling_at_the_provider(journey):
    response = journey.back(journey.pick(journey.to_provider(), decision="deny"))
    assert response.status_code == 400
    assert "Bạn đã hủy đăng nhập bằng VNeID" in response.content.decode()


def test_discovery_naming_another_issuer_is_refused(journey, vneid, settings):
    from vneid_adapter.client import forget_provider

    settings.VNEID = {
        **settings.VNEID,
        "DISCOVERY_URL": vneid.url + "/.well-known/openid-configuration",
        "ISSUER": "http://127.0.0.1:1/vneid",
    }
    forget_provider()
    response = journey.client.get("/tai-khoan/vneid/")
    assert response.status_code == 400


def test_sign_out_ends_the_session_here_and_at_the_provider(journey, vneid):
    journey.sign_in()
    response = journey.client.post("/tai-khoan/dang-xuat/")
    assert response.status_code == 302
    assert response["Location"].startswith(vneid.url + "/logout?id_token_hint=")
    assert "_auth_user_id" not in journey.client.session
    import requests

    back = requests.get(response["Location"], allow_redirects=False, timeout=5)
    assert back.headers["Location"] == "http://testserver/tai-khoan/vneid/da-dang-xuat/"
    assert vneid.ended_sessions and vneid.ended_sessions[-1][0]
    assert journey.client.get("/tai-khoan/vneid/da-dang-xuat/").status_code == 302


def test_password_sign_in_sign_out_stays_local(client, world):
    client.force_login(world.citizen)
    response = client.post("/tai-khoan/dang-xuat/")
    assert response["Location"] == "/"
