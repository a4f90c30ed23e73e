import pytest

from tests.curriculum.factories import build_site


@pytest.fixture
def site_tree(db):
    return build_site()
