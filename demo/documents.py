"""A few months of documents in the demo agencies' registers, for `make run`: letters received on
paper and electronically, assigned, some answered, some overdue; decisions, reports and letters
issued through the real path (draft, leader's signature, number, agency's signature), some of them
sent to another demo agency, which took them in. Run once, on an empty register."""

import datetime as dt
import io
import random

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from reportlab.lib.pagesizes import A4
from reportlab.platypus import SimpleDocTemplate

from documents.models import Channel, Delivery, DeliveryStatus, DocumentType, IncomingDocument, Outcome, Urgency
from documents.services import incoming, outgoing
from government.calendar import LOCAL_TZ
from government.models import Role
from government.pdf import build, paragraphs

# (sender, type, the sender's symbol pattern, excerpt, days given to answer or None)
INCOMING = [
    (
        "Ủy ban nhân dân tỉnh Thái Nguyên",
        "Công văn",
        "{n}/UBND-KSTT",
        "V/v báo cáo kết quả giải quyết thủ tục hành chính quý III năm 2026",
        10,
    ),
    ("Ủy ban nhân dân tỉnh Thái Nguyên", "Kế hoạch", "{n}/KH-UBND", "Kế hoạch cải cách hành chính năm 2027", None),
    (
        "Sở Nội vụ tỉnh Thái Nguyên",
        "Công văn",
        "{n}/SNV-CCHC",
        "V/v rà soát, chuẩn hóa bộ thủ tục hành chính thuộc thẩm quyền cấp xã",
        7,
    ),
    (
        "Sở Khoa học và Công nghệ tỉnh Thái Nguyên",
        "Giấy mời",
        "{n}/GM-SKHCN",
        "Giấy mời dự hội nghị sơ kết công tác chuyển đổi số 9 tháng đầu năm",
        None,
    ),
    ("Công an tỉnh Thái Nguyên", "Công văn", "{n}/CAT-PC06", "V/v làm sạch dữ liệu dân cư phục vụ Đề án 06", 15),
    (
        "Ủy ban nhân dân tỉnh Thái Nguyên",
        "Quyết định",
        "{n}/QĐ-UBND",
        "Quyết định công bố danh mục thủ tục hành chính mới ban hành lĩnh vực hộ tịch",
        None,
    ),
    ("Sở Tài chính tỉnh Thái Nguyên", "Công văn", "{n}/STC-QLNS", "V/v lập dự toán ngân sách nhà nước năm 2027", 12),
    (
        "Văn phòng Ủy ban nhân dân tỉnh Thái Nguyên",
        "Thông báo",
        "{n}/TB-VPUBND",
        "Thông báo kết luận của Chủ tịch UBND tỉnh tại buổi làm việc về cải cách hành chính",
        None,
    ),
    (
        "Sở Nông nghiệp và Môi trường tỉnh Thái Nguyên",
        "Công văn",
        "{n}/SNNMT-ĐĐ",
        "V/v tăng cường quản lý đất đai, xử lý vi phạm trên địa bàn",
        10,
    ),
    (
        "Bảo hiểm xã hội tỉnh Thái Nguyên",
        "Công văn",
        "{n}/BHXH-QLT",
        "V/v đôn đốc thu bảo hiểm xã hội, bảo hiểm y tế tự nguyện",
        5,
    ),
    (
        "Sở Khoa học và Công nghệ tỉnh Thái Nguyên",
        "Báo cáo",
        "{n}/BC-SKHCN",
        "Báo cáo tình hình triển khai chữ ký số cho cán bộ, công chức",
        None,
    ),
    ("Ủy ban nhân dân tỉnh Thái Nguyên", "Công văn", "{n}/UBND-TH", "V/v chủ động ứng phó mưa lũ, sạt lở đất", 3),
]
OUTGOING = [
    (
        "Báo cáo",
        "Báo cáo kết quả giải quyết thủ tục hành chính quý III năm 2026",
        "Thực hiện chỉ đạo của cấp trên, đơn vị báo cáo kết quả giải quyết thủ tục hành chính quý III năm 2026 "
        "như sau.\n\nTổng số hồ sơ tiếp nhận trong kỳ đều được giải quyết đúng quy trình; tỷ lệ hồ sơ đúng hạn "
        "đạt trên 98%.\n\nĐơn vị tiếp tục rà soát, đề xuất cắt giảm thành phần hồ sơ không cần thiết.",
    ),
    (
        "Công văn",
        "V/v đăng ký nhu cầu cấp chứng thư số cho cán bộ, công chức",
        "Để triển khai ký số văn bản điện tử, đề nghị các đơn vị tổng hợp nhu cầu cấp chứng thư số cá nhân.\n\n"
        "Danh sách gửi về văn phòng trước ngày 15 của tháng sau.",
    ),
    (
        "Kế hoạch",
        "Kế hoạch kiểm tra công tác văn thư, lưu trữ năm 2027",
        "Kiểm tra việc đăng ký, quản lý văn bản đi, đến và lập hồ sơ điện tử của các bộ phận.\n\n"
        "Thời gian kiểm tra trong quý I năm 2027; kết quả được báo cáo lãnh đạo.",
    ),
    (
        "Thông báo",
        "Thông báo lịch tiếp công dân định kỳ tháng 12 năm 2026",
        "Lãnh đạo tiếp công dân định kỳ vào ngày 15 hằng tháng tại trụ sở.\n\nTrường hợp trùng ngày nghỉ, "
        "lịch tiếp được chuyển sang ngày làm việc kế tiếp.",
    ),
]


