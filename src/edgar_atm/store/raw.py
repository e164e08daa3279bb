"""The raw store: every fetched submission's bytes, compressed, keyed by accession number,
so `reparse` never needs the network.

Layout: root/{filer-agent}/{yy}/{accession}.txt.gz, e.g.
root/0001193125/25/0001193125-25-338333.txt.gz (about 10^4-10^5 files per folder per year).

Each file is a standard gzip stream (`zcat` reads it) whose header comment (RFC 1952 FCOMMENT)
holds "sha256=<hex of the uncompressed bytes> accession=<accession>". A read checks the gzip
CRC and length, then that hash and accession, so a truncated, bit-flipped or misplaced file is
reported (StoreError with the accession), never returned as a filing.

Writes are atomic: a temp file in the same folder, fsync, os.replace, fsync of the folder. A
crash leaves either the previous file or the new one, plus at worst a dot-named temp file
that no read ever looks at (`remove_stale_temp_files` clears old ones). Concurrent writers
of one accession each replace the file whole; readers see one complete version or the other.
"""

from __future__ import annotations

import hashlib
import logging
import os
import struct
import tempfile
import time
import zlib
from collections.abc import Iterator
from pathlib import Path

from ..edgar.paths import normalize_accession
from ..errors import StoreError

log = logging.getLogger(__name__)

SUFFIX = ".txt.gz"
TEMP_PREFIX = "."
_GZIP_MAGIC = b"\x1f\x8b"
_FLAG_FHCRC, _FLAG_FEXTRA, _FLAG_FNAME, _FLAG_FCOMMENT = 0x02, 0x04, 0x08, 0x10
# Level 6 is gzip's default: on real filings it compresses 8.1x against level 9's 8.2x, and
# ran about 1.5x faster on a quiet machine (benchmarks/README.md, raw store).
DEFAULT_LEVEL = 6


class RawStore:
    def __init__(self, root: Path | str, *, compresslevel: int = DEFAULT_LEVEL):
        # Absolute, so the store is the same whatever folder a later command runs from.
        self.root = Path(root).expanduser().absolute()
        self.compresslevel = compresslevel

    def __repr__(self) -> str:
        return f"RawStore({str(self.root)!r})"

    def path_for(self, accession: str) -> Path:
        acc = self._key(accession)
        return self.root / acc[:10] / acc[11:13] / f"{acc}{SUFFIX}"

    def has(self, accession: str) -> bool:
        """True when a file is stored for the accession (its content is checked by get)."""
        return self.path_for(accession).is_file()

    def put(self, accession: str, data: bytes) -> str:
        """Store `data` for the accession and return its sha256 (hex). Storing the same bytes
        again is a no-op when the stored file is intact; different bytes, or a damaged file,
        are replaced atomically."""
        acc = self._key(accession)
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError(f"raw store takes bytes, got {type(data).__name__}")
        data = bytes(data)
        digest = hashlib.sha256(data).hexdigest()
        path = self.path_for(acc)
        if self._stored_digest(path, acc) == digest and self.verify(acc):
            return digest  # already stored and intact (a damaged copy is rewritten)
        blob = _encode(data, digest, acc, self.compresslevel)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            _atomic_write(path, blob)
        except OSError as exc:
            raise StoreError(f"cannot write raw filing to {path}: {exc}",
                             accession_number=acc) from exc
        return digest

    def get(self, accession: str) -> bytes:
        """The stored bytes, checked against their recorded sha256. StoreError when the
        accession is not stored or its file is damaged."""
        acc = self._key(accession)
        path = self.path_for(acc)
        try:
            blob = path.read_bytes()
        except FileNotFoundError:
            raise StoreError(f"{acc} is not in the raw store", accession_number=acc) from None
        except OSError as exc:
            raise StoreError(f"cannot read {path}: {exc}", accession_number=acc) from exc
        try:
            data, digest, stored_acc = _decode(blob)
        except ValueError as exc:
            raise StoreError(f"raw file of {acc} is damaged ({exc}): {path}",
                             accession_number=acc) from exc
        if stored_acc != acc:
            raise StoreError(f"raw file at {path} holds {stored_acc}, not {acc}",
                             accession_number=acc)
        if hashlib.sha256(data).hexdigest() != digest:
            raise StoreError(f"raw file of {acc} does not match its sha256: {path}",
                             accession_number=acc)
        return data

    def sha256(self, accession: str) -> str | None:
        """The recorded hash (header only, content not checked), None if not stored."""
        acc = self._key(accession)
        return self._stored_digest(self.path_for(acc), acc)

    def problem(self, accession: str, *, sha256: str | None = None, size: int | None = None) -> str | None:
        """A cheap check (header and trailer, no decompression) against what the database
        recorded: None when the file looks intact, else what is wrong with it."""
        acc = self._key(accession)
        path = self.path_for(acc)
        try:
            with open(path, "rb") as fh:
                head = fh.read(512)
                fh.seek(0, os.SEEK_END)
                length = fh.tell()
                fh.seek(max(length - 4, 0))
                tail = fh.read(4)
        except FileNotFoundError:
            return f"is missing ({path})"
        except OSError as exc:
            return f"cannot be read ({path}: {exc.strerror or exc})"
        try:
            digest, stored_acc, offset = _read_header(head)
        except ValueError as exc:
            return f"is damaged ({exc}): {path}"
        if stored_acc != acc:
            return f"holds {stored_acc or 'another filing'}, not {acc}: {path}"
        if sha256 and digest != sha256:
            return f"does not hold the bytes recorded (sha256 differs): {path}"
        if length < offset + 8:
            return f"is truncated: {path}"
        if size is not None and len(tail) == 4 and struct.unpack("<I", tail)[0] != size & 0xFFFFFFFF:
            return f"is truncated or damaged (length differs from the {size} bytes recorded): {path}"
        return None

    def verify(self, accession: str) -> bool:
        try:
            self.get(accession)
        except StoreError:
            return False
        return True

    def iter_accessions(self) -> Iterator[str]:
        """Every stored accession, in sorted order; temp files and strays are ignored."""
        if not self.root.is_dir():
            return
        for agent in sorted(_dirs(self.root)):
            for year in sorted(_dirs(agent)):
                names = sorted(
                    e.name for e in os.scandir(year)
                    if e.is_file() and e.name.endswith(SUFFIX) and not e.name.startswith(TEMP_PREFIX)
                )
                for name in names:
                    try:
                        yield normalize_accession(name[: -len(SUFFIX)])
                    except ValueError:
                        continue

    def __contains__(self, accession: str) -> bool:
        return self.has(accession)

    def remove_stale_temp_files(self, older_than: float = 3600.0) -> int:
        """Delete temp files left by writers that died (older than `older_than` seconds, so
        a write in progress is never touched). Returns how many were removed."""
        if not self.root.is_dir():
            return 0
        cutoff = time.time() - older_than
        removed = 0
        for path in self.root.glob(f"*/*/{TEMP_PREFIX}*"):
            try:
                if path.stat().st_mtime < cutoff:
                    path.unlink()
                    removed += 1
            except FileNotFoundError:
                continue
        return removed

    def _key(self, accession: str) -> str:
        try:
            return normalize_accession(accession)
        except ValueError as exc:
            raise StoreError(str(exc), accession_number=str(accession)) from exc

    def _stored_digest(self, path: Path, accession: str) -> str | None:
        try:
            with open(path, "rb") as fh:
                head = fh.read(512)
        except OSError:
            return None
        try:
            digest, stored_acc, _ = _read_header(head)
        except ValueError:
            return None
        return digest if stored_acc == accession else None


