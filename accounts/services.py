"""Citizen accounts: registration checked against the National Population Database.

Registration must not tell a stranger anything about someone else's ID: every refusal that
depends on the registry or on existing accounts gets the same one answer (MISMATCH), and the
view throttles attempts per client address and per ID (`registration_wait`).
"""

import datetime as dt

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.identity import IdentityMismatch, verify_account
from accounts.models import User
from citizen_registry_adapter.client import RegistryClient
from citizen_registry_adapter.errors import CitizenNotFound, InvalidPersonalId, InvalidResponse, RegistryUnavailable
from citizen_registry_adapter.personal_id import mask, parse
from government import ratelimit
from government.models import StaffRole
from vneid_adapter.claims import Identity

MISMATCH = gettext_lazy(
    "Thông tin không khớp. Kiểm tra số định danh, họ tên và ngày sinh đúng như trên thẻ căn cước. "
    "Nếu bạn đã có tài khoản, hãy đăng nhập hoặc lấy lại mật khẩu."
)


class RegistrationRefused(Exception):
    """`errors` maps form field names (None: the whole form) to messages for the citizen."""

    def __init__(self, errors: dict) -> None:
        self.errors = errors
        super().__init__(errors)


def split_name(full_name: str) -> tuple[str, str]:
    """ "Nguyễn Văn An" → ("An", "Nguyễn Văn"): given name, then family and middle names."""
    words = " ".join(full_name.split()).split(" ")
    return words[-1], " ".join(words[:-1])


def registration_wait(client_address: str, personal_id: str | None = None) -> int:
    """Seconds to wait before another registration attempt from this address or for this ID (0: go).
    Without a well-formed ID (`None`) only the address counts: a typo must not share one budget with
    everybody else's typos."""
    per_address, per_id, window = settings.REGISTRATION_RATE_LIMIT
    waits = [ratelimit.hit("register-address", client_address, limit=per_address, window=window)]
    if personal_id is not None:
        waits.append(ratelimit.hit("register-id", personal_id, limit=per_id, window=window))
    return max(waits)


def register_citizen(
    *,
    personal_id: str,
    full_name: str,
    date_of_birth: dt.date,
    phone: str,
    password: str,
    email: str = "",
    registry: RegistryClient | None = None,
) -> tuple[User, bool]:
    """Create the account; returns it and whether the registry confirmed the name and birth date.

    A registry that cannot answer does not stop registration: the account is created unverified,
    gets no registry data, and does not hold the ID against its owner. A later registration that
    the registry confirms takes the ID, and the unverified account is closed and flagged.
    """
    parse(personal_id)  # the form of the number only: its own message, nothing about anyone's data
    try:
        parse(personal_id, date_of_birth)
    except InvalidPersonalId:
        raise RegistrationRefused({None: MISMATCH}) from None
    User = get_user_model()
    holder = User.objects.filter(personal_id=personal_id).first()
    first_name, last_name = split_name(full_name)
    user = User(
        username=personal_id,
        personal_id=personal_id,
        first_name=first_name,
        last_name=last_name,
        phone=phone,
        email=email,
        date_of_birth=date_of_birth,
    )
    # The registry is asked whether or not an account holds the ID, so that the time of the answer
    # does not tell a stranger that one does (a refusal without asking took 0.02 s, with 0.46 s).
    try:
        verified = verify_account(user, registry=registry)
    except (CitizenNotFound, IdentityMismatch):
        raise RegistrationRefused({None: MISMATCH}) from None
    except (RegistryUnavailable, InvalidResponse):
        verified = False
    if holder is not None and holder.identity_verified_at is not None:
        raise RegistrationRefused({None: MISMATCH})
    if holder is not None and not verified:  # two unconfirmed claims: nothing says which is the owner
        raise RegistrationRefused({None: MISMATCH})
    user.set_password(password)
    try:
        with transaction.atomic():
            if holder is not None and not _release(holder):
                raise IntegrityError("the holder was verified meanwhile")
            user.save()
    except IntegrityError:  # the same ID registered a moment ago in another request
        raise RegistrationRefused({None: MISMATCH}) from None
    return user, verified


def _release(holder: User) -> int:
    """Close an unverified account whose ID its verified owner has just registered; flag it for review."""
    return (
        get_user_model()
        .objects.filter(pk=holder.pk, identity_verified_at__isnull=True)
        .update(
            personal_id=None,
            username=f"chua-xac-thuc-{holder.pk}",
            is_active=False,
            flagged_at=timezone.now(),
            flag_reason=_(
                "Đăng ký khi CSDL dân cư không phản hồi với số định danh %(id)s; chủ số định danh đã đăng ký "
                "và được xác thực. Kiểm tra các hồ sơ của tài khoản này."
            )
            % {"id": mask(holder.personal_id)},
        )
        == 1
    )


class VneidAccountRefused(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def account_for_identity(identity: Identity, *, at: dt.datetime | None = None) -> User:
    """The citizen account of a person VNeID has identified: created on first sign-in, verified and
    keyed by the personal ID; an existing account with that ID (a demo password account) is the
    same person's and is used, never duplicated. An unverified account holding the ID (registered
    while the registry did not answer) is closed and flagged, as a confirmed registration does."""
    at = at or timezone.now()
    User = get_user_model()
    first_name, last_name = split_name(identity.full_name)
    with transaction.atomic():
        holder = User.objects.select_for_update().filter(personal_id=identity.personal_id).first()
        if holder is not None and (holder.is_staff or holder.is_superuser or _has_staff_role(holder)):
            raise VneidAccountRefused(
                _(
                    "Số định danh này thuộc một tài khoản cán bộ. Cán bộ đăng nhập bằng tên đăng "
                    "nhập, mật khẩu và xác thực hai lớp tại trang dành cho cán bộ."
                )
            )
        if holder is not None and not holder.is_active and holder.identity_verified_at is not None:
            raise VneidAccountRefused(_("Tài khoản của bạn đang bị khóa. Vui lòng liên hệ bộ phận hỗ trợ."))
        if holder is not None and holder.identity_verified_at is None:
            _release(holder)
            holder = None
        if holder is None:
            username = identity.personal_id
            if User.objects.filter(username=username).exists():
                username = f"vneid-{identity.personal_id}"
            user = User(
                username=username,
                personal_id=identity.personal_id,
                first_name=first_name,
                last_name=last_name,
                date_of_birth=identity.date_of_birth,
                identity_verified_at=at,
            )
            user.set_unusable_password()
            user.save()
            return user
        # VNeID is the authority on the name and birth date; the account follows it (written only when
        # something differs: an app's token signs in on every API request).
        current = (holder.first_name, holder.last_name, holder.date_of_birth)
        if current != (first_name, last_name, identity.date_of_birth) or holder.identity_verified_at is None:
            holder.first_name, holder.last_name, holder.date_of_birth = first_name, last_name, identity.date_of_birth
            holder.identity_verified_at = holder.identity_verified_at or at
            holder.save(update_fields=["first_name", "last_name", "date_of_birth", "identity_verified_at"])
        return holder


def _has_staff_role(user: User) -> bool:
    return StaffRole.objects.filter(user=user).exists()
