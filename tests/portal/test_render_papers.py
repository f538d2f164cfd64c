"""`manage.py render_papers` draws one of each paper (the pictures in docs/images/papers); each
passes the checks every paper must pass and nothing it made stays in the database."""

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from tests.pdf_checks import check_paper

pytestmark = pytest.mark.django_db(transaction=False)

KEY_LINES = {
    "mau-01-giay-tiep-nhan": "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
    "mau-03-tu-choi": "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
    "mau-05-dung-giai-quyet": "Căn cứ khoản 2 Điều 8 Nghị định số 20/2021/NĐ-CP",
    "ket-qua-trich-luc-khai-sinh": "Họ, chữ đệm, tên: NGUYỄN THỊ BẢO NGỌC",
    "ket-qua-quyet-dinh": "Số: 01/QĐ-UBND",
    "so-van-ban-den": "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN",
    "bien-ban-ky-hop": "quá nửa tổng số đại biểu (13/25)",
    "giay-moi-ky-hop": "TM. THƯỜNG TRỰC HĐND",
}


def test_every_paper_is_drawn_and_nothing_stays(tmp_path):
    users = get_user_model().objects.count()
    call_command("render_papers", out=str(tmp_path))
    drawn = {path.stem: path.read_bytes() for path in Path(tmp_path).glob("*.pdf")}
    assert len(drawn) == 16 and set(KEY_LINES) <= set(drawn)
    for name, content in drawn.items():
        text = check_paper(content)
        assert name not in KEY_LINES or KEY_LINES[name] in text, name
    assert get_user_model().objects.count() == users
