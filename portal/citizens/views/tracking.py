"""Public tracking: the dossier code plus 4 digits only the applicant knows; nothing personal shown."""

from django.conf import settings
from django.shortcuts import render
from django.utils.translation import gettext as _

from government.ratelimit import client_ip, hit, minutes
from procedures.selectors import citizen_view, timeline, tracked_dossier

from ..forms import TrackingForm


def track(request):
    form = TrackingForm(request.POST or None, initial={"code": request.GET.get("ma", "")[:40]})
    context, status = {"form": form}, 200
    if request.method == "POST":
        limit, window = settings.TRACKING_RATE_LIMIT
        wait = hit("track", client_ip(request), limit=limit, window=window)
        if wait:
            context["limited"] = _("Bạn đã tra cứu quá nhiều lần. Vui lòng thử lại sau %(minutes)s phút.") % {
                "minutes": minutes(wait)
            }
            return render(request, "citizens/track.html", context, status=429)
        if form.is_valid():
            dossier = tracked_dossier(form.cleaned_data["code"], form.cleaned_data["secret"])
            if dossier is None:
                form.add_error(None, _("Không tìm thấy hồ sơ khớp với mã hồ sơ và 4 chữ số đã nhập."))
                status = 404
            else:
                context.update(dossier=dossier, events=timeline(dossier), **citizen_view(dossier))
        else:
            status = 400
    return render(request, "citizens/track.html", context, status=status)
