"""The one way a command turns CIK-OR-TICKER into an issuer's CIK (store.tickers.resolve_cik),
with the day's cached company_tickers.json as a fallback (no request is ever sent from here)."""

from __future__ import annotations

import logging
from pathlib import Path

from sqlalchemy.orm import Session

from ..config import Settings
from ..edgar.submissions import TICKERS_CACHE_NAME, load_company_tickers
from ..errors import EdgarAtmError
from ..store.tickers import resolve_cik

log = logging.getLogger(__name__)


def ticker_cache_path(settings: Settings) -> Path:
    """company_tickers.json, kept for a day under the data directory."""
    return settings.data_dir / TICKERS_CACHE_NAME


def cached_ticker_table(settings: Settings) -> dict[str, int] | None:
    path = ticker_cache_path(settings)
    if not path.is_file():
        return None
    try:
        return load_company_tickers(None, path, max_age=float("inf"))
    except EdgarAtmError as exc:
        log.debug("cached company_tickers.json unusable: %s", exc)
        return None


def resolve_issuer_cik(session: Session, settings: Settings, text: str) -> int:
    """CIK or ticker -> CIK; UnknownIssuer (a StoreError) when it cannot be resolved."""
    try:
        return resolve_cik(session, text)
    except EdgarAtmError:
        table = cached_ticker_table(settings)
        if table is None:
            raise
        return resolve_cik(session, text, table)
