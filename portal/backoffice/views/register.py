from django.http import HttpResponse
from django.shortcuts import render

from government.selectors import agency_of
from procedures.pdf.register import desk_register

from ..forms import RegisterForm
from .common import staff_required


@staff_required
def register(request):
    agency = agency_of(request.user)
    form = RegisterForm(request.GET or None)
    if agency is not None and request.GET and form.is_valid():
        pdf = desk_register(agency, form.cleaned_data["start"], form.cleaned_data["end"])
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="so-theo-doi-{form.cleaned_data["start"]}.pdf"'
        return response
    return render(
        request, "backoffice/register.html", {"form": form, "agency": agency}, status=400 if form.errors else 200
    )
