from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from procedures import policy

# Everything staff do happens under these paths; each needs a verified second factor.
PROTECTED = ("/can-bo/", "/cms/", "/django-admin/")


def is_staff_account(user):
    return user.is_authenticated and (user.is_staff or policy.role_of(user) != policy.CITIZEN)


class StaffSecondFactorMiddleware:
    """No staff page without a verified TOTP or backup code: unverified staff go to the second step."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if request.path.startswith(PROTECTED) and is_staff_account(user) and not user.is_verified():
            second_step = reverse("accounts:otp")
            if not request.path.startswith(("/can-bo/xac-thuc/", "/can-bo/dang-xuat/")):
                return redirect(f"{second_step}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)
