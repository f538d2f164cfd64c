"""Settings for the Một cửa portal.

Every deployment-specific value comes from the environment; the defaults give the embedded
set-up (SQLite under var/, console e-mail, the fake population registry) so that a fresh clone
runs with no configuration.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))
# Holds the SQLite database and uploads of the embedded set-up; not in git, so made on first use.
VAR_DIR.mkdir(parents=True, exist_ok=True)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = env_bool("DJANGO_DEBUG", True)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dev-only-insecure-key-change-me")
if not DEBUG and SECRET_KEY.startswith("dev-only"):
    raise RuntimeError("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off")
ALLOWED_HOSTS = os.environ.get("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")

# Each outside system's secret. The embedded set-up talks to the fake servers `make run` starts, with
# their public demo values; in production (DJANGO_DEBUG off) a missing secret, or a demo one, stops
# the process at start-up with its name (a `check --deploy` line was too easy to start past).
MISSING_SECRETS = []


def outside_secret(name, demo="", needed=True):
    value = os.environ.get(name, "")
    if DEBUG or not needed:
        return value or demo
    if not value or value == demo:
        MISSING_SECRETS.append(name)
    return value


# Production is HTTPS only: redirect, HSTS, secure cookies. Each can be switched off for a run over plain
# HTTP on loopback (bench/load.py does), never in a deployment. `manage.py check --deploy` is clean with them.
HTTPS_ONLY = env_bool("DJANGO_HTTPS_ONLY", not DEBUG)
SECURE_SSL_REDIRECT = HTTPS_ONLY
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = HTTPS_ONLY
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000")) if HTTPS_ONLY else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS_ONLY
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", HTTPS_ONLY)
# Content-Security-Policy (django-csp; portal/security.py): scripts and styles from the site itself only,
# no inline script. Inline style attributes are allowed (the templates use a few); scripts are not.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "frame-ancestors": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    },
}
# Staff sessions: ended after this many idle minutes, and this many hours after sign-in in any case
# (portal/accounts/middleware.py). Citizens' sessions last SESSION_COOKIE_AGE (one day by default).
STAFF_SESSION_IDLE_MINUTES = int(os.environ.get("STAFF_SESSION_IDLE_MINUTES", "30"))
STAFF_SESSION_MAX_HOURS = int(os.environ.get("STAFF_SESSION_MAX_HOURS", "10"))
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(24 * 3600)))
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("DJANGO_BEHIND_TLS_PROXY") else None

INSTALLED_APPS = [
    "daphne",  # first: its runserver serves ASGI, so `make run` answers the meetings' WebSockets too
    "accounts",
    "portal.accounts",
    "portal.home",
    "portal.catalog",
    "portal.content",
    "portal.citizens",
    "portal.backoffice",
    "portal.documents",
    "portal.meetings",
    "government",
    "procedures",
    "documents",
    "meetings",
    "channels",
    "citizen_registry_adapter",
    "search",
    "privacy",
    "eforms",
    "national_sync",
    "reorganisation",
    "payments",
    "api",
    *(["demo"] if env_bool("PORTAL_DEMO", True) else []),  # the demo CA (demo/); production may leave it out
    "rest_framework",
    "rest_framework_api_key",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "wagtail.contrib.forms",
    "wagtail.contrib.simple_translation",  # editors translate a page ("Dịch"): decision 0029
    "wagtail.locales",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "csp",
    "django_prometheus",
]

MIDDLEWARE = [
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Static files from the application itself (compressed, cached forever by name); a reverse proxy may
    # serve STATIC_ROOT instead (docs/production.md).
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.middleware.ChosenLanguageMiddleware",
    "portal.page_cache.AnonymousPageCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "portal.accounts.middleware.StaffSessionMiddleware",
    "portal.accounts.middleware.StaffSecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "portal.security.ContentSecurityPolicyMiddleware",
    "portal.security.PrivatePagesMiddleware",
    "portal.catalog.redirects.QueryKeepingRedirectMiddleware",
    "portal.page_routing.RememberedRouteMiddleware",
    "axes.middleware.AxesMiddleware",
    "django_prometheus.middleware.PrometheusAfterMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.catalog.context_processors.catalog",
                "portal.accounts.context_processors.sign_in",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Concurrent writers (two officers, the code sequence) wait for the lock instead of failing.
    DATABASES["default"]["OPTIONS"] = {"timeout": 20, "transaction_mode": "IMMEDIATE"}
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # The dashboard's covering index (INCLUDE columns, decision 0017) is a PostgreSQL speed-up; SQLite
    # builds the same index without the extra columns, which is all the embedded set-up needs.
    SILENCED_SYSTEM_CHECKS = ["models.W040"]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
# django-axes first: it refuses a locked-out user before the password is even checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "accounts.backends.SignInAddressLimit",
    "accounts.backends.PersonalIdBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "0.25"))  # hours: 15 minutes
# Per account (whatever name is typed: accounts/lockout.py) at each address: attempts from elsewhere
# cannot lock an officer out of their own desk. Per address over all accounts: SIGN_IN_ADDRESS_LIMIT.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_CALLABLE = "accounts.lockout.account_name"
AXES_CLIENT_IP_CALLABLE = "government.ratelimit.client_ip"
# Failed sign-ins from one client address, over all accounts, within the window (seconds). High enough
# for a commune office behind one address, low enough to stop password spraying.
SIGN_IN_ADDRESS_LIMIT = (int(os.environ.get("SIGN_IN_ADDRESS_LIMIT", "50")), 900)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False
# Digital signatures (government/signing.py). Production: one <electronic code>.p12 per agency in
# SIGNING_CERTS_DIR and the CA that issued them in SIGNING_TRUST_ROOT; the demo CA is for development.
SIGNING_CERTS_DIR = os.environ.get("SIGNING_CERTS_DIR", "")
SIGNING_CERTS_PASSWORD = os.environ.get("SIGNING_CERTS_PASSWORD", "")
SIGNING_TRUST_ROOT = os.environ.get("SIGNING_TRUST_ROOT", "")
SIGNING_DEMO_CA = env_bool("SIGNING_DEMO_CA", DEBUG)
SIGNING_DEMO_DIR = VAR_DIR / "pki"
SIGNING_DEMO_BACKDATE_DAYS = 1  # a demo certificate is valid from a day before it is issued
# Who holds the keys (signing_adapter/): "local" reads SIGNING_CERTS_DIR (and asks the demo CA when
# SIGNING_DEMO_CA is on); "csc" signs through a CA's remote signing service (Cloud Signature Consortium
# API v1 at SIGNING_URL, with an access token and the credentials' PIN).
SIGNING = {
    "BACKEND": os.environ.get("SIGNING_BACKEND", "local"),
    "CERTS_DIR": SIGNING_CERTS_DIR,
    "CERTS_PASSWORD": SIGNING_CERTS_PASSWORD,
    "URL": os.environ.get("SIGNING_URL", "http://127.0.0.1:8775"),
    "TOKEN": outside_secret("SIGNING_TOKEN", needed=os.environ.get("SIGNING_BACKEND", "local") == "csc"),
    "PIN": os.environ.get("SIGNING_PIN", ""),
    "TIMEOUT": float(os.environ.get("SIGNING_TIMEOUT", "15")),
}

# Issuer shown in authenticator apps next to the staff member's account.
OTP_TOTP_ISSUER = "Một cửa Thái Nguyên"
# First enrolment of a staff authenticator needs a one-time code from an administrator or the agency's
# leader (accounts/enrolment.py): valid this many hours; wrong codes per account per window.
OTP_ENROLMENT_CODE_HOURS = int(os.environ.get("OTP_ENROLMENT_CODE_HOURS", "72"))
OTP_ENROLMENT_RATE_LIMIT = (5, 900)
LOGIN_URL = "citizens:login"
LOGIN_REDIRECT_URL = "citizens:my_dossiers"
LOGOUT_REDIRECT_URL = "/"
# Addresses of the reverse proxies whose X-Forwarded-For is believed (comma-separated).
TRUSTED_PROXIES = [ip for ip in os.environ.get("TRUSTED_PROXIES", "").split(",") if ip]
# Public tracking: at most this many lookups per client address per window (seconds).
TRACKING_RATE_LIMIT = (int(os.environ.get("TRACKING_RATE_LIMIT", "20")), 600)

# Registration: attempts per client address and per personal ID within the window (seconds).
# Password reset requests per client address and per typed e-mail address, per hour (portal/accounts/resets.py).
PASSWORD_RESET_RATE_LIMIT = (
    int(os.environ.get("PASSWORD_RESET_RATE_LIMIT_ADDRESS", "10")),
    int(os.environ.get("PASSWORD_RESET_RATE_LIMIT_ACCOUNT", "3")),
    3600,
)
REGISTRATION_RATE_LIMIT = (
    int(os.environ.get("REGISTRATION_RATE_LIMIT_ADDRESS", "20")),
    int(os.environ.get("REGISTRATION_RATE_LIMIT_ID", "5")),
    3600,
)

# Public catalog pages for visitors without a session come from the cache (portal/page_cache.py).
ANONYMOUS_PAGE_CACHE_PREFIXES = ("/thu-tuc/",)
ANONYMOUS_PAGE_CACHE_SECONDS = int(os.environ.get("ANONYMOUS_PAGE_CACHE_SECONDS", "300"))
# The query parameters cached pages read (the catalog's choices; its free-text "q" is never cached):
# any other parameter, or a long value, and the page is served fresh and not kept.
ANONYMOUS_PAGE_CACHE_PARAMS = ("level", "field", "point", "page")
# At most this many copies are kept per ANONYMOUS_PAGE_CACHE_SECONDS (per version of the catalog).
ANONYMOUS_PAGE_CACHE_MAX_ENTRIES = int(os.environ.get("ANONYMOUS_PAGE_CACHE_MAX_ENTRIES", "2000"))

# Rate-limit counters and other short-lived data: Redis in production, process memory by default.
CACHES = {
    "default": (
        {"BACKEND": "government.redis_cache.RedisCache", "LOCATION": os.environ["REDIS_URL"]}
        if os.environ.get("REDIS_URL")
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    ),
    # Cached public pages (portal/page_cache.py), apart from the sessions and the limits: their own key
    # prefix, or their own Redis with PAGE_CACHE_REDIS_URL, and a bounded number of copies.
    "pages": (
        {
            "BACKEND": "government.redis_cache.RedisCache",
            "KEY_PREFIX": "pages",
            "LOCATION": os.environ.get("PAGE_CACHE_REDIS_URL") or os.environ["REDIS_URL"],
        }
        if os.environ.get("PAGE_CACHE_REDIS_URL") or os.environ.get("REDIS_URL")
        else {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "pages",
            "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("ANONYMOUS_PAGE_CACHE_MAX_ENTRIES", "2000"))},
        }
    ),
}
# The signed-in user with role and agency, kept between requests (accounts/signed_in.py): only in a cache
# every worker shares, or a deactivated account would stay signed in on the other workers.
SIGNED_IN_USER_CACHE_SECONDS = int(
    os.environ.get("SIGNED_IN_USER_CACHE_SECONDS", "300" if os.environ.get("REDIS_URL") else "0")
)
# Parts of signed-in pages drawn once per change (portal/fragments.py): only in a shared cache.
FRAGMENT_CACHE_SECONDS = int(os.environ.get("FRAGMENT_CACHE_SECONDS", "300" if os.environ.get("REDIS_URL") else "0"))
# Sessions are read on every signed-in request: from Redis when it is shared by all workers and
# instances, written through to the database so that a Redis restart signs nobody out. With the
# per-process memory cache a sign-out in one worker would not reach the others: database only.
SESSION_ENGINE = (
    "django.contrib.sessions.backends.cached_db"
    if os.environ.get("REDIS_URL")
    else "django.contrib.sessions.backends.db"
)

# Live updates of the meetings (group discussion, votes, speakers) go through a channel layer: Redis
# when REDIS_URL is set, shared by every ASGI process; otherwise one process's memory (make run).
ASGI_APPLICATION = "portal.asgi.application"


def redis_channel_layer(url):
    """Production's channel layer on Redis at `url` (a function so that a test builds the same one)."""
    return {
        "BACKEND": "channels_redis.core.RedisChannelLayer",
        "CONFIG": {
            "hosts": [
                {
                    "address": url,
                    # one connection per command in flight: a hall of delegates joining at once
                    "max_connections": int(os.environ.get("CHANNELS_REDIS_MAX_CONNECTIONS", "1000")),
                    # above the layer's 5 s blocking read: at 5 s (the client's default) an
                    # idle socket's read timed out now and then and the socket closed with 1011
                    "socket_timeout": float(os.environ.get("CHANNELS_REDIS_SOCKET_TIMEOUT", "15")),
                }
            ],
            "prefix": os.environ.get("CHANNELS_PREFIX", "motcua"),
            # messages waiting per browser before the layer drops them: tallies are coalesced per
            # browser (MEETINGS_TALLY_INTERVAL), but every ballot still sends one, so a hall of
            # 500 delegates voting at once must fit (the default of 100 dropped the rest silently)
            "capacity": int(os.environ.get("CHANNELS_CAPACITY", "1000")),
            "expiry": 60,
        },
    }


