"""Masking secrets and taming filing text, at the boundaries where text leaves the program.

Two kinds of text must never reach a log, a terminal or a database column as they are:

- credentials: a password in any URL (DATABASE_URL, EDGAR_BASE_URL of a mirror with
  credentials, a PostgreSQL EDGAR_RATE_LIMIT_STORE), or a `password=` / `token=` parameter.
  `mask()` replaces them with `***`; the settings also register each configured password
  (`remember_url`), so it is masked even where it appears outside a well-formed URL (an
  unescaped `@` or `/` in the password splits a URL where no pattern can guess).
- control characters from filings (issuer names, excerpts): an ESC sequence in a company name
  would drive the reader's terminal. `for_terminal()` drops escape sequences and C0/C1
  control characters (tab and newline kept).

The CLI applies both to every line it writes (a filter on its logging handlers, its one-line
error path, and standard output); the pipeline applies `mask` to every error it stores.
"""

from __future__ import annotations

import logging
import re
import threading

MASK = "***"

# scheme://userinfo@ : the userinfo runs up to the last '@' before the host, so a password
# with an unescaped '@' is masked whole ("u:p@ss@host" -> "u:***@host").
_URL_USERINFO = re.compile(r"(?P<scheme>\b[A-Za-z][A-Za-z0-9+.\-]*://)(?P<userinfo>[^\s/?#'\"<>]*)@")
_PARAM = re.compile(r"(?P<key>\b(?:password|passwd|pwd|pass|token|access_token|api_key|apikey|secret)=)"
                    r"(?P<value>[^\s&;,'\"]+)", re.IGNORECASE)

_known: set[str] = set()
_known_lock = threading.Lock()
# Shorter secrets are not masked by value (it would garble ordinary words); the URL pattern
# still masks them inside a URL.
_MIN_REMEMBERED = 4
_TOKEN_LENGTH = 20


def _userinfo(match: re.Match[str]) -> str:
    user, sep, _password = match.group("userinfo").partition(":")
    if not sep:  # a user name alone (postgres@host); a token-like one is remembered instead
        return match.group(0)
    return f"{match.group('scheme')}{user}:{MASK}@"


def mask(text: object) -> str:
    """`text` with credentials replaced by ***."""
    out = str(text)
    if not out:
        return out
    with _known_lock:
        known = sorted(_known, key=len, reverse=True)
    for secret in known:
        if secret in out:
            out = out.replace(secret, MASK)
    out = _URL_USERINFO.sub(_userinfo, out)
    return _PARAM.sub(lambda m: m.group("key") + MASK, out)


def userinfo_secrets(url: str) -> list[str]:
    """The secret parts of `url`'s userinfo (the password; the whole userinfo when it has no
    ':'), read up to the LAST '@' so that an unescaped '@' or '/' in a password is covered."""
    scheme_end = url.find("://")
    at = url.rfind("@")
    if scheme_end < 0 or at < scheme_end:
        return []
    userinfo = url[scheme_end + 3:at]
    user, sep, password = userinfo.partition(":")
    # Without ':' the userinfo is a user name, unless it is long enough to be a token.
    secrets = [password] if sep else ([userinfo] if len(userinfo) >= _TOKEN_LENGTH else [])
    # The percent-decoded form is what a driver may echo back.
    from urllib.parse import unquote

    secrets += [unquote(s) for s in secrets if unquote(s) != s]
    return [s for s in secrets if s]


def remember_url(url: str | None) -> None:
    """Register the credentials of a configured URL, so `mask` hides them anywhere."""
    if not url:
        return
    for secret in userinfo_secrets(url):
        remember(secret)


def remember(secret: str) -> None:
    if len(secret) >= _MIN_REMEMBERED:
        with _known_lock:
            _known.add(secret)


# ESC sequences: CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), and two-byte ESC x; then
# the 8-bit CSI/OSC forms and any other C0/C1 control character or DEL.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"
    r"|\x1b[ -~]?"
    r"|\x9b[0-?]*[ -/]*[@-~]"
    r"|\x9d[^\x07\x9c]*[\x07\x9c]?"
)
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def for_terminal(text: str) -> str:
    """`text` without terminal escape sequences or control characters (tab, newline kept;
    a carriage return becomes nothing, so no line can be overwritten on screen)."""
    if not text:
        return text
    return _CONTROLS.sub("", _ESCAPES.sub("", text))


def safe(text: object) -> str:
    """Both: what may be written to a terminal or a log."""
    return for_terminal(mask(text))


class RedactingFilter(logging.Filter):
    """A handler filter: the record's message, its traceback text and its structured extras
    leave masked and free of control sequences. Tracebacks are kept only when asked for
    (-vv); otherwise a record says what happened in its one line."""

    def __init__(self, keep_tracebacks: bool = False):
        super().__init__()
        self.keep_tracebacks = keep_tracebacks

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string must not lose the record
            message = f"{record.msg!r} {record.args!r}"
        if record.name == "py.warnings" and not self.keep_tracebacks:
            message = message.strip().splitlines()[0] if message.strip() else message
        record.msg, record.args = safe(message), None
        if not self.keep_tracebacks:
            if record.exc_info and record.exc_info[1] is not None and record.levelno >= logging.WARNING:
                reason = str(record.exc_info[1]).strip().splitlines()
                if reason and reason[0] not in record.msg:
                    record.msg = safe(f"{record.msg}: {type(record.exc_info[1]).__name__}: {reason[0]}")
            record.exc_info, record.exc_text, record.stack_info = None, None, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = safe(record.exc_text)
        for key, value in list(record.__dict__.items()):
            if key.startswith("ctx_") and isinstance(value, str):
                setattr(record, key, safe(value))
        return True
