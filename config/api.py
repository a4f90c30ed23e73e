"""The public JSON API, version 1 (django-ninja); OpenAPI at /api/v1/openapi.json."""

from ninja import NinjaAPI

from certificates.api import router as certificates_router

api = NinjaAPI(
    title="พมส. public API",
    version="1",
    urls_namespace="api-v1",
    description="Verify Senior Urban Developer (พมส.) certificates.",
    docs_url="/docs",
)
api.add_router("/", certificates_router)
