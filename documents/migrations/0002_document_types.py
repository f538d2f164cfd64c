"""The document types of Decree 30/2020/NĐ-CP, appendix III, with their abbreviations (written from
the decree as commonly reproduced; not yet checked against the official gazette text, see
docs/decisions/0019-document-registers.md). Editable in the admin afterwards."""

from django.db import migrations

TYPES = [
    ("Nghị quyết", "NQ"), ("Quyết định", "QĐ"), ("Chỉ thị", "CT"), ("Quy chế", "QC"), ("Quy định", "QYĐ"),
    ("Thông cáo", "TC"), ("Thông báo", "TB"), ("Hướng dẫn", "HD"), ("Chương trình", "CTr"), ("Kế hoạch", "KH"),
    ("Phương án", "PA"), ("Đề án", "ĐA"), ("Dự án", "DA"), ("Báo cáo", "BC"), ("Biên bản", "BB"),
    ("Tờ trình", "TTr"), ("Hợp đồng", "HĐ"), ("Công điện", "CĐ"), ("Bản ghi nhớ", "BGN"),
    ("Bản thỏa thuận", "BTT"), ("Giấy ủy quyền", "GUQ"), ("Giấy mời", "GM"), ("Giấy giới thiệu", "GGT"),
    ("Giấy nghỉ phép", "GNP"), ("Phiếu gửi", "PG"), ("Phiếu chuyển", "PC"), ("Phiếu báo", "PB"),
    ("Công văn", ""),
]


def add_types(apps, schema_editor):
    document_type = apps.get_model("documents", "DocumentType")
    for name, abbreviation in TYPES:
        document_type.objects.get_or_create(name=name, defaults={"abbreviation": abbreviation})


def remove_types(apps, schema_editor):
    apps.get_model("documents", "DocumentType").objects.filter(name__in=[name for name, _ in TYPES]).delete()


class Migration(migrations.Migration):
    dependencies = [("documents", "0001_initial")]

    operations = [migrations.RunPython(add_types, remove_types)]
