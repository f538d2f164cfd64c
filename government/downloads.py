"""Private files as HTTP responses, for the HTML front-ends and the API alike."""

import mimetypes

from django.http import FileResponse, HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from government.uploads import image_within_limit


def download(file_field, name, content_type=None, *, inline=False):
    """A dossier file: personal data, so never kept by a browser or proxy cache. `inline` shows it in
    the page (a preview) unless it is an image whose header announces more pixels than uploads may
    have (a file stored before the limit): the browser is then not asked to decode it."""
    if not file_field:
        return not_ready()
    content_type = content_type or mimetypes.guess_type(name)[0] or "application/octet-stream"
    # An uploaded PDF never opens in the browser's own viewer, which would run what it carries:
    # previews go through PDF.js (pdf_preview), and the file itself always downloads.
    inline = inline and content_type != "application/pdf"
    if inline and content_type.startswith("image/"):
        with file_field.open("rb") as handle:
            inline = image_within_limit(handle)
    response = FileResponse(file_field.open("rb"), as_attachment=not inline, filename=name, content_type=content_type)
    patch_cache_control(response, private=True, no_store=True)
    return response


def not_ready():
    """A file still being drawn after the commit (a declaration): try again in a few seconds."""
    response = HttpResponse(
        _("Tệp đang được tạo, xin thử lại sau ít giây."), status=503, content_type="text/plain; charset=utf-8"
    )
    response["Retry-After"] = "5"
    patch_cache_control(response, no_store=True)
    return response