CHANNEL_LAYERS = {
    "default": (
        redis_channel_layer(os.environ["REDIS_URL"])
        if os.environ.get("REDIS_URL")
        else {
            "BACKEND": "channels.layers.InMemoryChannelLayer",
            "CONFIG": {"capacity": int(os.environ.get("CHANNELS_CAPACITY", "1000"))},
        }
    )
}
# Browsers get a vote's tally at most this often (seconds), the latest; each ballot still counts at once.
MEETINGS_TALLY_INTERVAL = float(os.environ.get("MEETINGS_TALLY_INTERVAL", "0.15"))
# How often an open meeting socket checks that its session still signs its user in.
MEETINGS_SESSION_CHECK_SECONDS = float(os.environ.get("MEETINGS_SESSION_CHECK_SECONDS", "30"))
# Delegates are elected members, not staff: whether they too pass the second factor is the council's choice.
MEETINGS_DELEGATE_SECOND_FACTOR = env_bool("MEETINGS_DELEGATE_SECOND_FACTOR", False)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English"))]
# The portal's pages have translations (portal/home/translation.py), served in the reader's language.
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# The project's own catalogues, then hand-kept Vietnamese for the parts of Wagtail's admin it lacks.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_overrides"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)  # WhiteNoise looks for it at start; collectstatic fills it (portal/serve.py)
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
# Dossier files: personal data, outside MEDIA_ROOT so that no URL serves them (government/storage.py).
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", VAR_DIR / "private"))
# S3-compatible object storage for those files (government/storage.py), when an endpoint is given: any
# application server can then serve any file. `manage.py move_files_to_object_storage` moves existing ones.
OBJECT_STORAGE = {
    "ENDPOINT": os.environ.get("OBJECT_STORAGE_ENDPOINT", ""),
    "BUCKET": os.environ.get("OBJECT_STORAGE_BUCKET", "mot-cua-private"),
    "ACCESS_KEY": os.environ.get("OBJECT_STORAGE_ACCESS_KEY", ""),
    "SECRET_KEY": os.environ.get("OBJECT_STORAGE_SECRET_KEY", ""),
    "REGION": os.environ.get("OBJECT_STORAGE_REGION", ""),
    "PREFIX": os.environ.get("OBJECT_STORAGE_PREFIX", "private"),
}
# Uploads by citizens: per file and per dossier, in megabytes (10 MB and 50 MB by default).
UPLOAD_MAX_FILE_MB = int(os.environ.get("UPLOAD_MAX_FILE_MB", "10"))
UPLOAD_MAX_DOSSIER_MB = int(os.environ.get("UPLOAD_MAX_DOSSIER_MB", "50"))
# Images above this many megapixels are refused (a 48 MP phone photo passes; a 10000×10000 bomb does not).
UPLOAD_MAX_IMAGE_MEGAPIXELS = int(os.environ.get("UPLOAD_MAX_IMAGE_MEGAPIXELS", "50"))

