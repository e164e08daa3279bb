#!/usr/bin/env bash
# Cron-ready wrapper for `edgar-atm nightly`.
#
#   scripts/nightly.sh [ENV_FILE] [extra nightly options...]
#
# Loads settings from ENV_FILE (default: $EDGAR_ATM_ENV, else ~/.config/edgar-atm/env; lines
# like EDGAR_USER_AGENT="Acme Research ops@acme.example"), runs the nightly job from
# $EDGAR_ATM_HOME (default: this checkout, so relative DATABASE_URL / data paths are stable),
# appends its log to $EDGAR_ATM_LOG_DIR/nightly.log, and prints nothing when all went well.
# When something failed it prints this run's log, so cron mails it, and exits with the
# job's status (README, "Exit status"): 0 ok, 1 some filings failed (retried next run),
# 3 bad settings, 4 database, disk or EDGAR unavailable, 5 the data is stale (the newest
# daily index is more than --max-lag business days old, default 4; EDGAR_ATM_MAX_LAG in the
# env file changes it), 75 another nightly run still holds the lock, 129/130/143 stopped by
# a signal. The job's last line says what happened.
#
# crontab (UTC machine; 07:30 UTC is after 02:00 US Eastern all year, Tue-Sat covers Mon-Fri):
#   30 7 * * 2-6  /opt/edgar-atm/scripts/nightly.sh /etc/edgar-atm.env
set -uo pipefail

HERE="$(cd "$(dirname "$0")/.." && pwd)"
ENV_FILE="${EDGAR_ATM_ENV:-$HOME/.config/edgar-atm/env}"
if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then
  ENV_FILE="$1"
  shift
fi
if [ -f "$ENV_FILE" ]; then
  set -a
  # shellcheck disable=SC1090
  . "$ENV_FILE"
  set +a
elif [ -n "${EDGAR_ATM_ENV:-}" ] || [ "$ENV_FILE" != "$HOME/.config/edgar-atm/env" ]; then
  echo "nightly.sh: env file $ENV_FILE not found" >&2
  exit 3
fi

cd "${EDGAR_ATM_HOME:-$HERE}" || exit 3
if [ -n "${EDGAR_ATM_BIN:-}" ]; then
  BIN=("$EDGAR_ATM_BIN")
elif [ -x "$HERE/.venv/bin/edgar-atm" ]; then
  BIN=("$HERE/.venv/bin/edgar-atm")
elif command -v edgar-atm >/dev/null 2>&1; then
  BIN=(edgar-atm)
else
  echo "nightly.sh: edgar-atm is not installed (run: python3 -m venv .venv && .venv/bin/pip install -e .)" >&2
  exit 3
fi

LOG_DIR="${EDGAR_ATM_LOG_DIR:-$PWD/logs}"
mkdir -p "$LOG_DIR" || exit 3
RUN_LOG="$(mktemp "${TMPDIR:-/tmp}/edgar-atm-nightly.XXXXXX")" || exit 3
trap 'rm -f "$RUN_LOG"' EXIT

# -v: the full story (and the summary line) goes to the log file; cron sees it only on failure.
"${BIN[@]}" -v nightly "$@" >"$RUN_LOG" 2>&1
status=$?
{ echo "=== $(date -u +%Y-%m-%dT%H:%M:%SZ) nightly exit $status"; cat "$RUN_LOG"; } >>"$LOG_DIR/nightly.log"
if [ "$status" -ne 0 ]; then
  echo "edgar-atm nightly failed with exit status $status; its log:" >&2
  cat "$RUN_LOG" >&2
fi
exit "$status"
