"""The private file store: handed-in work, excuse documents, certificate PDFs.

Files there are never under MEDIA_URL; views that check who may see them stream them.
"""

from django.core.files.storage import Storage, storages


def private_storage() -> Storage:
    """The "private" entry of STORAGES, looked up when used (a callable, so
    migrations keep no path and tests can swap the store)."""
    return storages["private"]
