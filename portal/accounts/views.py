import base64
import io

import qrcode
import qrcode.image.svg
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LoginView
from django.shortcuts import redirect, render
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from accounts import enrolment, lockout, otp
from government import ratelimit
from government.models import Role
from government.selectors import role_of
from portal.forms import NextForm

from .middleware import is_staff_account

ENROLMENT_SESSION_KEY = "otp_enrolment_code"


class TokenForm(forms.Form):
    token = forms.CharField(
        label=gettext_lazy("Mã xác thực"),
        max_length=12,
        help_text=gettext_lazy("6 số trên ứng dụng xác thực, hoặc một mã dự phòng 8 số."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "autofocus": True}),
    )


class EnrolmentCodeForm(forms.Form):
    enrolment_code = forms.CharField(
        label=gettext_lazy("Mã đăng ký"),
        max_length=20,
        help_text=gettext_lazy("10 chữ số do quản trị hệ thống hoặc lãnh đạo đơn vị cấp cho bạn; dùng một lần."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "autofocus": True}),
    )


class SignInView(LoginView):
    """One sign-in for everyone; staff then go through the second factor, citizens to their dossiers."""

    template_name = "citizens/login.html"

    def post(self, request, *args, **kwargs):
        wait = lockout.address_wait(request)
        if wait:
            return render(request, "accounts/locked_out.html", {"minutes": ratelimit.minutes(wait)}, status=429)
        return super().post(request, *args, **kwargs)

    def get_default_redirect_url(self):
        if role_of(self.request.user) == Role.DELEGATE:  # an elected delegate's work is the meetings
            return "/hop/"
        return "/can-bo/" if is_staff_account(self.request.user) else "/ho-so/"


def _next(request, default="/can-bo/"):
    return NextForm.target(request, default)


def _passed(request, device):
    """The second factor is done: record it, and give the session a new key (the old one was known
    to whoever saw the page before the second factor)."""
    otp_login(request, device)
    request.session.cycle_key()


@login_required
def second_factor(request):
    if not is_staff_account(request.user):
        return redirect("/ho-so/")
    if request.user.is_verified():
        return redirect(_next(request))
    if otp.confirmed_totp(request.user) is None:
        return redirect("/can-bo/xac-thuc/dang-ky/?" + urlencode({"next": _next(request)}))
    form = TokenForm(request.POST or None)
    status = 400 if form.errors else 200
    if request.method == "POST" and form.is_valid():
        device, wait = otp.verify(request.user, form.cleaned_data["token"])
        if device is not None:
            _passed(request, device)
            if device.persistent_id.startswith("otp_static"):
                messages.warning(request, _("Bạn vừa dùng một mã dự phòng; mỗi mã chỉ dùng được một lần."))
            return redirect(_next(request))
        if wait:
            form.add_error(
                "token",
                _("Bạn đã nhập sai nhiều lần. Vui lòng chờ %(seconds)s giây rồi nhập mã mới nhất.") % {"seconds": wait},
            )
            status = 429
        else:
            form.add_error("token", _("Mã không đúng hoặc đã hết hạn."))
            status = 400
    return render(request, "accounts/second_factor.html", {"form": form, "next": _next(request)}, status=status)


@login_required
def enrol(request):
    """First the enrolment code an administrator issued, then the authenticator app's QR code."""
    if not is_staff_account(request.user):
        return redirect("/ho-so/")
    if otp.confirmed_totp(request.user) is not None:
        return redirect("/can-bo/xac-thuc/?" + urlencode({"next": _next(request)}))
    code_id = request.session.get(ENROLMENT_SESSION_KEY)
    if code_id is None:
        return _enrolment_code(request)
    device = otp.pending_totp(request.user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = otp.confirm_totp(device, "".join(form.cleaned_data["token"].split()))
        if codes is not None:
            enrolment.mark_used(code_id)
            del request.session[ENROLMENT_SESSION_KEY]
            _passed(request, device)
            return render(request, "accounts/backup_codes.html", {"codes": codes, "next": _next(request)})
        form.add_error("token", _("Mã không đúng. Kiểm tra giờ trên điện thoại rồi nhập mã mới nhất."))
    return render(
        request,
        "accounts/enrol.html",
        {
            "form": form,
            "qr": _qr_svg(device.config_url),
            "secret": base64.b32encode(device.bin_key).decode(),
            "next": _next(request),
        },
        status=400 if form.errors else 200,
    )


def _enrolment_code(request):
    form = EnrolmentCodeForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        limit, window = settings.OTP_ENROLMENT_RATE_LIMIT
        wait = ratelimit.hit("otp-enrolment", request.user.pk, limit=limit, window=window)
        code = None if wait else enrolment.redeem(request.user, form.cleaned_data["enrolment_code"])
        if code is not None:
            request.session[ENROLMENT_SESSION_KEY] = code.pk
            return redirect("/can-bo/xac-thuc/dang-ky/?" + urlencode({"next": _next(request)}))
        if wait:
            form.add_error(
                "enrolment_code",
                _("Bạn đã nhập sai nhiều lần. Vui lòng thử lại sau %(minutes)s phút.")
                % {"minutes": ratelimit.minutes(wait)},
            )
            status = 429
        else:
            form.add_error(
                "enrolment_code",
                _(
                    "Mã đăng ký không đúng, đã dùng hoặc đã hết hạn. "
                    "Hãy xin quản trị hệ thống hoặc lãnh đạo đơn vị cấp mã mới."
                ),
            )
            status = 400
    return render(request, "accounts/enrolment_code.html", {"form": form, "next": _next(request)}, status=status)


@require_POST
def sign_out(request):
    logout(request)
    return redirect("/")


def _qr_svg(url):
    buffer = io.BytesIO()
    qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8).save(buffer)
    return buffer.getvalue().decode()
