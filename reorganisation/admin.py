from django.contrib import admin

from government.admin import ReadOnlyAdmin

from .models import AppliedPlan


@admin.register(AppliedPlan)
class AppliedPlanAdmin(ReadOnlyAdmin):
    """What was applied, by whom, when, and which steps are done: written by apply_reorganisation only."""

    list_display = ("reference", "effective_at", "applied_by", "started_at", "finished_at")
    readonly_fields = ("reference", "effective_at", "plan", "applied_by", "started_at", "finished_at", "steps_done")
