"""The province dashboard: figures of a period for the user's scope, charts, tables and exports."""

import datetime as dt
import re

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from procedures import dashboard as reads
from procedures.exceptions import PermissionDenied

from .. import charts, exports
from .common import staff_required

MONTH = re.compile(r"^(\d{4})-(\d{2})$")
FIGURE_COLUMNS = [
    ("label", _("Tên")), ("received", _("Tiếp nhận")), ("received_online", _("Trực tuyến")),
    ("received_counter", _("Trực tiếp")), ("resolved", _("Đã giải quyết")), ("resolved_early", _("Trước hạn")),
    ("resolved_on_time", _("Đúng hạn")), ("resolved_late", _("Trễ hạn")), ("on_time_rate", _("Tỉ lệ đúng hạn")),
    ("online_rate", _("Tỉ lệ trực tuyến")), ("digitisation_rate", _("Tỉ lệ số hóa hồ sơ")),
    ("withdrawn", _("Rút")), ("rejected", _("Từ chối tiếp nhận")), ("supplements", _("Yêu cầu bổ sung")),
    ("satisfaction", _("Hài lòng (trên 5)")),
]
BREAKDOWNS = [("level", _("Theo cấp")), ("unit", _("Theo đơn vị")), ("agency", _("Theo cơ quan")),
              ("procedure", _("Theo thủ tục")), ("field", _("Theo lĩnh vực"))]


def _period(request):
    default = reads.Period.year_to_date()
    months = []
    for name in ("tu", "den"):
        match = MONTH.match(request.GET.get(name, ""))
        months.append(dt.date(int(match[1]), int(match[2]), 1) if match and 1 <= int(match[2]) <= 12 else None)
    start, end = months[0] or default.start, months[1] or default.end
    return reads.Period(min(start, end), max(start, end))


def _cell(figures, key):
    value = getattr(figures, key) if key != "label" else figures.label
    if key.endswith("_rate"):
        return round(value * 100, 1) if value is not None else ""
    if key == "satisfaction":
        return round(value, 2) if value is not None else ""
    return value


def _table(slug, title, figures):
    return {"slug": slug, "title": title, "columns": [str(label) for _key, label in FIGURE_COLUMNS],
            "rows": [[_cell(f, key) for key, _label in FIGURE_COLUMNS] for f in figures], "figures": figures}


@staff_required
def dashboard(request):
    try:
        scope = reads.scope_for(request.user, request.GET.get("don-vi", ""))
    except PermissionDenied as denied:
        return render(request, "backoffice/no_role.html", {"message": denied.message}, status=403)
    period = _period(request)
    total = reads.totals(scope, period)
    tables = [_table("tong-hop", _("Tổng hợp"), [total])]
    figures_by = reads.breakdowns(scope, period)
    for slug, title in BREAKDOWNS:
        tables.append(_table(slug, title, figures_by[slug]))
    by_month, by_week = reads.trend_by_month(scope, period), reads.trend_by_week(scope, period)
    tables += [_table("thang", _("Theo tháng"), by_month), _table("tuan", _("Theo tuần"), by_week)]
    urgent = reads.at_risk_and_overdue(scope)
    tables.append({"slug": "can-chu-y", "title": _("Hồ sơ quá hạn, sắp đến hạn"),
                   "columns": [_("Mã hồ sơ"), _("Thủ tục"), _("Cơ quan đang xử lý"), _("Hạn giải quyết")],
                   "rows": [[d.code, d.procedure.name, d.current_agency.name,
                             timezone.localtime(d.due_at).strftime("%d/%m/%Y %H:%M")] for d in urgent]})

    export = request.GET.get("xuat")
    filename = f"bao-cao-{scope.unit.code if scope.unit else 'tinh'}-{period.start:%Y%m}-{period.end:%Y%m}"
    if export == "xlsx":
        return exports.xlsx_response(tables, filename)
    if export == "csv":
        table = next((t for t in tables if t["slug"] == request.GET.get("bang")), None)
        if table is None:
            raise Http404
        return exports.csv_response(table, f"{filename}-{table['slug']}")

    within, overdue = reads.open_now(scope)
    by = {t["slug"]: t for t in tables}
    units = reads.ranking(by["unit"]["figures"])
    # The desks that need help: the lowest on-time rates among those with enough dossiers to judge.
    agencies = list(reversed(reads.ranking(by["agency"]["figures"], minimum_resolved=20)))[:15]
    context = {
        "scope": scope, "period": period, "total": total, "tables": tables, "urgent": urgent,
        "carried_over": reads.carried_over(scope, period), "within": within, "overdue": overdue,
        "scores": reads.scores(total, reads.full_online_rate()),
        "query": request.GET.urlencode(), "breadcrumbs": list(reversed(list(scope.unit.lineage()))) if scope.unit else [],
        "unit_figures": by["unit"]["figures"],
        "drill": {f.key for f in by["unit"]["figures"]} if scope.unit and scope.unit.level != "commune" else set(),
        "charts": {
            "units": charts.bars([(f.label, f.on_time_rate) for f in units], title=_("Tỉ lệ đúng hạn theo đơn vị")),
            "agencies": charts.bars([(f.label, f.on_time_rate) for f in agencies],
                                    title=_("15 cơ quan có tỉ lệ đúng hạn thấp nhất")),
            "months": charts.lines([f.label for f in by_month], [
                (_("Tiếp nhận"), [f.received for f in by_month], "#0b57a4"),
                (_("Đã giải quyết"), [f.resolved for f in by_month], "#1e6b35"),
                (_("Trễ hạn"), [f.resolved_late for f in by_month], "#b3261e")], title=_("Xu hướng theo tháng")),
            "weeks": charts.lines([f.label for f in by_week], [
                (_("Tiếp nhận"), [f.received for f in by_week], "#0b57a4"),
                (_("Trễ hạn"), [f.resolved_late for f in by_week], "#b3261e")], title=_("Xu hướng theo tuần")),
        },
        "month_choices": _month_choices(),
    }
    return render(request, "backoffice/dashboard.html", context)


def _month_choices():
    today = timezone.localdate().replace(day=1)
    months, month = [], today
    for _step in range(24):
        months.append(month)
        month = (month - dt.timedelta(days=1)).replace(day=1)
    return months
