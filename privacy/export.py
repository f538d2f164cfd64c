"""Everything the portal holds about a citizen, as data (JSON) and as a readable summary (PDF)."""

import datetime as dt
import io
from xml.sax.saxutils import escape

from django.utils import timezone
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from government.pdf import build, grid, styles
from procedures.selectors import citizen_comment, citizen_decision_note, store_of

from .selectors import accesses_to, consents_of, dossiers_of, lookups_about


def _when(moment):
    return timezone.localtime(moment).isoformat() if moment else None


def personal_data(user):
    """A plain dict, ready for json.dumps: account, consents, dossiers with their files and history,
    registry look-ups about the ID, and every officer's opening of the dossiers."""
    dossiers = list(
        dossiers_of(user).prefetch_related("documents", "events__files", "events__agency", "eforms__required_document")
    )
    return {
        "generated_at": _when(timezone.now()),
        "account": {
            "username": user.username,
            "personal_id": user.personal_id,
            "full_name": user.get_full_name(),
            "date_of_birth": user.date_of_birth.isoformat() if user.date_of_birth else None,
            "phone": user.phone,
            "email": user.email,
            "joined_at": _when(user.date_joined),
            "last_login": _when(user.last_login),
            "identity_verified_at": _when(user.identity_verified_at),
        },
        "consents": [
            {
                "purpose": c.purpose,
                "purpose_label": str(c.get_purpose_display()),
                "terms_version": c.terms_version,
                "method": c.method,
                "given_at": _when(c.given_at),
                "withdrawn_at": _when(c.withdrawn_at),
            }
            for c in consents_of(user)
        ],
        "dossiers": [
            {
                "code": d.code,
                "procedure": d.procedure.name,
                "agency": d.receiving_agency.name,
                "state": d.state,
                "state_label": str(d.get_state_display()),
                "channel": d.channel,
                "created_at": _when(d.created_at),
                "submitted_at": _when(d.submitted_at),
                "returned_at": _when(d.returned_at),
                "applicant": {
                    "name": d.applicant_name,
                    "personal_id": d.applicant_personal_id,
                    "phone": d.applicant_phone,
                    "email": d.applicant_email,
                    "address": d.applicant_address,
                    "date_of_birth": d.applicant_date_of_birth.isoformat() if d.applicant_date_of_birth else None,
                },
                "documents": [
                    {"name": f.name, "size": f.size, "sha256": f.sha256, "uploaded_at": _when(f.uploaded_at)}
                    for f in d.documents.all()
                ],
                # What the person typed into electronic forms: the checked values once submitted, else the draft.
                "declarations": [
                    {
                        "document": r.required_document.name,
                        "title": r.definition.get("title", ""),
                        "values": r.values if r.values is not None else r.raw,
                        "submitted_at": _when(r.submitted_at),
                    }
                    for r in d.eforms.all()
                ],
                "decision_note": citizen_decision_note(d),
                "history": [
                    {
                        "action": e.action,
                        "at": _when(e.created_at),
                        "agency": e.agency.name if e.agency else "",
                        "comment": citizen_comment(e),
                        "files": [{"name": f.name, "size": f.size, "sha256": f.sha256} for f in e.files.all()],
                    }
                    for e in sorted(d.events.all(), key=lambda e: (e.created_at, e.pk))
                ],
            }
            for d in dossiers
        ],
        "registry_lookups": [
            {
                "at": _when(x.at),
                "by": x.actor,
                "purpose": x.purpose,
                "outcome": x.outcome,
                "by_label": str(x.actor_display),
                "purpose_label": str(x.purpose_display),
                "outcome_label": str(x.outcome_display),
            }
            for x in lookups_about(user)
        ],
        "dossier_accesses": [
            {
                "at": _when(a.at),
                "officer": a.officer_name,
                "agency": a.agency_name,
                "dossier": a.dossier.code if a.dossier else "",
                "what": a.what,
                "what_label": str(a.get_what_display()),
                "file": a.item,
                "legal_ground": a.legal_ground,
            }
            for a in accesses_to(user)
        ],
        "store": [
            {
                "kind": item.kind.name,
                "source": item.source,
                "source_label": str(item.get_source_display()),
                "title": item.title,
                "number": item.number,
                "issuer": item.issuer_name,
                "issued_on": item.issued_on.isoformat(),
                "valid_until": item.valid_until.isoformat() if item.valid_until else None,
                "file": {"name": item.name, "size": item.size, "sha256": item.sha256},
            }
            for item in (store_of(user.personal_id) if user.personal_id else [])
        ],
    }


