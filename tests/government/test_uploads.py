import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from pypdf.generic import DictionaryObject, NameObject, TextStringObject

from government.uploads import UploadRejected, check_upload, safe_name
from tests.uploads import disguised, hostile_pdfs, jpeg, linked_pdf, pdf, pdf_bytes, png


@pytest.mark.parametrize(
    ("upload", "content_type", "name"),
    [
        (png("ảnh chụp giấy chứng sinh.png"), "image/png", "ảnh_chụp_giấy_chứng_sinh.png"),
        (jpeg("CCCD mặt trước.JPG"), "image/jpeg", "CCCD_mặt_trước.jpg"),
        (pdf("Tờ khai.pdf"), "application/pdf", "Tờ_khai.pdf"),
    ],
)
def test_the_type_comes_from_the_content(upload, content_type, name):
    checked = check_upload(upload)
    assert (checked.content_type, checked.name) == (content_type, name)
    assert len(checked.sha256) == 64


@pytest.mark.parametrize(
    "upload",
    [
        disguised(),
        SimpleUploadedFile("scan.png", b"\x89PNG\r\n\x1a\n" + b"not really an image"),  # right magic, broken body
        SimpleUploadedFile("note.txt", "Xin chào".encode()),
        SimpleUploadedFile("empty.pdf", b""),
    ],
)
def test_anything_else_is_refused_whatever_its_name(upload):
    with pytest.raises(UploadRejected, match="không phải (tệp PDF, JPEG hoặc PNG|ảnh JPEG hoặc PNG) hợp lệ"):
        check_upload(upload)


@pytest.mark.parametrize(
    "content",
    [
        b"%PDF-1.4\n<?php system($_GET['c']); ?>\n",
        b"%PDF-1.4\n<html><script>alert(document.cookie)</script></html>\n",
        b"%PDF-1.7\n" + b"\x00" * 5000,
        pdf_bytes()[:-200],  # cut short: no cross-reference table, no trailer
    ],
)
def test_a_pdf_header_on_something_else_is_refused(content):
    with pytest.raises(UploadRejected, match="không phải tệp PDF hợp lệ"):
        check_upload(SimpleUploadedFile("scan.pdf", content))


def _with_action(**entries):
    return SimpleUploadedFile("to-khai.pdf", pdf_bytes(**entries))


def _js():
    return DictionaryObject(
        {NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject("app.alert(1)")}
    )


@pytest.mark.parametrize(
    "upload",
    [
        pytest.param(lambda: _with_action(**{"/OpenAction": _js()}), id="open-action-javascript"),
        pytest.param(
            lambda: _with_action(
                **{
                    "/OpenAction": DictionaryObject(
                        {NameObject("/S"): NameObject("/Launch"), NameObject("/F"): TextStringObject("cmd.exe")}
                    )
                }
            ),
            id="launch",
        ),
        pytest.param(
            lambda: _with_action(**{"/Names": DictionaryObject({NameObject("/EmbeddedFiles"): DictionaryObject()})}),
            id="embedded-files",
        ),
        pytest.param(
            lambda: _with_action(**{"/AcroForm": DictionaryObject({NameObject("/XFA"): TextStringObject("<xdp/>")})}),
            id="xfa",
        ),
        # The same JavaScript action with its name written in hex escapes (/J#61vaScript): parsed, still found.
        pytest.param(
            lambda: SimpleUploadedFile(
                "x.pdf", pdf_bytes(**{"/OpenAction": _js()}).replace(b"/JavaScript", b"/J#61vaScript")
            ),
            id="hex-escaped-name",
        ),
    ],
)
def test_a_pdf_that_can_run_something_is_refused(upload):
    with pytest.raises(UploadRejected, match="chỉ nhận PDF tĩnh"):
        check_upload(upload())


def test_an_encrypted_pdf_is_refused():
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes())))
    writer.encrypt(user_password="", owner_password="chu-so-huu")
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(UploadRejected, match="mã hóa"):
        check_upload(SimpleUploadedFile("khoa.pdf", buffer.getvalue()))


def _png_of(width, height):
    buffer = io.BytesIO()
    Image.new("1", (width, height)).save(buffer, format="PNG")
    return SimpleUploadedFile("bom.png", buffer.getvalue(), content_type="image/png")


def test_an_image_bomb_is_refused_with_a_clear_message():
    bomb = _png_of(30000, 30000)
    assert bomb.size < 200 * 1024  # 900 megapixels in about 110 KB
    with pytest.raises(UploadRejected, match="quá lớn|vượt quá giới hạn"):
        check_upload(bomb)


def test_images_above_the_documented_pixel_limit_are_refused(settings):
    assert settings.UPLOAD_MAX_IMAGE_MEGAPIXELS == 50
    with pytest.raises(UploadRejected, match="100,0 triệu điểm ảnh, vượt quá giới hạn 50 triệu"):
        check_upload(_png_of(10000, 10000))
    assert check_upload(_png_of(8000, 6000)).content_type == "image/png"  # a 48 MP phone photo


def test_a_truncated_image_is_refused():
    whole = jpeg().read()
    with pytest.raises(UploadRejected, match="không phải ảnh JPEG hoặc PNG hợp lệ"):
        check_upload(SimpleUploadedFile("cut.jpg", whole[: len(whole) // 2]))


def test_size_limits_per_file_and_per_dossier(settings):
    settings.UPLOAD_MAX_FILE_MB = 1
    settings.UPLOAD_MAX_DOSSIER_MB = 2
    with pytest.raises(UploadRejected, match="vượt quá giới hạn 1 MB mỗi tệp"):
        check_upload(pdf(padding=1024 * 1024 + 1))
    with pytest.raises(UploadRejected, match="Tổng dung lượng các tệp của hồ sơ vượt quá 2 MB"):
        check_upload(pdf(padding=600 * 1024), already_stored_bytes=int(1.5 * 1024 * 1024))


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("../../etc/passwd", "passwd.pdf"),
        ("..\\..\\windows\\system32\\evil.pdf", "evil.pdf"),
        (".htaccess", "htaccess.pdf"),
        ("..", "tep.pdf"),
        ("a" * 300 + ".pdf", "a" * 100 + ".pdf"),
        ("<script>alert(1)</script>.pdf", "script.pdf"),
        ("Giấy khai sinh (bản sao).exe", "Giấy_khai_sinh_bản_sao.pdf"),
    ],
)
def test_names_lose_folders_and_strange_characters(name, expected):
    assert safe_name(name, ".pdf") == expected


@pytest.mark.parametrize("name", sorted(hostile_pdfs()))
def test_a_pdf_read_as_a_viewer_reads_it_is_refused(name):
    """Issue 33 (2): duplicate keys (viewers take the last), entries on parents, another file over a UNC
    path, an address opened by itself, a javascript: link."""
    with pytest.raises(UploadRejected, match="chỉ nhận PDF tĩnh"):
        check_upload(SimpleUploadedFile(f"{name}.pdf", hostile_pdfs()[name]))


def test_an_ordinary_web_link_is_accepted():
    assert check_upload(SimpleUploadedFile("lien-ket.pdf", linked_pdf())).content_type == "application/pdf"
