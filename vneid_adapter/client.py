"""The portal as an OpenID Connect relying party of VNeID, with Authlib.

Authlib does the protocol: discovery, PKCE (S256), state and nonce kept in the session, and the ID
token's signature (keys from the provider's JWKS), issuer, audience, expiry and nonce. Two things are
the portal's own: the signing algorithms come from settings, never from the provider's discovery
document (a provider that announced "none" must not be believed), and the discovery document must
name the issuer configured here. See docs/decisions/0012-vneid-with-authlib.md.
"""

import threading
import time

import requests
from authlib.common.errors import AuthlibBaseError
from authlib.integrations.base_client import OAuthError
from authlib.integrations.django_client import DjangoOAuth2App, OAuth
from django.conf import settings
from joserfc.errors import JoseError

from .claims import identity_from
from .errors import Cancelled, ProviderUnavailable, SignInFailed, StateInvalid

NAME = "vneid"


class _Provider(DjangoOAuth2App):
    def load_server_metadata(self):
        metadata = super().load_server_metadata()
        if metadata.get("issuer") != settings.VNEID["ISSUER"]:
            raise SignInFailed(f"discovery names issuer {metadata.get('issuer')!r}")
        metadata["id_token_signing_alg_values_supported"] = list(settings.VNEID["ALGORITHMS"])
        return metadata


_cache: dict = {}
_lock = threading.Lock()


def provider():
    """The configured provider; its discovery document and keys are kept for METADATA_TTL seconds."""
    config = settings.VNEID
    key = (config["ISSUER"], config["CLIENT_ID"], config["CLIENT_SECRET"], config["DISCOVERY_URL"])
    with _lock:
        entry = _cache.get(key)
        if entry is None or time.monotonic() - entry[1] > config["METADATA_TTL"]:
            oauth = OAuth()
            oauth.oauth2_client_cls = _Provider
            app = oauth.register(
                NAME,
                client_id=config["CLIENT_ID"],
                client_secret=config["CLIENT_SECRET"],
                server_metadata_url=config["DISCOVERY_URL"] or config["ISSUER"] + "/.well-known/openid-configuration",
                client_kwargs={
                    "scope": config["SCOPE"],
                    "code_challenge_method": "S256",
                    "token_endpoint_auth_method": "client_secret_basic",
                    "default_timeout": (config["CONNECT_TIMEOUT"], config["READ_TIMEOUT"]),
                },
            )
            entry = _cache[key] = (app, time.monotonic())
    return entry[0]


def forget_provider():
    """Drop the kept discovery document and keys (a key rotation, or tests switching providers)."""
    with _lock:
        _cache.clear()


def sign_in_redirect(request, redirect_uri, *, level):
    """The redirect to the provider's sign-in page, asking for assurance `level`."""
    with _failures():
        return provider().authorize_redirect(request, redirect_uri, acr_values=f"LoA{level}", ui_locales="vi")


def complete(request):
    """The callback: exchange the code, check the ID token; returns (Identity, ID token)."""
    error = request.GET.get("error")
    if error:
        if error == "access_denied":
            raise Cancelled(error)
        raise SignInFailed(f"provider answered error={error[:60]}")
    with _failures():
        token = provider().authorize_access_token(request)
    claims = token.get("userinfo")
    if not claims or not token.get("id_token"):
        raise SignInFailed("no ID token in the token response")
    return identity_from(claims), token["id_token"]


def logout_url(id_token, post_logout_redirect_uri):
    """The provider's end-session address (RP-initiated logout), or None if it offers none."""
    try:
        with _failures():
            metadata = provider().load_server_metadata()
    except SignInFailed:
        return None  # signed out here in any case; the provider cannot be told now
    endpoint = metadata.get("end_session_endpoint")
    if not endpoint:
        return None
    request = requests.Request(
        "GET",
        endpoint,
        params={
            "id_token_hint": id_token,
            "post_logout_redirect_uri": post_logout_redirect_uri,
            "client_id": settings.VNEID["CLIENT_ID"],
        },
    ).prepare()
    return request.url


class _failures:
    """Every way the exchange can fail, as the one exception the views show."""

    def __enter__(self):
        return self

    def __exit__(self, kind, error, tb):
        if error is None or isinstance(error, SignInFailed):
            return False
        if isinstance(error, OAuthError) and error.error == "mismatching_state":
            raise StateInvalid(str(error)) from error
        if isinstance(error, (requests.Timeout, requests.ConnectionError)):
            raise ProviderUnavailable(type(error).__name__) from error
        if isinstance(error, requests.HTTPError):
            status = error.response.status_code if error.response is not None else "?"
            raise ProviderUnavailable(f"HTTP {status}") from error
        if isinstance(error, (AuthlibBaseError, JoseError, ValueError, KeyError, TypeError)):
            raise SignInFailed(f"{type(error).__name__}: {error}") from error
        return False