# Dossier codes (procedures/services/codes.py): {agency} electronic code, {day} (a date), {sequence}.
# The day Circular 03/2025/TT-VPCP's forms replace Circular 01/2018's, by receipt date. Decree 118/2025
# took effect on 1 July 2025; one secondary source dates the circular's forms from 15 September 2025
# (README, unverified points): a province that switched later sets its own date.
FORM_SET_2025_FROM = os.environ.get("FORM_SET_2025_FROM", "2025-10-30")  # decision 0025
DOSSIER_CODE_FORMAT = os.environ.get("DOSSIER_CODE_FORMAT", "{agency}-{day:%y%m%d}-{sequence:04d}")

# Personal data (privacy/): the version of the terms a consent was given under, and how long each kind
# of record is kept by `manage.py apply_retention` (closed dossiers: each procedure's archive period).
PRIVACY_TERMS_VERSION = os.environ.get("PRIVACY_TERMS_VERSION", "2026-01")
RETENTION = {
    "DRAFT_DAYS": int(os.environ.get("RETENTION_DRAFT_DAYS", "90")),
    "LOOKUP_MONTHS": int(os.environ.get("RETENTION_LOOKUP_MONTHS", "24")),
    "PENDING_UPLOAD_HOURS": int(os.environ.get("RETENTION_PENDING_UPLOAD_HOURS", "24")),
    # A paper removed from a citizen's store, used by no dossier: its row is kept this long (the file goes at once).
    "STORE_REMOVED_DAYS": int(os.environ.get("RETENTION_STORE_REMOVED_DAYS", "30")),
}

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Cổng dịch vụ công <khong-tra-loi@motcua.local>")
# Text messages (sms_adapter/): "console" prints them (make run), "memory" keeps them (tests), "http"
# sends them to a brand-name gateway (python -m sms_adapter.fake_server stands in for one).
SMS = {
    "BACKEND": os.environ.get("SMS_BACKEND", "console"),
    "URL": os.environ.get("SMS_URL", "http://127.0.0.1:8774"),
    "API_KEY": outside_secret("SMS_API_KEY", needed=os.environ.get("SMS_BACKEND", "console") == "http"),
    "BRANDNAME": os.environ.get("SMS_BRANDNAME", "MOTCUA-TN"),
    "CONNECT_TIMEOUT": float(os.environ.get("SMS_CONNECT_TIMEOUT", "2")),
    "READ_TIMEOUT": float(os.environ.get("SMS_READ_TIMEOUT", "5")),
}

