"""Settings shared by every environment.

Safe by default: the environment-specific modules only relax (dev, test) or
demand (production) values. Services are switched on by the environment:
DATABASE_URL selects PostgreSQL, REDIS_URL the Redis broker and cache.
"""

from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF

from django.utils.translation import gettext_lazy as _

from config.env import env_bool, env_int, env_list, env_str, env_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = env_str("SECRET_KEY", "django-insecure-dev-only-key-not-for-production")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "core",
    "accounts",
    "notifications",
    "cms",
    "curriculum",
    "cohorts",
    "attendance",
    "assignments",
    "evaluations",
    "learning",
    "admissions",
    "alumni",
    "certificates",
    "reporting",
    "rights",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.embeds",
    "wagtail.sites",
    "accounts.apps.UsersAdminConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    # Accounts
    "allauth",
    "allauth.account",
    "allauth.mfa",
    # Background work
    "django_celery_beat",
    "django_htmx",
    "csp",
    "ninja",  # serves /api/v1/docs with its own copy of Swagger UI, not a CDN
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.humanize",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before CSP and the rest: a stored page keeps the headers they gave it (cms/page_cache.py).
    "cms.page_cache.PageCacheMiddleware",
    "csp.middleware.CSPMiddleware",
    "core.csp.NonceContextMiddleware",
    "core.csp.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "accounts.middleware.AdminDoorMiddleware",
    "reporting.middleware.ObserverAdminMiddleware",
    "accounts.middleware.StaffMFARequiredMiddleware",
    "accounts.middleware.PrivacyNoticeMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "cms.redirects.RedirectMiddleware",  # Wagtail's, not for API and lookup answers
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
            ],
            "builtins": ["core.templatetags.thai"],
        },
    },
]

# --- Database -------------------------------------------------------------
DATABASE_URL = env_url("DATABASE_URL", ("postgres", "postgresql", "sqlite"), default=None)
if DATABASE_URL:
    # Health checks: a connection PostgreSQL dropped (a restart, a failover) is
    # noticed at the start of the next request or task and opened anew.
    DATABASES = {
        "default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)
    }
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": BASE_DIR / "db.sqlite3",
            "OPTIONS": {"timeout": 20},
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache and broker -----------------------------------------------------
REDIS_URL = env_url("REDIS_URL", ("redis", "rediss"), default=None)
if REDIS_URL:
    CACHES = {
        "default": {
            # Reads miss and writes are skipped while Redis is down (docs/operations.md).
            "BACKEND": "core.caching.TolerantRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "pms"),
            # A Redis that stops answering fails a request in seconds, never hangs it.
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Celery ----------------------------------------------------------------
# Without a broker the platform still works: tasks run inline, in-process.
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = REDIS_URL or None
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_TIMEZONE = "Asia/Bangkok"
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = 10 * 60
CELERY_TASK_SOFT_TIME_LIMIT = 9 * 60
# Redis gives an unacknowledged message to another worker after this long (kombu's
# default). Keep it above the time limit: a task delivered again under its own id
# takes its issuance claim back at once (certificates.services.batches._claimable).
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 60 * 60}
# Redis down (docs/operations.md): workers keep reconnecting, at start-up too, and
# results are written again once it is back; nothing needs a manual restart.
CELERY_BROKER_CONNECTION_RETRY = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_CONNECTION_MAX_RETRIES = None
CELERY_RESULT_BACKEND_ALWAYS_RETRY = True
CELERY_RESULT_BACKEND_MAX_RETRIES = 30
CELERY_REDIS_BACKEND_HEALTH_CHECK_INTERVAL = 10
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"

# Wagtail's own background tasks (search index updates, reference index).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# --- Auth and accounts -----------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/me/"
LOGOUT_REDIRECT_URL = "/"

ACCOUNT_ADAPTER = "accounts.adapters.AccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_LOGIN_ON_PASSWORD_RESET = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[พมส.] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = env_str("ACCOUNT_DEFAULT_HTTP_PROTOCOL", "http")
# Rate limits live in the default cache: Redis when REDIS_URL is set.
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "reset_password": "20/m/ip,5/m/key",
    "confirm_email": "1/3m/key",
    "login": "30/m/ip",
}

