"""The assurance level of the current sign-in (Decree 69/2024 levels 1 and 2), which filing checks.

A level belongs to a sign-in, not to an account: the same person may sign in at level 1 today and
level 2 tomorrow. VNeID states it in the token; a demo password sign-in counts as
CITIZEN_PASSWORD_ASSURANCE; nothing else counts at all.
"""

from django.conf import settings
from django.http import HttpRequest

SESSION_LEVEL = "assurance_level"
SESSION_ID_TOKEN = "vneid_id_token"


def remember(request: HttpRequest, level: int, id_token: str) -> None:
    request.session[SESSION_LEVEL] = level
    request.session[SESSION_ID_TOKEN] = id_token


def level_of(request: HttpRequest) -> int:
    if not request.user.is_authenticated:
        return 0
    level = request.session.get(SESSION_LEVEL)
    if level is not None:
        return int(level)
    if settings.CITIZEN_PASSWORDS and request.user.has_usable_password():
        return settings.CITIZEN_PASSWORD_ASSURANCE
    return 0


def signed_in_with_vneid(request: HttpRequest) -> bool:
    return bool(request.session.get(SESSION_ID_TOKEN))
