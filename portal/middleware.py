from django.conf import settings
from django.utils import translation


class ChosenLanguageMiddleware:
    """Vietnamese, unless the user picked another language (the cookie set by /i18n/setlang/).

    Django's LocaleMiddleware would follow the browser's Accept-Language, which turns a Vietnamese
    public service into English for anyone whose browser happens to be set that way.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.languages = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if request.path.startswith("/api/"):  # a program states the language it wants
            language = self._accepted(request) or language
        if language not in self.languages:
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response

    def _accepted(self, request):
        for code, _quality in translation.trans_real.parse_accept_lang_header(
            request.headers.get("Accept-Language", "")[:200]
        ):
            code = code.split("-")[0].lower()
            if code in self.languages:
                return code
        return None
