import pytest
from manualkit import build_manual


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The manual, built once, strict, as CI builds it."""
    return build_manual(tmp_path_factory.mktemp("manual-site"))
