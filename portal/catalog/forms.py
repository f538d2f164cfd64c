from django import forms

from government.models import UnitLevel
from procedures.models import OnlineServiceLevel

MAX_PAGE = 10_000
MAX_ID = 2**31 - 1


class CatalogFilterForm(forms.Form):
    """The public catalog's filters. A value that does not make sense is ignored, not an error page:
    the visitor followed a link or edited the address, and still gets the catalog."""

    q = forms.CharField(required=False, max_length=100)
    level = forms.ChoiceField(required=False, choices=[("", "")] + list(UnitLevel.choices))
    field = forms.IntegerField(required=False, min_value=1, max_value=MAX_ID)
    point = forms.CharField(required=False, max_length=100)
    online = forms.ChoiceField(required=False, choices=[("", "")] + list(OnlineServiceLevel.choices))
    page = forms.IntegerField(required=False, min_value=1, max_value=MAX_PAGE)
