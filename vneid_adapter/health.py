import requests
from django.conf import settings


def health():
    """(ok, detail): the provider's discovery document answers and names the configured issuer."""
    config = settings.VNEID
    url = config["DISCOVERY_URL"] or config["ISSUER"] + "/.well-known/openid-configuration"
    try:
        response = requests.get(url, timeout=(config["CONNECT_TIMEOUT"], config["READ_TIMEOUT"]))
        issuer = response.json().get("issuer") if response.status_code == 200 else None
    except (requests.RequestException, ValueError, AttributeError) as error:
        return False, type(error).__name__
    if response.status_code != 200:
        return False, f"HTTP {response.status_code}"
    return (issuer == config["ISSUER"]), "OK" if issuer == config["ISSUER"] else f"issuer {issuer!r}"
