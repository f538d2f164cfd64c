"""The province dashboard: figures of a period for the user's scope, charts, tables, exports, and the
list of the dossiers behind every count."""

import datetime as dt
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from documents.selectors import overdue_total
from government.calendar import LOCAL_TZ
from national_sync.selectors import backlog as sync_backlog
from payments.selectors import online_payment_rate
from procedures.exceptions import PermissionDenied
from procedures.queues import visible_dossiers
from reporting import charts, exports
from reporting import selectors as reads
from reporting.tables import BREAKDOWN_TABLES, Linker, figures_table

from ..forms import DashboardForm, DossierListForm
from .common import staff_refusal, staff_required

# Agencies with fewer steps (or dossiers) done than this in the period are not ranked: a rate of
# one or two cases says nothing about a desk.
MINIMUM_TO_RANK = 20
# Tables longer than this (every agency of the province) open on a page of their own: written into
# the dashboard they made most of its time and of its 800 KB.
LONG_TABLE = 60


def _period(data):
    default = reads.Period.year_to_date()
    start, end = data.get("tu") or default.start, data.get("den") or default.end
    return reads.Period(min(start, end), max(start, end))


@staff_required
def dashboard(request):
    form = DashboardForm.from_query(request.GET)
    data = form.cleaned_data if form.is_valid() else {"theo": reads.RESPONSIBLE, "don_vi_theo": reads.CURRENT}
    unit_view = data["don_vi_theo"]
    try:
        scope = reads.scope_for(request.user, data.get("don_vi", ""), unit_view)
    except PermissionDenied as denied:
        return staff_refusal(request, denied.message)
    view, period = data["theo"], _period(data)
    linker = Linker(scope, period, view, unit_view)
    total, figures_by = reads.breakdowns(scope, period, view)
    exporting, wanted = data.get("xuat"), data.get("bang")

    def build(slug, figures):
        """Which tables to write out: all for Excel, the one asked for as CSV or on its own page, and
        on the dashboard those short enough to read there."""
        if exporting == "xlsx":
            return True
        if exporting == "csv" or wanted:
            return slug == wanted
        return len(figures) <= LONG_TABLE

    tables = [figures_table("tong-hop", _("Tổng hợp"), [total], view, lambda f: linker.row())]
    for slug, title in BREAKDOWN_TABLES:
        tables.append(
            figures_table(
                slug,
                title,
                figures_by[slug],
                view,
                lambda f, by=slug: linker.row(by, f.key),
                build=build(slug, figures_by[slug]),
            )
        )
    by_month, by_week = reads.trend_by_month(scope, period, view=view), reads.trend_by_week(scope, period, view=view)
    tables += [
        figures_table("thang", _("Theo tháng"), by_month, view, lambda f: linker.row(tu=f.key[:7], den=f.key[:7])),
        figures_table("tuan", _("Theo tuần"), by_week, view, lambda f: linker.row(tuan=f.key)),
    ]
    query = request.GET.copy()
    query.pop("xuat", None)
    query.pop("bang", None)
    if wanted and not exporting:  # one long table on a page of its own
        table = next((t for t in tables if t["slug"] == wanted and t["rows"] is not None), None)
        if table is None:
            raise Http404
        return render(
            request,
            "backoffice/dashboard_table.html",
            {
                "table": table,
                "scope": scope,
                "period": period,
                "view": reads.VIEWS[view],
                "units_label": reads.UNIT_VIEWS[unit_view],
                "query": query.urlencode(),
            },
        )
    urgent = [(d, timezone.localtime(d.due_at)) for d in reads.at_risk_and_overdue(scope, view=view)]
    tables.append(
        {
            "slug": "can-chu-y",
            "title": _("Hồ sơ quá hạn, sắp đến hạn"),
            "columns": [_("Mã hồ sơ"), _("Thủ tục"), _("Cơ quan đang xử lý"), _("Hạn giải quyết")],
            "rows": [[d.code, d.procedure_name, d.agency_name, f"{due:%d/%m/%Y %H:%M}"] for d, due in urgent],
        }
    )

    # The exports say how they were counted: in their name, and in the workbook's first sheet.
    filename = f"bao-cao-{scope.unit.code if scope.unit else 'tinh'}-{period.start:%Y%m}-{period.end:%Y%m}-{unit_view}"
    if data.get("xuat") == "xlsx":
        return exports.xlsx_response([_about(scope, period, view, unit_view), *tables], filename)
    if data.get("xuat") == "csv":
        table = next((t for t in tables if t["slug"] == data.get("bang")), None)
        if table is None:
            raise Http404
        return exports.csv_response(table, f"{filename}-{table['slug']}")

    within, overdue = reads.open_now(scope, view=view)
    by = {t["slug"]: t for t in tables}
    unit_figures = by["unit"]["figures"]
    own = next((f for f in unit_figures if f.own), None)
    units = reads.ranking([f for f in unit_figures if not f.own])
    # The desks that need help: the lowest on-time rates among those with enough done to judge.
    agencies = list(reversed(reads.ranking(by["agency"]["figures"], minimum_done=MINIMUM_TO_RANK)))[:15]
    context = {
        "form": form,
        "scope": scope,
        "period": period,
        "view": view,
        "views": reads.VIEWS,
        "unit_view": unit_view,
        "unit_views": reads.UNIT_VIEWS,
        "total": total,
        "tables": tables,
        "urgent": [(d, f"{due:%H:%M %d/%m/%Y}") for d, due in urgent],
        "own": own,
        "minimum_to_rank": MINIMUM_TO_RANK,
        "carried_over": reads.carried_over(scope, period),
        "within": within,
        "overdue": overdue,
        # Beside overdue dossiers, the documents app's: incoming documents past their handling deadline.
        "overdue_documents": overdue_total(scope.agency_ids),
        "scores": reads.scores(
            total,
            reads.full_online_rate(),
            online_payment_rate(
                timezone.make_aware(dt.datetime.combine(period.start, dt.time())),
                timezone.make_aware(dt.datetime.combine(period.end_exclusive, dt.time())),
            ),
        ),
        "link": linker,
        "query": query.urlencode(),
        "breadcrumbs": list(reversed(list(scope.unit.lineage()))) if scope.unit else [],
        "unit_figures": unit_figures,
        "drill": {f.key for f in unit_figures if not f.own} if scope.unit and scope.unit.level != "commune" else set(),
        "charts": {
            "units": charts.bars([(f.label, f.on_time_rate) for f in units], title=_("Tỉ lệ đúng hạn theo đơn vị")),
            "agencies": charts.bars(
                [(f.label, f.on_time_rate) for f in agencies], title=_("15 cơ quan có tỉ lệ đúng hạn thấp nhất")
            ),
            "months": charts.lines(
                [f.label for f in by_month],
                [
                    (_("Tiếp nhận"), [f.received for f in by_month], "#0b57a4"),
                    (
                        _("Bước đã xử lý xong") if view == reads.RESPONSIBLE else _("Đã giải quyết"),
                        [f.done for f in by_month],
                        "#1e6b35",
                    ),
                    (_("Trễ hạn"), [f.done_late for f in by_month], "#b3261e"),
                ],
                title=_("Xu hướng theo tháng"),
            ),
            "weeks": charts.lines(
                [f.label for f in by_week],
                [
                    (_("Tiếp nhận"), [f.received for f in by_week], "#0b57a4"),
                    (_("Trễ hạn"), [f.done_late for f in by_week], "#b3261e"),
                ],
                title=_("Xu hướng theo tuần"),
            ),
        },
        "month_choices": _month_choices(),
        "months_query": f"tu={period.start:%Y-%m}&den={period.end:%Y-%m}",
        "sync_backlog": sync_backlog(),
    }
    return render(request, "backoffice/dashboard.html", context, status=400 if form.errors else 200)


