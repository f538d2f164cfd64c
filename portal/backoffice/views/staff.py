"""A leader's page for their agency's staff: who has registered the second factor, and enrolment codes."""

from django import forms
from django.conf import settings
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts import enrolment, otp
from government.models import StaffRole
from government.selectors import agency_of, role_of
from procedures import policy

from .common import staff_refusal, staff_required


class IssueForm(forms.Form):
    user = forms.IntegerField(min_value=1, max_value=2**63 - 1)


@staff_required
@require_http_methods(["GET", "POST"])
def staff(request):
    agency = agency_of(request.user)
    if role_of(request.user) != policy.LEADER or agency is None:
        return staff_refusal(request, _("Trang này dành cho lãnh đạo cơ quan."))
    members = [
        role.user
        for role in StaffRole.objects.filter(agency=agency, user__is_active=True)
        .select_related("user")
        .order_by("user__last_name", "user__first_name")
    ]
    issued = None
    if request.method == "POST":
        form = IssueForm(request.POST)
        wanted = form.cleaned_data["user"] if form.is_valid() else None
        chosen = next((member for member in members if member.pk == wanted), None)
        if chosen is None or not enrolment.may_issue(request.user, chosen):
            return staff_refusal(request, _("Bạn chỉ cấp được mã cho cán bộ khác của cơ quan mình."))
        issued = (chosen, enrolment.issue(chosen, request.user))
    enrolled = otp.enrolled_ids(members)
    rows = [(member, member.pk in enrolled) for member in members]
    return render(
        request,
        "backoffice/staff.html",
        {"agency": agency, "rows": rows, "issued": issued, "hours": settings.OTP_ENROLMENT_CODE_HOURS},
    )
