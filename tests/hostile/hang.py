"""A parse function for the deadline tests: hangs on input starting with b"HANG"."""

import time


def parse(data: bytes, *, path=None):
    if data.startswith(b"HANG"):
        time.sleep(3600)
    return len(data)
