import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone

from citizen_registry_adapter.errors import RegistryUnavailable

pytestmark = pytest.mark.django_db

# The son of the demo family: in the synthetic registry, no account yet.
KHANG = {
    "personal_id": "019220000517",
    "full_name": "Nguyễn Minh Khang",
    "date_of_birth": "2020-09-02",
    "phone": "0911222333",
    "email": "khang@example.vn",
    "password1": "Thai-Nguyen-2026",
    "password2": "Thai-Nguyen-2026",
}


def test_a_citizen_registers_verified_and_signs_in_with_the_personal_id(client, registry):
    response = client.post("/tai-khoan/dang-ky/", KHANG)
    assert response.status_code == 302
    user = get_user_model().objects.get(personal_id="019220000517")
    assert user.get_full_name() == "Nguyễn Minh Khang"
    assert user.identity_verified_at is not None
    client.post("/tai-khoan/dang-xuat/")
    response = client.post("/tai-khoan/dang-nhap/", {"username": "019220000517", "password": "Thai-Nguyen-2026"})
    assert response.status_code == 302
    assert client.get("/ho-so/").status_code == 200


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"personal_id": "0192200005"}, "personal_id", "12"),
        ({"personal_id": "999220000517"}, "personal_id", "mã tỉnh"),
        ({"phone": "912345678"}, "phone", "10 chữ số"),
        ({"password2": "khác"}, "password2", "không giống nhau"),
        ({"password1": "12345678", "password2": "12345678"}, "password1", ""),
        ({"full_name": "Khang"}, "full_name", "đầy đủ họ"),
    ],
)
def test_each_mistake_of_form_is_explained_next_to_its_field_and_nothing_is_created(
    client, registry, change, field, message
):
    response = client.post("/tai-khoan/dang-ky/", {**KHANG, **change})
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert field in errors and message in " ".join(errors[field])
    assert not get_user_model().objects.filter(username__in=["019220000517", "019220000518"]).exists()
    assert response.context["form"]["full_name"].value() == {**KHANG, **change}["full_name"]  # nothing typed is lost


ONE_ANSWER = "Thông tin không khớp. Kiểm tra số định danh, họ tên và ngày sinh"


@pytest.mark.parametrize(
    "change",
    [
        pytest.param({"full_name": "Nguyễn Minh Khanh"}, id="wrong-name"),
        pytest.param({"date_of_birth": "2020-09-03"}, id="wrong-day-of-birth"),
        pytest.param({"date_of_birth": "2019-09-02"}, id="birth-year-not-the-ids"),
        pytest.param({"personal_id": "019220000518"}, id="not-in-the-registry"),
        pytest.param(
            {"personal_id": "019090001234", "full_name": "Nguyễn Văn An", "date_of_birth": "1990-05-12"},
            id="already-has-an-account",
        ),
    ],
)
def test_every_refusal_about_someone_elses_data_is_the_same_one_answer(client, world, registry, change):
    get_user_model().objects.filter(pk=world.citizen.pk).update(identity_verified_at=timezone.now())
    response = client.post("/tai-khoan/dang-ky/", {**KHANG, **change})
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert list(errors) == ["__all__"] and errors["__all__"] == [ONE_ANSWER + errors["__all__"][0][len(ONE_ANSWER) :]]
    assert ONE_ANSWER in errors["__all__"][0]


def test_a_birth_date_cannot_be_found_by_trying_day_after_day(client, registry, settings):
    """The attack seen: a date of birth found in 14 requests. Every wrong day gets the one answer,
    and the sixth attempt on the ID within the hour is throttled, whatever address it comes from."""
    answers = set()
    for day in range(1, 6):
        response = client.post(
            "/tai-khoan/dang-ky/", {**KHANG, "date_of_birth": f"2020-09-{day + 2:02d}"}, REMOTE_ADDR=f"10.0.0.{day}"
        )
        answers.add(tuple(response.context["form"].errors["__all__"]))
    assert len(answers) == 1
    throttled = client.post("/tai-khoan/dang-ky/", KHANG, REMOTE_ADDR="10.0.0.99")  # even the right date
    assert throttled.status_code == 429 and "quá nhiều lần" in throttled.content.decode()
    assert not get_user_model().objects.filter(personal_id="019220000517").exists()


