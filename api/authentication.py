"""Who calls the API: a citizen (session, or a VNeID access token) or a registered system (API key)."""

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions
from rest_framework_api_key.permissions import KeyParser

from accounts.services import VneidAccountRefused, account_for_identity
from vneid_adapter.errors import ProviderUnavailable, SignInFailed
from vneid_adapter.tokens import identity_of_token

from .models import SystemClient

LAST_USED_PRECISION = dt.timedelta(minutes=5)


@dataclass(frozen=True)
class CitizenToken:
    assurance: int


class VneidBearerAuthentication(authentication.BaseAuthentication):
    """`Authorization: Bearer <VNeID access token>`: the citizen's app signed in with VNeID."""

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).decode("latin-1")
        if not header.startswith("Bearer "):
            return None
        try:
            identity = identity_of_token(header[7:].strip())
            user = account_for_identity(identity)
        except ProviderUnavailable:
            raise exceptions.AuthenticationFailed(
                _("Không kiểm tra được mã truy cập vì VNeID không phản hồi.")
            ) from None
        except SignInFailed:
            raise exceptions.AuthenticationFailed(_("Mã truy cập VNeID không hợp lệ hoặc đã hết hạn.")) from None
        except VneidAccountRefused as refused:
            raise exceptions.AuthenticationFailed(refused.message) from None
        return user, CitizenToken(identity.assurance)

    def authenticate_header(self, request):
        return 'Bearer realm="mot-cua"'


class SystemKeyAuthentication(authentication.BaseAuthentication):
    """`Authorization: Api-Key <key>`: a system registered in the admin (only the key's hash is kept)."""

    def authenticate(self, request):
        key = KeyParser().get(request)
        if not key:
            return None
        try:
            client = SystemClient.objects.get_from_key(key)
        except SystemClient.DoesNotExist:
            client = None
        if client is None or not client.is_valid(key) or client.has_expired or client.revoked:
            raise exceptions.AuthenticationFailed(_("Khóa API không đúng, đã thu hồi hoặc đã hết hạn."))
        now = timezone.now()
        if client.last_used_at is None or now - client.last_used_at > LAST_USED_PRECISION:  # not a write per request
            SystemClient.objects.filter(pk=client.pk).update(last_used_at=now)
        return client.acting_user or _NoUser(), client

    def authenticate_header(self, request):
        return 'Api-Key realm="mot-cua"'


class _NoUser:
    """A read-only system with no staff account: authenticated, but nobody in particular."""

    is_authenticated = True
    is_active = True
    is_staff = is_superuser = False
    pk = id = None


class VneidBearerScheme(OpenApiAuthenticationExtension):
    target_class = VneidBearerAuthentication
    name = "vneidBearer"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "bearerFormat": "JWT",
            "description": "Mã truy cập (access token) VNeID của công dân / a citizen's VNeID access token",
        }


class SystemKeyScheme(OpenApiAuthenticationExtension):
    target_class = SystemKeyAuthentication
    name = "systemKey"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "“Api-Key <khóa>” do quản trị hệ thống cấp / a key issued in the admin",
        }