# --- file format: gzip with the hash in FCOMMENT -----------------------------------------


def _encode(data: bytes, digest: str, accession: str, level: int) -> bytes:
    header = struct.pack("<2sBBIBB", _GZIP_MAGIC, 8, _FLAG_FCOMMENT, 0, 0, 255)
    comment = f"sha256={digest} accession={accession}".encode("ascii") + b"\0"
    deflate = zlib.compressobj(level, zlib.DEFLATED, -zlib.MAX_WBITS)
    body = deflate.compress(data) + deflate.flush()
    trailer = struct.pack("<II", zlib.crc32(data) & 0xFFFFFFFF, len(data) & 0xFFFFFFFF)
    return header + comment + body + trailer


def _read_header(blob: bytes) -> tuple[str, str, int]:
    """(sha256 hex, accession, offset of the deflate stream); ValueError if not ours."""
    if len(blob) < 10 or blob[:2] != _GZIP_MAGIC or blob[2] != 8:
        raise ValueError("not a gzip file")
    flags, pos = blob[3], 10
    if flags & _FLAG_FEXTRA:
        (xlen,) = struct.unpack_from("<H", blob, pos)
        pos += 2 + xlen
    if flags & _FLAG_FNAME:
        pos = blob.index(b"\0", pos) + 1
    if not flags & _FLAG_FCOMMENT:
        raise ValueError("no recorded sha256")
    end = blob.find(b"\0", pos)
    if end < 0:
        raise ValueError("gzip header cut short")
    comment = blob[pos:end]
    pos = end + 1
    if flags & _FLAG_FHCRC:
        pos += 2
    fields = dict(f.partition("=")[::2] for f in comment.decode("ascii", "replace").split())
    digest, accession = fields.get("sha256", ""), fields.get("accession", "")
    if len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
        raise ValueError("no recorded sha256")
    return digest, accession, pos


def _decode(blob: bytes) -> tuple[bytes, str, str]:
    digest, accession, pos = _read_header(blob)
    inflate = zlib.decompressobj(-zlib.MAX_WBITS)
    try:
        data = inflate.decompress(blob[pos:]) + inflate.flush()
    except zlib.error as exc:
        raise ValueError(f"corrupt deflate stream: {exc}") from exc
    if not inflate.eof:
        raise ValueError("file is truncated")
    trailer = inflate.unused_data
    if len(trailer) != 8:
        raise ValueError("bad gzip trailer (truncated or trailing bytes)")
    crc, size = struct.unpack("<II", trailer)
    if crc != zlib.crc32(data) & 0xFFFFFFFF or size != len(data) & 0xFFFFFFFF:
        raise ValueError("gzip CRC or length mismatch")
    return data, digest, accession


# --- atomic replace ------------------------------------------------------------------------


def _atomic_write(path: Path, blob: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f"{TEMP_PREFIX}{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(blob)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    _fsync_dir(path.parent)


def _fsync_dir(directory: Path) -> None:
    # Makes the rename itself durable across a power cut (POSIX); not possible everywhere.
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _dirs(parent: Path) -> Iterator[Path]:
    for entry in os.scandir(parent):
        if entry.is_dir() and not entry.name.startswith("."):
            yield Path(entry.path)