# The client address behind proxies, for allauth's rate limits and the
# certificate lookups: how many proxies append to X-Forwarded-For, or one
# header a trusted proxy sets (e.g. CF-Connecting-IP). Neither by default.
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = env_str("TRUSTED_CLIENT_IP_HEADER", "") or None

MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_PASSKEY_LOGIN_ENABLED = True
MFA_TOTP_ISSUER = "พมส. Senior Urban Developer"
# Staff (coordinators, facilitators) must enrol a second factor when this is on.
MFA_REQUIRED_FOR_STAFF = env_bool("MFA_REQUIRED_FOR_STAFF", True)

# --- Internationalisation --------------------------------------------------
LANGUAGE_CODE = "th"
LANGUAGES = [("th", _("Thai")), ("en", _("English"))]
TIME_ZONE = "Asia/Bangkok"
USE_I18N = True
USE_TZ = True
# Our catalogue first, so our wording wins; then config/locale, Thai for the
# admin strings of Wagtail, allauth and Django that their own Thai leaves in English.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "config" / "locale"]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# Translations go through wagtail-localize (docs/translations.md): an English page is a
# draft until an editor translates and publishes it, never a live copy of the Thai text.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# The password every demo person shares (seed_demo); set DEMO_PASSWORD before `make run`.
DEMO_PASSWORD = env_str("DEMO_PASSWORD", "") or "pms-demo-2565"

# Thai digits (๑๒๓) in formatted Thai dates when True; Arabic digits otherwise.
THAI_DIGITS = env_bool("THAI_DIGITS", False)

# --- Static and media -----------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
# Files that must never be served at a public URL (submissions, certificate PDFs).
PRIVATE_MEDIA_ROOT = Path(env_str("PRIVATE_MEDIA_ROOT", str(BASE_DIR / "var" / "private")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(PRIVATE_MEDIA_ROOT), "base_url": None},
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

# --- Email -----------------------------------------------------------------
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "พมส. <no-reply@example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- LINE (issue 18 item 4) ------------------------------------------------
# The programme's LINE Official Account (Messaging API channel). Without the token and the
# secret the LINE option is hidden and nothing is sent; email works as before.
LINE_CHANNEL_ACCESS_TOKEN = env_str("LINE_CHANNEL_ACCESS_TOKEN", "")
LINE_CHANNEL_SECRET = env_str("LINE_CHANNEL_SECRET", "")
# The Official Account's basic ID (e.g. @pms-udc), shown to learners as who to send the code to.
LINE_OFFICIAL_ACCOUNT_ID = env_str("LINE_OFFICIAL_ACCOUNT_ID", "")
# The Messaging API's address; the test suite points it at a local fake.
LINE_API_HOST = env_url("LINE_API_HOST", ("https", "http"), "https://api.line.me")

# --- Wagtail ---------------------------------------------------------------
WAGTAIL_SITE_NAME = "พมส. Senior Urban Developer"
WAGTAILADMIN_BASE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")
SITE_URL = WAGTAILADMIN_BASE_URL
WAGTAILADMIN_LOGIN_URL = "/accounts/login/"
# No avatars from gravatar.com: nothing in the admin is fetched from outside.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False
# Thai queries are segmented into words like the index (cms/search/).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "cms.search.backend"}}
# Anonymous visitors get public pages' HTML from the cache for this long, or until a
# publish, unpublish, move or delete (cms/page_cache.py); 0 turns it off.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"  # Wagtail previews set SAMEORIGIN on their own views
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Scripts only from this site, or inline with the request's nonce (core/csp.py): no
# 'unsafe-inline' for scripts. Styles keep it: Wagtail's admin and htmx set inline styles.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }
}
# Nothing here uses the camera, microphone or location; the projector page goes full
# screen and the portal copies share links.
PERMISSIONS_POLICY = {
    "camera": [],
    "microphone": [],
    "geolocation": [],
    "payment": [],
    "usb": [],
    "fullscreen": ["self"],
    "clipboard-write": ["self"],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}