# Notifications and registry retries. Without a broker they run in the request, after the commit.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_TIMEZONE = "Asia/Ho_Chi_Minh"
CELERY_BEAT_SCHEDULE = {
    "verify-pending-identities": {"task": "procedures.tasks.verify_pending_identities", "schedule": 15 * 60},
    # Declarations a worker died drawing (submission only writes their rows).
    "write-missing-declarations": {"task": "procedures.tasks.write_missing_declarations", "schedule": 2 * 60},
    # Hourly, so that a version effective today is in force within the hour after midnight.
    "bring-procedure-versions-into-force": {
        "task": "procedures.tasks.bring_procedure_versions_into_force",
        "schedule": 60 * 60,
    },
    # Messages to the national portal whose retry time has come; and last night's reconciliation.
    "deliver-national-portal-messages": {"task": "national_sync.tasks.deliver_due", "schedule": 60},
    "check-pending-payments": {"task": "payments.tasks.check_pending_payments", "schedule": 5 * 60},
    # Documents for outside agencies the axis did not take yet, and what their recipients report.
    "sync-document-axis": {"task": "documents.tasks.sync_document_axis", "schedule": 5 * 60},
    "reconcile-national-portal": {
        "task": "national_sync.tasks.reconcile_yesterday",
        "schedule": crontab(hour=2, minute=30),
    },
}

