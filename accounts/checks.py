"""`manage.py check --deploy`: no production with the demo's password accounts. (The fake outside
systems' demo secrets stop the settings from loading at all: portal/settings.py, outside_secret.)"""

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security, deploy=True)
def no_citizen_passwords(app_configs, **kwargs):
    if settings.CITIZEN_PASSWORDS:
        return [
            checks.Warning(
                "CITIZEN_PASSWORDS is on: citizens may register with a password (a demo "
                "feature); production uses VNeID only.",
                id="portal.W001",
            )
        ]
    return []
