"""System checks for the domain's settings: a broken value fails `manage.py check`, not a receipt."""

import datetime as dt

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured

from procedures.services.codes import code_format


@checks.register()
def dossier_code_format(app_configs, **kwargs):
    try:
        code_format()
    except ImproperlyConfigured as error:
        return [checks.Error(str(error), id="procedures.E001")]
    return []


@checks.register()
def form_set_switch_date(app_configs, **kwargs):
    try:
        dt.date.fromisoformat(settings.FORM_SET_2025_FROM)
    except (TypeError, ValueError):
        return [
            checks.Error(
                f"FORM_SET_2025_FROM must be a date like 2025-07-01, not {settings.FORM_SET_2025_FROM!r}",
                id="procedures.E002",
            )
        ]
    return []
