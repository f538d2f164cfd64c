"""The papers a procedure issues (procedures/result_books.py): an administrative document of its own
type, or a paper entered in a book (the birth extract, the certification of copies, a book's entry),
each made out from what the dossier declared and signed by the leader who approved it.

Where the State prescribes the blank (the Giấy khai sinh is printed on the Ministry of Justice's
forms), the portal draws the book's entry as an extract and says so on it."""

from documents.models import DocumentType
from eforms.selectors import declared_by_key
from government.addresses import on_current_tree
from government.pdf_document import OFFICIAL_LETTER, Document, render
from government.signers import SignatureBlock, head_title, signature_block
from procedures.models import ResultKind
from procedures.result_books import BOOKS

from .receipt import local
from .sets import SET_2025, set_of


def terms_of(dossier):
    """The procedure's terms as received: the version the dossier keeps, or the procedure in force."""
    return dossier.procedure_version or dossier.procedure


def result_paper(dossier, leader, verification_url, *, spots=None, book_reference="", dated=None):
    """PDF bytes of the result `leader` signs. An administrative document leaves its number and date to
    the fields of `spots` (filled at issue from the outgoing register); a book's paper prints its place
    in the book (`book_reference`) and the date of its entry (`dated`)."""
    terms = terms_of(dossier)
    agency = dossier.current_agency
    signature = (
        signature_block(leader, agency)
        if leader is not None  # a draft: the leader is not known yet
        else SignatureBlock((head_title(agency).upper(),), "(Lãnh đạo phê duyệt ký)")
    )
    if terms.result_kind == ResultKind.BOOK:
        book = BOOKS[terms.result_book]
        draw = {"birth_extract": _birth_extract, "certified_copy": _certified_copy}.get(book.template, _book_entry)
        document = draw(dossier, terms, book, declared_by_key(dossier))
        document.number_text, document.dated = book_reference, dated
    else:
        document = _administrative(dossier, terms)
    document.agency, document.signature, document.qr_url = agency, signature, verification_url
    return render(document, spots=spots)


def _administrative(dossier, terms):
    result = terms.result_document or "kết quả giải quyết thủ tục hành chính"
    type_name = (
        DocumentType.objects.filter(abbreviation=terms.result_type).values_list("name", flat=True).first()
        if terms.result_type
        else OFFICIAL_LETTER
    ) or "Quyết định"
    applicant = f"Ông/Bà {dossier.applicant_name}"
    grounds = [
        f"Căn cứ {terms.legal_basis.rstrip('.;')};",
        f"Xét hồ sơ số {dossier.code} của {applicant} đề nghị giải quyết thủ tục “{dossier.procedure.name}”, "
        f"tiếp nhận {local(dossier.received_at)};",
    ]
    excerpt = f"Về việc {_lower_first(result)} cho {applicant}"
    if type_name == "Quyết định":
        body = [
            f"Điều 1. Cấp {_lower_first(result)} cho {applicant}, số định danh cá nhân "
            f"{dossier.applicant_personal_id}, địa chỉ: {_address(dossier)}.",
            "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
            f"Điều 3. Bộ phận chuyên môn có liên quan và {applicant} chịu trách nhiệm thi hành Quyết định này.",
        ]
        return Document(
            agency=None,
            type_name=type_name,
            excerpt=excerpt,
            body=body,
            signature=None,
            grounds=grounds,
            operative="QUYẾT ĐỊNH:",
            recipients=["Như Điều 3"],
        )
    body = [
        " ".join(g.rstrip(";,") + "," for g in grounds[1:]) + f" {dossier.current_agency.name} trả lời như sau:",
        f"Cấp {_lower_first(result)} cho {applicant}. Kết quả được trả qua hình thức "
        f"{dossier.get_result_delivery_display().lower()}.",
    ]
    return Document(
        agency=None,
        type_name=type_name,
        excerpt=excerpt,
        body=body,
        signature=None,
        addressees=[applicant] if type_name == OFFICIAL_LETTER else [],
        recipients=[] if type_name == OFFICIAL_LETTER else [applicant],
    )


