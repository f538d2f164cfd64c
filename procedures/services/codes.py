import datetime as dt

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from government.calendar import LOCAL_TZ
from government.sequences import next_value
from procedures.models import DossierCodeSequence


def code_format():
    """DOSSIER_CODE_FORMAT, checked. Circular 01/2018/TT-VPCP art. 19 gives the default shape; Circular
    03/2025/TT-VPCP also defines codes, so the shape stays a setting until its text is checked."""
    shape = settings.DOSSIER_CODE_FORMAT
    try:
        sample = shape.format(agency="000.00.00.H00", day=dt.date(2026, 1, 2), sequence=1)
    except (KeyError, IndexError, ValueError) as error:
        raise ImproperlyConfigured(f"DOSSIER_CODE_FORMAT {shape!r}: {error}") from None
    if "{sequence" not in shape or "{agency" not in shape or len(sample) > 40:
        raise ImproperlyConfigured("DOSSIER_CODE_FORMAT needs {agency} and {sequence} and at most 40 characters")
    return shape


def next_dossier_code(agency, moment):
    """The next code of `agency` for the day of `moment`, in the shape of DOSSIER_CODE_FORMAT
    (by default `<agency electronic code>-<yymmdd>-<sequence>`, Circular 01/2018/TT-VPCP art. 19).

    Must run inside the transaction that saves the dossier: a rolled-back dossier gives its number
    back, but a number once committed is never issued again.
    """
    day = moment.astimezone(LOCAL_TZ).date()
    value = next_value(DossierCodeSequence, {"agency_id": agency.pk, "day": day})
    return code_format().format(agency=agency.electronic_code, day=day, sequence=value)