WAGTAIL_SITE_NAME = "Cổng dịch vụ công"
WAGTAILADMIN_BASE_URL = os.environ.get("PORTAL_BASE_URL", "http://127.0.0.1:8000")
# Slugs in plain ASCII (Vietnamese without diacritics): "/tin-tuc/dang-ky-khai-sinh/", not percent-encoded.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# Search (search/): Elasticsearch when set, the database otherwise (and whenever Elasticsearch is down).
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
ELASTICSEARCH_INDEX_PREFIX = os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "motcua")
ELASTICSEARCH_TIMEOUT = float(os.environ.get("ELASTICSEARCH_TIMEOUT", "2"))
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# The National Population Database. The default is the fake registry on loopback that `make run`
# starts; production sets the URL and an API key or a client certificate (TLS mutual auth).
CITIZEN_REGISTRY = {
    "BACKEND": os.environ.get("CITIZEN_REGISTRY_BACKEND", "http"),  # "http" or "memory" (in-process)
    "URL": os.environ.get("CITIZEN_REGISTRY_URL", "http://127.0.0.1:8765"),
    # An API key or a TLS client certificate: one of them in production.
    "API_KEY": outside_secret(
        "CITIZEN_REGISTRY_API_KEY",
        needed=os.environ.get("CITIZEN_REGISTRY_BACKEND", "http") == "http"
        and not os.environ.get("CITIZEN_REGISTRY_CLIENT_CERT"),
    ),
    "CLIENT_CERT": os.environ.get("CITIZEN_REGISTRY_CLIENT_CERT", ""),
    "CLIENT_KEY": os.environ.get("CITIZEN_REGISTRY_CLIENT_KEY", ""),
    "CA_BUNDLE": os.environ.get("CITIZEN_REGISTRY_CA_BUNDLE", ""),
    "CONNECT_TIMEOUT": float(os.environ.get("CITIZEN_REGISTRY_CONNECT_TIMEOUT", "1")),
    "READ_TIMEOUT": float(os.environ.get("CITIZEN_REGISTRY_READ_TIMEOUT", "2")),
    # No lookup, retries included, takes longer than this many seconds.
    "TOTAL_TIMEOUT": float(os.environ.get("CITIZEN_REGISTRY_TOTAL_TIMEOUT", "4")),
    "RETRIES": int(os.environ.get("CITIZEN_REGISTRY_RETRIES", "2")),
    "BACKOFF": 0.2,
    "BREAKER_FAILURES": 5,
    "BREAKER_COOLDOWN": 30.0,
    "CACHE_TTL": float(os.environ.get("CITIZEN_REGISTRY_CACHE_TTL", "60")),
}