# --- Certificates (issue 7) -------------------------------------------------
# PEM files of the RSA key and X.509 certificate that sign credentials and PDFs.
CERTIFICATE_SIGNING_KEY = env_str("CERTIFICATE_SIGNING_KEY", "")
CERTIFICATE_SIGNING_CERT = env_str("CERTIFICATE_SIGNING_CERT", "")
CERTIFICATE_SIGNING_ED25519_KEY = env_str("CERTIFICATE_SIGNING_ED25519_KEY", "")
# Certificates (PEM) of earlier signing keys: what they signed keeps verifying.
CERTIFICATE_PREVIOUS_CERTS = env_list("CERTIFICATE_PREVIOUS_CERTS", [])
# Dev, demo and tests make a self-signed pair here on first use; never in production.
CERTIFICATE_GENERATE_KEYS = env_bool("CERTIFICATE_GENERATE_KEYS", False)
CERTIFICATE_KEYS_DIR = Path(env_str("CERTIFICATE_KEYS_DIR", str(BASE_DIR / "var" / "keys")))
# Lookups per client IP per minute on the public verification page and API: every
# lookup counts toward the high ceiling, which a municipal office behind one address
# stays under; unknown or malformed codes toward the low guessing limit.
CERTIFICATE_LOOKUPS_PER_MINUTE = env_int("CERTIFICATE_LOOKUPS_PER_MINUTE", 600)
CERTIFICATE_MISSES_PER_MINUTE = env_int("CERTIFICATE_MISSES_PER_MINUTE", 20)
# An RFC 3161 timestamp authority (its URL): when set, PDF signatures carry its
# timestamp and the validation data for long-term validation (PAdES B-LT).
CERTIFICATE_TSA_URL = env_str("CERTIFICATE_TSA_URL", "")
# PEM files of roots to trust for the authority's chain beyond the system's own.
CERTIFICATE_TSA_TRUST_ROOTS = env_list("CERTIFICATE_TSA_TRUST_ROOTS", [])
# A claimed issuance item whose worker has been silent this long is taken over.
CERTIFICATE_CLAIM_TIMEOUT = env_int("CERTIFICATE_CLAIM_TIMEOUT", 120)
# Batch items per issuing task at most (certificates.services.batches._chunks).
CERTIFICATE_ISSUE_CHUNK = env_int("CERTIFICATE_ISSUE_CHUNK", 20)
LOGGING["loggers"].update({"weasyprint": {"level": "WARNING"}, "fontTools": {"level": "WARNING"}})
# seed_demo refuses unless a settings module allows it (dev and test do).
DEMO_DATA_ALLOWED = False

# Learning materials (issue 18): documents and images, and video files, each up to this size.
LEARNING_FILE_MAX_MB = env_int("LEARNING_FILE_MAX_MB", 20)
LEARNING_VIDEO_MAX_MB = env_int("LEARNING_VIDEO_MAX_MB", 200)

# Personal data rights (issue 20 items 5-8): how long a copy of one's data may be downloaded,
# when an invitation nobody accepted expires, when verification lookup details become counts.
DATA_EXPORT_EXPIRY_DAYS = env_int("DATA_EXPORT_EXPIRY_DAYS", 7)
# An export still waiting or being built after this long lost its task (the task's hard
# limit is 10 minutes): the sweep queues it again, up to DATA_EXPORT_MAX_ATTEMPTS builds,
# then marks it failed, and the person is told to ask again.
DATA_EXPORT_STALE_MINUTES = env_int("DATA_EXPORT_STALE_MINUTES", 15)
DATA_EXPORT_MAX_ATTEMPTS = env_int("DATA_EXPORT_MAX_ATTEMPTS", 2)
INVITATION_EXPIRY_DAYS = env_int("INVITATION_EXPIRY_DAYS", 90)
LOOKUP_DETAIL_RETENTION_MONTHS = env_int("LOOKUP_DETAIL_RETENTION_MONTHS", 12)
