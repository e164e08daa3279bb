"""Every exception class edgar-atm defines belongs to the one tree under EdgarAtmError, and the
CLI maps each branch to its documented exit status."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

import edgar_atm
from edgar_atm.errors import EdgarAtmError


def _modules():
    for info in pkgutil.walk_packages(edgar_atm.__path__, "edgar_atm."):
        if info.name.endswith("__main__") or ".web.plugins" in info.name:
            continue  # running main(); a Datasette plugin loaded by Datasette itself
        try:
            yield importlib.import_module(info.name)
        except ImportError as exc:  # an optional extra (datasette) that is not installed
            if "datasette" in str(exc):
                continue
            raise


def test_every_exception_class_is_in_the_one_tree():
    outside = []
    found = 0
    for module in _modules():
        for name, obj in vars(module).items():
            if inspect.isclass(obj) and issubclass(obj, BaseException) and obj.__module__ == module.__name__:
                found += 1
                if not issubclass(obj, EdgarAtmError):
                    outside.append(f"{module.__name__}.{name}")
    assert found >= 10
    assert outside == []


@pytest.mark.parametrize("exc, status", [
    ("ConfigError", 3), ("UsageError", 2), ("StaleData", 5), ("FetchError", 4), ("NotFound", 4),
    ("ParseError", 4), ("StoreError", 4), ("StoreUnavailable", 4),
])
def test_each_branch_has_its_exit_status(exc, status):
    from edgar_atm import errors
    from edgar_atm.cli.common import describe_failure

    code, line = describe_failure(getattr(errors, exc)("something went wrong"))
    assert code == status and "\n" not in line


def test_run_busy_and_database_faults_have_their_statuses():
    import sqlite3

    from sqlalchemy.exc import OperationalError

    from edgar_atm.cli.common import describe_failure
    from edgar_atm.pipeline.lock import RunBusy

    assert describe_failure(RunBusy("another nightly run"))[0] == 75
    code, line = describe_failure(OperationalError("x", {}, sqlite3.OperationalError("database or disk is full")))
    assert code == 4 and "full" in line
    code, line = describe_failure(OSError(28, "No space left on device", "/data/raw/x"))
    assert code == 4 and "disk full" in line
    code, line = describe_failure(KeyError("boom"))
    assert code == 70 and "internal error" in line