# The National Public Service Portal (national_portal_adapter/, national_sync/): every status change
# goes into an outbox and is delivered in order per dossier. The default is the fake portal on loopback
# that `make run` starts; the tests use the in-process one.
NATIONAL_PORTAL = {
    "ENABLED": env_bool("NATIONAL_PORTAL_ENABLED", True),
    "BACKEND": os.environ.get("NATIONAL_PORTAL_BACKEND", "national_portal_adapter.http_client.HttpNationalPortal"),
    "URL": os.environ.get("NATIONAL_PORTAL_URL", "http://127.0.0.1:8771"),
    "API_KEY": outside_secret(
        "NATIONAL_PORTAL_API_KEY",
        needed=env_bool("NATIONAL_PORTAL_ENABLED", True)
        and "memory" not in os.environ.get("NATIONAL_PORTAL_BACKEND", ""),
    ),
    "CONNECT_TIMEOUT": float(os.environ.get("NATIONAL_PORTAL_CONNECT_TIMEOUT", "2")),
    "READ_TIMEOUT": float(os.environ.get("NATIONAL_PORTAL_READ_TIMEOUT", "5")),
    "BREAKER_COOLDOWN": float(os.environ.get("NATIONAL_PORTAL_BREAKER_COOLDOWN", "30")),
    # After this many failed tries a message is a dead letter for the administrator (Kết nối, admin).
    "MAX_ATTEMPTS": int(os.environ.get("NATIONAL_PORTAL_MAX_ATTEMPTS", "10")),
    "BACKOFF_SECONDS": float(os.environ.get("NATIONAL_PORTAL_BACKOFF_SECONDS", "30")),
    "BACKOFF_MAX_SECONDS": float(os.environ.get("NATIONAL_PORTAL_BACKOFF_MAX_SECONDS", "21600")),
}

