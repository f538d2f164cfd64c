"""System checks for the domain's settings: a broken value fails `manage.py check`, not a receipt."""

from django.core import checks
from django.core.exceptions import ImproperlyConfigured


@checks.register()
def dossier_code_format(app_configs, **kwargs):
    from procedures.services.codes import code_format

    try:
        code_format()
    except ImproperlyConfigured as error:
        return [checks.Error(str(error), id="procedures.E001")]
    return []