def _readable(value):
    """ISO times and dates of the JSON as a Vietnamese reader writes them: 17:13 28/11/2026, 12/05/1990."""
    if value in (None, ""):
        return "—"
    text = str(value)
    try:
        if len(text) > 10 and text[10] == "T":
            return dt.datetime.fromisoformat(text).strftime("%H:%M %d/%m/%Y")
        if len(text) == 10 and text[4] == "-" and text[7] == "-":
            return dt.date.fromisoformat(text).strftime("%d/%m/%Y")
    except ValueError:
        pass
    return text


def summary_pdf(data):
    """A4 summary of `personal_data(user)`, for reading and printing."""

    s = styles()
    margin = 14 * mm
    width = A4[0] - 2 * margin
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
        title="Dữ liệu của tôi",
        author="Cổng dịch vụ công",
    )

    def p(text, style="body"):
        return Paragraph(escape(_readable(text)), s[style])

    def table(head, rows, widths):
        if not rows:
            return p("Không có.")
        return grid(
            [[p(h) for h in head]] + [[p(cell, "small") for cell in row] for row in rows], [width * w for w in widths]
        )

    account = data["account"]
    story = [
        p("DỮ LIỆU CÁ NHÂN CỦA TÔI TRÊN CỔNG DỊCH VỤ CÔNG", "title"),
        p(f"Lập lúc {_readable(data['generated_at'])} theo Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15.", "italic_centre"),
        Spacer(0, 4 * mm),
        p("1. Tài khoản", "title"),
        table(
            ["Thông tin", "Giá trị"],
            [
                ["Họ và tên", account["full_name"]],
                ["Số định danh", account["personal_id"]],
                ["Ngày sinh", account["date_of_birth"]],
                ["Điện thoại", account["phone"]],
                ["Thư điện tử", account["email"]],
                ["Xác thực với CSDL dân cư", account["identity_verified_at"]],
                ["Tạo tài khoản", account["joined_at"]],
            ],
            [0.35, 0.65],
        ),
        p("2. Sự đồng ý", "title"),
        table(
            ["Mục đích", "Phiên bản", "Đồng ý lúc", "Rút lại lúc"],
            [[c["purpose_label"], c["terms_version"], c["given_at"], c["withdrawn_at"]] for c in data["consents"]],
            [0.46, 0.12, 0.21, 0.21],
        ),
        p("3. Hồ sơ", "title"),
        table(
            ["Mã hồ sơ", "Thủ tục", "Trạng thái", "Số tệp"],
            [
                [
                    d["code"] or "(nháp)",
                    d["procedure"],
                    d["state_label"],
                    len(d["documents"]) + sum(len(e["files"]) for e in d["history"]),
                ]
                for d in data["dossiers"]
            ],
            [0.28, 0.44, 0.18, 0.10],
        ),
        p("4. Lượt tra cứu CSDL quốc gia về dân cư về số định danh của tôi", "title"),
        table(
            ["Thời điểm", "Người hoặc tác vụ", "Mục đích", "Kết quả"],
            [[x["at"], x["by_label"], x["purpose_label"], x["outcome_label"]] for x in data["registry_lookups"]],
            [0.25, 0.25, 0.3, 0.2],
        ),
        p("5. Kho dữ liệu của tôi", "title"),
        table(
            ["Giấy tờ", "Số", "Cơ quan cấp", "Ngày cấp", "Nguồn"],
            [[i["title"], i["number"], i["issuer"], i["issued_on"], i["source_label"]] for i in data["store"]],
            [0.3, 0.14, 0.24, 0.14, 0.18],
        ),
        p("6. Cán bộ đã mở hồ sơ hoặc kho dữ liệu của tôi", "title"),
        table(
            ["Thời điểm", "Cán bộ", "Cơ quan", "Hồ sơ", "Thao tác"],
            [
                [a["at"], a["officer"], a["agency"], a["dossier"], f"{a['what_label']} {a['file']}".strip()]
                for a in data["dossier_accesses"]
            ],
            [0.2, 0.18, 0.24, 0.2, 0.18],
        ),
    ]
    build(document, story)
    return buffer.getvalue()
