from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from government.exceptions import DomainError
from meetings import policy
from meetings.models import Meeting

# Meetings whose QR code this browser opened: their public documents are readable without a sign-in.
QR_SESSION_KEY = "meetings_qr"


def qr_meetings(request):
    return set(request.session.get(QR_SESSION_KEY, []))


def refusal(request, message, status=403):
    return render(request, "meetings/refused.html", {"message": message}, status=status)


def with_seat(view):
    """The meeting of the URL and the signed-in user's seat in it; nobody without a seat gets further,
    and organisers (and delegates, when the setting says) pass the second factor first."""

    @wraps(view)
    def wrapper(request, meeting_id, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        meeting = get_object_or_404(Meeting.objects.select_related("agency__unit"), pk=meeting_id)
        seat = policy.seat_of(request.user, meeting)
        if seat is None:
            return refusal(request, _("Anh/chị không có tên trong danh sách dự kỳ họp này."))
        if policy.needs_second_factor(request.user, seat):
            return second_factor_first(request)
        return view(request, meeting, seat, *args, **kwargs)

    return wrapper


def second_factor_first(request):
    """To the staff second factor, and back here after it."""
    return redirect(f"{reverse('accounts:otp')}?{urlencode({'next': request.get_full_path()})}")


def act(request, action, success, back):
    """Run a service and go back; its refusal is shown as a message and nothing changed."""
    try:
        action()
    except DomainError as error:
        messages.error(request, error.message)
        return redirect(back)
    if success:
        messages.success(request, success)
    return redirect(back)


def submit(request, form, action, success, back):
    """A posted form: its errors, or the service called with its cleaned data (see `act`)."""
    if not form.is_valid():
        return form_errors(request, form, back)
    return act(request, lambda: action(form.cleaned_data), success, back)


def form_errors(request, form, back):
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        for error in errors:
            messages.error(request, f"{label}: {error}" if label else error)
    return redirect(back)
