"""Fixtures of the pipeline tests (helpers are in pipeline_helpers.py)."""

from __future__ import annotations

import pytest

from pg_schemas import pg_schema_url
from pipeline_helpers import subprocess_env


@pytest.fixture
def child_env():
    return subprocess_env


@pytest.fixture
def second_db_url(db_url, request, tmp_path):
    """Another empty database on the same backend as db_url (for 'same result as' checks)."""
    if db_url.startswith("sqlite"):
        yield f"sqlite:///{tmp_path / 'second.sqlite'}"
        return
    with pg_schema_url(request.getfixturevalue("pg_database_url")) as url:
        yield url