def test_one_address_trying_many_ids_is_throttled(client, registry, settings):
    settings.REGISTRATION_RATE_LIMIT = (3, 5, 3600)
    for n in range(3):
        assert client.post("/tai-khoan/dang-ky/", {**KHANG, "personal_id": f"01922000060{n}"}).status_code == 400
    assert client.post("/tai-khoan/dang-ky/", KHANG).status_code == 429


def test_an_account_made_during_an_outage_does_not_keep_the_id_from_its_owner(client, registry):
    """Someone registers the son's ID while the registry is down; the father then registers it with
    the registry answering: his verified account wins and the other is closed and flagged."""
    registry.failure = RegistryUnavailable(reason="test")
    squatter = client.post("/tai-khoan/dang-ky/", {**KHANG, "full_name": "Kẻ Mạo Danh", "phone": "0999000111"})
    assert squatter.status_code == 302
    taken = get_user_model().objects.get(personal_id="019220000517")
    assert taken.identity_verified_at is None
    client.post("/tai-khoan/dang-xuat/")
    # While the registry is still down a second claim cannot be told apart: refused, the one answer.
    again = client.post("/tai-khoan/dang-ky/", KHANG)
    assert again.status_code == 400 and ONE_ANSWER in again.content.decode()
    registry.failure = None
    owner = client.post("/tai-khoan/dang-ky/", KHANG)
    assert owner.status_code == 302
    account = get_user_model().objects.get(personal_id="019220000517")
    assert account.get_full_name() == "Nguyễn Minh Khang" and account.identity_verified_at is not None
    taken.refresh_from_db()
    assert (taken.personal_id, taken.is_active) == (None, False)
    assert taken.flagged_at is not None and "019******517" in taken.flag_reason
    client.post("/tai-khoan/dang-xuat/")
    refused = client.post("/tai-khoan/dang-nhap/", {"username": "019220000517", "password": KHANG["password1"]})
    assert refused.status_code == 302  # the owner signs in; the squatter's password no longer opens anything


def test_a_registry_outage_still_registers_the_account_unverified(client, registry):
    registry.failure = RegistryUnavailable(reason="test")
    response = client.post("/tai-khoan/dang-ky/", KHANG, follow=True)
    assert response.status_code == 200
    assert get_user_model().objects.get(personal_id="019220000517").identity_verified_at is None
    assert "sẽ được xác thực" in response.content.decode()


def test_password_reset_by_email(client, registry):
    client.post("/tai-khoan/dang-ky/", KHANG)
    client.post("/tai-khoan/dang-xuat/")
    response = client.post("/tai-khoan/quen-mat-khau/", {"email": "khang@example.vn"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = next(line for line in mail.outbox[0].body.splitlines() if "/tai-khoan/dat-lai-mat-khau/" in line)
    path = link.split("://", 1)[1].split("/", 1)[1]
    response = client.get(f"/{path}", follow=True)
    form_url = response.redirect_chain[-1][0]
    response = client.post(form_url, {"new_password1": "Moi-Thai-Nguyen-1", "new_password2": "Moi-Thai-Nguyen-1"})
    assert response.status_code == 302
    response = client.post("/tai-khoan/dang-nhap/", {"username": "019220000517", "password": "Moi-Thai-Nguyen-1"})
    assert response.status_code == 302 and response["Location"] == "/ho-so/"


def test_typos_in_the_id_do_not_share_a_budget_across_addresses(client, registry):
    for n in range(6):
        response = client.post("/tai-khoan/dang-ky/", {**KHANG, "personal_id": "01922000"}, REMOTE_ADDR=f"10.1.0.{n}")
        assert response.status_code == 400  # the form's message each time, never 429
