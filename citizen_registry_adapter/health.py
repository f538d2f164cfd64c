import requests
from django.conf import settings


def health():
    """(ok, detail) of the population registry, without a citizen lookup."""
    config = settings.CITIZEN_REGISTRY
    if config["BACKEND"] == "memory":
        return True, "in-process"
    try:
        response = requests.get(
            config["URL"].rstrip("/") + "/health", timeout=(config["CONNECT_TIMEOUT"], config["READ_TIMEOUT"])
        )
    except requests.RequestException as error:
        return False, type(error).__name__
    return response.status_code == 200, f"HTTP {response.status_code}"