# The national document interconnection axis (document_exchange_adapter/), for issued documents
# addressed outside the system. The default is the fake axis on loopback that `make run` starts.
DOCUMENT_AXIS = {
    "BACKEND": os.environ.get("DOCUMENT_AXIS_BACKEND", "document_exchange_adapter.http_client.HttpDocumentAxis"),
    "URL": os.environ.get("DOCUMENT_AXIS_URL", "http://127.0.0.1:8773"),
    "API_KEY": outside_secret(
        "DOCUMENT_AXIS_API_KEY", needed="memory" not in os.environ.get("DOCUMENT_AXIS_BACKEND", "")
    ),
    "CONNECT_TIMEOUT": float(os.environ.get("DOCUMENT_AXIS_CONNECT_TIMEOUT", "2")),
    "READ_TIMEOUT": float(os.environ.get("DOCUMENT_AXIS_READ_TIMEOUT", "10")),
}

# Fee payment through the national payment platform (payment_adapter/, payments/). The default is the
# fake platform on loopback that `make run` starts, with its demo partner code and secret.
PAYMENT = {
    "BACKEND": os.environ.get("PAYMENT_BACKEND", "payment_adapter.http_client.HttpPaymentGateway"),
    "URL": os.environ.get("PAYMENT_URL", "http://127.0.0.1:8772"),
    "PARTNER_CODE": os.environ.get("PAYMENT_PARTNER_CODE", "MOTCUA-TN"),
    "SECRET": outside_secret("PAYMENT_SECRET", demo="fake-payment-secret"),
    "CONNECT_TIMEOUT": float(os.environ.get("PAYMENT_CONNECT_TIMEOUT", "2")),
    "READ_TIMEOUT": float(os.environ.get("PAYMENT_READ_TIMEOUT", "5")),
}

# Citizens sign in with VNeID by OpenID Connect (vneid_adapter/). The default is the fake provider
# on loopback that `make run` starts; production sets the issuer, client and secret it was given.
# Claim names follow a public provincial codebase (DOMAIN.md §12): settings, since no spec is public.
VNEID = {
    "ISSUER": os.environ.get("VNEID_ISSUER", "http://127.0.0.1:8770"),
    "DISCOVERY_URL": os.environ.get("VNEID_DISCOVERY_URL", ""),  # default: the issuer's well-known address
    "CLIENT_ID": os.environ.get("VNEID_CLIENT_ID", "mot-cua"),
    "CLIENT_SECRET": outside_secret("VNEID_CLIENT_SECRET", demo="fake-vneid-secret"),
    "SCOPE": os.environ.get("VNEID_SCOPE", "openid"),
    # Algorithms accepted for ID and access tokens, whatever the provider announces.
    "ALGORITHMS": tuple(os.environ.get("VNEID_ALGORITHMS", "RS256").split(",")),
    # The audience of access tokens that citizens' apps present to the API (default: the client ID).
    "API_AUDIENCE": os.environ.get("VNEID_API_AUDIENCE", ""),
    "CLAIMS": {
        "personal_id": os.environ.get("VNEID_CLAIM_PERSONAL_ID", "SoDinhDanh"),
        "full_name": os.environ.get("VNEID_CLAIM_FULL_NAME", "HoVaTen"),
        "date_of_birth": os.environ.get("VNEID_CLAIM_DATE_OF_BIRTH", "NgayThangNamSinh"),
        "assurance": os.environ.get("VNEID_CLAIM_ASSURANCE", "loAs"),
    },
    "CONNECT_TIMEOUT": float(os.environ.get("VNEID_CONNECT_TIMEOUT", "2")),
    "READ_TIMEOUT": float(os.environ.get("VNEID_READ_TIMEOUT", "5")),
    "METADATA_TTL": float(os.environ.get("VNEID_METADATA_TTL", "3600")),
    # A token naming a key the portal does not know makes it read the provider's keys again (a
    # rotation), at most once in this many seconds over all workers: unknown ids cost nothing more.
    "KEYS_REFRESH_SECONDS": float(os.environ.get("VNEID_KEYS_REFRESH_SECONDS", "60")),
}
# Citizens' password accounts (registration, password sign-in) exist for the embedded demo only:
# production turns them off and citizens sign in with VNeID; staff keep passwords and a second factor.
CITIZEN_PASSWORDS = env_bool("CITIZEN_PASSWORDS", DEBUG)
# The assurance level a demo password sign-in counts as when a procedure asks for one (DOMAIN.md §0).
CITIZEN_PASSWORD_ASSURANCE = int(os.environ.get("CITIZEN_PASSWORD_ASSURANCE", "2"))
# The browser is sent to the provider after a form post (sign-out), so the provider is a form target.
# So is the payment platform (the "Thanh toán trực tuyến" form is answered with a redirect there).
CONTENT_SECURITY_POLICY["DIRECTIVES"]["form-action"] += [
    "{0.scheme}://{0.netloc}".format(urlsplit(url)) for url in (VNEID["ISSUER"], PAYMENT["URL"])
]