def _birth_extract(dossier, terms, book, declared):
    get = lambda key: declared.get(key) or "—"  # noqa: E731
    lines = [
        f"Họ, chữ đệm, tên: {get('child_name').upper()}",
        f"Ngày, tháng, năm sinh: {get('child_date_of_birth')}",
        f"Giới tính: {get('child_sex')}; dân tộc: {get('child_ethnicity')}; quốc tịch: {get('child_nationality')}",
        f"Nơi sinh: {get('child_place_of_birth')}",
        f"Quê quán: {get('home_town')}",
        f"Họ, chữ đệm, tên người mẹ: {get('mother_name')}; năm sinh: {get('mother_year_of_birth')}; "
        f"dân tộc: {get('mother_ethnicity')}; quốc tịch: {get('mother_nationality')}; "
        f"nơi cư trú: {get('mother_residence')}",
        (
            f"Họ, chữ đệm, tên người cha: {get('father_name')}; năm sinh: {get('father_year_of_birth')}; "
            f"dân tộc: {get('father_ethnicity')}; quốc tịch: {get('father_nationality')}; "
            f"nơi cư trú: {get('father_residence')}"
        )
        if declared.get("father_name")
        else "Họ, chữ đệm, tên người cha: —",
        f"Người đi khai sinh: {get('declarant_name')} ({get('declarant_relation')})",
        f"Nơi đăng ký khai sinh: {dossier.current_agency.name}; hồ sơ {dossier.code}.",
    ]
    return Document(
        agency=None,
        type_name="Trích lục khai sinh",
        excerpt="",
        body=lines,
        signature=None,
        plain_body=True,
        recipients=[f"Ông/Bà {dossier.applicant_name}"],
        under_title=[
            f"(Trích từ {book.name}. Giấy khai sinh bản chính được in trên mẫu do Bộ Tư pháp "
            "phát hành; bản này do hệ thống tạo từ Sổ.)"
        ],
    )


def _certified_copy(dossier, terms, book, declared):
    papers = declared.get("papers") or []
    lines = [
        f"Người yêu cầu chứng thực: {declared.get('requester') or dossier.applicant_name}, số định danh cá nhân "
        f"{dossier.applicant_personal_id}.",
        "Chứng thực bản sao đúng với bản chính các giấy tờ sau:",
    ]
    lines += [
        f"{i}. {p.get('name', '—')}, do {p.get('issued_by', '—')} cấp; số bản sao: {p.get('copies', '—')}."
        for i, p in enumerate(papers, start=1)
    ] or ["(Giấy tờ ghi trong hồ sơ)"]
    if declared.get("purpose") and declared["purpose"] != "—":
        lines.append(f"Mục đích sử dụng: {declared['purpose']}.")
    return Document(
        agency=None,
        type_name="Lời chứng chứng thực bản sao từ bản chính",
        excerpt="",
        body=lines,
        signature=None,
        plain_body=True,
        recipients=[f"Ông/Bà {dossier.applicant_name}"],
        under_title=[f"(Vào {book.name})"],
    )


def _address(dossier):
    """On the 2025 tree once the 2025 forms apply: no district on a paper issued after the reorganisation."""

    if set_of(dossier) is SET_2025:
        return on_current_tree(dossier.applicant_address)[0] or "—"
    return dossier.applicant_address or "—"


def _book_entry(dossier, terms, book, declared):
    result = terms.result_document or dossier.procedure.name
    lines = [
        f"Cấp cho Ông/Bà: {dossier.applicant_name}, số định danh cá nhân {dossier.applicant_personal_id}.",
        f"Địa chỉ: {_address(dossier)}.",
        f"Thủ tục: {dossier.procedure.name}; hồ sơ {dossier.code}, tiếp nhận {local(dossier.received_at)}.",
        f"Căn cứ: {terms.legal_basis}.",
    ]
    return Document(
        agency=None,
        type_name=result,
        excerpt="",
        body=lines,
        signature=None,
        plain_body=True,
        recipients=[f"Ông/Bà {dossier.applicant_name}"],
        under_title=[f"(Vào {book.name})"],
    )


def _lower_first(text):
    """ "Giấy phép xây dựng" → "giấy phép xây dựng"; a name in capitals stays as it is."""
    return text[:1].lower() + text[1:] if text[:2].istitle() or text[:1].isupper() and text[1:2].islower() else text
