"""Logs that are records: a row is written once and never changed or removed (the dossier's event log,
the personal-data access log)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AppendOnlyError(Exception):
    pass


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError(_("Nhật ký chỉ được ghi thêm, không được sửa."))

    def delete(self):
        raise AppendOnlyError(_("Nhật ký chỉ được ghi thêm, không được xóa."))


class AppendOnlyModel(models.Model):
    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError(_("Nhật ký chỉ được ghi thêm, không được sửa."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError(_("Nhật ký chỉ được ghi thêm, không được xóa."))
