import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from procedures.uploads import UploadRejected, check_upload, safe_name
from tests.uploads import disguised, jpeg, pdf, png


@pytest.mark.parametrize(("upload", "content_type", "name"), [
    (png("ảnh chụp giấy chứng sinh.png"), "image/png", "ảnh_chụp_giấy_chứng_sinh.png"),
    (jpeg("CCCD mặt trước.JPG"), "image/jpeg", "CCCD_mặt_trước.jpg"),
    (pdf("Tờ khai.pdf"), "application/pdf", "Tờ_khai.pdf"),
])
def test_the_type_comes_from_the_content(upload, content_type, name):
    checked = check_upload(upload)
    assert (checked.content_type, checked.name) == (content_type, name)
    assert len(checked.sha256) == 64


@pytest.mark.parametrize("upload", [
    disguised(),
    SimpleUploadedFile("scan.png", b"\x89PNG\r\n\x1a\n" + b"not really an image"),  # right magic, broken body
    SimpleUploadedFile("note.txt", "Xin chào".encode()),
    SimpleUploadedFile("empty.pdf", b""),
])
def test_anything_else_is_refused_whatever_its_name(upload):
    with pytest.raises(UploadRejected, match="không phải tệp PDF, JPEG hoặc PNG"):
        check_upload(upload)


def test_size_limits_per_file_and_per_dossier(settings):
    settings.UPLOAD_MAX_FILE_MB = 1
    settings.UPLOAD_MAX_DOSSIER_MB = 2
    with pytest.raises(UploadRejected, match="vượt quá giới hạn 1 MB mỗi tệp"):
        check_upload(pdf(padding=1024 * 1024 + 1))
    with pytest.raises(UploadRejected, match="Tổng dung lượng các tệp của hồ sơ vượt quá 2 MB"):
        check_upload(pdf(padding=600 * 1024), already_stored_bytes=int(1.5 * 1024 * 1024))


@pytest.mark.parametrize(("name", "expected"), [
    ("../../etc/passwd", "passwd.pdf"),
    ("..\\..\\windows\\system32\\evil.pdf", "evil.pdf"),
    (".htaccess", "htaccess.pdf"),
    ("..", "tep.pdf"),
    ("a" * 300 + ".pdf", "a" * 100 + ".pdf"),
    ("<script>alert(1)</script>.pdf", "script.pdf"),
    ("Giấy khai sinh (bản sao).exe", "Giấy_khai_sinh_bản_sao.pdf"),
])
def test_names_lose_folders_and_strange_characters(name, expected):
    assert safe_name(name, ".pdf") == expected