# The REST API (api/): citizens by session or VNeID token, systems by API key (api/v1/systems.py);
# errors as RFC 9457 problem details.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "api.authentication.VneidBearerAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [
        "rest_framework.parsers.JSONParser",
        "rest_framework.parsers.MultiPartParser",
        "rest_framework.parsers.FormParser",
    ],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "api.problems.exception_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Một cửa API",
    "DESCRIPTION": "Cổng dịch vụ công một cửa: danh mục thủ tục, tra cứu, hồ sơ của công dân, kết nối hệ thống. "
    "The one-stop portal's API: catalog, tracking, a citizen's dossiers, system integration. "
    "See docs/api.md.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "PREPROCESSING_HOOKS": ["api.schema.only_v1"],
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums", "api.schema.problem_responses"],
    "ENUM_NAME_OVERRIDES": {"DossierStateEnum": "procedures.models.DossierState"},
}

# /metrics answers only these addresses (the Prometheus scraper's); anyone else gets 404.
METRICS_ALLOWED_IPS = os.environ.get("METRICS_ALLOWED_IPS", "127.0.0.1,::1").split(",")

LOG_DIR = VAR_DIR / "log"
LOG_DIR.mkdir(exist_ok=True)
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "timed": {"format": "%(asctime)s %(levelname)s %(message)s"},
        "json": {"()": "portal.logging.JsonFormatter"},
    },
    "handlers": {
        # LOG_FORMAT=json: one JSON object per line (production, for the log collector).
        "console": {
            "class": "logging.StreamHandler",
            **({"formatter": "json"} if os.environ.get("LOG_FORMAT") == "json" else {}),
        },
        "registry_lookups": {
            "class": "logging.handlers.WatchedFileHandler",
            "filename": os.environ.get("CITIZEN_REGISTRY_LOG", LOG_DIR / "registry-lookups.log"),
            "formatter": "timed",
            "encoding": "utf-8",
        },
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # Wagtail's background tasks log every run at INFO, fontTools every table of a font it subsets (each
        # issued document's number and date); that drowns the demo's own output.
        **{
            name: {"level": "WARNING"}
            for name in ("wagtail", "django_tasks", "modelsearch", "celery", "axes", "fontTools")
        },
        # The lookup audit trail goes to its own file, kept apart from the general log.
        "citizen_registry_adapter.lookups": {"handlers": ["registry_lookups"], "level": "INFO", "propagate": False},
    },
}

if MISSING_SECRETS:
    raise RuntimeError(
        "DJANGO_DEBUG is off and these outside systems' secrets are missing or are the fake servers' "
        "demo values; set them in the environment: " + ", ".join(MISSING_SECRETS)
    )
