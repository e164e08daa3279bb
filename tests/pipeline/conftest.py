"""Fixtures of the pipeline tests (helpers are in pipeline_helpers.py)."""

from __future__ import annotations

import pytest

from pipeline_helpers import subprocess_env


@pytest.fixture
def child_env():
    return subprocess_env
