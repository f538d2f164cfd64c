"""Page slugs in ASCII: Vietnamese folded ("Đăng ký khai sinh" → "dang-ky-khai-sinh")."""

from django.utils.text import slugify

from government.folding import fold


def ascii_slug(text):
    return slugify(fold(text))[:255]


class AsciiSlugMixin:
    """For editors' pages: whatever slug the admin sends (or none), store its folded ASCII form.

    Django's slugify drops "Đ" and Wagtail's would percent-encode the diacritics; folding first keeps
    every letter readable in the address."""

    def full_clean(self, *args, **kwargs):
        if not self.slug or not self.slug.isascii():
            self.slug = ascii_slug(self.slug or self.title)
        return super().full_clean(*args, **kwargs)
