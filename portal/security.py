"""Response headers that keep personal data and pages safe, whatever view answered.

- `ContentSecurityPolicyMiddleware` (django-csp): the policy is in settings.CONTENT_SECURITY_POLICY
  and allows no inline script anywhere the public or officers work. Wagtail's editor (/cms/) is
  the one exception: some of its own widgets write inline scripts (date pickers, inline panels),
  so its pages allow them; it is staff-only behind the second factor (docs/decisions/0003).
- `PrivatePagesMiddleware`: a page answered to someone signed in (or with a session) is theirs:
  `Cache-Control: private, no-store`, so no shared proxy or browser history keeps it.
"""

from csp.middleware import CSPMiddleware
from django.utils.cache import patch_cache_control, patch_vary_headers

EDITOR_PREFIXES = ("/cms/",)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(EDITOR_PREFIXES):
            parts.update = {**(parts.update or {}), "script-src": ["'unsafe-inline'"]}
        return parts


class PrivatePagesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        session = getattr(request, "session", None)
        if (user is not None and user.is_authenticated) or (session is not None and session.session_key):
            patch_cache_control(response, private=True, no_store=True)
        patch_vary_headers(response, ("Cookie",))
        return response
