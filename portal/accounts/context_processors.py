from django.conf import settings


def sign_in(request):
    """Whether citizens may have password accounts here (the embedded demo) or only VNeID."""
    return {"citizen_passwords": settings.CITIZEN_PASSWORDS}
