"""`manage.py check --deploy`: no production with the fake outside systems' demo secrets."""

from django.conf import settings
from django.core import checks

DEMO_SECRETS = {
    ("VNEID", "CLIENT_SECRET"): "fake-vneid-secret",
    ("PAYMENT", "SECRET"): "fake-payment-secret",
}


@checks.register(checks.Tags.security, deploy=True)
def outside_systems_have_real_secrets(app_configs, **kwargs):
    errors = []
    for (setting, key), demo in DEMO_SECRETS.items():
        if getattr(settings, setting)[key] == demo:
            errors.append(checks.Error(f"{setting}['{key}'] is the fake server's demo secret; set the real one "
                                       f"in the environment.", id="portal.E001"))
    if settings.CITIZEN_PASSWORDS:
        errors.append(checks.Warning("CITIZEN_PASSWORDS is on: citizens may register with a password (a demo "
                                     "feature); production uses VNeID only.", id="portal.W001"))
    return errors
