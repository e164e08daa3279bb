#!/usr/bin/env bash
# The offline demo: the main job end to end on this machine, no network to the SEC.
#
#   bash scripts/demo.sh
#
# 1. creates .venv and installs edgar-atm into it (needs only Python 3.10+ and the package
#    registry; nothing else),
# 2. starts the fake EDGAR on 127.0.0.1 serving the bundled real filings
#    (tests/data/edgar/site: ATM prospectus supplements such as NextEra's and ESS Tech's,
#    Cellectar's 2022 supplement suspending its ATM, underwritten and registered-direct
#    offerings, BofA structured notes), with the SEC's formats and rate limit, and a daily
#    index for every business day from 2022-10-03 to 2026-03-06,
# 3. runs `edgar-atm db upgrade`, then `edgar-atm nightly --since 2026-03-02` (the week of
#    the newest filing) into ./demo.sqlite, then a backfill of the years before it (quarterly
#    indexes),
# 4. prints the timelines of Cellectar Biosciences (CIK 1279704) and NextEra Energy (753308).
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  echo "demo: creating .venv" >&2
  "$PY" -m venv .venv
fi
if ! .venv/bin/python -c "import edgar_atm" >/dev/null 2>&1 || [ pyproject.toml -nt .venv/.edgar-atm-installed ]; then
  echo "demo: installing edgar-atm into .venv" >&2
  if ! .venv/bin/python -m pip install -q -e . >.venv/pip-install.log 2>&1; then
    cat .venv/pip-install.log >&2
    exit 1
  fi
  touch .venv/.edgar-atm-installed
fi
BIN=.venv/bin/edgar-atm

WORK="$(mktemp -d "${TMPDIR:-/tmp}/edgar-atm-demo.XXXXXX")"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# The fake EDGAR prints its URL (a free port on 127.0.0.1) on its first line.
.venv/bin/python -m edgar_atm.fakeedgar --root tests/data/edgar/site --port 0 \
  --mark-business-days 2022-10-03 2026-03-06 --block-seconds 5 >"$WORK/url" 2>"$WORK/server.log" &
SERVER_PID=$!
for _ in $(seq 1 100); do
  [ -s "$WORK/url" ] && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log" >&2; exit 1; }
  sleep 0.1
done
URL="$(head -n1 "$WORK/url")"
echo "demo: fake EDGAR at $URL" >&2

rm -rf demo.sqlite demo.sqlite-* demo-data
export EDGAR_BASE_URL="$URL"
export DATABASE_URL="sqlite:///demo.sqlite"
export EDGAR_USER_AGENT="edgar-atm demo demo@example.com"
export EDGAR_ATM_DATA_DIR="demo-data"
export EDGAR_RATE_LIMIT_STORE="$WORK/ratelimit.sqlite"

"$BIN" db upgrade
# -v: show the run's progress and its summary line (a cron run is quiet unless something fails).
# Exit status 1 means some filings failed (recorded, retried next run): show the timeline anyway.
"$BIN" -v nightly --since 2026-03-02 --max-lag 0 || [ $? -eq 1 ]
"$BIN" -v backfill --start 2022-10-01 --end 2026-02-27 || [ $? -eq 1 ]

echo
echo "== Cellectar Biosciences (CIK 1279704): ATM timeline"
"$BIN" timeline 1279704
echo
echo "== NextEra Energy (CIK 753308): ATM timeline"
"$BIN" timeline 753308
echo
echo "demo: the database is ./demo.sqlite (try: sqlite3 demo.sqlite 'SELECT * FROM atm_programs')" >&2
