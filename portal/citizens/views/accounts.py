from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.consent import give_consent
from accounts.models import Method, Purpose
from accounts.services import RegistrationRefused, register_citizen, registration_wait
from citizen_registry_adapter.errors import InvalidPersonalId
from government import ratelimit
from portal.forms import NextForm

from ..forms import RegistrationForm


def register(request):
    if not settings.CITIZEN_PASSWORDS:  # production: accounts come from VNeID (portal/accounts/vneid.py)
        return redirect("accounts:vneid")
    form = RegistrationForm(request.POST or None)
    if request.method == "POST":
        # As the form reads it (surrounding spaces and tabs dropped): " 0190…" must count as "0190…".
        typed = request.POST.get("personal_id", "").strip()
        wait = registration_wait(ratelimit.client_ip(request), typed if typed.isdigit() and len(typed) == 12 else None)
        if wait:
            form.is_valid()  # so that what was typed is shown again
            form.add_error(
                None,
                _("Bạn đã thử đăng ký quá nhiều lần. Vui lòng thử lại sau %(minutes)s phút.")
                % {"minutes": ratelimit.minutes(wait)},
            )
            return render(request, "citizens/register.html", {"form": form}, status=429)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user, verified = register_citizen(
                personal_id=data["personal_id"],
                full_name=data["full_name"],
                date_of_birth=data["date_of_birth"],
                phone=data["phone"],
                email=data["email"],
                password=data["password1"],
            )
        except InvalidPersonalId as error:
            form.add_error("personal_id", str(error.message))
        except RegistrationRefused as refused:
            for field, message in refused.errors.items():
                form.add_error(field if field in form.fields else None, str(message))
        else:
            for field, purpose in (("consent_sms", Purpose.SMS), ("consent_email", Purpose.EMAIL)):
                if data[field]:
                    give_consent(user, purpose, method=Method.REGISTRATION)
            login(request, user, backend="accounts.backends.PersonalIdBackend")
            if verified:
                messages.success(request, _("Đã tạo tài khoản. Họ tên và ngày sinh khớp CSDL quốc gia về dân cư."))
            else:
                messages.warning(
                    request,
                    _(
                        "Đã tạo tài khoản. CSDL quốc gia về dân cư tạm thời chưa phản hồi nên danh tính sẽ được xác thực "
                        "khi bạn nộp hồ sơ."
                    ),
                )
            return redirect(NextForm.target(request, reverse("citizens:my_dossiers")))
    return render(request, "citizens/register.html", {"form": form}, status=400 if form.errors else 200)
