"""Run the fake EDGAR as a process: prints its URL (one line, flushed) and serves until killed.

    python -m edgar_atm.fakeedgar --root tests/data/edgar/site [--port N] [--latency S]
        [--rate-limit R] [--block-seconds S] [--fault-rate F] ...
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
from datetime import date

from .faults import FAULT_KINDS, Faults
from .server import FakeEdgarServer
from .site import Site


def _day(text: str) -> date:
    return date.fromisoformat(text)


def _latency(text: str) -> float | tuple[float, float]:
    if ":" in text:
        low, high = (float(x) for x in text.split(":", 1))
        if not 0 <= low <= high:
            raise argparse.ArgumentTypeError(f"need 0 <= LOW <= HIGH, got {text}")
        return (low, high)
    return float(text)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m edgar_atm.fakeedgar", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--root", required=True, help="directory of complete-submission .txt files "
                   "(files under ROOT/static/ are served as-is at their relative path)")
    p.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (default: any free one)")
    p.add_argument("--latency", type=_latency, default=0.0,
                   help="seconds added to every answer: S, or LOW:HIGH drawn uniformly per answer")
    p.add_argument("--rate-limit", type=float, default=10.0,
                   help="requests per sliding second before the block page (0: no limit)")
    p.add_argument("--block-seconds", type=float, default=600.0, help="how long a block lasts")
    p.add_argument("--block-status", type=int, choices=(403, 429), default=429)
    p.add_argument("--fault-rate", type=float, default=0.0, help="probability of a fault per request")
    p.add_argument("--fault-kinds", default=",".join(FAULT_KINDS),
                   help=f"comma-separated subset of {','.join(FAULT_KINDS)}")
    p.add_argument("--fault-seed", type=int, default=0)
    p.add_argument("--fault-path", default=None, help="regex: only matching paths get faults")
    p.add_argument("--form-column-width", type=int, choices=(12, 17), default=12)
    p.add_argument("--publish-through", type=_day, default=None,
                   help="YYYY-MM-DD: daily indexes after it answer 403 (not yet published)")
    p.add_argument("--submissions-page-size", type=int, default=1000,
                   help="filings per submissions JSON page (recent and each files[] page)")
    p.add_argument("--populate", nargs=3, metavar=("START", "END", "PER_DAY"), default=None,
                   help="clone the loaded filings onto every business day START..END, PER_DAY a day")
    p.add_argument("--mark-business-days", nargs=2, metavar=("START", "END"), type=_day, default=None,
                   help="give every business day START..END a daily index, even an empty one")
    p.add_argument("--holiday", type=_day, action="append", default=[], metavar="DATE",
                   help="a weekday without an index for --populate/--mark-business-days (repeatable)")
    p.add_argument("--request-log", default=None, help="append every request to this JSON Lines file")
    p.add_argument("--no-require-user-agent", action="store_true",
                   help="accept requests without an e-mail address in the User-Agent")
    p.add_argument("-v", "--verbose", action="store_true", help="log every request to stderr")
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING, stream=sys.stderr,
                        format="%(asctime)s %(name)s %(levelname)s %(message)s")
    site = Site.from_directory(args.root, submissions_page_size=args.submissions_page_size)
    if args.populate:
        start, end, per_day = _day(args.populate[0]), _day(args.populate[1]), int(args.populate[2])
        site.populate(start, end, per_day, holidays=args.holiday)
    if args.mark_business_days:
        first, last = args.mark_business_days
        site.mark_business_days(first, last, holidays=args.holiday)
    if args.publish_through:
        site.publish_until(args.publish_through)
    faults = None
    if args.fault_rate:
        kinds = [k.strip() for k in args.fault_kinds.split(",") if k.strip()]
        faults = Faults(rate=args.fault_rate, kinds=kinds, seed=args.fault_seed, path_pattern=args.fault_path)
    server = FakeEdgarServer(
        site, port=args.port, rate_limit=args.rate_limit or None, block_seconds=args.block_seconds,
        block_status=args.block_status, latency=args.latency, faults=faults,
        form_column_width=args.form_column_width, require_user_agent=not args.no_require_user_agent,
        request_log_file=args.request_log,
    ).bind()
    # SIGTERM (what a test or the demo sends) ends serve_forever like Ctrl-C does.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    print(server.url, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
