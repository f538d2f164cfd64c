"""Citizen accounts: registration checked against the National Population Database."""

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from citizen_registry_adapter.errors import CitizenNotFound, InvalidResponse, RegistryUnavailable
from citizen_registry_adapter.personal_id import parse
from procedures.services.identity import IdentityMismatch, verify_account


class RegistrationRefused(Exception):
    """`errors` maps form field names to messages for the citizen."""

    def __init__(self, errors):
        self.errors = errors
        super().__init__(errors)


def split_name(full_name):
    """"Nguyễn Văn An" → ("An", "Nguyễn Văn"): given name, then family and middle names."""
    words = " ".join(full_name.split()).split(" ")
    return words[-1], " ".join(words[:-1])


def register_citizen(*, personal_id, full_name, date_of_birth, phone, password, email="", registry=None):
    """Create the account; returns it and whether the registry confirmed the name and birth date.

    A registry that cannot answer does not stop registration: the account is verified at the
    citizen's first filing with consent, and gets no registry data before that.
    """
    parse(personal_id, date_of_birth)  # InvalidPersonalId carries its own message
    User = get_user_model()
    if User.objects.filter(personal_id=personal_id).exists():
        raise RegistrationRefused({"personal_id": _("Số định danh này đã có tài khoản. Hãy đăng nhập hoặc lấy lại mật khẩu.")})
    first_name, last_name = split_name(full_name)
    user = User(username=personal_id, personal_id=personal_id, first_name=first_name, last_name=last_name,
                phone=phone, email=email, date_of_birth=date_of_birth)
    try:
        verified = verify_account(user, registry=registry)
    except CitizenNotFound:
        raise RegistrationRefused({"personal_id": _("Không tìm thấy số định danh này trong CSDL quốc gia về dân cư.")}) from None
    except IdentityMismatch as mismatch:
        message = _("Không khớp với CSDL quốc gia về dân cư.")
        raise RegistrationRefused({field: message for field in mismatch.fields}) from None
    except (RegistryUnavailable, InvalidResponse):
        verified = False
    user.set_password(password)
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError:  # the same ID registered a moment ago in another request
        raise RegistrationRefused({"personal_id": _("Số định danh này đã có tài khoản.")}) from None
    return user, verified
