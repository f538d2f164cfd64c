"""Access tokens that a citizen's app, signed in with VNeID, presents to the REST API.

The token is a JWT (RFC 9068) signed by the provider: checked here against the provider's keys,
the configured algorithms, issuer and audience, and its expiry, like an ID token (client.py).
"""

import time

from django.conf import settings
from django.core.cache import cache
from joserfc import jwt
from joserfc.errors import InvalidKeyIdError, JoseError
from joserfc.jwk import KeySet

from .claims import identity_from
from .client import _failures, provider
from .errors import SignInFailed

LEEWAY = 60


def identity_of_token(token):
    """The Identity in a valid access token; SignInFailed otherwise."""
    config = settings.VNEID
    if not isinstance(token, str) or token.count(".") != 2 or len(token) > 8192:
        raise SignInFailed("not a compact JWT")
    try:
        try:
            decoded = jwt.decode(token, _keys(), algorithms=list(config["ALGORITHMS"]))
        except InvalidKeyIdError:  # the provider may have rotated its keys since they were read
            if not _may_refresh_keys():
                raise
            decoded = jwt.decode(token, _keys(refresh=True), algorithms=list(config["ALGORITHMS"]))
        claims = decoded.claims
        jwt.JWTClaimsRegistry(
            leeway=LEEWAY,
            iss={"essential": True, "value": config["ISSUER"]},
            aud={"essential": True, "value": config["API_AUDIENCE"] or config["CLIENT_ID"]},
            exp={"essential": True},
        ).validate(claims)
    except (JoseError, ValueError, TypeError) as error:
        raise SignInFailed(f"{type(error).__name__}: {error}") from error
    if decoded.header.get("typ", "").lower() not in ("at+jwt", "application/at+jwt"):
        raise SignInFailed("not an access token (typ)")  # an ID token is not an API credential
    if claims.get("exp", 0) > time.time() + 24 * 3600:
        raise SignInFailed("token lives longer than a day")
    return identity_from(claims)


def _may_refresh_keys():
    """The first unknown key id in KEYS_REFRESH_SECONDS reads the keys again, for every worker and
    instance (the shared cache); the others are refused with the keys at hand. A forger sending a new
    id on every request would otherwise have the portal call the provider on every request."""
    return cache.add("vneid:keys-refreshed", 1, timeout=settings.VNEID["KEYS_REFRESH_SECONDS"])


def _keys(refresh=False):
    with _failures():
        app = provider()
        app.load_server_metadata()
        return KeySet.import_key_set(app.fetch_jwk_set(force=refresh))
