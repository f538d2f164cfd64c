"""The one-stop forms as records (issue 31, part 3): the receipt's book line from a real book per desk
and year, the appointment given at receipt, the agency that asked for a supplement as of asking."""

import datetime as dt

from procedures import services
from procedures.pdf import forms as pdf_forms
from procedures.pdf.receipt import render_receipt
from tests.factories import local, online
from tests.pdf_checks import check_paper

URL = "http://testserver/tra-cuu/"


def receive(world, at):
    dossier = online(world)
    return services.receive(dossier, world.xa_motcua, at=at)


def test_the_receipt_book_counts_through_the_year_and_starts_again_in_january(world):
    monday, tuesday = receive(world, local(2026, 11, 23, 8, 0)), receive(world, local(2026, 11, 24, 8, 0))
    assert (monday.receipt_number, tuesday.receipt_number) == (1, 2)  # not the code's daily sequence
    assert "Vào Sổ theo dõi hồ sơ, Quyển số: 2026, Số thứ tự: 0002" in check_paper(render_receipt(tuesday, URL))
    # 00:30 on 4 January in Vietnam is still 3 January in UTC: the new year's book already.
    january = receive(world, local(2027, 1, 4, 0, 30))
    assert (january.receipt_year, january.receipt_number) == (2027, 1)


def test_the_receipt_keeps_the_appointment_given_at_receipt_after_an_apology(world):
    dossier = receive(world, local(2026, 11, 23, 8, 0))
    given = dossier.appointment_at
    services.start_processing(dossier, world.xa_chuyenvien, at=local(2026, 11, 23, 9, 0))
    later = given + dt.timedelta(days=7)
    services.issue_apology(
        dossier, world.xa_chuyenvien, reason="Chờ xác minh.", new_appointment_at=later, at=local(2026, 11, 24, 9, 0)
    )
    dossier.refresh_from_db()
    assert dossier.appointment_at == later
    text = check_paper(render_receipt(dossier, URL))
    assert f"Thời gian trả kết quả: {given.astimezone(later.tzinfo):%H giờ %M, ngày %d/%m/%Y}" in text
    assert f"{later:%d/%m/%Y}" not in text


def test_the_supplement_form_names_the_agency_that_asked_as_of_asking(world):
    dossier = receive(world, local(2026, 11, 23, 8, 0))
    services.start_processing(dossier, world.xa_chuyenvien, at=local(2026, 11, 23, 9, 0))
    services.request_supplement(
        dossier, world.xa_chuyenvien, missing_items=["Bản sao rõ nét"], at=local(2026, 11, 23, 10, 0)
    )
    services.supply(dossier, world.citizen, at=local(2026, 11, 23, 11, 0))
    services.transfer(dossier, world.xa_chuyenvien, at=local(2026, 11, 23, 14, 0))
    services.accept_transfer(dossier, world.huyen_chuyenvien, at=local(2026, 11, 23, 15, 0))
    dossier.refresh_from_db()
    assert dossier.current_agency == world.district_agency
    text = check_paper(pdf_forms.supplement_request(dossier, dossier.events.get(action="request_supplement"), URL))
    assert f"{world.commune_agency.name} đã xem xét hồ sơ" in text and world.district_agency.name not in text


def test_a_2025_receipt_writes_the_address_on_the_new_tree_and_where_the_result_is_handed_over(world):
    from government.addresses import on_current_tree

    assert on_current_tree("Tổ 5, thị trấn Hương Sơn, huyện Phú Bình, tỉnh Thái Nguyên") == (
        "Tổ 5, Xã Phú Bình, Tỉnh Thái Nguyên",
        True,
    )
    assert on_current_tree("Tổ 5, Phường Phan Đình Phùng, Tỉnh Thái Nguyên")[1] is False  # already current
    assert on_current_tree("ở nhà bà ngoại") == ("ở nhà bà ngoại", False)
    dossier = online(world)
    dossier.applicant_address = "Xóm Chùa, xã Tân Đức, huyện Phú Bình, tỉnh Thái Nguyên"
    dossier.save(update_fields=["applicant_address"])
    services.receive(dossier, world.xa_motcua, at=local(2026, 11, 23, 8, 0))
    text = check_paper(render_receipt(dossier, URL))
    assert "Địa chỉ: Xóm Chùa, Xã Kha Sơn, Tỉnh Thái Nguyên" in text
    assert "huyện Phú Bình" not in text and "Tân Đức" not in text  # a 2025 form names no district
    assert f"Nơi trả kết quả: {world.commune_agency.name}" in text
