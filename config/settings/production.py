"""Production: every secret comes from the environment, with no default."""

from django.core.exceptions import ImproperlyConfigured

from config.env import env_int, env_list, env_str

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = env_str("SECRET_KEY")
if len(SECRET_KEY) < 50 or SECRET_KEY.startswith("django-insecure"):
    raise ImproperlyConfigured("SECRET_KEY must be a random value of 50 characters or more.")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
if not DATABASE_URL:  # noqa: F405
    raise ImproperlyConfigured("Set the DATABASE_URL environment variable (postgres://...).")
if not REDIS_URL:  # noqa: F405
    raise ImproperlyConfigured("Set the REDIS_URL environment variable (redis://...).")
SITE_URL = env_str("SITE_URL")
WAGTAILADMIN_BASE_URL = SITE_URL
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = True
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# Certificates are signed with the programme's own key and certificate (PEM
# files); production never generates a pair of its own.
CERTIFICATE_GENERATE_KEYS = False
CERTIFICATE_SIGNING_KEY = env_str("CERTIFICATE_SIGNING_KEY")
CERTIFICATE_SIGNING_CERT = env_str("CERTIFICATE_SIGNING_CERT")
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
