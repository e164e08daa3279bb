#!/usr/bin/env python3
"""Start the fake EDGAR (see `python -m edgar_atm.fakeedgar --help`).

    python scripts/fake_edgar.py --root tests/data/edgar/site --latency 0.25

Prints its URL (http://127.0.0.1:PORT) on stdout and serves until killed; point
EDGAR_BASE_URL at it.
"""

import sys
from pathlib import Path

# Runnable from a checkout without installing the package.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from edgar_atm.fakeedgar.__main__ import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
