from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    fieldsets = BaseUserAdmin.fieldsets + ((_("Công dân"), {"fields": ("personal_id", "phone")}),)
    list_display = ("username", "get_full_name", "personal_id", "is_staff")
    search_fields = ("username", "first_name", "last_name", "personal_id")
