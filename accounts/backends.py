from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied

from . import lockout, signed_in


class SignInAddressLimit:
    """Every sign-in door — the portal's, the Django admin's, Wagtail's /cms/ and /_util/ — goes
    through authenticate(): once an address has failed SIGN_IN_ADDRESS_LIMIT times (on any door, any
    account), no password from it is even checked until the window ends. It signs nobody in, so it
    has no get_user (a session never names it)."""

    def authenticate(self, request, **credentials):
        if request is not None and lockout.address_wait(request):
            raise PermissionDenied  # authenticate() stops here and reports a failed sign-in
        return None


class PersonalIdBackend(ModelBackend):
    """Citizens sign in with their 12-digit personal ID; staff keep their user names."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username and len(username) == 12 and username.isdigit():
            user = get_user_model().objects.filter(personal_id=username).first()
            if user is not None:
                username = user.username
        return super().authenticate(request, username=username, password=password, **kwargs)

    def get_user(self, user_id):
        # Every signed-in request asks for the role and the agency (government.selectors.role_of, the staff
        # middlewares): all three in one query, or one cache read (accounts/signed_in.py).
        user = signed_in.load(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None