def seed(agencies, *, months=4, incoming_per_agency=24, outgoing_per_agency=6, seed_value=2026):
    """`agencies`: the demo agencies whose staff (clerk, leader, specialist) exist. Returns counts."""
    rng = random.Random(seed_value)
    User = get_user_model()
    counts = {"incoming": 0, "outgoing": 0, "received": 0}
    now = timezone.now()
    start = now - dt.timedelta(days=30 * months)
    staff = {
        agency.pk: {
            role: User.objects.filter(staff_role__agency=agency, staff_role__role=role).first()
            for role in (Role.CLERK, Role.LEADER, Role.SPECIALIST)
        }
        for agency in agencies
    }
    types = {t.name: t for t in DocumentType.objects.all()}
    for agency in agencies:
        people = staff[agency.pk]
        if None in people.values() or IncomingDocument.objects.filter(agency=agency).exists():
            continue
        issued = _issue_some(agency, people, types, rng, start, outgoing_per_agency, agencies)
        counts["outgoing"] += len(issued)
        counts["incoming"] += _receive_some(agency, people, types, rng, start, now, incoming_per_agency, issued)
    for agency in agencies if counts["outgoing"] else ():  # a second run adds nothing, deliveries included
        counts["received"] += _take_in_deliveries(agency, staff[agency.pk], rng)
    return counts


def _issue_some(agency, people, types, rng, start, count, agencies):
    issued = []
    others = [a for a in agencies if a.pk != agency.pk]
    for i in range(count):
        type_name, excerpt, body = OUTGOING[i % len(OUTGOING)]
        at = start + dt.timedelta(days=10 + i * 18, hours=rng.randint(1, 6))
        document = outgoing.create_draft(
            people[Role.SPECIALIST],
            document_type=types[type_name],
            excerpt=excerpt,
            body=body,
            signer=people[Role.LEADER],  # the block comes from the leader's staff record
            addressees=others[:1] if i % 2 == 0 or type_name == "Công văn" else [],
            drafting_unit="VP",
        )
        outgoing.submit(people[Role.SPECIALIST], document)
        outgoing.sign(people[Role.LEADER], document)
        at = min(at, timezone.now())
        document = outgoing.issue(people[Role.CLERK], document, at=at)
        document.signed_at = at - dt.timedelta(hours=2)  # signed shortly before it was issued, as in life
        document.save(update_fields=["signed_at"])
        issued.append(document)
    return issued


def _receive_some(agency, people, types, rng, start, now, count, issued):
    span = (now - start).total_seconds()
    moments = sorted(start + dt.timedelta(seconds=rng.uniform(0, span)) for _ in range(count))
    for i, received_at in enumerate(moments):
        sender, type_name, pattern, excerpt, answer_days = INCOMING[i % len(INCOMING)]
        received_on = received_at.astimezone(LOCAL_TZ).date()
        entry = incoming.IncomingEntry(
            sender=sender,
            number_symbol=pattern.format(n=rng.randint(100, 4200)),
            issued_on=received_on - dt.timedelta(days=rng.randint(0, 3)),
            document_type=types[type_name],
            excerpt=excerpt,
            urgency=rng.choice([Urgency.NORMAL] * 5 + [Urgency.URGENT, Urgency.VERY_URGENT]),
            channel=rng.choice([Channel.PAPER, Channel.ELECTRONIC]),
            answer_due=received_on + dt.timedelta(days=answer_days) if answer_days else None,
            received_at=received_at,
        )
        document = incoming.register_incoming(people[Role.CLERK], entry, files=[_scan(entry)])
        age = (now - received_at).days
        if age < 2:
            continue  # the newest wait for the leader
        due = document.answer_due or received_on + dt.timedelta(days=rng.randint(5, 15))
        incoming.assign(
            people[Role.LEADER],
            document,
            handler=incoming.Assignee(people[Role.SPECIALIST], due),
            note="Đề nghị chuyên viên tham mưu, báo cáo đúng hạn.",
        )
        if age > 20 and rng.random() < 0.8:
            answer = next((d for d in issued if d.issued_at > received_at), None) if answer_days else None
            incoming.record_progress(people[Role.SPECIALIST], document, "Đã tổng hợp số liệu, dự thảo văn bản trả lời.")
            incoming.close(
                people[Role.SPECIALIST],
                document,
                outcome=Outcome.ANSWERED if answer else Outcome.FILED,
                answer=answer,
                note="Hoàn thành.",
            )
    return count


def _take_in_deliveries(agency, people, rng):
    taken = 0
    for delivery in Delivery.objects.filter(agency=agency, status=DeliveryStatus.SENT).select_related("document"):
        if rng.random() < 0.7 and people[Role.CLERK] is not None:
            incoming.receive_delivery(people[Role.CLERK], delivery)
            taken += 1
    return taken


def _scan(entry):
    """A one-page PDF standing in for the scanned paper."""
    buffer = io.BytesIO()
    build(
        SimpleDocTemplate(buffer, pagesize=A4, title=entry.number_symbol),
        paragraphs(
            [
                f"<b>{entry.sender.upper()}</b>",
                f"Số: {entry.number_symbol}",
                f"<b>{entry.excerpt}</b>",
                "(Bản quét minh họa của văn bản giấy)",
            ]
        ),
    )
    return SimpleUploadedFile(
        f"{entry.number_symbol.replace('/', '-')}.pdf", buffer.getvalue(), content_type="application/pdf"
    )
