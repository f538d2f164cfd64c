"""A citizen account's identity, confirmed with the National Population Database."""

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts import signed_in
from accounts.models import User
from citizen_registry_adapter.client import RegistryClient
from citizen_registry_adapter.errors import RegistryError
from citizen_registry_adapter.registry import get_registry


def verify_account(user: User, *, registry: RegistryClient | None = None) -> bool:
    """Check a citizen account's name and date of birth; True once the registry agrees.

    Raises `CitizenNotFound` or `IdentityMismatch` when it disagrees, `RegistryUnavailable` or
    `InvalidResponse` when it cannot say.
    """
    if user.identity_verified_at is not None:
        return True
    declared = {"personal_id": user.personal_id, "full_name": user.get_full_name()}
    if user.date_of_birth:
        declared["date_of_birth"] = user.date_of_birth.isoformat()
    verification = (registry or get_registry()).verify(declared, purpose="xac-thuc-tai-khoan", actor=user.username)
    if not verification.matches:
        raise IdentityMismatch([result.field for result in verification.problems])
    user.identity_verified_at = timezone.now()
    if user.pk:
        get_user_model().objects.filter(pk=user.pk).update(identity_verified_at=user.identity_verified_at)
        signed_in.forget([user.pk])  # an update() sends no signal
    return True


class IdentityMismatch(RegistryError):
    code = "mismatch"
    default_message = _("Họ tên hoặc ngày sinh không khớp với CSDL quốc gia về dân cư.")

    def __init__(self, fields: list) -> None:
        self.fields = fields
        super().__init__()
