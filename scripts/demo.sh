#!/usr/bin/env bash
# The offline demo: the main job end to end on this machine, no network to the SEC.
#
#   bash scripts/demo.sh
#
# 1. creates .venv and installs edgar-atm into it (needs only Python 3.10+ and the package
#    registry; nothing else),
# 2. starts the fake EDGAR on 127.0.0.1 serving the bundled real filings
#    (tests/data/edgar/site: the ATM histories of ten issuers over 2016-2025 (Watsco,
#    Prothena, Equinix, Golden Minerals, MicroStrategy, AMC, Healthpeak...), ATM prospectus supplements such as NextEra's and ESS Tech's, Cellectar's 2022
#    supplement suspending its ATM, underwritten and registered-direct offerings, BofA
#    structured notes), with the SEC's formats and rate limit, and a daily index for every
#    business day from 2016-01-04 to 2026-03-06,
# 3. runs `edgar-atm db upgrade`, then `edgar-atm nightly --since 2026-03-02` (the week of
#    the newest filing) into ./demo.sqlite, then a backfill of the years before it (quarterly
#    indexes; tickers come from the site's company_tickers.json),
# 4. prints the timelines of Watsco (WSO), Prothena (PRTA), Equinix (EQIX), Golden Minerals
#    (AUMN), Cellectar (CLRB) and NextEra (NEE), then what the last run stored (`edgar-atm events`).
#
# Afterwards: edgar-atm --db sqlite:///demo.sqlite timeline WSO  (or events, or SQL on it).
# EDGAR_ATM_DEMO_DIR=DIR puts demo.sqlite and demo-data/ in DIR instead of the checkout.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${EDGAR_ATM_DEMO_DIR:-.}"
mkdir -p "$OUT"
if [ "$OUT" = "." ]; then DB="demo.sqlite"; else DB="$OUT/demo.sqlite"; fi

# EDGAR_ATM_VENV=DIR uses an environment that already has edgar-atm (the tests pass theirs).
VENV="${EDGAR_ATM_VENV:-.venv}"
PY=${PYTHON:-python3}
if [ ! -x "$VENV/bin/python" ]; then
  echo "demo: creating $VENV" >&2
  "$PY" -m venv "$VENV"
fi
# (Re)install when edgar-atm is missing, or pyproject.toml changed since the demo installed it.
if ! "$VENV/bin/python" -c "import edgar_atm" >/dev/null 2>&1 \
   || { [ -e "$VENV/.edgar-atm-installed" ] && [ pyproject.toml -nt "$VENV/.edgar-atm-installed" ]; }; then
  echo "demo: installing edgar-atm into $VENV" >&2
  if ! "$VENV/bin/python" -m pip install -q -e . >"$VENV/pip-install.log" 2>&1; then
    cat "$VENV/pip-install.log" >&2
    exit 1
  fi
  touch "$VENV/.edgar-atm-installed"
fi
BIN="$VENV/bin/edgar-atm"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/edgar-atm-demo.XXXXXX")"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# The fake EDGAR prints its URL (a free port on 127.0.0.1) on its first line.
"$VENV/bin/python" -m edgar_atm.fakeedgar --root tests/data/edgar/site --port 0 \
  --mark-business-days 2016-01-04 2026-03-06 --block-seconds 5 >"$WORK/url" 2>"$WORK/server.log" &
SERVER_PID=$!
for _ in $(seq 1 100); do
  [ -s "$WORK/url" ] && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log" >&2; exit 1; }
  sleep 0.1
done
URL="$(head -n1 "$WORK/url")"
echo "demo: fake EDGAR at $URL" >&2

rm -rf "$DB" "$DB"-* "$DB".*.lock "$OUT"/demo-data
export EDGAR_BASE_URL="$URL"
export DATABASE_URL="sqlite:///$DB"
export EDGAR_USER_AGENT="edgar-atm demo demo@example.com"
export EDGAR_ATM_DATA_DIR="$OUT/demo-data"
export EDGAR_RATE_LIMIT_STORE="$WORK/ratelimit.sqlite"

"$BIN" db upgrade
# -v: show the run's progress and its summary line (a cron run is quiet unless something fails).
# Exit status 1 means some filings failed (recorded, retried next run): show the timeline anyway.
"$BIN" -v nightly --since 2026-03-02 --max-lag 0 || [ $? -eq 1 ]
"$BIN" -v backfill --start 2016-01-01 --end 2026-02-27 || [ $? -eq 1 ]

for issuer in "WSO:Watsco: established, agent added, zero sales, cap raised" \
              "PRTA:Prothena: a program replaced, the old one terminated" \
              "EQIX:Equinix: amended, agent added, re-registered, replaced by a new agreement" \
              "AUMN:Golden Minerals: one agreement over seven years, amended, resized" \
              "CLRB:Cellectar: suspended" \
              "NEE:NextEra: a new program, seven agents"; do
  echo
  echo "== ${issuer#*:}"
  echo "\$ edgar-atm --db $DATABASE_URL timeline ${issuer%%:*}"
  "$BIN" timeline "${issuer%%:*}"
done
echo
echo "== What the last run (the backfill) stored"
echo "\$ edgar-atm --db $DATABASE_URL events --last-run --type terminated --type suspended --type program_amended"
"$BIN" events --last-run --type terminated --type suspended --type program_amended
echo
echo "demo: the database is $DB; try:" >&2
echo "  $BIN --db sqlite:///$DB timeline WSO" >&2
echo "  $BIN --db sqlite:///$DB events --since 2000-01-01 --csv" >&2
echo "  sqlite3 $DB 'SELECT * FROM atm_programs'" >&2
