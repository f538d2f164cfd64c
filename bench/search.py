"""Search timings: a 2,000-procedure catalog, and officers' dossier search over a synthetic year.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/motcua_bench .venv/bin/python bench/search.py

Uses the database backend (the default; no Elasticsearch server runs here). The catalog is
topped up to 2,000 procedures with synthetic ones (kept, marked "[mẫu]"); the dossiers are the
ones bench/dashboard.py --load wrote. Targets (issues 7 and 17): catalog < 20 ms, dossiers < 100 ms (medians).
"""

import os
import random
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

import django  # noqa: E402
from timing import median_ms  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection, transaction  # noqa: E402

from procedures.models import Dossier, Field, Procedure, RouteStep  # noqa: E402
from search.backends.base import DossierQuery  # noqa: E402
from search.services import find_dossiers, find_procedures  # noqa: E402

ACTIONS = [
    "Cấp",
    "Cấp lại",
    "Cấp đổi",
    "Đăng ký",
    "Đăng ký lại",
    "Gia hạn",
    "Điều chỉnh",
    "Thu hồi",
    "Xác nhận",
    "Công nhận",
    "Thẩm định",
    "Phê duyệt",
]
OBJECTS = [
    "giấy phép xây dựng",
    "giấy chứng nhận quyền sử dụng đất",
    "giấy phép kinh doanh",
    "hộ kinh doanh",
    "giấy phép lái xe",
    "chứng chỉ hành nghề y",
    "giấy khai sinh",
    "thẻ bảo hiểm y tế",
    "giấy phép môi trường",
    "chứng chỉ hành nghề dược",
    "giấy phép lao động",
    "nhà ở xã hội",
    "trợ cấp xã hội",
    "hợp tác xã",
    "giấy phép khai thác nước",
    "biển hiệu quảng cáo",
    "cơ sở giáo dục mầm non",
    "di tích lịch sử",
]
QUALIFIERS = [
    "",
    "có yếu tố nước ngoài",
    "cho doanh nghiệp",
    "cho hộ gia đình, cá nhân",
    "trong khu công nghiệp",
    "tại vùng đồng bào dân tộc thiểu số",
    "đối với công trình cấp III",
    "khi thay đổi nội dung",
]


def _median(call, runs):
    return median_ms(call, runs)[0]


def top_up_catalog(target=2000):
    have = Procedure.objects.count()
    if have >= target:
        return
    rng, fields = random.Random(7), list(Field.objects.all())
    template = Procedure.objects.prefetch_related("route_steps").first()
    with transaction.atomic():
        for n in range(target - have):
            name = f"{rng.choice(ACTIONS)} {rng.choice(OBJECTS)} {rng.choice(QUALIFIERS)}".strip() + f" [mẫu {n}]"
            procedure = Procedure.objects.create(
                national_code=f"9.{n:06d}",
                name=name,
                field=rng.choice(fields),
                processing_days=rng.choice([1, 3, 5, 15]),
                result_document="Văn bản chấp thuận",
                legal_basis="Văn bản mẫu",
                online_level=rng.choice(["full", "partial"]),
                description=f"Trình tự mẫu: nộp hồ sơ, thẩm định, {rng.choice(OBJECTS)}.",
            )
            step = template.route_steps.first()
            RouteStep.objects.create(
                procedure=procedure,
                order=1,
                level=step.level,
                agency_kind=step.agency_kind,
                sector=step.sector,
                task="Giải quyết",
                working_days=procedure.processing_days,
            )


def main():
    top_up_catalog()
    monitor = get_user_model().objects.get(username="tinh.giamsat")
    sample = Dossier.objects.exclude(code=None).order_by("?").values("code", "applicant_name").first()
    catalog_queries = [
        "dang ky khai sinh",
        "giay phep xay dung",
        "cap doi giay phep lai",
        "ho kinh doanh",
        "Chứng chỉ hành nghề",
        "tro cap xa hoi cho ho gia dinh",
        "nha o xa hoi",
        "di tich",
    ]
    results = {}
    results["catalog (2,000 procedures), 8 queries"] = statistics.median(
        _median(lambda q=q: find_procedures(q), 9) for q in catalog_queries
    )
    results["dossiers by full name without accents"] = _median(
        lambda: find_dossiers(monitor, DossierQuery(name=sample["applicant_name"].lower())), 15
    )
    results["dossiers by half a name ('nguyen van')"] = _median(
        lambda: find_dossiers(monitor, DossierQuery(name="nguyen van")), 15
    )
    results["dossiers by code (exact)"] = _median(lambda: find_dossiers(monitor, DossierQuery(code=sample["code"])), 15)
    officer = get_user_model().objects.get(username="xa.motcua")
    results["an officer's scoped search by name"] = _median(
        lambda: find_dossiers(officer, DossierQuery(name="nguyen")), 15
    )
    print(
        f"{connection.vendor}: {Procedure.objects.count():,} procedures, {Dossier.objects.count():,} dossiers "
        f"(database backend; medians)"
    )
    for name, value in results.items():
        print(f"  {name:<45} {value:7.1f} ms")
    print("  targets: catalog < 20 ms, dossier search < 100 ms")


if __name__ == "__main__":
    main()