@staff_required
def dossiers(request):
    """The dossiers behind one count of the dashboard, with the same scope, period and view."""
    form = DossierListForm.from_query(request.GET)
    if not form.is_valid():
        return render(request, "backoffice/dashboard_dossiers.html", {"form": form}, status=400)
    data = form.cleaned_data
    try:
        scope = reads.scope_for(request.user, data["don_vi"], data["don_vi_theo"])
    except PermissionDenied as denied:
        return staff_refusal(request, denied.message)
    period = _period(data)
    if data["tuan"]:
        start = dt.datetime.combine(data["tuan"], dt.time(), LOCAL_TZ)
        end, period_label = start + dt.timedelta(days=7), _("tuần từ %(day)s") % {"day": f"{data['tuan']:%d/%m/%Y}"}
    else:
        start = dt.datetime.combine(period.start, dt.time(), LOCAL_TZ)
        end = dt.datetime.combine(period.end_exclusive, dt.time(), LOCAL_TZ)
        period_label = f"{period.start:%m/%Y} – {period.end:%m/%Y}"
    found = reads.dossiers_behind(
        scope, start, end, data["chi_so"], view=data["theo"], by=data["nhom"], key=data["khoa"]
    )
    # Whatever the scope says, only what this user may read is listed.
    found = found.filter(pk__in=visible_dossiers(request.user).values("pk")).select_related(
        "procedure", "receiving_agency", "current_agency"
    )
    page = Paginator(found, 50).get_page(data["page"])
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "backoffice/dashboard_dossiers.html",
        {
            "form": form,
            "page_obj": page,
            "scope": scope,
            "measure": reads.MEASURES[data["chi_so"]],
            "view": reads.VIEWS[data["theo"]],
            "units_label": reads.UNIT_VIEWS[data["don_vi_theo"]],
            "period_label": period_label,
            "group": reads.group_label(scope, data["nhom"], data["khoa"]),
            "query": query.urlencode(),
            "back": reverse("backoffice:dashboard")
            + "?"
            + urlencode(
                {
                    "don-vi": scope.unit.code if scope.unit else "",
                    "tu": f"{period.start:%Y-%m}",
                    "den": f"{period.end:%Y-%m}",
                    "theo": data["theo"],
                    "don-vi-theo": data["don_vi_theo"],
                }
            ),
        },
    )


def _about(scope, period, view, unit_view):
    """The workbook's first sheet: what the figures cover and how they were counted."""
    return {
        "title": _("Thông tin báo cáo"),
        "columns": [_("Mục"), _("Nội dung")],
        "rows": [
            [_("Phạm vi"), scope.unit.name if scope.unit else ""],
            [_("Kỳ báo cáo"), f"{period.start:%m/%Y} – {period.end:%m/%Y}"],
            [_("Tính tiến độ"), str(reads.VIEWS[view])],
            [_("Đơn vị"), str(reads.UNIT_VIEWS[unit_view])],
        ],
    }


def _month_choices():
    """The last 24 months as (value, label, month), formatted here once rather than by the template's
    date filter for each option of both lists."""
    today = timezone.localdate().replace(day=1)
    months, month = [], today
    for _step in range(24):
        months.append((f"{month:%Y-%m}", f"{month:%m/%Y}", month))
        month = (month - dt.timedelta(days=1)).replace(day=1)
    return months
