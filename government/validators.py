"""Validators every system shares, whoever reads the value (a page's form, the API, a command)."""

from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

# A Vietnamese mobile or landline number as people write it: ten digits starting with 0.
PHONE = RegexValidator(r"^0\d{9}$", _("Số điện thoại gồm 10 chữ số, bắt đầu bằng 0."))
