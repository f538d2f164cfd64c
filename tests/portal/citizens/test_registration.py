import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from citizen_registry_adapter.errors import RegistryUnavailable

pytestmark = pytest.mark.django_db

# The son of the demo family: in the synthetic registry, no account yet.
KHANG = {"personal_id": "019220000517", "full_name": "Nguyễn Minh Khang", "date_of_birth": "2020-09-02",
         "phone": "0911222333", "email": "khang@example.vn", "password1": "Thai-Nguyen-2026", "password2": "Thai-Nguyen-2026"}


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


@pytest.mark.parametrize(("change", "field", "message"), [
    ({"full_name": "Nguyễn Minh Khanh"}, "full_name", "Không khớp với CSDL quốc gia về dân cư"),
    ({"date_of_birth": "2020-09-03"}, "date_of_birth", "Không khớp với CSDL quốc gia về dân cư"),
    ({"personal_id": "019220000518"}, "personal_id", "Không tìm thấy số định danh này"),
    ({"personal_id": "019220000517", "date_of_birth": "2019-09-02"}, "personal_id", "năm sinh 2020"),
    ({"personal_id": "0192200005"}, "personal_id", "12"),
    ({"phone": "912345678"}, "phone", "10 chữ số"),
    ({"password2": "khác"}, "password2", "không giống nhau"),
    ({"password1": "12345678", "password2": "12345678"}, "password1", ""),
    ({"full_name": "Khang"}, "full_name", "đầy đủ họ"),
])
def test_each_mistake_is_explained_next_to_its_field_and_nothing_is_created(client, registry, change, field, message):
    response = client.post("/tai-khoan/dang-ky/", {**KHANG, **change})
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert field in errors and message in " ".join(errors[field])
    assert not get_user_model().objects.filter(username__in=["019220000517", "019220000518"]).exists()
    assert response.context["form"]["full_name"].value() == {**KHANG, **change}["full_name"]  # nothing typed is lost


def test_an_id_that_already_has_an_account_is_refused(client, world, registry):
    response = client.post("/tai-khoan/dang-ky/", {**KHANG, "personal_id": "019090001234", "full_name": "Nguyễn Văn An",
                                                   "date_of_birth": "1990-05-12"})
    assert "đã có tài khoản" in " ".join(response.context["form"].errors["personal_id"])


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
