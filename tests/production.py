"""The environment of a production-like process started by a test: DJANGO_DEBUG off, every secret set."""

import secrets

OUTSIDE_SECRETS = (
    "CITIZEN_REGISTRY_API_KEY",
    "NATIONAL_PORTAL_API_KEY",
    "DOCUMENT_AXIS_API_KEY",
    "PAYMENT_SECRET",
    "VNEID_CLIENT_SECRET",
)


def production_env(**changes):
    values = {name: secrets.token_urlsafe(20) for name in OUTSIDE_SECRETS}
    return {"DJANGO_DEBUG": "0", "DJANGO_SECRET_KEY": secrets.token_urlsafe(50), **values, **changes}
