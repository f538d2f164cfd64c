"""What applicants declared in a procedure's electronic forms, as CSV: the key fields per dossier."""

import csv

from django import forms
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from eforms.forms import show
from eforms.models import DossierForm
from eforms.selectors import key_columns
from procedures.models import Procedure
from procedures.queues import visible_dossiers
from reporting.exports import spreadsheet_text

from .common import staff_required


class ExportForm(forms.Form):
    thu_tuc = forms.IntegerField(min_value=1, max_value=2_000_000_000, label=gettext_lazy("Thủ tục"))


@staff_required
def export(request):
    form = ExportForm({"thu_tuc": request.GET.get("thu-tuc", "")})
    if not form.is_valid():
        return HttpResponse(
            _("Hãy chọn thủ tục cần xuất tờ khai."), status=400, content_type="text/plain; charset=utf-8"
        )
    procedure = get_object_or_404(Procedure, pk=form.cleaned_data["thu_tuc"])
    columns = key_columns(procedure)
    records = (
        DossierForm.objects.filter(
            dossier__in=visible_dossiers(request.user).filter(procedure=procedure), submitted_at__isnull=False
        )
        .select_related("dossier", "required_document")
        .order_by("dossier__received_at", "dossier_id")
    )
    by_dossier = {}
    for record in records:
        by_dossier.setdefault(record.dossier, {})[record.required_document_id] = record
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="to-khai-{procedure.national_code}.csv"'
    response.write("\ufeff")  # Excel opens UTF-8 with a BOM
    writer = csv.writer(response)
    writer.writerow([_("Mã hồ sơ"), _("Người nộp"), _("Ngày nộp")] + [label for _d, _k, label in columns])
    for dossier, forms_of in by_dossier.items():
        row = [dossier.code, dossier.applicant_name, dossier.submitted_at.strftime("%d/%m/%Y %H:%M")]
        for document, key, _label in columns:
            record = forms_of.get(document.pk)
            spec = next((s for s in (record.definition["fields"] if record else []) if s["key"] == key), None)
            row.append(show(spec, record.values.get(key)) if record and spec else "")
        writer.writerow([spreadsheet_text(cell) for cell in row])  # citizens typed these
    return response
