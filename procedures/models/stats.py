"""Pre-aggregated counts for the province dashboard (DOMAIN §8), kept current by the lifecycle.

A month row per (agency, procedure) and a week row per agency hold the flows of that period; the
dashboard sums them instead of scanning a year of dossiers. Two roll-ups of the month rows, per
agency and per procedure, are kept in the same statement batch, so that the dashboard's totals,
trends and agency tables read a few thousand rows instead of tens of thousands (docs/performance.md). Most counts follow the dossier's
receiving desk; the handled_* counts follow the agency of each route step, so that a late step is
charged to the agency that held the dossier then (docs/decisions/0001-lateness-charged-to-the-step.md).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

COUNTERS = (
    "received",  # received by the desk in the period (online or at the counter)
    "received_online",
    "received_counter",
    "digitised",  # received with electronic documents (online, or scanned at the counter)
    "reused",  # of the received: with a document taken from the applicant's store instead of brought
    "resolved_early",  # results (or refusals on the merits) returned in the period, by timeliness
    "resolved_on_time",
    "resolved_late",
    "not_qualified",  # of the resolved: refusals on the merits
    "results_digital",  # of the resolved: with an electronic (signed) result document
    "closed",  # received dossiers that left the desk's books: resolved, withdrawn or stopped
    "withdrawn",
    "stopped",  # received dossiers the competent agency stopped (Decree 118/2025, Form 05)
    "rejected",  # refused at the desk before receipt
    "supplements",  # supplement requests issued
    "rating_count",
    "rating_sum",
    "handled_early",  # route steps completed in the period by this agency, by timeliness
    "handled_on_time",
    "handled_late",
)


class StatCounters(models.Model):
    class Meta:
        abstract = True


for _name in COUNTERS:
    StatCounters.add_to_class(_name, models.PositiveIntegerField(default=0))


class MonthlyStat(StatCounters):
    month = models.DateField(_("tháng"), help_text=_("Ngày đầu tháng."))
    agency = models.ForeignKey("government.Agency", on_delete=models.CASCADE, related_name="+")
    procedure = models.ForeignKey("procedures.Procedure", on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("số liệu tháng")
        verbose_name_plural = _("số liệu tháng")
        constraints = [models.UniqueConstraint(fields=["month", "agency", "procedure"], name="monthly_stat_key")]
        # A district's breakdown by procedure reads its agencies' rows from this index alone on
        # PostgreSQL (6 ms → 2 ms for a district's year); other databases get a plain index.
        indexes = [
            models.Index(
                fields=["agency", "month"], include=["procedure", *COUNTERS], name="monthly_stat_by_agency_idx"
            )
        ]


class WeeklyStat(StatCounters):
    week = models.DateField(_("tuần"), help_text=_("Thứ Hai đầu tuần."))
    agency = models.ForeignKey("government.Agency", on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("số liệu tuần")
        verbose_name_plural = _("số liệu tuần")
        constraints = [models.UniqueConstraint(fields=["week", "agency"], name="weekly_stat_key")]


class AgencyMonthlyStat(StatCounters):
    """The month rows of one agency summed over its procedures."""

    month = models.DateField(_("tháng"), help_text=_("Ngày đầu tháng."))
    agency = models.ForeignKey("government.Agency", on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("số liệu tháng theo cơ quan")
        verbose_name_plural = _("số liệu tháng theo cơ quan")
        constraints = [models.UniqueConstraint(fields=["month", "agency"], name="agency_monthly_stat_key")]


class ProcedureMonthlyStat(StatCounters):
    """The month rows of one procedure summed over the whole province's agencies."""

    month = models.DateField(_("tháng"), help_text=_("Ngày đầu tháng."))
    procedure = models.ForeignKey("procedures.Procedure", on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("số liệu tháng theo thủ tục")
        verbose_name_plural = _("số liệu tháng theo thủ tục")
        constraints = [models.UniqueConstraint(fields=["month", "procedure"], name="procedure_monthly_stat_key")]
