"""Draw one of each paper the portal prints, from a small ward made for the purpose and thrown away
afterwards (nothing stays in the database), and save each as PDF and its first page as PNG.

    .venv/bin/python manage.py render_papers --out docs/images/papers

The pictures in docs/images/papers come from this command; rerun it after changing a layout."""

import datetime as dt
import json
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from demo.meetings import sample_pdf
from documents.models import Channel, DocumentType, IncomingDocument, OutgoingDocument, Urgency
from documents.register_books import Book, book_pdf, incoming_rows, outgoing_rows
from documents.services import incoming, outgoing
from eforms.models import DossierForm
from government.calendar import LOCAL_TZ
from government.models import AdministrativeUnit, Agency, AgencyKind, Authority, Role, StaffRole, UnitLevel
from meetings.models import Choice, DocumentKind, Meeting, MotionKind, ParticipantRole
from meetings.services import attendance, floor, invitations, meetings, record
from meetings.services import documents as meeting_documents
from procedures import services
from procedures.models import Field, Procedure, RequiredDocument, RouteStep, StopGround
from procedures.pdf import forms as pdf_forms
from procedures.pdf.receipt import render_receipt
from procedures.pdf.register import desk_register
from procedures.services import results

URL = "https://motcua.example/tra-cuu/"
BIRTH = {
    "child_name": "Nguyễn Thị Bảo Ngọc",
    "child_sex": "female",
    "child_date_of_birth": "2026-11-02",
    "child_place_of_birth": "Bệnh viện A Thái Nguyên",
    "child_ethnicity": "Kinh",
    "child_nationality": "Việt Nam",
    "home_town": "Phường Quang Trung, tỉnh Thái Nguyên",
    "mother_name": "Trần Thị Hằng",
    "mother_year_of_birth": 1996,
    "mother_ethnicity": "Kinh",
    "mother_nationality": "Việt Nam",
    "mother_residence": {"detail": "Tổ 5", "commune": "P9901"},
    "has_father": True,
    "father_name": "Nguyễn Văn Đức",
    "father_year_of_birth": 1994,
    "father_ethnicity": "Kinh",
    "father_nationality": "Việt Nam",
    "father_residence": {"detail": "Tổ 5", "commune": "P9901"},
    "declarant_name": "Nguyễn Văn Đức",
    "declarant_relation": "father",
    "wants_copies": True,
    "copies_count": 2,
}
COPIES = {
    "requester": "Nguyễn Văn Đức",
    "personal_id": "001099000001",
    "papers": [
        {"name": "Bằng tốt nghiệp đại học", "issued_by": "Đại học Thái Nguyên", "copies": 3},
        {"name": "Giấy khai sinh", "issued_by": "UBND phường Quang Trung", "copies": 2},
    ],
    "purpose": "Nộp hồ sơ tuyển dụng",
}


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Draw one of each paper the portal prints into a folder (PDF and PNG); nothing is kept in the database."

    def add_arguments(self, parser):
        parser.add_argument("--out", default=str(settings.BASE_DIR / "docs" / "images" / "papers"))

    def handle(self, *args, out, **options):
        out = Path(out)
        out.mkdir(parents=True, exist_ok=True)
        papers = {}
        try:
            with transaction.atomic():
                papers = self._draw()
                raise Rollback
        except Rollback:
            pass
        pdftoppm = shutil.which("pdftoppm")
        for name, content in papers.items():
            (out / f"{name}.pdf").write_bytes(content)
            if pdftoppm:
                subprocess.run(
                    [
                        pdftoppm,
                        "-r",
                        "60",
                        "-f",
                        "1",
                        "-l",
                        "1",
                        "-singlefile",
                        "-png",
                        str(out / f"{name}.pdf"),
                        str(out / name),
                    ],
                    check=True,
                )
            self.stdout.write(f"{out / name}.pdf")
        if not pdftoppm:
            self.stdout.write("pdftoppm is missing (apt install poppler-utils): PDFs only.")

    def _draw(self):
        at = lambda *a: dt.datetime(*a, tzinfo=LOCAL_TZ)  # noqa: E731
        province = AdministrativeUnit.objects.create(
            code="P99", name="Tỉnh Thái Nguyên", short_name="Thái Nguyên", unit_type="Tỉnh", level=UnitLevel.PROVINCE
        )
        ward = AdministrativeUnit.objects.create(
            code="P9901",
            name="Phường Quang Trung",
            short_name="Quang Trung",
            unit_type="Phường",
            level=UnitLevel.COMMUNE,
            parent=province,
        )
        committee = Agency.objects.create(
            unit=ward,
            kind=AgencyKind.PEOPLES_COMMITTEE,
            electronic_code="999.99.99.Z98",
            name="Ủy ban nhân dân phường Quang Trung",
        )
        council = Agency.objects.create(
            unit=ward,
            kind=AgencyKind.COUNCIL,
            electronic_code="999.99.99.Z97",
            name="Hội đồng nhân dân phường Quang Trung",
            statutory_members=25,
            desk_name="",
        )
        justice = Agency.objects.create(
            unit=province,
            kind=AgencyKind.DEPARTMENT,
            sector="justice",
            electronic_code="999.99.99.Z99",
            name="Sở Tư pháp",
            desk_name="",
        )
        people = {}
        User = get_user_model()
        for key, role, agency, name, title, authority in (
            ("desk", Role.ONE_STOP_OFFICER, committee, ("Thị Lan", "Hoàng"), "", ""),
            ("specialist", Role.SPECIALIST, committee, ("Văn Minh", "Lê"), "", ""),
            ("leader", Role.LEADER, committee, ("Văn An", "Nguyễn"), "Phó Chủ tịch", Authority.DEPUTY),
            ("so_specialist", Role.SPECIALIST, justice, ("Thu Trang", "Phạm"), "", ""),
            ("so_leader", Role.LEADER, justice, ("Quốc Hùng", "Đỗ"), "Giám đốc", Authority.HEAD),
            ("so_clerk", Role.CLERK, justice, ("Thị Mai", "Vũ"), "", ""),
            ("secretary", Role.MEETING_SECRETARY, council, ("Thu Phương", "Hoàng"), "", ""),
        ):
            user = User.objects.create(username=f"papers.{key}", first_name=name[0], last_name=name[1])
            StaffRole.objects.create(user=user, role=role, agency=agency, title=title, authority=authority)
            people[key] = user
        citizen = User.objects.create(
            username="papers.citizen", first_name="Văn Đức", last_name="Nguyễn", personal_id="001099000001"
        )
        field = Field.objects.create(code="papers-demo", name="Hộ tịch, chứng thực (minh họa)")

        def procedure(code, name, result, eform=None, **kind):
            p = Procedure.objects.create(
                national_code=code,
                name=name,
                field=field,
                processing_days=Decimal(1),
                result_document=result,
                legal_basis="Luật Hộ tịch năm 2014; Nghị định 123/2015/NĐ-CP",
                online_level="full",
                **kind,
            )
            RouteStep.objects.create(
                procedure=p,
                order=1,
                level=UnitLevel.COMMUNE,
                agency_kind=AgencyKind.PEOPLES_COMMITTEE,
                task="Kiểm tra, trình ký",
                working_days=Decimal(1),
            )
            RequiredDocument.objects.create(procedure=p, order=1, name=f"Tờ khai ({name.lower()})")
            return p

        def dossier(p, values=None, eform=None):
            d = services.create_draft(
                p,
                committee,
                citizen,
                at=at(2026, 11, 20, 20, 0),
                applicant_phone="0912345678",
                applicant_address="Tổ 5, phường Quang Trung, tỉnh Thái Nguyên",
            )
            services.submit(d, citizen, at=at(2026, 11, 20, 20, 5))
            if values:
                definition = json.loads((settings.BASE_DIR / "fixtures" / "eforms" / f"{eform}.json").read_text())
                DossierForm.objects.create(
                    dossier=d,
                    required_document=p.required_documents.first(),
                    definition=definition,
                    values=values,
                    raw=values,
                    submitted_at=at(2026, 11, 20, 20, 4),
                )
            services.receive(d, people["desk"], at=at(2026, 11, 23, 8, 0))
            services.start_processing(d, people["specialist"], at=at(2026, 11, 23, 9, 0))
            return d

        def result(d):
            results.propose_result(
                d,
                people["specialist"],
                outcome="result",
                generate=True,
                verification_url=lambda token: f"{URL}{token}/",
            )
            results.approve_and_sign(d, people["leader"], at=at(2026, 11, 23, 15, 0))
            with d.events.get(action="approve").files.get().file.open("rb") as handle:
                return handle.read()

        papers = {}
        birth = dossier(
            procedure(
                "P.000001",
                "Đăng ký khai sinh",
                "Giấy khai sinh (bản chính)",
                result_kind="book",
                result_type="",
                result_book="KS",
            ),
            BIRTH,
            "1.001193",
        )
        papers["mau-01-giay-tiep-nhan"] = render_receipt(birth, URL)
        papers["ket-qua-trich-luc-khai-sinh"] = result(birth)
        papers["mau-06-phieu-kiem-soat"] = pdf_forms.control_slip(birth, URL)
        copies = dossier(
            procedure(
                "P.000002",
                "Chứng thực bản sao từ bản chính",
                "Bản sao có chứng thực",
                result_kind="book",
                result_type="",
                result_book="SCT/BS",
            ),
            COPIES,
            "2.000815",
        )
        papers["ket-qua-chung-thuc-ban-sao"] = result(copies)
        allowance = dossier(
            procedure(
                "P.000003",
                "Thực hiện trợ cấp xã hội hằng tháng",
                "Quyết định trợ cấp xã hội",
                result_kind="document",
                result_type="QĐ",
            )
        )
        papers["ket-qua-quyet-dinh"] = result(allowance)
        supplement = dossier(Procedure.objects.get(national_code="P.000003"))
        services.request_supplement(
            supplement,
            people["specialist"],
            at=at(2026, 11, 23, 10, 0),
            missing_items=["Bản sao Giấy xác nhận khuyết tật rõ nét"],
        )
        papers["mau-02-yeu-cau-bo-sung"] = pdf_forms.supplement_request(
            supplement, supplement.events.get(action="request_supplement"), URL
        )
        papers["mau-07-so-theo-doi"] = desk_register(committee, dt.date(2026, 11, 23), dt.date(2026, 11, 23))
        letter = outgoing.create_draft(
            people["so_specialist"],
            document_type=DocumentType.objects.get(name="Công văn"),
            excerpt="V/v hướng dẫn đăng ký khai sinh trực tuyến",
            signer=people["so_leader"],
            drafting_unit="HCTP",
            body="Thực hiện Nghị định số 118/2025/NĐ-CP, Sở Tư pháp đề nghị Ủy ban nhân dân phường Quang Trung "
            "hướng dẫn người dân đăng ký khai sinh trực tuyến trên Cổng Dịch vụ công.\n\nĐề nghị báo cáo "
            "kết quả về Sở Tư pháp trước ngày 15 tháng 12 năm 2026.",
            addressees=[committee],
        )
        with letter.draft_pdf.open("rb") as handle:
            papers["van-ban-di-cong-van-du-thao"] = handle.read()
        outgoing.submit(people["so_specialist"], letter)
        outgoing.sign(people["so_leader"], letter)
        letter = outgoing.issue(people["so_clerk"], letter, at=at(2026, 11, 25, 9, 30))
        with letter.issued_pdf.open("rb") as handle:
            papers["van-ban-di-cong-van-ban-hanh"] = handle.read()
        late = dossier(Procedure.objects.get(national_code="P.000003"))
        services.issue_apology(
            late,
            people["specialist"],
            reason="Chờ xác minh hồ sơ tại nơi cư trú.",
            new_appointment_at=late.appointment_at + dt.timedelta(days=7),
            at=at(2026, 11, 24, 9, 0),
        )
        papers["mau-04-xin-loi-gia-han"] = pdf_forms.apology(late, late.events.get(action="issue_apology"), URL)
        documents = OutgoingDocument.objects.filter(agency=justice, year=2026).order_by("number")
        papers["so-van-ban-di"] = book_pdf(Book(justice, 2026, False, outgoing_rows(documents)))
        refused = services.create_draft(
            Procedure.objects.get(national_code="P.000003"), committee, citizen, at=at(2026, 11, 23, 7, 50)
        )
        services.submit(refused, citizen, at=at(2026, 11, 23, 7, 55))
        services.reject(
            refused,
            people["desk"],
            at=at(2026, 11, 23, 8, 10),
            reason="Hồ sơ thuộc thẩm quyền giải quyết của Ủy ban nhân dân nơi người đề nghị cư trú.",
        )
        papers["mau-03-tu-choi"] = pdf_forms.refusal(refused, refused.events.get(action="reject"), URL)
        stopped = dossier(Procedure.objects.get(national_code="P.000003"))
        services.stop(
            stopped,
            people["leader"],
            ground=StopGround.LEGAL_GROUNDS,
            at=at(2026, 11, 24, 10, 0),
            provision="khoản 2 Điều 8 Nghị định số 20/2021/NĐ-CP",
            reason="Người đề nghị đã được hưởng trợ cấp xã hội hằng tháng tại nơi cư trú trước.",
        )
        papers["mau-05-dung-giai-quyet"] = pdf_forms.stop_notice(stopped, stopped.events.get(action="stop"), URL)
        for number, (sender, symbol, excerpt) in enumerate(
            (
                ("Bộ Tư pháp", "4521/BTP-HTQTCT", "V/v triển khai đăng ký khai sinh trực tuyến liên thông"),
                ("Ủy ban nhân dân tỉnh Thái Nguyên", "1203/UBND-KSTT", "V/v rà soát thủ tục hành chính năm 2026"),
            ),
            1,
        ):
            incoming.register_incoming(
                people["so_clerk"],
                incoming.IncomingEntry(
                    sender=sender,
                    number_symbol=symbol,
                    issued_on=dt.date(2026, 11, 18 + number),
                    document_type=DocumentType.objects.get(name="Công văn"),
                    excerpt=excerpt,
                    urgency=Urgency.NORMAL,
                    channel=Channel.PAPER,
                    received_at=at(2026, 11, 24, 6, 30 + number),
                ),
                files=[
                    SimpleUploadedFile(
                        f"den-{number}.pdf", sample_pdf(symbol, [excerpt]), content_type="application/pdf"
                    )
                ],
            )
        received = IncomingDocument.objects.filter(agency=justice, year=2026).order_by("number")
        papers["so-van-ban-den"] = book_pdf(
            Book(justice, 2026, True, incoming_rows(received.prefetch_related("assignments__assignee")))
        )
        papers["bien-ban-ky-hop"], papers["giay-moi-ky-hop"] = self._minutes(people["secretary"])
        return papers

    def _minutes(self, secretary):
        """A council session under way now (voting is only open during it), its minutes signed by the chair."""
        User = get_user_model()
        seated = []
        for key, name in (
            ("chair", ("Văn Hòa", "Dương")),
            ("d1", ("Thị Hạnh", "Lý")),
            ("d2", ("Đức Cường", "Ma")),
            ("d3", ("Thị Huệ", "Nông")),
            ("d4", ("Văn Kiên", "Triệu")),
        ):
            user = User.objects.create(username=f"papers.{key}", first_name=name[0], last_name=name[1])
            StaffRole.objects.create(user=user, role=Role.DELEGATE)
            seated.append(user)
        now = timezone.now()
        meeting = meetings.create_meeting(
            secretary,
            title="Kỳ họp thường lệ cuối năm 2026 của Hội đồng nhân dân",
            place="Hội trường Ủy ban nhân dân phường",
            starts_at=now - dt.timedelta(hours=1),
            ends_at=now + dt.timedelta(hours=8),
        )
        chair, delegates = seated[0], seated[1:]
        meetings.seat(secretary, meeting, [chair], ParticipantRole.CHAIR)
        meetings.seat(secretary, meeting, delegates, ParticipantRole.DELEGATE)
        item = meetings.add_item(
            secretary, meeting, title="Nghị quyết về kế hoạch đầu tư công năm 2027", presenter="Ban Kinh tế - Xã hội"
        )
        meeting_documents.add_document(
            secretary,
            item,
            kind=DocumentKind.MAIN,
            title="Dự thảo Nghị quyết",
            upload=SimpleUploadedFile(
                "du-thao.pdf",
                sample_pdf("Dự thảo Nghị quyết", ["Điều 1. Thông qua kế hoạch đầu tư công năm 2027."]),
                content_type="application/pdf",
            ),
        )
        invitation = invitations.invitation_for(*self._invited(secretary, meeting))
        groups = meetings.split_into_groups(secretary, meeting, 2)
        for person in seated[:4]:
            attendance.mark_present(
                secretary, meeting, meeting.participants.get(user=person), now=now - dt.timedelta(minutes=50)
            )
        floor.write_summary(delegates[0], groups[0], "Tổ 1 nhất trí với dự thảo, đề nghị bổ sung danh mục trường học.")
        motion = floor.open_motion(
            chair, meeting, title="Thông qua Nghị quyết về kế hoạch đầu tư công năm 2027", item=item
        )
        for person, choice in zip(seated[:4], (Choice.FOR, Choice.FOR, Choice.FOR, Choice.ABSTAIN)):
            floor.cast_ballot(person, motion, choice)
        floor.close_motion(chair, motion)
        election = floor.open_motion(
            chair, meeting, title="Bầu Phó Chủ tịch Hội đồng nhân dân phường", kind=MotionKind.ELECTION
        )
        for person, choice in zip(seated[:4], (Choice.FOR, Choice.FOR, Choice.AGAINST, Choice.FOR)):
            floor.cast_ballot(person, election, choice)
        floor.close_motion(chair, election)
        record.prepare_minutes(
            secretary,
            meeting,
            opened_at=now - dt.timedelta(minutes=45),
            closed_at=now,
            conclusions="Giao Ủy ban nhân dân phường tổ chức thực hiện Nghị quyết sau khi được thông qua.",
        )
        meeting = record.sign_minutes(chair, Meeting.objects.get(pk=meeting.pk))
        with meeting.minutes_pdf.open("rb") as handle:
            return handle.read(), invitation

    def _invited(self, secretary, meeting):
        """The invitation numbered in the council's register, as the first delegate's copy shows it."""
        invitations.issue_invitation(secretary, meeting)
        meeting = Meeting.objects.get(pk=meeting.pk)
        return meeting, meeting.participants.filter(role=ParticipantRole.DELEGATE).first()
